#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "imports/ImportDialog.h"
#include "items/AccountsModel.h"
#include "mainwindow/MainWindow.h"
#include "security/CredentialStore.h"
#include "store/WorkspaceSettings.h"
#include "store/DemoData.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>

/** The main window: navigation, record views with search, File → Import. */
class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void navigatesAndSearches()
    {
        TestWorkspace ws;
        ImportReport accounts;
        ImportReport contacts;
        QString error;
        QVERIFY2(DemoData::seed(ws.database(), &accounts, &contacts, &error), qPrintable(error));

        MainWindow window(ws.session());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
        QVERIFY(navigation);
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("viewsStackedWidget"));
        QVERIFY(stack);
        QCOMPARE(navigation->count(), 5);
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Portfolio"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("dashboardPage"));
        QCOMPARE(navigation->item(1)->text(), QStringLiteral("Playbooks"));
        QCOMPARE(navigation->item(2)->text(), QStringLiteral("Accounts"));
        QCOMPARE(navigation->item(4)->text(), QStringLiteral("Matching"));
        navigation->setCurrentRow(1);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("playbooksPage"));
        navigation->setCurrentRow(2);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("accountsView"));

        QWidget *accountsView = window.findChild<QWidget *>(QStringLiteral("accountsView"));
        QVERIFY(accountsView);
        auto *table = accountsView->findChild<QTableView *>(QStringLiteral("recordsTableView"));
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(accounts.inserted), 5000);
        auto *count = accountsView->findChild<QLabel *>(QStringLiteral("countLabel"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("Records: %1").arg(accounts.inserted));

        QTest::keyClicks(requireChild<QLineEdit>(accountsView, QStringLiteral("searchLineEdit")), QStringLiteral("acme"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 2000);
        QCOMPARE(table->model()->index(0, AccountsModel::Name).data().toString(), QStringLiteral("Acme Analytics"));
        QCOMPARE(count->text(), QStringLiteral("Records: 1 of %1").arg(accounts.inserted));

        navigation->setCurrentRow(3);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("contactsView"));
        auto *contactsTable = stack->currentWidget()->findChild<QTableView *>(QStringLiteral("recordsTableView"));
        QVERIFY(contactsTable);
        QTRY_COMPARE_WITH_TIMEOUT(contactsTable->model()->rowCount(), int(contacts.inserted), 5000);
    }

    void importActionOpensTheDialogAndViewsReload()
    {
        TestWorkspace ws;
        MainWindow window(ws.session());
        window.show();
        QSignalSpy loaded(window.accountsModel(), &QueryTableModel::loaded);
        QVERIFY(loaded.wait(5000));
        QCOMPARE(window.accountsModel()->rowCount(), 0);

        const QString path = ws.writeFile(QStringLiteral("a.csv"), "id,name\nN-1,Nu\n");
        window.showImportDialog(RecordKind::Accounts, path);
        auto *dialog = window.findChild<ImportDialog *>();
        QVERIFY(dialog);
        QSignalSpy validated(&dialog->controller(), &ImportController::validated);
        QVERIFY(validated.wait(5000));
        QTest::mouseClick(requireChild<QPushButton>(dialog, QStringLiteral("importPushButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.accountsModel()->rowCount(), 1, 5000);

        auto *action = window.findChild<QAction *>(QStringLiteral("importContactsAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Import &Contacts…"));
    }

    void finishedSetupStoresRegionAndKeySeparately()
    {
        TestWorkspace ws;
        MainWindow window(ws.session());
        auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QStringLiteral("Not connected to Pendo"));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("connectPendoAction")));

        SetupResult result;
        result.regionKey = QStringLiteral("eu");
        result.baseUrl = QUrl(QStringLiteral("https://app.eu.pendo.io"));
        result.integrationKey = QByteArrayLiteral("main-window-secret-1234");
        result.verified = true;
        QSignalSpy finished(&window, &MainWindow::setupFinished);
        window.finishSetup(result);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 5000);
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(label->text(), QStringLiteral("Pendo: Europe"));
        QCOMPARE(ws.session().settings().text(WorkspaceSettings::Key::Region), QStringLiteral("eu"));
        QCOMPARE(WorkspaceSettings::read(ws.database().connection(), WorkspaceSettings::Key::Region).toString(),
                 QStringLiteral("eu"));

        std::optional<CredentialResult> stored;
        ws.credentials().read({ws.database().path(), QStringLiteral("eu")}, &window,
                         [&stored](const CredentialResult &r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->ok());
        QCOMPARE(stored->secret, result.integrationKey);
        // The workspace holds the region, never the key.
        QVERIFY(!ws.dump(QStringLiteral("settings"), QStringLiteral("setting_key")).join(u' ').contains(
            QString::fromLatin1(result.integrationKey)));
    }

    void setupWithoutKeychainOffersToKeepTheKeyForThisSession_data()
    {
        QTest::addColumn<bool>("keep");
        QTest::newRow("keep") << true;
        QTest::newRow("don't keep") << false;
    }

    void setupWithoutKeychainOffersToKeepTheKeyForThisSession()
    {
        QFETCH(bool, keep);
        TestWorkspace ws;
        ws.credentials().simulateNoKeychain = true;
        MainWindow window(ws.session());
        window.show();
        SetupResult result;
        result.regionKey = QStringLiteral("us");
        result.baseUrl = QUrl(QStringLiteral("https://app.pendo.io"));
        result.integrationKey = QByteArrayLiteral("session-only-key-42");
        QSignalSpy finished(&window, &MainWindow::setupFinished);
        window.finishSetup(result);
        QTRY_VERIFY(window.findChild<QMessageBox *>(QStringLiteral("sessionKeyMessageBox")));
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("sessionKeyMessageBox"));
        QVERIFY(box);
        // Words for a desktop user: no environment variables, no key files.
        QVERIFY2(box->text().contains(QStringLiteral("this session only")), qPrintable(box->text()));
        QVERIFY2(!box->text().contains(QStringLiteral("PENDO_INTEGRATION_KEY")), qPrintable(box->text()));
        QVERIFY(!box->text().contains(QStringLiteral("environment")));
        saveScreenshot(box, "main-session-key");
        auto *keepButton = box->findChild<QPushButton *>(QStringLiteral("keepForSessionPushButton"));
        QVERIFY(keepButton);
        QAbstractButton *other = nullptr;
        for (QAbstractButton *button : box->buttons())
            if (button != keepButton)
                other = button;
        QVERIFY(other);
        (keep ? static_cast<QAbstractButton *>(keepButton) : other)->click();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().toBool(), keep);
        QCOMPARE(ws.session().hasSessionKey(), keep);
        auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(label);
        QCOMPARE(label->text().contains(QStringLiteral("until you quit")), keep);

        // A client for the workspace's Pendo comes from the session's key, never from the keychain.
        bool answered = false;
        PendoClient *client = nullptr;
        ws.session().withClient(&window, [&](PendoClient *c, const QString &) {
            client = c;
            answered = true;
        });
        QTRY_VERIFY(answered);
        QCOMPARE(client != nullptr, keep);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
