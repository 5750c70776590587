// pendo-sim's aggregation steps and sources over HTTP, checked against the simulated subscription:
// identified and its negation, segments, guidesSeen, product areas, longer and iterative periods,
// and the answer to a step the simulator does not run.
#include "SimTestSupport.h"

#include <QTest>

#include <map>
#include <set>
#include <tuple>

using namespace simtest;
using pendosim::Array;
using pendosim::Dataset;
using pendosim::Value;

namespace {

QByteArray envelope(const QByteArray &pipeline)
{
    return R"json({"response":{"mimeType":"application/json"},"request":{"pipeline":)json" + pipeline + "}}";
}

std::int64_t countOf(const Reply &reply)
{
    const Array rows = results(reply);
    return rows.size() == 1 && rows.front().find("count") ? rows.front().find("count")->toInt() : -1;
}

std::int64_t sumOf(const Array &rows, const char *field)
{
    std::int64_t total = 0;
    for (const Value &row : rows)
        total += row.find(field) ? row.find(field)->toInt() : 0;
    return total;
}

} // namespace

class TestSimSteps final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void identifiedVisitors_data();
    void identifiedVisitors();
    void identifiedOnEvents_data();
    void identifiedOnEvents();
    void segmentsListed();
    void segmentStep();
    void guidesSeenMatchesGuideEvents();
    void productAreas();
    void weekRangeSumsDays();
    void dailyRunsOnePipelinePerDay();
    void unusedProductsAreEmpty();
    void stepNotRunIsAnUnknownStep();

private:
    std::unique_ptr<SimFixture> m_sim;
};

void TestSimSteps::initTestCase()
{
    m_sim = std::make_unique<SimFixture>(smallConfig());
    QVERIFY(m_sim->ok());
}

void TestSimSteps::cleanupTestCase()
{
    m_sim.reset();
}

void TestSimSteps::identifiedVisitors_data()
{
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<bool>("anonymous");
    QTest::newRow("identified") << QByteArray("visitorId") << false;
    QTest::newRow("anonymous only") << QByteArray("!visitorId") << true;
}

void TestSimSteps::identifiedVisitors()
{
    QFETCH(QByteArray, form);
    QFETCH(bool, anonymous);
    const Dataset &d = m_sim->data();
    const Reply r = m_sim->aggregate(envelope(R"json([{"source":{"visitors":null}},{"identified":")json" + form
                                              + R"json("},{"sort":["visitorId"]}])json"));
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    std::set<std::string> want;
    for (const auto &v : d.visitors()) {
        if (v.anonymous == anonymous && (v.appMask & 1u))
            want.insert(v.id);
    }
    QVERIFY(!want.empty());
    std::set<std::string> got;
    for (const Value &row : rows) {
        const std::string &id = row.find("visitorId")->toString();
        QCOMPARE(id.rfind("_PENDO_T_", 0) == 0, anonymous);
        got.insert(id);
    }
    QCOMPARE(got.size(), rows.size());
    QVERIFY(got == want);
}

void TestSimSteps::identifiedOnEvents_data()
{
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<QByteArray>("complement");
    QTest::newRow("visitorId") << QByteArray("visitorId") << QByteArray("!visitorId");
    QTest::newRow("accountId") << QByteArray("accountId") << QByteArray("!accountId");
}

void TestSimSteps::identifiedOnEvents()
{
    QFETCH(QByteArray, form);
    QFETCH(QByteArray, complement);
    // Anonymous visitors come in short bursts: a week from the latest first visit of one of them.
    const Dataset &d = m_sim->data();
    int start = d.historyStart();
    for (const auto &v : d.visitors()) {
        if (v.anonymous && v.startDay <= d.today() - 7)
            start = std::max(start, v.startDay);
    }
    const QByteArray source = R"json({"source":{"events":{"appId":"expandAppIds(`*`)"},
        "timeSeries":{"period":"dayRange","first":)json"
        + QByteArray::number(qint64(d.dayStartMs(start))) + R"json(,"count":7}}})json";
    const auto rowsWith
        = [&](const QByteArray &step) { return results(m_sim->aggregate(envelope("[" + source + step + "]"))); };
    const Array all = rowsWith({});
    const Array kept = rowsWith(R"json(,{"identified":")json" + form + "\"}");
    const Array others = rowsWith(R"json(,{"identified":")json" + complement + "\"}");
    QVERIFY(!kept.empty());
    QVERIFY(!others.empty());
    // The two forms split the rows: none lost, none in both.
    QCOMPARE(kept.size() + others.size(), all.size());
    QCOMPARE(sumOf(kept, "numEvents") + sumOf(others, "numEvents"), sumOf(all, "numEvents"));
    for (const Value &row : others) {
        if (form == "visitorId") {
            QVERIFY(row.find("visitorId")->toString().rfind("_PENDO_T_", 0) == 0);
        } else {
            // Rows of visitors without an account carry no accountId at all.
            QVERIFY(!row.find("accountId"));
        }
    }
    for (const Value &row : kept) {
        if (form == "visitorId")
            QVERIFY(row.find("visitorId")->toString().rfind("_PENDO_T_", 0) != 0);
        else
            QVERIFY(!row.find("accountId")->toString().empty());
    }
}

void TestSimSteps::segmentsListed()
{
    const Dataset &d = m_sim->data();
    const Reply list = m_sim->get(QStringLiteral("/api/v1/segment"));
    QCOMPARE(list.status, 200);
    const auto segments = list.json();
    QVERIFY(segments && segments->isArray());
    QCOMPARE(segments->toArray().size(), d.segments().size());
    QVERIFY(d.segments().size() >= 2);
    for (const Value &segment : segments->toArray()) {
        QVERIFY(!segment.find("name")->toString().empty());
        QVERIFY(segment.find("rootVersionId")->isString());
        const QString id = QString::fromStdString(segment.find("id")->toString());
        const Reply one = m_sim->get(QStringLiteral("/api/v1/segment/") + id);
        QCOMPARE(one.status, 200);
        QVERIFY(*one.json() == segment);
    }
    QCOMPARE(m_sim->get(QStringLiteral("/api/v1/segment/no-such-segment")).status, 404);
}

void TestSimSteps::segmentStep()
{
    const Dataset &d = m_sim->data();
    const auto admins
        = std::find_if(d.segments().begin(), d.segments().end(), [](const auto &s) { return s.name == "Admins"; });
    QVERIFY(admins != d.segments().end());
    const Reply r = m_sim->aggregate(envelope(R"json([{"source":{"visitors":null}},{"segment":{"id":")json"
                                              + QByteArray::fromStdString(admins->id) + R"json("}}])json"));
    QCOMPARE(r.status, 200);
    const Array rows = results(r);
    std::size_t want = 0;
    for (const auto &v : d.visitors())
        want += (!v.anonymous && (v.appMask & 1u) && Dataset::roleNames()[v.role] == "admin") ? 1 : 0;
    QVERIFY(want > 0);
    QCOMPARE(rows.size(), want);
    for (const Value &row : rows)
        QCOMPARE(row.path("metadata.agent.role")->toString(), std::string("admin"));

    const Reply unknown = m_sim->aggregate(envelope(R"json([{"source":{"visitors":null}},
        {"segment":{"id":"no-such-segment"}}])json"));
    QCOMPARE(unknown.status, 400);
    QCOMPARE(unknown.body, QByteArray("segment 'no-such-segment' not found"));
}

void TestSimSteps::guidesSeenMatchesGuideEvents()
{
    const QByteArray window = R"json("appId":"expandAppIds(`*`)"},"timeSeries":{"period":"dayRange",
        "first":"now()","count":-60}}})json";
    const Reply seen = m_sim->aggregate(envelope(R"json([{"source":{"guidesSeen":{)json" + window + "]"));
    QCOMPARE(seen.status, 200);
    // The same views counted from the interactions themselves.
    const Reply counted = m_sim->aggregate(envelope(R"json([{"source":{"guideEvents":{)json" + window + R"json(,
        {"filter":"type == \"guideSeen\""},
        {"group":{"group":["visitorId","guideId","guideStepId"],"fields":{"n":{"count":null},
            "first":{"min":"browserTime"},"last":{"max":"browserTime"}}}}])json"));
    QCOMPARE(counted.status, 200);
    using Key = std::tuple<std::string, std::string, std::string>;
    std::map<Key, std::tuple<std::int64_t, std::int64_t, std::int64_t>> want;
    for (const Value &row : results(counted))
        want[{row.find("visitorId")->toString(), row.find("guideId")->toString(), row.find("guideStepId")->toString()}]
            = {row.find("n")->toInt(), row.find("first")->toInt(), row.find("last")->toInt()};
    QVERIFY(!want.empty());
    QCOMPARE(results(seen).size(), want.size());
    for (const Value &row : results(seen)) {
        const Key key {row.find("visitorId")->toString(), row.find("guideId")->toString(),
                       row.find("guideStepId")->toString()};
        QVERIFY(want.count(key));
        QCOMPARE(row.find("seenCount")->toInt(), std::get<0>(want[key]));
        QCOMPARE(row.find("firstSeenAt")->toInt(), std::get<1>(want[key]));
        QCOMPARE(row.find("lastSeenAt")->toInt(), std::get<2>(want[key]));
        const std::string state = row.find("lastState")->toString();
        QVERIFY(state == "active" || state == "advanced" || state == "dismissed");
    }

    // guidesSeenEver needs no timeSeries and reaches back over the whole history.
    const Reply ever = m_sim->aggregate(envelope(R"json([{"source":{"guidesSeenEver":{"appId":"expandAppIds(`*`)"}}},
        {"count":null}])json"));
    QCOMPARE(ever.status, 200);
    QVERIFY(countOf(ever) >= std::int64_t(want.size()));
}

void TestSimSteps::productAreas()
{
    const Reply r = m_sim->aggregate(envelope(R"json([{"source":{"groups":null}}])json"));
    QCOMPARE(r.status, 200);
    std::set<std::string> groups;
    for (const Value &row : results(r)) {
        QVERIFY(groups.insert(row.find("id")->toString()).second);
        QVERIFY(!row.find("name")->toString().empty());
    }
    // Every tagged page and feature of every app sits in one of them.
    for (const char *kind : {"page", "feature"}) {
        const auto items
            = m_sim->get(QStringLiteral("/api/v1/") + QLatin1StringView(kind) + QStringLiteral("?expand=*")).json();
        QVERIFY(items && !items->toArray().empty());
        for (const Value &item : items->toArray())
            QVERIFY(groups.count(item.path("group.id")->toString()));
    }
    QVERIFY(!groups.empty());
}

void TestSimSteps::weekRangeSumsDays()
{
    const QByteArray weeks = R"json([{"source":{"featureEvents":{"appId":"expandAppIds(`*`)"},
        "timeSeries":{"period":"weekRange","first":"now()","count":-2}}}])json";
    const Reply byWeek = m_sim->aggregate(envelope(weeks));
    QCOMPARE(byWeek.status, 200);
    const Array weekRows = results(byWeek);
    QVERIFY(!weekRows.empty());
    std::set<std::int64_t> starts;
    for (const Value &row : weekRows) {
        QVERIFY(!row.find("day"));
        starts.insert(row.find("week")->toInt());
    }
    QCOMPARE(starts.size(), std::size_t(2));
    const std::int64_t first = *starts.begin();
    QCOMPARE(byWeek.json()->find("startTime")->toInt(), first);

    // The same fourteen days asked for by day hold the same events, in more rows.
    const Reply byDay = m_sim->aggregate(envelope(R"json([{"source":{"featureEvents":{"appId":"expandAppIds(`*`)"},
        "timeSeries":{"period":"dayRange","first":)json"
                                                  + QByteArray::number(qint64(first)) + R"json(,"count":14}}}])json"));
    QCOMPARE(byDay.status, 200);
    QCOMPARE(sumOf(weekRows, "numEvents"), sumOf(results(byDay), "numEvents"));
    QCOMPARE(sumOf(weekRows, "numMinutes"), sumOf(results(byDay), "numMinutes"));
    QVERIFY(weekRows.size() < results(byDay).size());
}

void TestSimSteps::dailyRunsOnePipelinePerDay()
{
    const Dataset &d = m_sim->data();
    const Reply daily = m_sim->aggregate(envelope(R"json([{"source":{"pageEvents":null,
        "timeSeries":{"period":"daily","first":"now()","count":-3}}},{"count":null}])json"));
    QCOMPARE(daily.status, 200);
    const Array counts = results(daily);
    QCOMPARE(counts.size(), std::size_t(3));
    QCOMPARE(daily.json()->find("startTime")->toInt(), d.dayStartMs(d.today() - 3));
    // Each result set is what that one day gives on its own.
    for (int i = 0; i < 3; ++i) {
        const QByteArray first = QByteArray::number(qint64(d.dayStartMs(d.today() - 3 + i)));
        const Reply oneDay = m_sim->aggregate(envelope(R"json([{"source":{"pageEvents":null,
            "timeSeries":{"period":"dayRange","first":)json"
                                                       + first + R"json(,"count":1}}},{"count":null}])json"));
        QCOMPARE(oneDay.status, 200);
        QVERIFY(countOf(oneDay) > 0);
        QCOMPARE(counts[std::size_t(i)].find("count")->toInt(), countOf(oneDay));
    }
}

void TestSimSteps::unusedProductsAreEmpty()
{
    for (const char *source : {"emailEvents", "recordingMetadata", "agenticEvents"}) {
        const Reply r = m_sim->aggregate(envelope(R"json([{"source":{")json" + QByteArray(source) + R"json(":null,
            "timeSeries":{"period":"dayRange","first":"now()","count":-30}}}])json"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.json()->find("results")->isArray());
        QVERIFY(results(r).empty());
    }
}

void TestSimSteps::stepNotRunIsAnUnknownStep()
{
    const Reply r = m_sim->aggregate(R"json({"response":{"mimeType":"application/json"},"request":{"pipeline":[
        {"source":{"events":null,"timeSeries":{"period":"dayRange","first":"now()","count":-30}}},
        {"pes":{"appId":-323232,"firstDay":"now()","dayCount":-30}}]}})json");
    QCOMPARE(r.status, 400);
    QVERIFY(r.contentType.startsWith("text/plain"));
    QCOMPARE(r.body, QByteArray("unknown step type 'pes'"));
}

QTEST_GUILESS_MAIN(TestSimSteps)
#include "tst_simapi_steps.moc"
