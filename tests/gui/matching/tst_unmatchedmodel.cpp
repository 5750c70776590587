#include "MatchingTestSupport.h"

#include "items/UnmatchedModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>

/** The unmatched-objects table, the field catalog for rule editors and the CS record labels. */
class TestUnmatchedModel : public QObject
{
    Q_OBJECT

    static QList<UnmatchedItem> visitors()
    {
        UnmatchedItem plain;
        plain.pendoId = QStringLiteral("v-1");
        plain.label = QStringLiteral("one@x.com");
        plain.accountId = QStringLiteral("A-1");
        plain.accountMatched = true;
        plain.events30d = 12;
        plain.minutes30d = 3;
        UnmatchedItem ambiguous;
        ambiguous.pendoId = QStringLiteral("v-2");
        ambiguous.label = QStringLiteral("two@x.com");
        ambiguous.accountId = QStringLiteral("A-2");
        ambiguous.ambiguous = true;
        ambiguous.candidates = {7, 9, -4};
        ambiguous.events30d = 400;
        ambiguous.minutes30d = 90;
        return {plain, ambiguous};
    }

private Q_SLOTS:
    void passesTheModelTesterThroughResets()
    {
        UnmatchedModel model(UnmatchedModel::Kind::Visitors);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(Qt::UserRole);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        model.setItems(visitors());
        QCOMPARE(model.rowCount(), 2);
        proxy.sort(model.columnOf(UnmatchedModel::Column::Events), Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("v-2"));
        model.setItems({});
        QCOMPARE(model.rowCount(), 0);
        model.setItems(visitors().mid(0, 1));
        QCOMPARE(model.rowCount(), 1);
    }

    void columnsDependOnTheKind()
    {
        UnmatchedModel accounts(UnmatchedModel::Kind::Accounts);
        UnmatchedModel visitorsModel(UnmatchedModel::Kind::Visitors);
        QCOMPARE(accounts.columnCount(), 5);
        QCOMPARE(visitorsModel.columnCount(), 7);
        QCOMPARE(accounts.columnOf(UnmatchedModel::Column::Account), -1);
        QVERIFY(visitorsModel.columnOf(UnmatchedModel::Column::AccountMatched) >= 0);
    }

    void ambiguousRowsNameTheRecordsThatClaimThem()
    {
        UnmatchedModel model(UnmatchedModel::Kind::Visitors);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setItems(visitors(), {{7, QStringLiteral("Ada <ada@x.com> (C-7)")}, {9, QStringLiteral("Al (C-9)")}});
        const QModelIndex ambiguous = model.index(1, model.columnOf(UnmatchedModel::Column::Status));
        QVERIFY(ambiguous.data(UnmatchedModel::AmbiguousRole).toBool());
        const QStringList candidates = ambiguous.data(UnmatchedModel::CandidatesRole).toStringList();
        QCOMPARE(candidates.size(), 3);
        QCOMPARE(candidates.at(0), QStringLiteral("Ada <ada@x.com> (C-7)"));
        QVERIFY(candidates.at(2).contains(QStringLiteral("line 4")));
        QVERIFY(ambiguous.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Al (C-9)")));
        QVERIFY(ambiguous.data().toString().contains(QStringLiteral("3")));
        const QModelIndex plain = model.index(0, model.columnOf(UnmatchedModel::Column::Status));
        QVERIFY(!plain.data(UnmatchedModel::AmbiguousRole).toBool());
        QCOMPARE(model.index(0, model.columnOf(UnmatchedModel::Column::AccountMatched)).data(UnmatchedModel::AccountMatchedRole).toBool(),
                 true);
        QCOMPARE(model.index(1, model.columnOf(UnmatchedModel::Column::Events)).data(Qt::UserRole).toLongLong(), 400);
    }

    void catalogOffersMetadataAndCustomFields()
    {
        MatchingWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(ws.importCs("Account ID,Account Name,Salesforce ID\nA-1,Acme,SF-1\n",
                            "Contact ID,Email,Account ID,Badge\nC-1,ada@x.com,A-1,B7\n"));
        QSqlQuery query(ws.database().connection());
        QVERIFY(query.exec(QStringLiteral("INSERT INTO pendo_metadata_fields (object, field_group, field, field_type, "
                                          "display_name) VALUES ('account', 'salesforce', 'sfid', 'string', 'SFDC id'), "
                                          "('visitor', 'agent', 'email', 'string', NULL), "
                                          "('visitor', 'custom', 'badge', 'string', NULL)")));
        QString error;
        const MatchFieldCatalog catalog = MatchFieldCatalog::load(ws.database(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto keys = [](const QList<MatchFieldOption> &options) {
            QStringList list;
            for (const MatchFieldOption &option : options)
                list << option.key;
            return list;
        };
        QCOMPARE(keys(catalog.pendoAccount),
                 QStringList({QStringLiteral("accountId"), QStringLiteral("metadata.salesforce.sfid")}));
        QCOMPARE(keys(catalog.pendoVisitor),
                 QStringList({QStringLiteral("visitorId"), QStringLiteral("metadata.agent.email"),
                              QStringLiteral("metadata.custom.badge")}));
        QVERIFY(keys(catalog.csAccount).contains(QStringLiteral("custom.Salesforce ID")));
        QVERIFY(keys(catalog.csContact).contains(QStringLiteral("custom.Badge")));
        QCOMPARE(catalog.pendoAccount.at(1).label, QStringLiteral("SFDC id (salesforce)"));
    }

    void labelsNameCsRecords()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.importCs("Account ID,Account Name\nA-1,Acme\n", "Contact ID,Email,Name,Account ID\nC-1,ada@x.com,Ada,A-1\n"));
        const qint64 account = ws.scalar(QStringLiteral("SELECT id FROM accounts")).toLongLong();
        const qint64 contact = ws.scalar(QStringLiteral("SELECT id FROM contacts")).toLongLong();
        QCOMPARE(CsRecordLabels::load(ws.database(), RecordKind::Accounts, {account, -3}).value(account),
                 QStringLiteral("Acme (A-1)"));
        QCOMPARE(CsRecordLabels::load(ws.database(), RecordKind::Contacts, {contact}).value(contact),
                 QStringLiteral("Ada <ada@x.com> (C-1)"));
    }
};

QTEST_MAIN(TestUnmatchedModel)
#include "tst_unmatchedmodel.moc"
