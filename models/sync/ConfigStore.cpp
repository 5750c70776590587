#include "ConfigStore.h"

#include "store/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString streamLabel(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Features:
        return QStringLiteral("features");
    case StreamKind::Pages:
        return QStringLiteral("pages");
    case StreamKind::Guides:
        return QStringLiteral("guides");
    case StreamKind::TrackEvents:
        return QStringLiteral("trackEvents");
    }
    return {};
}

QJsonObject scopeJson(const RecomputeScope &scope)
{
    QJsonArray streams;
    for (StreamKind kind : scope.streams)
        streams.append(streamLabel(kind));
    return QJsonObject {{QStringLiteral("identities"), scope.identities},
                        {QStringLiteral("streams"), streams},
                        {QStringLiteral("reports"), scope.reports},
                        {QStringLiteral("aggregations"), scope.aggregations},
                        {QStringLiteral("pes"), scope.pes},
                        {QStringLiteral("firstValue"), scope.firstValue}};
}

} // namespace

ConfigStore::ConfigStore(Database &database, Now now)
    : m_database(database)
    , m_now(now ? std::move(now) : Now([] { return QDateTime::currentDateTimeUtc(); }))
{
}

int ConfigStore::currentVersion(QString *error) const
{
    QSqlQuery query(m_database.connection());
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM config_versions")) || !query.next()) {
        setError(error, query.lastError().text());
        return 0;
    }
    return query.value(0).toInt();
}

IntegrationConfig ConfigStore::current(QString *error) const
{
    const int version = currentVersion(error);
    if (version == 0)
        return IntegrationConfig::defaults();
    return load(version, error).value_or(IntegrationConfig::defaults());
}

std::optional<IntegrationConfig> ConfigStore::load(int version, QString *error) const
{
    if (version == 0)
        return IntegrationConfig::defaults();
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT config FROM config_versions WHERE version = :version"));
    query.bindValue(QStringLiteral(":version"), version);
    if (!query.exec()) {
        setError(error, query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        setError(error,
                 QCoreApplication::translate("ConfigStore", "there is no configuration version %1").arg(version));
        return std::nullopt;
    }
    QString parseError;
    auto config = IntegrationConfig::fromJsonBytes(query.value(0).toString().toUtf8(), &parseError);
    if (!config)
        setError(error,
                 QCoreApplication::translate("ConfigStore", "configuration version %1 cannot be read: %2")
                     .arg(version)
                     .arg(parseError));
    return config;
}

QList<ConfigVersionInfo> ConfigStore::history(QString *error) const
{
    QList<ConfigVersionInfo> versions;
    QSqlQuery query(m_database.connection());
    if (!query.exec(
            QStringLiteral("SELECT version, created_at, actor, summary FROM config_versions ORDER BY version DESC"))) {
        setError(error, query.lastError().text());
        return versions;
    }
    while (query.next()) {
        ConfigVersionInfo info;
        info.version = query.value(0).toInt();
        info.createdAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        info.actor = query.value(2).toString();
        info.summary = query.value(3).toString();
        versions.append(info);
    }
    return versions;
}

std::optional<ConfigSaveResult> ConfigStore::save(const IntegrationConfig &config, const QString &actor,
                                                  const QString &summary, QString *error)
{
    QSqlDatabase db = m_database.connection();
    if (!db.transaction()) {
        setError(error, db.lastError().text());
        return std::nullopt;
    }
    const auto rollback = [&](const QString &message) -> std::optional<ConfigSaveResult> {
        db.rollback();
        setError(error, message);
        return std::nullopt;
    };

    QString readError;
    const int previousVersion = currentVersion(&readError);
    if (!readError.isEmpty())
        return rollback(readError);
    const IntegrationConfig previous = current(&readError);
    if (!readError.isEmpty())
        return rollback(readError);

    ConfigSaveResult result;
    result.version = previousVersion;
    const QByteArray body = config.toJsonBytes();
    // Version 0 is implicit (the defaults); the first explicit save always records who chose what.
    if (previousVersion > 0 && body == previous.toJsonBytes()) {
        db.commit();
        return result;
    }
    result.changedSections = IntegrationConfig::changedSections(previous, config);
    result.changes = IntegrationConfig::describeChanges(previous, config);
    result.recompute = IntegrationConfig::recomputeScope(previous, config);
    result.version = previousVersion + 1;
    result.created = true;

    const QString at = m_now().toUTC().toString(Qt::ISODateWithMs);
    const QString text = summary.trimmed().isEmpty()
        ? (result.changes.isEmpty() ? QCoreApplication::translate("ConfigStore", "Configuration saved")
                                    : result.changes.join(QStringLiteral("; ")))
        : summary.trimmed();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO config_versions (version, created_at, actor, summary, config) "
                                  "VALUES (:version, :at, :actor, :summary, :config)"));
    insert.bindValue(QStringLiteral(":version"), result.version);
    insert.bindValue(QStringLiteral(":at"), at);
    insert.bindValue(QStringLiteral(":actor"), actor);
    insert.bindValue(QStringLiteral(":summary"), text);
    insert.bindValue(QStringLiteral(":config"), QString::fromUtf8(body));
    if (!insert.exec())
        return rollback(insert.lastError().text());

    const QJsonObject details {{QStringLiteral("version"), result.version},
                               {QStringLiteral("previousVersion"), previousVersion},
                               {QStringLiteral("summary"), text},
                               {QStringLiteral("changes"), QJsonArray::fromStringList(result.changes)},
                               {QStringLiteral("sections"), QJsonArray::fromStringList(result.changedSections)},
                               {QStringLiteral("recompute"), scopeJson(result.recompute)}};
    QSqlQuery audit(db);
    audit.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, object_type, object_id, details) "
                                 "VALUES (:at, :actor, 'config.save', 'config', :id, :details)"));
    audit.bindValue(QStringLiteral(":at"), at);
    audit.bindValue(QStringLiteral(":actor"), actor);
    audit.bindValue(QStringLiteral(":id"), QString::number(result.version));
    audit.bindValue(QStringLiteral(":details"),
                    QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!audit.exec())
        return rollback(audit.lastError().text());
    if (!db.commit())
        return rollback(db.lastError().text());
    return result;
}

QByteArray ConfigStore::exportJson(QString *error) const
{
    QString readError;
    const IntegrationConfig config = current(&readError);
    if (!readError.isEmpty()) {
        setError(error, readError);
        return {};
    }
    return config.toJsonBytes();
}

std::optional<ConfigSaveResult> ConfigStore::importJson(const QByteArray &json, const QString &actor, QString *error)
{
    const auto config = IntegrationConfig::fromJsonBytes(json, error);
    if (!config)
        return std::nullopt;
    return save(*config, actor, QCoreApplication::translate("ConfigStore", "Imported configuration"), error);
}
