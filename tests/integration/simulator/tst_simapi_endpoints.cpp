// pendo-sim over loopback: keys, regions and every GET endpoint.
#include "SimTestSupport.h"

#include <QTest>

#include <set>

using namespace simtest;
using pendosim::Value;

class TestSimEndpoints final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void tokenVerify_data();
    void tokenVerify();
    void wrongRegionIsForbidden();
    void unknownPathIsNotFound();
    void wrongMethod();

    void catalogLists_data();
    void catalogLists();
    void catalogById();
    void catalogObjectFields();
    void guideStateFilter();

    void metadataSchema_data();
    void metadataSchema();
    void visitorAndAccount();
    void base64Ids();
    void specialVisitors();

    void reportsList();
    void reportResults_data();
    void reportResults();
    void adminStats();

private:
    std::unique_ptr<SimFixture> m_sim;
};

void TestSimEndpoints::initTestCase()
{
    pendosim::ServerConfig server;
    server.regions = {QStringLiteral("us"), QStringLiteral("eu")};
    server.subscriptionRegion = QStringLiteral("us");
    m_sim = std::make_unique<SimFixture>(smallConfig(), server);
    QVERIFY(m_sim->ok());
    QCOMPARE(m_sim->server().listeners().size(), std::size_t(2));
    const QByteArrayList lines = m_sim->server().listeningLines();
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).startsWith("{\"listening\":\"http://127.0.0.1:"));
    QVERIFY(lines.at(1).endsWith("\"region\":\"eu\"}"));
}

void TestSimEndpoints::cleanupTestCase()
{
    m_sim.reset();
}

void TestSimEndpoints::tokenVerify_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("full key") << kKey << 200 << QByteArray(R"({"valid":true,"writeAccess":true})");
    QTest::newRow("read-only key") << kReadOnlyKey << 200 << QByteArray(R"({"valid":true,"writeAccess":false})");
    QTest::newRow("wrong key") << QByteArray("nope") << 403 << QByteArray();
    QTest::newRow("no key") << QByteArray() << 403 << QByteArray();
}

void TestSimEndpoints::tokenVerify()
{
    QFETCH(QByteArray, key);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const Reply r = m_sim->get(QStringLiteral("/api/v1/token/verify"), key);
    QCOMPARE(r.status, status);
    QCOMPARE(r.body, body);
    if (status == 200)
        QCOMPARE(r.contentType, QByteArray("application/json"));
}

void TestSimEndpoints::wrongRegionIsForbidden()
{
    // The eu listener knows nothing of a us subscription: 403 with an empty body, like a bad key.
    for (const QString &path : {QStringLiteral("/api/v1/token/verify"), QStringLiteral("/api/v1/page")}) {
        const Reply r = m_sim->get(path, kKey, 1);
        QCOMPARE(r.status, 403);
        QVERIFY(r.body.isEmpty());
    }
    const Reply header = m_sim->wait(m_sim->nam().get([&] {
        QNetworkRequest req(m_sim->url(QStringLiteral("/api/v1/token/verify")));
        req.setRawHeader("X-PENDO-INTEGRATION-KEY", kKey); // header names are case-insensitive
        return req;
    }()));
    QCOMPARE(header.status, 200);
}

void TestSimEndpoints::unknownPathIsNotFound()
{
    QCOMPARE(m_sim->get(QStringLiteral("/api/v1/nothing")).status, 404);
    QCOMPARE(m_sim->get(QStringLiteral("/api/v2/page")).status, 404);
    QCOMPARE(m_sim->get(QStringLiteral("/api/v1/page/doesNotExist")).status, 404);
    QCOMPARE(m_sim->get(QStringLiteral("/api/v1/visitor/nobody")).status, 404);
    QCOMPARE(m_sim->get(QStringLiteral("/api/v1/report/none/results.json")).status, 404);
}

void TestSimEndpoints::wrongMethod()
{
    QCOMPARE(m_sim->get(QStringLiteral("/api/v1/aggregation")).status, 405);
    QCOMPARE(m_sim->post(QStringLiteral("/api/v1/page"), "{}").status, 405);
}

void TestSimEndpoints::catalogLists_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("page") << QStringLiteral("page");
    QTest::newRow("feature") << QStringLiteral("feature");
    QTest::newRow("guide") << QStringLiteral("guide");
}

void TestSimEndpoints::catalogLists()
{
    QFETCH(QString, kind);
    const Reply plain = m_sim->get(QStringLiteral("/api/v1/") + kind);
    QCOMPARE(plain.status, 200);
    const auto list = plain.json();
    QVERIFY(list && list->isArray());
    QVERIFY(!list->toArray().empty());
    for (const Value &item : list->toArray())
        QCOMPARE(item.find("appId")->toInt(), std::int64_t(-323232)); // only the default app without expand

    const Reply expanded = m_sim->get(QStringLiteral("/api/v1/") + kind + QStringLiteral("?expand=*"));
    const auto all = expanded.json();
    QVERIFY(all && all->isArray());
    QVERIFY(all->toArray().size() > list->toArray().size());
    std::set<std::int64_t> apps;
    for (const Value &item : all->toArray())
        apps.insert(item.find("appId")->toInt());
    QCOMPARE(apps.size(), std::size_t(2));

    // ?id= returns an array of zero or one
    const std::string firstId = list->toArray().front().find("id")->toString();
    const auto one = m_sim->get(QStringLiteral("/api/v1/") + kind + QStringLiteral("?id=") +
                                QString::fromStdString(firstId))
                         .json();
    QVERIFY(one && one->isArray());
    QCOMPARE(one->toArray().size(), std::size_t(1));
    const auto none = m_sim->get(QStringLiteral("/api/v1/") + kind + QStringLiteral("?id=missing")).json();
    QCOMPARE(none->toArray().size(), std::size_t(0));
}

void TestSimEndpoints::catalogById()
{
    const auto features = m_sim->get(QStringLiteral("/api/v1/feature")).json();
    const Value &first = features->toArray().front();
    const Reply r =
        m_sim->get(QStringLiteral("/api/v1/feature/") + QString::fromStdString(first.find("id")->toString()));
    QCOMPARE(r.status, 200);
    QCOMPARE(*r.json(), first);
}

void TestSimEndpoints::catalogObjectFields()
{
    const auto pages = m_sim->get(QStringLiteral("/api/v1/page")).json();
    for (const char *key : {"id", "appId", "name", "kind", "group", "rules", "isCoreEvent", "createdAt",
                            "createdByUser", "lastUpdatedAt", "lastUpdatedByUser", "rootVersionId", "stableVersionId",
                            "dirty", "validThrough"})
        QVERIFY2(pages->toArray().front().find(key), key);
    const auto features = m_sim->get(QStringLiteral("/api/v1/feature")).json();
    int core = 0;
    for (const Value &f : features->toArray()) {
        for (const char *key : {"id", "appId", "pageId", "appWide", "elementPathRules", "isCoreEvent",
                                "eventPropertyConfigurations", "createdAt", "lastUpdatedAt"})
            QVERIFY2(f.find(key), key);
        core += f.find("isCoreEvent")->toBool() ? 1 : 0;
        QVERIFY(f.find("lastUpdatedAt")->toInt() <= kNow);
    }
    QVERIFY(core >= 3);
    const auto guides = m_sim->get(QStringLiteral("/api/v1/guide")).json();
    bool sawPoll = false;
    for (const Value &g : guides->toArray()) {
        for (const char *key : {"id", "appId", "appIds", "name", "state", "launchMethod", "isMultiStep", "steps",
                                "polls", "attributes", "publishedAt", "createdAt", "lastUpdatedAt"})
            QVERIFY2(g.find(key), key);
        QVERIFY(!g.find("steps")->toArray().empty());
        for (const Value &step : g.find("steps")->toArray())
            QCOMPARE(step.find("guideId")->toString(), g.find("id")->toString());
        if (!g.find("polls")->toArray().empty()) {
            sawPoll = true;
            QCOMPARE(g.find("polls")->toArray().front().path("attributes.type")->toString(), std::string("NPSRating"));
        }
    }
    QVERIFY(sawPoll);
}

void TestSimEndpoints::guideStateFilter()
{
    const auto all = m_sim->get(QStringLiteral("/api/v1/guide")).json();
    const auto published = m_sim->get(QStringLiteral("/api/v1/guide?state=public")).json();
    QVERIFY(published->toArray().size() < all->toArray().size());
    for (const Value &g : published->toArray())
        QCOMPARE(g.find("state")->toString(), std::string("public"));
}

void TestSimEndpoints::metadataSchema_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QStringList>("groups");
    QTest::newRow("visitor") << QStringLiteral("visitor")
                             << QStringList{QStringLiteral("agent"), QStringLiteral("auto"),
                                            QStringLiteral("auto__323232"), QStringLiteral("pendo")};
    QTest::newRow("account") << QStringLiteral("account")
                             << QStringList{QStringLiteral("agent"), QStringLiteral("auto"), QStringLiteral("custom")};
    QTest::newRow("alias") << QStringLiteral("AccountMetadata")
                           << QStringList{QStringLiteral("agent"), QStringLiteral("auto"), QStringLiteral("custom")};
}

void TestSimEndpoints::metadataSchema()
{
    QFETCH(QString, kind);
    QFETCH(QStringList, groups);
    const auto schema = m_sim->get(QStringLiteral("/api/v1/metadata/schema/") + kind).json();
    QVERIFY(schema && schema->isObject());
    for (const QString &group : groups)
        QVERIFY2(schema->find(group.toStdString()), qPrintable(group));
    const std::set<std::string> allowed = {"string", "time", "boolean", "integer", "float", ""};
    for (const auto &[group, fields] : schema->toObject()) {
        for (const auto &[field, descriptor] : fields.toObject()) {
            QVERIFY(allowed.count(descriptor.find("Type")->toString()));
            QVERIFY(descriptor.find("DisplayName"));
            QVERIFY(descriptor.find("isPerApp"));
        }
    }
    QCOMPARE(schema->path("auto.lastvisit.Type")->toString(), std::string("time"));
}

void TestSimEndpoints::visitorAndAccount()
{
    const auto &d = m_sim->data();
    const std::string visitorId = d.visitors().front().id;
    const auto visitor = m_sim->get(QStringLiteral("/api/v1/visitor/") + QString::fromStdString(visitorId)).json();
    QVERIFY(visitor);
    QCOMPARE(visitor->find("id")->toString(), visitorId);
    QCOMPARE(visitor->path("metadata.auto.id")->toString(), visitorId);
    QVERIFY(visitor->path("metadata.agent.email")->toString().find('@') != std::string::npos);
    QVERIFY(visitor->path("metadata.agent.name"));
    QVERIFY(visitor->path("metadata.agent.role"));
    QVERIFY(visitor->path("metadata.auto.lastvisit")->toInt() <= kNow);
    QVERIFY(visitor->path("metadata.auto.firstvisit")->toInt() <= visitor->path("metadata.auto.lastvisit")->toInt());

    const std::string accountId = d.accounts().front().id;
    const auto account = m_sim->get(QStringLiteral("/api/v1/account/") + QString::fromStdString(accountId)).json();
    QVERIFY(account);
    QCOMPARE(account->path("metadata.auto.id")->toString(), accountId);
    QVERIFY(account->path("metadata.agent.plan"));
    QVERIFY(account->path("metadata.agent.seats")->isInt());
    QVERIFY(account->path("metadata.custom.crmid"));
}

void TestSimEndpoints::base64Ids()
{
    const std::string visitorId = m_sim->data().visitors().back().id; // an anonymous _PENDO_T_ id
    QNetworkRequest req = m_sim->request(QStringLiteral("/api/v1/visitor/") +
                                         QString::fromLatin1(QByteArray::fromStdString(visitorId).toBase64()));
    req.setRawHeader("x-pendo-base64-encoded-params", "true");
    const Reply r = SimFixture::wait(m_sim->nam().get(req));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json()->find("id")->toString(), visitorId);
}

void TestSimEndpoints::specialVisitors()
{
    const auto &d = m_sim->data();
    int anonymous = 0, dnp = 0, twoAccounts = 0, loners = 0;
    for (const auto &v : d.visitors()) {
        const auto object = m_sim->get(QStringLiteral("/api/v1/visitor/") +
                                       QString::fromLatin1(QByteArray::fromStdString(v.id).toPercentEncoding()))
                                .json();
        QVERIFY(object);
        if (v.anonymous) {
            ++anonymous;
            QVERIFY(v.id.rfind("_PENDO_T_", 0) == 0);
            QVERIFY(!object->path("metadata.agent"));
        }
        if (v.doNotProcess) {
            ++dnp;
            QCOMPARE(object->path("metadata.pendo.donotprocess")->toBool(), true);
        }
        if (v.secondAccount >= 0) {
            ++twoAccounts;
            QCOMPARE(object->path("metadata.auto.accountids")->toArray().size(), std::size_t(2));
        }
        if (!v.anonymous && v.account < 0) {
            ++loners;
            QVERIFY(!object->path("metadata.auto.accountid"));
        }
    }
    QVERIFY(anonymous > 0);
    QVERIFY(dnp > 0);
    QVERIFY(twoAccounts > 0);
    QVERIFY(loners > 0);
}

void TestSimEndpoints::reportsList()
{
    const auto reports = m_sim->get(QStringLiteral("/api/v1/report")).json();
    QVERIFY(reports && reports->isArray());
    std::set<std::string> levels;
    for (const Value &r : reports->toArray()) {
        for (const char *key : {"id", "name", "kind", "level", "definition", "aggregation", "createdAt",
                                "lastUpdatedAt", "lastRunAt"})
            QVERIFY2(r.find(key), key);
        QVERIFY(r.path("aggregation.pipeline")->isArray());
        levels.insert(r.find("level")->toString());
    }
    QVERIFY(levels.count("visitor"));
    QVERIFY(levels.count("account"));
}

void TestSimEndpoints::reportResults_data()
{
    QTest::addColumn<QString>("level");
    QTest::newRow("visitor") << QStringLiteral("visitor");
    QTest::newRow("account") << QStringLiteral("account");
}

void TestSimEndpoints::reportResults()
{
    QFETCH(QString, level);
    const auto reports = m_sim->get(QStringLiteral("/api/v1/report")).json();
    const Value *report = nullptr;
    for (const Value &r : reports->toArray()) {
        if (r.find("level")->toString() == level.toStdString()) {
            report = &r;
            break;
        }
    }
    QVERIFY(report);
    const Reply r =
        m_sim->get(QStringLiteral("/api/v1/report/") + QString::fromStdString(report->find("id")->toString())
                   + QStringLiteral("/results.json"));
    QCOMPARE(r.status, 200);
    const auto rows = r.json();
    QVERIFY(rows && rows->isArray());
    QVERIFY(!rows->toArray().empty());
    const std::string idKey = level == QLatin1StringView("visitor") ? "visitor_id" : "account_id";
    for (const Value &row : rows->toArray()) {
        QVERIFY(row.find(idKey));
        for (const auto &[key, value] : row.toObject())
            QVERIFY2(!value.isObject() && !value.isArray(), key.c_str()); // flat rows
    }

    // The results come from the same data as the aggregation endpoint: recompute the totals.
    const QByteArray body = level == QLatin1StringView("visitor")
                                ? R"json({"response":{"mimeType":"application/json"},"request":{"pipeline":[
            {"source":{"events":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"dayRange","first":"now()","count":-30}}},
            {"identified":"visitorId"},
            {"group":{"group":["visitorId"],"fields":{"n":{"sum":"numEvents"}}}},{"sort":["visitorId"]}]}})json"
                                : R"json({"response":{"mimeType":"application/json"},"request":{"pipeline":[
            {"source":{"events":{"appId":"expandAppIds(\"*\")"},"timeSeries":{"period":"dayRange","first":"now()","count":-30}}},
            {"identified":"accountId"},
            {"group":{"group":["accountId"],"fields":{"n":{"sum":"numEvents"}}}},{"sort":["accountId"]}]}})json";
    const pendosim::Array totals = results(m_sim->aggregate(body));
    QCOMPARE(totals.size(), rows->toArray().size());
    const std::string groupKey = level == QLatin1StringView("visitor") ? "visitorId" : "accountId";
    for (std::size_t i = 0; i < totals.size(); ++i) {
        QCOMPARE(rows->toArray()[i].find(idKey)->toString(), totals[i].find(groupKey)->toString());
        QCOMPARE(rows->toArray()[i].find("num_events")->toInt(), totals[i].find("n")->toInt());
    }
}

void TestSimEndpoints::adminStats()
{
    QNetworkRequest req(m_sim->url(QStringLiteral("/_sim/stats")));
    const Reply r = SimFixture::wait(m_sim->nam().get(req));
    QCOMPARE(r.status, 200);
    QVERIFY(r.json()->find("requests")->toInt() > 10);
}

QTEST_GUILESS_MAIN(TestSimEndpoints)
#include "tst_simapi_endpoints.moc"
