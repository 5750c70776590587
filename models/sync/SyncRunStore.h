#pragma once

#include "SyncPlanner.h"
#include "SyncTypes.h"

#include <QString>

class WriteTransaction;

/**
 * The run log's writes, inside the caller's unit of work: the lease, the run row and its
 * counters, log lines. Counters move in the same unit as the window they count, so after a crash
 * the run row says exactly what landed. Writer thread.
 */
namespace SyncRunStore {

struct Begun
{
    qint64 runId = 0;
    bool leaseAcquired = false;
    QString otherHolder; // when not acquired
};

/**
 * Takes the lease (free, expired, or held by a process of this machine that no longer runs),
 * marks runs a dead holder left running as interrupted, and records the new run. When another
 * live holder has the lease the run is recorded as failed, naming that holder.
 */
bool begin(WriteTransaction &tx, const QString &holder, qint64 nowMs, qint64 leaseMs, const SyncRequest &request,
           const QStringList &streamKeys, Begun *begun);
/** Extends the lease; *held false when another holder took it. */
bool renewLease(WriteTransaction &tx, const QString &holder, qint64 nowMs, qint64 leaseMs, bool *held);
bool recordPlan(WriteTransaction &tx, qint64 runId, const SyncPlan &plan);
/** Adds one window's numbers to the run's counters. */
bool countWindow(WriteTransaction &tx, qint64 runId, qint64 rows, qint64 skipped,
                 const QMap<QString, qint64> &skippedReasons, int requests, bool failed, bool split);
bool log(WriteTransaction &tx, const SyncLogEntry &entry);
/** Ends the run (status, error, unmatched counts) and lets go of the lease. */
bool finish(WriteTransaction &tx, const QString &holder, const SyncRunSummary &summary);
/** Whether a holder name belongs to a process of this machine that has ended. */
bool holderIsDead(const QString &holder);

} // namespace SyncRunStore
