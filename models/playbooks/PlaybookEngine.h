#pragma once

#include "PlaybookRunner.h"

#include <QFutureWatcher>
#include <QObject>

#include <functional>
#include <memory>

class Database;

/**
 * The playbooks of one workspace for the UI and the session: evaluation runs on a worker thread
 * (one at a time; a request made while one runs is queued once), dry runs and reads run on the
 * pool, edits go through the workspace's writer. Every call returns at once and reports to a
 * callback on `context`'s thread (skipped when `context` is gone). The session starts an
 * evaluation after each completed recompute. Lives on the UI thread.
 */
class PlaybookEngine final : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const QString &error)>;

    explicit PlaybookEngine(Database &database, QObject *parent = nullptr);
    ~PlaybookEngine() override;

    void evaluate(const PlaybookRunOptions &options = {});
    bool isRunning() const { return m_running; }
    /** Waits for the current and queued runs; for tests and the CLI (not the UI thread). */
    void waitForIdle();

    void dryRun(const QList<Playbook> &playbooks, int days, QObject *context,
                std::function<void(const QList<DryRunResult> &results, const QString &error)> done);
    void save(const Playbook &playbook, const QString &actor, QObject *context,
              std::function<void(qint64 id, const QString &error)> done);
    void setEnabled(qint64 id, bool enabled, const QString &actor, QObject *context, Done done);
    void remove(qint64 id, const QString &actor, QObject *context, Done done);
    void snooze(qint64 firingId, int untilDay, const QString &actor, QObject *context, Done done);
    void closeFiring(qint64 firingId, const QString &actor, QObject *context, Done done);
    void setTaskDone(qint64 taskId, bool isDone, const QString &actor, QObject *context, Done done);
    void moveStage(qint64 accountId, const QString &stageKey, const QString &actor, const QString &reason,
                   QObject *context, Done done);

    /** Reads on a pool thread: the playbooks, firings (all or an account's), tasks, stages, a stage history. */
    void readPlaybooks(QObject *context, std::function<void(const QList<Playbook> &, const QString &error)> done);
    void readFirings(std::optional<qint64> accountId, bool openOnly, QObject *context,
                     std::function<void(const QList<PlaybookFiring> &, const QString &error)> done);
    void readTasks(const TaskFilter &filter, QObject *context,
                   std::function<void(const QList<PlaybookTask> &, const QString &error)> done);
    void readStages(QObject *context, std::function<void(const QList<LifecycleStage> &)> done);
    void readStageHistory(qint64 accountId, QObject *context, std::function<void(const QList<StageVisit> &)> done);

Q_SIGNALS:
    void started();
    void finished(const PlaybookRunSummary &summary);
    /** After any edit made through this engine (or an evaluation that fired): lists should reload. */
    void changed();

private:
    void startNext();
    void write(const QString &label, std::function<bool(WriteTransaction &)> job, QObject *context, Done done);

    Database &m_database;
    QFutureWatcher<PlaybookRunSummary> m_watcher;
    std::optional<PlaybookRunOptions> m_pending;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};
