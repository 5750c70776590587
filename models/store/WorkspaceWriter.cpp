#include "WorkspaceWriter.h"

#include "Database.h"
#include "WriteTransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>

WorkspaceWriter::WorkspaceWriter(Database &database)
    : m_database(database)
{
    setObjectName(QStringLiteral("workspace-writer"));
}

WorkspaceWriter::~WorkspaceWriter()
{
    shutdown();
}

QFuture<StoreError> WorkspaceWriter::submit(const QString &label, Job job)
{
    auto promise = std::make_shared<QPromise<StoreError>>();
    QFuture<StoreError> future = promise->future();
    promise->start();
    {
        QMutexLocker lock(&m_mutex);
        if (m_stopping) {
            lock.unlock();
            promise->addResult(StoreError::canceled(tr("the workspace is closing")));
            promise->finish();
            return future;
        }
        m_queue.push_back({label, std::move(job), promise});
    }
    m_wake.wakeOne();
    return future;
}

StoreError WorkspaceWriter::runAndWait(const QString &label, Job job)
{
    Q_ASSERT_X(!isWriterThread(), "WorkspaceWriter::runAndWait", "a job cannot wait for another job");
    QFuture<StoreError> future = submit(label, std::move(job));
    future.waitForFinished();
    return future.result();
}

void WorkspaceWriter::shutdown()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
    }
    m_wake.wakeAll();
    if (isRunning() && !isWriterThread())
        wait();
}

void WorkspaceWriter::run()
{
    for (;;) {
        Unit unit;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.empty() && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_queue.empty())
                break; // stopping, and every queued unit ran
            unit = std::move(m_queue.front());
            m_queue.pop_front();
        }
        const StoreError error = execute(unit);
        Q_EMIT unitFinished(unit.label, error);
        unit.promise->addResult(error);
        unit.promise->finish();
    }
    // This thread's connection is closed by Database's per-thread storage as the thread finishes,
    // before wait() returns to whoever shuts the writer down.
}

StoreError WorkspaceWriter::execute(Unit &unit)
{
    QSqlDatabase db = m_database.connection();
    if (!db.isOpen())
        return m_database.lastConnectionError();
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        bool began = false;
        const StoreError error = WriteTransaction::run(db, m_database.dialect(), m_database.clock(),
                                                       [&](WriteTransaction &tx) {
                                                           began = true;
                                                           return unit.job(tx);
                                                       });
        // Only a unit that could not begin is retried: a job that started may have side effects.
        if (error.kind() != StoreError::Kind::Busy || began || waited.elapsed() >= m_busyWaitMs)
            return error;
        QThread::msleep(50);
    }
}
