#pragma once

#include <QSqlDatabase>
#include <QString>

#include <vector>

class WriteTransaction;

/**
 * The unmatched report: Pendo visitors and accounts whose synced activity reaches no CS record
 * under the current resolutions, with their volume over every synced day (from the activity
 * stream). The activity itself stays in the raw layer, so fixing a rule re-derives it without
 * pulling again. compute() reads on the caller's connection; write() runs in a unit of work.
 */
namespace UnmatchedReport {

struct Entry
{
    bool visitor = true; // false: an account
    qint64 ref = 0;
    QString reason; // unmatched, ambiguous, unresolved
    qint64 events = 0;
    qint64 minutes = 0;
    int activeDays = 0;
    qint64 lastDay = 0;
};

/** `visitors`: also report visitors (contact matching is on). */
bool compute(QSqlDatabase db, bool visitors, std::vector<Entry> *out, QString *error);
bool write(WriteTransaction &tx, const std::vector<Entry> &entries, qint64 runId);

} // namespace UnmatchedReport
