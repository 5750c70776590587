#pragma once

#include "PlaybookEvaluator.h"
#include "PlaybookStore.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <atomic>
#include <optional>

class Database;

struct PlaybookRunOptions
{
    QString actor = QStringLiteral("playbooks");
    /** Only these playbooks (empty: every enabled one). */
    QList<qint64> only;
    /**
     * Where a playbook or goal never judged before starts (otherwise the newest computed day); one
     * judged before resumes after the last day it judged, never earlier.
     */
    std::optional<int> fromDay;
    int webhookAttempts = 3;    // tries within one run before the action waits for the next run
    int webhookTimeoutMs = 10000;
    int webhookBackoffMs = 500; // doubled after each failed try
    int maxActionAttempts = 5;  // runs after which a failing action is given up (failed)
};

struct PlaybookRunSummary
{
    bool ok = false;
    QString error;
    int playbooks = 0;
    int accounts = 0;
    int fromDay = 0, toDay = 0; // the days judged (toDay < fromDay: none)
    int waitingDays = 0;        // computed days not judged because they are not settled yet
    int fired = 0, resolved = 0, stageMoves = 0;
    int actionsDone = 0, actionsRetrying = 0, actionsFailed = 0;
    qint64 loadMs = 0, evaluateMs = 0, writeMs = 0, actionsMs = 0, elapsedMs = 0;
};
Q_DECLARE_METATYPE(PlaybookRunSummary)

struct DryRunFiring
{
    qint64 accountId = 0;
    QString externalId;
    QString accountName;
    int day = 0;
    PlaybookEvidence evidence;
};

struct DryRunResult
{
    qint64 playbookId = 0;
    QString name;
    int fromDay = 0, toDay = 0, lastDay = 0; // lastDay < toDay: the rest was not settled
    QList<DryRunFiring> firings;
    QString error;
};

/**
 * Evaluates playbooks and lifecycle goals on a workspace and runs the actions of their firings.
 * A run loads the history once for every rule, replays each enabled playbook from the day after
 * the one it last judged up to the last settled computed day, and stores firings, resolutions and
 * the new position in one unit of work; then it runs the pending actions (their own units; a
 * webhook outside any), and moves accounts whose lifecycle goal was met. Blocking: a worker thread
 * or the CLI, never the UI thread.
 */
namespace PlaybookRunner {
PlaybookRunSummary run(Database &database, const PlaybookRunOptions &options = {},
                       const std::atomic_bool *canceled = nullptr);
/** Replays playbooks over the last `days` settled days, from no firing, without storing anything. */
QList<DryRunResult> dryRun(Database &database, const QList<Playbook> &playbooks, int days, QString *error = nullptr);
/** Runs the pending actions only (retries). */
PlaybookRunSummary runPendingActions(Database &database, const PlaybookRunOptions &options = {});
} // namespace PlaybookRunner
