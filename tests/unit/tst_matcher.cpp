#include "TestSupport.h"

#include "store/CsImporter.h"
#include "sync/Matcher.h"

#include <QSqlError>

/** Matching rules over a hand-made raw layer: normalisation, ambiguity, re-resolution, contact creation. */
class TestMatcher : public QObject
{
    Q_OBJECT

    static void importCsv(TestWorkspace &ws, RecordKind kind, const QByteArray &csv, bool skipInvalid = false)
    {
        const QString path = ws.writeFile(recordKindKey(kind) + QStringLiteral(".csv"), csv);
        ImportOptions options;
        options.skipInvalid = skipInvalid;
        const ImportReport report =
            CsImporter(ws.database(), kind).run(path, CsImporter::preview(path, kind).mapping, options);
        QVERIFY2(report.written, qPrintable(report.fatalError + report.errors.value(0).toString()));
    }

    static void pendoAccount(TestWorkspace &ws, const QString &id, int events = 0, const QString &metadata = QStringLiteral("{}"))
    {
        QSqlQuery query(ws.database().connection());
        query.prepare(QStringLiteral("INSERT INTO pendo_accounts (account_id, metadata, events_30d, refreshed_at) VALUES (?, ?, ?, 'now')"));
        query.addBindValue(id);
        query.addBindValue(metadata);
        query.addBindValue(events);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

    static void visitor(TestWorkspace &ws, const QString &id, const QString &account, const QString &email,
                        bool doNotProcess = false)
    {
        QSqlQuery query(ws.database().connection());
        query.prepare(QStringLiteral("INSERT INTO pendo_visitors (visitor_id, account_id, email, metadata, do_not_process, "
                                     "events_30d, refreshed_at) VALUES (?, ?, ?, ?, ?, 5, 'now')"));
        query.addBindValue(id);
        query.addBindValue(account);
        query.addBindValue(email.isEmpty() ? QVariant() : QVariant(email));
        query.addBindValue(QStringLiteral("{\"agent\":{\"email\":\"%1\",\"name\":\"Name of %2\"}}").arg(email, id));
        query.addBindValue(doNotProcess ? 1 : 0);
        QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
    }

private Q_SLOTS:
    void accountKeyNormalisation_data()
    {
        QTest::addColumn<QString>("crmId");
        QTest::addColumn<QString>("pendoId");
        QTest::addColumn<bool>("trim");
        QTest::addColumn<bool>("caseInsensitive");
        QTest::addColumn<bool>("matched");
        QTest::newRow("exact") << QStringLiteral("ACME-1") << QStringLiteral("ACME-1") << false << false << true;
        QTest::newRow("case, sensitive") << QStringLiteral("acme-1") << QStringLiteral("ACME-1") << true << false << false;
        QTest::newRow("case, ignored") << QStringLiteral("acme-1") << QStringLiteral("ACME-1") << true << true << true;
        QTest::newRow("space, kept") << QStringLiteral(" ACME-1") << QStringLiteral("ACME-1") << false << false << false;
        QTest::newRow("space, trimmed") << QStringLiteral(" ACME-1") << QStringLiteral("ACME-1") << true << false << true;
        QTest::newRow("both") << QStringLiteral(" acme-1 ") << QStringLiteral("ACME-1") << true << true << true;
        QTest::newRow("different") << QStringLiteral("ACME-2") << QStringLiteral("ACME-1") << true << true << false;
        QTest::newRow("unicode case") << QStringLiteral("ÖSTERREICH-1") << QStringLiteral("österreich-1") << true << true << true;
    }

    void accountKeyNormalisation()
    {
        QFETCH(QString, crmId);
        QFETCH(QString, pendoId);
        QFETCH(bool, trim);
        QFETCH(bool, caseInsensitive);
        QFETCH(bool, matched);
        TestWorkspace ws;
        importCsv(ws, RecordKind::Accounts, QByteArray("id,name\n\"") + crmId.toUtf8() + "\",Acme\n");
        pendoAccount(ws, pendoId);
        MatchRules rules;
        rules.account.trim = trim;
        rules.account.caseInsensitive = caseInsensitive;
        const MatchPreview preview = Matcher(ws.database()).preview(rules);
        QVERIFY(preview.error.isEmpty());
        QCOMPARE(preview.accounts.matched, matched ? 1 : 0);
        QCOMPARE(preview.accounts.unmatched, matched ? 0 : 1);
        QCOMPARE(preview.crmAccountsWithoutPendo, matched ? 0 : 1);
    }

    void ambiguityIsReportedNotResolved()
    {
        TestWorkspace ws;
        // Two CRM accounts that are the same key once case is ignored; one Pendo account.
        importCsv(ws, RecordKind::Accounts, "id,name,Pendo Id\nA-1,Alpha,P1\na-1,Alpha EU,P1\nB-1,Beta,P2\n");
        pendoAccount(ws, QStringLiteral("A-1"));
        pendoAccount(ws, QStringLiteral("B-1"));
        pendoAccount(ws, QStringLiteral("b-1"));
        MatchRules rules;
        rules.account.caseInsensitive = true;
        MatchPreview preview = Matcher(ws.database()).preview(rules);
        // A-1 has two CRM candidates; B-1 and b-1 are two Pendo ids on one CRM record.
        QCOMPARE(preview.accounts.matched, 0);
        QCOMPARE(preview.accounts.ambiguous, 3);
        QCOMPARE(preview.unmatchedAccounts.size(), 3);
        for (const UnmatchedItem &item : preview.unmatchedAccounts)
            QVERIFY(item.ambiguous);
        const auto a1 = std::find_if(preview.unmatchedAccounts.cbegin(), preview.unmatchedAccounts.cend(),
                                     [](const UnmatchedItem &item) { return item.pendoId == QLatin1String("A-1"); });
        QCOMPARE(a1->candidates.size(), 2);

        // A rule on a custom field: both CRM accounts carry P1.
        rules.account = {QStringLiteral("accountId"), QStringLiteral("custom.Pendo Id"), true, false};
        QSqlQuery(ws.database().connection()).exec(QStringLiteral("DELETE FROM pendo_accounts"));
        pendoAccount(ws, QStringLiteral("P1"));
        pendoAccount(ws, QStringLiteral("P2"));
        preview = Matcher(ws.database()).preview(rules);
        QCOMPARE(preview.accounts.ambiguous, 1);
        QCOMPARE(preview.accounts.matched, 1);
    }

    void duplicateSkippedOnImportMakesTheIdAmbiguous()
    {
        TestWorkspace ws;
        importCsv(ws, RecordKind::Accounts, "id,name\nT-1,Thistle\nT-1,Thistle EMEA\nU-1,Umber\n", true);
        pendoAccount(ws, QStringLiteral("T-1"));
        pendoAccount(ws, QStringLiteral("U-1"));
        const MatchPreview preview = Matcher(ws.database()).preview(MatchRules());
        QCOMPARE(preview.accounts.matched, 1);
        QCOMPARE(preview.accounts.ambiguous, 1);
        QCOMPARE(preview.unmatchedAccounts.first().pendoId, QStringLiteral("T-1"));
        QVERIFY(preview.unmatchedAccounts.first().candidates.contains(-3)); // the skipped row on line 3
    }

    void contactRulesInOrderAndSuggestions()
    {
        TestWorkspace ws;
        importCsv(ws, RecordKind::Accounts, "id,name\nA,Alpha\nB,Beta\n");
        importCsv(ws, RecordKind::Contacts, "id,email,account id\nV1,v1@a.example,A\nC-77,V2@A.example,A\nV3,v3@b.example,B\n");
        pendoAccount(ws, QStringLiteral("A"));
        pendoAccount(ws, QStringLiteral("B"));
        visitor(ws, QStringLiteral("V1"), QStringLiteral("A"), QStringLiteral("v1@a.example"));
        visitor(ws, QStringLiteral("V2"), QStringLiteral("A"), QStringLiteral("v2@a.example")); // e-mail only
        visitor(ws, QStringLiteral("V4"), QStringLiteral("A"), QStringLiteral("v4@a.example")); // unknown
        visitor(ws, QStringLiteral("V5"), QStringLiteral("Z"), QStringLiteral("v5@z.example")); // unknown account
        visitor(ws, QStringLiteral("V6"), QStringLiteral("B"), QStringLiteral("v6@b.example"), true); // do not process
        visitor(ws, QStringLiteral("_PENDO_T_x"), QString(), QString());                       // anonymous

        MatchRules idOnly;
        idOnly.contact = {idOnly.contact.first()};
        MatchPreview preview = Matcher(ws.database()).preview(idOnly);
        QCOMPARE(preview.contacts.total(), 4); // anonymous and Do-Not-Process visitors take no part
        QCOMPARE(preview.contacts.matched, 1);
        const auto suggestion = [&](MatchSuggestion::Action action) -> qint64 {
            for (const MatchSuggestion &s : preview.suggestions) {
                if (s.action == action)
                    return s.count;
            }
            return -1;
        };
        QCOMPARE(suggestion(MatchSuggestion::Action::AddEmailRule), 1);
        QCOMPARE(suggestion(MatchSuggestion::Action::CreateContacts), 2); // V2 and V4: their account matched

        preview = Matcher(ws.database()).preview(MatchRules()); // ids, then e-mail ignoring case
        QCOMPARE(preview.contacts.matched, 2);
        QCOMPARE(suggestion(MatchSuggestion::Action::AddEmailRule), -1);
        QCOMPARE(suggestion(MatchSuggestion::Action::CreateContacts), 1);
        QCOMPARE(preview.unmatchedVisitors.size(), 2);
    }

    void applyWritesResolutionsAndARuleChangeReResolves()
    {
        TestWorkspace ws;
        importCsv(ws, RecordKind::Accounts, "id,name\nacme,Acme\n");
        pendoAccount(ws, QStringLiteral("ACME"), 40);
        Matcher matcher(ws.database());
        QString error;
        MatchPreview result;
        QVERIFY2(matcher.apply(MatchRules(), 1, &result, &error), qPrintable(error));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT status FROM match_resolutions WHERE object = 'account'")).toString(),
                 QStringLiteral("unmatched"));
        MatchRules looser;
        looser.account.caseInsensitive = true;
        QVERIFY2(matcher.apply(looser, 2, &result, &error), qPrintable(error));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT status || ':' || config_version FROM match_resolutions WHERE "
                                          "object = 'account'"))
                     .toString(),
                 QStringLiteral("matched:2"));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM match_resolutions")).toInt(), 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'match.apply'")).toInt(), 2);
    }

    void createsContactsOnlyForVisitorsOfMatchedAccounts()
    {
        TestWorkspace ws;
        importCsv(ws, RecordKind::Accounts, "id,name\nA,Alpha\n");
        pendoAccount(ws, QStringLiteral("A"));
        visitor(ws, QStringLiteral("V1"), QStringLiteral("A"), QStringLiteral("v1@a.example"));
        visitor(ws, QStringLiteral("V2"), QStringLiteral("Z"), QStringLiteral("v2@z.example"));
        QString error;
        const qint64 created = Matcher(ws.database()).createContactsForUnmatched(MatchRules(), 1, QStringLiteral("test"), &error);
        QCOMPARE(created, 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT created_by || '|' || email || '|' || name FROM contacts")).toString(),
                 QStringLiteral("integration|v1@a.example|Name of V1"));
        const MatchPreview after = Matcher(ws.database()).preview(MatchRules());
        QCOMPARE(after.contacts.matched, 1);
        QCOMPARE(after.contacts.unmatched, 1);
        QCOMPARE(Matcher(ws.database()).createContactsForUnmatched(MatchRules(), 1, QStringLiteral("test"), &error), 0);
    }
};

QTEST_GUILESS_MAIN(TestMatcher)
#include "tst_matcher.moc"
