#include "WorkspaceSettings.h"

#include "Database.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

WorkspaceSettings::WorkspaceSettings(Database &database)
    : m_database(database)
{
}

QString WorkspaceSettings::value(const char *key, const QString &fallback) const
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("SELECT value FROM settings WHERE setting_key = :key"));
    query.bindValue(QStringLiteral(":key"), QString::fromLatin1(key));
    if (!query.exec() || !query.next())
        return fallback;
    return query.value(0).toString();
}

bool WorkspaceSettings::setValue(const char *key, const QString &value, QString *error)
{
    QSqlQuery query(m_database.connection());
    query.prepare(QStringLiteral("INSERT INTO settings (setting_key, value, updated_at) VALUES (:key, :value, :at) "
                                 "ON CONFLICT (setting_key) DO UPDATE SET value = excluded.value, "
                                 "updated_at = excluded.updated_at"));
    query.bindValue(QStringLiteral(":key"), QString::fromLatin1(key));
    query.bindValue(QStringLiteral(":value"), value);
    query.bindValue(QStringLiteral(":at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}
