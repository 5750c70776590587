#include "GuiTestSupport.h"
#include "MatchingTestSupport.h"

#include "items/UnmatchedModel.h"
#include "matching/MatchKeyEditor.h"
#include "matching/MatchWorkbench.h"
#include "matching/MatchingPage.h"
#include "matching/UnmatchedListView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QWizard>

/** The workbench widget and the wizard page, driven like a user would, offscreen. */
class TestMatchWorkbench : public QObject
{
    Q_OBJECT

    static bool settled(MatchWorkbench &workbench)
    {
        return QTest::qWaitFor(
            [&workbench] { return workbench.controller().hasPreview() && !workbench.controller().isBusy(); }, 10000);
    }

    static QPushButton *applyButtonFor(QWidget &root, MatchSuggestion::Action action)
    {
        const QList<QPushButton *> buttons = root.findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->objectName().startsWith(QStringLiteral("applySuggestionPushButton_"))
                && button->property("suggestionAction").toInt() == int(action))
                return button;
        }
        return nullptr;
    }

private Q_SLOTS:
    void showsRatesAndUnmatchedListsOnFirstShow()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbench workbench(ws.session());
        workbench.resize(1180, 760);
        workbench.show();
        QVERIFY(settled(workbench));
        auto *rate = workbench.findChild<QLabel *>(QStringLiteral("accountsRateLabel"));
        QVERIFY(rate);
        QVERIFY(rate->text().contains(QStringLiteral("33")));
        auto *counts = workbench.findChild<QLabel *>(QStringLiteral("visitorsCountsLabel"));
        QVERIFY(counts->text().contains(QStringLiteral("<b>3</b> matched")));
        auto *tabs = workbench.findChild<QTabWidget *>(QStringLiteral("unmatchedTabWidget"));
        QVERIFY(tabs);
        QCOMPARE(tabs->tabText(0), QStringLiteral("Unmatched accounts (2)"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("Unmatched visitors (3)"));
        auto *create = workbench.findChild<QPushButton *>(QStringLiteral("createContactsPushButton"));
        QVERIFY(create->isEnabled());
        QVERIFY(create->text().contains(QStringLiteral("2")));
        auto *autoCreate = workbench.findChild<QCheckBox *>(QStringLiteral("autoCreateEndUsersCheckBox"));
        QVERIFY(autoCreate);
        QVERIFY(!autoCreate->isChecked());
        tabs->setCurrentIndex(1);
        saveScreenshot(&workbench, QStringLiteral("match-workbench"));
    }

    void searchFiltersTheUnmatchedList()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbench workbench(ws.session());
        workbench.show();
        QVERIFY(settled(workbench));
        auto *search = workbench.findChild<QLineEdit *>(QStringLiteral("unmatchedVisitorsSearchLineEdit"));
        QVERIFY(search);
        auto *table = workbench.findChild<QTableView *>(QStringLiteral("unmatchedVisitorsTableView"));
        QVERIFY(table);
        QVERIFY(search && table);
        QCOMPARE(table->model()->rowCount(), 3);
        // Busiest first.
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("v-new"));
        requireChild<QTabWidget>(&workbench, QStringLiteral("unmatchedTabWidget"))->setCurrentIndex(1);
        QTest::keyClicks(search, QStringLiteral("xylo"));
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("v-x"));
        search->clear();
        QTRY_COMPARE(table->model()->rowCount(), 3);
        auto *show = workbench.findChild<QComboBox *>(QStringLiteral("unmatchedVisitorsShowComboBox"));
        QVERIFY(show);
        show->setCurrentIndex(2); // account matched
        QCOMPARE(table->model()->rowCount(), 2);
    }

    void applyingASuggestionUpdatesTheCounts()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbench workbench(ws.session());
        QSignalSpy edited(&workbench, &MatchWorkbench::rulesEdited);
        workbench.show();
        QVERIFY(settled(workbench));
        auto *counts = workbench.findChild<QLabel *>(QStringLiteral("accountsCountsLabel"));
        QVERIFY(counts->text().contains(QStringLiteral("<b>1</b> matched")));
        QPushButton *apply = applyButtonFor(workbench, MatchSuggestion::Action::CaseInsensitiveAccounts);
        QVERIFY(apply);
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_COMPARE(edited.count(), 1);
        QVERIFY(settled(workbench));
        QTRY_VERIFY(counts->text().contains(QStringLiteral("<b>2</b> matched")));
        QVERIFY(workbench.findChild<QCheckBox *>(QStringLiteral("accountIgnoreCaseCheckBox"))->isChecked());
        QVERIFY(!applyButtonFor(workbench, MatchSuggestion::Action::CaseInsensitiveAccounts));
        QCOMPARE(requireChild<QTabWidget>(&workbench, QStringLiteral("unmatchedTabWidget"))->tabText(0),
                 QStringLiteral("Unmatched accounts (1)"));
    }

    void editingARuleRechecks()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbench workbench(ws.session());
        workbench.show();
        QVERIFY(settled(workbench));
        QSignalSpy edited(&workbench, &MatchWorkbench::rulesEdited);
        auto *remove = workbench.findChild<QWidget *>(QStringLiteral("removeContactRuleToolButton_1"));
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(edited.count(), 1);
        QCOMPARE(workbench.controller().rules().contact.size(), 1);
        QVERIFY(settled(workbench));
        QTRY_VERIFY(applyButtonFor(workbench, MatchSuggestion::Action::AddEmailRule));
        QVERIFY(!workbench.findChild<QWidget *>(QStringLiteral("contactKeyEditor_1")));

        auto *ignoreCase = workbench.findChild<QCheckBox *>(QStringLiteral("contactIgnoreCaseCheckBox_0"));
        QVERIFY(ignoreCase);
        QTest::mouseClick(ignoreCase, Qt::LeftButton);
        QCOMPARE(edited.count(), 2);
        QVERIFY(workbench.controller().rules().contact.first().caseInsensitive);

        auto *autoCreate = workbench.findChild<QCheckBox *>(QStringLiteral("autoCreateEndUsersCheckBox"));
        QVERIFY(autoCreate);
        QTest::mouseClick(autoCreate, Qt::LeftButton);
        QCOMPARE(edited.count(), 3);
        QVERIFY(edited.last().first().value<MatchRules>().autoCreateEndUsers);
    }

    void createContactsAsksFirst()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        MatchWorkbench workbench(ws.session());
        QSignalSpy created(&workbench, &MatchWorkbench::contactsCreated);
        workbench.show();
        QVERIFY(settled(workbench));
        auto *create = workbench.findChild<QPushButton *>(QStringLiteral("createContactsPushButton"));
        QVERIFY(create);

        QTest::mouseClick(create, Qt::LeftButton);
        auto *box = workbench.findChild<QMessageBox *>(QStringLiteral("createContactsMessageBox"));
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        saveScreenshot(box, QStringLiteral("match-create-confirmation"));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!workbench.findChild<QMessageBox *>(QStringLiteral("createContactsMessageBox")));
        QVERIFY(!workbench.controller().isBusy());
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE created_by = 'integration'")).toInt(), 0);

        QTest::mouseClick(create, Qt::LeftButton);
        box = workbench.findChild<QMessageBox *>(QStringLiteral("createContactsMessageBox"));
        QVERIFY(box);
        requireChild<QPushButton>(box, QStringLiteral("confirmCreatePushButton"))->click();
        QTRY_COMPARE(created.count(), 1);
        QVERIFY(settled(workbench));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE created_by = 'integration'")).toInt(), 2);
        QVERIFY(!create->isEnabled());
        QTRY_VERIFY(requireChild<QLabel>(&workbench, QStringLiteral("visitorsCountsLabel"))->text().contains(QStringLiteral("<b>5</b> matched")));
    }

    void ambiguousRowsAreMarked()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.importCs("Account ID,Account Name\nDUP-1,Dup Upper\ndup-1,Dup Lower\n",
                            "Contact ID,Email,Account ID\nC-1,a@x.com,DUP-1\n"));
        QVERIFY(ws.addAccount(QStringLiteral("Dup-1"), QStringLiteral("Dup"), 70));
        MatchWorkbench workbench(ws.session());
        MatchRules rules;
        rules.account.caseInsensitive = true;
        workbench.controller().setRules(rules);
        workbench.show();
        QVERIFY(settled(workbench));
        auto *table = workbench.findChild<QTableView *>(QStringLiteral("unmatchedAccountsTableView"));
        QVERIFY(table);
        const int status = workbench.unmatchedAccountsModel()->columnOf(UnmatchedModel::Column::Status);
        const QModelIndex index = table->model()->index(0, status);
        QVERIFY(index.data(UnmatchedModel::AmbiguousRole).toBool());
        QVERIFY(index.data(Qt::BackgroundRole).isValid());
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Dup Upper (DUP-1)")) && tip.contains(QStringLiteral("Dup Lower (dup-1)")),
                 qPrintable(tip));
    }

    void wizardPageWrapsTheWorkbench()
    {
        MatchingWorkspace ws;
        QVERIFY(ws.fillStandard());
        QWizard wizard;
        auto *page = new MatchingPage(ws.session());
        wizard.addPage(page);
        wizard.resize(1100, 800);
        wizard.show();
        QVERIFY(settled(*page->workbench()));
        QVERIFY(page->isComplete());
        QCOMPARE(page->rules(), MatchRules());
        QVERIFY(!page->workbench()->findChild<QLabel *>(QStringLiteral("workbenchTitleLabel"))->isVisible());
        saveScreenshot(&wizard, QStringLiteral("match-wizard-page"));
    }
};

QTEST_MAIN(TestMatchWorkbench)
#include "tst_matchworkbench.moc"
