#include "GuiTestSupport.h"
#include "WizardTestSupport.h"

#include "pendo/PendoClient.h"
#include "wizards/KeyPage.h"
#include "wizards/RegionPage.h"
#include "wizards/SetupWizard.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QPushButton>
#include <QRadioButton>

using namespace wizardtest;
using State = RegionPageController::State;

namespace {

QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages << message;
    g_previousHandler(type, context, message);
}

} // namespace

/**
 * The setup wizard's key and region pages driven offscreen like a new user would, against
 * pendo-sim with regions us, eu and jp and the subscription in eu.
 */
class TestSetupWizard : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimProcess> m_sim;
    RegionTable m_regions;


    /** Next, or Finish on the last page: the button that moves the user forward. */
    static QAbstractButton *forwardButton(SetupWizard &wizard)
    {
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        return next->isVisible() ? next : wizard.button(QWizard::FinishButton);
    }

    template<typename T>
    static T *child(SetupWizard &wizard, const QString &name, const char *file = __builtin_FILE(),
                    int line = __builtin_LINE())
    {
        return requireChild<T>(&wizard, name, file, line);
    }

    static void click(QAbstractButton *button)
    {
        QVERIFY(button);
        QVERIFY(button->isVisible());
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    }

    static QString statusMessage(SetupWizard &wizard)
    {
        auto *frame = child<QFrame>(wizard, QStringLiteral("statusFrame"));
        if (!frame || frame->isHidden())
            return {};
        return child<QLabel>(wizard, QStringLiteral("statusMessageLabel"))->text();
    }

    static QString statusHint(SetupWizard &wizard)
    {
        return child<QLabel>(wizard, QStringLiteral("statusHintLabel"))->text();
    }

    /** Opens the wizard, types the key as a user would and moves on to the region page. */
    void openAtRegionPage(SetupWizard &wizard, const QByteArray &key)
    {
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(SetupWizard::KeyPageId));
        QTest::keyClicks(child<QLineEdit>(wizard, QStringLiteral("keyLineEdit")), QString::fromLatin1(key));
        click(forwardButton(wizard));
        QCOMPARE(wizard.currentId(), int(SetupWizard::RegionPageId));
        // Short answers for the fault cases; the sim answers healthy requests in milliseconds.
        wizard.regionPage()->controller().setTimeout(std::chrono::milliseconds(1500));
        wizard.regionPage()->controller().setRetryPolicy(RetryPolicy{1, std::chrono::milliseconds(10),
                                                                     std::chrono::milliseconds(10), 0.0});
    }

    void selectRegion(SetupWizard &wizard, const QString &key)
    {
        click(child<QRadioButton>(wizard, QStringLiteral("regionRadioButton_") + key));
        QCOMPARE(wizard.regionPage()->controller().selection(), key);
    }

    /** The page is usable again after a check: choices and buttons enabled, no busy indicator. */
    static void verifyPageIdle(SetupWizard &wizard)
    {
        QVERIFY(!child<QWidget>(wizard, QStringLiteral("checkBusyWidget"))->isVisible());
        QVERIFY(child<QGroupBox>(wizard, QStringLiteral("regionGroupBox"))->isEnabled());
        QVERIFY(child<QPushButton>(wizard, QStringLiteral("detectPushButton"))->isEnabled());
    }

    static void verifyPageBusy(SetupWizard &wizard)
    {
        QVERIFY(child<QWidget>(wizard, QStringLiteral("checkBusyWidget"))->isVisible());
        QVERIFY(child<QPushButton>(wizard, QStringLiteral("cancelCheckPushButton"))->isEnabled());
        QVERIFY(!child<QGroupBox>(wizard, QStringLiteral("regionGroupBox"))->isEnabled());
        QVERIFY(!child<QPushButton>(wizard, QStringLiteral("verifyPushButton"))->isEnabled());
        QVERIFY(!child<QPushButton>(wizard, QStringLiteral("detectPushButton"))->isEnabled());
        QVERIFY(!forwardButton(wizard)->isEnabled());
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

    void cleanup()
    {
        QVERIFY(setFaults(*m_sim, {}));
    }

    void keyPageMasksAndExplains()
    {
        SetupWizard wizard(m_regions, simRegions());
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *keyEdit = child<QLineEdit>(wizard, QStringLiteral("keyLineEdit"));
        auto *show = child<QPushButton>(wizard, QStringLiteral("showKeyPushButton"));
        auto *problem = child<QLabel>(wizard, QStringLiteral("keyProblemLabel"));
        QVERIFY(keyEdit && show && problem);
        const QString help = child<QLabel>(wizard, QStringLiteral("keyHelpLabel"))->text();
        QVERIFY(help.contains(QStringLiteral("Settings → Integrations → Integration Keys")));
        QVERIFY(help.contains(QStringLiteral("read-only key is enough")));
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QVERIFY(!forwardButton(wizard)->isEnabled());
        saveScreenshot(wizard, "01-key-page-empty");

        QTest::keyClicks(keyEdit, QStringLiteral("abc def"));
        QVERIFY(problem->isVisible());
        QVERIFY(!forwardButton(wizard)->isEnabled());
        saveScreenshot(wizard, "02-key-page-problem");

        keyEdit->clear();
        QTest::keyClicks(keyEdit, QStringLiteral("  ") + QString::fromLatin1(writeKey) + QStringLiteral(" "));
        QVERIFY(!problem->isVisible());
        QVERIFY(forwardButton(wizard)->isEnabled());
        saveScreenshot(wizard, "03-key-page-masked");

        click(show);
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Normal);
        QCOMPARE(show->text(), QStringLiteral("Hide"));
        saveScreenshot(wizard, "04-key-page-shown");
        click(show);
        QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
        QCOMPARE(show->text(), QStringLiteral("Show"));

        click(forwardButton(wizard));
        QCOMPARE(wizard.currentId(), int(SetupWizard::RegionPageId));
        QCOMPARE(wizard.setupResult().integrationKey, writeKey); // trimmed
        QVERIFY(!forwardButton(wizard)->isEnabled());            // nothing verified yet
        // Hosts are shown next to region names.
        QCOMPARE(child<QLabel>(wizard, QStringLiteral("regionHostLabel_eu"))->text(),
                 m_sim->url(QStringLiteral("eu")).toString());
        saveScreenshot(wizard, "05-region-page");
    }

    void builtInRegionsShowTheirHosts()
    {
        // No network here: only what a user sees before pressing anything.
        SetupWizard wizard{RegionTable()};
        wizard.prefill(SetupResult{QString(), QUrl(), writeKey});
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        click(forwardButton(wizard));
        for (const RegionInfo &region : RegionTable::builtIn())
            QCOMPARE(child<QLabel>(wizard, QStringLiteral("regionHostLabel_") + region.key)->text(), region.host);
        QVERIFY(child<QRadioButton>(wizard, QStringLiteral("regionRadioButton_us"))->isChecked());
        saveScreenshot(wizard, "05b-region-page-built-in");
    }

    void detectWithWrongKeyBlamesTheKey()
    {
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, "not-the-key");
        click(child<QPushButton>(wizard, QStringLiteral("detectPushButton")));
        QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Failed);
        QVERIFY(statusMessage(wizard).contains(QStringLiteral("No region accepted the key")));
        QVERIFY(child<QRadioButton>(wizard, QStringLiteral("regionRadioButton_us"))->isChecked());
        QVERIFY(!forwardButton(wizard)->isEnabled());
        saveScreenshot(wizard, "06b-region-detect-failed");
    }

    void wrongRegionSuggestsDetection()
    {
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        selectRegion(wizard, QStringLiteral("us"));
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Failed);

        QCOMPARE(wizard.regionPage()->controller().error().kind(), PendoError::Kind::InvalidKeyOrRegion);
        QCOMPARE(statusMessage(wizard), PendoError(PendoError::Kind::InvalidKeyOrRegion).message());
        QVERIFY2(statusHint(wizard).contains(QStringLiteral("Detect automatically")), qPrintable(statusHint(wizard)));
        QVERIFY(!forwardButton(wizard)->isEnabled());
        verifyPageIdle(wizard);
        saveScreenshot(wizard, "06-region-wrong-region");

        // Choosing another region drops the old verdict.
        selectRegion(wizard, QStringLiteral("jp"));
        QVERIFY(statusMessage(wizard).isEmpty());
    }

    void detectSelectsEu()
    {
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        selectRegion(wizard, QStringLiteral("us"));
        click(child<QPushButton>(wizard, QStringLiteral("detectPushButton")));
        QCOMPARE(wizard.regionPage()->controller().state(), State::Detecting);
        verifyPageBusy(wizard);
        saveScreenshot(wizard, "07-region-detecting");

        QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Verified);
        QVERIFY(child<QRadioButton>(wizard, QStringLiteral("regionRadioButton_eu"))->isChecked());
        QVERIFY2(statusMessage(wizard).contains(QStringLiteral("Europe")), qPrintable(statusMessage(wizard)));
        verifyPageIdle(wizard);
        QVERIFY(forwardButton(wizard)->isEnabled());
        saveScreenshot(wizard, "08-region-detected");

        click(forwardButton(wizard));
        QCOMPARE(wizard.result(), int(QDialog::Accepted));
        const SetupResult &result = wizard.setupResult();
        QCOMPARE(result.regionKey, QStringLiteral("eu"));
        QCOMPARE(result.baseUrl, m_sim->url(QStringLiteral("eu")));
        QCOMPARE(result.integrationKey, writeKey);
        QVERIFY(result.writeAccess);
        QVERIFY(result.detected);
        QVERIFY(result.verified);
    }

    void verifyEuWithReadOnlyKey()
    {
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, readOnlyKey);
        selectRegion(wizard, QStringLiteral("eu"));
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        QCOMPARE(wizard.regionPage()->controller().state(), State::Verifying);
        verifyPageBusy(wizard);
        QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Verified);
        QVERIFY(forwardButton(wizard)->isEnabled());
        QVERIFY2(statusHint(wizard).contains(QStringLiteral("read-only")), qPrintable(statusHint(wizard)));
        saveScreenshot(wizard, "09-region-verified-read-only");

        click(forwardButton(wizard));
        const SetupResult &result = wizard.setupResult();
        QCOMPARE(result.regionKey, QStringLiteral("eu"));
        QCOMPARE(result.baseUrl, m_sim->url(QStringLiteral("eu")));
        QCOMPARE(result.integrationKey, readOnlyKey);
        QVERIFY(!result.writeAccess);
        QVERIFY(!result.detected);
    }

    void hangShowsTimeout()
    {
        QVERIFY(setFaults(*m_sim, R"({"script":["hang"]})"));
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        selectRegion(wizard, QStringLiteral("eu"));
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        verifyPageBusy(wizard);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.regionPage()->controller().state(), State::Failed, 10000);
        QCOMPARE(wizard.regionPage()->controller().error().kind(), PendoError::Kind::Timeout);
        QCOMPARE(statusMessage(wizard), PendoError(PendoError::Kind::Timeout).message());
        QVERIFY(!statusHint(wizard).isEmpty());
        QVERIFY(!forwardButton(wizard)->isEnabled());
        verifyPageIdle(wizard);
        saveScreenshot(wizard, "10-region-timeout");
    }

    void refusedCustomUrlShowsMessage()
    {
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        click(child<QRadioButton>(wizard, QStringLiteral("customUrlRadioButton")));
        auto *customEdit = child<QLineEdit>(wizard, QStringLiteral("customUrlLineEdit"));
        QTest::keyClicks(customEdit, refusedUrl().toString());
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        QTRY_COMPARE_WITH_TIMEOUT(wizard.regionPage()->controller().state(), State::Failed, 10000);
        QCOMPARE(wizard.regionPage()->controller().error().kind(), PendoError::Kind::ConnectionRefused);
        QCOMPARE(statusMessage(wizard), PendoError(PendoError::Kind::ConnectionRefused).message());
        QCOMPARE(statusHint(wizard), PendoError(PendoError::Kind::ConnectionRefused).hint());
        QVERIFY(!forwardButton(wizard)->isEnabled());
        saveScreenshot(wizard, "11-region-refused");

        // The simulator's own address as a custom URL works.
        customEdit->clear();
        QTest::keyClicks(customEdit, m_sim->url(QStringLiteral("eu")).toString() + QStringLiteral("/api/v1/"));
        QVERIFY(statusMessage(wizard).isEmpty());
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Verified);
        click(forwardButton(wizard));
        QCOMPARE(wizard.setupResult().regionKey, QStringLiteral("custom"));
        QCOMPARE(wizard.setupResult().baseUrl, m_sim->url(QStringLiteral("eu")));
    }

    void customUrlRejectsPlainHttp()
    {
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        auto *customEdit = child<QLineEdit>(wizard, QStringLiteral("customUrlLineEdit"));
        auto *problem = child<QLabel>(wizard, QStringLiteral("customUrlProblemLabel"));
        auto *verify = child<QPushButton>(wizard, QStringLiteral("verifyPushButton"));
        // Typing selects the custom choice.
        QTest::keyClicks(customEdit, QStringLiteral("http://pendo.example.com"));
        QVERIFY(child<QRadioButton>(wizard, QStringLiteral("customUrlRadioButton"))->isChecked());
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(QStringLiteral("https://")));
        QVERIFY(!verify->isEnabled());
        saveScreenshot(wizard, "12-region-custom-http");

        customEdit->clear();
        QTest::keyClicks(customEdit, QStringLiteral("https://pendo.example.com"));
        QVERIFY(!problem->isVisible());
        QVERIFY(verify->isEnabled());
        QCOMPARE(wizard.regionPage()->controller().selectedBaseUrl(),
                 QUrl(QStringLiteral("https://pendo.example.com")));

        // The problem belongs to the custom choice only.
        customEdit->clear();
        QTest::keyClicks(customEdit, QStringLiteral("http://pendo.example.com"));
        selectRegion(wizard, QStringLiteral("eu"));
        QVERIFY(!problem->isVisible());
        QVERIFY(verify->isEnabled());
    }

    void cancelDuringVerify()
    {
        QVERIFY(setFaults(*m_sim, R"({"script":["hang"]})"));
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        wizard.regionPage()->controller().setTimeout(std::chrono::milliseconds(60000));
        selectRegion(wizard, QStringLiteral("eu"));
        QSignalSpy states(&wizard.regionPage()->controller(), &RegionPageController::stateChanged);
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        verifyPageBusy(wizard);
        saveScreenshot(wizard, "13-region-verifying");

        click(child<QPushButton>(wizard, QStringLiteral("cancelCheckPushButton")));
        QCOMPARE(wizard.regionPage()->controller().state(), State::Canceled);
        verifyPageIdle(wizard);
        QVERIFY(child<QPushButton>(wizard, QStringLiteral("verifyPushButton"))->isEnabled());
        QVERIFY(!forwardButton(wizard)->isEnabled());
        QVERIFY(!wizard.regionPage()->controller().isVerified());
        QVERIFY(!statusMessage(wizard).contains(QStringLiteral("accepted")));
        saveScreenshot(wizard, "14-region-canceled");

        QCOMPARE(states.size(), 2); // Verifying, Canceled

        // The page works again, and the aborted request never comes back as a verdict.
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Verified);
        QCOMPARE(states.size(), 4); // … Verifying, Verified
    }

    void cancelWizardAbortsDetectionAndForgetsKey()
    {
        QVERIFY(setFaults(*m_sim, R"({"script":["hang"]})"));
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        wizard.regionPage()->controller().setTimeout(std::chrono::milliseconds(60000));
        click(child<QPushButton>(wizard, QStringLiteral("detectPushButton")));
        QVERIFY(wizard.regionPage()->controller().isBusy());

        click(wizard.button(QWizard::CancelButton));
        QCOMPARE(wizard.result(), int(QDialog::Rejected));
        QVERIFY(!wizard.regionPage()->controller().isBusy());
        QVERIFY(!wizard.regionPage()->controller().hasKey());
        QVERIFY(wizard.setupResult().integrationKey.isEmpty());
        QVERIFY(child<QLineEdit>(wizard, QStringLiteral("keyLineEdit"))->text().isEmpty());
    }

    void backDuringCheckCancelsIt()
    {
        QVERIFY(setFaults(*m_sim, R"({"script":["hang"]})"));
        SetupWizard wizard(m_regions, simRegions());
        openAtRegionPage(wizard, writeKey);
        wizard.regionPage()->controller().setTimeout(std::chrono::milliseconds(60000));
        selectRegion(wizard, QStringLiteral("eu"));
        click(child<QPushButton>(wizard, QStringLiteral("verifyPushButton")));
        click(wizard.button(QWizard::BackButton));
        QCOMPARE(wizard.currentId(), int(SetupWizard::KeyPageId));
        QVERIFY(!wizard.regionPage()->controller().isBusy());
    }

    void keyNeverLogged()
    {
        g_messages.clear();
        // The network layer's debug output is where a key would leak; turn all of it on.
        auto &net = const_cast<QLoggingCategory &>(lcNet());
        net.setEnabled(QtDebugMsg, true);
        g_previousHandler = qInstallMessageHandler(captureMessage);
        {
            SetupWizard wizard(m_regions, simRegions());
            openAtRegionPage(wizard, writeKey);
            click(child<QPushButton>(wizard, QStringLiteral("detectPushButton")));
            QTRY_COMPARE(wizard.regionPage()->controller().state(), State::Verified);
        }
        qInstallMessageHandler(g_previousHandler);
        net.setEnabled(QtDebugMsg, false);
        QVERIFY(!g_messages.isEmpty()); // the network layer did say something
        for (const QString &message : std::as_const(g_messages))
            QVERIFY2(!message.contains(QString::fromLatin1(writeKey)), qPrintable(message));
    }
};

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
