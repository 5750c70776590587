#pragma once

#include "IntegrationConfig.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class Database;
class QSqlDatabase;
class WriteTransaction;

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
 * entry naming who, when and what changed — in one unit of work, whose time it carries. Before
 * the first save the current configuration is IntegrationConfig::defaults() at version 0.
 * Reads use the calling thread's connection; save() inside a unit of work (writer thread) reads
 * and writes on the transaction, so the version it computes is the one it writes. The instance
 * save() and importJson() queue that unit and wait (CLI and pool threads, never the UI thread).
 */
class ConfigStore final
{
public:
    explicit ConfigStore(Database &database);

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

    /** save() inside the caller's unit of work; nullopt after recording the failure on `tx`. */
    static std::optional<ConfigSaveResult> save(WriteTransaction &tx, const IntegrationConfig &config,
                                                const QString &actor, const QString &summary);

    static int currentVersion(QSqlDatabase db, QString *error);
    static IntegrationConfig current(QSqlDatabase db, QString *error);
    static std::optional<IntegrationConfig> load(QSqlDatabase db, int version, QString *error);

private:
    Database &m_database;
};
