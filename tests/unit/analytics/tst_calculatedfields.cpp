#include "analytics/CalculatedFields.h"

#include <QDate>
#include <QTest>

#include <map>
#include <tuple>

namespace {

constexpr qint64 webApp = -323232;
constexpr qint64 mobileApp = 5;
const int d0 = int(QDate(2026, 3, 1).toJulianDay());

/** One activity row as the sync lands it (kind 0), relative to d0. */
struct Act
{
    int account;
    qint64 app;
    int day;
    quint32 visitor;
    qint64 events = 10;
    qint64 minutes = 2;
};

/** A core (or first-value) item use. */
struct Use
{
    int account;
    qint64 app;
    int day;
    quint32 visitor;
    quint32 item;
    bool firstValue = false;
};

struct Fixture
{
    int accounts = 2;
    int lastDay = 80; // relative to d0
    bool split = true;
    QHash<qint64, int> core{{webApp, 2}};
    QList<Act> activity;
    QList<Use> uses;
    QHash<int, int> seats;
};

using Key = std::tuple<int, qint64, int>; // account, app, day (relative)

struct Computed
{
    std::map<Key, MetricRow> rows;
    std::vector<Milestones> milestones;
};

Computed compute(const Fixture &f)
{
    FieldSetup setup;
    setup.loadFrom = d0;
    setup.fromDay = d0;
    setup.toDay = d0 + f.lastDay;
    setup.apps = {webApp, mobileApp};
    setup.splitApps = f.split;
    setup.coreItemsPerApp = f.core;
    setup.coreItemCount = 3; // the fixtures' core events 0, 1 (web) and 2 (mobile)
    CalculatedFields fields(setup, f.accounts);
    for (auto it = f.seats.cbegin(); it != f.seats.cend(); ++it)
        fields.setSeats(it.key(), it.value());
    // Day by day, as the recompute feeds them.
    for (int day = 0; day <= f.lastDay; ++day) {
        for (const Act &a : f.activity)
            if (a.day == day)
                fields.addActivity(a.account, a.app, d0 + day, a.visitor, a.events, a.minutes);
        for (const Use &u : f.uses)
            if (u.day == day) {
                if (u.firstValue)
                    fields.addFirstValue(u.account, u.app, d0 + day);
                else
                    fields.addCoreUse(u.account, u.app, d0 + day, u.visitor, int(u.item));
            }
    }
    Computed out;
    fields.forEachRow([&out](const MetricRow &row) {
        out.rows.emplace(Key{int(row.accountId), row.appId, row.day - d0}, row);
    });
    out.milestones = fields.milestones();
    return out;
}

/** Two visitors of account 0 on the web app with core events 0 and 1; one visitor in two accounts. */
Fixture basics()
{
    Fixture f;
    f.seats = {{0, 4}};
    f.activity = {{0, webApp, 0, 1}, {0, webApp, 5, 2}, {0, webApp, 5, 2, 5, 1} /* same visitor-day: events add */};
    f.uses = {{0, webApp, 0, 1, 0}, {0, webApp, 5, 2, 0}, {0, webApp, 5, 2, 1}, {0, webApp, 7, 2, 20, true}};
    // Visitor 9 is attributed to account 0 on day 20 and to account 1 on day 21.
    f.activity << Act{0, webApp, 20, 9} << Act{1, webApp, 21, 9};
    return f;
}

/** Visitors a (1) and b (2) on day 0; a returns on day 45, b never: dropped, then recovered. */
Fixture growth()
{
    Fixture f;
    f.accounts = 1;
    f.activity = {{0, webApp, 0, 1}, {0, webApp, 0, 2}, {0, webApp, 45, 1}};
    return f;
}

/** Visitor 1 on both apps on the same day, visitor 2 on the mobile app only (its core event 2). */
Fixture apps(bool split)
{
    Fixture f;
    f.accounts = 1;
    f.split = split;
    f.core = {{webApp, 2}, {mobileApp, 1}};
    f.activity = {{0, webApp, 3, 1}, {0, mobileApp, 3, 1}, {0, mobileApp, 4, 2}};
    f.uses = {{0, mobileApp, 4, 2, 2}};
    return f;
}

/** Across the end of daylight saving time in New York (2026-11-01): days are calendar days. */
Fixture dstChange()
{
    Fixture f;
    f.accounts = 1;
    const int dst = int(QDate(2026, 11, 1).toJulianDay()) - d0;
    f.lastDay = dst + 10;
    f.activity = {{0, webApp, dst - 1, 1}, {0, webApp, dst, 2}, {0, webApp, dst + 1, 3}};
    return f;
}

Fixture fixtureNamed(const QString &name)
{
    if (name == QLatin1String("basics"))
        return basics();
    if (name == QLatin1String("growth"))
        return growth();
    if (name == QLatin1String("apps split"))
        return apps(true);
    if (name == QLatin1String("apps combined"))
        return apps(false);
    return dstChange();
}

} // namespace

/**
 * The calculated fields against values computed by hand from small fixtures: windows and gaps,
 * a visitor in two accounts, apps split and combined, the DST change, stickiness, core-feature
 * adoption, licence utilisation, days since the last activity and each PES component.
 */
class TestCalculatedFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fieldValues_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<int>("account");
        QTest::addColumn<qint64>("app");
        QTest::addColumn<int>("day");
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("expected"); // NaN: no value

        const double none = MetricRow::missing();
        const auto row = [](const char *name, const char *fixture, int account, qint64 app, int day, const char *field,
                            double expected) {
            QTest::newRow(name) << QString::fromLatin1(fixture) << account << app << day << QString::fromLatin1(field)
                                << expected;
        };
        // basics: visitor 1 on day 0, visitor 2 on day 5 (two rows, 15 events), visitor 9 on day 20.
        row("dau day 0", "basics", 0, 0, 0, "dau", 1);
        row("dau quiet day", "basics", 0, 0, 3, "dau", 0);
        row("dau counts a visitor once a day", "basics", 0, 0, 5, "dau", 1);
        row("events add up on a visitor-day", "basics", 0, 0, 5, "events", 15);
        row("wau within a week", "basics", 0, 0, 6, "wau", 2);
        row("wau after a week", "basics", 0, 0, 7, "wau", 1);
        row("mau day 5", "basics", 0, 0, 5, "mau", 2);
        row("mau day 20 (three visitors)", "basics", 0, 0, 20, "mau", 3);
        row("mau last day of visitor 1's window", "basics", 0, 0, 29, "mau", 3);
        row("mau visitor 1 gone", "basics", 0, 0, 30, "mau", 2);
        row("mau visitor 2 gone", "basics", 0, 0, 35, "mau", 1);
        row("mau empty", "basics", 0, 0, 50, "mau", 0);
        row("events_30d", "basics", 0, 0, 20, "events_30d", 35);
        row("events_30d window moves", "basics", 0, 0, 30, "events_30d", 25);
        row("dau_mau", "basics", 0, 0, 5, "dau_mau", 2.0 / 30 / 2);
        row("wau_mau", "basics", 0, 0, 5, "wau_mau", (5 * 1 + 2) / 30.0 / 2);
        row("dau_mau without actives", "basics", 0, 0, 50, "dau_mau", none);
        row("core adoption one of two", "basics", 0, 0, 0, "core_adoption", 0.5);
        row("core adoption both", "basics", 0, 0, 5, "core_adoption", 1.0);
        row("core adoption after 30 days", "basics", 0, 0, 35, "core_adoption", 0.0);
        row("licence utilisation", "basics", 0, 0, 5, "licence_utilisation", 0.5);
        row("licence utilisation without seats", "basics", 1, 0, 21, "licence_utilisation", none);
        row("days since active, active", "basics", 0, 0, 5, "days_since_active", 0);
        row("days since active, later", "basics", 0, 0, 50, "days_since_active", 30);
        row("pes adoption", "basics", 0, 0, 5, "pes_adoption", 100.0 * 3 / (2 * 2));
        row("pes adoption, one visitor left", "basics", 0, 0, 30, "pes_adoption", 100.0 * 2 / (2 * 2));
        row("pes stickiness is dau/mau", "basics", 0, 0, 5, "pes_stickiness", 100.0 * 2 / 30 / 2);
        row("pes growth: only new visitors", "basics", 0, 0, 5, "pes_growth", 100);
        row("pes is the mean", "basics", 0, 0, 5, "pes", (75.0 + 100.0 * 2 / 30 / 2 + 100) / 3);
        row("visitor in two accounts: first", "basics", 0, 0, 21, "mau", 3);
        row("visitor in two accounts: second", "basics", 1, 0, 21, "mau", 1);
        row("second account starts at its first day", "basics", 1, 0, 21, "dau", 1);
        // growth: a and b on day 0; a again on day 45.
        row("growth: b dropped, a kept", "growth", 0, 0, 45, "pes_growth", 0);
        row("growth: both dropped", "growth", 0, 0, 40, "pes_growth", 0);
        row("growth: a recovered", "growth", 0, 0, 60, "pes_growth", 100);
        row("growth: new visitors", "growth", 0, 0, 10, "pes_growth", 100);
        row("growth: nobody active", "growth", 0, 0, 32, "pes_growth", 0);
        row("growth: mau after the return", "growth", 0, 0, 60, "mau", 1);
        // apps: visitor 1 on both apps on day 3; visitor 2 on mobile on day 4 (core item 30 of mobile).
        row("all apps dau counts a visitor once", "apps split", 0, 0, 3, "dau", 1);
        row("web dau", "apps split", 0, webApp, 3, "dau", 1);
        row("mobile dau", "apps split", 0, mobileApp, 3, "dau", 1);
        row("all apps mau", "apps split", 0, 0, 4, "mau", 2);
        row("web mau", "apps split", 0, webApp, 4, "mau", 1);
        row("mobile mau", "apps split", 0, mobileApp, 4, "mau", 2);
        row("mobile core adoption", "apps split", 0, mobileApp, 4, "core_adoption", 1.0);
        row("all apps core adoption", "apps split", 0, 0, 4, "core_adoption", 1.0 / 3);
        row("all apps events add both apps", "apps split", 0, 0, 3, "events", 20);
        row("combined mau", "apps combined", 0, 0, 4, "mau", 2);
        // DST: the day before, of, and after the change are three calendar days.
        const int dst = int(QDate(2026, 11, 1).toJulianDay()) - d0;
        QTest::newRow("dst wau") << QStringLiteral("dst") << 0 << qint64(0) << dst + 1 << QStringLiteral("wau") << 3.0;
        QTest::newRow("dst wau a week on") << QStringLiteral("dst") << 0 << qint64(0) << dst + 6
                                           << QStringLiteral("wau") << 2.0;
        QTest::newRow("dst dau of the change") << QStringLiteral("dst") << 0 << qint64(0) << dst
                                               << QStringLiteral("dau") << 1.0;
    }

    void fieldValues()
    {
        QFETCH(QString, fixture);
        QFETCH(int, account);
        QFETCH(qint64, app);
        QFETCH(int, day);
        QFETCH(QString, field);
        QFETCH(double, expected);
        const Computed computed = compute(fixtureNamed(fixture));
        const auto it = computed.rows.find(Key{account, app, day});
        QVERIFY2(it != computed.rows.end(), "no row for that account, app and day");
        const std::optional<MetricField> f = MetricFields::fromColumn(field);
        QVERIFY(f);
        const double actual = it->second.value(*f);
        if (std::isnan(expected))
            QVERIFY2(std::isnan(actual), qPrintable(QString::number(actual)));
        else
            QVERIFY2(qAbs(actual - expected) < 1e-9,
                     qPrintable(QStringLiteral("%1 is %2, expected %3").arg(field).arg(actual).arg(expected)));
    }

    void rowsRunFromTheFirstActiveDay()
    {
        const Computed computed = compute(basics());
        QVERIFY(computed.rows.count(Key{1, 0, 20}) == 0); // account 1 starts on day 21
        QVERIFY(computed.rows.count(Key{1, 0, 21}) == 1);
        QVERIFY(computed.rows.count(Key{0, 0, 80}) == 1); // dormant accounts keep their rows to the last day
        QVERIFY(computed.rows.count(Key{0, webApp, 0}) == 1);
        // Combined apps: only the all-apps rows.
        const Computed combined = compute(apps(false));
        for (const auto &[key, row] : combined.rows)
            QCOMPARE(std::get<1>(key), qint64(0));
    }

    void milestonesAndFirstValue()
    {
        const Computed computed = compute(basics());
        const auto all = std::find_if(computed.milestones.begin(), computed.milestones.end(),
                                      [](const Milestones &m) { return m.account == 0 && m.app == 0; });
        QVERIFY(all != computed.milestones.end());
        QCOMPARE(*all->firstActive, d0);
        QCOMPARE(*all->lastActive, d0 + 20);
        QCOMPARE(*all->firstValue, d0 + 7);
        const auto second = std::find_if(computed.milestones.begin(), computed.milestones.end(),
                                         [](const Milestones &m) { return m.account == 1 && m.app == 0; });
        QVERIFY(second != computed.milestones.end());
        QVERIFY(!second->firstValue);
    }
};

QTEST_GUILESS_MAIN(TestCalculatedFields)
#include "tst_calculatedfields.moc"
