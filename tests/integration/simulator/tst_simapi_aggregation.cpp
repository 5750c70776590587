// pendo-sim's aggregation endpoint: the request bodies real clients send (pendo-api.md §3.7) as
// golden tests, day buckets, late data, streaming and byte-for-byte determinism.
#include "SimTestSupport.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

#include <set>

using namespace simtest;
using pendosim::Array;
using pendosim::Dataset;
using pendosim::ItemKind;
using pendosim::ItemUse;
using pendosim::Value;

namespace {

constexpr std::int64_t kHour = 3'600'000;

struct Totals
{
    std::int64_t rows = 0;
    std::int64_t events = 0;
    std::set<std::string> visitors;
};

/** What the dataset says a complete day holds, computed without the HTTP server and the engine. */
Totals expected(const Dataset &d, int day, unsigned kindMask, unsigned appMask, std::int64_t onlyItem, bool identified,
                bool rollup)
{
    Totals t;
    std::vector<ItemUse> uses;
    for (std::uint32_t vi = 0; vi < d.visitors().size(); ++vi) {
        const auto &v = d.visitors()[vi];
        if (v.doNotProcess || (identified && v.anonymous))
            continue;
        if (d.dayActivity(vi, day, kindMask, appMask, uses) == -2)
            continue;
        std::set<int> apps;
        for (const ItemUse &use : uses) {
            if (onlyItem >= 0 && use.item != static_cast<std::uint32_t>(onlyItem))
                continue;
            t.events += use.events;
            t.visitors.insert(v.id);
            apps.insert(d.items()[use.item].app);
            if (!rollup)
                ++t.rows;
        }
        if (rollup)
            t.rows += static_cast<std::int64_t>(apps.size());
    }
    return t;
}

QByteArray envelope(const QByteArray &pipeline, const QByteArray &name = {})
{
    QByteArray request = name.isEmpty() ? QByteArray() : "\"name\":\"" + name + "\",\"requestId\":\"" + name + "\",";
    return R"json({"response":{"mimeType":"application/json"},"request":{)json" + request + "\"pipeline\":" + pipeline + "}}";
}

QByteArray number(std::int64_t v)
{
    return QByteArray::number(static_cast<qlonglong>(v));
}

bool isLocalMidnight(std::int64_t ms, const char *zone)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(zone));
    return local.time() == QTime(0, 0);
}

} // namespace

class TestSimAggregation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tapFeatureEvents();       // (a)
    void estuaryPageEvents();      // (b)
    void estuaryGuideEvents();     // (c)
    void tapVisitors();            // (d)
    void tapAccounts();            // (e)
    void etlDailyEvents();         // (f)
    void etlMonthlyActiveUsers();  // (g)
    void etlNpsJoin();             // (h)

    void trackAndPollRows();
    void defaultAppOnly();
    void dayBucketsFollowDst();
    void lateDataFillsIn();
    void largeResultsAreChunked();
    void sameSeedSameBytes();
    void rejectedBodies_data();
    void rejectedBodies();

private:
    std::unique_ptr<SimFixture> m_sim;
};

void TestSimAggregation::initTestCase()
{
    m_sim = std::make_unique<SimFixture>(smallConfig());
    QVERIFY(m_sim->ok());
}

void TestSimAggregation::cleanupTestCase()
{
    m_sim.reset();
}

void TestSimAggregation::tapFeatureEvents()
{
    const Dataset &d = m_sim->data();
    // The most used core feature of the web app.
    std::int64_t item = -1;
    for (std::size_t i = 0; i < d.items().size(); ++i) {
        if (d.items()[i].kind == ItemKind::Feature && d.items()[i].app == 0 && d.items()[i].core) {
            item = static_cast<std::int64_t>(i);
            break;
        }
    }
    QVERIFY(item >= 0);
    const std::string featureId = d.items()[static_cast<std::size_t>(item)].id;
    const int firstDay = d.today() - 10;
    const std::int64_t first = d.dayStartMs(firstDay);
    const QByteArray body = envelope(R"json([
        {"source":{"featureEvents":{"featureId":")json" + QByteArray::fromStdString(featureId) + R"json("},
                   "timeSeries":{"period":"dayRange","first":)json" + number(first) + R"json(,"last":"now()"}}},
        {"sort":["day"]},
        {"filter":"day>=)json" + number(first) + R"json("},
        {"limit":100000}])json");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const auto json = r.json();
    QVERIFY(json);
    QVERIFY(json->find("startTime")->isInt());
    const Array rows = json->find("results")->toArray();
    QVERIFY(!rows.empty());
    std::map<std::int64_t, Totals> byDay;
    std::int64_t previous = 0;
    for (const Value &row : rows) {
        for (const char *key : {"visitorId", "appId", "day", "featureId", "numEvents", "numMinutes", "remoteIp",
                                "server", "userAgent"})
            QVERIFY2(row.find(key), key);
        QCOMPARE(row.find("featureId")->toString(), featureId);
        QCOMPARE(row.find("appId")->toInt(), std::int64_t(-323232));
        const std::int64_t day = row.find("day")->toInt();
        QVERIFY(day >= previous);
        previous = day;
        QVERIFY(isLocalMidnight(day, "America/New_York"));
        ++byDay[day].rows;
        byDay[day].events += row.find("numEvents")->toInt();
    }
    // Complete days match the dataset exactly.
    for (int day = firstDay; day < d.today(); ++day) {
        const Totals want = expected(d, day, 1u << int(ItemKind::Feature), 1u, item, false, false);
        QCOMPARE(byDay[d.dayStartMs(day)].rows, want.rows);
        QCOMPARE(byDay[d.dayStartMs(day)].events, want.events);
    }
}

void TestSimAggregation::estuaryPageEvents()
{
    const Dataset &d = m_sim->data();
    const std::int64_t first = d.dayStartMs(d.today() - 1);
    const std::int64_t last = d.dayStartMs(d.today());
    const QByteArray body = envelope(R"json([
        {"source":{"pageEvents":{"appId":"expandAppIds(\"*\")"},
                   "timeSeries":{"period":"hourRange","first":")json" + number(first) + R"json(","last":")json" + number(last) + R"json("}}},
        {"filter":"lastTime >= )json" + number(first) + " && hour < " + number(first + 48 * kHour) +
                                     " && lastTime <= " + number(last) + R"json("},
        {"sort":["lastTime","pageId"]},
        {"limit":50000}])json");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    QVERIFY(!rows.empty());
    std::set<std::int64_t> apps;
    std::int64_t events = 0;
    std::pair<std::int64_t, std::string> previous{0, {}};
    for (const Value &row : rows) {
        for (const char *key : {"visitorId", "appId", "hour", "pageId", "firstTime", "lastTime", "numEvents",
                                "numMinutes", "remoteIp", "server", "userAgent"})
            QVERIFY2(row.find(key), key);
        const std::int64_t hour = row.find("hour")->toInt();
        QCOMPARE(hour % kHour, std::int64_t(0));
        QVERIFY(row.find("firstTime")->toInt() >= hour);
        QVERIFY(row.find("firstTime")->toInt() < hour + kHour);
        QVERIFY(row.find("lastTime")->toInt() >= row.find("firstTime")->toInt());
        QVERIFY(row.find("lastTime")->toInt() <= last);
        const std::pair<std::int64_t, std::string> key{row.find("lastTime")->toInt(), row.find("pageId")->toString()};
        QVERIFY(previous <= key);
        previous = key;
        apps.insert(row.find("appId")->toInt());
        events += row.find("numEvents")->toInt();
    }
    QCOMPARE(apps.size(), std::size_t(2));
    // Yesterday is past the late-data horizon: every page event of both apps is there.
    QCOMPARE(events, expected(d, d.today() - 1, 1u << int(ItemKind::Page), 3u, -1, false, false).events);
}

void TestSimAggregation::estuaryGuideEvents()
{
    const Dataset &d = m_sim->data();
    const std::int64_t first = d.dayStartMs(d.today() - 60);
    const std::int64_t last = d.dayStartMs(d.today());
    const QByteArray body = envelope(R"json([
        {"source":{"guideEvents":{"appId":"expandAppIds(\"*\")"},
                   "timeSeries":{"period":"hourRange","first":")json" + number(first) + R"json(","last":")json" + number(last) + R"json("}}},
        {"filter":"guideTimestamp >= )json" + number(first) + " && guideTimestamp <= " + number(last) + R"json("},
        {"sort":["guideTimestamp","guideId"]},
        {"limit":1000}])json");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    QVERIFY(!rows.empty());
    QVERIFY(rows.size() <= 1000);
    const std::set<std::string> types = {"guideSeen", "guideAdvanced", "guideDismissed"};
    std::int64_t previous = 0;
    for (const Value &row : rows) {
        for (const char *key : {"visitorId", "appId", "browserTime", "guideTimestamp", "type", "guideId",
                                "guideStepId", "url", "remoteIp", "serverName", "userAgent", "country"})
            QVERIFY2(row.find(key), key);
        QVERIFY(types.count(row.find("type")->toString()));
        QVERIFY(row.find("guideTimestamp")->toInt() >= previous);
        previous = row.find("guideTimestamp")->toInt();
        QVERIFY(row.find("browserTime")->toInt() >= first && row.find("browserTime")->toInt() < last);
    }
}

void TestSimAggregation::tapVisitors()
{
    const Dataset &d = m_sim->data();
    const QByteArray body = envelope(R"json([
        {"source":{"visitors":{"identified":true}}},
        {"sort":["visitorId"]},
        {"filter":"visitorId>\"U000010\""},
        {"limit":100000}])json",
                                     "all-visitors");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    std::size_t want = 0;
    for (const auto &v : d.visitors())
        want += (!v.anonymous && (v.appMask & 1u) && v.id > "U000010") ? 1 : 0;
    QCOMPARE(rows.size(), want);
    std::string previous;
    for (const Value &row : rows) {
        const std::string id = row.find("visitorId")->toString();
        QVERIFY(id > previous);
        previous = id;
        QVERIFY(id.rfind("_PENDO_T_", 0) != 0);
        QCOMPARE(row.path("metadata.auto.id")->toString(), id);
        QVERIFY(row.path("metadata.auto.lastupdated")->isInt());
    }
}

void TestSimAggregation::tapAccounts()
{
    const Dataset &d = m_sim->data();
    const std::int64_t since = d.dayStartMs(d.today() - 30);
    const QByteArray body = envelope(R"json([
        {"source":{"accounts":{"appId":"expandAppIds(\"*\")"}}},
        {"sort":["metadata.auto.lastupdated"]},
        {"filter":"metadata.auto.lastupdated>=)json" + number(since) + R"json("},
        {"limit":100000}])json",
                                     "all-accounts");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    std::size_t want = 0;
    for (std::uint32_t i = 0; i < d.accounts().size(); ++i)
        want += d.accountLastVisit(i) >= since ? 1 : 0;
    QCOMPARE(rows.size(), want);
    QVERIFY(want < d.accounts().size()); // dormant accounts have not been seen for months
    std::int64_t previous = 0;
    for (const Value &row : rows) {
        QVERIFY(row.find("accountId"));
        const std::int64_t updated = row.path("metadata.auto.lastupdated")->toInt();
        QVERIFY(updated >= previous);
        previous = updated;
        QVERIFY(row.path("metadata.agent.name"));
    }
}

void TestSimAggregation::etlDailyEvents()
{
    const Dataset &d = m_sim->data();
    const QByteArray body = envelope(R"json([
        {"source":{"events":{"eventClass":["web","ios"]},"timeSeries":{"period":"dayRange","first":"now()","count":-1}}},
        {"identified":"visitorId"},
        {"select":{"numEvents":"numEvents","numMinutes":"numMinutes","accountId":"accountId","visitorId":"visitorId","day":"day"}},
        {"group":{"group":["visitorId","accountId","day"],"fields":{"totalTime":{"sum":"numMinutes"},"totalEvents":{"sum":"numEvents"}}}},
        {"sort":["accountId","totalTime"]}])json",
                                     "Events");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    QVERIFY(!rows.empty());
    const std::int64_t yesterday = d.dayStartMs(d.today() - 1);
    std::int64_t events = 0;
    for (const Value &row : rows) {
        QCOMPARE(row.find("day")->toInt(), yesterday); // count -1: the day before today, today excluded
        QVERIFY(row.find("totalTime")->toInt() > 0);
        QVERIFY(row.find("visitorId")->toString().rfind("_PENDO_T_", 0) != 0);
        events += row.find("totalEvents")->toInt();
    }
    // No appId: the default app only, whatever the event classes.
    QCOMPARE(events, expected(d, d.today() - 1, 7u, 1u, -1, true, true).events);
}

void TestSimAggregation::etlMonthlyActiveUsers()
{
    const Dataset &d = m_sim->data();
    const QByteArray body = envelope(R"json([
        {"source":{"events":{"appId":"expandAppIds(`*`)"},
                   "timeSeries":{"period":"dayRange","first":"now() - 30 * 1000 * 60 *60 * 24","count":30}}},
        {"identified":"visitorId"},
        {"reduce":{"uniqueVisitors":{"count":"visitorId"}}},
        {"select":{"uniqueVisitors":"uniqueVisitors","date":"now()"}}])json",
                                     "VisitorCount");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    QCOMPARE(rows.size(), std::size_t(1));
    std::set<std::string> active;
    for (int day = d.today() - 30; day < d.today(); ++day) {
        const Totals t = expected(d, day, 7u, 3u, -1, true, true);
        active.insert(t.visitors.begin(), t.visitors.end());
    }
    QCOMPARE(rows.front().find("uniqueVisitors")->toInt(), static_cast<std::int64_t>(active.size()));
    QCOMPARE(rows.front().find("date")->toInt(), kNow);
}

void TestSimAggregation::etlNpsJoin()
{
    const Dataset &d = m_sim->data();
    const pendosim::GuideInfo *nps = nullptr;
    for (const auto &g : d.guides())
        nps = g.nps ? &g : nps;
    QVERIFY(nps);
    const QByteArray guide = QByteArray::fromStdString(nps->id);
    const QByteArray score = QByteArray::fromStdString(nps->pollIds.at(0));
    const QByteArray text = QByteArray::fromStdString(nps->pollIds.at(1));
    const QByteArray body = envelope(R"json([
        {"spawn":[
          [{"source":{"pollsSeenEver":{"guideId":")json" + guide + R"json(","pollId":")json" + score + R"json("}}},
           {"identified":"visitorId"},{"cat":null},
           {"select":{"visitorId":"visitorId","accountId":"accountId","quantitativeTime":"time","quantitativeResponse":"response"}}],
          [{"source":{"pollsSeenEver":{"guideId":")json" + guide + R"json(","pollId":")json" + text + R"json("}}},
           {"identified":"visitorId"},{"cat":null},
           {"select":{"visitorId":"visitorId","qualitativeTime":"time","qualitativeResponse":"response"}}]]},
        {"join":{"fields":["visitorId"],"width":2}},
        {"eval":{"visitorId":"hash(visitorId)"}},
        {"select":{"visitorId":"visitorId","accountId":"accountId","quantitativeResponse":"quantitativeResponse",
                   "qualitativeResponse":"qualitativeResponse","quantitativeTime":"quantitativeTime"}},
        {"sort":["quantitativeTime"]}])json",
                                     "NPS");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    QVERIFY(!rows.empty());
    int withText = 0;
    for (const Value &row : rows) {
        QVERIFY(row.find("visitorId"));
        if (const Value *s = row.find("quantitativeResponse"); s && !s->isNull()) {
            QVERIFY(s->isInt());
            QVERIFY(s->toInt() >= 0 && s->toInt() <= 10);
        }
        if (const Value *t = row.find("qualitativeResponse"); t && t->isString())
            ++withText;
    }
    QVERIFY(withText > 0);
}

void TestSimAggregation::trackAndPollRows()
{
    const QByteArray track = envelope(R"json([
        {"source":{"trackEvents":null,"timeSeries":{"period":"dayRange","first":"now()","count":-7}}},{"limit":50}])json");
    const Array rows = results(m_sim->aggregate(track));
    QVERIFY(!rows.empty());
    for (const Value &row : rows) {
        QVERIFY(row.find("trackTypeId"));
        QVERIFY(row.find("properties") && row.find("properties")->isObject());
    }
    const QByteArray polls = envelope(R"json([
        {"source":{"pollEvents":null,"timeSeries":{"period":"dayRange","first":"now()","count":-90}}},{"limit":50}])json");
    const Array pollRows = results(m_sim->aggregate(polls));
    QVERIFY(!pollRows.empty());
    for (const Value &row : pollRows) {
        QCOMPARE(row.find("type")->toString(), std::string("pollResponse"));
        QVERIFY(row.find("pollId") && row.find("pollResponse") && row.find("pollType"));
    }
}

void TestSimAggregation::defaultAppOnly()
{
    const QByteArray body = envelope(R"json([
        {"source":{"pageEvents":null,"timeSeries":{"period":"dayRange","first":"now()","count":-3}}},
        {"group":{"group":["appId"],"fields":{"n":{"count":null}}}}])json");
    const Array rows = results(m_sim->aggregate(body));
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(rows.front().find("appId")->toInt(), std::int64_t(-323232));
}

void TestSimAggregation::dayBucketsFollowDst()
{
    // New York switched to daylight time on 2024-03-10 at 2am: later midnights move from 05:00Z to 04:00Z.
    const Dataset &d = m_sim->data();
    const std::int64_t first = QDateTime(QDate(2024, 3, 5), QTime(0, 0), QTimeZone("America/New_York")).toMSecsSinceEpoch();
    const QByteArray body = envelope(R"json([
        {"source":{"pageEvents":null,"timeSeries":{"period":"dayRange","first":)json" + number(first) + R"json(,"count":10}}},
        {"group":{"group":["day"],"fields":{"n":{"count":null}}}},{"sort":["day"]}])json");
    const Array rows = results(m_sim->aggregate(body));
    QCOMPARE(rows.size(), std::size_t(10));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::int64_t day = rows[i].find("day")->toInt();
        QCOMPARE(day, d.dayStartMs(QDate(2024, 3, 5).addDays(static_cast<qint64>(i)).toJulianDay()));
        const int utcHour = QDateTime::fromMSecsSinceEpoch(day, QTimeZone::utc()).time().hour();
        QCOMPARE(utcHour, i <= 5 ? 5 : 4); // the switch happens at 2am on the 10th
    }
}

void TestSimAggregation::lateDataFillsIn()
{
    // The same subscription seen now and twelve hours later: the recent hours fill in, old ones do not change.
    pendosim::DatasetConfig later = smallConfig();
    later.nowMs = kNow + 12 * kHour;
    SimFixture future(later);
    QVERIFY(future.ok());
    const auto sumOf = [](SimFixture &sim, std::int64_t from, std::int64_t to) {
        const QByteArray body = envelope(R"json([
            {"source":{"featureEvents":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"hourRange","first":)json" +
                                         number(from) + R"json(,"last":)json" + number(to) + R"json(}}},
            {"reduce":{"events":{"sum":"numEvents"},"rows":{"count":null}}}])json");
        const Array rows = results(sim.aggregate(body));
        return rows.empty() ? std::pair<std::int64_t, std::int64_t>{0, 0}
                            : std::pair{rows.front().find("events")->toInt(), rows.front().find("rows")->toInt()};
    };
    const std::int64_t hourNow = kNow / kHour * kHour;
    const auto recentNow = sumOf(*m_sim, hourNow - 4 * kHour, hourNow + kHour);
    const auto recentLater = sumOf(future, hourNow - 4 * kHour, hourNow + kHour);
    QVERIFY(recentLater.first > 0);
    QVERIFY2(recentNow.first < recentLater.first, "recent hours must be incomplete at first");
    QVERIFY(recentNow.second < recentLater.second);
    const auto oldNow = sumOf(*m_sim, hourNow - 30 * kHour, hourNow - 20 * kHour);
    const auto oldLater = sumOf(future, hourNow - 30 * kHour, hourNow - 20 * kHour);
    QCOMPARE(oldNow, oldLater);
    // Nothing after "now" exists yet.
    const QByteArray future1 = envelope(R"json([
        {"source":{"featureEvents":null,"timeSeries":{"period":"hourRange","first":)json" + number(kNow + kHour) +
                                        R"json(,"last":)json" + number(kNow + 5 * kHour) + R"json(}}}])json");
    QCOMPARE(results(m_sim->aggregate(future1)).size(), std::size_t(0));
}

void TestSimAggregation::largeResultsAreChunked()
{
    const QByteArray body = envelope(R"json([
        {"source":{"featureEvents":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"dayRange","first":"now()","count":-60}}}])json");
    const Reply r = m_sim->aggregate(body);
    QCOMPARE(r.status, 200);
    QVERIFY(r.body.size() > 256 * 1024);
    bool chunked = false;
    for (const auto &[name, value] : r.headers)
        chunked = chunked || (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0 && value == "chunked");
    QVERIFY(chunked);
    QVERIFY(results(r).size() > 1000);
}

void TestSimAggregation::sameSeedSameBytes()
{
    SimFixture twin(smallConfig());
    SimFixture other(smallConfig(8));
    QVERIFY(twin.ok() && other.ok());
    const QByteArray aggregation = envelope(R"json([
        {"source":{"events":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"hourRange","first":"now() - 86400000","last":"now()"}}}])json");
    const QStringList paths = {QStringLiteral("/api/v1/page?expand=*"), QStringLiteral("/api/v1/feature?expand=*"),
                               QStringLiteral("/api/v1/guide"), QStringLiteral("/api/v1/report"),
                               QStringLiteral("/api/v1/metadata/schema/visitor"),
                               QStringLiteral("/api/v1/visitor/U000003"), QStringLiteral("/api/v1/account/") +
                                                                               QString::fromStdString(twin.data().accounts().front().id)};
    for (const QString &path : paths) {
        const Reply a = m_sim->get(path);
        const Reply b = twin.get(path);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, b.body);
    }
    const Reply a = m_sim->aggregate(aggregation);
    const Reply b = twin.aggregate(aggregation);
    QVERIFY(a.body.size() > 1000);
    QCOMPARE(a.body, b.body);
    QVERIFY(other.aggregate(aggregation).body != a.body);
    QVERIFY(other.get(QStringLiteral("/api/v1/page")).body != m_sim->get(QStringLiteral("/api/v1/page")).body);
}

void TestSimAggregation::rejectedBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::newRow("skip is not a step") << envelope(R"json([{"source":{"pages":null}},{"skip":10}])json") << 400;
    QTest::newRow("no pipeline") << QByteArray(R"json({"response":{"mimeType":"application/json"},"request":{}})json") << 422;
    QTest::newRow("not json") << QByteArray("{") << 400;
}

void TestSimAggregation::rejectedBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QCOMPARE(m_sim->aggregate(body).status, status);
}

QTEST_GUILESS_MAIN(TestSimAggregation)
#include "tst_simapi_aggregation.moc"
