#include "SyncMonitorController.h"

#include "SyncLogModel.h"
#include "SyncPresentation.h"
#include "SyncRunsModel.h"
#include "SyncUnmatchedModel.h"
#include "pendo/Clock.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "sync/ConfigStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncPlanner.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int historyLimit = 200;
constexpr int unmatchedLimit = 1000;

QList<SyncStream> shownStreams(QSqlDatabase db, const SyncHistory::Coverage &coverage)
{
    QString ignored;
    const QList<SyncStream> configured = SyncPlanner::streamsFor(SyncRequest(), ConfigStore::current(db, &ignored));
    QList<SyncStream> streams;
    QList<SyncStream> recorded;
    for (auto it = coverage.days.cbegin(); it != coverage.days.cend(); ++it) {
        if (const auto stream = SyncPresentation::streamOfWindow(it.key()))
            recorded.append(*stream);
    }
    for (const SyncStream stream : syncs::allStreams()) {
        if (stream == SyncStream::Activity || configured.contains(stream) || recorded.contains(stream))
            streams << stream;
    }
    return streams;
}

SyncMonitorSnapshot readSnapshot(Database *database, qint64 nowMs, int coverageDays)
{
    SyncMonitorSnapshot out;
    ScopedConnection connection(*database);
    if (!connection.isValid()) {
        out.error = connection.error();
        return out;
    }
    QSqlDatabase db = connection.db();
    out.runs = SyncHistory::runs(db, historyLimit, &out.error);
    if (!out.runs.isEmpty())
        out.lastLog = SyncHistory::log(db, out.runs.front().runId, 2000);
    const QDate today = SyncPlanner::today(nowMs, SyncPlanner::workspaceZone(db));
    out.coverage = SyncHistory::coverage(db, today.addDays(-(coverageDays - 1)), today);
    out.streams = shownStreams(db, out.coverage);
    out.unmatched = SyncHistory::unmatched(db, unmatchedLimit);
    return out;
}

} // namespace

SyncMonitorController::SyncMonitorController(WorkspaceSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_runs(new SyncRunsModel(this))
    , m_log(new SyncLogModel(this))
    , m_unmatched(new SyncUnmatchedModel(this))
{
    SyncEngine &engine = session.syncEngine();
    connect(&engine, &SyncEngine::started, this, &SyncMonitorController::onStarted);
    connect(&engine, &SyncEngine::progress, this, &SyncMonitorController::onProgress);
    connect(&engine, &SyncEngine::logged, this, &SyncMonitorController::onLogged);
    connect(&engine, &SyncEngine::finished, this, &SyncMonitorController::onFinished);
    connect(&m_watcher, &QFutureWatcher<SyncMonitorSnapshot>::finished, this, &SyncMonitorController::applySnapshot);
    if (engine.isRunning())
        m_state = State::Running;
}

SyncMonitorController::~SyncMonitorController()
{
    // The job reads through its own connection and cannot be interrupted; it ends quickly.
    m_watcher.waitForFinished();
}

int SyncMonitorController::percent() const
{
    if (m_state == State::Idle)
        return 0;
    if (m_progress.windowsTotal <= 0)
        return -1;
    return int(std::clamp<qint64>(qint64(m_progress.windowsDone) * 100 / m_progress.windowsTotal, 0, 100));
}

QString SyncMonitorController::etaText() const
{
    if (m_state == State::Idle)
        return {};
    if (m_progress.etaMs < 0)
        return tr("estimating…");
    return tr("about %1 left").arg(SyncPresentation::duration(m_progress.etaMs));
}

QString SyncMonitorController::phaseText() const
{
    switch (m_state) {
    case State::Starting:
        return tr("Starting…");
    case State::Canceling:
        return tr("Canceling…");
    case State::Running:
        return m_progress.phase.isEmpty() ? tr("Running") : m_progress.phase;
    case State::Idle:
        break;
    }
    return m_lastOutcome.isEmpty() ? tr("Idle") : m_lastOutcome;
}

void SyncMonitorController::reload()
{
    if (m_watcher.isRunning()) {
        m_reloadAgain = true;
        return;
    }
    m_watcher.setFuture(
        QtConcurrent::run(&readSnapshot, &m_session.database(), m_session.clock().nowMs(), m_coverageDays));
}

void SyncMonitorController::applySnapshot()
{
    if (m_reloadAgain) {
        m_reloadAgain = false;
        reload();
        return;
    }
    m_snapshot = m_watcher.result();
    m_runs->setItems(m_snapshot.runs);
    m_unmatched->setItems(m_snapshot.unmatched);
    // While a run goes the log shows its live lines; otherwise the newest run's recorded log.
    if (m_state == State::Idle)
        m_log->setItems(m_snapshot.lastLog);
    if (!m_snapshot.error.isEmpty())
        Q_EMIT message(tr("The sync history could not be read: %1").arg(m_snapshot.error), true);
    Q_EMIT loaded();
}

void SyncMonitorController::syncNow()
{
    if (!canSyncNow())
        return;
    SyncRequest request;
    request.kind = SyncRequest::Kind::Manual;
    start(request);
}

void SyncMonitorController::requestBackfill(int days)
{
    if (!canBackfill())
        return;
    SyncRequest request;
    request.kind = SyncRequest::Kind::Backfill;
    request.backfillDays = std::clamp(days, 1, syncs::maxBackfillDays);
    m_estimating = true;
    m_pendingEstimate.reset();
    m_pendingDays = request.backfillDays;
    Q_EMIT actionsChanged();
    m_session.syncEngine().estimate(request, this, [this](const SyncEstimate &estimate) {
        m_estimating = false;
        m_pendingEstimate = estimate;
        Q_EMIT actionsChanged();
        Q_EMIT estimateReady(estimate);
    });
}

void SyncMonitorController::confirmBackfill()
{
    if (!m_pendingEstimate || m_state != State::Idle)
        return;
    SyncRequest request;
    request.kind = SyncRequest::Kind::Backfill;
    request.backfillDays = m_pendingDays;
    request.streams = m_pendingEstimate->streams;
    m_pendingEstimate.reset();
    start(request);
}

void SyncMonitorController::discardBackfill()
{
    m_pendingEstimate.reset();
    m_pendingDays = 0;
}

void SyncMonitorController::cancel()
{
    if (!canCancel())
        return;
    m_session.syncEngine().cancel();
    setState(State::Canceling);
    Q_EMIT message(tr("Canceling the sync: finished windows are kept, the next run picks up the rest."), false);
}

void SyncMonitorController::start(const SyncRequest &request)
{
    setState(State::Starting);
    m_progress = SyncProgress();
    Q_EMIT progressChanged();
    QPointer<SyncMonitorController> guard(this);
    m_session.startSync(request, this, [this, guard](const QString &problem) {
        if (!guard || problem.isEmpty())
            return;
        // Not started: the engine sends nothing, so the state goes back here.
        if (m_state == State::Starting)
            setState(State::Idle);
        Q_EMIT message(tr("The sync did not start: %1").arg(problem), true);
    });
}

void SyncMonitorController::onStarted(qint64 runId, SyncRequest::Kind kind)
{
    Q_UNUSED(kind)
    m_progress = SyncProgress();
    m_progress.runId = runId;
    m_log->clear();
    setState(State::Running);
    Q_EMIT progressChanged();
}

void SyncMonitorController::onProgress(const SyncProgress &progress)
{
    m_progress = progress;
    // A run started elsewhere (the schedule, the main window) is followed as well.
    if (m_state == State::Idle || m_state == State::Starting)
        setState(State::Running);
    Q_EMIT progressChanged();
}

void SyncMonitorController::onLogged(const SyncLogEntry &entry)
{
    m_log->append(entry);
}

void SyncMonitorController::onFinished(const SyncRunSummary &summary)
{
    m_lastOutcome = tr("Last run: %1").arg(summary.statusText());
    setState(State::Idle);
    Q_EMIT progressChanged();
    Q_EMIT runFinished(summary);
    reload();
}

void SyncMonitorController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
    Q_EMIT actionsChanged();
}
