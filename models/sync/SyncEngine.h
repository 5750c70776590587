#pragma once

#include "SyncTypes.h"
#include "pendo/PendoClient.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcSync)

class Clock;
class Database;
class SyncWorker;

/**
 * Runs syncs of one workspace on a thread of its own: the worker there has its own network
 * manager (its PendoClient) and its own reading connection, and writes every window with its
 * checkpoint through the workspace writer. One run at a time per engine, and one per workspace
 * across processes (a lease in the database). Signals arrive on the engine's thread (the thread
 * that created it, the UI thread in the desktop app); nothing here ever blocks that thread.
 */
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        /** Rows per aggregation page (keyset paging). */
        int pageSize = 50000;
        /** Requests in flight at once; 0: the workspace setting (default 4). */
        int concurrency = 0;
        /** Without data arriving for this long a request times out (and a day window splits into hours). */
        std::chrono::milliseconds requestTimeout{300000};
        RetryPolicy retry;
        /** How long a lease outlives its last renewal: a crashed holder blocks other runs at most this long. */
        std::chrono::milliseconds leaseDuration{60000};
        /** Decoded windows waiting for the writer before the next request is held back (memory bound). */
        int landingQueue = 4;
    };

    SyncEngine(Database &database, Clock &clock, QObject *parent = nullptr);
    /** Cancels a running sync and waits for the engine thread (within a second). */
    ~SyncEngine() override;

    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    bool isRunning() const { return m_running; }
    /** The run in progress, 0 when none. */
    qint64 currentRunId() const { return m_runId; }

    /**
     * Starts a run against `client` (address, key, time-out are taken from it). Returns false with
     * *problem when this engine already runs one; a run held by another process ends at once with
     * status failed and the lease's holder in its error.
     */
    bool start(const SyncRequest &request, const ClientConfig &client, QString *problem = nullptr);
    /** Stops the run within a second; finished windows stay, the rest is picked up by the next run. */
    void cancel();

    /** What `request` would pull, read on a worker thread; `done` runs on `context`'s thread. */
    void estimate(const SyncRequest &request, QObject *context, std::function<void(const SyncEstimate &)> done);

    /** A name for the lease that identifies this process ("host/pid/…"). */
    static QString holderName();

Q_SIGNALS:
    void started(qint64 runId, SyncRequest::Kind kind);
    void progress(const SyncProgress &progress);
    void logged(const SyncLogEntry &entry);
    /** The (account, day) ranges a run changed, once it has landed them (also for failed runs). */
    void touched(const SyncTouched &touched);
    void finished(const SyncRunSummary &summary);

private:
    void onWorkerFinished(const SyncRunSummary &summary);

    Database &m_database;
    Clock &m_clock;
    Options m_options;
    QThread m_thread;
    QPointer<SyncWorker> m_worker;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
    qint64 m_runId = 0;
};
