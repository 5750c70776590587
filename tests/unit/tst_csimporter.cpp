#include "TestSupport.h"

#include "store/CsImporter.h"

#include <QJsonDocument>
#include <QJsonObject>

/** All-or-nothing, skip-invalid with a reject file, idempotent re-import, contacts ↔ accounts. */
class TestCsImporter : public QObject
{
    Q_OBJECT

    static ImportReport import(TestWorkspace &ws, RecordKind kind, const QString &path, ImportOptions options = {})
    {
        const ImportPreview preview = CsImporter::preview(path, kind);
        if (!preview.error.isEmpty()) {
            ImportReport report;
            report.fatalError = preview.error;
            return report;
        }
        return CsImporter(ws.database(), kind).run(path, preview.mapping, options);
    }

    static QByteArray accountsCsv()
    {
        return "Account ID,Account Name,Owner,ARR,Renewal Date,Seats,Stage,Plan\r\n"
               "A-1,Acme,Maya,\"48,000\",2027-03-01,50,Adoption,Growth\r\n"
               "A-2,\"Beta, Inc.\",Omar,12000,2027-04-01,10,onboarding,Starter\r\n"
               "A-3,Gamma,,,,,,\r\n";
    }

private Q_SLOTS:
    void importsAccountsWithCustomFields()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        const ImportReport report = import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("a.csv"), accountsCsv()));
        QVERIFY2(report.written, qPrintable(report.fatalError));
        QCOMPARE(report.rowsRead, 3);
        QCOMPARE(report.inserted, 3);
        QCOMPARE(report.updated, 0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT arr FROM accounts WHERE external_id = 'A-1'")).toDouble(), 48000.0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM accounts WHERE external_id = 'A-2'")).toString(),
                 QStringLiteral("Beta, Inc."));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT s.stage_key FROM accounts a JOIN lifecycle_stages s ON "
                                          "s.id = a.lifecycle_stage_id WHERE a.external_id = 'A-2'"))
                     .toString(),
                 QStringLiteral("onboarding"));
        const QJsonObject custom = QJsonDocument::fromJson(
                                       ws.scalar(QStringLiteral("SELECT custom_fields FROM accounts WHERE external_id = "
                                                                "'A-1'"))
                                           .toByteArray())
                                       .object();
        QCOMPARE(custom.value(QStringLiteral("Plan")).toString(), QStringLiteral("Growth"));
        QVERIFY(ws.scalar(QStringLiteral("SELECT owner FROM accounts WHERE external_id = 'A-3'")).isNull());
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM import_runs")).toInt(), 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT action FROM audit_log")).toString(), QStringLiteral("import.accounts"));
    }

    void brokenRowInTheMiddleChangesNothing()
    {
        TestWorkspace ws;
        QVERIFY(import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("a.csv"), accountsCsv())).written);
        const QStringList accountsBefore = ws.dump(QStringLiteral("accounts"));
        const QStringList auditBefore = ws.dump(QStringLiteral("audit_log"));

        QByteArray broken = "id,name,arr\n";
        for (int i = 0; i < 200; ++i) {
            if (i == 100)
                broken += "B-100,Broken,not-a-number\n";
            else
                broken += "B-" + QByteArray::number(i) + ",Name " + QByteArray::number(i) + "," + QByteArray::number(i)
                          + "\n";
        }
        broken += "A-1,Acme renamed,1\n";
        const ImportReport report = import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("b.csv"), broken));
        QVERIFY(!report.written);
        QVERIFY(report.fatalError.isEmpty());
        QCOMPARE(report.rejected, 1);
        QCOMPARE(report.errors.size(), 1);
        QCOMPARE(report.errors.first().line, 102); // header is line 1, row i is line i + 2
        QCOMPARE(report.errors.first().column, QStringLiteral("arr"));
        QVERIFY(report.errors.first().message.contains(QStringLiteral("bad number 'not-a-number'")));
        QCOMPARE(report.inserted, 0);
        QCOMPARE(ws.dump(QStringLiteral("accounts")), accountsBefore);
        QCOMPARE(ws.dump(QStringLiteral("audit_log")), auditBefore);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM import_runs")).toInt(), 1);
        QVERIFY(!QFile::exists(ws.dir() + QStringLiteral("/b.rejects.csv")));
    }

    void unterminatedQuoteChangesNothing()
    {
        TestWorkspace ws;
        const ImportReport report = import(ws, RecordKind::Accounts,
                                           ws.writeFile(QStringLiteral("q.csv"), "id,name\nA,ok\nB,\"never closed\nC,x\n"));
        QVERIFY(!report.written);
        QVERIFY2(report.fatalError.contains(QStringLiteral("line 3")), qPrintable(report.fatalError));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 0);
    }

    void skipInvalidImportsGoodRowsAndWritesRejects()
    {
        TestWorkspace ws;
        const QByteArray csv = "id;name;renewal_date\n"
                               "A;Alpha;2027-01-01\n"
                               "B;Beta;someday\n"
                               ";Nameless;\n"
                               "A;Alpha again;\n"
                               "C;Gamma;\n";
        ImportOptions options;
        options.skipInvalid = true;
        const ImportReport report = import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("s.csv"), csv), options);
        QVERIFY2(report.written, qPrintable(report.fatalError));
        QCOMPARE(report.inserted, 2);
        QCOMPARE(report.rejected, 3);
        QCOMPARE(ws.dump(QStringLiteral("accounts"), QStringLiteral("external_id")).size(), 2);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM accounts WHERE external_id = 'A'")).toString(),
                 QStringLiteral("Alpha"));

        QCOMPARE(report.rejectFilePath, ws.dir() + QStringLiteral("/s.rejects.csv"));
        QFile rejects(report.rejectFilePath);
        QVERIFY(rejects.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(rejects.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines.at(0), QStringLiteral("id;name;renewal_date;reject_line;reject_reason"));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("B;Beta;someday;3;renewal_date: bad date 'someday'")),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).contains(QStringLiteral(";4;id: missing External ID")), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).contains(QStringLiteral("duplicate external id 'A' (first seen on line 2)")),
                 qPrintable(lines.at(3)));
    }

    void reimportUpdatesInsteadOfDuplicating()
    {
        TestWorkspace ws;
        const QString path = ws.writeFile(QStringLiteral("a.csv"), accountsCsv());
        QVERIFY(import(ws, RecordKind::Accounts, path).written);
        const QStringList first = ws.dump(QStringLiteral("accounts"));
        const ImportReport again = import(ws, RecordKind::Accounts, path);
        QVERIFY(again.written);
        QCOMPARE(again.inserted, 0);
        QCOMPARE(again.updated, 3);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 3);
        // Same ids, same values; only updated_at may move.
        QStringList second = ws.dump(QStringLiteral("accounts"));
        QCOMPARE(second.size(), first.size());
        for (qsizetype i = 0; i < first.size(); ++i)
            QCOMPARE(first.at(i).section(u'|', 0, 10), second.at(i).section(u'|', 0, 10));
    }

    void partialFileUpdatesOnlyItsColumns()
    {
        TestWorkspace ws;
        QVERIFY(import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("a.csv"), accountsCsv())).written);
        const ImportReport report = import(ws, RecordKind::Accounts,
                                           ws.writeFile(QStringLiteral("p.csv"), "id,name,Tier\nA-1,Acme Corp,Gold\n"));
        QVERIFY(report.written);
        QCOMPARE(report.updated, 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM accounts WHERE external_id = 'A-1'")).toString(),
                 QStringLiteral("Acme Corp"));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT owner FROM accounts WHERE external_id = 'A-1'")).toString(),
                 QStringLiteral("Maya"));
        const QJsonObject custom = QJsonDocument::fromJson(
                                       ws.scalar(QStringLiteral("SELECT custom_fields FROM accounts WHERE external_id = "
                                                                "'A-1'"))
                                           .toByteArray())
                                       .object();
        QCOMPARE(custom.value(QStringLiteral("Plan")).toString(), QStringLiteral("Growth"));
        QCOMPARE(custom.value(QStringLiteral("Tier")).toString(), QStringLiteral("Gold"));
    }

    void contactsLinkToAccountsAndRejectUnknownOnes()
    {
        TestWorkspace ws;
        QVERIFY(import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("a.csv"), accountsCsv())).written);
        const QByteArray contacts = "Contact ID,Email,Full Name,Title,Account ID\n"
                                    "U-1,ada@acme.example,Ada,Admin,A-1\n"
                                    "U-2,bob@beta.example,Bob,User,A-2\n"
                                    "U-3,carl@nowhere.example,Carl,User,A-404\n"
                                    "U-4,not-an-email,Dora,User,\n";
        ImportReport report = import(ws, RecordKind::Contacts, ws.writeFile(QStringLiteral("c.csv"), contacts));
        QVERIFY(!report.written);
        QCOMPARE(report.rejected, 2);
        QCOMPARE(report.errors.at(0).line, 4);
        QVERIFY(report.errors.at(0).message.contains(QStringLiteral("unknown account 'A-404'")));
        QCOMPARE(report.errors.at(1).line, 5);
        QVERIFY(report.errors.at(1).message.contains(QStringLiteral("bad e-mail address")));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM contacts")).toInt(), 0);

        ImportOptions options;
        options.skipInvalid = true;
        options.rejectFilePath = ws.dir() + QStringLiteral("/custom-rejects.csv");
        report = import(ws, RecordKind::Contacts, ws.writeFile(QStringLiteral("c.csv"), contacts), options);
        QVERIFY(report.written);
        QCOMPARE(report.inserted, 2);
        QVERIFY(QFile::exists(options.rejectFilePath));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT a.external_id FROM contacts c JOIN accounts a ON a.id = c.account_id "
                                          "WHERE c.external_id = 'U-2'"))
                     .toString(),
                 QStringLiteral("A-2"));
    }

    void reportsMappingProblemsBeforeReading()
    {
        TestWorkspace ws;
        const QString path = ws.writeFile(QStringLiteral("n.csv"), "id,label\nA,x\n");
        const ImportPreview preview = CsImporter::preview(path, RecordKind::Accounts);
        const ImportReport report = CsImporter(ws.database(), RecordKind::Accounts).run(path, preview.mapping, {});
        QVERIFY(!report.written);
        QVERIFY2(report.fatalError.contains(QStringLiteral("required field Name")), qPrintable(report.fatalError));
        QCOMPARE(report.rowsRead, 0);
    }

    void emptyAndMissingFiles()
    {
        TestWorkspace ws;
        ImportPreview preview = CsImporter::preview(ws.writeFile(QStringLiteral("e.csv"), ""), RecordKind::Accounts);
        QVERIFY2(preview.error.contains(QStringLiteral("empty")), qPrintable(preview.error));
        preview = CsImporter::preview(ws.dir() + QStringLiteral("/missing.csv"), RecordKind::Accounts);
        QVERIFY2(preview.error.contains(QStringLiteral("Cannot open")), qPrintable(preview.error));
    }

    void cancelRollsBack()
    {
        TestWorkspace ws;
        QByteArray csv = "id,name\n";
        for (int i = 0; i < 5000; ++i)
            csv += "C-" + QByteArray::number(i) + ",Name\n";
        const QString path = ws.writeFile(QStringLiteral("big.csv"), csv);
        const ImportPreview preview = CsImporter::preview(path, RecordKind::Accounts);
        int progressCalls = 0;
        const ImportReport report = CsImporter(ws.database(), RecordKind::Accounts)
                                        .run(path, preview.mapping, {}, [&](qint64, qint64) { ++progressCalls; },
                                             [&] { return progressCalls > 12; });
        QVERIFY(report.canceled);
        QVERIFY(!report.written);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 0);
    }

    void databaseFailureRollsBackAndSaysSo()
    {
        TestWorkspace ws;
        QVERIFY(import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("a.csv"), accountsCsv())).written);
        const QStringList before = ws.dump(QStringLiteral("accounts"));
        // A trigger makes the workspace refuse one row in the middle of the write.
        QVERIFY(QSqlQuery(ws.database().connection())
                    .exec(QStringLiteral("CREATE TRIGGER refuse BEFORE INSERT ON accounts WHEN NEW.external_id = 'X-5' "
                                         "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
        QByteArray csv = "id,name\n";
        for (int i = 0; i < 10; ++i)
            csv += "X-" + QByteArray::number(i) + ",Name\n";
        const ImportReport report = import(ws, RecordKind::Accounts, ws.writeFile(QStringLiteral("x.csv"), csv));
        QVERIFY(!report.written);
        QVERIFY(report.workspaceFailure);
        QVERIFY2(report.fatalError.contains(QStringLiteral("refused by test")), qPrintable(report.fatalError));
        QVERIFY(report.fatalError.contains(QStringLiteral("Nothing was imported")));
        QCOMPARE(ws.dump(QStringLiteral("accounts")), before);
    }
};

QTEST_GUILESS_MAIN(TestCsImporter)
#include "tst_csimporter.moc"
