#include "SyncEngine.h"

#include "SyncPlanner.h"
#include "SyncWorker.h"
#include "domain/MemoryRelease.h"
#include "store/Database.h"

#include <QHostInfo>
#include <QtConcurrent>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcSync, "bridge.sync", QtInfoMsg)

SyncEngine::SyncEngine(Database &database, Clock &clock, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
{
    MemoryRelease::keepLargeBuffersOutOfTheHeap();
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncLogEntry>();
    qRegisterMetaType<SyncRunSummary>();
    qRegisterMetaType<SyncTouched>();
    m_thread.setObjectName(QStringLiteral("sync"));
}

SyncEngine::~SyncEngine()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

QString SyncEngine::holderName()
{
    static const QString name = QStringLiteral("%1/%2/%3")
                                    .arg(QHostInfo::localHostName())
                                    .arg(::getpid())
                                    .arg(QDateTime::currentMSecsSinceEpoch());
    return name;
}

bool SyncEngine::start(const SyncRequest &request, const ClientConfig &client, QString *problem)
{
    if (m_running) {
        if (problem)
            *problem = tr("a sync is already running");
        return false;
    }
    if (!m_thread.isRunning())
        m_thread.start();
    m_running = true;
    m_runId = 0;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto *worker = new SyncWorker(m_database, m_clock, m_options, request, client, m_cancel);
    worker->moveToThread(&m_thread);
    m_worker = worker;
    connect(worker, &SyncWorker::started, this, [this](qint64 runId, SyncRequest::Kind kind) {
        m_runId = runId;
        Q_EMIT started(runId, kind);
    });
    connect(worker, &SyncWorker::progress, this, &SyncEngine::progress);
    connect(worker, &SyncWorker::logged, this, &SyncEngine::logged);
    connect(worker, &SyncWorker::touched, this, &SyncEngine::touched);
    connect(worker, &SyncWorker::finished, this, &SyncEngine::onWorkerFinished);
    QMetaObject::invokeMethod(worker, &SyncWorker::run, Qt::QueuedConnection);
    return true;
}

void SyncEngine::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void SyncEngine::onWorkerFinished(const SyncRunSummary &summary)
{
    if (m_worker)
        m_worker->deleteLater();
    m_worker.clear();
    m_running = false;
    m_runId = 0;
    Q_EMIT finished(summary);
}

void SyncEngine::estimate(const SyncRequest &request, QObject *context, std::function<void(const SyncEstimate &)> done)
{
    Database *database = &m_database;
    const qint64 nowMs = m_clock.nowMs();
    QtConcurrent::run([database, request, nowMs] {
        ScopedConnection connection(*database);
        return SyncPlanner::estimate(connection.db(), request, nowMs);
    }).then(context, [done](const SyncEstimate &estimate) { done(estimate); });
}
