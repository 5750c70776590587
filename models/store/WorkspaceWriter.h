#pragma once

#include "StoreError.h"

#include <QFuture>
#include <QMutex>
#include <QPromise>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <deque>
#include <functional>
#include <memory>

class Database;
class WriteTransaction;

/**
 * The workspace's one writer: a thread with a queue that runs units of work one after another,
 * each in its own IMMEDIATE transaction on the thread's own connection (opened on the thread,
 * closed when it finishes). Any thread may submit; nobody but this thread writes, so writes take
 * turns instead of failing with "busy", and a long unit (a sync window) only delays the next.
 * When another program holds the file's lock, a unit waits and tries again for up to
 * busyWaitMs before it fails with StoreError::Kind::Busy.
 *
 * The UI thread submits and reacts to the future (QFuture::then with a context object); worker
 * and pool threads may wait on it (runAndWait). Jobs queued before destruction still run.
 */
class WorkspaceWriter final : public QThread
{
    Q_OBJECT

public:
    /** Commits when the job returns no error; rolls back (and reports) otherwise. */
    using Job = std::function<StoreError(WriteTransaction &)>;

    explicit WorkspaceWriter(Database &database);
    ~WorkspaceWriter() override;

    /** Queues a unit of work; the future finishes with its outcome. Any thread. */
    QFuture<StoreError> submit(const QString &label, Job job);
    /** submit() and wait; never from the UI thread of a GUI program, never from a job. */
    StoreError runAndWait(const QString &label, Job job);

    /** Finishes the queued units, then ends the thread (also done by the destructor). */
    void shutdown();

    /** How long a unit keeps retrying while another process holds the lock. */
    void setBusyWaitMs(int ms) { m_busyWaitMs = ms; }
    /** Whether the calling thread is the writer thread (jobs must not submit and wait). */
    bool isWriterThread() const { return QThread::currentThread() == this; }

Q_SIGNALS:
    /** After each unit, on the writer thread; `label` as submitted. */
    void unitFinished(const QString &label, const StoreError &error);

protected:
    void run() override;

private:
    struct Unit
    {
        QString label;
        Job job;
        std::shared_ptr<QPromise<StoreError>> promise;
    };
    StoreError execute(Unit &unit);

    Database &m_database;
    QMutex m_mutex;
    QWaitCondition m_wake;
    std::deque<Unit> m_queue;
    bool m_stopping = false;
    int m_busyWaitMs = 60000;
};
