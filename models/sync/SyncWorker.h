#pragma once

#include "SyncEngine.h"
#include "store/StoreError.h"

#include <QObject>

/**
 * One run on the engine's thread: lease, catalog refresh, plan, pull, land, match, report.
 * Created on the engine thread and deleted there when the run ends.
 */
class SyncWorker final : public QObject
{
    Q_OBJECT

public:
    SyncWorker(Database &database, Clock &clock, SyncEngine::Options options, SyncRequest request,
               ClientConfig client, std::shared_ptr<std::atomic_bool> cancel);
    ~SyncWorker() override;

    /** Begins the run (called on the engine thread). */
    void run();

Q_SIGNALS:
    void started(qint64 runId, SyncRequest::Kind kind);
    void progress(const SyncProgress &progress);
    void logged(const SyncLogEntry &entry);
    void touched(const SyncTouched &touched);
    void finished(const SyncRunSummary &summary);

private:
    void startTimers();
    void renewLease();
    void findTimeZone();
    void refreshCatalog();
    void plan();
    void pump();
    void onThrottled(qint64 delayMs);
    void onFetched(class WindowFetch *fetch, const PendoError &error);
    void land(class WindowFetch *fetch);
    void finishPulling();
    void resolveMatches();
    void reportUnmatched();
    void failRun(const PendoError &error, const QString &context);
    void failStore(const StoreError &error);
    void stop(SyncStatus status);
    void maybeComplete();
    void complete(SyncStatus status);
    void setPhase(const QString &phase);
    void emitProgress();
    /** Whether a log line is also kept in the run log (the workspace) or only shown live. */
    enum class Keep { InRunLog, LiveOnly };
    void log(SyncLogEntry::Level level, const QString &message, const struct SyncWindow *window = nullptr,
             const QString &errorClass = {}, Keep keep = Keep::InRunLog);

    struct State;
    std::unique_ptr<State> d;
};
