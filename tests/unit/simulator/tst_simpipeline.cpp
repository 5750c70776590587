#include "PipelineFixture.h"

#include <QTest>

using pendosim::Array;
using pendosim::HttpError;
using pendosim::RowSink;
using pendosim::runPipeline;
using pendosim::Value;
using namespace pendosim::test;

/** The pipeline interpreter: sources, app ids, every step and aggregator, streaming and early stops. */
class TestSimPipeline : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // Sources.
    void appIds_data();
    void appIds();
    void startTime();
    void sourceParamsReachProvider();

    // Steps.
    void filterAndIdentified();
    void selectAndEval();
    void groupAggregators();
    void groupListFormAndDotKeys();
    void reduce();
    void sort();
    void limit();
    void countStage();
    void bulkExpand();
    void unwind();
    void spawnJoin();
    void spawnStopsAtLimit();
    void streamingChunks();
    void runPipelineSink();

private:
    MemoryDataProvider m_data;
};

void TestSimPipeline::init()
{
    m_data = MemoryDataProvider();
    fillFixture(m_data);
}

// ---------------------------------------------------------------------------------------------------------------
// Sources

void TestSimPipeline::appIds_data()
{
    QTest::addColumn<QByteArray>("params");
    QTest::addColumn<QList<qint64>>("expected");
    const qint64 def = MemoryDataProvider::kDefaultApp;
    const qint64 other = MemoryDataProvider::kOtherApp;
    QTest::newRow("absent") << QByteArray(R"j({"featureId":"f1"})j") << QList<qint64>{def};
    QTest::newRow("null params") << QByteArray("null") << QList<qint64>{def};
    QTest::newRow("number") << QByteArray(R"j({"appId":5001})j") << QList<qint64>{other};
    QTest::newRow("numeric string") << QByteArray(R"j({"appId":"5001"})j") << QList<qint64>{other};
    QTest::newRow("negative string") << QByteArray(R"j({"appId":"-323232"})j") << QList<qint64>{def};
    QTest::newRow("list") << QByteArray(R"j({"appId":[5001,"-323232",5001]})j") << QList<qint64>{other, def};
    QTest::newRow("empty list") << QByteArray(R"j({"appId":[]})j") << QList<qint64>{def, other};
    QTest::newRow("expand quotes") << QByteArray(R"j({"appId":"expandAppIds(\"*\")"})j") << QList<qint64>{def, other};
    QTest::newRow("expand backticks") << QByteArray(R"j({"appId":"expandAppIds(`*`)"})j")
                                      << QList<qint64>{def, other};
}

void TestSimPipeline::appIds()
{
    QFETCH(QByteArray, params);
    QFETCH(QList<qint64>, expected);
    const std::string body = envelope(R"j([{"source":{"featureEvents":)j" + params.toStdString()
                                      + R"j(,"timeSeries":{"period":"dayRange","first":"now()","count":-2}}}])j");
    const Response r = run(m_data, body);
    EXPECT_OK(r);
    QCOMPARE(m_data.requests.size(), std::size_t(1));
    QList<qint64> actual;
    for (const auto id : m_data.lastRequest().appIds)
        actual << id;
    QCOMPARE(actual, expected);
    // The rows really are restricted to those apps.
    for (const auto &row : r.results())
        QVERIFY(expected.contains(row.find("appId")->toInt()));
}

void TestSimPipeline::startTime()
{
    const Response events = run(m_data, envelope(R"j([{"source":{"featureEvents":null,"timeSeries":{"period":"dayRange",
        "first":"now()","count":-2}}},{"limit":0}])j"));
    EXPECT_OK(events);
    QCOMPARE(events.startTime(), kMar07);
    QVERIFY(events.results().empty());
    QCOMPARE(events.chunks.size(), std::size_t(1));
    QCOMPARE(events.chunks.front(), "{\"startTime\":" + num(kMar07) + ",\"results\":[]}");

    const Response objects = run(m_data, envelope(R"j([{"source":{"accounts":null}},{"count":null}])j"));
    EXPECT_OK(objects);
    QCOMPARE(objects.startTime(), kNow);
}

void TestSimPipeline::sourceParamsReachProvider()
{
    const Response r = run(m_data, envelope(R"j([{"source":{"featureEvents":{"featureId":"f2","blacklist":"apply"},
        "timeSeries":{"period":"hourRange","first":"date(2026,3,8)","count":3}}}])j"));
    EXPECT_OK(r);
    const auto &request = m_data.lastRequest();
    QCOMPARE(request.name, std::string("featureEvents"));
    QCOMPARE(request.params.find("featureId")->toString(), std::string("f2"));
    QCOMPARE(request.params.find("blacklist")->toString(), std::string("apply"));
    QCOMPARE(int(request.period), int(pendosim::Period::Hour));
    QCOMPARE(request.buckets, (std::vector<std::int64_t>{kMar08, kMar08 + kHour, kMar08 + 2 * kHour}));
}

// ---------------------------------------------------------------------------------------------------------------
// Stages

void TestSimPipeline::filterAndIdentified()
{
    const std::string src = R"j({"source":{"featureEvents":{"appId":"expandAppIds(\"*\")"},
        "timeSeries":{"period":"dayRange","first":"date(2026,3,8)","count":1}}})j";
    const Response all = run(m_data, envelope("[" + src + R"j(,{"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(all, R"j([{"v":"v1"},{"v":"v1"},{"v":"v2"},{"v":"_PENDO_T_x1"},{"v":"v3"}])j");

    const Response visitors = run(m_data, envelope("[" + src + R"j(,{"identified":"visitorId"},
        {"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(visitors, R"j([{"v":"v1"},{"v":"v1"},{"v":"v2"},{"v":"v3"}])j");

    const Response accounts = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"identified":"accountId"},
        {"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(accounts, R"j([{"v":"v3"},{"v":"a-visitor"},{"v":"v1"},{"v":"v2"}])j");

    const Response filtered = run(m_data, envelope("[" + src + R"j(,
        {"filter":"numEvents >= 2 && (featureId == `f1` || appId == 5001) && !startsWith(visitorId, \"_\")"},
        {"select":{"v":"visitorId","n":"numEvents"}}])j"));
    EXPECT_RESULTS(filtered, R"j([{"v":"v1","n":5},{"v":"v3","n":6}])j");

    // A filter on a field the rows lack drops them all instead of failing.
    const Response missing = run(m_data, envelope("[" + src + R"j(,{"filter":"hour < 1724889600000"}])j"));
    EXPECT_RESULTS(missing, "[]");
}

void TestSimPipeline::selectAndEval()
{
    const std::string src = R"j({"source":{"featureEvents":{"featureId":"f2"},"timeSeries":{"period":"dayRange",
        "first":"date(2026,3,8)","count":1}}})j";
    const Response selected = run(m_data, envelope("[" + src + R"j(,{"select":{"visitorId":"visitorId",
        "minutes":"numMinutes * 60000","who.account":"accountId","copy":"visitorId","nothing":"missingField"}}])j"));
    EXPECT_RESULTS(selected, R"j([{"visitorId":"v2","minutes":120000,"who":{"account":"acme"},"copy":"v2",
        "nothing":null}])j");
    // Only the listed fields remain.
    QCOMPARE(selected.results().front().toObject().size(), std::size_t(5));

    const Response evaluated = run(m_data, envelope("[" + src + R"j(,{"eval":{"numEvents":"numEvents + 100",
        "extra.deep.flag":"true","double":"numEvents * 2"}},{"select":{"n":"numEvents","d":"double",
            "f":"extra.deep.flag","day":"day"}}])j"));
    // eval sees its own earlier assignments: double = (2 + 100) * 2.
    EXPECT_RESULTS(evaluated, (R"j([{"n":102,"d":204,"f":true,"day":)j" + num(kMar08) + "}]").c_str());

    // A select that keeps a field twice still gives both copies.
    const Response twice = run(m_data, envelope("[" + src + R"j(,{"select":{"a":"visitorId","b":"visitorId"}}])j"));
    EXPECT_RESULTS(twice, R"j([{"a":"v2","b":"v2"}])j");
}

void TestSimPipeline::groupAggregators()
{
    const Response r = run(m_data, envelope(R"j([{"source":{"pages":null}},{"group":{"group":["k"],"fields":{
        "total":{"sum":"n"},"rows":{"count":null},"distinctS":{"count":"s"},"avgN":{"avg":"n"},
        "minN":{"min":"n"},"maxN":{"max":"n"},"firstS":{"first":"s"},"listS":{"list":"s"},
        "big":{"countIf":"n > 1"},"anyD":{"any":"d"},"sumD":{"sum":"d"},"medianN":{"median":"n"},
        "weighted":{"sum":"n * 10"}}}}])j"));
    EXPECT_RESULTS(r, R"j([
        {"k":"a","total":4,"rows":3,"distinctS":2,"avgN":2,"minN":1,"maxN":3,"firstS":"x","listS":["x","x","z"],
         "big":1,"anyD":1.5,"sumD":2,"medianN":2,"weighted":40},
        {"k":"b","total":6,"rows":2,"distinctS":1,"avgN":3,"minN":2,"maxN":4,"firstS":"y","listS":["y"],
         "big":2,"anyD":null,"sumD":0,"medianN":3,"weighted":60},
        {"k":null,"total":5,"rows":1,"distinctS":0,"avgN":5,"minN":5,"maxN":5,"firstS":null,"listS":[],
         "big":1,"anyD":null,"sumD":0,"medianN":5,"weighted":50}])j");
    // Keys come first, in the order they were asked for.
    QCOMPARE(r.results()[0].toObject().front().first, std::string("k"));

    // Before serialisation: integer sums stay integers; sums of doubles and averages are doubles.
    std::vector<Value> rows;
    const auto error = runPipeline(m_data, json(R"j([{"source":{"pages":null}},{"group":{"group":["k"],"fields":{
        "total":{"sum":"n"},"sumD":{"sum":"d"},"avgN":{"avg":"n"}}}}])j"),
                                   [&](Value &&row) {
                                       rows.push_back(std::move(row));
                                       return true;
                                   });
    QVERIFY(!error);
    QCOMPARE(rows.size(), std::size_t(3));
    QVERIFY(rows[0].find("total")->isInt());
    QVERIFY(rows[0].find("sumD")->isDouble());
    QCOMPARE(rows[0].find("sumD")->toDouble(), 2.0);
    QVERIFY(rows[0].find("avgN")->isDouble());
    QVERIFY(rows[1].find("sumD")->isInt()); // nothing to add: 0
}

void TestSimPipeline::groupListFormAndDotKeys()
{
    const Response list = run(m_data, envelope(R"j([{"source":{"pages":null}},{"filter":"!isNull(k)"},
        {"group":{"group":["k"],"fields":[{"total":{"sum":"n"}},{"rows":{"count":null}}]}}])j"));
    EXPECT_RESULTS(list, R"j([{"k":"a","total":4,"rows":3},{"k":"b","total":6,"rows":2}])j");

    const Response nested = run(m_data, envelope(R"j([{"source":{"accounts":null}},
        {"eval":{"tier":"metadata.custom.tier"}},
        {"group":{"group":["metadata.custom.tier"],"fields":{"n.count":{"count":null}}}}])j"));
    EXPECT_RESULTS(nested, R"j([{"metadata":{"custom":{"tier":"gold"}},"n":{"count":1}},
                                {"metadata":{"custom":{"tier":null}},"n":{"count":3}}])j");

    // Several keys, with numbers and strings mixed, group exactly.
    const Response multi = run(m_data, envelope(R"j([{"source":{"featureEvents":{"appId":[]},
        "timeSeries":{"period":"dayRange","first":"now()","count":-3}}},
        {"group":{"group":["visitorId","accountId","appId","featureId","day"],"fields":{"numEvents":{"sum":"numEvents"},
        "numMinutes":{"sum":"numMinutes"}}}}])j"));
    EXPECT_RESULTS(multi, (R"j([
        {"visitorId":"v1","accountId":"acme","appId":-323232,"featureId":"f1","day":)j" + num(kMar07) + R"j(,
        "numEvents":3,"numMinutes":2},
        {"visitorId":"v1","accountId":"acme","appId":-323232,"featureId":"f1","day":)j" + num(kMar08) + R"j(,
        "numEvents":6,"numMinutes":5},
        {"visitorId":"v2","accountId":"acme","appId":-323232,"featureId":"f2","day":)j" + num(kMar08) + R"j(,
        "numEvents":2,"numMinutes":2},
        {"visitorId":"_PENDO_T_x1","accountId":"","appId":-323232,"featureId":"f1","day":)j" + num(kMar08) + R"j(,
        "numEvents":4,"numMinutes":3},
        {"visitorId":"v3","accountId":"globex","appId":5001,"featureId":"f1","day":)j" + num(kMar08) + R"j(,
            "numEvents":6,"numMinutes":5}])j").c_str());
}

void TestSimPipeline::reduce()
{
    const Response r = run(m_data, envelope(R"j([{"source":{"pages":null}},{"reduce":{"total":{"sum":"n"},
        "keys":{"count":"k"},"rows":{"count":null}}}])j"));
    EXPECT_RESULTS(r, R"j([{"total":15,"keys":2,"rows":6}])j");

    const Response listForm = run(m_data, envelope(R"j([{"source":{"pages":null}},{"reduce":[{"hi":{"max":"n"}},
        {"lo":{"min":"s"}}]}])j"));
    EXPECT_RESULTS(listForm, R"j([{"hi":5,"lo":"x"}])j");

    // Reduce over nothing still answers one row.
    const Response empty = run(m_data, envelope(R"j([{"source":{"pages":null}},{"filter":"false"},
        {"reduce":{"total":{"sum":"n"},"users":{"count":"k"},"top":{"max":"n"}}}])j"));
    EXPECT_RESULTS(empty, R"j([{"total":0,"users":0,"top":null}])j");

    // Group over nothing answers no rows.
    const Response none = run(m_data, envelope(R"j([{"source":{"pages":null}},{"filter":"false"},
        {"group":{"group":["k"],"fields":{"t":{"sum":"n"}}}}])j"));
    EXPECT_RESULTS(none, "[]");
}

void TestSimPipeline::sort()
{
    const Response byKeys = run(m_data, envelope(R"j([{"source":{"pages":null}},{"sort":["k","-n"]},
        {"select":{"n":"n"}}])j"));
    // Missing k sorts first; within "a", descending n puts the null last.
    EXPECT_RESULTS(byKeys, R"j([{"n":5},{"n":3},{"n":1},{"n":null},{"n":4},{"n":2}])j");

    const Response stable = run(m_data, envelope(R"j([{"source":{"pages":null}},{"sort":["k"]},
        {"select":{"s":"s"}}])j"));
    EXPECT_RESULTS(stable, R"j([{"s":null},{"s":"x"},{"s":"x"},{"s":"z"},{"s":"y"},{"s":null}])j");

    const Response nullsFirst = run(m_data, envelope(R"j([{"source":{"pages":null}},{"sort":["n"]},
        {"select":{"n":"n"}}])j"));
    EXPECT_RESULTS(nullsFirst, R"j([{"n":null},{"n":1},{"n":2},{"n":3},{"n":4},{"n":5}])j");

    m_data.objectRows["guides"] = {json(R"j({"name":"b"})j"), json("{\"name\":\"\xc3\xa9\"}"),
                                   json(R"j({"name":"B"})j"),
                                   json(R"j({"name":"_"})j"), json(R"j({"name":"a"})j")};
    const Response bytes = run(m_data, envelope(R"j([{"source":{"guides":null}},{"sort":["name"]}])j"));
    EXPECT_RESULTS(bytes, "[{\"name\":\"B\"},{\"name\":\"_\"},{\"name\":\"a\"},{\"name\":\"b\"},"
                          "{\"name\":\"\xc3\xa9\"}]");

    const Response descending = run(m_data, envelope(R"j([{"source":{"accounts":null}},
        {"sort":["-metadata.auto.lastupdated"]},{"select":{"a":"accountId"}}])j"));
    EXPECT_RESULTS(descending, R"j([{"a":"acme"},{"a":"initech"},{"a":"globex"},{"a":"umbrella"}])j");

    const Response computed = run(m_data, envelope(R"j([{"source":{"pages":null}},{"filter":"!isNull(n)"},
        {"sort":["n % 3","n"]},{"select":{"n":"n"}}])j"));
    EXPECT_RESULTS(computed, R"j([{"n":3},{"n":1},{"n":4},{"n":2},{"n":5}])j");
}

void TestSimPipeline::limit()
{
    for (int i = 0; i < 1000; ++i)
        m_data.objectRows["visitors"].push_back(json(("{\"visitorId\":\"bulk" + std::to_string(i) + "\"}").c_str()));

    const Response early = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"limit":2}])j"));
    EXPECT_OK(early);
    QCOMPARE(early.results().size(), std::size_t(2));
    QCOMPARE(m_data.rowsScanned, std::int64_t(2)); // the scan stopped

    m_data.rowsScanned = 0;
    const Response afterFilter = run(m_data, envelope(R"j([{"source":{"visitors":null}},
        {"filter":"startsWith(visitorId, `bulk`)"},{"limit":3},{"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(afterFilter, R"j([{"v":"bulk0"},{"v":"bulk1"},{"v":"bulk2"}])j");
    QCOMPARE(m_data.rowsScanned, std::int64_t(9)); // six fixture visitors, then three

    m_data.rowsScanned = 0;
    const Response afterSort = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"sort":["-visitorId"]},
        {"limit":2},{"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(afterSort, R"j([{"v":"v4"},{"v":"v3"}])j");
    QCOMPARE(m_data.rowsScanned, std::int64_t(1006));

    const Response zero = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"limit":0}])j"));
    EXPECT_RESULTS(zero, "[]");

    const Response twoLimits = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"limit":5},{"limit":1},
        {"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(twoLimits, R"j([{"v":"v3"}])j");
}

void TestSimPipeline::countStage()
{
    const Response all = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"count":null}])j"));
    EXPECT_RESULTS(all, R"j([{"count":6}])j");
    const Response identified = run(m_data, envelope(R"j([{"source":{"visitors":{"identified":true}}},
        {"count":null}])j"));
    EXPECT_RESULTS(identified, R"j([{"count":5}])j");
    const Response none = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"filter":"false"},
        {"count":null}])j"));
    EXPECT_RESULTS(none, R"j([{"count":0}])j");
}

void TestSimPipeline::bulkExpand()
{
    const Response r = run(m_data, envelope(R"j([{"source":{"featureEvents":{"featureId":"f1",
        "appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"dayRange","first":"date(2026,3,8)","count":1}}},
        {"bulkExpand":{"account":{"account":"accountId"},"who":{"visitor":"visitorId"}}},
        {"select":{"v":"visitorId","tier":"account.metadata.custom.tier","account":"account.accountId",
        "email":"who.metadata.agent.email"}}])j"));
    EXPECT_RESULTS(r, R"j([{"v":"v1","tier":"gold","account":"acme","email":"v1@acme.test"},
                           {"v":"v1","tier":"gold","account":"acme","email":"v1@acme.test"},
                           {"v":"_PENDO_T_x1","tier":null,"account":null,"email":null},
                           {"v":"v3","tier":null,"account":"globex","email":null}])j");

    const Response whole = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"filter":"visitorId == `v2`"},
        {"bulkExpand":{"account":{"account":"accountId"}}}])j"));
    EXPECT_RESULTS(whole, R"j([{"visitorId":"v2","accountId":"acme","metadata":{},
        "account":{"accountId":"acme","metadata":{"auto":{"lastupdated":1700000000000},"custom":{"tier":"gold"}}}}])j");
}

void TestSimPipeline::unwind()
{
    m_data.objectRows["guides"] = {json(R"j({"id":1,"tags":["x","y"]})j"), json(R"j({"id":2,"tags":[]})j"),
                                   json(R"j({"id":3})j"), json(R"j({"id":4,"tags":"solo"})j")};
    const Response keep = run(m_data, envelope(R"j([{"source":{"guides":null}},{"unwind":{"field":"tags","index":"i",
        "keepEmpty":true}}])j"));
    EXPECT_RESULTS(keep, R"j([{"id":1,"tags":"x","i":0},{"id":1,"tags":"y","i":1},{"id":2,"tags":null,"i":null},
                              {"id":3,"tags":null,"i":null},{"id":4,"tags":"solo","i":0}])j");

    const Response drop = run(m_data, envelope(R"j([{"source":{"guides":null}},{"unwind":{"field":"tags"}}])j"));
    EXPECT_RESULTS(drop, R"j([{"id":1,"tags":"x"},{"id":1,"tags":"y"},{"id":4,"tags":"solo"}])j");

    const Response polls = run(m_data, envelope(R"j([{"source":{"guides":null}},{"filter":"id == 1"},
        {"unwind":{"field":"tags","index":"i"}},{"limit":1}])j"));
    EXPECT_RESULTS(polls, R"j([{"id":1,"tags":"x","i":0}])j");
}

void TestSimPipeline::spawnJoin()
{
    const char *branches = R"j({"spawn":[
        [{"source":{"pollsSeenEver":{"guideId":"nps","pollId":"q1"}}},{"identified":"visitorId"},{"cat":null},
         {"select":{"visitorId":"visitorId","accountId":"accountId","score":"response"}}],
        [{"source":{"pollsSeenEver":{"guideId":"nps","pollId":"q2"}}},{"identified":"visitorId"},{"cat":null},
         {"select":{"visitorId":"visitorId","accountId":"accountId","comment":"response"}}]]})j";

    const Response unionAll = run(m_data, envelope(std::string("[") + branches + "]"));
    EXPECT_RESULTS(unionAll, R"j([{"visitorId":"v1","accountId":"acme","score":9},{"visitorId":"v2","accountId":"acme",
        "score":3},
        {"visitorId":"v1","accountId":"acme","comment":"great"},{"visitorId":"v3","accountId":"globex",
        "comment":"meh"}])j");
    QCOMPARE(m_data.requests.size(), std::size_t(2));
    QCOMPARE(m_data.requests[1].params.find("pollId")->toString(), std::string("q2"));

    const Response inner = run(m_data, envelope(std::string("[") + branches + R"j(,{"join":{"fields":["visitorId"],
        "width":2}}])j"));
    EXPECT_RESULTS(inner, R"j([{"visitorId":"v1","accountId":"acme","score":9,"comment":"great"}])j");

    const Response outer = run(m_data, envelope(std::string("[") + branches + R"j(,{"join":{"fields":["visitorId"]}},
        {"sort":["visitorId"]}])j"));
    EXPECT_RESULTS(outer, R"j([{"visitorId":"v1","accountId":"acme","score":9,"comment":"great"},
        {"visitorId":"v2","accountId":"acme","score":3},{"visitorId":"v3","accountId":"globex","comment":"meh"}])j");

    // Two rows from the same branch do not satisfy width 2.
    const Response sameBranch = run(m_data, envelope(R"j([{"spawn":[[{"source":{"pollsSeenEver":{"guideId":"nps"}}},
        {"select":{"accountId":"accountId"}}],
        [{"source":{"accounts":null}},{"filter":"accountId == `umbrella`"}]]},{"join":{"fields":["accountId"],
        "width":2}}])j"));
    EXPECT_RESULTS(sameBranch, "[]");
}

void TestSimPipeline::spawnStopsAtLimit()
{
    const Response r = run(m_data, envelope(R"j([{"spawn":[[{"source":{"visitors":null}}],
        [{"source":{"accounts":null}}]]},{"limit":3},{"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(r, R"j([{"v":"v3"},{"v":"a-visitor"},{"v":"v1"}])j");
    QCOMPARE(m_data.requests.size(), std::size_t(1)); // the second branch never ran

    const Response both = run(m_data, envelope(R"j([{"spawn":[[{"source":{"visitors":null}},{"limit":1}],
        [{"source":{"accounts":null}},{"limit":1}]]},{"select":{"v":"visitorId","a":"accountId"}}])j"));
    EXPECT_RESULTS(both, R"j([{"v":"v3","a":"globex"},{"v":null,"a":"acme"}])j");
}

void TestSimPipeline::streamingChunks()
{
    const std::string padding(200, 'p');
    for (int i = 0; i < 3000; ++i) {
        Value v;
        v.set("visitorId", Value("s" + std::to_string(i)));
        v.set("metadata.agent.note", Value(padding));
        m_data.objectRows["visitors"].push_back(std::move(v));
    }
    const Response r = run(m_data, envelope(R"j([{"source":{"visitors":null}}])j"));
    EXPECT_OK(r);
    QCOMPARE(r.results().size(), std::size_t(3006));
    QVERIFY(r.chunks.size() >= 9);
    for (std::size_t i = 0; i + 1 < r.chunks.size(); ++i)
        QVERIFY(r.chunks[i].size() >= 64 * 1024);
    QVERIFY(!r.chunks.back().empty());
    QVERIFY(r.chunks.front().starts_with("{\"startTime\":" + num(kNow) + ",\"results\":[{"));
    QVERIFY(r.chunks.back().ends_with("]}"));
}

void TestSimPipeline::runPipelineSink()
{
    std::vector<Value> rows;
    const RowSink sink = [&](Value &&row) {
        rows.push_back(std::move(row));
        return rows.size() < 2;
    };
    const auto error = runPipeline(m_data, json(R"j([{"source":{"visitors":null}},
        {"select":{"v":"visitorId"}}])j"), sink);
    QVERIFY(!error);
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(m_data.rowsScanned, std::int64_t(2));
    QVERIFY(rows[1] == json(R"j({"v":"a-visitor"})j"));

    const auto bad = runPipeline(m_data, json(R"j([{"source":{"visitors":null}},{"skip":1}])j"), sink);
    QVERIFY(bad);
    QCOMPARE(bad->body, std::string("unknown step type 'skip'"));
    const auto notList = runPipeline(m_data, json(R"j({"source":{}})j"), sink);
    QVERIFY(notList);
    QCOMPARE(notList->status, 400);
}

QTEST_GUILESS_MAIN(TestSimPipeline)
#include "tst_simpipeline.moc"
