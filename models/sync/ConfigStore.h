#pragma once

#include "IntegrationConfig.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class Database;

/** One saved version of the integration configuration (without its body). */
struct ConfigVersionInfo
{
    int version = 0;
    QDateTime createdAt;
    QString actor;
    QString summary;
};

/** What a save did: the version now current, whether it is new, and what the change invalidates. */
struct ConfigSaveResult
{
    int version = 0;
    bool created = false;          // false: nothing changed, no version was written
    QStringList changedSections;   // see IntegrationConfig::changedSections
    QStringList changes;           // readable lines, also in the audit log
    RecomputeScope recompute;      // for the derived layer's recompute (all synced days)
};

/**
 * The versioned integration configuration in the workspace: every save that changes anything
 * writes the whole configuration as a new row of config_versions plus a `config.save` audit
 * entry naming who, when and what changed — in one transaction. Before the first save the
 * current configuration is IntegrationConfig::defaults() at version 0. Uses the calling
 * thread's connection; create and use it on one thread.
 */
class ConfigStore final
{
public:
    using Now = std::function<QDateTime()>;

    explicit ConfigStore(Database &database, Now now = {});

    int currentVersion(QString *error = nullptr) const;
    /** The newest saved configuration, or the defaults while nothing was saved yet. */
    IntegrationConfig current(QString *error = nullptr) const;
    std::optional<IntegrationConfig> load(int version, QString *error = nullptr) const;
    /** Newest first. */
    QList<ConfigVersionInfo> history(QString *error = nullptr) const;

    std::optional<ConfigSaveResult> save(const IntegrationConfig &config, const QString &actor, const QString &summary,
                                         QString *error);

    /** The current configuration in its export form (indented JSON). */
    QByteArray exportJson(QString *error = nullptr) const;
    /** Validates the whole document, then saves it as one new version; nothing is written when it is invalid. */
    std::optional<ConfigSaveResult> importJson(const QByteArray &json, const QString &actor, QString *error);

private:
    Database &m_database;
    Now m_now;
};
