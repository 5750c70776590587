#pragma once

#include "Recompute.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class Database;

/**
 * Runs recomputes of one workspace on a worker thread, one at a time: a request made while one
 * runs is merged into the next (a full recompute absorbs everything, incremental ones take the
 * earliest day), so a burst of syncs or edits costs one more run, not one each. The session
 * wires it to the sync engine's touched() and to configuration and model saves. Lives on the
 * thread that made it (the UI thread) and never blocks it; the destructor cancels and waits.
 */
class AnalyticsEngine final : public QObject
{
    Q_OBJECT

public:
    explicit AnalyticsEngine(Database &database, QObject *parent = nullptr);
    ~AnalyticsEngine() override;

    void recompute(const RecomputeRequest &request);
    void cancel();
    bool isRunning() const { return m_running; }
    /** Waits for the current and queued runs; for tests and the CLI (not the UI thread). */
    void waitForIdle();

Q_SIGNALS:
    void started(const RecomputeRequest &request);
    void progress(int done, int total, const QString &phase);
    void finished(const RecomputeSummary &summary);

private:
    void startNext();

    Database &m_database;
    QFutureWatcher<RecomputeSummary> m_watcher;
    std::optional<RecomputeRequest> m_pending;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_running = false;
};
