// Evaluating 20 playbooks over 5,000 accounts after a daily sync: the history load (the look-back
// of every rule), the replay of the new day, storing firings and their tasks. The workspace is
// filled with calculated fields directly (as a recompute leaves them), every playbook judged up to
// yesterday. Target: under 1 s.
//
// Usage: bench_playbooks [--accounts N] [--runs N]

#include "playbooks/PlaybookRunner.h"
#include "playbooks/PlaybookStore.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include "BenchSupport.h"

#include <QCoreApplication>
#include <QDate>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

namespace {

constexpr int kDays = 61; // the longest look-back (a 30-day decline) plus the new day

bool fill(Database &database, int accounts, int last)
{
    const int first = last - kDays + 1;
    const QString series = QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ");
    const QString days = QStringLiteral("WITH RECURSIVE d(day) AS (SELECT %1 UNION ALL SELECT day + 1 FROM d WHERE day < %2) ")
                             .arg(first)
                             .arg(last);
    const QString now = QStringLiteral("'2026-11-30T00:00:00Z'");
    const QStringList sql{
        series.arg(accounts)
            + QStringLiteral("INSERT INTO accounts (id, external_id, name, owner, arr, licensed_seats, lifecycle_stage_id, "
                             "created_at, updated_at) SELECT i, 'ACC-' || i, 'Account ' || i, 'owner' || (i % 25), "
                             "1000 * (i % 200), 10 + i % 40, 1 + i % 6, %1, %1 FROM n")
                  .arg(now),
        series.arg(accounts)
            + QStringLiteral("INSERT INTO account_milestones SELECT i, 0, %1, %2, CASE WHEN i % 3 = 0 THEN NULL ELSE %1 + 5 END "
                             "FROM n")
                  .arg(first)
                  .arg(last),
        // Per account a level with a weekly rhythm; one account in ten declines over the last month.
        days + QStringLiteral(", n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ").arg(accounts)
            + QStringLiteral(
                "INSERT INTO account_metrics (account_id, app_id, day, dau, wau, mau, events, minutes, events_30d, minutes_30d, "
                "dau_mau, wau_mau, core_adoption, licence_utilisation, days_since_active, pes_adoption, pes_stickiness, "
                "pes_growth, pes, core_events, core_events_30d) "
                "SELECT i, 0, day, 2 + i % 5, 5 + i % 9, 10 + i % 30, "
                "(40 + i % 60) * (CASE WHEN i % 10 = 0 AND day > %1 THEN 0.4 ELSE 1.0 END) + (day % 7) * 3, 10 + i % 20, "
                "1200 + i % 900, 300 + i % 200, 0.1 + (i % 50) / 200.0, 0.3 + (i % 40) / 100.0, (i % 10) / 10.0, "
                "(10 + i % 30) / (10.0 + i % 40), 0, 20 + i % 70, 10 + i % 50, 30 + i % 60, 20 + i % 70, "
                "(12 + i % 30) * (CASE WHEN i % 10 = 0 AND day > %1 THEN 0.4 ELSE 1.0 END) + day % 5, 400 "
                "FROM n, d")
                  .arg(last - 30),
        days + QStringLiteral(", n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) ").arg(accounts)
            + QStringLiteral("INSERT INTO health_scores SELECT i, day, 0, 30 + (i * 7 + day) % 60, "
                             "CASE WHEN (i * 7 + day) % 60 < 10 THEN 0 WHEN (i * 7 + day) % 60 < 40 THEN 1 ELSE 2 END "
                             "FROM n, d"),
        days + QStringLiteral("INSERT INTO sync_windows (stream, app_id, day, status, run_id, pulled_at) "
                              "SELECT 'activity', -323232, day, 'synced', 1, %1 FROM d")
                   .arg(now),
        QStringLiteral("INSERT INTO analytics_runs (kind, reason, started_at, finished_at, from_day, to_day, status) "
                       "VALUES ('full', 'bench', %1, %1, %2, %3, 'completed')")
            .arg(now)
            .arg(first)
            .arg(last)};
    const StoreError error = database.writer().runAndWait(QStringLiteral("fill"), [&sql](WriteTransaction &tx) {
        for (const QString &s : sql)
            if (!tx.exec(s))
                return tx.error();
        return StoreError();
    });
    if (error)
        std::fprintf(stderr, "fill: %s\n", qPrintable(error.message()));
    return !error;
}

/** Twenty playbooks of every kind that reads the new day. */
QList<Playbook> twentyPlaybooks()
{
    QList<Playbook> out;
    const auto add = [&out](const QString &name, PlaybookTrigger trigger, PlaybookScope scope = {}) {
        Playbook p;
        p.name = name;
        p.enabled = true;
        p.trigger = trigger;
        p.scope = scope;
        PlaybookAction task;
        task.title = QStringLiteral("%1 at {account}").arg(name);
        p.actions << task;
        out << p;
    };
    using K = PlaybookTrigger::Kind;
    using Op = PlaybookTrigger::Op;
    const char *const metrics[] = {"mau", "wau", "dau_mau", "pes", "pes_adoption", "licence_utilisation", "core_adoption",
                                   "events_30d"};
    const double thresholds[] = {12, 6, 0.12, 25, 22, 0.35, 0.1, 1250};
    for (int i = 0; i < 8; ++i) {
        PlaybookTrigger t;
        t.kind = K::Threshold;
        t.metric = QString::fromLatin1(metrics[i]);
        t.op = Op::Below;
        t.value = thresholds[i];
        add(QStringLiteral("Low %1").arg(t.metric), t);
    }
    for (const char *metric : {"core_events", "events", "mau", "minutes", "wau", "pes"}) {
        PlaybookTrigger t;
        t.kind = K::Decline;
        t.metric = QString::fromLatin1(metric);
        t.percent = 30;
        t.days = 30;
        t.minVolume = 30;
        add(QStringLiteral("Decline of %1").arg(t.metric), t);
    }
    for (HealthBand band : {HealthBand::Red, HealthBand::Yellow}) {
        PlaybookTrigger t;
        t.kind = K::BandChanged;
        t.to = band;
        add(QStringLiteral("Turned %1").arg(int(band)), t);
    }
    PlaybookTrigger stuck;
    stuck.kind = K::FirstValueMissing;
    stuck.days = 30;
    add(QStringLiteral("Stuck onboarding"), stuck, PlaybookScope{{QStringLiteral("onboarding")}, {}, {}, {}, {}});
    PlaybookTrigger expansion;
    expansion.kind = K::Threshold;
    expansion.metric = QStringLiteral("licence_utilisation");
    expansion.op = Op::Above;
    expansion.value = 0.95;
    add(QStringLiteral("Expansion"), expansion);
    PlaybookTrigger pesBig;
    pesBig.kind = K::Threshold;
    pesBig.metric = QStringLiteral("pes");
    pesBig.value = 30;
    PlaybookScope big;
    big.arrMin = 100000;
    add(QStringLiteral("PES low, large accounts"), pesBig, big);
    PlaybookTrigger days;
    days.kind = K::Threshold;
    days.metric = QStringLiteral("days_since_active");
    days.op = Op::AtLeast;
    days.value = 14;
    add(QStringLiteral("Inactive two weeks"), days);
    return out;
}

} // namespace

using namespace bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int accounts = intOption(argc, argv, "--accounts", 5000);
    const int runs = intOption(argc, argv, "--runs", 7);
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.sqlite")));
    QString error;
    if (!database.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const int last = int(QDate(2026, 11, 30).toJulianDay());
    if (!fill(database, accounts, last))
        return 1;
    const QList<Playbook> playbooks = twentyPlaybooks();
    const StoreError saved = database.writer().runAndWait(QStringLiteral("playbooks"), [&](WriteTransaction &tx) {
        if (!tx.exec(QStringLiteral("DELETE FROM playbooks")) || !tx.exec(QStringLiteral("UPDATE lifecycle_goals SET enabled = 0")))
            return tx.error();
        for (const Playbook &p : playbooks)
            if (!PlaybookStore::save(tx, p, QStringLiteral("bench")))
                return tx.error();
        return StoreError();
    });
    if (saved) {
        std::fprintf(stderr, "playbooks: %s\n", qPrintable(saved.message()));
        return 1;
    }
    std::printf("bench_playbooks: %d playbooks, %d accounts, %d days of calculated fields; each run judges the new day "
                "%s after every playbook judged the day before\n",
                int(playbooks.size()), accounts, kDays, qPrintable(QDate::fromJulianDay(last).toString(Qt::ISODate)));
    std::vector<double> total, load, evaluate, write, actions;
    int fired = 0;
    for (int r = 0; r < runs; ++r) {
        // Yesterday's state: every playbook judged through the day before, no firing yet.
        database.writer().runAndWait(QStringLiteral("reset"), [&](WriteTransaction &tx) {
            return tx.exec(QStringLiteral("DELETE FROM tasks")) && tx.exec(QStringLiteral("DELETE FROM playbook_firings"))
                           && tx.exec(QStringLiteral("UPDATE playbooks SET evaluated_through = %1").arg(last - 1))
                       ? StoreError()
                       : tx.error();
        });
        const PlaybookRunSummary s = PlaybookRunner::run(database);
        if (!s.ok) {
            std::fprintf(stderr, "run: %s\n", qPrintable(s.error));
            return 1;
        }
        fired = s.fired;
        total.push_back(double(s.elapsedMs));
        load.push_back(double(s.loadMs));
        evaluate.push_back(double(s.evaluateMs));
        write.push_back(double(s.writeMs));
        actions.push_back(double(s.actionsMs));
    }
    const auto line = [](const char *label, std::vector<double> v) {
        const Figures f = summarise(std::move(v));
        std::printf("%-34s %8.1f / %8.1f ms (median / max)\n", label, f.median, f.max);
    };
    std::printf("%d firings and tasks per run; %d runs\n", fired, runs);
    line("history load", load);
    line("evaluation (20 rules)", evaluate);
    line("storing firings and actions", write);
    line("running the actions (tasks)", actions);
    line("evaluation after a daily sync", total);
    std::printf("evaluate 20 rules x %d accounts ms: %.1f (target < 1000)\n", accounts, summarise(total).median);
    return 0;
}
