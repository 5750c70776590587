#pragma once

#include "TestSupport.h"

#include "sync/SyncPlanner.h"

#include <QDate>
#include <QSqlQuery>

/** Rows the sync would have recorded, written through the workspace writer. */
namespace SyncRows {

/** Today as the sync sees it (the workspace's time zone). */
inline QDate today(TestWorkspace &ws)
{
    return SyncPlanner::today(Clock::system().nowMs(), SyncPlanner::workspaceZone(ws.database().connection()));
}

struct Run
{
    qint64 id = 1;
    QString kind = QStringLiteral("manual");
    QString status = QStringLiteral("completed");
    QString startedAt = QStringLiteral("2026-03-02T08:00:00.000Z");
    QString finishedAt = QStringLiteral("2026-03-02T08:03:20.000Z");
    int backfillDays = 0;
    int windowsTotal = 10;
    int windowsDone = 10;
    int windowsFailed = 0;
    qint64 rowsIn = 1234;
    qint64 rowsSkipped = 0;
    QString skippedReasons = QStringLiteral("{}");
    int unmatchedVisitors = 0;
    int unmatchedAccounts = 0;
    QString error;
};

inline bool insertRun(TestWorkspace &ws, const Run &run)
{
    return !ws.write([&run](WriteTransaction &tx) {
        QSqlQuery q(tx.db());
        q.prepare(QStringLiteral(
            "INSERT INTO sync_runs (id, kind, status, streams, from_day, to_day, backfill_days, holder, started_at, "
            "finished_at, windows_total, windows_done, windows_failed, rows_in, rows_skipped, skipped_reasons, "
            "unmatched_visitors, unmatched_accounts, error) VALUES (:id, :kind, :status, 'activity,features', "
            ":from, :to, :backfill, 'test', :started, :finished, :total, :done, :failed, :rows, :skipped, :reasons, "
            ":uv, :ua, :error)"));
        q.bindValue(QStringLiteral(":id"), run.id);
        q.bindValue(QStringLiteral(":kind"), run.kind);
        q.bindValue(QStringLiteral(":status"), run.status);
        q.bindValue(QStringLiteral(":from"), QDate(2026, 2, 1).toJulianDay());
        q.bindValue(QStringLiteral(":to"), QDate(2026, 3, 2).toJulianDay());
        q.bindValue(QStringLiteral(":backfill"), run.backfillDays);
        q.bindValue(QStringLiteral(":started"), run.startedAt);
        q.bindValue(QStringLiteral(":finished"), run.finishedAt);
        q.bindValue(QStringLiteral(":total"), run.windowsTotal);
        q.bindValue(QStringLiteral(":done"), run.windowsDone);
        q.bindValue(QStringLiteral(":failed"), run.windowsFailed);
        q.bindValue(QStringLiteral(":rows"), run.rowsIn);
        q.bindValue(QStringLiteral(":skipped"), run.rowsSkipped);
        q.bindValue(QStringLiteral(":reasons"), run.skippedReasons);
        q.bindValue(QStringLiteral(":uv"), run.unmatchedVisitors);
        q.bindValue(QStringLiteral(":ua"), run.unmatchedAccounts);
        q.bindValue(QStringLiteral(":error"), run.error.isEmpty() ? QVariant() : QVariant(run.error));
        return tx.exec(q);
    });
}

inline bool insertWindow(TestWorkspace &ws, const QString &stream, qint64 appId, const QDate &day, const QString &status)
{
    return !ws.write([&](WriteTransaction &tx) {
        QSqlQuery q(tx.db());
        q.prepare(QStringLiteral("INSERT INTO sync_windows (stream, app_id, day, status, run_id, pulled_at) "
                                 "VALUES (:stream, :app, :day, :status, 1, '2026-03-02T08:00:00Z')"));
        q.bindValue(QStringLiteral(":stream"), stream);
        q.bindValue(QStringLiteral(":app"), appId);
        q.bindValue(QStringLiteral(":day"), day.toJulianDay());
        q.bindValue(QStringLiteral(":status"), status);
        return tx.exec(q);
    });
}

inline bool insertApp(TestWorkspace &ws, qint64 appId)
{
    return !ws.write([appId](WriteTransaction &tx) {
        return tx.exec(QStringLiteral("INSERT INTO pendo_apps (app_id, name, first_seen_at, last_seen_at) "
                                      "VALUES (%1, 'App %1', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
                           .arg(appId));
    });
}

/** An unmatched visitor with its Pendo account, as the last run's report lists it. */
inline bool insertUnmatchedVisitor(TestWorkspace &ws, qint64 ref, const QString &visitorId, const QString &accountId,
                                   qint64 events, const QDate &lastDay)
{
    return !ws.write([&](WriteTransaction &tx) {
        QSqlQuery q(tx.db());
        q.prepare(QStringLiteral("INSERT INTO pendo_visitors (id, visitor_id, account_id, refreshed_at) "
                                 "VALUES (:ref, :visitor, :account, '2026-03-02T08:00:00Z')"));
        q.bindValue(QStringLiteral(":ref"), ref);
        q.bindValue(QStringLiteral(":visitor"), visitorId);
        q.bindValue(QStringLiteral(":account"), accountId);
        if (!tx.exec(q))
            return false;
        QSqlQuery u(tx.db());
        u.prepare(QStringLiteral("INSERT INTO sync_unmatched (object, pendo_ref, reason, events, minutes, active_days, "
                                 "last_day, run_id) VALUES ('contact', :ref, 'unmatched', :events, 12, 3, :last, 1)"));
        u.bindValue(QStringLiteral(":ref"), ref);
        u.bindValue(QStringLiteral(":events"), events);
        u.bindValue(QStringLiteral(":last"), lastDay.toJulianDay());
        return tx.exec(u);
    });
}

} // namespace SyncRows
