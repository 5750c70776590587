#include "EngineError.h"
#include "MemoryDataProvider.h"
#include "TimeSeries.h"

#include <QTest>

using pendosim::EngineError;
using pendosim::EvalContext;
using pendosim::Period;
using pendosim::resolveTimeSeries;
using pendosim::ResolvedTimeSeries;
using pendosim::test::json;
using pendosim::test::MemoryDataProvider;

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kNow = MemoryDataProvider::kNow; // 2026-03-09 15:30 EDT
// Local midnights in America/New_York (DST starts 2026-03-08, ends 2026-11-01).
constexpr qint64 kFeb07 = 1770440400000;
constexpr qint64 kMar05 = 1772686800000;
constexpr qint64 kMar06 = 1772773200000;
constexpr qint64 kMar07 = 1772859600000;
constexpr qint64 kMar08 = 1772946000000;
constexpr qint64 kMar09 = 1773028800000;
constexpr qint64 kNov01 = 1793505600000;
constexpr qint64 kNov02 = 1793595600000;
constexpr qint64 kUtcAug27 = 1724716800000; // 2024-08-27T00:00Z

QList<qint64> days(qint64 from, int count)
{
    // Consecutive local midnights, computed independently of the engine with QDate.
    const QTimeZone zone(QByteArray("America/New_York"));
    const QDate start = QDateTime::fromMSecsSinceEpoch(from, zone).date();
    QList<qint64> out;
    for (int i = 0; i < count; ++i)
        out << start.addDays(i).startOfDay(zone).toMSecsSinceEpoch();
    return out;
}

qint64 midnight(int year, int month, int day)
{
    return QDate(year, month, day).startOfDay(QTimeZone(QByteArray("America/New_York"))).toMSecsSinceEpoch();
}

QList<qint64> toList(const std::vector<std::int64_t> &v)
{
    return QList<qint64>(v.begin(), v.end());
}

QList<qint64> hours(qint64 from, int count)
{
    QList<qint64> out;
    for (int i = 0; i < count; ++i)
        out << from + i * kHour;
    return out;
}

} // namespace

/** timeSeries resolution: periods, first/count/last forms, snapping, DST days and limits. */
class TestSimTimeSeries : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void buckets_data();
    void buckets();
    void dstDayLengths();
    void longerPeriods_data();
    void longerPeriods();
    void iterativePeriods_data();
    void iterativePeriods();
    void rejected_data();
    void rejected();

private:
    EvalContext m_context;
};

void TestSimTimeSeries::initTestCase()
{
    m_context.nowMs = kNow;
    m_context.timeZone = QTimeZone(QByteArray("America/New_York"));
    // Guard the fixture itself: the constants must be the local midnights they claim to be.
    QCOMPARE(days(kMar05, 5), (QList<qint64>{kMar05, kMar06, kMar07, kMar08, kMar09}));
    QCOMPARE(kMar09 - kMar08, 23 * kHour);
    QCOMPARE(kNov02 - kNov01, 25 * kHour);
}

void TestSimTimeSeries::buckets_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<int>("period");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::addColumn<qint64>("startTime");

    const int day = int(Period::Day);
    const int hour = int(Period::Hour);

    QTest::newRow("yesterday only") << QByteArray(R"j({"period":"dayRange","first":"now()","count":-1})j") << day
                                    << QList<qint64>{kMar08} << kMar08;
    QTest::newRow("today") << QByteArray(R"j({"period":"dayRange","first":"now()","count":1})j") << day
                           << QList<qint64>{kMar09} << kMar09;
    QTest::newRow("three days ending yesterday")
        << QByteArray(R"j({"period":"dayRange","first":"now()","count":-3})j") << day
        << QList<qint64>{kMar06, kMar07, kMar08} << kMar06;
    QTest::newRow("30 days ending yesterday") << QByteArray(R"j({"period":"dayRange","first":"now()","count":-30})j")
                                              << day << days(kFeb07, 30) << kFeb07;
    QTest::newRow("mid-day number snaps") << QByteArray(R"j({"period":"dayRange","first":1772900000000,"count":2})j")
                                          << day << QList<qint64>{kMar07, kMar08} << kMar07;
    QTest::newRow("numeric string") << QByteArray(R"j({"period":"dayRange","first":"1772900000000","count":"2"})j")
                                    << day << QList<qint64>{kMar07, kMar08} << kMar07;
    QTest::newRow("count zero") << QByteArray(R"j({"period":"dayRange","first":"now()","count":0})j") << day
                                << QList<qint64>{} << kMar09;
    QTest::newRow("date() and last exclusive")
        << QByteArray(R"j({"period":"dayRange","first":"date(2026, 3, 7)","last":"date(2026, 3, 9)"})j") << day
        << QList<qint64>{kMar07, kMar08} << kMar07;
    QTest::newRow("last now() includes today")
        << QByteArray(R"j({"period":"dayRange","first":"date(2026,3,7)","last":"now()"})j") << day
        << QList<qint64>{kMar07, kMar08, kMar09} << kMar07;
    QTest::newRow("last mid-day includes that day")
        << QByteArray(R"j({"period":"dayRange","first":1772859600000,"last":1772950000000})j") << day
        << QList<qint64>{kMar07, kMar08} << kMar07;
    QTest::newRow("first equals last") << QByteArray(R"j({"period":"dayRange","first":1772950000000,
        "last":1772950000000})j")
                                       << day << QList<qint64>{kMar08} << kMar08;
    QTest::newRow("last before first") << QByteArray(R"j({"period":"dayRange","first":"now()","last":1772859600000})j")
                                       << day << QList<qint64>{} << kMar09;
    QTest::newRow("arithmetic first")
        << QByteArray(R"j({"period":"dayRange","first":"now() - 30 * 1000 * 60 *60 * 24","count":30})j") << day
        << days(kFeb07, 30) << kFeb07;
    QTest::newRow("dateAdd first") << QByteArray(R"j({"period":"dayRange","first":"dateAdd(now(), -2, \"days\")",
        "count":1})j")
                                   << day << QList<qint64>{kMar07} << kMar07;
    QTest::newRow("startOfPeriod first")
        << QByteArray(R"j({"period":"dayRange","first":"startOfPeriod(\"daily\", now())","count":-2})j") << day
        << QList<qint64>{kMar07, kMar08} << kMar07;
    QTest::newRow("backtick date") << QByteArray(R"j({"period":"dayRange","first":"date(2026, 3, 8)","count":1})j")
                                   << day << QList<qint64>{kMar08} << kMar08;
    QTest::newRow("fall back day") << QByteArray(R"j({"period":"dayRange","first":"date(2026, 11, 1)","count":2})j")
                                   << day << QList<qint64>{kNov01, kNov02} << kNov01;
    QTest::newRow("null last ignored") << QByteArray(R"j({"period":"dayRange","first":"now()","count":-1,
        "last":null})j")
                                       << day << QList<qint64>{kMar08} << kMar08;

    // Hours: the spring-forward night has no 02:00, so local 00, 01, 03, 04 are consecutive UTC hours.
    QTest::newRow("hours across spring forward")
        << QByteArray(R"j({"period":"hourRange","first":"date(2026, 3, 8)","count":4})j") << hour << hours(kMar08, 4)
        << kMar08;
    QTest::newRow("hour snaps") << QByteArray(R"j({"period":"hourRange","first":"now()","count":1})j") << hour
                                << QList<qint64>{kNow - 30 * 60000} << kNow - 30 * 60000;
    QTest::newRow("previous hours") << QByteArray(R"j({"period":"hourRange","first":"now()","count":-2})j") << hour
                                    << hours(kNow - 30 * 60000 - 2 * kHour, 2) << kNow - 30 * 60000 - 2 * kHour;
    QTest::newRow("estuary window") << QByteArray(R"j({"period":"hourRange","first":"1724716800000",
        "last":"1724803200000"})j")
                                    << hour << hours(kUtcAug27, 24) << kUtcAug27;
    QTest::newRow("estuary follow-up page")
        << QByteArray(R"j({"period":"hourRange","first":"1724717000000","last":"1724717000000"})j") << hour
        << QList<qint64>{kUtcAug27} << kUtcAug27;
    QTest::newRow("whole 23h day in hours")
        << QByteArray(R"j({"period":"hourRange","first":"date(2026,3,8)","last":"date(2026,3,9)"})j") << hour
        << hours(kMar08, 23) << kMar08;
    QTest::newRow("whole 25h day in hours")
        << QByteArray(R"j({"period":"hourRange","first":"date(2026,11,1)","last":"date(2026,11,2)"})j") << hour
        << hours(kNov01, 25) << kNov01;
    QTest::newRow("double first") << QByteArray(R"j({"period":"hourRange","first":1724716800000.0,"count":1})j") << hour
                                  << QList<qint64>{kUtcAug27} << kUtcAug27;
}

void TestSimTimeSeries::buckets()
{
    QFETCH(QByteArray, spec);
    QFETCH(int, period);
    QFETCH(QList<qint64>, expected);
    QFETCH(qint64, startTime);
    try {
        const ResolvedTimeSeries resolved = resolveTimeSeries(json(spec.toStdString()), m_context);
        QCOMPARE(int(resolved.providerPeriod()), period);
        QVERIFY(!resolved.iterative);
        QCOMPARE(toList(resolved.periods), expected);
        // Day and hour periods are what the provider is asked for, one bucket each.
        QCOMPARE(toList(resolved.providerBuckets(m_context.timeZone, 0, resolved.periods.size())), expected);
        QCOMPARE(resolved.firstBucket, startTime);
    } catch (const EngineError &e) {
        QFAIL(e.message.c_str());
    }
}

void TestSimTimeSeries::dstDayLengths()
{
    const auto spring = resolveTimeSeries(json(R"j({"period":"dayRange","first":"date(2026,3,7)","count":3})j"),
                                          m_context);
    QCOMPARE(spring.periods.size(), std::size_t(3));
    QCOMPARE(spring.periods[1] - spring.periods[0], 24 * kHour);
    QCOMPARE(spring.periods[2] - spring.periods[1], 23 * kHour); // 2026-03-08
    QCOMPARE(spring.periodEnds[1], spring.periods[2]);
    QCOMPARE(spring.periodEnds[2] - spring.periods[2], 24 * kHour);
    const auto fall = resolveTimeSeries(json(R"j({"period":"dayRange","first":"date(2026,10,31)","count":3})j"),
                                        m_context);
    QCOMPARE(fall.periods[1] - fall.periods[0], 24 * kHour);
    QCOMPARE(fall.periods[2] - fall.periods[1], 25 * kHour); // 2026-11-01
    // Buckets are never UTC midnights here.
    for (const auto b : spring.periods)
        QVERIFY(b % kDay != 0);
}

void TestSimTimeSeries::longerPeriods_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QList<qint64>>("periods");
    QTest::addColumn<qint64>("end");

    // 2026-03-09 is a Monday; weeks start on Sunday, so this week began on 2026-03-08.
    QTest::newRow("this week") << QByteArray(R"j({"period":"weekRange","first":"now()","count":1})j")
                               << QByteArray("week") << QList<qint64>{kMar08} << midnight(2026, 3, 15);
    QTest::newRow("two weeks before this one")
        << QByteArray(R"j({"period":"weekRange","first":"now()","count":-2})j") << QByteArray("week")
        << QList<qint64>{midnight(2026, 2, 22), midnight(2026, 3, 1)} << kMar08;
    QTest::newRow("months from mid-month") << QByteArray(R"j({"period":"monthRange","first":"date(2026,2,15)",
        "count":2})j") << QByteArray("month")
                                           << QList<qint64>{midnight(2026, 2, 1), midnight(2026, 3, 1)}
                                           << midnight(2026, 4, 1);
    QTest::newRow("months, last exclusive")
        << QByteArray(R"j({"period":"monthRange","first":"date(2026,1,10)","last":"date(2026,3,1)"})j")
        << QByteArray("month") << QList<qint64>{midnight(2026, 1, 1), midnight(2026, 2, 1)} << midnight(2026, 3, 1);
    QTest::newRow("last quarter") << QByteArray(R"j({"period":"quarterRange","first":"now()","count":-1})j")
                                  << QByteArray("quarter") << QList<qint64>{midnight(2025, 10, 1)}
                                  << midnight(2026, 1, 1);
}

void TestSimTimeSeries::longerPeriods()
{
    QFETCH(QByteArray, spec);
    QFETCH(QByteArray, field);
    QFETCH(QList<qint64>, periods);
    QFETCH(qint64, end);
    const ResolvedTimeSeries resolved = resolveTimeSeries(json(spec.toStdString()), m_context);
    QVERIFY(!resolved.iterative);
    QCOMPARE(QByteArray(resolved.field().data(), qsizetype(resolved.field().size())), field);
    QCOMPARE(toList(resolved.periods), periods);
    QCOMPARE(resolved.periodEnds.back(), end);
    QCOMPARE(resolved.firstBucket, periods.front());
    // The provider is asked for every day of those periods, DST days included.
    QCOMPARE(int(resolved.providerPeriod()), int(Period::Day));
    const QList<qint64> buckets = toList(resolved.providerBuckets(m_context.timeZone, 0, resolved.periods.size()));
    const QTimeZone zone(QByteArray("America/New_York"));
    const int dayCount = int(QDateTime::fromMSecsSinceEpoch(periods.front(), zone).date().daysTo(
        QDateTime::fromMSecsSinceEpoch(end, zone).date()));
    QCOMPARE(buckets, days(periods.front(), dayCount));
    QCOMPARE(buckets.front(), periods.front());
}

void TestSimTimeSeries::iterativePeriods_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<QList<qint64>>("periods");
    QTest::addColumn<QList<qint64>>("secondPeriodBuckets");

    QTest::newRow("daily") << QByteArray(R"j({"period":"daily","first":"now()","count":-3})j") << QByteArray("day")
                           << QList<qint64>{kMar06, kMar07, kMar08} << QList<qint64>{kMar07};
    QTest::newRow("hourly") << QByteArray(R"j({"period":"hourly","first":"date(2026,3,8)","count":2})j")
                            << QByteArray("hour") << hours(kMar08, 2) << QList<qint64>{kMar08 + kHour};
    QTest::newRow("weekly") << QByteArray(R"j({"period":"weekly","first":"date(2026,3,1)","count":2})j")
                            << QByteArray("week") << QList<qint64>{midnight(2026, 3, 1), kMar08} << days(kMar08, 7);
    QTest::newRow("monthly") << QByteArray(R"j({"period":"monthly","first":"date(2026,1,31)","last":"now()"})j")
                             << QByteArray("month")
                             << QList<qint64>{midnight(2026, 1, 1), midnight(2026, 2, 1), midnight(2026, 3, 1)}
                             << days(midnight(2026, 2, 1), 28);
}

void TestSimTimeSeries::iterativePeriods()
{
    QFETCH(QByteArray, spec);
    QFETCH(QByteArray, field);
    QFETCH(QList<qint64>, periods);
    QFETCH(QList<qint64>, secondPeriodBuckets);
    const ResolvedTimeSeries resolved = resolveTimeSeries(json(spec.toStdString()), m_context);
    QVERIFY(resolved.iterative);
    QCOMPARE(QByteArray(resolved.field().data(), qsizetype(resolved.field().size())), field);
    QCOMPARE(toList(resolved.periods), periods);
    QCOMPARE(toList(resolved.providerBuckets(m_context.timeZone, 1, 2)), secondPeriodBuckets);
    QCOMPARE(resolved.firstBucket, periods.front());
}

void TestSimTimeSeries::rejected_data()
{
    QTest::addColumn<QByteArray>("spec");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("not an object") << QByteArray("[1]") << QByteArray("timeSeries must be an object");
    QTest::newRow("no period") << QByteArray(R"j({"first":"now()","count":1})j")
                               << QByteArray("timeSeries.period is required");
    QTest::newRow("unknown period") << QByteArray(R"j({"period":"fortnightly","first":"now()","count":1})j")
                                    << QByteArray("unknown timeSeries.period 'fortnightly'");
    QTest::newRow("period not a string") << QByteArray(R"j({"period":7,"first":"now()","count":1})j")
                                         << QByteArray("timeSeries.period is required");
    QTest::newRow("too many weeks") << QByteArray(R"j({"period":"weekRange","first":"now()","count":1000})j")
                                    << QByteArray("timeSeries spans 1000 weeks; one request may cover at most 522");
    QTest::newRow("too many months by last")
        << QByteArray(R"j({"period":"monthly","first":"date(2000,1,1)","last":"now()"})j")
        << QByteArray("one request may cover at most 122");
    QTest::newRow("no first") << QByteArray(R"j({"period":"dayRange","count":1})j")
                              << QByteArray("timeSeries.first is required");
    QTest::newRow("both count and last") << QByteArray(R"j({"period":"dayRange","first":"now()","count":1,
        "last":"now()"})j")
                                         << QByteArray("exactly one of count or last");
    QTest::newRow("neither count nor last") << QByteArray(R"j({"period":"dayRange","first":"now()"})j")
                                            << QByteArray("exactly one of count or last");
    QTest::newRow("count not a number") << QByteArray(R"j({"period":"dayRange","first":"now()","count":"many"})j")
                                        << QByteArray("timeSeries.count must be a whole number");
    QTest::newRow("fractional count") << QByteArray(R"j({"period":"dayRange","first":"now()","count":1.5})j")
                                      << QByteArray("timeSeries.count must be a whole number");
    QTest::newRow("too many days") << QByteArray(R"j({"period":"dayRange","first":"now()","count":-100000})j")
                                   << QByteArray("timeSeries spans 100000 days");
    QTest::newRow("too many hours by last")
        << QByteArray(R"j({"period":"hourRange","first":"date(2020,1,1)","last":"now()"})j")
        << QByteArray("one request may cover at most 8784");
    QTest::newRow("too many days by last") << QByteArray(R"j({"period":"dayRange","first":0,"last":"now()"})j")
                                           << QByteArray("one request may cover at most 3660");
    QTest::newRow("first is a field") << QByteArray(R"j({"period":"dayRange","first":"day + 1","count":1})j")
                                      << QByteArray("timeSeries.first must be a time in epoch milliseconds");
    QTest::newRow("first malformed") << QByteArray(R"j({"period":"dayRange","first":"now(","count":1})j")
                                     << QByteArray("timeSeries.first: unexpected end of expression at column 5");
    QTest::newRow("first object") << QByteArray(R"j({"period":"dayRange","first":{},"count":1})j")
                                  << QByteArray("timeSeries.first must be a time");
    QTest::newRow("last not a time") << QByteArray(R"j({"period":"dayRange","first":"now()","last":true})j")
                                     << QByteArray("timeSeries.last must be a time");
    QTest::newRow("first out of range") << QByteArray(R"j({"period":"dayRange","first":1e300,"count":1})j")
                                        << QByteArray("timeSeries.first must be a time");
    QTest::newRow("first far future") << QByteArray(R"j({"period":"dayRange","first":900000000000000,"count":1})j")
                                      << QByteArray("timeSeries.first is out of range");
}

void TestSimTimeSeries::rejected()
{
    QFETCH(QByteArray, spec);
    QFETCH(QByteArray, message);
    try {
        resolveTimeSeries(json(spec.toStdString()), m_context);
        QFAIL("expected the timeSeries to be rejected");
    } catch (const EngineError &e) {
        QCOMPARE(e.status, 400);
        QVERIFY2(QByteArray::fromStdString(e.message).contains(message), e.message.c_str());
    }
}

QTEST_GUILESS_MAIN(TestSimTimeSeries)
#include "tst_simtimeseries.moc"
