#include "SyncWorker.h"

#include "ActivityLanding.h"
#include "CatalogSync.h"
#include "ConfigStore.h"
#include "Matcher.h"
#include "SyncRunStore.h"
#include "UnmatchedReport.h"
#include "WindowFetch.h"
#include "domain/MemoryRelease.h"
#include "pendo/KeyDoctor.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QSet>
#include <QTimer>

namespace {

/** Windows landed without a 429 before one more request may be in flight again. */
constexpr int calmWindowsPerStep = 8;
constexpr int pollMs = 100;
constexpr int progressMs = 250;

bool isKeyError(const PendoError &error)
{
    return error.kind() == PendoError::Kind::InvalidKeyOrRegion || error.kind() == PendoError::Kind::Unauthorized;
}

QString storeSentence(const StoreError &error, const QString &path)
{
    return error.cannotWrite(path);
}

} // namespace

struct SyncWorker::State
{
    State(Database &db, Clock &c)
        : database(db)
        , clock(c)
    {
    }

    Database &database;
    Clock &clock;
    SyncEngine::Options options;
    SyncRequest request;
    ClientConfig clientConfig;
    std::shared_ptr<std::atomic_bool> cancel;
    QString holder = SyncEngine::holderName();

    PendoClient *client = nullptr;
    QPointer<CatalogSync> catalog;
    IdDictionary ids;
    IntegrationConfig config;
    int configVersion = 0;
    QTimeZone zone = QTimeZone::utc();
    SyncPlan plan;
    qsizetype next = 0;
    QList<WindowFetch *> fetching;
    int landing = 0;
    int limit = 4;
    int configuredLimit = 4;
    int calmWindows = 0;

    SyncRunSummary summary;
    SyncProgress progress;
    QElapsedTimer elapsed;
    QElapsedTimer pulling;
    QSet<qint64> touchedAccounts;
    QDate touchedFrom;
    QDate touchedTo;

    enum class Phase { Starting, Pulling, Stopping, Finishing, Done };
    Phase phase = Phase::Starting;
    PendoError fatal;
    QString storeFailure;
    bool canceled = false;
    // Made on the engine thread by startTimers(), as children of the worker.
    QTimer *leaseTimer = nullptr;
    QTimer *pollTimer = nullptr;
    QTimer *progressTimer = nullptr;
    bool progressDirty = false;
};

SyncWorker::SyncWorker(Database &database, Clock &clock, SyncEngine::Options options, SyncRequest request,
                       ClientConfig client, std::shared_ptr<std::atomic_bool> cancel)
    : d(std::make_unique<State>(database, clock))
{
    d->options = options;
    d->request = request;
    d->clientConfig = std::move(client);
    d->clientConfig.timeout = options.requestTimeout;
    d->clientConfig.retry = options.retry;
    d->cancel = std::move(cancel);
    d->summary.kind = request.kind;
    d->summary.backfillDays = request.kind == SyncRequest::Kind::Backfill ? request.backfillDays : 0;
}

SyncWorker::~SyncWorker()
{
    qDeleteAll(d->fetching);
    d->fetching.clear();
}

void SyncWorker::log(SyncLogEntry::Level level, const QString &message, const SyncWindow *window,
                     const QString &errorClass, Keep keep)
{
    SyncLogEntry e;
    e.runId = d->summary.runId;
    e.at = QDateTime::fromMSecsSinceEpoch(d->clock.nowMs(), QTimeZone::utc()).toString(Qt::ISODateWithMs);
    e.level = level;
    e.errorClass = errorClass;
    e.message = message;
    if (window) {
        e.stream = window->key;
        e.appId = window->appId;
        e.day = window->day;
    }
    Q_EMIT logged(e);
    if (e.runId == 0 || keep == Keep::LiveOnly)
        return;
    d->database.writer().submit(QStringLiteral("sync.log"),
                                [e](WriteTransaction &tx) { return SyncRunStore::log(tx, e) ? StoreError() : tx.error(); });
}

void SyncWorker::run()
{
    d->elapsed.start();
    d->progress.phase = tr("Starting");
    QStringList keys;
    for (SyncStream stream : d->request.streams)
        keys << syncs::key(stream);
    auto begun = std::make_shared<SyncRunStore::Begun>();
    const qint64 nowMs = d->clock.nowMs();
    const qint64 leaseMs = d->options.leaseDuration.count();
    d->database.writer()
        .submit(QStringLiteral("sync.begin"),
                [holder = d->holder, nowMs, leaseMs, request = d->request, keys, begun](WriteTransaction &tx) {
                    return SyncRunStore::begin(tx, holder, nowMs, leaseMs, request, keys, begun.get()) ? StoreError()
                                                                                                       : tx.error();
                })
        .then(this, [this, begun](const StoreError &error) {
            if (error) {
                d->storeFailure = storeSentence(error, d->database.path());
                d->summary.errorClass = error.code();
                return complete(SyncStatus::Failed);
            }
            d->summary.runId = begun->runId;
            d->progress.runId = begun->runId;
            if (!begun->leaseAcquired) {
                d->summary.errorClass = QStringLiteral("sync-running");
                d->summary.error = tr("another sync is running on this workspace (%1)").arg(begun->otherHolder);
                d->phase = State::Phase::Done;
                d->summary.status = SyncStatus::Failed;
                Q_EMIT started(d->summary.runId, d->request.kind);
                Q_EMIT finished(d->summary);
                return;
            }
            Q_EMIT started(d->summary.runId, d->request.kind);
            startTimers();
            d->client = new PendoClient(d->clientConfig, d->clock, this);
            connect(d->client, &PendoClient::throttled, this, &SyncWorker::onThrottled);
            findTimeZone();
        });
}

void SyncWorker::startTimers()
{
    d->leaseTimer = new QTimer(this);
    d->pollTimer = new QTimer(this);
    d->progressTimer = new QTimer(this);
    d->leaseTimer->setInterval(int(std::max<qint64>(1000, d->options.leaseDuration.count() / 4)));
    connect(d->leaseTimer, &QTimer::timeout, this, &SyncWorker::renewLease);
    d->leaseTimer->start();
    d->pollTimer->setInterval(pollMs);
    connect(d->pollTimer, &QTimer::timeout, this, [this] {
        if (d->cancel->load() && !d->canceled && d->phase != State::Phase::Done)
            stop(SyncStatus::Canceled);
    });
    d->pollTimer->start();
    d->progressTimer->setInterval(progressMs);
    connect(d->progressTimer, &QTimer::timeout, this, [this] {
        if (d->progressDirty)
            emitProgress();
    });
    d->progressTimer->start();
}

void SyncWorker::renewLease()
{
    const qint64 nowMs = d->clock.nowMs();
    auto held = std::make_shared<bool>(true);
    d->database.writer()
        .submit(QStringLiteral("sync.lease"),
                [holder = d->holder, nowMs, leaseMs = d->options.leaseDuration.count(), held](WriteTransaction &tx) {
                    return SyncRunStore::renewLease(tx, holder, nowMs, leaseMs, held.get()) ? StoreError() : tx.error();
                })
        .then(this, [this, held](const StoreError &error) {
            if (!error && !*held && d->phase == State::Phase::Pulling) {
                d->summary.errorClass = QStringLiteral("lease-lost");
                d->summary.error = tr("another sync took over this workspace");
                stop(SyncStatus::Failed);
            }
        });
}

void SyncWorker::findTimeZone()
{
    QSqlDatabase db = d->database.connection();
    const QString known = WorkspaceSettings::read(db, WorkspaceSettings::Key::TimeZone).toString();
    if (!known.isEmpty() && QTimeZone(known.toUtf8()).isValid()) {
        d->zone = QTimeZone(known.toUtf8());
        return refreshCatalog();
    }
    // Pendo's day buckets start at the subscription's local midnight: a winter and a summer day tell the zone.
    setPhase(tr("Finding the subscription's time zone"));
    const qint64 now = d->clock.nowMs();
    const qint64 winter = KeyDoctor::recentMidMonthNoon(now, 1);
    const qint64 summer = KeyDoctor::recentMidMonthNoon(now, 7);
    auto offsets = std::make_shared<std::pair<std::optional<int>, std::optional<int>>>();
    auto pending = std::make_shared<int>(2);
    for (const bool isWinter : {true, false}) {
        const qint64 noon = isWinter ? winter : summer;
        PendoCall *call = d->client->aggregate(KeyDoctor::dayBucketProbe(noon));
        ++d->progress.requests;
        connect(call, &PendoCall::finished, this, [this, call, noon, isWinter, offsets, pending, winter, summer] {
            call->deleteLater();
            if (call->error().isError()) {
                if (!d->fatal.isError())
                    d->fatal = call->error();
            } else {
                (isWinter ? offsets->first : offsets->second) = KeyDoctor::offsetFromAnswer(call->body(), noon);
            }
            if (--*pending > 0)
                return;
            if (d->fatal.isError())
                return failRun(d->fatal, tr("Cannot read the subscription's time zone"));
            if (!offsets->first || !offsets->second) {
                log(SyncLogEntry::Level::Warning, tr("Pendo has no activity to tell the time zone by; days are UTC."));
                return refreshCatalog();
            }
            const QString zone = KeyDoctor::matchTimeZone(winter, *offsets->first, summer, *offsets->second);
            d->zone = QTimeZone(zone.toUtf8());
            if (!d->zone.isValid())
                d->zone = QTimeZone::utc();
            log(SyncLogEntry::Level::Info, tr("The subscription's days start at midnight %1.").arg(zone));
            d->database.writer()
                .submit(QStringLiteral("sync.timezone"),
                        [zone](WriteTransaction &tx) {
                            return WorkspaceSettings::write(tx, WorkspaceSettings::Key::TimeZone, zone) ? StoreError()
                                                                                                        : tx.error();
                        })
                .then(this, [this](const StoreError &error) {
                    if (error)
                        return failStore(error);
                    refreshCatalog();
                });
        });
    }
}

void SyncWorker::refreshCatalog()
{
    if (d->canceled)
        return;
    if (!d->request.refreshCatalog)
        return plan();
    setPhase(tr("Refreshing the catalog"));
    d->catalog = new CatalogSync(d->database, d->client, this);
    connect(d->catalog, &CatalogSync::progress, this, [this](const QString &message) { setPhase(message); });
    connect(d->catalog, &CatalogSync::finished, this, [this](const PendoError &error, const QString &storeError) {
        d->catalog->deleteLater();
        if (d->canceled)
            return;
        if (isKeyError(error))
            return failRun(error, tr("Pendo refused the key while the catalog was refreshed"));
        if (!storeError.isEmpty()) {
            d->storeFailure = storeError;
            d->summary.errorClass = StoreError::failed({}).code();
            return complete(SyncStatus::Failed);
        }
        if (error.isError())
            log(SyncLogEntry::Level::Warning,
                tr("The catalog could not be refreshed (%1); syncing with the catalog as it was.").arg(error.message()),
                nullptr, error.code());
        // Plan once the refresh (and the snapshot it holds) is deleted, so its memory can be given back.
        QMetaObject::invokeMethod(this, &SyncWorker::plan, Qt::QueuedConnection);
    });
    d->catalog->start();
}

void SyncWorker::plan()
{
    if (d->canceled)
        return;
    setPhase(tr("Planning"));
    // The catalog's snapshot is gone: give its memory back before the year of activity comes in.
    MemoryRelease::releaseFreedMemory();
    QSqlDatabase db = d->database.connection();
    SyncPlanner::Inputs inputs;
    QString error;
    if (!SyncPlanner::read(db, d->request, d->clock.nowMs(), &inputs, &error) || !d->ids.load(db, &error)) {
        d->summary.errorClass = StoreError::failed({}).code();
        d->storeFailure = tr("Cannot read the workspace: %1").arg(error);
        return complete(SyncStatus::Failed);
    }
    d->config = inputs.config;
    d->configVersion = ConfigStore::currentVersion(db, nullptr);
    if (inputs.apps.isEmpty()) {
        d->summary.errorClass = QStringLiteral("no-apps");
        d->summary.error = tr("Pendo lists no apps for this subscription yet: refresh the catalog first.");
        return complete(SyncStatus::Failed);
    }
    d->plan = SyncPlanner::plan(inputs);
    d->summary.fromDay = d->plan.from;
    d->summary.toDay = d->plan.to;
    d->summary.windowsTotal = int(d->plan.windows.size());
    for (SyncStream stream : d->plan.streams)
        d->summary.streams << syncs::key(stream);
    d->progress.windowsTotal = d->summary.windowsTotal;
    const int setting = WorkspaceSettings::read(db, WorkspaceSettings::Key::SyncConcurrency).toInt();
    d->configuredLimit = std::clamp(d->options.concurrency > 0 ? d->options.concurrency : setting, 1, 32);
    d->limit = d->configuredLimit;
    QString resumed;
    if (!d->plan.resumes.isEmpty()) {
        QStringList ids;
        for (qint64 id : d->plan.resumes)
            ids << QString::number(id);
        resumed = tr(" It resumes run %1.").arg(ids.join(QStringLiteral(", ")));
    }
    log(SyncLogEntry::Level::Info,
        tr("Pulling %1 window(s) from %2 to %3 (%4 already synced).")
                .arg(d->plan.windows.size())
                .arg(d->plan.from.toString(Qt::ISODate), d->plan.to.toString(Qt::ISODate))
                .arg(d->plan.skipped)
            + resumed);
    const SyncPlan planCopy = d->plan;
    d->database.writer()
        .submit(QStringLiteral("sync.plan"),
                [runId = d->summary.runId, planCopy](WriteTransaction &tx) {
                    return SyncRunStore::recordPlan(tx, runId, planCopy) ? StoreError() : tx.error();
                })
        .then(this, [this](const StoreError &storeError) {
            if (storeError)
                return failStore(storeError);
            if (d->canceled)
                return;
            d->phase = State::Phase::Pulling;
            setPhase(tr("Pulling activity"));
            d->pulling.start();
            pump();
        });
}

void SyncWorker::pump()
{
    if (d->phase != State::Phase::Pulling)
        return;
    while (d->fetching.size() < d->limit && d->landing < d->options.landingQueue && d->next < d->plan.windows.size()) {
        auto *fetch = new WindowFetch(d->client, d->ids, d->config, d->plan.windows[d->next++], d->zone,
                                      d->options.pageSize, this);
        d->fetching << fetch;
        connect(fetch, &WindowFetch::requestStarted, this, [this] {
            ++d->progress.requests;
            d->progressDirty = true;
        });
        connect(fetch, &WindowFetch::finished, this, [this, fetch](const PendoError &error) { onFetched(fetch, error); });
        fetch->start();
    }
    d->progress.requestsInFlight = int(d->fetching.size());
    if (d->fetching.isEmpty() && d->landing == 0 && d->next >= d->plan.windows.size())
        finishPulling();
}

void SyncWorker::onThrottled(qint64 delayMs)
{
    // Pendo asked to slow down: fewer requests in flight (the client already holds every attempt).
    const int before = d->limit;
    d->limit = std::max(1, d->limit / 2);
    d->calmWindows = 0;
    if (d->limit != before)
        log(SyncLogEntry::Level::Warning,
            tr("Pendo asked to slow down (429): waiting %1 s, %2 request(s) in flight.").arg(delayMs / 1000.0, 0, 'f', 1).arg(d->limit),
            nullptr, QStringLiteral("rate-limited"));
}

void SyncWorker::onFetched(WindowFetch *fetch, const PendoError &error)
{
    d->fetching.removeOne(fetch);
    fetch->deleteLater();
    if (d->phase != State::Phase::Pulling) {
        maybeComplete();
        return;
    }
    if (!fetch->wasThrottled() && ++d->calmWindows >= calmWindowsPerStep && d->limit < d->configuredLimit) {
        ++d->limit;
        d->calmWindows = 0;
    }
    const SyncWindow window = fetch->window();
    if (isKeyError(error))
        return failRun(error, tr("Pendo refused the key"));
    if (error.isError()) {
        ++d->landing;
        const QString errorClass = error.code();
        const QString message = error.message();
        const int requests = fetch->requests();
        log(SyncLogEntry::Level::Error,
            tr("%1 · %2: failed after retries (%3); it is pulled again next run.")
                .arg(window.key, window.day.toString(Qt::ISODate), message),
            &window, errorClass);
        d->database.writer()
            .submit(QStringLiteral("sync.window-failed"),
                    [window, runId = d->summary.runId, errorClass, message, requests](WriteTransaction &tx) {
                        return ActivityLanding::recordFailure(tx, window, runId, errorClass, message)
                                       && SyncRunStore::countWindow(tx, runId, 0, 0, {}, requests, true, false)
                                   ? StoreError()
                                   : tx.error();
                    })
            .then(this, [this](const StoreError &storeError) {
                --d->landing;
                if (storeError)
                    return failStore(storeError);
                ++d->progress.windowsDone;
                ++d->progress.windowsFailed;
                d->progressDirty = true;
                pump();
                maybeComplete();
            });
        return pump();
    }
    if (!fetch->recovered().isEmpty())
        log(SyncLogEntry::Level::Warning,
            tr("%1 · %2: Pendo failed and answered on a retry (%3).")
                .arg(window.key, window.day.toString(Qt::ISODate), fetch->recovered().join(QStringLiteral(", "))),
            &window, fetch->recovered().constLast());
    land(fetch);
    pump();
}

void SyncWorker::land(WindowFetch *fetch)
{
    auto rows = std::make_shared<WindowRows>(fetch->takeRows());
    auto landed = std::make_shared<LandedWindow>();
    const bool split = rows->pieces > 1;
    if (split)
        log(SyncLogEntry::Level::Warning,
            tr("%1 · %2: the day timed out and was pulled hour by hour.")
                .arg(rows->window.key, rows->window.day.toString(Qt::ISODate)),
            &rows->window, QStringLiteral("timeout"));
    ++d->landing;
    const std::shared_ptr<std::atomic_bool> cancel = d->cancel;
    d->database.writer()
        .submit(QStringLiteral("sync.window"),
                [rows, landed, runId = d->summary.runId, cancel, split](WriteTransaction &tx) {
                    // Canceled before its turn: land nothing, the next run pulls it again.
                    if (cancel->load())
                        return StoreError::canceled();
                    return ActivityLanding::land(tx, *rows, runId, landed.get())
                                   && SyncRunStore::countWindow(tx, runId, landed->rows, rows->skipped,
                                                                rows->skippedReasons, rows->requests, false, split)
                               ? StoreError()
                               : tx.error();
                })
        .then(this, [this, rows, landed](const StoreError &error) {
            --d->landing;
            if (error.kind() == StoreError::Kind::Canceled) {
                maybeComplete();
                return;
            }
            if (error)
                return failStore(error);
            for (const auto &[kind, entry] : landed->newIds)
                d->ids.add(kind, entry.first, entry.second);
            const SyncWindow &w = rows->window;
            ++d->progress.windowsDone;
            d->progress.rowsIn += landed->rows;
            d->progress.rowsSkipped += rows->skipped;
            d->summary.rowsIn += landed->rows;
            d->summary.rowsSkipped += rows->skipped;
            for (auto it = rows->skippedReasons.cbegin(); it != rows->skippedReasons.cend(); ++it)
                d->summary.skippedReasons[it.key()] += it.value();
            if (rows->pieces > 1)
                ++d->summary.windowsSplit;
            if (syncs::activityKind(w.stream) >= 0 && landed->rows > 0) {
                for (qint64 account : landed->accounts)
                    d->touchedAccounts.insert(account);
                d->touchedFrom = d->touchedFrom.isValid() ? std::min(d->touchedFrom, w.day) : w.day;
                d->touchedTo = d->touchedTo.isValid() ? std::max(d->touchedTo, w.day) : w.day;
            }
            // One line per window for the live log only: the run log keeps what needs attention.
            log(SyncLogEntry::Level::Info,
                tr("%1 · %2 · app %3: %Ln row(s)%4", nullptr, int(std::min<qint64>(landed->rows, INT_MAX)))
                    .arg(w.key, w.day.toString(Qt::ISODate))
                    .arg(w.appId)
                    .arg(w.provisional ? tr(" (provisional)") : QString()),
                &w, {}, Keep::LiveOnly);
            d->progressDirty = true;
            pump();
            maybeComplete();
        });
}

void SyncWorker::finishPulling()
{
    if (d->phase != State::Phase::Pulling)
        return;
    d->phase = State::Phase::Finishing;
    emitProgress();
    MemoryRelease::releaseFreedMemory(); // the pages and windows of the pull, before matching loads identities
    resolveMatches();
}

void SyncWorker::resolveMatches()
{
    setPhase(tr("Matching"));
    const MatchRules rules = d->config.matching;
    const int version = d->configVersion;
    auto created = std::make_shared<qint64>(0);
    d->database.writer()
        .submit(QStringLiteral("sync.match"),
                [rules, version, created](WriteTransaction &tx) {
                    // Identities first seen in this run's activity are resolved with the rest.
                    if (!Matcher::apply(tx, rules, version, nullptr))
                        return tx.error() ? tx.error() : StoreError::failed(QStringLiteral("matching failed"));
                    if (rules.autoCreateEndUsers) {
                        *created = Matcher::createContactsForUnmatched(tx, rules, version, QStringLiteral("integration"));
                        if (*created < 0)
                            return tx.error() ? tx.error() : StoreError::failed(QStringLiteral("auto-create failed"));
                    }
                    return StoreError();
                })
        .then(this, [this, created](const StoreError &error) {
            if (error)
                return failStore(error);
            if (*created > 0)
                log(SyncLogEntry::Level::Info, tr("Created %n contact(s) for new end users.", nullptr, int(*created)));
            reportUnmatched();
        });
}

void SyncWorker::reportUnmatched()
{
    setPhase(tr("Counting unmatched activity"));
    auto entries = std::make_shared<std::vector<UnmatchedReport::Entry>>();
    QString error;
    if (!UnmatchedReport::compute(d->database.connection(), d->config.matching.matchBoth, entries.get(), &error)) {
        log(SyncLogEntry::Level::Warning, tr("The unmatched report could not be made: %1").arg(error));
        return complete(d->progress.windowsFailed > 0 ? SyncStatus::CompletedWithFailures : SyncStatus::Completed);
    }
    for (const UnmatchedReport::Entry &e : *entries)
        ++(e.visitor ? d->summary.unmatchedVisitors : d->summary.unmatchedAccounts);
    d->database.writer()
        .submit(QStringLiteral("sync.unmatched"),
                [entries, runId = d->summary.runId](WriteTransaction &tx) {
                    return UnmatchedReport::write(tx, *entries, runId) ? StoreError() : tx.error();
                })
        .then(this, [this](const StoreError &storeError) {
            if (storeError)
                return failStore(storeError);
            complete(d->progress.windowsFailed > 0 ? SyncStatus::CompletedWithFailures : SyncStatus::Completed);
        });
}

void SyncWorker::failRun(const PendoError &error, const QString &context)
{
    d->summary.errorClass = error.code();
    d->summary.error = context + QStringLiteral(": ") + error.message();
    log(SyncLogEntry::Level::Error, d->summary.error + QLatin1Char(' ') + error.hint(), nullptr, error.code());
    stop(SyncStatus::Failed);
}

void SyncWorker::failStore(const StoreError &error)
{
    if (!d->storeFailure.isEmpty())
        return maybeComplete(); // a later unit met the same failure: only see whether the run can end now
    d->storeFailure = storeSentence(error, d->database.path());
    d->summary.errorClass = error.code();
    stop(SyncStatus::Failed);
}

void SyncWorker::stop(SyncStatus status)
{
    if (d->phase == State::Phase::Stopping || d->phase == State::Phase::Done)
        return maybeComplete();
    d->phase = State::Phase::Stopping;
    d->summary.status = status;
    if (status == SyncStatus::Canceled) {
        d->canceled = true;
        d->cancel->store(true);
        log(SyncLogEntry::Level::Warning, tr("Canceled: finished windows are kept, the next run picks up the rest."));
    }
    if (d->catalog)
        d->catalog->cancel();
    for (WindowFetch *fetch : std::as_const(d->fetching))
        fetch->abort();
    maybeComplete();
}

void SyncWorker::maybeComplete()
{
    if (d->phase != State::Phase::Stopping)
        return;
    // Units already queued skip themselves when canceled; wait for those still running.
    if (!d->fetching.isEmpty() || d->landing > 0)
        return;
    complete(d->summary.status);
}

void SyncWorker::complete(SyncStatus status)
{
    if (d->phase == State::Phase::Done)
        return;
    d->phase = State::Phase::Done;
    for (QTimer *timer : {d->leaseTimer, d->pollTimer, d->progressTimer})
        if (timer)
            timer->stop();
    d->summary.status = status;
    d->summary.windowsDone = d->progress.windowsDone;
    d->summary.windowsFailed = d->progress.windowsFailed;
    d->summary.requests = d->progress.requests;
    d->summary.durationMs = d->elapsed.elapsed();
    if (!d->storeFailure.isEmpty())
        d->summary.error = d->storeFailure;
    emitProgress();
    const auto finish = [this] {
        if (!d->touchedFrom.isValid()) {
            Q_EMIT finished(d->summary);
            return;
        }
        SyncTouched range;
        range.accountRefs = QList<qint64>(d->touchedAccounts.cbegin(), d->touchedAccounts.cend());
        std::sort(range.accountRefs.begin(), range.accountRefs.end());
        range.fromDay = d->touchedFrom;
        range.toDay = d->touchedTo;
        Q_EMIT touched(range);
        Q_EMIT finished(d->summary);
    };
    if (d->summary.runId == 0)
        return finish();
    const SyncRunSummary summary = d->summary;
    d->database.writer()
        .submit(QStringLiteral("sync.finish"),
                [summary, holder = d->holder](WriteTransaction &tx) {
                    return SyncRunStore::finish(tx, holder, summary) ? StoreError() : tx.error();
                })
        .then(this, [this, finish](const StoreError &error) {
            if (error && d->storeFailure.isEmpty()) {
                // The run row stays "running"; the next run marks it interrupted and resumes it.
                d->summary.status = SyncStatus::Failed;
                d->summary.errorClass = error.code();
                d->summary.error = storeSentence(error, d->database.path());
            }
            finish();
        });
}

void SyncWorker::setPhase(const QString &phase)
{
    d->progress.phase = phase;
    emitProgress();
}

void SyncWorker::emitProgress()
{
    d->progressDirty = false;
    d->progress.elapsedMs = d->elapsed.isValid() ? d->elapsed.elapsed() : 0;
    d->progress.requestsInFlight = int(d->fetching.size());
    d->progress.etaMs = -1;
    if (d->pulling.isValid() && d->progress.windowsDone > 0 && d->progress.windowsTotal > 0) {
        const qint64 spent = d->pulling.elapsed();
        const int left = d->progress.windowsTotal - d->progress.windowsDone;
        d->progress.etaMs = spent * left / d->progress.windowsDone;
    }
    Q_EMIT progress(d->progress);
}
