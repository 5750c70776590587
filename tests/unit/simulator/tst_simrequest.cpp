#include "PipelineFixture.h"

#include <QTest>

using pendosim::Array;
using pendosim::HttpError;
using pendosim::RowSink;
using pendosim::runPipeline;
using pendosim::Value;
using namespace pendosim::test;

/** Whole aggregation requests: envelope forms, every rejection, and the bodies real clients send. */
class TestSimRequest : public QObject
{
    Q_OBJECT

private slots:
    void init();

    // Envelope and errors.
    void envelopeForms_data();
    void envelopeForms();
    void missingPipeline_data();
    void missingPipeline();
    void rejected_data();
    void rejected();
    void unknownStepIsExact();
    void stepsNotRunAnswerAsUnknown_data();
    void stepsNotRunAnswerAsUnknown();
    void nothingRunsBeforeEverythingIsChecked();
    void providerFailure();

    // The request bodies real clients send (pendo-api §3.7).
    void bodyA_tapFeatureEvents();
    void bodyB_estuaryPageEvents();
    void bodyC_estuaryGuideEvents();
    void bodyD_tapVisitors();
    void bodyE_tapAccounts();
    void bodyF_etlDailyTime();
    void bodyG_etlMonthlyActive();
    void bodyH_etlNps();

private:
    MemoryDataProvider m_data;
};

void TestSimRequest::init()
{
    m_data = MemoryDataProvider();
    fillFixture(m_data);
}

// ---------------------------------------------------------------------------------------------------------------
// Envelope and errors

void TestSimRequest::envelopeForms_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray pipeline = R"j([{"source":{"accounts":null}},{"sort":["accountId"]},{"limit":1}])j";
    QTest::newRow("standard") << QByteArray::fromStdString(envelope(pipeline.toStdString()));
    QTest::newRow("extra keys ignored")
        << (QByteArray(R"j({"channelId":"","response":{"mimeType":"application/json","location":"request"},)j")
            + R"j("request":{"sort":["x"],"pipeline":)j" + pipeline + "}}");
    QTest::newRow("legacy bare array") << (QByteArray(R"j({"response":{"mimeType":"application/json"},"request":)j")
                                           + pipeline + "}");
    QTest::newRow("no response object") << (QByteArray(R"j({"request":{"pipeline":)j") + pipeline + "}}");
}

void TestSimRequest::envelopeForms()
{
    QFETCH(QByteArray, body);
    const Response r = run(m_data, body.toStdString());
    EXPECT_RESULTS(r, R"j([{"accountId":"acme","metadata":{"auto":{"lastupdated":1700000000000},
        "custom":{"tier":"gold"}}}])j");
    QCOMPARE(r.startTime(), kNow);
}

void TestSimRequest::missingPipeline_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("no request") << QByteArray(R"j({"response":{"mimeType":"application/json"}})j");
    QTest::newRow("request without pipeline") << QByteArray(R"j({"request":{"name":"x"}})j");
    QTest::newRow("null pipeline") << QByteArray(R"j({"request":{"pipeline":null}})j");
    QTest::newRow("empty object") << QByteArray("{}");
    QTest::newRow("flat form") << QByteArray(R"j({"source":{"accounts":null},"requestId":"x"})j");
}

void TestSimRequest::missingPipeline()
{
    QFETCH(QByteArray, body);
    const Response r = run(m_data, body.toStdString());
    QVERIFY(r.error);
    QCOMPARE(r.error->status, 422);
    QCOMPARE(r.error->contentType, std::string("application/json"));
    QCOMPARE(r.error->body, std::string(R"j({"overall":{},"fields":{"pipeline":"Required"}})j"));
    QVERIFY(r.chunks.empty());
}

void TestSimRequest::rejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("message");

    auto p = [](const char *pipeline) { return QByteArray::fromStdString(envelope(pipeline)); };
    const char *src = R"j({"source":{"featureEvents":null,"timeSeries":{"period":"dayRange","first":"now()",
        "count":-1}}})j";
    auto after = [&](const char *step) { return p((std::string("[") + src + "," + step + "]").c_str()); };

    QTest::newRow("malformed JSON") << QByteArray(R"j({"request":{"pipeline":[}})j") << QByteArray("at offset 24");
    QTest::newRow("body not an object") << QByteArray("[1]") << QByteArray("must be a JSON object");
    QTest::newRow("pipeline not a list") << QByteArray(R"j({"request":{"pipeline":{"source":{}}}})j")
                                         << QByteArray("pipeline must be a list of steps");
    QTest::newRow("empty pipeline") << p("[]") << QByteArray("pipeline is empty");
    QTest::newRow("first step not a source") << p(R"j([{"limit":1}])j")
                                             << QByteArray("must begin with a source step, not 'limit'");
    QTest::newRow("source later") << after(R"j({"source":{"accounts":null}})j")
                                  << QByteArray("source must be the first step");
    QTest::newRow("step with two keys") << after(R"j({"limit":1,"sort":["day"]})j")
                                        << QByteArray("exactly one key");
    QTest::newRow("unknown source") << p(R"j([{"source":{"bogusEvents":null}}])j")
                                    << QByteArray("unknown source 'bogusEvents'");
    QTest::newRow("two sources") << p(R"j([{"source":{"accounts":null,"visitors":null}}])j")
                                 << QByteArray("more than one source");
    QTest::newRow("no source name") << p(R"j([{"source":{"timeSeries":{}}}])j") << QByteArray("names no source");
    QTest::newRow("event source without timeSeries") << p(R"j([{"source":{"featureEvents":{"featureId":"f1"}}}])j")
                                                     << QByteArray("source 'featureEvents' needs a timeSeries");
    QTest::newRow("bad params") << p(R"j([{"source":{"accounts":5}}])j") << QByteArray("must be an object or null");
    QTest::newRow("bad period") << p(R"j([{"source":{"events":null,"timeSeries":{"period":"fortnightRange",
        "first":"now()","count":1}}}])j")
                                << QByteArray("unknown timeSeries.period 'fortnightRange'");
    QTest::newRow("bad appId") << p(R"j([{"source":{"accounts":{"appId":"everything"}}}])j")
                               << QByteArray("appId must be");
    QTest::newRow("bad appId in list") << p(R"j([{"source":{"accounts":{"appId":[1,"x"]}}}])j")
                                       << QByteArray("appId must be");
    QTest::newRow("malformed filter") << after(R"j({"filter":"day >= 5 && )"})j")
                                      << QByteArray(R"j(filter: unexpected ')' at column 13 in "day >= 5 && )")j");
    QTest::newRow("in operator") << after(R"j({"filter":"featureId in [\"f1\",\"f2\"]"})j")
                                 << QByteArray("filter: unexpected 'in' at column 11");
    QTest::newRow("filter not a string") << after(R"j({"filter":true})j") << QByteArray("filter must be an expression");
    QTest::newRow("select bad expression") << after(R"j({"select":{"x":"numEvents +"}})j")
                                           << QByteArray("select.x: unexpected end of expression at column 12");
    QTest::newRow("select not a string") << after(R"j({"select":{"x":5}})j")
                                         << QByteArray("select.x must be an expression string");
    QTest::newRow("eval bad expression") << after(R"j({"eval":{"y":"len("}})j") << QByteArray("eval.y:");
    QTest::newRow("sort bad key") << after(R"j({"sort":["-"]})j") << QByteArray("sort: unexpected end");
    QTest::newRow("sort not a list") << after(R"j({"sort":{"day":1}})j") << QByteArray("sort must be a list");
    QTest::newRow("negative limit") << after(R"j({"limit":-1})j") << QByteArray("limit must be a whole number");
    QTest::newRow("string limit") << after(R"j({"limit":"10"})j") << QByteArray("limit must be a whole number");
    QTest::newRow("bad identified") << after(R"j({"identified":"pageId"})j")
                                    << QByteArray(R"(identified must be "visitorId", "accountId", "!visitorId" or )"
                                                  R"("!accountId")");
    QTest::newRow("identified negating another field") << after(R"j({"identified":"!pageId"})j")
                                                       << QByteArray("identified must be");
    QTest::newRow("identified twice negated") << after(R"j({"identified":"!!visitorId"})j")
                                              << QByteArray("identified must be");
    QTest::newRow("unknown aggregator") << after(R"j({"group":{"group":["visitorId"],"fields":{"x":{"mode":"n"}}}})j")
                                        << QByteArray("group.fields.x: unknown aggregator 'mode'");
    QTest::newRow("two aggregators") << after(R"j({"group":{"group":["visitorId"],"fields":{"x":{"sum":"a",
        "max":"b"}}}})j")
                                     << QByteArray("must name one aggregator");
    QTest::newRow("sum without field") << after(R"j({"reduce":{"x":{"sum":null}}})j")
                                       << QByteArray("reduce.x: sum needs a field");
    QTest::newRow("aggregator expression") << after(R"j({"reduce":{"x":{"sum":"numEvents *"}}})j")
                                           << QByteArray("reduce.x: unexpected end");
    QTest::newRow("bad bulkExpand") << after(R"j({"bulkExpand":{"account":{"company":"accountId"}}})j")
                                    << QByteArray("unknown kind 'company'");
    QTest::newRow("unwind without field") << after(R"j({"unwind":{"index":"i"}})j")
                                          << QByteArray("unwind needs a field");
    QTest::newRow("join without fields") << after(R"j({"join":{"width":2}})j") << QByteArray("join needs fields");
    QTest::newRow("join bad width") << after(R"j({"join":{"fields":["visitorId"],"width":0}})j")
                                    << QByteArray("join.width must be");
    QTest::newRow("spawn not lists") << p(R"j([{"spawn":[{"source":{"accounts":null}}]}])j")
                                     << QByteArray("each spawn branch must be a list");
    QTest::newRow("spawn branch bad") << p(R"j([{"spawn":[[{"source":{"accounts":null}}],[{"skip":1}]]}])j")
                                      << QByteArray("unknown step type 'skip'");
    QTest::newRow("merge without pipeline") << after(R"j({"merge":{"fields":["pageId"]}})j")
                                            << QByteArray("merge needs a pipeline");
    QTest::newRow("count bad") << after(R"j({"count":5})j") << QByteArray("count must be null or");

    // The steps that came later: each argument form is checked before anything runs.
    QTest::newRow("switch not an object") << after(R"j({"switch":["x"]})j") << QByteArray("switch must be an object");
    QTest::newRow("switch without cases") << after(R"j({"switch":{"out":{"numEvents":[]}}})j")
                                          << QByteArray("switch.out must name one field and its cases");
    QTest::newRow("switch two fields") << after(R"j({"switch":{"out":{"a":[{"value":1,"==":1}],
        "b":[{"value":1,"==":1}]}}})j")
                                       << QByteArray("switch.out must name one field");
    QTest::newRow("switch case without value") << after(R"j({"switch":{"out":{"numEvents":[{"==":1}]}}})j")
                                               << QByteArray("each case is a value and one comparison");
    QTest::newRow("switch case two comparisons")
        << after(R"j({"switch":{"out":{"numEvents":[{"value":1,"<":1,">":0}]}}})j")
        << QByteArray("each case is a value and one comparison");
    QTest::newRow("switch unknown comparison") << after(R"j({"switch":{"out":{"numEvents":[{"value":1,"=~":1}]}}})j")
                                               << QByteArray("switch.out: unknown comparison '=~'");
    QTest::newRow("unmarshal not an object") << after(R"j({"unmarshal":"raw"})j")
                                             << QByteArray("unmarshal must be an object");
    QTest::newRow("unmarshal bad expression") << after(R"j({"unmarshal":{"x":"raw +"}})j")
                                              << QByteArray("unmarshal.x: unexpected end");
    QTest::newRow("segment without id") << after(R"j({"segment":{}})j") << QByteArray("segment needs the id");
    QTest::newRow("segment unknown") << after(R"j({"segment":{"id":"nope"}})j")
                                     << QByteArray("segment 'nope' not found");
    QTest::newRow("fork not a list") << after(R"j({"fork":{"a":1}})j") << QByteArray("fork must be a list");
    QTest::newRow("fork branch not a list") << after(R"j({"fork":[{"cat":null}]})j")
                                            << QByteArray("each fork branch must be a list");
    QTest::newRow("fork branch empty") << after(R"j({"fork":[[]]})j")
                                       << QByteArray("a fork branch cannot be empty");
    QTest::newRow("fork branch with a source") << after(R"j({"fork":[[{"source":{"accounts":null}}]]})j")
                                               << QByteArray("a fork branch cannot contain a source step");
    QTest::newRow("fork branch bad step") << after(R"j({"fork":[[{"cat":null}],[{"skip":1}]]})j")
                                          << QByteArray("unknown step type 'skip'");
    QTest::newRow("merge not an object") << after(R"j({"merge":[]})j") << QByteArray("merge must be an object");
    QTest::newRow("merge without fields") << after(R"j({"merge":{"pipeline":[{"source":{"accounts":null}}]}})j")
                                          << QByteArray("merge needs fields");
    QTest::newRow("merge bad mappings") << after(R"j({"merge":{"fields":["accountId"],"mappings":{"x":1},
        "pipeline":[{"source":{"accounts":null}}]}})j")
                                        << QByteArray("merge.mappings must be an object");
    QTest::newRow("merge inner pipeline bad") << after(R"j({"merge":{"fields":["accountId"],
        "pipeline":[{"source":{"accounts":null}},{"skip":1}]}})j")
                                              << QByteArray("unknown step type 'skip'");
    QTest::newRow("merge inner pipeline without source")
        << after(R"j({"merge":{"fields":["accountId"],"pipeline":[{"limit":1}]}})j")
        << QByteArray("must begin with a source step, not 'limit'");
    QTest::newRow("unwind prefix not a flag") << after(R"j({"unwind":{"field":"x","prefix":"yes"}})j")
                                              << QByteArray("unwind.prefix must be true or false");
    QTest::newRow("countIf object without if") << after(R"j({"reduce":{"x":{"countIf":{"count":"visitorId"}}}})j")
                                               << QByteArray("reduce.x: countIf takes a condition or");
    QTest::newRow("iterative period in spawn")
        << p(R"j([{"spawn":[[{"source":{"events":null,
            "timeSeries":{"period":"daily","first":"now()","count":-2}}}]]}])j")
        << QByteArray("iterative timeSeries periods (daily, hourly, weekly, monthly) can be used only in the source");
    QTest::newRow("iterative period in merge")
        << after(R"j({"merge":{"fields":["visitorId"],"pipeline":[{"source":{"events":null,
            "timeSeries":{"period":"weekly","first":"now()","count":1}}}]}})j")
        << QByteArray("iterative timeSeries periods");
}

void TestSimRequest::rejected()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, message);
    const Response r = run(m_data, body.toStdString());
    QVERIFY2(r.error, describe(r).c_str());
    QCOMPARE(r.error->status, 400);
    QCOMPARE(r.error->contentType, std::string("text/plain; charset=utf-8"));
    QVERIFY2(QByteArray::fromStdString(r.error->body).contains(message), r.error->body.c_str());
    QVERIFY(r.chunks.empty());
    QVERIFY(m_data.requests.empty());
    // Every refusal speaks of the request, never of the simulator's limits.
    QVERIFY2(!QByteArray::fromStdString(r.error->body).contains("simulator"), r.error->body.c_str());
    QVERIFY2(!QByteArray::fromStdString(r.error->body).contains("not supported"), r.error->body.c_str());
}

void TestSimRequest::unknownStepIsExact()
{
    // The paging attempt that fails against the real API on page 2.
    const Response r = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"sort":["visitorId"]},{"skip":5000},
        {"limit":5000}])j"));
    QVERIFY(r.error);
    QCOMPARE(r.error->status, 400);
    QCOMPARE(r.error->body, std::string("unknown step type 'skip'"));
    const Response other = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"frobnicate":null}])j"));
    QVERIFY(other.error);
    QCOMPARE(other.error->body, std::string("unknown step type 'frobnicate'"));
}

void TestSimRequest::stepsNotRunAnswerAsUnknown_data()
{
    QTest::addColumn<QByteArray>("step");
    // Steps whose output no public source describes: answered as Pendo answers any step it does not run.
    for (const char *step : {"pes", "treeify", "accumulate", "compute", "sessionReplays", "useMarshaller"})
        QTest::newRow(step) << QByteArray(step);
}

void TestSimRequest::stepsNotRunAnswerAsUnknown()
{
    QFETCH(QByteArray, step);
    const Response r = run(m_data, envelope(R"j([{"source":{"visitors":null}},{")j" + step.toStdString()
                                            + R"j(":{"appId":-323232}}])j"));
    QVERIFY(r.error);
    QCOMPARE(r.error->status, 400);
    QCOMPARE(r.error->contentType, std::string("text/plain; charset=utf-8"));
    QCOMPARE(QByteArray::fromStdString(r.error->body), "unknown step type '" + step + "'");
    QVERIFY(m_data.requests.empty());
}

void TestSimRequest::nothingRunsBeforeEverythingIsChecked()
{
    // A valid source and filter followed by a bad step: no scan starts, nothing is written.
    const Response r = run(m_data, envelope(R"j([{"source":{"visitors":null}},{"filter":"true"},{"limit":1},
        {"sort":["x +"]}])j"));
    QVERIFY(r.error);
    QVERIFY(r.chunks.empty());
    QVERIFY(m_data.requests.empty());
}

void TestSimRequest::providerFailure()
{
    m_data.failure = "featureId 'nope' does not exist";
    const Response r = run(m_data, envelope(R"j([{"source":{"accounts":null}}])j"));
    QVERIFY(r.error);
    QCOMPARE(r.error->status, 400);
    QCOMPARE(r.error->body, m_data.failure);
    QVERIFY(r.chunks.empty());
}

// ---------------------------------------------------------------------------------------------------------------
// §3.7 bodies

void TestSimRequest::bodyA_tapFeatureEvents()
{
    // TAP sets first mid-bucket and filters day >= first so the partial first day is not re-read.
    const std::string first = num(kMar07 + 5 * kHour);
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"pipeline":[
   {"source":{"featureEvents":{"featureId":"f1"},
              "timeSeries":{"period":"dayRange","first":)j" + first + R"j(,"last":"now()"}}},
   {"sort":["day"]},
   {"filter":"day>=)j" + first + R"j("},
   {"limit":100000}]}})j");
    EXPECT_OK(r);
    QCOMPARE(r.startTime(), kMar07);
    QCOMPARE(m_data.lastRequest().buckets, (std::vector<std::int64_t>{kMar07, kMar08, kMar09}));
    const Array rows = r.results();
    QCOMPARE(rows.size(), std::size_t(4));
    const char *visitors[] = {"v1", "v1", "_PENDO_T_x1", "v2"};
    const qint64 days[] = {kMar08, kMar08, kMar08, kMar09};
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows[i].find("visitorId")->toString(), std::string(visitors[i]));
        QCOMPARE(rows[i].find("day")->toInt(), days[i]);
        QCOMPARE(rows[i].find("featureId")->toString(), std::string("f1"));
        QCOMPARE(rows[i].find("appId")->toInt(), MemoryDataProvider::kDefaultApp);
        QVERIFY(rows[i].find("numEvents")->isInt());
    }
}

void TestSimRequest::bodyB_estuaryPageEvents()
{
    const std::string first = num(kT0);
    const std::string last = num(kT0 + 2 * kHour);
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"pipeline":[
   {"source":{"pageEvents":{"appId":"expandAppIds(\"*\")"},
              "timeSeries":{"period":"hourRange","first":")j" + first + R"j(","last":")j" + last + R"j("}}},
   {"filter":"lastTime >= )j" + first + " && hour < " + last + " && lastTime <= " + last + R"j("},
   {"sort":["lastTime","pageId"]},
   {"limit":50000}]}})j");
    EXPECT_OK(r);
    QCOMPARE(r.startTime(), kT0);
    QCOMPARE(m_data.lastRequest().buckets, (std::vector<std::int64_t>{kT0, kT0 + kHour}));
    EXPECT_RESULTS(r, (R"j([
        {"visitorId":"v2","appId":5001,"pageId":"pA","lastTime":)j" + num(kT0 + 15 * kMinute) + R"j(,
            "hour":)j" + num(kT0) + R"j(},
        {"visitorId":"v1","appId":-323232,"pageId":"pB","lastTime":)j" + num(kT0 + 15 * kMinute) + R"j(,
            "hour":)j" + num(kT0) + R"j(},
        {"visitorId":"v1","appId":-323232,"pageId":"pC","lastTime":)j" + num(kT0 + 105 * kMinute) + R"j(,
            "hour":)j" + num(kT0 + kHour) + "}]").c_str());

    // The follow-up page for rows sharing the boundary timestamp: first = last = T.
    const std::string t = num(kT0 + 15 * kMinute);
    const Response page2 = run(m_data, R"j({"response":{"mimeType":"application/json"},"request":{"pipeline":[
        {"source":{"pageEvents":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"hourRange",
        "first":")j" + t + R"j(","last":")j" + t + R"j("}}},
        {"filter":"lastTime == )j" + t + R"j( && pageId >= \"pB\" && hour < )j" + last + R"j("},
        {"sort":["lastTime","pageId"]},{"limit":50000}]}})j");
    EXPECT_OK(page2);
    QCOMPARE(page2.results().size(), std::size_t(1));
    QCOMPARE(page2.results().front().find("pageId")->toString(), std::string("pB"));
}

void TestSimRequest::bodyC_estuaryGuideEvents()
{
    const std::string first = num(kT0);
    const std::string last = num(kT0 + 2 * kHour);
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"pipeline":[
   {"source":{"guideEvents":{"appId":"expandAppIds(\"*\")"},
              "timeSeries":{"period":"hourRange","first":")j" + first + R"j(","last":")j" + last + R"j("}}},
   {"filter":"guideTimestamp >= )j" + first + " && guideTimestamp <= " + last + R"j("},
   {"sort":["guideTimestamp","guideId"]},
   {"limit":1000}]}})j");
    const std::string ts1 = num(kT0 + 10 * kMinute);
    EXPECT_RESULTS(r, (R"j([
        {"visitorId":"v2","appId":5001,"guideId":"gA","type":"guideSeen","guideTimestamp":)j" + ts1 + R"j(},
        {"visitorId":"v1","appId":-323232,"guideId":"gB","type":"guideSeen","guideTimestamp":)j" + ts1 + R"j(},
        {"visitorId":"v1","appId":-323232,"guideId":"gC","type":"guideDismissed",
        "guideTimestamp":)j" + num(kT0 + 50 * kMinute) + "}]").c_str());
}

void TestSimRequest::bodyD_tapVisitors()
{
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"name":"all-visitors","requestId":"all-visitors","pipeline":[
   {"source":{"visitors":{"identified":true}}},
   {"sort":["visitorId"]},
   {"filter":"visitorId>\"last-visitor-id\""},
   {"limit":100000}]}})j");
    EXPECT_OK(r);
    QCOMPARE(r.startTime(), kNow);
    QStringList ids;
    for (const auto &row : r.results())
        ids << QString::fromStdString(row.find("visitorId")->toString());
    const QStringList expected = {QStringLiteral("v1"), QStringLiteral("v2"), QStringLiteral("v3"),
                                  QStringLiteral("v4")};
    QCOMPARE(ids, expected);
    QCOMPARE(m_data.lastRequest().params.find("identified")->toBool(), true);
    // Rows pass through whole.
    QVERIFY(r.results().front() == json(R"j({"visitorId":"v1","accountId":"acme",
        "metadata":{"agent":{"email":"v1@acme.test"}}})j"));
}

void TestSimRequest::bodyE_tapAccounts()
{
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"name":"all-accounts","requestId":"all-accounts","pipeline":[
   {"source":{"accounts":{"appId":"expandAppIds(\"*\")"}}},
   {"sort":["metadata.auto.lastupdated"]},
   {"filter":"metadata.auto.lastupdated>=1600000000000"},
   {"limit":100000}]}})j");
    EXPECT_RESULTS(r, R"j([{"accountId":"initech","metadata":{"auto":{"lastupdated":1650000000000}}},
        {"accountId":"acme","metadata":{"auto":{"lastupdated":1700000000000},"custom":{"tier":"gold"}}}])j");
    QCOMPARE(m_data.lastRequest().appIds.size(), std::size_t(2));
}

void TestSimRequest::bodyF_etlDailyTime()
{
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"name":"Events","requestId":"Events","pipeline":[
   {"source":{"events":{"eventClass":["web","ios"]},"timeSeries":{"period":"dayRange","first":"now()","count":-1}}},
   {"identified":"visitorId"},
   {"select":{"numEvents":"numEvents","numMinutes":"numMinutes","accountId":"accountId","visitorId":"visitorId",
   "day":"day"}},
   {"group":{"group":["visitorId","accountId","day"],"fields":{"totalTime":{"sum":"numMinutes"},
   "totalEvents":{"sum":"numEvents"}}}},
   {"sort":["accountId","totalTime"]}]}})j");
    // Yesterday (the 23-hour 2026-03-08), default app only, anonymous visitors dropped, two rows per v1 summed.
    EXPECT_RESULTS(r, (R"j([{"visitorId":"v2","accountId":"acme",
        "day":)j" + num(kMar08) + R"j(,"totalTime":3,"totalEvents":4},
                            {"visitorId":"v1","accountId":"acme","day":)j" + num(kMar08) + R"j(,"totalTime":6,
                                "totalEvents":12}])j").c_str());
    QCOMPARE(r.startTime(), kMar08);
    QCOMPARE(m_data.lastRequest().buckets, std::vector<std::int64_t>{kMar08});
    QCOMPARE(m_data.lastRequest().params.find("eventClass")->toArray().size(), std::size_t(2));
}

void TestSimRequest::bodyG_etlMonthlyActive()
{
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"name":"VisitorCount","requestId":"VisitorCount","pipeline":[
   {"source":{"events":{"appId":"expandAppIds(`*`)"},
              "timeSeries":{"period":"dayRange","first":"now() - 30 * 1000 * 60 *60 * 24","count":30}}},
   {"identified":"visitorId"},
   {"reduce":{"uniqueVisitors":{"count":"visitorId"}}},
   {"select":{"uniqueVisitors":"uniqueVisitors","date":"now()"}}]}})j");
    // 2026-02-07 … 2026-03-08: v1, v2, v3 (other app) and v4; v5 is older, today's row is outside.
    EXPECT_RESULTS(r, (R"j([{"uniqueVisitors":4,"date":)j" + num(kNow) + "}]").c_str());
    QCOMPARE(r.startTime(), kFeb07);
    QCOMPARE(m_data.lastRequest().buckets.size(), std::size_t(30));
    QCOMPARE(m_data.lastRequest().buckets.back(), kMar08);
}

void TestSimRequest::bodyH_etlNps()
{
    const Response r = run(m_data, R"j({"response":{"mimeType":"application/json"},
 "request":{"name":"NPS","requestId":"NPS","pipeline":[
   {"spawn":[
     [{"source":{"pollsSeenEver":{"guideId":"nps","pollId":"q1"}}},{"identified":"visitorId"},{"cat":null},
      {"select":{"visitorId":"visitorId","accountId":"accountId","quantitativeTime":"time",
      "quantitativeResponse":"response"}}],
     [{"source":{"pollsSeenEver":{"guideId":"nps","pollId":"q2"}}},{"identified":"visitorId"},{"cat":null},
      {"select":{"visitorId":"visitorId","accountId":"accountId","qualitativeTime":"time",
      "qualitativeResponse":"response"}}]]},
   {"join":{"fields":["visitorId"],"width":2}},
   {"eval":{"visitorId":"hash(visitorId)"}},
   {"select":{"visitorId":"visitorId","accountId":"accountId","quantitativeResponse":"quantitativeResponse",
              "qualitativeResponse":"qualitativeResponse","quantitativeTime":"quantitativeTime"}},
   {"sort":["visitorId"]}]}})j");
    // Only v1 answered both polls; its id is replaced by FNV-1a("v1").
    EXPECT_RESULTS(r, R"j([{"visitorId":2487895656,"accountId":"acme","quantitativeResponse":9,
                            "qualitativeResponse":"great","quantitativeTime":100}])j");
    QCOMPARE(r.startTime(), kNow);
}

QTEST_GUILESS_MAIN(TestSimRequest)
#include "tst_simrequest.moc"
