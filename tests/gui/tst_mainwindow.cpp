#include "TestSupport.h"

#include "imports/ImportDialog.h"
#include "items/AccountsModel.h"
#include "mainwindow/MainWindow.h"
#include "store/DemoData.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
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

        MainWindow window(ws.database());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
        auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("viewsStackedWidget"));
        QCOMPARE(navigation->count(), 2);
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
        MainWindow window(ws.database());
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
