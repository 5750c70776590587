#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "imports/ImportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>

/** The import dialog driven offscreen: preview, mapping fixes, validation before writing, import. */
class TestImportDialog : public QObject
{
    Q_OBJECT

    static void chooseTarget(ImportDialog &dialog, int column, const QString &label)
    {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("targetComboBox_%1").arg(column));
        QVERIFY(combo);
        const int index = combo->findText(label, Qt::MatchStartsWith);
        QVERIFY2(index >= 0, qPrintable(label));
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index); // what a user's pick emits
    }


    static QString summary(ImportDialog &dialog)
    {
        return requireChild<QLabel>(&dialog, QStringLiteral("summaryLabel"))->text();
    }

private Q_SLOTS:
    void fixMappingThenImport()
    {
        TestWorkspace ws;
        const QString path = ws.writeFile(QStringLiteral("crm.csv"),
                                          "Code,Title,ARR,Segment\nK-1,Kappa,1000,SMB\nK-2,Lambda,2000,ENT\n");
        ImportDialog dialog(ws.session(), RecordKind::Accounts);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importPushButton"));
        QVERIFY(importButton);
        auto *mapping = dialog.findChild<QTableWidget *>(QStringLiteral("mappingTableWidget"));
        QVERIFY(mapping);
        auto *preview = dialog.findChild<QTableView *>(QStringLiteral("previewTableView"));
        QVERIFY(preview);
        QSignalSpy validated(&dialog.controller(), &ImportController::validated);

        dialog.openFile(path);
        QCOMPARE(mapping->rowCount(), 4);
        QCOMPARE(preview->model()->rowCount(), 2);
        QCOMPARE(preview->model()->index(1, 1).data().toString(), QStringLiteral("Lambda"));
        QVERIFY(validated.wait(5000));
        // Neither Code nor Title is recognised: the required fields are missing and nothing can be imported.
        QVERIFY2(summary(dialog).contains(QStringLiteral("required field External ID")), qPrintable(summary(dialog)));
        QVERIFY(!importButton->isEnabled());

        chooseTarget(dialog, 0, QStringLiteral("External ID"));
        chooseTarget(dialog, 1, QStringLiteral("Name"));
        QTRY_VERIFY_WITH_TIMEOUT(summary(dialog).contains(QStringLiteral("Rows checked: 2. All are valid")), 5000);
        QVERIFY(importButton->isEnabled());
        QVERIFY(preview->model()->headerData(1, Qt::Horizontal).toString().contains(QStringLiteral("Name")));
        saveScreenshot(dialog, "import-dialog-mapped");
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 0);

        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QVERIFY2(summary(dialog).contains(QStringLiteral("2 new")), qPrintable(summary(dialog)));
        QCOMPARE(requireChild<QProgressBar>(&dialog, QStringLiteral("importProgressBar"))->value(), 100);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM accounts WHERE external_id = 'K-2'")).toString(),
                 QStringLiteral("Lambda"));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT custom_fields FROM accounts WHERE external_id = 'K-2'")).toString(),
                 QStringLiteral("{\"Segment\":\"ENT\"}"));
        QVERIFY(!importButton->isEnabled());
    }

    void showsErrorsBeforeWritingAndCanSkipThem()
    {
        TestWorkspace ws;
        const QString path = ws.writeFile(QStringLiteral("bad.csv"),
                                          "id,name,renewal_date\nA,Alpha,2027-01-01\nB,Beta,tomorrow\nC,,\n");
        ImportDialog dialog(ws.session(), RecordKind::Accounts);
        dialog.show();
        QSignalSpy validated(&dialog.controller(), &ImportController::validated);
        dialog.openFile(path);
        QVERIFY(validated.wait(5000));
        auto *issues = dialog.findChild<QListWidget *>(QStringLiteral("issuesListWidget"));
        QVERIFY(issues);
        auto *importButton = dialog.findChild<QPushButton *>(QStringLiteral("importPushButton"));
        QVERIFY(importButton);
        auto *skip = dialog.findChild<QCheckBox *>(QStringLiteral("skipInvalidCheckBox"));
        QVERIFY(skip);
        QCOMPARE(issues->count(), 2);
        QVERIFY2(issues->item(0)->text().startsWith(QStringLiteral("line 3, column 'renewal_date': bad date")),
                 qPrintable(issues->item(0)->text()));
        QVERIFY(issues->item(1)->text().startsWith(QStringLiteral("line 4, column 'name': missing Name")));
        QVERIFY(summary(dialog).contains(QStringLiteral("2 of 3 rows have problems")));
        saveScreenshot(dialog, "import-dialog-errors");
        QVERIFY(!importButton->isEnabled());

        skip->setChecked(true);
        QVERIFY(importButton->isEnabled());
        QSignalSpy finished(&dialog, &ImportDialog::importFinished);
        QTest::mouseClick(importButton, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts")).toInt(), 1);
        QVERIFY(QFile::exists(ws.dir() + QStringLiteral("/bad.rejects.csv")));
        QVERIFY2(summary(dialog).contains(QStringLiteral("bad.rejects.csv")), qPrintable(summary(dialog)));
    }

    void switchingKindRemapsTheFile()
    {
        TestWorkspace ws;
        const QString path = ws.writeFile(QStringLiteral("people.csv"), "id,email,account id\nU1,u1@x.example,\n");
        ImportDialog dialog(ws.session(), RecordKind::Accounts);
        QSignalSpy validated(&dialog.controller(), &ImportController::validated);
        dialog.openFile(path);
        QVERIFY(validated.wait(5000));
        QVERIFY(summary(dialog).contains(QStringLiteral("required field Name")));
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("kindComboBox"));
        QVERIFY(kind);
        kind->setCurrentIndex(1);
        QCOMPARE(dialog.controller().kind(), RecordKind::Contacts);
        QVERIFY(validated.wait(5000));
        QVERIFY2(summary(dialog).contains(QStringLiteral("Rows checked: 1. All are valid")), qPrintable(summary(dialog)));
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("targetComboBox_1"));
        QVERIFY(combo);
        QCOMPARE(combo->currentText(), QStringLiteral("Email"));
    }

    void unreadableFileIsExplained()
    {
        TestWorkspace ws;
        ImportDialog dialog(ws.session(), RecordKind::Accounts);
        dialog.openFile(ws.dir() + QStringLiteral("/nope.csv"));
        QVERIFY(summary(dialog).contains(QStringLiteral("Cannot open")));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("importPushButton"))->isEnabled());
    }
};

QTEST_MAIN(TestImportDialog)
#include "tst_importdialog.moc"
