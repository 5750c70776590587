#pragma once

#include <QString>
#include <QVariant>

class Database;

/**
 * Workspace-scoped settings (the Pendo region and base URL, later schedules and options) in the
 * workspace's settings table. Never holds secrets. Uses the calling thread's connection.
 */
class WorkspaceSettings final
{
public:
    static constexpr const char *region = "pendo.region";
    static constexpr const char *baseUrl = "pendo.base_url";
    /** Region → API address overrides, "us=URL,eu=URL" (proxies, resellers); the environment wins. */
    static constexpr const char *regionUrls = "pendo.region_urls";

    explicit WorkspaceSettings(Database &database);

    QString value(const char *key, const QString &fallback = {}) const;
    bool setValue(const char *key, const QString &value, QString *error = nullptr);

private:
    Database &m_database;
};
