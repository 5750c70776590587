#include "FakeClock.h"
#include "SimProcess.h"

#include "pendo/AggregationDecoder.h"
#include "pendo/KeysetPager.h"
#include "pendo/PendoClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace std::chrono_literals;

namespace {

const QByteArray key = QByteArrayLiteral("client-test-key-4f1d");
const QByteArray readOnlyKey = QByteArrayLiteral("client-test-readonly-9a2c");

} // namespace

/** PendoClient against pendo-sim over loopback: every error class, each fault, retries, paging. */
class TestPendoClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimProcess> m_sim;
    QNetworkAccessManager m_admin;

    std::unique_ptr<PendoClient> client(Clock &clock, const QString &region = QStringLiteral("us"),
                                        QByteArray withKey = key, int attempts = 4,
                                        std::chrono::milliseconds timeout = 5000ms)
    {
        ClientConfig config;
        config.baseUrl = m_sim->url(region);
        config.integrationKey = std::move(withKey);
        config.timeout = timeout;
        config.retry.maxAttempts = attempts;
        config.retry.baseDelay = 1000ms;
        config.retry.maxDelay = 8000ms;
        config.retry.jitter = 0.5;
        return std::make_unique<PendoClient>(config, clock);
    }

    /** A one-attempt client for an address other than the simulator's. */
    static std::unique_ptr<PendoClient> clientFor(const QUrl &baseUrl, Clock &clock)
    {
        ClientConfig config;
        config.baseUrl = baseUrl;
        config.integrationKey = key;
        config.retry.maxAttempts = 1;
        return std::make_unique<PendoClient>(config, clock);
    }

    static bool wait(PendoCall *call)
    {
        if (call->isFinished())
            return true;
        QSignalSpy spy(call, &PendoCall::finished);
        return spy.wait(30000);
    }

    /** Queues exact faults for the next requests through the simulator's admin endpoint. */
    bool script(const QStringList &faults, QJsonObject body = {})
    {
        QUrl url = m_sim->url(QStringLiteral("us"));
        url.setPath(QStringLiteral("/_sim/faults"));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body.insert(QStringLiteral("reset"), true);
        body.insert(QStringLiteral("script"), QJsonArray::fromStringList(faults));
        QNetworkReply *reply = m_admin.post(request, QJsonDocument(body).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        const bool ok = done.wait(10000) && reply->error() == QNetworkReply::NoError;
        reply->deleteLater();
        return ok;
    }

    static QJsonObject pipeline(const QJsonArray &stages)
    {
        return QJsonObject{{QStringLiteral("pipeline"), stages}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimProcess>(QStringList{
            QStringLiteral("--regions"), QStringLiteral("us,eu"), QStringLiteral("--subscription-region"),
            QStringLiteral("us"), QStringLiteral("--key"), QString::fromLatin1(key), QStringLiteral("--read-only-key"),
            QString::fromLatin1(readOnlyKey), QStringLiteral("--accounts"), QStringLiteral("30"),
            QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--now"),
            QStringLiteral("2026-11-18T15:00:00Z"), QStringLiteral("--slow-ms"), QStringLiteral("300")});
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
    }

    void init() { QVERIFY(script({})); }

    void verifiesKeysAndWriteAccess()
    {
        FakeClock clock;
        auto rw = client(clock);
        PendoCall *call = rw->get(QStringLiteral("token/verify"));
        QVERIFY(wait(call));
        QVERIFY2(!call->error().isError(), qPrintable(call->error().message()));
        QCOMPARE(QJsonDocument::fromJson(call->body()).object().value(QStringLiteral("writeAccess")).toBool(), true);
        auto ro = client(clock, QStringLiteral("us"), readOnlyKey);
        call = ro->get(QStringLiteral("token/verify"));
        QVERIFY(wait(call));
        QCOMPARE(QJsonDocument::fromJson(call->body()).object().value(QStringLiteral("writeAccess")).toBool(), false);
    }

    void wrongKeyAndWrongRegionFailAtOnce_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QByteArray>("withKey");
        QTest::newRow("wrong key") << QStringLiteral("us") << QByteArrayLiteral("not-a-key");
        QTest::newRow("wrong region") << QStringLiteral("eu") << key;
    }

    void wrongKeyAndWrongRegionFailAtOnce()
    {
        QFETCH(QString, region);
        QFETCH(QByteArray, withKey);
        FakeClock clock;
        auto c = client(clock, region, withKey);
        PendoCall *call = c->get(QStringLiteral("page"));
        QVERIFY(wait(call));
        QCOMPARE(call->error().kind(), PendoError::Kind::InvalidKeyOrRegion);
        QCOMPARE(call->httpStatus(), 403);
        QCOMPARE(call->attempts(), 1);
        QVERIFY(clock.delays.isEmpty());
        QVERIFY(call->error().hint().contains(QStringLiteral("Detect automatically")));
    }

    void requestErrorsAreNotRetried_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        const QJsonObject accounts{{QStringLiteral("source"), QJsonObject{{QStringLiteral("accounts"), QJsonValue::Null}}}};
        QTest::newRow("unknown stage") << pipeline({accounts, QJsonObject{{QStringLiteral("skip"), 10}}})
                                       << int(PendoError::Kind::UnknownStage)
                                       << QStringLiteral("unknown step type 'skip'");
        QTest::newRow("bad filter") << pipeline({accounts, QJsonObject{{QStringLiteral("filter"), QStringLiteral("accountId == )")}}})
                                    << int(PendoError::Kind::BadRequest) << QStringLiteral("accountId == )");
        QTest::newRow("no pipeline") << QJsonObject{{QStringLiteral("name"), QStringLiteral("x")}}
                                     << int(PendoError::Kind::Unprocessable) << QStringLiteral("Required");
    }

    void requestErrorsAreNotRetried()
    {
        QFETCH(QJsonObject, request);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        FakeClock clock;
        auto c = client(clock);
        PendoCall *call = c->aggregate(request);
        QVERIFY(wait(call));
        QCOMPARE(int(call->error().kind()), kind);
        QVERIFY2(call->error().detail().contains(detail), qPrintable(call->error().detail()));
        QVERIFY2(call->error().message().contains(detail) || kind == int(PendoError::Kind::Unprocessable),
                 qPrintable(call->error().message()));
        QCOMPARE(call->attempts(), 1);
    }

    void transientFaultsAreRetriedWithBackoff_data()
    {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<int>("attempts");
        QTest::newRow("429 burst") << QStringList{QStringLiteral("429"), QStringLiteral("429")} << 3;
        QTest::newRow("500") << QStringList{QStringLiteral("500")} << 2;
        QTest::newRow("502 html") << QStringList{QStringLiteral("502")} << 2;
        QTest::newRow("503 html") << QStringList{QStringLiteral("503")} << 2;
        QTest::newRow("truncated") << QStringList{QStringLiteral("truncate")} << 2;
        QTest::newRow("malformed") << QStringList{QStringLiteral("malformed")} << 2;
        QTest::newRow("mixed") << QStringList{QStringLiteral("503"), QStringLiteral("429"), QStringLiteral("truncate")} << 4;
    }

    void transientFaultsAreRetriedWithBackoff()
    {
        QFETCH(QStringList, faults);
        QFETCH(int, attempts);
        QVERIFY(script(faults));
        FakeClock clock;
        auto c = client(clock, QStringLiteral("us"), key, 5);
        PendoCall *call = c->get(QStringLiteral("feature"), QUrlQuery(QStringLiteral("expand=*")));
        QVERIFY(wait(call));
        QVERIFY2(!call->error().isError(), qPrintable(call->error().message()));
        QCOMPARE(call->attempts(), attempts);
        QVERIFY(!QJsonDocument::fromJson(call->body()).array().isEmpty());
        // Jitter fixed at 0.5: attempt n waits 0.75 · 1 s · 2^(n-1).
        QCOMPARE(clock.delays.size(), attempts - 1);
        for (int i = 0; i < clock.delays.size(); ++i)
            QCOMPARE(clock.delays.at(i).count(), qint64(750) << i);
    }

    void persistentFaultsGiveUpWithTheirClass_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("kind");
        QTest::newRow("429") << QStringLiteral("429") << int(PendoError::Kind::RateLimited);
        QTest::newRow("500") << QStringLiteral("500") << int(PendoError::Kind::ServerError);
        QTest::newRow("503") << QStringLiteral("503") << int(PendoError::Kind::HtmlErrorPage);
        QTest::newRow("truncate") << QStringLiteral("truncate") << int(PendoError::Kind::TruncatedBody);
        QTest::newRow("malformed") << QStringLiteral("malformed") << int(PendoError::Kind::MalformedJson);
    }

    void persistentFaultsGiveUpWithTheirClass()
    {
        QFETCH(QString, fault);
        QFETCH(int, kind);
        QVERIFY(script({fault, fault, fault}));
        FakeClock clock;
        auto c = client(clock, QStringLiteral("us"), key, 3);
        PendoCall *call = c->get(QStringLiteral("page"));
        QVERIFY(wait(call));
        QCOMPARE(int(call->error().kind()), kind);
        QCOMPARE(call->attempts(), 3);
        QCOMPARE(clock.delays.size(), 2);
        QVERIFY(!call->error().message().isEmpty());
        QVERIFY(!call->error().hint().isEmpty());
    }

    void hangBecomesATimeout()
    {
        QVERIFY(script({QStringLiteral("hang")}));
        FakeClock clock;
        auto c = client(clock, QStringLiteral("us"), key, 1, 400ms);
        PendoCall *call = c->get(QStringLiteral("page"));
        QVERIFY(wait(call));
        QCOMPARE(call->error().kind(), PendoError::Kind::Timeout);
        QVERIFY(call->error().isTransient());
    }

    void hangThenRetrySucceeds()
    {
        QVERIFY(script({QStringLiteral("hang")}));
        FakeClock clock;
        auto c = client(clock, QStringLiteral("us"), key, 2, 400ms);
        PendoCall *call = c->get(QStringLiteral("guide"));
        QVERIFY(wait(call));
        QVERIFY2(!call->error().isError(), qPrintable(call->error().message()));
        QCOMPARE(call->attempts(), 2);
    }

    void slowAnswerWithinTheTimeoutSucceeds()
    {
        QVERIFY(script({QStringLiteral("slow")}, QJsonObject{{QStringLiteral("slowMs"), 300}}));
        FakeClock clock;
        auto c = client(clock, QStringLiteral("us"), key, 1, 3000ms);
        PendoCall *call = c->get(QStringLiteral("report"));
        QVERIFY(wait(call));
        QVERIFY2(!call->error().isError(), qPrintable(call->error().message()));
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        FakeClock clock;
        ClientConfig config;
        config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.integrationKey = key;
        config.retry.maxAttempts = 3; // a refused connection is not retried even when attempts remain
        PendoClient c(config, clock);
        PendoCall *call = c.get(QStringLiteral("page"));
        QVERIFY(wait(call));
        QCOMPARE(call->error().kind(), PendoError::Kind::ConnectionRefused);
        QCOMPARE(call->attempts(), 1);
    }

    void tlsToAPlainServerFails()
    {
        QUrl url = m_sim->url(QStringLiteral("us"));
        url.setScheme(QStringLiteral("https"));
        FakeClock clock;
        auto c = clientFor(url, clock);
        PendoCall *call = c->get(QStringLiteral("page"));
        QVERIFY(wait(call));
        QVERIFY2(call->error().kind() == PendoError::Kind::TlsFailure, qPrintable(call->error().code() + u' ' + call->error().detail()));
    }

    void redirectToAnotherHostIsRefused()
    {
        // A server that redirects every request elsewhere; the key must not follow.
        QTcpServer redirector;
        QVERIFY(redirector.listen(QHostAddress::LocalHost));
        connect(&redirector, &QTcpServer::newConnection, this, [&redirector] {
            QTcpSocket *socket = redirector.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 302 Found\r\nLocation: http://127.0.0.2:9/api/v1/page\r\n"
                              "Content-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
            });
        });
        FakeClock clock;
        auto c = clientFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(redirector.serverPort())), clock);
        PendoCall *call = c->get(QStringLiteral("page"));
        QVERIFY(wait(call));
        QCOMPARE(call->error().kind(), PendoError::Kind::RedirectRefused);
    }

    void abortFinishesAsCanceled()
    {
        QVERIFY(script({QStringLiteral("hang")}));
        FakeClock clock;
        auto c = client(clock, QStringLiteral("us"), key, 1, 10000ms);
        PendoCall *call = c->get(QStringLiteral("page"));
        QSignalSpy finished(call, &PendoCall::finished);
        QTimer::singleShot(100, call, &PendoCall::abort);
        QVERIFY(finished.wait(5000));
        QCOMPARE(call->error().kind(), PendoError::Kind::Canceled);
        QCOMPARE(finished.size(), 1);
    }

    void keysetPagingAcrossSharedTimestamps()
    {
        // One day of feature use grouped per (visitor, app, feature): every row has the same `day`,
        // so each page boundary falls inside one timestamp and only the rest of the key separates rows.
        const QJsonObject source{
            {QStringLiteral("source"),
             QJsonObject{{QStringLiteral("featureEvents"), QJsonObject{{QStringLiteral("appId"), QStringLiteral("expandAppIds(\"*\")")}}},
                         {QStringLiteral("timeSeries"), QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                                                    {QStringLiteral("first"), QStringLiteral("now()")},
                                                                    {QStringLiteral("count"), -1}}}}}};
        const QJsonObject group{{QStringLiteral("group"),
                                 QJsonObject{{QStringLiteral("group"), QJsonArray{QStringLiteral("day"), QStringLiteral("visitorId"),
                                                                                  QStringLiteral("appId"), QStringLiteral("featureId")}},
                                             {QStringLiteral("fields"), QJsonObject{{QStringLiteral("numEvents"),
                                                                                     QJsonObject{{QStringLiteral("sum"), QStringLiteral("numEvents")}}}}}}}};
        const QStringList sortKeys{QStringLiteral("day"), QStringLiteral("visitorId"), QStringLiteral("appId"),
                                   QStringLiteral("featureId")};
        const QStringList fields = sortKeys + QStringList{QStringLiteral("numEvents")};

        FakeClock clock;
        auto c = client(clock);
        // Everything in one request, for reference.
        AggregationDecoder decoder(fields);
        AggregationPage whole;
        PendoCall *call = c->aggregate(pipeline({source, group}), [&](const QByteArray &body, QString *error) {
            return decoder.decode(body, &whole, error);
        });
        QVERIFY(wait(call));
        QVERIFY2(!call->error().isError(), qPrintable(call->error().message()));
        QVERIFY2(whole.rows.size() > 120, "the day should have enough rows for several pages");

        KeysetPager pager(c.get(), QJsonArray{source, group}, sortKeys, fields, 50);
        QSet<QString> seen;
        qint64 events = 0;
        int duplicates = 0;
        connect(&pager, &KeysetPager::pageReady, this, [&](const AggregationPage &page) {
            QVERIFY(page.rows.size() <= 50);
            for (std::size_t row = 0; row < page.rows.size(); ++row) {
                QCOMPARE(page.integer(row, 0), whole.integer(0, 0)); // one shared timestamp
                const QString id = page.text(row, 1) + u'|' + page.text(row, 2) + u'|' + page.text(row, 3);
                duplicates += seen.contains(id);
                seen.insert(id);
                events += page.integer(row, 4);
            }
        });
        QSignalSpy finished(&pager, &KeysetPager::finished);
        pager.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().first().value<PendoError>().kind(), PendoError::Kind::None);
        QCOMPARE(duplicates, 0);
        QCOMPARE(qsizetype(seen.size()), qsizetype(whole.rows.size()));
        qint64 expectedEvents = 0;
        for (std::size_t row = 0; row < whole.rows.size(); ++row)
            expectedEvents += whole.integer(row, 4);
        QCOMPARE(events, expectedEvents);
        QCOMPARE(pager.pagesFetched(), int(whole.rows.size() / 50) + 1);
    }
};

QTEST_GUILESS_MAIN(TestPendoClient)
#include "tst_pendoclient.moc"
