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

        MemoryCredentialStore credentials;
        MainWindow window(ws.database(), credentials);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("viewsStackedWidget"));
        QCOMPARE(navigation->count(), 3);
        QCOMPARE(navigation->item(2)->text(), QStringLiteral("Matching"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Accounts"));

        QWidget *accountsView = window.findChild<QWidget *>(QStringLiteral("accountsView"));
        auto *table = accountsView->findChild<QTableView *>(QStringLiteral("recordsTableView"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), int(accounts.inserted), 5000);
        auto *count = accountsView->findChild<QLabel *>(QStringLiteral("countLabel"));
        QCOMPARE(count->text(), QStringLiteral("Records: %1").arg(accounts.inserted));

        QTest::keyClicks(accountsView->findChild<QLineEdit *>(QStringLiteral("searchLineEdit")), QStringLiteral("acme"));
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, 2000);
        QCOMPARE(table->model()->index(0, AccountsModel::Name).data().toString(), QStringLiteral("Acme Analytics"));
        QCOMPARE(count->text(), QStringLiteral("Records: 1 of %1").arg(accounts.inserted));

        navigation->setCurrentRow(1);
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("contactsView"));
        auto *contactsTable = stack->currentWidget()->findChild<QTableView *>(QStringLiteral("recordsTableView"));
        QTRY_COMPARE_WITH_TIMEOUT(contactsTable->model()->rowCount(), int(contacts.inserted), 5000);
    }

    void importActionOpensTheDialogAndViewsReload()
    {
        TestWorkspace ws;
        MemoryCredentialStore credentials;
        MainWindow window(ws.database(), credentials);
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
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("importPushButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.accountsModel()->rowCount(), 1, 5000);

        auto *action = window.findChild<QAction *>(QStringLiteral("importContactsAction"));
        QVERIFY(action);
        QCOMPARE(action->text(), QStringLiteral("Import &Contacts…"));
    }

    void finishedSetupStoresRegionAndKeySeparately()
    {
        TestWorkspace ws;
        MemoryCredentialStore credentials;
        MainWindow window(ws.database(), credentials);
        auto *label = window.findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QCOMPARE(label->text(), QStringLiteral("Not connected to Pendo"));
        QVERIFY(window.findChild<QAction *>(QStringLiteral("connectPendoAction")));

        SetupResult result;
        result.regionKey = QStringLiteral("eu");
        result.baseUrl = QUrl(QStringLiteral("https://app.eu.pendo.io"));
        result.integrationKey = QByteArrayLiteral("main-window-secret-1234");
        result.verified = true;
        QSignalSpy finished(&window, &MainWindow::setupFinished);
        window.finishSetup(result);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(label->text(), QStringLiteral("Pendo: Europe"));
        QCOMPARE(WorkspaceSettings(ws.database()).value(WorkspaceSettings::region), QStringLiteral("eu"));

        std::optional<CredentialResult> stored;
        credentials.read({ws.database().path(), QStringLiteral("eu")}, &window,
                         [&stored](const CredentialResult &r) { stored = r; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->ok());
        QCOMPARE(stored->secret, result.integrationKey);
        // The workspace holds the region, never the key.
        QVERIFY(!ws.dump(QStringLiteral("settings"), QStringLiteral("setting_key")).join(u' ').contains(
            QString::fromLatin1(result.integrationKey)));
    }

    void setupWithoutKeychainExplainsTheAlternatives()
    {
        TestWorkspace ws;
        MemoryCredentialStore credentials;
        credentials.simulateNoKeychain = true;
        MainWindow window(ws.database(), credentials);
        SetupResult result;
        result.regionKey = QStringLiteral("us");
        result.baseUrl = QUrl(QStringLiteral("https://app.pendo.io"));
        result.integrationKey = QByteArrayLiteral("k");
        QSignalSpy finished(&window, &MainWindow::setupFinished);
        window.finishSetup(result);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(finished.first().at(1).toString().contains(QStringLiteral("PENDO_INTEGRATION_KEY")));
        auto *box = window.findChild<QMessageBox *>();
        QVERIFY(box);
        box->close();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
