#pragma once

#include "SyncTypes.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QSqlDatabase>

#include <optional>

/**
 * Reads what the sync recorded: the runs, a run's log, the coverage of each day and stream, and
 * the unmatched report. Plain reads through the caller's connection (any thread that owns one);
 * the monitor runs them on a worker thread.
 */
namespace SyncHistory {

/** The newest runs first. */
QList<SyncRunSummary> runs(QSqlDatabase db, int limit, QString *error = nullptr);
std::optional<SyncRunSummary> run(QSqlDatabase db, qint64 runId);
std::optional<SyncRunSummary> lastRun(QSqlDatabase db);
/** A run's log in order (the last `limit` lines). */
QList<SyncLogEntry> log(QSqlDatabase db, qint64 runId, int limit = 1000);

/** A day of one stream, over all apps: the worst state wins (failed, provisional, synced). */
enum class DayState { Missing, Synced, Provisional, Failed };
/** How bad a state is (missing 0 … failed 3): several windows of one day show the worst. */
int severity(DayState state);

struct Coverage
{
    QDate from;
    QDate to;
    /** Per stream key (syncs::key), the state of each day that has a window. */
    QMap<QString, QMap<QDate, DayState>> days;
    /** The first and last day any activity stream has a synced or provisional window for. */
    QDate coveredFrom;
    QDate coveredTo;
    int failedWindows = 0;

    DayState state(const QString &stream, const QDate &day) const;
};
/** Coverage between `from` and `to` (both included); null dates: every recorded day. */
Coverage coverage(QSqlDatabase db, const QDate &from = {}, const QDate &to = {});

/** A Pendo visitor or account whose activity does not reach a CS record. */
struct UnmatchedId
{
    QString object; // "contact" (a visitor) or "account"
    QString pendoId;
    QString accountId; // visitors: their Pendo account
    QString reason;    // "unmatched", "ambiguous", "unresolved"
    qint64 events = 0;
    qint64 minutes = 0;
    int activeDays = 0;
    QDate lastDay;
};
/** The unmatched report of the last run, by activity volume (largest first). */
QList<UnmatchedId> unmatched(QSqlDatabase db, int limit = 1000);

} // namespace SyncHistory
