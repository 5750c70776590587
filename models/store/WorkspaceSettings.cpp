#include "WorkspaceSettings.h"

#include "Database.h"
#include "WorkspaceWriter.h"
#include "WriteTransaction.h"

#include <QSqlError>
#include <QSqlQuery>

const QList<WorkspaceSettings::Spec> &WorkspaceSettings::table()
{
    static const QList<Spec> specs{
        {Key::Region, "pendo.region", QMetaType::QString, QString()},
        {Key::BaseUrl, "pendo.base_url", QMetaType::QString, QString()},
        {Key::RegionUrls, "pendo.region_urls", QMetaType::QString, QString()},
        {Key::SettleDays, "sync.settle_days", QMetaType::Int, 2},
        {Key::SyncConcurrency, "sync.concurrency", QMetaType::Int, 4},
        {Key::ScheduleMode, "sync.schedule", QMetaType::QString, QStringLiteral("off")},
        {Key::ScheduleTime, "sync.schedule_time", QMetaType::QString, QStringLiteral("06:00")},
        {Key::TimeZone, "pendo.time_zone", QMetaType::QString, QString()},
    };
    return specs;
}

const WorkspaceSettings::Spec &WorkspaceSettings::spec(Key key)
{
    for (const Spec &s : table())
        if (s.key == key)
            return s;
    Q_UNREACHABLE();
}

WorkspaceSettings::WorkspaceSettings(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    reload();
}

QVariant WorkspaceSettings::convert(const Spec &spec, const QString &stored)
{
    QVariant value(stored);
    if (spec.type != QMetaType::QString && !value.convert(QMetaType(spec.type)))
        return spec.defaultValue;
    return value;
}

StoreError WorkspaceSettings::reload()
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT setting_key, value FROM settings")))
        return StoreError::fromSql(query.lastError());
    QHash<QString, QString> stored;
    while (query.next())
        stored.insert(query.value(0).toString(), query.value(1).toString());
    m_values.clear();
    for (const Spec &s : table()) {
        const auto it = stored.constFind(QString::fromLatin1(s.name));
        m_values.insert(s.key, it == stored.cend() ? s.defaultValue : convert(s, *it));
    }
    return {};
}

QVariant WorkspaceSettings::value(Key key) const
{
    return m_values.value(key, spec(key).defaultValue);
}

QFuture<StoreError> WorkspaceSettings::setValue(Key key, const QVariant &value)
{
    return setValues({{key, value}});
}

namespace {

/** The unit of work that writes `values`. */
WorkspaceWriter::Job writeAll(const QList<std::pair<WorkspaceSettings::Key, QVariant>> &values)
{
    return [values](WriteTransaction &tx) {
        for (const auto &[key, value] : values)
            if (!WorkspaceSettings::write(tx, key, value))
                return tx.error();
        return StoreError();
    };
}

} // namespace

QFuture<StoreError> WorkspaceSettings::setValues(const QList<std::pair<Key, QVariant>> &values)
{
    QFuture<StoreError> done = m_database.writer().submit(QStringLiteral("settings"), writeAll(values));
    return done.then(this, [this, values](StoreError error) {
        if (!error)
            noteWritten(values);
        return error;
    });
}

StoreError WorkspaceSettings::setValuesAndWait(const QList<std::pair<Key, QVariant>> &values)
{
    const StoreError error = m_database.writer().runAndWait(QStringLiteral("settings"), writeAll(values));
    if (!error)
        noteWritten(values);
    return error;
}

void WorkspaceSettings::noteWritten(const QList<std::pair<Key, QVariant>> &values)
{
    for (const auto &[key, value] : values) {
        const QVariant typed = convert(spec(key), value.toString());
        if (m_values.value(key) == typed)
            continue;
        m_values.insert(key, typed);
        Q_EMIT changed(key);
    }
}

bool WorkspaceSettings::write(WriteTransaction &tx, Key key, const QVariant &value)
{
    QSqlQuery query(tx.db());
    query.prepare(QStringLiteral("INSERT INTO settings (setting_key, value, updated_at) VALUES (:key, :value, :at) "
                                 "ON CONFLICT (setting_key) DO UPDATE SET value = excluded.value, "
                                 "updated_at = excluded.updated_at"));
    query.bindValue(QStringLiteral(":key"), QString::fromLatin1(spec(key).name));
    query.bindValue(QStringLiteral(":value"), value.toString());
    query.bindValue(QStringLiteral(":at"), tx.nowText());
    return tx.exec(query);
}

QVariant WorkspaceSettings::read(QSqlDatabase db, Key key)
{
    const Spec &s = spec(key);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE setting_key = :key"));
    query.bindValue(QStringLiteral(":key"), QString::fromLatin1(s.name));
    if (!query.exec() || !query.next())
        return s.defaultValue;
    return convert(s, query.value(0).toString());
}
