#include "SimProcess.h"
#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "mainwindow/MainWindow.h"
#include "matching/MatchWorkbenchController.h"
#include "matching/MatchingPage.h"
#include "security/CredentialStore.h"
#include "store/CsImporter.h"
#include "store/WorkspaceSettings.h"
#include "sync/ConfigStore.h"
#include "wizards/SetupWizard.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

namespace {

const QByteArray key = QByteArrayLiteral("setup-flow-key-8b2d");

} // namespace

/**
 * The whole first run as a CS admin goes through it from the main window, against pendo-sim:
 * key → region (detected) → catalog read → matching → mappings → finish. Checks what lands where.
 */
class TestSetupFlow : public QObject
{
    Q_OBJECT


    std::unique_ptr<SimProcess> m_sim;
    QTemporaryDir m_crm;

private Q_SLOTS:
    void initTestCase()
    {
        const QStringList arguments{QStringLiteral("--seed"), QStringLiteral("8"), QStringLiteral("--accounts"),
                                    QStringLiteral("40"), QStringLiteral("--key"), QString::fromLatin1(key),
                                    QStringLiteral("--regions"), QStringLiteral("us,eu"), QStringLiteral("--subscription-region"),
                                    QStringLiteral("eu"), QStringLiteral("--export-crm"), m_crm.path()};
        m_sim = std::make_unique<SimProcess>(arguments);
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
        qputenv("PENDO_BRIDGE_REGION_URLS", m_sim->regionOverrides().toUtf8());
    }

    void firstRunFromKeyToMappings()
    {
        TestWorkspace ws;
        for (const auto &[kind, file] : {std::pair{RecordKind::Accounts, QStringLiteral("/accounts.csv")},
                                         std::pair{RecordKind::Contacts, QStringLiteral("/contacts.csv")}}) {
            ImportOptions options;
            options.skipInvalid = true;
            const QString path = m_crm.path() + file;
            QVERIFY(CsImporter(ws.database(), kind).run(path, CsImporter::preview(path, kind).mapping, options).written);
        }
        MemoryCredentialStore &credentials = ws.credentials();
        MainWindow window(ws.session());
        window.show();
        window.showSetupWizard();
        auto *wizard = window.findChild<SetupWizard *>();
        QVERIFY(wizard);
        QVERIFY(QTest::qWaitForWindowExposed(wizard));

        // Key.
        requireChild<QLineEdit>(wizard, QStringLiteral("keyLineEdit"))->setText(QString::fromLatin1(key));
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(SetupWizard::RegionPageId));

        // Region: detection finds the EU listener.
        QTest::mouseClick(requireChild<QPushButton>(wizard, QStringLiteral("detectPushButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 20000);
        saveScreenshot(wizard, "flow-1-region-detected");
        wizard->next();
        QCOMPARE(wizard->currentId(), int(SetupWizard::CatalogPageId));
        QCOMPARE(wizard->setupResult().regionKey, QStringLiteral("eu"));

        // Catalog and identities are read from Pendo.
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 30000);
        saveScreenshot(wizard, "flow-2-catalog");
        QVERIFY(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_catalog_items WHERE kind = 'feature'")).toInt() > 0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_accounts")).toInt(), 40);
        // Apps are listed with the names Pendo gives them, for every list that shows an app.
        QVERIFY(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_apps")).toInt() >= 2);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_apps WHERE name IS NULL")).toInt(), 0);

        // Matching shows the outcome; nothing is required to change.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(SetupWizard::MatchingPageId));
        auto *matching = qobject_cast<MatchingPage *>(wizard->currentPage());
        QVERIFY(matching);
        QTRY_VERIFY_WITH_TIMEOUT(matching->controller().preview().accounts.total() == 40, 20000);
        QVERIFY(matching->controller().preview().accounts.matched > 30);
        saveScreenshot(wizard, "flow-3-matching");

        // Mappings: defaults are saved as a configuration version when leaving the page.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(SetupWizard::MappingPageId));
        // The matching rules are saved by the writer without blocking the window.
        QTRY_VERIFY_WITH_TIMEOUT(ConfigStore(ws.database()).currentVersion() >= 1, 10000);
        saveScreenshot(wizard, "flow-4-mapping");
        QSignalSpy finished(&window, &MainWindow::setupFinished);
        wizard->button(QWizard::FinishButton)->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(ConfigStore(ws.database()).currentVersion() >= 1);
        QCOMPARE(ws.session().settings().text(WorkspaceSettings::Key::Region), QStringLiteral("eu"));

        std::optional<CredentialResult> stored;
        credentials.read({ws.database().path(), QStringLiteral("eu")}, &window,
                         [&stored](const CredentialResult &result) { stored = result; });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(stored->secret, key);
        // The identities were resolved with the saved rules.
        QTRY_VERIFY_WITH_TIMEOUT(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM match_resolutions WHERE object = 'account'")).toInt() == 40,
                                 10000);
    }
};

QTEST_MAIN(TestSetupFlow)
#include "tst_setupflow.moc"
