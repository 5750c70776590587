#pragma once

#include "sync/SyncHistory.h"
#include "sync/SyncTypes.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

class SyncLogModel;
class SyncRunsModel;
class SyncUnmatchedModel;
class WorkspaceSession;

/** What the monitor reads from the workspace in one job: history, coverage and the unmatched report. */
struct SyncMonitorSnapshot
{
    QList<SyncRunSummary> runs;
    /** The log of the newest run, shown while no run is going. */
    QList<SyncLogEntry> lastLog;
    SyncHistory::Coverage coverage;
    /** The streams the configuration pulls, plus any that has a recorded window. */
    QList<SyncStream> streams;
    QList<SyncHistory::UnmatchedId> unmatched;
    QString error;
};

/**
 * The logic behind the sync monitor: follows the engine's signals into the state of the current
 * run (percent, phase, ETA, counts) and a live log capped at logLimit() lines, reloads history,
 * coverage and the unmatched report on a worker thread when opened and after each run, and offers
 * the actions — sync now, a backfill that is estimated first and started once confirmed, cancel —
 * with whether each is available. Lives on the UI thread and never runs SQL there; the monitor
 * widget only renders its state.
 */
class SyncMonitorController final : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Starting, Running, Canceling };
    Q_ENUM(State)

    explicit SyncMonitorController(WorkspaceSession &session, QObject *parent = nullptr);
    ~SyncMonitorController() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state != State::Idle; }
    bool canSyncNow() const { return m_state == State::Idle && !m_estimating; }
    bool canBackfill() const { return canSyncNow(); }
    bool canCancel() const { return m_state == State::Starting || m_state == State::Running; }
    bool isEstimating() const { return m_estimating; }
    bool isLoading() const { return m_watcher.isRunning(); }

    /** The last progress of the current run (a default one while idle). */
    const SyncProgress &progress() const { return m_progress; }
    /** 0…100, or -1 while the number of windows is not known yet. */
    int percent() const;
    /** "about 3 min 20 s left", "estimating…", or empty while idle. */
    QString etaText() const;
    /** The current run's phase, or what happened last ("Completed 2 minutes ago" is the view's). */
    QString phaseText() const;

    /** The estimate of the backfill awaiting confirmation, if any. */
    const std::optional<SyncEstimate> &pendingEstimate() const { return m_pendingEstimate; }
    int pendingBackfillDays() const { return m_pendingDays; }

    /** Days of coverage the heatmap shows, ending today (365 by default). */
    void setCoverageDays(int days) { m_coverageDays = std::clamp(days, 1, syncs::maxBackfillDays); }
    int coverageDays() const { return m_coverageDays; }
    const SyncMonitorSnapshot &snapshot() const { return m_snapshot; }

    SyncRunsModel *runsModel() const { return m_runs; }
    SyncLogModel *logModel() const { return m_log; }
    SyncUnmatchedModel *unmatchedModel() const { return m_unmatched; }

public Q_SLOTS:
    /** Reads history, coverage and the unmatched report again (queued behind a job in progress). */
    void reload();
    void syncNow();
    /** Asks the engine what a backfill of `days` would pull; estimateReady() follows. */
    void requestBackfill(int days);
    /** Starts the backfill that was estimated. */
    void confirmBackfill();
    /** Drops the estimate without starting anything. */
    void discardBackfill();
    void cancel();

Q_SIGNALS:
    void stateChanged(SyncMonitorController::State state);
    /** Progress, phase or ETA changed. */
    void progressChanged();
    /** Which actions are available changed. */
    void actionsChanged();
    /** A reload finished; snapshot() and the models hold its rows. */
    void loaded();
    void estimateReady(const SyncEstimate &estimate);
    /** A run ended (after the engine's finished()). */
    void runFinished(const SyncRunSummary &summary);
    /** A sentence for the status line; `error` when an action did not happen. */
    void message(const QString &text, bool error);

private:
    void start(const SyncRequest &request);
    void onStarted(qint64 runId, SyncRequest::Kind kind);
    void onProgress(const SyncProgress &progress);
    void onLogged(const SyncLogEntry &entry);
    void onFinished(const SyncRunSummary &summary);
    void applySnapshot();
    void setState(State state);

    WorkspaceSession &m_session;
    SyncRunsModel *m_runs;
    SyncLogModel *m_log;
    SyncUnmatchedModel *m_unmatched;
    State m_state = State::Idle;
    SyncProgress m_progress;
    QString m_lastOutcome;
    bool m_estimating = false;
    std::optional<SyncEstimate> m_pendingEstimate;
    int m_pendingDays = 0;
    int m_coverageDays = syncs::maxBackfillDays;
    SyncMonitorSnapshot m_snapshot;
    QFutureWatcher<SyncMonitorSnapshot> m_watcher;
    bool m_reloadAgain = false;
};
