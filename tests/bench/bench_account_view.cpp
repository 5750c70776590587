// Opening an account's dashboard with a year of data: reading its AccountDetail from a workspace
// (AnalyticsReader::accountDetail, what the dashboard controller runs on a worker thread), then
// setDetail() and the first paint (grab()), in a fresh AccountView each run and again in a reused
// one. The workspace is filled first: --accounts accounts (default 200) with 25 visitors each, a year
// of activity and feature use, and a full recompute. Target: under 100 ms from read to first paint.
// Run with QT_QPA_PLATFORM=offscreen or on a display. Prints figures; it is not a test.

#include "analytics/AnalyticsReader.h"
#include "analytics/Recompute.h"
#include "dashboard/AccountView.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include "BenchSupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

/** A workspace with `accounts` matched accounts of 25 visitors, `days` days of activity, recomputed. */
bool fillWorkspace(Database &database, int accounts, int days)
{
    const QString now = QStringLiteral("'2026-11-30T00:00:00Z'");
    const int last = int(QDate(2026, 11, 30).toJulianDay());
    const int first = last - days + 1;
    const QString n = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ");
    const QStringList sql{
        n.arg(accounts) + QStringLiteral("INSERT INTO accounts (id, external_id, name, owner, arr, licensed_seats, "
                                         "renewal_date, created_at, updated_at) SELECT i, 'A-' || i, 'Account ' || i, "
                                         "'Owner ' || (i % 7), 10000 + i, 20, '2027-03-01', %1, %1 FROM n")
                              .arg(now),
        n.arg(accounts) + QStringLiteral("INSERT INTO pendo_accounts (id, account_id, refreshed_at) SELECT i, 'p' || i, "
                                         "%1 FROM n")
                              .arg(now),
        n.arg(accounts) + QStringLiteral("INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, "
                                         "config_version, resolved_at) SELECT 'account', i, 'matched', i, 1, %1 FROM n")
                              .arg(now),
        n.arg(accounts * 25) + QStringLiteral("INSERT INTO pendo_visitors (id, visitor_id, account_id, refreshed_at) "
                                              "SELECT i, 'v' || i, 'p' || ((i - 1) / 25 + 1), %1 FROM n")
                                   .arg(now),
        n.arg(accounts * 25) + QStringLiteral("INSERT INTO contacts (id, external_id, account_id, email, name, "
                                              "created_at, updated_at) SELECT i, 'c' || i, (i - 1) / 25 + 1, "
                                              "'user' || i || '@example.test', 'User ' || i, %1, %1 FROM n")
                                   .arg(now),
        n.arg(accounts * 25) + QStringLiteral("INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, "
                                              "config_version, resolved_at) SELECT 'contact', i, 'matched', i, 1, %1 "
                                              "FROM n")
                                   .arg(now),
        n.arg(20) + QStringLiteral("INSERT INTO pendo_catalog_items (id, kind, pendo_id, app_id, name, is_core, "
                                   "first_seen_at, last_seen_at) SELECT i, 'feature', 'f' || i, -323232, "
                                   "'Feature ' || i, i <= 5, %1, %1 FROM n")
                        .arg(now),
        // Visitors active on about 60% of days; three features on each active day.
        QStringLiteral("WITH RECURSIVE d(day) AS (SELECT %1 UNION ALL SELECT day + 1 FROM d WHERE day < %2), "
                       "v(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM v WHERE i < %3) "
                       "INSERT INTO pendo_activity SELECT 0, -323232, day, i, (i - 1) / 25 + 1, 0, 10 + i % 7, 3 "
                       "FROM d, v WHERE (i * 31 + day * 17) % 10 < 6 ORDER BY day, i")
            .arg(first)
            .arg(last)
            .arg(accounts * 25),
        QStringLiteral("INSERT INTO pendo_activity SELECT 1, app_id, day, visitor_ref, account_ref, "
                       "1 + (visitor_ref + day + k) % 20, 2, 1 FROM pendo_activity, (SELECT 0 AS k UNION ALL "
                       "SELECT 7 UNION ALL SELECT 13) WHERE kind = 0 ORDER BY day, visitor_ref")};
    const StoreError filled = database.writer().runAndWait(QStringLiteral("fill"), [&sql](WriteTransaction &tx) {
        for (const QString &statement : sql)
            if (!tx.exec(statement))
                return tx.error();
        return StoreError();
    });
    if (filled) {
        std::fprintf(stderr, "fill failed: %s\n", qPrintable(filled.message()));
        return false;
    }
    const RecomputeSummary summary = Recompute::run(database, RecomputeRequest::full(QStringLiteral("benchmark")));
    if (!summary.ok)
        std::fprintf(stderr, "recompute failed: %s\n", qPrintable(summary.error));
    return summary.ok;
}

using bench::Figures;
using bench::intOption;
using bench::summarise;


} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const int days = intOption(argc, argv, "--days", 365);
    const int runs = intOption(argc, argv, "--runs", 9);
    const int accounts = intOption(argc, argv, "--accounts", 200);
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!database.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    QElapsedTimer fillTimer;
    fillTimer.start();
    if (!fillWorkspace(database, accounts, days))
        return 1;
    std::printf("workspace: %d accounts × 25 visitors × %d days, filled and recomputed in %.1f s\n", accounts, days,
                fillTimer.elapsed() / 1000.0);
    QSqlDatabase connection = database.connection();
    const qint64 accountId = accounts / 2;
    const AccountDetail detail = AnalyticsReader::accountDetail(connection, accountId);
    if (!detail.found || detail.series.size() != days) {
        std::fprintf(stderr, "account %lld: %d days of fields, expected %d\n", accountId, int(detail.series.size()), days);
        return 1;
    }
    std::printf("account view: %d days, %d contacts, %d items, %d custom metrics; %d runs (median / max)\n", days,
                int(detail.contacts.size()), int(detail.items.size()), int(detail.customMetrics.size()), runs);

    {
        // The first view of the process pays for fonts and styles once; not what opening an account costs.
        AccountView warmUp;
        warmUp.resize(1280, 800);
        warmUp.setDetail(detail);
        (void)warmUp.grab();
    }

    std::vector<double> fresh, reused, setOnly, reads;
    AccountView kept;
    kept.resize(1280, 800);
    kept.show();
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        {
            const AccountDetail read = AnalyticsReader::accountDetail(connection, accountId);
            reads.push_back(timer.nsecsElapsed() / 1e6);
            AccountView view;
            view.resize(1280, 800);
            view.show();
            view.setDetail(read);
            const QPixmap first = view.grab();
            fresh.push_back(timer.nsecsElapsed() / 1e6);
        }
        QCoreApplication::processEvents();

        timer.restart();
        kept.setDetail(detail);
        setOnly.push_back(timer.nsecsElapsed() / 1e6);
        const QPixmap again = kept.grab();
        reused.push_back(timer.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }
    const Figures f = summarise(fresh), r = summarise(reused), s = summarise(setOnly), d = summarise(reads);
    std::printf("account detail read ms: %.1f / %.1f  (the workspace read alone)\n", d.median, d.max);
    std::printf("account view open ms: %.1f / %.1f  (read + new view + setDetail + first paint)\n", f.median, f.max);
    std::printf("account view reopen ms: %.1f / %.1f  (same view: setDetail + paint)\n", r.median, r.max);
    std::printf("account view setDetail ms: %.1f / %.1f  (without painting)\n", s.median, s.max);
    std::printf("target < 100 ms\n");
    return 0;
}
