#include "AnalyticsEngine.h"

#include "store/Database.h"

#include <QtConcurrent>

AnalyticsEngine::AnalyticsEngine(Database &database, QObject *parent)
    : QObject(parent)
    , m_database(database)
{
    qRegisterMetaType<RecomputeSummary>();
    connect(&m_watcher, &QFutureWatcher<RecomputeSummary>::finished, this, [this] {
        m_running = false;
        const RecomputeSummary summary = m_watcher.future().result();
        Q_EMIT finished(summary);
        startNext();
    });
}

AnalyticsEngine::~AnalyticsEngine()
{
    m_pending.reset();
    cancel();
    m_watcher.waitForFinished();
}

void AnalyticsEngine::recompute(const RecomputeRequest &request)
{
    if (!m_pending) {
        m_pending = request;
    } else if (request.kind == RecomputeRequest::Kind::Full || m_pending->kind == RecomputeRequest::Kind::Full) {
        m_pending = RecomputeRequest::full(m_pending->kind == RecomputeRequest::Kind::Full ? m_pending->reason
                                                                                            : request.reason);
    } else {
        m_pending->fromDay = std::min(m_pending->fromDay, request.fromDay);
    }
    if (!m_running)
        startNext();
}

void AnalyticsEngine::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void AnalyticsEngine::waitForIdle()
{
    while (m_running || m_pending) {
        m_watcher.waitForFinished();
        QCoreApplication::sendPostedEvents(&m_watcher);
        QCoreApplication::processEvents();
    }
}

void AnalyticsEngine::startNext()
{
    if (!m_pending || m_running)
        return;
    const RecomputeRequest request = *m_pending;
    m_pending.reset();
    m_running = true;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT started(request);
    QPointer<AnalyticsEngine> self(this);
    const auto cancelFlag = m_cancel;
    Database *database = &m_database;
    m_watcher.setFuture(QtConcurrent::run([database, request, cancelFlag, self] {
        const auto progress = [self](int done, int total, const QString &phase) {
            if (self)
                QMetaObject::invokeMethod(
                    self.data(), [self, done, total, phase] {
                        if (self)
                            Q_EMIT self->progress(done, total, phase);
                    },
                    Qt::QueuedConnection);
        };
        const RecomputeSummary summary =
            Recompute::run(*database, request, progress, [cancelFlag] { return cancelFlag->load(); });
        database->releaseThreadConnection();
        return summary;
    }));
}
