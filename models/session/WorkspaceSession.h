#pragma once

#include "domain/CsRecords.h"
#include "pendo/Region.h"
#include "store/CsImporter.h"
#include "store/StoreError.h"
#include "sync/ConfigStore.h"
#include "sync/Matcher.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class AnalyticsEngine;
class PlaybookEngine;
class CatalogSync;
class HealthModel;
class Clock;
class SyncEngine;
class SyncScheduler;
struct SyncRequest;
class CredentialStore;
class Database;
class PendoClient;
class WorkspaceSettings;
class WriteTransaction;

/** How storing a verified key ended. */
struct ConnectOutcome
{
    enum class Key { Stored, NoKeychain, Failed };
    Key key = Key::Stored;
    bool settingsSaved = false;
    QString message;
};

/**
 * One open workspace and everything that works on it: the database (its readers and its one
 * writer), the typed settings, access to the integration key, the Pendo client factory, the
 * catalog refresh, the integration configuration and matching — and next the sync engine and
 * the analytics recompute. The desktop app and the CLI compose one; widgets only talk to it.
 *
 * Lives on the thread that created it (the UI thread). Asynchronous methods never block that
 * thread; the "blocking" ones queue writes and wait, for pool jobs and the CLI only.
 */
class WorkspaceSession final : public QObject
{
    Q_OBJECT

public:
    /** Opens (creating when missing) and migrates the workspace; nullptr with the user's sentence in *error. */
    static std::unique_ptr<WorkspaceSession> open(const QString &path, CredentialStore &credentials, Clock &clock,
                                                  QString *error, StoreError *typed = nullptr);
    ~WorkspaceSession() override;

    /** Reading connections and the writer, for models and item models. */
    Database &database() { return *m_database; }
    WorkspaceSettings &settings() { return *m_settings; }
    CredentialStore &credentials() { return m_credentials; }
    Clock &clock() const { return m_clock; }
    QString path() const;

    // --- The Pendo connection -------------------------------------------------------------
    /** Built-in regions with the workspace's and the environment's address overrides. */
    RegionTable regions(QString *problem = nullptr) const;
    QString regionKey() const;
    QUrl baseUrl() const;
    bool isConnected() const { return !regionKey().isEmpty() && !baseUrl().isEmpty(); }
    /** "Europe", or the custom address: what the status line shows. */
    QString connectionName() const;

    /** The client factory: every Pendo client of this workspace is made here. */
    std::unique_ptr<PendoClient> createClient(const QUrl &baseUrl, const QByteArray &key,
                                              std::chrono::milliseconds timeout = {}) const;
    /**
     * A client for an address and key not yet recorded (the setup wizard's previews), owned by
     * the session and reused while they stay the same.
     */
    PendoClient *clientFor(const QUrl &baseUrl, const QByteArray &key);
    /**
     * Reads the key (this session's, else the keychain's) and hands `ready` a client for the
     * workspace's Pendo, owned by the session; nullptr and the reason when there is none.
     */
    void withClient(QObject *context, std::function<void(PendoClient *client, const QString &problem)> ready);
    /** Records a verified connection: the region and address in the workspace, the key in the keychain. */
    void connectPendo(const QString &regionKey, const QUrl &baseUrl, const QByteArray &key, QObject *context,
                      std::function<void(const ConnectOutcome &)> done);
    /** Keeps the key in memory until the session ends (no keychain on this desktop). */
    void keepKeyForThisSession(const QString &regionKey, const QByteArray &key);
    bool hasSessionKey() const;

    // --- Catalog ---------------------------------------------------------------------------
    /** A catalog refresh writing into this workspace, for a client the caller owns. */
    CatalogSync *createCatalogSync(PendoClient *client, QObject *parent);
    /** Refreshes the catalog with the stored key; catalogProgress() then catalogRefreshed(). */
    void refreshCatalog();

    // --- Configuration and matching --------------------------------------------------------
    IntegrationConfig currentConfig(QString *error = nullptr) const;
    int configVersion() const;
    using SaveDone = std::function<void(const std::optional<ConfigSaveResult> &result, const QString &error)>;
    /** Saves a new configuration version (with its audit entry) without blocking; `done` on `context`'s thread. */
    void saveConfig(const IntegrationConfig &config, const QString &actor, const QString &summary, QObject *context,
                    SaveDone done);
    /** Saves the matching rules as a new version and re-resolves identities, in one unit of work. */
    void saveMatchingRules(const MatchRules &rules, const QString &actor, QObject *context, SaveDone done);

    // --- Sync ------------------------------------------------------------------------------------
    /** The workspace's sync engine: its signals report every run (started, progress, log, finished). */
    SyncEngine &syncEngine() { return *m_syncEngine; }
    /** Runs scheduled syncs while the session is open, as the workspace's schedule says (off by default). */
    SyncScheduler &scheduler() { return *m_scheduler; }
    /**
     * Reads the key and starts a run; `done` gets an empty problem once the run started, else why
     * it did not (not connected, no key, a run already going).
     */
    void startSync(const SyncRequest &request, QObject *context, std::function<void(const QString &problem)> done);

    // --- Analytics ---------------------------------------------------------------------------
    /**
     * The workspace's recompute: incremental after each sync (the days it touched), full after a
     * configuration, matching, import or health model change. Its signals report every run.
     */
    AnalyticsEngine &analytics() { return *m_analytics; }
    /** Saves a health model version effective from `effectiveDay` (Julian), then recomputes. */
    void saveHealthModel(const HealthModel &model, const QString &actor, const QString &summary, int effectiveDay,
                         QObject *context, std::function<void(int version, const QString &error)> done);

    // --- Playbooks ---------------------------------------------------------------------------
    /** Playbooks and lifecycle goals: evaluated after each completed recompute, edited through it. */
    PlaybookEngine &playbooks() { return *m_playbooks; }

    // --- Blocking forms, for pool jobs and the CLI (never the UI thread) ---------------------
    MatchPreview previewMatching(const MatchRules &rules);
    bool applyMatching(const MatchRules &rules, int configVersion, MatchPreview *result, QString *error);
    qint64 createContactsForUnmatched(const MatchRules &rules, int configVersion, const QString &actor,
                                      QString *error);
    ImportReport validateRecords(RecordKind kind, const QString &path, const ColumnMapping &mapping,
                                 const CsImporter::Progress &progress = {}, const CsImporter::Canceled &canceled = {});
    ImportReport importRecords(RecordKind kind, const QString &path, const ColumnMapping &mapping,
                               const ImportOptions &options, const CsImporter::Progress &progress = {},
                               const CsImporter::Canceled &canceled = {});

Q_SIGNALS:
    /** The region, the address or the key changed. */
    void connectionChanged();
    void catalogProgress(const QString &message);
    /** A refreshCatalog() ended: empty on success, else why not. */
    void catalogRefreshed(const QString &problem);
    /** A configuration version was saved. */
    void configSaved(int version);

private:
    WorkspaceSession(std::unique_ptr<Database> database, CredentialStore &credentials, Clock &clock);
    /** Queues a full recompute from any thread. */
    void requestFullRecompute(const QString &reason);
    void readKey(QObject *context, std::function<void(const QByteArray &key, const QString &problem)> done);
    /** Runs `save` as one unit of work and reports it to `done` (and configSaved()) on this thread. */
    void submitConfigSave(const QString &label, std::function<std::optional<ConfigSaveResult>(WriteTransaction &)> save,
                          QObject *context, SaveDone done);

    std::unique_ptr<Database> m_database;
    std::unique_ptr<WorkspaceSettings> m_settings;
    CredentialStore &m_credentials;
    QHash<QString, QByteArray> m_sessionKeys; // region → key kept for this session only (no keychain)
    Clock &m_clock;
    std::unique_ptr<PendoClient> m_client;
    std::unique_ptr<PendoClient> m_setupClient;
    QUrl m_setupUrl;
    QByteArray m_setupKey;
    QPointer<CatalogSync> m_catalogSync;
    std::unique_ptr<SyncEngine> m_syncEngine;
    std::unique_ptr<SyncScheduler> m_scheduler;
    std::unique_ptr<AnalyticsEngine> m_analytics;
    std::unique_ptr<PlaybookEngine> m_playbooks;
};
