#include "WizardTestSupport.h"

#include "wizards/KeyPageController.h"
#include "wizards/RegionPageController.h"

using namespace wizardtest;
using State = RegionPageController::State;

/** The wizard's page logic without widgets: key input, custom URLs, Verify and Detect against pendo-sim. */
class TestWizardControllers : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimProcess> m_sim;
    RegionTable m_regions;

    static void shortChecks(RegionPageController &controller)
    {
        controller.setTimeout(std::chrono::milliseconds(1500));
        controller.setRetryPolicy(RetryPolicy{1, std::chrono::milliseconds(10), std::chrono::milliseconds(10), 0.0});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = startSim();
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
        QString error;
        m_regions = regionsFor(*m_sim, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void keyInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<bool>("problem");
        QTest::newRow("empty") << QString() << QByteArray() << false;
        QTest::newRow("blank") << QStringLiteral("  \n") << QByteArray() << false;
        QTest::newRow("plain") << QStringLiteral("0a1b-2c3d.eu") << QByteArray("0a1b-2c3d.eu") << false;
        QTest::newRow("pasted with line break") << QStringLiteral(" 0a1b-2c3d\n") << QByteArray("0a1b-2c3d") << false;
        QTest::newRow("inner space") << QStringLiteral("0a1b 2c3d") << QByteArray() << true;
        QTest::newRow("non-ASCII") << QStringLiteral("0a1b–2c3d") << QByteArray() << true;
    }

    void keyInput()
    {
        QFETCH(QString, text);
        QFETCH(QByteArray, key);
        QFETCH(bool, problem);
        KeyPageController controller;
        controller.setText(text);
        QCOMPARE(controller.key(), key);
        QCOMPARE(controller.isAcceptable(), !key.isEmpty());
        QCOMPARE(!controller.problem().isEmpty(), problem);
    }

    void customUrl_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QUrl>("url"); // empty: rejected
        QTest::newRow("https") << QStringLiteral("https://pendo.example.com")
                               << QUrl(QStringLiteral("https://pendo.example.com"));
        QTest::newRow("bare host") << QStringLiteral("pendo.example.com")
                                   << QUrl(QStringLiteral("https://pendo.example.com"));
        QTest::newRow("full API address") << QStringLiteral(" https://pendo.example.com/api/v1/ ")
                                          << QUrl(QStringLiteral("https://pendo.example.com"));
        QTest::newRow("loopback http") << QStringLiteral("http://127.0.0.1:5001")
                                       << QUrl(QStringLiteral("http://127.0.0.1:5001"));
        QTest::newRow("localhost http") << QStringLiteral("http://localhost:5001")
                                        << QUrl(QStringLiteral("http://localhost:5001"));
        QTest::newRow("plain http") << QStringLiteral("http://pendo.example.com") << QUrl();
        QTest::newRow("http to a LAN address") << QStringLiteral("http://192.168.1.5") << QUrl();
        QTest::newRow("ftp") << QStringLiteral("ftp://pendo.example.com") << QUrl();
        QTest::newRow("credentials") << QStringLiteral("https://me:secret@pendo.example.com") << QUrl();
        QTest::newRow("query") << QStringLiteral("https://pendo.example.com/?a=b") << QUrl();
        QTest::newRow("not a URL") << QStringLiteral("https://") << QUrl();
    }

    void customUrl()
    {
        QFETCH(QString, text);
        QFETCH(QUrl, url);
        QString problem;
        QCOMPARE(RegionPageController::parseCustomUrl(text, &problem), url);
        QCOMPARE(problem.isEmpty(), !url.isEmpty());
    }

    void selectionDropsVerdict()
    {
        RegionPageController controller(m_regions, simRegions());
        controller.setKey(writeKey);
        controller.selectRegion(QStringLiteral("eu"));
        controller.verify();
        QTRY_COMPARE(controller.state(), State::Verified);
        SetupResult result;
        QVERIFY(controller.fill(result));
        controller.selectRegion(QStringLiteral("us"));
        QCOMPARE(controller.state(), State::Idle);
        QVERIFY(!controller.fill(result));
        controller.selectRegion(QStringLiteral("eu"));
        controller.verify();
        QTRY_COMPARE(controller.state(), State::Verified);
        controller.setKey(readOnlyKey); // another key: verify again
        QCOMPARE(controller.state(), State::Idle);
        QVERIFY(controller.canVerify());
    }

    void detectWithWrongKeyBlamesTheKey()
    {
        RegionPageController controller(m_regions, simRegions());
        shortChecks(controller);
        controller.setKey("not-a-key");
        QSignalSpy progress(&controller, &RegionPageController::progress);
        controller.detect();
        QTRY_COMPARE(controller.state(), State::Failed);
        QCOMPARE(controller.outcomes().size(), 3);
        QCOMPARE(controller.error().kind(), PendoError::Kind::InvalidKeyOrRegion);
        QVERIFY(controller.statusMessage().contains(QStringLiteral("No region accepted the key")));
        QVERIFY(controller.statusHint().contains(QStringLiteral("Integration Keys")));
        QCOMPARE(progress.size(), 4); // the start, then one per answer
        QCOMPARE(progress.constLast().at(0).toInt(), 3);
        QCOMPARE(progress.constLast().at(1).toInt(), 3);
        QCOMPARE(controller.selection(), QStringLiteral("us")); // unchanged
    }

    void detectNamesUnreachableRegions()
    {
        RegionTable regions = m_regions;
        QString error;
        QVERIFY(regions.setOverride(QStringLiteral("au"), refusedUrl(), &error));
        RegionPageController controller(regions, {QStringLiteral("us"), QStringLiteral("jp"), QStringLiteral("au")});
        shortChecks(controller);
        controller.setKey(writeKey);
        controller.detect();
        QTRY_COMPARE(controller.state(), State::Failed);
        QCOMPARE(controller.error().kind(), PendoError::Kind::ConnectionRefused);
        const QString message = controller.statusMessage();
        QVERIFY2(message.contains(QStringLiteral("Australia")), qPrintable(message));
        QCOMPARE(controller.statusHint(), PendoError(PendoError::Kind::ConnectionRefused).hint());
    }

    void detectDoesNotWaitForSlowRegions()
    {
        // A region that never answers does not hold up the one that accepts.
        QVERIFY(setFaults(*m_sim, R"({"script":["hang"]})"));
        RegionTable regions = m_regions;
        QString error;
        QVERIFY(regions.setOverride(QStringLiteral("au"), m_sim->url(QStringLiteral("eu")), &error));
        RegionPageController controller(regions, {QStringLiteral("au"), QStringLiteral("eu")});
        controller.setTimeout(std::chrono::milliseconds(60000));
        controller.setKey(writeKey);
        controller.detect();
        QTRY_COMPARE(controller.state(), State::Verified); // well before the hung request's time-out
        QVERIFY(controller.wasDetected());
        SetupResult result;
        QVERIFY(controller.fill(result));
        QCOMPARE(result.baseUrl, m_sim->url(QStringLiteral("eu")));
        QVERIFY(setFaults(*m_sim, {}));
    }

    void cancelAbortsAndForgets()
    {
        QVERIFY(setFaults(*m_sim, R"({"script":["hang"]})"));
        RegionPageController controller(m_regions, simRegions());
        controller.setTimeout(std::chrono::milliseconds(60000));
        controller.setKey(writeKey);
        controller.selectRegion(QStringLiteral("eu"));
        controller.verify();
        QVERIFY(controller.isBusy());
        QVERIFY(!controller.canVerify());
        controller.cancel();
        QCOMPARE(controller.state(), State::Canceled);
        QVERIFY(!controller.isBusy());
        QVERIFY(controller.canVerify());
        QVERIFY(controller.outcomes().isEmpty());
        SetupResult result;
        QVERIFY(!controller.fill(result));
        QVERIFY(setFaults(*m_sim, {}));
    }
};

QTEST_GUILESS_MAIN(TestWizardControllers)
#include "tst_wizardcontrollers.moc"
