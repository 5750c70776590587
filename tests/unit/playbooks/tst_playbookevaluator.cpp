#include "playbooks/PlaybookEvaluator.h"

#include <QJsonDocument>
#include <QTest>

namespace {

constexpr int d0 = 2461000; // the history's first day
constexpr int days = 90;

PlaybookHistory history(int accounts = 1)
{
    QList<PlaybookAccount> list;
    for (int i = 0; i < accounts; ++i) {
        PlaybookAccount a;
        a.id = i + 1;
        a.externalId = QStringLiteral("A-%1").arg(i + 1);
        a.name = QStringLiteral("Account %1").arg(i + 1);
        a.owner = QStringLiteral("dana");
        a.stage = QStringLiteral("adoption");
        a.arr = 10000;
        list << a;
    }
    return PlaybookHistory(list, d0, d0 + days - 1);
}

/** The same value of a field on every day. */
void fillConstant(PlaybookHistory &h, int account, MetricField field, double value)
{
    for (int d = d0; d < d0 + days; ++d)
        h.set(account, field, d, value);
}

Playbook playbook(const PlaybookTrigger &trigger, int cooldown = 30)
{
    Playbook p;
    p.id = 1;
    p.name = QStringLiteral("Rule");
    p.trigger = trigger;
    p.cooldownDays = cooldown;
    PlaybookAction task;
    task.title = QStringLiteral("Look");
    p.actions << task;
    return p;
}

PlaybookTrigger threshold(const char *metric, PlaybookTrigger::Op op, double value)
{
    PlaybookTrigger t;
    t.kind = PlaybookTrigger::Kind::Threshold;
    t.metric = QString::fromLatin1(metric);
    t.op = op;
    t.value = value;
    return t;
}

PlaybookTrigger decline(double percent, int window, double minVolume)
{
    PlaybookTrigger t;
    t.kind = PlaybookTrigger::Kind::Decline;
    t.metric = QStringLiteral("core_events");
    t.percent = percent;
    t.days = window;
    t.minVolume = minVolume;
    return t;
}

QList<int> fireDays(const QList<PlaybookEvent> &events)
{
    QList<int> out;
    for (const PlaybookEvent &e : events)
        if (e.kind == PlaybookEvent::Kind::Fire)
            out << e.day - d0;
    return out;
}

} // namespace

Q_DECLARE_METATYPE(PlaybookTrigger::Op)

/**
 * The triggers at their boundaries, the replay's one open firing per account, cool-down, snooze
 * and resolution, and the suppression of days whose window is not settled.
 */
class TestPlaybookEvaluator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thresholdAtItsBoundary_data()
    {
        QTest::addColumn<PlaybookTrigger::Op>("op");
        QTest::addColumn<double>("value");
        QTest::addColumn<double>("actual");
        QTest::addColumn<bool>("holds");
        using Op = PlaybookTrigger::Op;
        QTest::newRow("below: equal does not") << Op::Below << 40.0 << 40.0 << false;
        QTest::newRow("below: just under") << Op::Below << 40.0 << 39.99 << true;
        QTest::newRow("at most: equal") << Op::AtMost << 40.0 << 40.0 << true;
        QTest::newRow("above: equal does not") << Op::Above << 0.9 << 0.9 << false;
        QTest::newRow("above: just over") << Op::Above << 0.9 << 0.9001 << true;
        QTest::newRow("at least: equal") << Op::AtLeast << 0.5 << 0.5 << true;
        QTest::newRow("at least: under") << Op::AtLeast << 0.5 << 0.4999 << false;
    }

    void thresholdAtItsBoundary()
    {
        QFETCH(PlaybookTrigger::Op, op);
        QFETCH(double, value);
        QFETCH(double, actual);
        QFETCH(bool, holds);
        PlaybookHistory h = history();
        h.set(0, MetricField::Pes, d0 + 10, actual);
        const std::optional<PlaybookEvidence> e = PlaybookEvaluator::evaluate(threshold("pes", op, value), h, 0, d0 + 10);
        QCOMPARE(e.has_value(), holds);
        if (e) {
            QCOMPARE(e->values.value(QStringLiteral("value")).toDouble(), actual);
            QVERIFY(!e->text.isEmpty());
        }
        // No value that day: never holds, whatever the comparison.
        QVERIFY(!PlaybookEvaluator::evaluate(threshold("pes", op, value), h, 0, d0 + 11));
    }

    void declineAtItsBoundary_data()
    {
        QTest::addColumn<double>("before");
        QTest::addColumn<double>("after");
        QTest::addColumn<double>("minVolume");
        QTest::addColumn<bool>("holds");
        // 10-day windows: the days before and the last days, each day the same value.
        QTest::newRow("fell exactly 30%") << 10.0 << 7.0 << 0.0 << true;
        QTest::newRow("fell 29.9%") << 10.0 << 7.01 << 0.0 << false;
        QTest::newRow("grew") << 10.0 << 12.0 << 0.0 << false;
        QTest::newRow("baseline at the minimum volume") << 10.0 << 5.0 << 100.0 << true; // 10 days × 10
        QTest::newRow("baseline under the minimum volume") << 10.0 << 5.0 << 100.5 << false;
        QTest::newRow("nothing before") << 0.0 << 0.0 << 0.0 << false;
    }

    void declineAtItsBoundary()
    {
        QFETCH(double, before);
        QFETCH(double, after);
        QFETCH(double, minVolume);
        QFETCH(bool, holds);
        PlaybookHistory h = history();
        const int day = d0 + 40;
        for (int d = day - 19; d <= day - 10; ++d)
            h.set(0, MetricField::CoreEvents, d, before);
        for (int d = day - 9; d <= day; ++d)
            h.set(0, MetricField::CoreEvents, d, after);
        const std::optional<PlaybookEvidence> e = PlaybookEvaluator::evaluate(decline(30, 10, minVolume), h, 0, day);
        QCOMPARE(e.has_value(), holds);
        if (e) {
            QCOMPARE(e->values.value(QStringLiteral("baselineTotal")).toDouble(), before * 10);
            QCOMPARE(e->values.value(QStringLiteral("currentTotal")).toDouble(), after * 10);
        }
    }

    void aDeclineNeedsEveryDayOfBothWindows()
    {
        PlaybookHistory h = history();
        const int day = d0 + 40;
        for (int d = day - 19; d <= day; ++d)
            h.set(0, MetricField::CoreEvents, d, d <= day - 10 ? 10 : 1);
        QVERIFY(PlaybookEvaluator::evaluate(decline(30, 10, 0), h, 0, day));
        h.set(0, MetricField::CoreEvents, day - 19, std::numeric_limits<double>::quiet_NaN()); // a new account
        QVERIFY(!PlaybookEvaluator::evaluate(decline(30, 10, 0), h, 0, day));
    }

    void bandChangeAndFirstValue()
    {
        PlaybookHistory h = history();
        h.setBand(0, d0 + 5, HealthBand::Yellow);
        h.setBand(0, d0 + 6, HealthBand::Red);
        h.setBand(0, d0 + 7, HealthBand::Red);
        PlaybookTrigger red;
        red.kind = PlaybookTrigger::Kind::BandChanged;
        red.to = HealthBand::Red;
        QVERIFY(PlaybookEvaluator::evaluate(red, h, 0, d0 + 6));
        QVERIFY(!PlaybookEvaluator::evaluate(red, h, 0, d0 + 7)); // still red: no change
        QVERIFY(!PlaybookEvaluator::evaluate(red, h, 0, d0 + 5));
        red.from = HealthBand::Green;
        QVERIFY(!PlaybookEvaluator::evaluate(red, h, 0, d0 + 6)); // it came from yellow

        QList<PlaybookAccount> accounts = h.accounts();
        accounts[0].firstActiveDay = d0;
        accounts[0].firstValueDay = d0 + 40;
        PlaybookHistory m(accounts, d0, d0 + days - 1);
        PlaybookTrigger stuck;
        stuck.kind = PlaybookTrigger::Kind::FirstValueMissing;
        stuck.days = 30;
        QVERIFY(!PlaybookEvaluator::evaluate(stuck, m, 0, d0 + 29));
        QVERIFY(PlaybookEvaluator::evaluate(stuck, m, 0, d0 + 30));
        QVERIFY(PlaybookEvaluator::evaluate(stuck, m, 0, d0 + 39));
        QVERIFY(!PlaybookEvaluator::evaluate(stuck, m, 0, d0 + 40)); // reached that day
        PlaybookTrigger reached;
        reached.kind = PlaybookTrigger::Kind::FirstValueReached;
        QVERIFY(PlaybookEvaluator::evaluate(reached, m, 0, d0 + 40));
        QVERIFY(!PlaybookEvaluator::evaluate(reached, m, 0, d0 + 41));
    }

    void oneOpenFiringThenResolveAndCoolDown()
    {
        PlaybookHistory h = history();
        // PES under 40 on days 10..19, back up on 20..24, under again from 25 and from 50.
        fillConstant(h, 0, MetricField::Pes, 60);
        for (int d = 10; d < 20; ++d)
            h.set(0, MetricField::Pes, d0 + d, 30);
        for (int d = 25; d < 30; ++d)
            h.set(0, MetricField::Pes, d0 + d, 30);
        for (int d = 50; d < 55; ++d)
            h.set(0, MetricField::Pes, d0 + d, 30);
        const Playbook p = playbook(threshold("pes", PlaybookTrigger::Op::Below, 40), 30);
        std::vector<PlaybookAccountState> states;
        int last = 0;
        const QList<PlaybookEvent> events = PlaybookEvaluator::replay(p, h, d0, d0 + days - 1, states, &last);
        QCOMPARE(last, d0 + days - 1);
        // Fires on 10 (and not again while open); resolved on 20; 25 is inside the cool-down; 50 is not.
        QCOMPARE(fireDays(events), (QList<int>{10, 50}));
        int resolves = 0;
        for (const PlaybookEvent &e : events)
            resolves += e.kind == PlaybookEvent::Kind::Resolve;
        QCOMPARE(resolves, 2); // on 20 and on 55 (on 30 no firing was open)
    }

    void snoozeHidesUntilItEnds()
    {
        PlaybookHistory h = history();
        fillConstant(h, 0, MetricField::Pes, 30); // under target every day
        const Playbook p = playbook(threshold("pes", PlaybookTrigger::Op::Below, 40), 0);
        std::vector<PlaybookAccountState> states(1);
        states[0].open = true;
        states[0].lastFiredDay = d0;
        states[0].snoozedUntil = d0 + 20;
        const QList<PlaybookEvent> events = PlaybookEvaluator::replay(p, h, d0 + 1, d0 + 40, states);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, PlaybookEvent::Kind::Unsnooze);
        QCOMPARE(events[0].day, d0 + 21);
        QVERIFY(!states[0].snoozedUntil);
        QVERIFY(states[0].open);
    }

    void anUnsettledDayMakesTheFiringWait()
    {
        PlaybookHistory h = history();
        fillConstant(h, 0, MetricField::Pes, 30);
        h.setUnsettled(d0 + 15); // a provisional or failed sync day
        const Playbook p = playbook(threshold("pes", PlaybookTrigger::Op::Below, 40));
        std::vector<PlaybookAccountState> states;
        int last = 0;
        QList<PlaybookEvent> events = PlaybookEvaluator::replay(p, h, d0 + 15, d0 + 30, states, &last);
        QVERIFY(events.isEmpty());
        QCOMPARE(last, d0 + 14); // nothing judged: the next run starts on the unsettled day again
        // A decline's window reaching back over the unsettled day waits too.
        fillConstant(h, 0, MetricField::CoreEvents, 10);
        const Playbook declining = playbook(decline(30, 10, 0));
        std::vector<PlaybookAccountState> fresh;
        PlaybookEvaluator::replay(declining, h, d0 + 30, d0 + 40, fresh, &last);
        QCOMPARE(last, d0 + 29); // day 30 reads days 11..30, day 15 among them
        PlaybookEvaluator::replay(declining, h, d0 + 35, d0 + 40, fresh, &last);
        QCOMPARE(last, d0 + 40); // day 35 reads 16..35: all settled
    }

    void scopeLimitsTheAccounts()
    {
        PlaybookAccount a;
        a.stage = QStringLiteral("onboarding");
        a.owner = QStringLiteral("Dana");
        a.arr = 50000;
        a.plan = QStringLiteral("Growth");
        PlaybookScope scope;
        QVERIFY(PlaybookEvaluator::inScope(scope, a));
        scope.stages = {QStringLiteral("adoption")};
        QVERIFY(!PlaybookEvaluator::inScope(scope, a));
        scope.stages = {QStringLiteral("onboarding")};
        scope.owners = {QStringLiteral("dana")};
        QVERIFY(PlaybookEvaluator::inScope(scope, a));
        scope.arrMin = 50000;
        QVERIFY(PlaybookEvaluator::inScope(scope, a));
        scope.arrMax = 49999.0;
        QVERIFY(!PlaybookEvaluator::inScope(scope, a));
        scope.arrMax.reset();
        scope.plans = {QStringLiteral("enterprise")};
        QVERIFY(!PlaybookEvaluator::inScope(scope, a));
    }

    void definitionsRoundTripThroughJson()
    {
        Playbook p = playbook(decline(35, 21, 40));
        p.scope.stages = {QStringLiteral("adoption")};
        p.scope.arrMin = 1000;
        PlaybookAction hook;
        hook.kind = PlaybookAction::Kind::Webhook;
        hook.url = QStringLiteral("http://127.0.0.1:9/hook");
        p.actions << hook;
        QVERIFY(p.validate().isEmpty());
        QString error;
        const std::optional<Playbook> back = Playbook::fromJson(p.toJson(), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->sameDefinition(p));
        QCOMPARE(back->name, p.name);
        hook.url = QStringLiteral("ftp://nowhere");
        p.actions.back() = hook;
        QCOMPARE(p.validate().size(), 1);
        QVERIFY(!Playbook::fromJson(QJsonObject{{QStringLiteral("trigger"), QJsonObject{{QStringLiteral("kind"), QStringLiteral("nope")}}}}, &error));
        QVERIFY(error.contains(QLatin1String("nope")));
    }
};

QTEST_GUILESS_MAIN(TestPlaybookEvaluator)
#include "tst_playbookevaluator.moc"
