// pendo-sim's injected faults: each mode, the admin endpoint, path scoping and seed determinism.
#include "Options.h"
#include "SimTestSupport.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

using namespace simtest;

namespace {

const QString kPages = QStringLiteral("/api/v1/page?expand=*");
// Large enough (several 64 KiB chunks) to be streamed with chunked transfer encoding.
const QByteArray kBigAggregation = "{\"response\":{\"mimeType\":\"application/json\"},\"request\":{\"pipeline\":["
                                   "{\"source\":{\"featureEvents\":{\"appId\":\"expandAppIds(`*`)\"},"
                                   "\"timeSeries\":{\"period\":\"dayRange\",\"first\":\"now()\",\"count\":-60}}}]}}";

} // namespace

class TestSimFaults final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void statusFaults_data();
    void statusFaults();
    void faultsAreOneShot();
    void slowResponse();
    void hangKeepsConnectionOpen();
    void truncatedBody_data();
    void truncatedBody();
    void truncatedStreamStopsInsideAChunk();
    void malformedJson_data();
    void malformedJson();
    void pathPrefix();
    void tooManyComesInBursts();
    void sameSeedSameFaults();
    void adminEndpoint();
    void faultFlags();

private:
    std::unique_ptr<SimFixture> m_sim;
};

void TestSimFaults::init()
{
    m_sim = std::make_unique<SimFixture>(smallConfig());
    QVERIFY(m_sim->ok());
}

void TestSimFaults::cleanup()
{
    m_sim.reset();
}

void TestSimFaults::statusFaults_data()
{
    QTest::addColumn<QByteArray>("fault");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("bodyStart");
    QTest::newRow("429") << QByteArray("429") << 429 << QByteArray("text/plain") << QByteArray("Too Many");
    QTest::newRow("500") << QByteArray("500") << 500 << QByteArray("text/plain") << QByteArray("Internal");
    QTest::newRow("502") << QByteArray("502") << 502 << QByteArray("text/html") << QByteArray("<html>");
    QTest::newRow("503") << QByteArray("503") << 503 << QByteArray("text/html") << QByteArray("<!DOCTYPE html>");
}

void TestSimFaults::statusFaults()
{
    QFETCH(QByteArray, fault);
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, bodyStart);
    QCOMPARE(m_sim->script("{\"script\":[\"" + fault + "\"]}").status, 200);
    const Reply r = m_sim->get(kPages);
    QCOMPARE(r.status, status);
    QVERIFY(r.contentType.startsWith(contentType));
    QVERIFY(r.body.startsWith(bodyStart));
}

void TestSimFaults::faultsAreOneShot()
{
    m_sim->script(R"({"script":["500","503"]})");
    QCOMPARE(m_sim->get(kPages).status, 500);
    QCOMPARE(m_sim->get(kPages).status, 503);
    QCOMPARE(m_sim->get(kPages).status, 200);
}

void TestSimFaults::slowResponse()
{
    m_sim->script(R"({"script":["slow"],"slowMs":400})");
    QElapsedTimer timer;
    timer.start();
    const Reply r = m_sim->get(kPages);
    QCOMPARE(r.status, 200);
    QVERIFY(timer.elapsed() >= 380);
    QVERIFY(r.json());
}

void TestSimFaults::hangKeepsConnectionOpen()
{
    m_sim->script(R"({"script":["hang"]})");
    QNetworkRequest hung = m_sim->request(kPages);
    hung.setTransferTimeout(1500);
    QNetworkReply *reply = m_sim->nam().get(hung);
    QSignalSpy finished(reply, &QNetworkReply::finished);

    // While that one hangs, the server keeps answering others.
    const Reply other = m_sim->get(QStringLiteral("/api/v1/token/verify"));
    QCOMPARE(other.status, 200);
    QVERIFY(finished.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10'000);
    QCOMPARE(reply->error(), QNetworkReply::OperationCanceledError); // the client's time-out gave up
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    reply->deleteLater();
}

void TestSimFaults::truncatedBody_data()
{
    QTest::addColumn<bool>("large");
    QTest::newRow("fixed length") << false;
    QTest::newRow("chunked") << true;
}

void TestSimFaults::truncatedBody()
{
    QFETCH(bool, large);
    m_sim->script(R"({"script":["truncate"]})");
    const Reply r = large ? m_sim->aggregate(kBigAggregation) : m_sim->get(kPages);
    QVERIFY2(r.error != QNetworkReply::NoError, "a cut-off body must surface as a transfer error");
    QVERIFY(!r.json());
    // The next request is healthy again.
    QCOMPARE(m_sim->get(kPages).status, 200);
}

void TestSimFaults::truncatedStreamStopsInsideAChunk()
{
    // On the wire: a chunked reply cut off inside a chunk's data (never on a frame boundary,
    // where a client can miss the hang-up), then the server closes the connection by itself.
    m_sim->script(R"({"script":["truncate"]})");
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_sim->server().listeners().front().port);
    QVERIFY(socket.waitForConnected(10'000));
    socket.write("POST /api/v1/aggregation HTTP/1.1\r\nHost: 127.0.0.1\r\nx-pendo-integration-key: " + kKey
                 + "\r\nContent-Type: application/json\r\nContent-Length: "
                 + QByteArray::number(kBigAggregation.size()) + "\r\n\r\n" + kBigAggregation);
    QByteArray received;
    QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 30'000);
    received += socket.readAll();

    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY(headEnd > 0);
    const QByteArray head = received.left(headEnd).toLower();
    QVERIFY(head.startsWith("http/1.1 200"));
    QVERIFY(head.contains("transfer-encoding: chunked"));
    const QByteArray body = received.mid(headEnd + 4);
    const qsizetype sizeEnd = body.indexOf("\r\n");
    QVERIFY(sizeEnd > 0);
    bool ok = false;
    const qlonglong promised = body.left(sizeEnd).toLongLong(&ok, 16);
    QVERIFY(ok);
    const qsizetype delivered = body.size() - sizeEnd - 2;
    QVERIFY2(delivered > 0 && delivered < promised, "the stream must stop inside the first chunk's data");
}

void TestSimFaults::malformedJson_data()
{
    truncatedBody_data();
}

void TestSimFaults::malformedJson()
{
    QFETCH(bool, large);
    m_sim->script(R"({"script":["malformed"]})");
    const Reply r = large ? m_sim->aggregate(kBigAggregation) : m_sim->get(kPages);
    QCOMPARE(r.error, QNetworkReply::NoError); // a complete HTTP exchange…
    QCOMPARE(r.status, 200);
    QVERIFY(!r.body.isEmpty());
    QVERIFY(!r.json()); // …carrying JSON that does not parse
}

void TestSimFaults::pathPrefix()
{
    m_sim->script(R"({"rate500":1,"pathPrefix":"/api/v1/aggregation"})");
    QCOMPARE(m_sim->get(kPages).status, 200);
    QCOMPARE(m_sim->aggregate(kBigAggregation).status, 500);
}

void TestSimFaults::tooManyComesInBursts()
{
    m_sim->script(R"({"rate429":0.2,"burst429":3})");
    QList<int> statuses;
    for (int i = 0; i < 60; ++i)
        statuses << m_sim->get(QStringLiteral("/api/v1/token/verify")).status;
    QVERIFY(statuses.contains(429));
    QVERIFY(statuses.contains(200));
    int run = 0;
    for (int i = 0; i < statuses.size(); ++i) {
        if (statuses.at(i) == 429) {
            ++run;
        } else {
            QVERIFY2(run == 0 || run >= 3, "a 429 burst lasts burst429 requests");
            run = 0;
        }
    }
}

void TestSimFaults::sameSeedSameFaults()
{
    SimFixture twin(smallConfig());
    QVERIFY(twin.ok());
    const QByteArray rates = R"({"rate429":0.1,"rate500":0.1,"rate502":0.05,"rate503":0.1,"seed":42})";
    m_sim->script(rates);
    twin.script(rates);
    QList<int> a, b;
    for (int i = 0; i < 40; ++i) {
        a << m_sim->get(QStringLiteral("/api/v1/token/verify")).status;
        b << twin.get(QStringLiteral("/api/v1/token/verify")).status;
    }
    QCOMPARE(a, b);
    QVERIFY(a.count(200) < 40);
}

void TestSimFaults::adminEndpoint()
{
    const Reply set = m_sim->script(R"({"rate503":0.5,"script":["hang","429"]})");
    QCOMPARE(set.status, 200);
    const auto state = set.json();
    QCOMPARE(state->find("rate503")->toDouble(), 0.5);
    QCOMPARE(state->find("script")->toArray().size(), std::size_t(2));

    QCOMPARE(m_sim->script(R"({"script":["teapot"]})").status, 400);
    QCOMPARE(m_sim->script("not json").status, 400);

    QNetworkRequest reset(m_sim->url(QStringLiteral("/_sim/faults")));
    const Reply cleared = SimFixture::wait(m_sim->nam().deleteResource(reset));
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json()->find("rate503")->toDouble(), 0.0);
    QCOMPARE(cleared.json()->find("script")->toArray().size(), std::size_t(0));
    QCOMPARE(m_sim->get(kPages).status, 200);
}

void TestSimFaults::faultFlags()
{
    QString message;
    bool help = false;
    const auto options = pendosim::parseSimOptions(
        {QStringLiteral("pendo-sim"), QStringLiteral("--fault-429"), QStringLiteral("0.25"),
         QStringLiteral("--fault-429-burst"), QStringLiteral("5"), QStringLiteral("--fault-503"), QStringLiteral("0.1"),
         QStringLiteral("--fault-hang"), QStringLiteral("0.01"), QStringLiteral("--slow-ms"), QStringLiteral("50"),
         QStringLiteral("--fault-paths"), QStringLiteral("/api/v1/aggregation"), QStringLiteral("--seed"),
         QStringLiteral("9")},
        kNow, &message, &help);
    QVERIFY2(options, qPrintable(message));
    QCOMPARE(options->faults.tooMany, 0.25);
    QCOMPARE(options->faults.tooManyBurst, 5);
    QCOMPARE(options->faults.unavailable, 0.1);
    QCOMPARE(options->faults.hang, 0.01);
    QCOMPARE(options->faults.slowMs, 50);
    QCOMPARE(options->faults.pathPrefix, std::string("/api/v1/aggregation"));
    QCOMPARE(options->faults.seed, std::uint64_t(9));

    QVERIFY(!pendosim::parseSimOptions(
        {QStringLiteral("pendo-sim"), QStringLiteral("--fault-500"), QStringLiteral("2")}, kNow, &message, &help));

    // Flags set the initial plan; the admin endpoint changes it at run time.
    pendosim::FaultConfig faults;
    faults.serverError = 1.0;
    SimFixture faulty(smallConfig(), {}, faults);
    QCOMPARE(faulty.get(kPages).status, 500);
    faulty.script(R"({"rate500":0})");
    QCOMPARE(faulty.get(kPages).status, 200);
}

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simapi_faults.moc"
