#include "sync/SyncPlanner.h"
#include "sync/SyncScheduler.h"

#include <QTest>

namespace {

const QDate today(2026, 11, 20);
constexpr qint64 web = -323232;
constexpr qint64 mobile = 5564050320050536;

SyncPlanner::Inputs inputs(SyncRequest::Kind kind, int backfillDays = 0)
{
    SyncPlanner::Inputs in;
    in.request.kind = kind;
    in.request.backfillDays = backfillDays;
    in.today = today;
    in.settleDays = 2;
    in.apps = {web, mobile};
    in.config = IntegrationConfig::defaults(); // activity, features and pages
    return in;
}

void mark(SyncPlanner::Inputs &in, const QString &stream, qint64 app, const QDate &day, const QString &status)
{
    in.checkpoints.insert(SyncPlanner::checkpointKey(stream, app, day), WindowCheckpoint{status, 0});
}

void markAll(SyncPlanner::Inputs &in, const QDate &from, const QDate &to, const QString &status)
{
    for (QDate day = from; day <= to; day = day.addDays(1))
        for (const QString &stream : {QStringLiteral("activity"), QStringLiteral("features"), QStringLiteral("pages")})
            for (qint64 app : in.apps)
                mark(in, stream, app, day, status);
}

} // namespace

/** Which windows a run pulls, and when the in-app schedule fires: pure functions, checked by hand. */
class TestSyncPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aBackfillCoversEveryStreamAppAndDayNewestFirst()
    {
        const SyncPlan plan = SyncPlanner::plan(inputs(SyncRequest::Kind::Backfill, 10));
        QCOMPARE(plan.windows.size(), 10 * 3 * 2);
        QCOMPARE(plan.from, today.addDays(-9));
        QCOMPARE(plan.to, today);
        QCOMPARE(plan.windows.front().day, today);
        QCOMPARE(plan.windows.back().day, today.addDays(-9));
        // The settle window's days are provisional; older ones are not.
        for (const SyncWindow &w : plan.windows)
            QCOMPARE(w.provisional, w.day > today.addDays(-2));
    }

    void settledWindowsAreSkippedButTheSettleWindowIsPulledAgain()
    {
        SyncPlanner::Inputs in = inputs(SyncRequest::Kind::Backfill, 10);
        markAll(in, today.addDays(-9), today, QStringLiteral("synced"));
        const SyncPlan plan = SyncPlanner::plan(in);
        QCOMPARE(plan.windows.size(), 2 * 3 * 2);
        QCOMPARE(plan.skipped, 8 * 3 * 2);
        for (const SyncWindow &w : plan.windows)
            QVERIFY(w.day >= today.addDays(-1));
    }

    void provisionalAndFailedWindowsAnywhereArePulledAgain()
    {
        SyncPlanner::Inputs in = inputs(SyncRequest::Kind::Manual);
        markAll(in, today.addDays(-40), today, QStringLiteral("synced"));
        mark(in, QStringLiteral("features"), mobile, today.addDays(-30), QStringLiteral("failed"));
        mark(in, QStringLiteral("pages"), web, today.addDays(-20), QStringLiteral("provisional"));
        in.lastCovered = today;
        const SyncPlan plan = SyncPlanner::plan(in);
        QCOMPARE(plan.windows.size(), 2 * 3 * 2 + 2);
        QCOMPARE(plan.from, today.addDays(-30));
        QCOMPARE(plan.windows.back().key, QStringLiteral("features"));
        QCOMPARE(plan.windows.back().appId, mobile);
    }

    void aFirstManualSyncCoversThirtyDaysAndALaterOneContinues()
    {
        SyncPlan plan = SyncPlanner::plan(inputs(SyncRequest::Kind::Manual));
        QCOMPARE(plan.from, today.addDays(-(syncs::firstSyncDays - 1)));
        SyncPlanner::Inputs in = inputs(SyncRequest::Kind::Scheduled);
        markAll(in, today.addDays(-29), today.addDays(-5), QStringLiteral("synced"));
        in.lastCovered = today.addDays(-5);
        plan = SyncPlanner::plan(in);
        QCOMPARE(plan.from, today.addDays(-4));
        QCOMPARE(plan.windows.size(), 5 * 3 * 2);
    }

    void interruptedRunsAreResumed()
    {
        SyncPlanner::Inputs in = inputs(SyncRequest::Kind::Manual);
        in.lastCovered = today;
        markAll(in, today.addDays(-2), today, QStringLiteral("synced"));
        in.resumes << SyncPlanner::Inputs::Resume{7, today.addDays(-100), today, {}};
        markAll(in, today.addDays(-100), today.addDays(-51), QStringLiteral("synced"));
        const SyncPlan plan = SyncPlanner::plan(in);
        QCOMPARE(plan.resumes, QList<qint64>{7});
        QCOMPARE(plan.from, today.addDays(-100));
        // Days -50 … -3 of the interrupted backfill were never landed (-2 … 0 were, by a later run); the
        // settle window (-1, 0) is pulled again.
        QCOMPARE(plan.windows.size(), (48 + 2) * 3 * 2);
    }

    void streamsFollowTheConfigurationOrTheRequest()
    {
        SyncPlanner::Inputs in = inputs(SyncRequest::Kind::Backfill, 1);
        in.config.stream(StreamKind::Guides).enabled = true;
        QCOMPARE(SyncPlanner::plan(in).streams,
                 (QList<SyncStream>{SyncStream::Activity, SyncStream::Features, SyncStream::Pages, SyncStream::Guides}));
        in.request.streams = {SyncStream::TrackEvents};
        QCOMPARE(SyncPlanner::plan(in).streams, QList<SyncStream>{SyncStream::TrackEvents});
        in.request.streams = {SyncStream::Reports}; // no report is mapped
        QVERIFY(SyncPlanner::plan(in).windows.isEmpty());
    }

    void aBackfillReachesBackAYearAtMost()
    {
        const SyncPlan plan = SyncPlanner::plan(inputs(SyncRequest::Kind::Backfill, 1000));
        QCOMPARE(plan.from, today.addDays(-364));
        QCOMPARE(plan.windows.size(), 365 * 3 * 2);
    }

    void theScheduleFiresOnceForWhatItMissed_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QDateTime>("lastRun");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<QDateTime>("due");
        const QDateTime now(QDate(2026, 11, 20), QTime(10, 0));
        QTest::newRow("off") << QStringLiteral("off") << QDateTime() << now << QDateTime();
        QTest::newRow("hourly, never ran") << QStringLiteral("hourly") << QDateTime() << now << now;
        QTest::newRow("hourly, ran 20 min ago") << QStringLiteral("hourly") << now.addSecs(-1200) << now
                                                << now.addSecs(2400);
        QTest::newRow("hourly, missed three hours") << QStringLiteral("hourly") << now.addSecs(-3 * 3600) << now << now;
        QTest::newRow("daily, never ran: the next 06:00")
            << QStringLiteral("daily") << QDateTime() << now << QDateTime(QDate(2026, 11, 21), QTime(6, 0));
        QTest::newRow("daily, ran after today's slot")
            << QStringLiteral("daily") << QDateTime(QDate(2026, 11, 20), QTime(6, 1)) << now
            << QDateTime(QDate(2026, 11, 21), QTime(6, 0));
        QTest::newRow("daily, slept through today's slot")
            << QStringLiteral("daily") << QDateTime(QDate(2026, 11, 18), QTime(6, 0)) << now << now;
        QTest::newRow("daily, before today's slot")
            << QStringLiteral("daily") << QDateTime(QDate(2026, 11, 19), QTime(6, 0)) << QDateTime(QDate(2026, 11, 20), QTime(5, 0))
            << QDateTime(QDate(2026, 11, 20), QTime(6, 0));
    }

    void theScheduleFiresOnceForWhatItMissed()
    {
        QFETCH(QString, mode);
        QFETCH(QDateTime, lastRun);
        QFETCH(QDateTime, now);
        QFETCH(QDateTime, due);
        QCOMPARE(SyncScheduler::nextDue(SyncScheduler::modeFromKey(mode), QTime(6, 0), lastRun, now), due);
    }
};

QTEST_GUILESS_MAIN(TestSyncPlanner)
#include "tst_syncplanner.moc"
