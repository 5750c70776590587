#include "WorkspaceSession.h"

#include "analytics/AnalyticsEngine.h"
#include "playbooks/PlaybookEngine.h"
#include "analytics/HealthModelStore.h"
#include "pendo/Clock.h"
#include "pendo/PendoClient.h"
#include "security/CredentialStore.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"
#include "sync/CatalogSync.h"
#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"

#include <QThread>

std::unique_ptr<WorkspaceSession> WorkspaceSession::open(const QString &path, CredentialStore &credentials,
                                                         Clock &clock, QString *error, StoreError *typed)
{
    auto database = std::make_unique<Database>(path, clock);
    const StoreError failure = database->open();
    if (failure) {
        if (error)
            *error = failure.cannotOpen(path);
        if (typed)
            *typed = failure;
        return nullptr;
    }
    return std::unique_ptr<WorkspaceSession>(new WorkspaceSession(std::move(database), credentials, clock));
}

WorkspaceSession::WorkspaceSession(std::unique_ptr<Database> database, CredentialStore &credentials, Clock &clock)
    : m_database(std::move(database))
    , m_settings(std::make_unique<WorkspaceSettings>(*m_database))
    , m_credentials(credentials)
    , m_clock(clock)
    , m_syncEngine(std::make_unique<SyncEngine>(*m_database, clock))
    , m_scheduler(std::make_unique<SyncScheduler>(*m_settings, *m_database, clock))
    , m_analytics(std::make_unique<AnalyticsEngine>(*m_database))
    , m_playbooks(std::make_unique<PlaybookEngine>(*m_database))
{
    // Rules judge the numbers once they are computed; a failed or canceled recompute leaves them waiting.
    connect(m_analytics.get(), &AnalyticsEngine::finished, this, [this](const RecomputeSummary &summary) {
        if (summary.ok)
            m_playbooks->evaluate();
    });
    // The derived layer follows the raw one: the days a sync touched, or everything after a change.
    connect(m_syncEngine.get(), &SyncEngine::touched, this, [this](const SyncTouched &touched) {
        m_analytics->recompute(RecomputeRequest::incremental(int(touched.fromDay.toJulianDay()), QStringLiteral("sync")));
    });
    connect(this, &WorkspaceSession::configSaved, this,
            [this] { m_analytics->recompute(RecomputeRequest::full(QStringLiteral("configuration"))); });
    // Any run that starts counts for the schedule: an hourly sync does not follow a manual one at once.
    connect(m_syncEngine.get(), &SyncEngine::started, this, [this](qint64, SyncRequest::Kind kind) {
        if (kind != SyncRequest::Kind::Backfill)
            m_scheduler->noteRun(QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()));
    });
    connect(m_scheduler.get(), &SyncScheduler::due, this, [this] {
        SyncRequest request;
        request.kind = SyncRequest::Kind::Scheduled;
        startSync(request, this, [](const QString &problem) {
            if (!problem.isEmpty())
                qCInfo(lcSync) << "scheduled sync not started:" << problem;
        });
    });
    connect(m_settings.get(), &WorkspaceSettings::changed, this, [this](WorkspaceSettings::Key key) {
        if (key == WorkspaceSettings::Key::Region || key == WorkspaceSettings::Key::BaseUrl
            || key == WorkspaceSettings::Key::RegionUrls) {
            m_client.reset();
            Q_EMIT connectionChanged();
        }
    });
}

WorkspaceSession::~WorkspaceSession()
{
    m_scheduler.reset();
    // A recompute cut short leaves the last complete derived layer; the next run redoes it.
    m_playbooks.reset();
    m_analytics.reset();
    // Cancels a running sync and waits for its thread; its finished windows are already committed.
    m_syncEngine.reset();
    if (m_catalogSync)
        m_catalogSync->cancel();
    delete m_catalogSync;
    m_client.reset();
    m_setupClient.reset();
    // The writer finishes every queued unit before the database closes.
    m_database->writer().shutdown();
}

QString WorkspaceSession::path() const
{
    return m_database->path();
}

RegionTable WorkspaceSession::regions(QString *problem) const
{
    return RegionTable::fromSettingsAndEnvironment(m_settings->text(WorkspaceSettings::Key::RegionUrls), problem);
}

QString WorkspaceSession::regionKey() const
{
    return m_settings->text(WorkspaceSettings::Key::Region);
}

QUrl WorkspaceSession::baseUrl() const
{
    return QUrl(m_settings->text(WorkspaceSettings::Key::BaseUrl));
}

QString WorkspaceSession::connectionName() const
{
    const RegionInfo *info = RegionTable::find(regionKey());
    return info ? info->name : baseUrl().toString();
}

std::unique_ptr<PendoClient> WorkspaceSession::createClient(const QUrl &baseUrl, const QByteArray &key,
                                                            std::chrono::milliseconds timeout) const
{
    ClientConfig config;
    config.baseUrl = baseUrl;
    config.integrationKey = key;
    if (timeout.count() > 0)
        config.timeout = timeout;
    return std::make_unique<PendoClient>(config, m_clock);
}

PendoClient *WorkspaceSession::clientFor(const QUrl &baseUrl, const QByteArray &key)
{
    if (!m_setupClient || m_setupUrl != baseUrl || m_setupKey != key) {
        m_setupClient = createClient(baseUrl, key);
        m_setupUrl = baseUrl;
        m_setupKey = key;
    }
    return m_setupClient.get();
}

void WorkspaceSession::readKey(QObject *context,
                               std::function<void(const QByteArray &key, const QString &problem)> done)
{
    const auto kept = m_sessionKeys.constFind(regionKey());
    if (kept != m_sessionKeys.cend()) {
        done(*kept, QString());
        return;
    }
    m_credentials.read({path(), regionKey()}, context, [done](const CredentialResult &stored) {
        if (stored.ok())
            return done(stored.secret, QString());
        done({}, stored.status == CredentialResult::Status::NotFound
                     ? tr("No stored integration key: use Pendo → Connect to Pendo… first.")
                     : stored.message);
    });
}

void WorkspaceSession::withClient(QObject *context,
                                  std::function<void(PendoClient *client, const QString &problem)> ready)
{
    if (!isConnected()) {
        ready(nullptr, tr("not connected to Pendo yet: use Pendo → Connect to Pendo… first"));
        return;
    }
    if (m_client) {
        ready(m_client.get(), QString());
        return;
    }
    QPointer<QObject> guard(context);
    readKey(this, [this, guard, ready](const QByteArray &key, const QString &problem) {
        if (!guard)
            return;
        if (key.isEmpty())
            return ready(nullptr, problem);
        m_client = createClient(baseUrl(), key);
        ready(m_client.get(), QString());
    });
}

void WorkspaceSession::startSync(const SyncRequest &request, QObject *context,
                                 std::function<void(const QString &problem)> done)
{
    if (!isConnected())
        return done(tr("not connected to Pendo yet: use Pendo → Connect to Pendo… first"));
    if (m_syncEngine->isRunning())
        return done(tr("a sync is already running"));
    QPointer<QObject> guard(context);
    readKey(this, [this, guard, request, done](const QByteArray &key, const QString &problem) {
        if (!guard)
            return;
        if (key.isEmpty())
            return done(problem);
        ClientConfig client;
        client.baseUrl = baseUrl();
        client.integrationKey = key;
        QString notStarted;
        m_syncEngine->start(request, client, &notStarted);
        done(notStarted);
    });
}

void WorkspaceSession::connectPendo(const QString &regionKey, const QUrl &baseUrl, const QByteArray &key,
                                    QObject *context, std::function<void(const ConnectOutcome &)> done)
{
    QPointer<QObject> guard(context);
    m_settings
        ->setValues({{WorkspaceSettings::Key::Region, regionKey}, {WorkspaceSettings::Key::BaseUrl, baseUrl.toString()}})
        .then(this, [this, guard, regionKey, key, done](const StoreError &error) {
            if (error) {
                ConnectOutcome outcome;
                outcome.key = ConnectOutcome::Key::Failed;
                outcome.message = tr("The workspace cannot record the region: %1").arg(error.message());
                if (guard)
                    done(outcome);
                return;
            }
            m_client.reset();
            m_credentials.write({path(), regionKey}, key, this, [this, guard, regionKey, done](const CredentialResult &stored) {
                ConnectOutcome outcome;
                outcome.settingsSaved = true;
                if (stored.ok()) {
                    m_sessionKeys.remove(regionKey);
                    outcome.message = tr("Connected to Pendo. The key is in the system keychain.");
                } else if (stored.status == CredentialResult::Status::NoKeychain) {
                    outcome.key = ConnectOutcome::Key::NoKeychain;
                    outcome.message = tr("This desktop has no keychain to keep the integration key safely, so Pendo "
                                         "Bridge cannot remember it after you close the app. You can keep it for this "
                                         "session only: you will be asked for it again next time.");
                } else {
                    outcome.key = ConnectOutcome::Key::Failed;
                    outcome.message = tr("The key works but could not be stored: %1").arg(stored.message);
                }
                Q_EMIT connectionChanged();
                if (guard)
                    done(outcome);
            });
        });
}

void WorkspaceSession::keepKeyForThisSession(const QString &regionKey, const QByteArray &key)
{
    m_sessionKeys.insert(regionKey, key);
    m_client.reset();
    Q_EMIT connectionChanged();
}

bool WorkspaceSession::hasSessionKey() const
{
    return m_sessionKeys.contains(regionKey());
}

CatalogSync *WorkspaceSession::createCatalogSync(PendoClient *client, QObject *parent)
{
    return new CatalogSync(*m_database, client, parent);
}

void WorkspaceSession::refreshCatalog()
{
    if (m_catalogSync)
        return; // one refresh at a time; its end is announced to every listener
    withClient(this, [this](PendoClient *client, const QString &problem) {
        if (!client) {
            Q_EMIT catalogRefreshed(problem);
            return;
        }
        m_catalogSync = createCatalogSync(client, this);
        connect(m_catalogSync, &CatalogSync::progress, this, &WorkspaceSession::catalogProgress);
        connect(m_catalogSync, &CatalogSync::finished, this,
                [this, sync = m_catalogSync.data()](const PendoError &error, const QString &storeError) {
                    sync->deleteLater();
                    m_catalogSync.clear();
                    Q_EMIT catalogRefreshed(error.isError() ? error.message() : storeError);
                });
        m_catalogSync->start();
    });
}

IntegrationConfig WorkspaceSession::currentConfig(QString *error) const
{
    return ConfigStore(*m_database).current(error);
}

int WorkspaceSession::configVersion() const
{
    return ConfigStore(*m_database).currentVersion();
}

void WorkspaceSession::saveConfig(const IntegrationConfig &config, const QString &actor, const QString &summary,
                                  QObject *context, SaveDone done)
{
    submitConfigSave(QStringLiteral("config.save"),
                     [config, actor, summary](WriteTransaction &tx) { return ConfigStore::save(tx, config, actor, summary); },
                     context, std::move(done));
}

void WorkspaceSession::saveMatchingRules(const MatchRules &rules, const QString &actor, QObject *context,
                                         SaveDone done)
{
    submitConfigSave(QStringLiteral("config.save+match.apply"),
                     [rules, actor](WriteTransaction &tx) -> std::optional<ConfigSaveResult> {
                         QString readError;
                         IntegrationConfig config = ConfigStore::current(tx.db(), &readError);
                         if (!readError.isEmpty()) {
                             tx.fail(StoreError::failed(readError));
                             return std::nullopt;
                         }
                         config.matching = rules;
                         auto saved = ConfigStore::save(tx, config, actor, tr("Matching rules edited"));
                         if (!saved || !Matcher::apply(tx, rules, saved->version, nullptr))
                             return std::nullopt;
                         return saved;
                     },
                     context, std::move(done));
}

void WorkspaceSession::submitConfigSave(const QString &label,
                                        std::function<std::optional<ConfigSaveResult>(WriteTransaction &)> save,
                                        QObject *context, SaveDone done)
{
    auto result = std::make_shared<std::optional<ConfigSaveResult>>();
    QPointer<QObject> guard(context);
    m_database->writer()
        .submit(label,
                [save = std::move(save), result](WriteTransaction &tx) {
                    *result = save(tx);
                    return *result ? StoreError() : tx.error();
                })
        .then(this, [this, guard, result, done = std::move(done)](const StoreError &error) {
            if (!error && *result && (*result)->created)
                Q_EMIT configSaved((*result)->version);
            if (guard)
                done(error ? std::nullopt : *result, error.message());
        });
}

MatchPreview WorkspaceSession::previewMatching(const MatchRules &rules)
{
    return Matcher(*m_database).preview(rules);
}

bool WorkspaceSession::applyMatching(const MatchRules &rules, int configVersion, MatchPreview *result, QString *error)
{
    const bool applied = Matcher(*m_database).apply(rules, configVersion, result, error);
    if (applied)
        requestFullRecompute(QStringLiteral("matching"));
    return applied;
}

qint64 WorkspaceSession::createContactsForUnmatched(const MatchRules &rules, int configVersion, const QString &actor,
                                                    QString *error)
{
    return Matcher(*m_database).createContactsForUnmatched(rules, configVersion, actor, error);
}

ImportReport WorkspaceSession::validateRecords(RecordKind kind, const QString &path, const ColumnMapping &mapping,
                                               const CsImporter::Progress &progress,
                                               const CsImporter::Canceled &canceled)
{
    return CsImporter(*m_database, kind).validate(path, mapping, progress, canceled);
}

ImportReport WorkspaceSession::importRecords(RecordKind kind, const QString &path, const ColumnMapping &mapping,
                                             const ImportOptions &options, const CsImporter::Progress &progress,
                                             const CsImporter::Canceled &canceled)
{
    ImportReport report = CsImporter(*m_database, kind).run(path, mapping, options, progress, canceled);
    requestFullRecompute(QStringLiteral("import"));
    return report;
}

void WorkspaceSession::requestFullRecompute(const QString &reason)
{
    // Blocking forms run on pool threads; the engine lives on this object's thread.
    QMetaObject::invokeMethod(
        this, [this, reason] { m_analytics->recompute(RecomputeRequest::full(reason)); }, Qt::QueuedConnection);
}

void WorkspaceSession::saveHealthModel(const HealthModel &model, const QString &actor, const QString &summary,
                                       int effectiveDay, QObject *context,
                                       std::function<void(int version, const QString &error)> done)
{
    auto version = std::make_shared<int>(0);
    QPointer<QObject> guard(context);
    m_database->writer()
        .submit(QStringLiteral("health_model.save"),
                [model, actor, summary, effectiveDay, version](WriteTransaction &tx) {
                    const std::optional<int> saved = HealthModelStore::save(tx, model, actor, summary, effectiveDay);
                    *version = saved.value_or(0);
                    return saved ? StoreError() : tx.error();
                })
        .then(this, [this, guard, version, done = std::move(done)](const StoreError &error) {
            if (!error)
                m_analytics->recompute(RecomputeRequest::full(QStringLiteral("health model")));
            if (guard)
                done(error ? 0 : *version, error.message());
        });
}
