#pragma once

#include <QMetaType>
#include <QString>

#include <functional>

class Database;

/** What to recompute: the days from `fromDay` on after a sync, or everything after a change. */
struct RecomputeRequest
{
    enum class Kind { Incremental, Full };
    Kind kind = Kind::Full;
    int fromDay = 0; // Incremental: the first day whose raw activity changed (Julian day)
    QString reason;  // "sync", "configuration", "health model", "command line"

    static RecomputeRequest full(const QString &reason) { return {Kind::Full, 0, reason}; }
    static RecomputeRequest incremental(int fromDay, const QString &reason)
    {
        return {Kind::Incremental, fromDay, reason};
    }
};

/** How a recompute ended. */
struct RecomputeSummary
{
    bool ok = false;
    bool canceled = false;
    QString error;
    RecomputeRequest::Kind kind = RecomputeRequest::Kind::Full;
    int accounts = 0;
    qint64 rowsWritten = 0;   // calculated-field rows
    qint64 scoresWritten = 0; // health scores
    int fromDay = 0, toDay = 0;
    qint64 readMs = 0;  // reading the rows and computing the fields (they overlap)
    qint64 writeMs = 0; // the unit of work that stores them
    qint64 elapsedMs = 0;
};
Q_DECLARE_METATYPE(RecomputeSummary)

/**
 * The analytics recompute: reads the matched activity, computes the calculated fields
 * (CalculatedFields), resolves custom metrics onto accounts, scores health with the model
 * versions in effect on each day, and writes it all in one unit of work through the workspace's
 * writer, so readers see the old numbers or the new ones, never a mix. A full recompute
 * replaces the whole derived layer; an incremental one the days from `fromDay` on. Blocking:
 * run it on a worker thread (AnalyticsEngine does), the CLI or a benchmark.
 */
namespace Recompute {
using Progress = std::function<void(int done, int total, const QString &phase)>;
using Canceled = std::function<bool()>;
RecomputeSummary run(Database &database, const RecomputeRequest &request, const Progress &progress = {},
                     const Canceled &canceled = {});
} // namespace Recompute
