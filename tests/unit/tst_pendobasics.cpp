#include "pendo/AggregationDecoder.h"
#include "pendo/KeysetPager.h"
#include "pendo/PendoError.h"
#include "pendo/Region.h"
#include "pendo/RetryPolicy.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace std::chrono_literals;

/** Regions and overrides, error classification, retry back-off bounds, keyset filters, decoding. */
class TestPendoBasics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regionHosts()
    {
        const RegionTable table;
        QCOMPARE(table.baseUrl(QStringLiteral("us")).toString(), QStringLiteral("https://app.pendo.io"));
        QCOMPARE(table.baseUrl(QStringLiteral("us1")).toString(), QStringLiteral("https://us1.app.pendo.io"));
        QCOMPARE(table.baseUrl(QStringLiteral("eu")).toString(), QStringLiteral("https://app.eu.pendo.io"));
        QCOMPARE(table.baseUrl(QStringLiteral("jp")).toString(), QStringLiteral("https://app.jpn.pendo.io"));
        QCOMPARE(table.baseUrl(QStringLiteral("au")).toString(), QStringLiteral("https://app.au.pendo.io"));
        QVERIFY(!table.baseUrl(QStringLiteral("mars")).isValid());
    }

    void regionOverrides_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("euUrl");
        QTest::newRow("loopback http") << QStringLiteral("eu=http://127.0.0.1:5001") << true
                                       << QStringLiteral("http://127.0.0.1:5001");
        QTest::newRow("localhost http") << QStringLiteral("us=http://localhost:1,eu=http://localhost:2/") << true
                                        << QStringLiteral("http://localhost:2");
        QTest::newRow("https proxy") << QStringLiteral("eu=https://pendo-proxy.example.com") << true
                                     << QStringLiteral("https://pendo-proxy.example.com");
        QTest::newRow("plain http elsewhere") << QStringLiteral("eu=http://pendo-proxy.example.com") << false
                                              << QStringLiteral("https://app.eu.pendo.io");
        QTest::newRow("unknown region") << QStringLiteral("mars=https://x.example") << false
                                        << QStringLiteral("https://app.eu.pendo.io");
        QTest::newRow("no equals") << QStringLiteral("eu") << false << QStringLiteral("https://app.eu.pendo.io");
    }

    void regionOverrides()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        QFETCH(QString, euUrl);
        RegionTable table;
        QString error;
        QCOMPARE(table.applyOverrides(spec, &error), ok);
        QCOMPARE(error.isEmpty(), ok);
        QCOMPARE(table.baseUrl(QStringLiteral("eu")).toString(), euUrl);
    }

    void settingsOverridesThenEnvironment()
    {
        qputenv("PENDO_BRIDGE_REGION_URLS", "eu=http://127.0.0.1:7002");
        QString error;
        RegionTable table = RegionTable::fromSettingsAndEnvironment(
            QStringLiteral("us=https://proxy.example.com,eu=https://eu-proxy.example.com"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(table.baseUrl(QStringLiteral("us")).toString(), QStringLiteral("https://proxy.example.com"));
        QCOMPARE(table.baseUrl(QStringLiteral("eu")).toString(), QStringLiteral("http://127.0.0.1:7002"));
        table = RegionTable::fromSettingsAndEnvironment(QStringLiteral("us=http://proxy.example.com"), &error);
        QVERIFY(error.contains(QStringLiteral("pendo.region_urls")));
        QCOMPARE(table.baseUrl(QStringLiteral("us")).toString(), QStringLiteral("https://app.pendo.io"));
        qunsetenv("PENDO_BRIDGE_REGION_URLS");
    }

    void classifiesHttpAnswers_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("transient");
        using K = PendoError::Kind;
        QTest::newRow("403 empty") << 403 << QByteArray() << QByteArray() << int(K::InvalidKeyOrRegion) << false;
        QTest::newRow("401") << 401 << QByteArray() << QByteArray() << int(K::Unauthorized) << false;
        QTest::newRow("400 text") << 400 << QByteArray("text/plain") << QByteArray("bad filter") << int(K::BadRequest)
                                  << false;
        QTest::newRow("400 stage") << 400 << QByteArray("text/plain") << QByteArray("unknown step type 'skip'")
                                   << int(K::UnknownStage) << false;
        QTest::newRow("422") << 422 << QByteArray("application/json")
                             << QByteArray("{\"overall\":{},\"fields\":{\"pipeline\":\"Required\"}}") << int(K::Unprocessable)
                             << false;
        QTest::newRow("429") << 429 << QByteArray() << QByteArray() << int(K::RateLimited) << true;
        QTest::newRow("500") << 500 << QByteArray("application/json") << QByteArray("{}") << int(K::ServerError) << true;
        QTest::newRow("503 html") << 503 << QByteArray("text/html") << QByteArray("<html><body>down</body></html>")
                                  << int(K::HtmlErrorPage) << true;
        QTest::newRow("502 html sniffed") << 502 << QByteArray() << QByteArray("<!DOCTYPE html><p>gw</p>")
                                          << int(K::HtmlErrorPage) << true;
        QTest::newRow("404") << 404 << QByteArray() << QByteArray() << int(K::NotFound) << false;
        QTest::newRow("408") << 408 << QByteArray() << QByteArray() << int(K::Timeout) << true;
    }

    void classifiesHttpAnswers()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(bool, transient);
        const PendoError error = PendoError::fromHttp(status, contentType, body);
        QCOMPARE(int(error.kind()), kind);
        QCOMPARE(error.isTransient(), transient);
        QVERIFY(!error.message().isEmpty());
        QVERIFY(!error.hint().isEmpty());
    }

    void detailIsCapped()
    {
        const PendoError error = PendoError::fromHttp(400, "text/plain", QByteArray(5000, 'x'));
        QVERIFY(error.detail().size() <= 501);
    }

    void backoffBounds()
    {
        RetryPolicy policy;
        policy.maxAttempts = 5;
        policy.baseDelay = 1000ms;
        policy.maxDelay = 10000ms;
        policy.jitter = 0.5;
        const PendoError transient(PendoError::Kind::ServerError, 500);
        // Attempt n waits within [d/2, d] where d = base·2^(n-1), capped.
        const QList<qint64> ceilings{1000, 2000, 4000, 8000};
        for (int attempt = 1; attempt <= 4; ++attempt) {
            const qint64 ceiling = ceilings.at(attempt - 1);
            QCOMPARE(policy.delayAfter(attempt, transient, 0.0)->count(), ceiling / 2);
            QCOMPARE(policy.delayAfter(attempt, transient, 0.999999)->count(), ceiling - 1);
        }
        QVERIFY(!policy.delayAfter(5, transient, 0.5)); // attempts exhausted
        policy.maxAttempts = 10;
        QCOMPARE(policy.delayAfter(8, transient, 0.999999)->count(), 9999); // capped by maxDelay
        // Retry-After wins, but never beyond the ceiling.
        QCOMPARE(policy.delayAfter(1, PendoError(PendoError::Kind::RateLimited, 429), 0.3, 3000ms)->count(), 3000);
        QCOMPARE(policy.delayAfter(1, PendoError(PendoError::Kind::RateLimited, 429), 0.3, 99000ms)->count(), 10000);
        // Permanent failures are never retried.
        QVERIFY(!policy.delayAfter(1, PendoError(PendoError::Kind::InvalidKeyOrRegion, 403), 0.5));
        QVERIFY(!policy.delayAfter(1, PendoError(PendoError::Kind::BadRequest, 400), 0.5));
    }

    void parsesRetryAfter()
    {
        QCOMPARE(RetryPolicy::parseRetryAfter("7", 0)->count(), 7000);
        const qint64 now = QDateTime(QDate(2026, 11, 22), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        QCOMPARE(RetryPolicy::parseRetryAfter("Sun, 22 Nov 2026 12:00:30 GMT", now)->count(), 30000);
        QVERIFY(!RetryPolicy::parseRetryAfter("soon", now));
        QVERIFY(!RetryPolicy::parseRetryAfter("", now));
    }

    void keysetFilter()
    {
        const std::vector<Cell> last{qint64(1700000000000), QStringLiteral("v\"1\\")};
        QCOMPARE(Pipeline::after({QStringLiteral("day"), QStringLiteral("visitorId")}, last),
                 QStringLiteral("(day > 1700000000000) || (day == 1700000000000 && visitorId > \"v\\\"1\\\\\")"));
        QCOMPARE(Pipeline::quote(QStringLiteral("plain")), QStringLiteral("\"plain\""));
    }

    void decodesPages()
    {
        AggregationDecoder decoder({QStringLiteral("visitorId"), QStringLiteral("day"), QStringLiteral("numEvents"),
                                    QStringLiteral("metadata.auto.lastupdated"), QStringLiteral("ratio"),
                                    QStringLiteral("missing")});
        AggregationPage page;
        QString error;
        const QByteArray body = "{\"startTime\":1700000000000,\"results\":["
"{\"visitorId\":\"v1\",\"day\":1700000000000,\"numEvents\":3,\"ratio\":0.5,\"extra\":{\"a\":[1,2]},"
"\"metadata\":{\"auto\":{\"lastupdated\":1699999999999,\"id\":\"v1\"}}},"
"{\"visitorId\":\"v\\u00e9\",\"day\":1700086400000,\"numEvents\":null}]}";
        QVERIFY2(decoder.decode(body, &page, &error), qPrintable(error));
        QCOMPARE(page.startTime, 1700000000000);
        QCOMPARE(page.rows.size(), std::size_t(2));
        QCOMPARE(page.text(0, 0), QStringLiteral("v1"));
        QCOMPARE(page.integer(0, 1), 1700000000000);
        QCOMPARE(page.integer(0, 2), 3);
        QCOMPARE(page.integer(0, 3), 1699999999999);
        QCOMPARE(std::get<double>(page.rows[0][4]), 0.5);
        QVERIFY(std::holds_alternative<std::monostate>(page.rows[0][5]));
        QCOMPARE(page.text(1, 0), QStringLiteral("vé"));
        QVERIFY(std::holds_alternative<std::monostate>(page.rows[1][2]));
    }

    void rejectsBrokenPages_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray("{\"results\":[{\"visitorId\":\"v1\"},{\"visit");
        QTest::newRow("not json") << QByteArray("<html>oops</html>");
        QTest::newRow("no results") << QByteArray("{\"startTime\":1}");
        QTest::newRow("row not object") << QByteArray("{\"results\":[1]}");
        QTest::newRow("empty") << QByteArray();
    }

    void rejectsBrokenPages()
    {
        QFETCH(QByteArray, body);
        AggregationDecoder decoder({QStringLiteral("visitorId")});
        AggregationPage page;
        QString error;
        QVERIFY(!decoder.decode(body, &page, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(page.rows.empty());
    }
};

QTEST_GUILESS_MAIN(TestPendoBasics)
#include "tst_pendobasics.moc"
