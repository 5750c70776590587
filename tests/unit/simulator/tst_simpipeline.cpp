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
    void identified_data();
    void identified();
    void selectAndEval();
    void groupAggregators();
    void groupListFormAndDotKeys();
    void reduce();
    void sort();
    void limit();
    void countStage();
    void bulkExpand();
    void unwind();
    void unwindPrefix();
    void switchStep();
    void unmarshal();
    void segment();
    void concatAndCountIf();
    void fork();
    void forkJoin();
    void forkStopsEarly();
    void merge();
    void mergeInnerFailure();
    void longerPeriods();
    void iterativePeriods();
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

void TestSimPipeline::identified_data()
{
    QTest::addColumn<QByteArray>("source");
    QTest::addColumn<QByteArray>("form");
    QTest::addColumn<QByteArray>("expected");

    // featureEvents on 2026-03-08 hold v1 (twice), v2, the anonymous _PENDO_T_x1 (no account) and v3.
    const QByteArray events = R"j({"featureEvents":{"appId":"expandAppIds(\"*\")"},
        "timeSeries":{"period":"dayRange","first":"date(2026,3,8)","count":1}})j";
    // visitors hold v3, a-visitor, v1, the anonymous _PENDO_T_anon, v4 (no account) and v2.
    const QByteArray visitors = R"j({"visitors":null})j";
    QTest::newRow("events, identified visitors") << events << QByteArray("visitorId")
                                                 << QByteArray(R"(["v1","v1","v2","v3"])");
    QTest::newRow("events, anonymous visitors") << events << QByteArray("!visitorId")
                                                << QByteArray(R"(["_PENDO_T_x1"])");
    QTest::newRow("events, with an account") << events << QByteArray("accountId")
                                             << QByteArray(R"(["v1","v1","v2","v3"])");
    QTest::newRow("events, without an account") << events << QByteArray("!accountId")
                                                << QByteArray(R"(["_PENDO_T_x1"])");
    QTest::newRow("visitors, identified") << visitors << QByteArray("visitorId")
                                          << QByteArray(R"(["v3","a-visitor","v1","v4","v2"])");
    QTest::newRow("visitors, anonymous") << visitors << QByteArray("!visitorId")
                                         << QByteArray(R"(["_PENDO_T_anon"])");
    QTest::newRow("visitors, with an account") << visitors << QByteArray("accountId")
                                               << QByteArray(R"(["v3","a-visitor","v1","v2"])");
    // An identified visitor without an account is among these too, not only the anonymous one.
    QTest::newRow("visitors, without an account") << visitors << QByteArray("!accountId")
                                                  << QByteArray(R"(["_PENDO_T_anon","v4"])");
}

void TestSimPipeline::identified()
{
    QFETCH(QByteArray, source);
    QFETCH(QByteArray, form);
    QFETCH(QByteArray, expected);
    const std::string body = envelope(R"j([{"source":)j" + source.toStdString() + R"j(},{"identified":")j"
                                      + form.toStdString() + R"j("},{"select":{"v":"visitorId"}}])j");
    const Response r = run(m_data, body);
    EXPECT_OK(r);
    Array ids;
    for (const auto &row : r.results())
        ids.push_back(*row.find("v"));
    QVERIFY2(Value(ids) == json(expected.toStdString()), Value(ids).toJson().c_str());

    // A form and its negation split the rows between them, none lost and none twice.
    const std::string negated = form.startsWith('!') ? form.mid(1).toStdString() : "!" + form.toStdString();
    const Response other = run(m_data, envelope(R"j([{"source":)j" + source.toStdString()
                                                + R"j(},{"identified":")j" + negated + R"j("},{"count":null}])j"));
    const Response all = run(m_data, envelope(R"j([{"source":)j" + source.toStdString() + R"j(},{"count":null}])j"));
    EXPECT_OK(other);
    EXPECT_OK(all);
    QCOMPARE(std::int64_t(ids.size()) + other.results().front().find("count")->toInt(),
             all.results().front().find("count")->toInt());
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

void TestSimPipeline::unwindPrefix()
{
    m_data.objectRows["guides"] = {json(R"j({"id":1,"path":["a","b","c"]})j"), json(R"j({"id":2,"path":[]})j"),
                                   json(R"j({"id":3,"path":"x"})j")};
    const Response r = run(m_data, envelope(R"j([{"source":{"guides":null}},{"unwind":{"field":"path","index":"i",
        "prefix":true,"keepEmpty":true}}])j"));
    EXPECT_RESULTS(r, R"j([{"id":1,"path":["a"],"i":0},{"id":1,"path":["a","b"],"i":1},
        {"id":1,"path":["a","b","c"],"i":2},{"id":2,"path":null,"i":null},{"id":3,"path":["x"],"i":0}])j");
}

void TestSimPipeline::switchStep()
{
    // The first case that holds wins; no case holding gives null; several outputs map at once.
    const Response r = run(m_data, envelope(R"j([{"source":{"pages":null}},{"switch":{
        "size":{"n":[{"value":"small","<":3},{"value":"large",">=":3}]},
        "letter":{"k":[{"value":"A","==":"a"},{"value":"not A","!=":"a"}]},
        "exact":{"d":[{"value":"half","==":0.5},{"value":"more",">":0.5},{"value":"never","<=":0}]}}},
        {"select":{"n":"n","size":"size","letter":"letter","exact":"exact"}}])j"));
    EXPECT_RESULTS(r, R"j([{"n":1,"size":"small","letter":"A","exact":"more"},
        {"n":2,"size":"small","letter":"not A","exact":null},
        {"n":3,"size":"large","letter":"A","exact":null},
        {"n":null,"size":null,"letter":"A","exact":"half"},
        {"n":4,"size":"large","letter":"not A","exact":null},
        {"n":5,"size":"large","letter":"not A","exact":null}])j");

    // The poll-response mapping of Pendo's NPS bodies: text values become numbers.
    const Response polls = run(m_data, envelope(R"j([{"source":{"pollsSeenEver":{"guideId":"nps","pollId":"q2"}}},
        {"switch":{"mood":{"response":[{"value":1,"==":"great"},{"value":0,"==":"meh"}]}}},
        {"select":{"v":"visitorId","mood":"mood"}}])j"));
    EXPECT_RESULTS(polls, R"j([{"v":"v1","mood":1},{"v":"v3","mood":0}])j");
}

void TestSimPipeline::unmarshal()
{
    m_data.objectRows["guides"] = {json(R"j({"id":1,"raw":"{\"a\":1,\"b\":[true]}"})j"),
                                   json(R"j({"id":2,"raw":"[1,2"})j"), json(R"j({"id":3,"raw":{"kept":1}})j"),
                                   json(R"j({"id":4})j")};
    const Response r = run(m_data, envelope(R"j([{"source":{"guides":null}},
        {"unmarshal":{"parsed":"raw","deep.value":"raw"}},
        {"select":{"id":"id","parsed":"parsed","b":"deep.value.b"}}])j"));
    EXPECT_RESULTS(r, R"j([{"id":1,"parsed":{"a":1,"b":[true]},"b":[true]},{"id":2,"parsed":null,"b":null},
        {"id":3,"parsed":{"kept":1},"b":null},{"id":4,"parsed":null,"b":null}])j");
}

void TestSimPipeline::segment()
{
    m_data.segments["seg-1"] = {"v1", "v3"};
    m_data.segments["empty"] = {};
    const std::string src = R"j({"source":{"featureEvents":{"appId":[]},"timeSeries":{"period":"dayRange",
        "first":"date(2026,3,8)","count":1}}})j";
    const Response r = run(m_data, envelope("[" + src + R"j(,{"segment":{"id":"seg-1"}},
        {"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(r, R"j([{"v":"v1"},{"v":"v1"},{"v":"v3"}])j");

    const Response none = run(m_data, envelope("[" + src + R"j(,{"segment":{"id":"empty"}}])j"));
    EXPECT_RESULTS(none, "[]");

    // Segments hold visitors: rows without a visitor (accounts) belong to none.
    const Response accounts = run(m_data, envelope(R"j([{"source":{"accounts":null}},{"segment":{"id":"seg-1"}}])j"));
    EXPECT_RESULTS(accounts, "[]");
}

void TestSimPipeline::concatAndCountIf()
{
    m_data.objectRows["guides"] = {json(R"j({"k":"a","tags":["x","y"],"v":"p"})j"),
                                   json(R"j({"k":"a","tags":"z","v":"p"})j"),
                                   json(R"j({"k":"a","tags":null,"v":"q"})j"),
                                   json(R"j({"k":"b","tags":[],"v":"q"})j")};
    const Response r = run(m_data, envelope(R"j([{"source":{"guides":null}},{"group":{"group":["k"],"fields":{
        "all":{"concat":"tags"},"tagged":{"countIf":"!isEmpty(tags)"},
        "distinctTagged":{"countIf":{"count":"v","if":"!isNull(tags)"}},
        "rowsTagged":{"countIf":{"count":null,"if":"!isNull(tags)"}}}}}])j"));
    EXPECT_RESULTS(r, R"j([{"k":"a","all":["x","y","z"],"tagged":2,"distinctTagged":1,"rowsTagged":2},
        {"k":"b","all":[],"tagged":0,"distinctTagged":1,"rowsTagged":1}])j");
}

void TestSimPipeline::fork()
{
    // Every row goes into every branch; what the branches emit continues down the pipeline.
    const Response r = run(m_data, envelope(R"j([{"source":{"pages":null}},{"filter":"!isNull(n)"},{"fork":[
        [{"cat":null}],
        [{"filter":"n > 3"},{"eval":{"big":"true"}}],
        [{"reduce":{"total":{"sum":"n"}}}]]},
        {"select":{"n":"n","big":"big","total":"total"}}])j"));
    EXPECT_RESULTS(r, R"j([{"n":1,"big":null,"total":null},{"n":2,"big":null,"total":null},
        {"n":3,"big":null,"total":null},{"n":4,"big":null,"total":null},{"n":4,"big":true,"total":null},
        {"n":5,"big":null,"total":null},{"n":5,"big":true,"total":null},{"n":null,"big":null,"total":15}])j");
}

void TestSimPipeline::forkJoin()
{
    // Two views of the same rows, joined back per visitor.
    const Response r = run(m_data, envelope(R"j([{"source":{"events":null,"timeSeries":{"period":"dayRange",
        "first":"date(2026,3,8)","count":2}}},{"identified":"visitorId"},{"fork":[
        [{"group":{"group":["visitorId"],"fields":{"events":{"sum":"numEvents"}}}}],
        [{"filter":"day == )j" + num(kMar09) + R"j("},
         {"group":{"group":["visitorId"],"fields":{"today":{"count":null}}}}]]},
        {"join":{"fields":["visitorId"],"width":2}}])j"));
    EXPECT_RESULTS(r, R"j([{"visitorId":"v1","events":20,"today":1}])j");
}

void TestSimPipeline::forkStopsEarly()
{
    for (int i = 0; i < 500; ++i)
        m_data.objectRows["visitors"].push_back(json(("{\"visitorId\":\"bulk" + std::to_string(i) + "\"}").c_str()));
    // Once every branch has what it wants, the scan stops.
    const Response limited = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"fork":[[{"limit":2}],
        [{"limit":3}]]},{"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(limited, R"j([{"v":"v3"},{"v":"v3"},{"v":"a-visitor"},{"v":"a-visitor"},{"v":"v1"}])j");
    QCOMPARE(m_data.rowsScanned, std::int64_t(3));

    m_data.rowsScanned = 0;
    const Response after = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"fork":[[{"cat":null}],
        [{"cat":null}]]},{"limit":3},{"select":{"v":"visitorId"}}])j"));
    EXPECT_RESULTS(after, R"j([{"v":"v3"},{"v":"v3"},{"v":"a-visitor"}])j");
    QCOMPARE(m_data.rowsScanned, std::int64_t(2));
}

void TestSimPipeline::merge()
{
    const std::string src = R"j({"source":{"featureEvents":{"featureId":"f1"},"timeSeries":{"period":"dayRange",
        "first":"date(2026,3,8)","count":1}}})j";
    const Response mapped = run(m_data, envelope("[" + src + R"j(,{"merge":{"fields":["visitorId"],
        "mappings":{"email":"metadata.agent.email","updated":"metadata.auto.lastupdated"},
        "pipeline":[{"source":{"visitors":null}},{"cat":null}]}},
        {"select":{"v":"visitorId","email":"email","updated":"updated"}}])j"));
    // v1 matches (twice); the anonymous visitor has a visitor row without those fields.
    EXPECT_RESULTS(mapped, R"j([{"v":"v1","email":"v1@acme.test","updated":null},
        {"v":"v1","email":"v1@acme.test","updated":null},{"v":"_PENDO_T_x1","email":null,"updated":null}])j");

    // Without mappings every field of the inner row is copied; rows without a match pass unchanged.
    m_data.requests.clear();
    const Response all = run(m_data, envelope(R"j([{"source":{"accounts":null}},{"merge":{"fields":["accountId"],
        "pipeline":[{"source":{"pollsSeenEver":null}},{"select":{"accountId":"accountId","lastPoll":"pollId"}}]}},
        {"select":{"a":"accountId","lastPoll":"lastPoll","tier":"metadata.custom.tier"}}])j"));
    EXPECT_RESULTS(all, R"j([{"a":"acme","lastPoll":"q1","tier":"gold"},{"a":"globex","lastPoll":"q2","tier":null},
        {"a":"initech","lastPoll":null,"tier":null},{"a":"umbrella","lastPoll":null,"tier":null}])j");
    // The inner pipeline ran once, before the outer rows.
    QCOMPARE(m_data.requests.size(), std::size_t(2));
    QCOMPARE(m_data.requests[0].name, std::string("pollsSeenEver"));
}

void TestSimPipeline::mergeInnerFailure()
{
    m_data.failure = "the inner scan broke";
    const Response r = run(m_data, envelope(R"j([{"source":{"accounts":null}},{"merge":{"fields":["accountId"],
        "pipeline":[{"source":{"visitors":null}}]}}])j"));
    QVERIFY(r.error);
    QCOMPARE(r.error->status, 400);
    QCOMPARE(r.error->body, m_data.failure);
    QVERIFY(r.chunks.empty());
}

void TestSimPipeline::longerPeriods()
{
    addEvent(m_data, "featureEvents", kMar09 + 10 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"featureId":"f1","numEvents":2,"numMinutes":3,
                 "server":"a"})j");
    // Weeks start on Sunday: 2026-03-07 (a Saturday) closes the week of 03-01; 03-08 and 03-09 open the next.
    const qint64 week1 = kMar08 - 7 * 24 * kHour; // 2026-03-01: both midnights are before the DST switch
    const Response r = run(m_data, envelope(R"j([{"source":{"featureEvents":{"featureId":"f1"},
        "timeSeries":{"period":"weekRange","first":"date(2026,3,1)","count":2}}},
        {"select":{"v":"visitorId","week":"week","day":"day","server":"server","n":"numEvents","m":"numMinutes"}}])j"));
    EXPECT_RESULTS(r, (R"j([{"v":"v1","week":)j" + num(week1) + R"j(,"day":null,"server":null,"n":3,"m":2},
        {"v":"v1","week":)j" + num(kMar08) + R"j(,"day":null,"server":"a","n":7,"m":7},
        {"v":"v1","week":)j" + num(kMar08) + R"j(,"day":null,"server":"b","n":1,"m":1},
        {"v":"_PENDO_T_x1","week":)j" + num(kMar08) + R"j(,"day":null,"server":null,"n":4,"m":3},
        {"v":"v2","week":)j" + num(kMar08) + R"j(,"day":null,"server":null,"n":7,"m":6}])j").c_str());
    QCOMPARE(r.startTime(), week1);
    // The provider was asked for the fourteen days.
    QCOMPARE(m_data.lastRequest().buckets.size(), std::size_t(14));
    QCOMPARE(int(m_data.lastRequest().period), int(pendosim::Period::Day));

    const Response months = run(m_data, envelope(R"j([{"source":{"events":null,"timeSeries":{"period":"monthRange",
        "first":"date(2026,2,15)","count":2}}},{"group":{"group":["month"],"fields":{"n":{"sum":"numEvents"},
        "rows":{"count":null}}}}])j"));
    EXPECT_RESULTS(months, (R"j([{"month":)j" + num(kFeb01) + R"j(,"n":2,"rows":2},{"month":)j"
                            + num(week1) + R"j(,"n":27,"rows":5}])j").c_str());

    // Row-level sources have no day to fold; their rows pass as they are.
    const Response guides = run(m_data, envelope(R"j([{"source":{"guideEvents":null,"timeSeries":{
        "period":"weekRange","first":"date(2026,3,8)","count":1}}},{"select":{"g":"guideId","week":"week"}}])j"));
    EXPECT_RESULTS(guides, R"j([{"g":"gB","week":null},{"g":"gC","week":null},{"g":"gD","week":null}])j");
}

void TestSimPipeline::iterativePeriods()
{
    // Each day runs its own pipeline: the reduce answers once per day, even for a day with no rows.
    const Response r = run(m_data, envelope(R"j([{"source":{"events":null,"timeSeries":{"period":"daily",
        "first":"date(2026,3,7)","count":3}}},{"reduce":{"total":{"sum":"numEvents"},"rows":{"count":null}}}])j"));
    EXPECT_RESULTS(r, R"j([{"total":0,"rows":0},{"total":19,"rows":4},{"total":8,"rows":1}])j");
    QCOMPARE(r.startTime(), kMar07);
    QCOMPARE(m_data.requests.size(), std::size_t(3));
    QCOMPARE(m_data.requests[1].buckets, std::vector<std::int64_t>{kMar08});

    // A limit applies within each period.
    const Response limited = run(m_data, envelope(R"j([{"source":{"events":null,"timeSeries":{"period":"daily",
        "first":"date(2026,3,7)","count":3}}},{"limit":1},{"select":{"v":"visitorId","day":"day"}}])j"));
    EXPECT_RESULTS(limited, (R"j([{"v":"v1","day":)j" + num(kMar08) + R"j(},{"v":"v1","day":)j" + num(kMar09)
                             + "}]").c_str());

    // Weekly periods fold each week's days, one result set per week.
    const Response weekly = run(m_data, envelope(R"j([{"source":{"events":null,"timeSeries":{"period":"weekly",
        "first":"date(2026,2,15)","count":4}}},{"reduce":{"n":{"sum":"numEvents"},"first":{"min":"week"}}}])j"));
    EXPECT_RESULTS(weekly, (R"j([{"n":1,"first":)j" + num(kFeb20 - 5 * 24 * kHour) + R"j(},{"n":0,"first":null},
        {"n":0,"first":null},{"n":27,"first":)j" + num(kMar08) + "}]").c_str());

    // No periods, no result sets.
    const Response none = run(m_data, envelope(R"j([{"source":{"events":null,"timeSeries":{"period":"daily",
        "first":"now()","count":0}}},{"reduce":{"n":{"sum":"numEvents"}}}])j"));
    EXPECT_RESULTS(none, "[]");
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
