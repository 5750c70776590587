#include "TestSupport.h"

#include "items/AccountsModel.h"
#include "items/ContactsModel.h"
#include "store/CsImporter.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

/** The accounts and contacts table models: contents, formatting, async reload, model contract. */
class TestItemModels : public QObject
{
    Q_OBJECT

    static void importFile(TestWorkspace &ws, RecordKind kind, const QByteArray &csv)
    {
        const QString path = ws.writeFile(QStringLiteral("in.csv"), csv);
        const ImportPreview preview = CsImporter::preview(path, kind);
        const ImportReport report = CsImporter(ws.database(), kind).run(path, preview.mapping, {});
        QVERIFY2(report.written, qPrintable(report.fatalError + report.errors.value(0).toString()));
    }

private Q_SLOTS:
    void accountsModelLoadsAsynchronously()
    {
        TestWorkspace ws;
        importFile(ws, RecordKind::Accounts,
                   "id,name,owner,arr,seats,stage\nA,Zeta,Maya,1000,5,mature\nB,Alpha,Omar,250000,100,\n");
        importFile(ws, RecordKind::Contacts, "id,email,account id\nU1,a@x.example,A\nU2,b@x.example,A\n");

        AccountsModel model(ws.database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QueryTableModel::loaded);
        QCOMPARE(model.rowCount(), 0);
        model.reload();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().first().toInt(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 8);
        // Ordered by name: Alpha first.
        QCOMPARE(model.index(0, AccountsModel::Name).data().toString(), QStringLiteral("Alpha"));
        QCOMPARE(model.index(0, AccountsModel::Arr).data(Qt::UserRole).toDouble(), 250000.0);
        QCOMPARE(model.index(0, AccountsModel::Arr).data().toString(), QLocale().toString(250000.0, 'f', 0));
        QCOMPARE(model.index(1, AccountsModel::LifecycleStage).data().toString(), QStringLiteral("Mature"));
        QCOMPARE(model.index(1, AccountsModel::Contacts).data(Qt::UserRole).toInt(), 2);
        QCOMPARE(model.index(0, AccountsModel::Contacts).data(Qt::UserRole).toInt(), 0);
        QCOMPARE(model.headerData(AccountsModel::Arr, Qt::Horizontal).toString(), QStringLiteral("ARR"));
    }

    void reloadSeesNewRowsAndProxySortsByValue()
    {
        TestWorkspace ws;
        importFile(ws, RecordKind::Accounts, "id,name,arr\nA,One,900\nB,Two,10000\n");
        AccountsModel model(ws.database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QueryTableModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(5000));
        importFile(ws, RecordKind::Accounts, "id,name,arr\nC,Three,50\n");
        model.reload();
        model.reload(); // queued behind the running load, not lost
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 3, 5000);
        QCOMPARE(model.rowCount(), 3);

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::UserRole);
        proxy.sort(AccountsModel::Arr, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, AccountsModel::Name).data().toString(), QStringLiteral("Three"));
        QCOMPARE(proxy.index(2, AccountsModel::Name).data().toString(), QStringLiteral("Two"));
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterFixedString(QStringLiteral("tw"));
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QCOMPARE(proxy.rowCount(), 1);
    }

    void contactsModelShowsAccountAndSource()
    {
        TestWorkspace ws;
        importFile(ws, RecordKind::Accounts, "id,name\nA,Acme\n");
        importFile(ws, RecordKind::Contacts, "id,name,email,role,account id\nU1,Ada,ada@acme.example,Admin,A\nU2,Bob,,,\n");
        ContactsModel model(ws.database());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &QueryTableModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, ContactsModel::Account).data().toString(), QStringLiteral("Acme"));
        QCOMPARE(model.index(0, ContactsModel::AccountExternalId).data().toString(), QStringLiteral("A"));
        QCOMPARE(model.index(0, ContactsModel::CreatedBy).data().toString(), QStringLiteral("Imported"));
        QVERIFY(model.index(1, ContactsModel::Account).data(Qt::UserRole).isNull());
    }

    void tenThousandRowsLoad()
    {
        TestWorkspace ws;
        QByteArray csv = "id,name,arr\n";
        for (int i = 0; i < 10000; ++i)
            csv += "A" + QByteArray::number(i) + ",Account " + QByteArray::number(i) + "," + QByteArray::number(i) + "\n";
        importFile(ws, RecordKind::Accounts, csv);
        AccountsModel model(ws.database());
        QSignalSpy loaded(&model, &QueryTableModel::loaded);
        model.reload();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
