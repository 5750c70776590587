#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "analytics/AnalyticsEngine.h"
#include "dashboard/AccountView.h"
#include "dashboard/DashboardController.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/LifecyclePanel.h"
#include "items/DryRunModel.h"
#include "items/FiringsModel.h"
#include "items/PlaybooksModel.h"
#include "items/StageHistoryModel.h"
#include "items/TasksModel.h"
#include "playbooks/PlaybookActionsEditor.h"
#include "playbooks/PlaybookEditor.h"
#include "playbooks/PlaybookEngine.h"
#include "playbooks/PlaybooksPage.h"
#include "session/WorkspaceSession.h"
#include "store/WriteTransaction.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace {

const int lastDay = int(QDate(2026, 11, 30).toJulianDay());
const QString now = QStringLiteral("'2026-11-30T00:00:00Z'");

bool exec(TestWorkspace &ws, const QStringList &statements)
{
    return !ws.write([&statements](WriteTransaction &tx) {
        for (const QString &sql : statements)
            if (!tx.exec(sql))
                return false;
        return true;
    });
}

bool addAccounts(TestWorkspace &ws)
{
    return exec(ws, {QStringLiteral("INSERT INTO accounts (id, external_id, name, owner, arr, licensed_seats, "
                                    "created_at, updated_at) VALUES (1, 'B-1', 'Busy Corp', 'dana', 50000, 4, %1, %1), "
                                    "(2, 'Q-2', 'Quiet Ltd', 'lee', 20000, 10, %1, %1), "
                                    "(3, 'S-3', 'Stopped Inc', 'dana', 9000, 5, %1, %1)")
                         .arg(now)});
}

/** Sixty days of activity: Busy Corp every day, Quiet Ltd now and then, Stopped Inc not for 40 days. */
bool addActivity(TestWorkspace &ws)
{
    QStringList sql{
        QStringLiteral("INSERT INTO pendo_accounts (id, account_id, refreshed_at) VALUES (1, 'p1', %1), "
                       "(2, 'p2', %1), (3, 'p3', %1)")
            .arg(now),
        QStringLiteral("INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, config_version, "
                       "resolved_at) VALUES ('account', 1, 'matched', 1, 1, %1), "
                       "('account', 2, 'matched', 2, 1, %1), ('account', 3, 'matched', 3, 1, %1)")
            .arg(now),
        QStringLiteral("INSERT INTO pendo_visitors (id, visitor_id, refreshed_at) VALUES (1, 'v1', %1), "
                       "(2, 'v2', %1), (3, 'v3', %1), (4, 'v4', %1), (5, 'v5', %1)")
            .arg(now)};
    QStringList rows;
    for (int d = lastDay - 59; d <= lastDay; ++d) {
        for (int v = 1; v <= 3; ++v)
            rows << QStringLiteral("(0, -323232, %1, %2, 1, 0, 20, 5)").arg(d).arg(v);
        if (d % 9 == 0)
            rows << QStringLiteral("(0, -323232, %1, 4, 2, 0, 3, 1)").arg(d);
        if (d < lastDay - 40)
            rows << QStringLiteral("(0, -323232, %1, 5, 3, 0, 8, 2)").arg(d);
    }
    sql << QStringLiteral("INSERT INTO pendo_activity VALUES ") + rows.join(u',');
    return exec(ws, sql);
}

PlaybookFiring firing(qint64 id, const QString &status)
{
    PlaybookFiring f;
    f.id = id;
    f.playbookId = 1;
    f.playbookName = QStringLiteral("PES below target");
    f.accountId = 2;
    f.accountName = QStringLiteral("Quiet Ltd");
    f.day = lastDay;
    f.status = status;
    f.evidenceText = QStringLiteral("PES 31 below 40");
    f.actionsDone = 1;
    f.actionsFailed = 1;
    f.lastActionError = QStringLiteral("HTTP 500");
    return f;
}

/** Clicks the check box of a table cell, as a user would. */
void clickCheckBox(QTableView *view, const QModelIndex &index)
{
    const QRect cell = view->visualRect(index);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = cell;
    option.features = QStyleOptionViewItem::HasCheckIndicator;
    const QRect check = view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, check.center());
}

void selectRow(QTableView *view, int row)
{
    view->selectionModel()->clearSelection();
    view->selectRow(row);
}

} // namespace

/**
 * The playbooks UI on a real workspace: the item models' contracts, the editor's validation and the
 * draft it builds (saved and dry-run through the engine), the page listing the starter playbooks
 * and enabling one with its check box, tasks marked done and reopened, firings closed, and the
 * account's lifecycle panel moving a stage.
 */
class TestPlaybooksPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemModelsHoldTheirContracts()
    {
        PlaybooksModel playbooks;
        QAbstractItemModelTester playbooksTester(&playbooks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Playbook one;
        one.id = 7;
        one.name = QStringLiteral("One");
        one.actions << PlaybookAction{};
        one.evaluatedThrough = lastDay;
        playbooks.setPlaybooks({one, Playbook{}});
        QCOMPARE(playbooks.rowCount(), 2);
        QCOMPARE(playbooks.index(0, PlaybooksModel::Actions).data().toInt(), 1);
        QCOMPARE(playbooks.index(0, PlaybooksModel::Trigger).data().toString(), one.trigger.describe());
        QCOMPARE(playbooks.index(1, PlaybooksModel::LastEvaluated).data().toString(), QStringLiteral("Never"));
        QVERIFY(playbooks.flags(playbooks.index(0, PlaybooksModel::Enabled)) & Qt::ItemIsUserCheckable);
        QSignalSpy toggled(&playbooks, &PlaybooksModel::enabledToggled);
        QVERIFY(playbooks.setData(playbooks.index(0, PlaybooksModel::Enabled), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(toggled.size(), 1);
        QCOMPARE(toggled.front().at(0).toLongLong(), 7);
        QCOMPARE(toggled.front().at(1).toBool(), true);
        QCOMPARE(playbooks.index(0, PlaybooksModel::Enabled).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        playbooks.setPlaybooks({});
        QCOMPARE(playbooks.rowCount(), 0);

        FiringsModel firings;
        QAbstractItemModelTester firingsTester(&firings, QAbstractItemModelTester::FailureReportingMode::QtTest);
        firings.setFirings({firing(1, QStringLiteral("open")), firing(2, QStringLiteral("resolved"))});
        QCOMPARE(firings.rowCount(), 2);
        QCOMPARE(firings.index(0, FiringsModel::Evidence).data().toString(), QStringLiteral("PES 31 below 40"));
        QCOMPARE(firings.index(0, FiringsModel::Status).data().toString(), QStringLiteral("Open"));
        QVERIFY(firings.index(0, FiringsModel::ActionState).data().toString().contains(QStringLiteral("HTTP 500")));
        QCOMPARE(firings.index(1, 0).data(FiringsModel::IdRole).toLongLong(), 2);
        firings.setFirings({});

        TasksModel tasks;
        QAbstractItemModelTester tasksTester(&tasks, QAbstractItemModelTester::FailureReportingMode::QtTest);
        tasks.setToday(lastDay);
        PlaybookTask late;
        late.id = 3;
        late.title = QStringLiteral("Call Quiet Ltd");
        late.dueDay = lastDay - 1;
        late.status = QStringLiteral("open");
        PlaybookTask done = late;
        done.id = 4;
        done.status = QStringLiteral("done");
        tasks.setTasks({late, done});
        QCOMPARE(tasks.index(0, TasksModel::Status).data().toString(), QStringLiteral("Overdue"));
        QCOMPARE(tasks.index(1, TasksModel::Status).data().toString(), QStringLiteral("Done"));
        QCOMPARE(tasks.index(0, TasksModel::Assignee).data().toString(), QStringLiteral("Unassigned"));
        QVERIFY(tasks.index(1, 0).data(TasksModel::DoneRole).toBool());
        tasks.setTasks({});

        StageHistoryModel history;
        QAbstractItemModelTester historyTester(&history, QAbstractItemModelTester::FailureReportingMode::QtTest);
        history.setToday(lastDay);
        history.setVisits({StageVisit{QStringLiteral("onboarding"), QStringLiteral("Onboarding"), QString(),
                                      lastDay - 30, lastDay - 10, QStringLiteral("import"), QStringLiteral("New")},
                           StageVisit{QStringLiteral("adoption"), QStringLiteral("Adoption"),
                                      QStringLiteral("Onboarding"), lastDay - 10, std::nullopt,
                                      QStringLiteral("goal"), QStringLiteral("MAU at half the seats")}});
        QCOMPARE(history.index(0, StageHistoryModel::DaysInStage).data().toInt(), 20);
        QCOMPARE(history.index(1, StageHistoryModel::DaysInStage).data().toInt(), 10);
        QCOMPARE(history.index(1, StageHistoryModel::Left).data().toString(), QStringLiteral("Current"));
        history.setVisits({});

        DryRunModel dry;
        QAbstractItemModelTester dryTester(&dry, QAbstractItemModelTester::FailureReportingMode::QtTest);
        DryRunResult result;
        result.name = QStringLiteral("PES below target");
        result.fromDay = lastDay - 29;
        result.toDay = result.lastDay = lastDay;
        result.firings << DryRunFiring{2, QStringLiteral("Q-2"), QStringLiteral("Quiet Ltd"), lastDay - 3,
                                       PlaybookEvidence{lastDay - 3, QStringLiteral("PES 31 below 40"), {}}};
        dry.setResults({result, DryRunResult{}});
        QCOMPARE(dry.rowCount(), 1);
        QCOMPARE(dry.index(0, DryRunModel::Account).data().toString(), QStringLiteral("Quiet Ltd"));
        QVERIFY(dry.summary().contains(QStringLiteral("1 firing")));
        dry.setResults({});
        QCOMPARE(dry.rowCount(), 0);
    }

    void editorValidatesBuildsAndSavesADraft()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        PlaybookEditor editor(ws.session().playbooks(), Playbook{});
        editor.resize(1080, 760);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        auto *save = requireChild<QPushButton>(&editor, QStringLiteral("savePlaybookButton"));
        auto *problems = requireChild<QLabel>(&editor, QStringLiteral("playbookProblemsLabel"));

        // Nameless and without actions: not saveable, and the label says why.
        QVERIFY(!save->isEnabled());
        QVERIFY(problems->isVisible());
        QVERIFY(problems->text().contains(QStringLiteral("needs a name")));
        QVERIFY(problems->text().contains(QStringLiteral("at least one action")));

        QTest::keyClicks(requireChild<QLineEdit>(&editor, QStringLiteral("playbookNameLineEdit")),
                         QStringLiteral("Reports fall"));
        auto *kind = requireChild<QComboBox>(&editor, QStringLiteral("triggerKindComboBox"));
        kind->setCurrentIndex(kind->findData(int(PlaybookTrigger::Kind::Decline)));
        auto *metric = requireChild<QComboBox>(&editor, QStringLiteral("triggerMetricComboBox"));
        QVERIFY(metric->isVisible());
        QVERIFY(!requireChild<QComboBox>(&editor, QStringLiteral("triggerComparisonComboBox"))->isVisible());
        metric->setCurrentIndex(metric->findData(QStringLiteral("events_30d")));
        requireChild<QDoubleSpinBox>(&editor, QStringLiteral("triggerPercentSpinBox"))->setValue(40);
        requireChild<QSpinBox>(&editor, QStringLiteral("triggerDaysSpinBox"))->setValue(14);
        requireChild<QDoubleSpinBox>(&editor, QStringLiteral("triggerMinVolumeSpinBox"))->setValue(50);

        // The stages arrive from the workspace as check boxes.
        QTRY_VERIFY(editor.findChild<QCheckBox *>(QStringLiteral("scopeStage_adoptionCheckBox")));
        editor.findChild<QCheckBox *>(QStringLiteral("scopeStage_adoptionCheckBox"))->setChecked(true);
        QTest::keyClicks(requireChild<QLineEdit>(&editor, QStringLiteral("scopeOwnersLineEdit")),
                         QStringLiteral("dana, lee"));
        QTest::keyClicks(requireChild<QLineEdit>(&editor, QStringLiteral("scopeArrMinLineEdit")),
                         QStringLiteral("10000"));

        // A task, then a webhook whose URL is wrong until fixed; the webhook moves first.
        auto *newKind = requireChild<QComboBox>(&editor, QStringLiteral("newActionKindComboBox"));
        auto *add = requireChild<QPushButton>(&editor, QStringLiteral("addActionButton"));
        newKind->setCurrentIndex(newKind->findData(int(PlaybookAction::Kind::Task)));
        add->click();
        QVERIFY(save->isEnabled());
        auto *title = requireChild<QLineEdit>(&editor, QStringLiteral("actionTitleLineEdit"));
        title->selectAll();
        QTest::keyClick(title, Qt::Key_Delete);
        QVERIFY(!save->isEnabled());
        QVERIFY(problems->text().contains(QStringLiteral("task needs a title")));
        QTest::keyClicks(title, QStringLiteral("Call {account}"));
        requireChild<QSpinBox>(&editor, QStringLiteral("actionDueDaysSpinBox"))->setValue(3);
        QVERIFY(save->isEnabled());

        newKind->setCurrentIndex(newKind->findData(int(PlaybookAction::Kind::Webhook)));
        add->click();
        auto *url = requireChild<QLineEdit>(&editor, QStringLiteral("actionUrlLineEdit"));
        QVERIFY(url->isVisible());
        QVERIFY(!title->isVisible());
        QTest::keyClicks(url, QStringLiteral("ftp://nowhere"));
        QVERIFY(!save->isEnabled());
        url->clear();
        QTest::keyClicks(url, QStringLiteral("https://hooks.example.com/cs"));
        QVERIFY2(save->isEnabled(), qPrintable(problems->text()));
        requireChild<QPushButton>(&editor, QStringLiteral("moveActionUpButton"))->click();
        auto *cooldown = requireChild<QSpinBox>(&editor, QStringLiteral("cooldownSpinBox"));
        cooldown->setValue(21);
        saveScreenshot(&editor, "playbook-editor");

        const Playbook draft = editor.playbook();
        QCOMPARE(draft.id, 0);
        QCOMPARE(draft.name, QStringLiteral("Reports fall"));
        QCOMPARE(draft.trigger.kind, PlaybookTrigger::Kind::Decline);
        QCOMPARE(draft.trigger.metric, QStringLiteral("events_30d"));
        QCOMPARE(draft.trigger.percent, 40.0);
        QCOMPARE(draft.trigger.days, 14);
        QCOMPARE(draft.trigger.minVolume, 50.0);
        QCOMPARE(draft.scope.stages, QStringList{QStringLiteral("adoption")});
        QCOMPARE(draft.scope.owners, (QStringList{QStringLiteral("dana"), QStringLiteral("lee")}));
        QCOMPARE(draft.scope.arrMin, std::optional<double>(10000));
        QVERIFY(!draft.scope.arrMax);
        QCOMPARE(draft.actions.size(), 2);
        QCOMPARE(draft.actions.at(0).kind, PlaybookAction::Kind::Webhook);
        QCOMPARE(draft.actions.at(0).url, QStringLiteral("https://hooks.example.com/cs"));
        QCOMPARE(draft.actions.at(1).kind, PlaybookAction::Kind::Task);
        QCOMPARE(draft.actions.at(1).title, QStringLiteral("Call {account}"));
        QCOMPARE(draft.actions.at(1).dueDays, 3);
        QCOMPARE(draft.cooldownDays, 21);
        QVERIFY(draft.validate().isEmpty());

        // A playbook read back into a new editor gives the same definition.
        PlaybookEditor again(ws.session().playbooks(), draft);
        QTRY_VERIFY(again.findChild<QCheckBox *>(QStringLiteral("scopeStage_adoptionCheckBox")));
        QVERIFY(again.playbook().sameDefinition(draft));
        QCOMPARE(again.playbook().name, draft.name);

        QSignalSpy saved(&editor, &PlaybookEditor::saved);
        save->click();
        QVERIFY(saved.wait(15000));
        const qint64 id = saved.front().front().toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM playbooks WHERE id = %1").arg(id)).toString(),
                 QStringLiteral("Reports fall"));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT enabled FROM playbooks WHERE id = %1").arg(id)).toInt(), 0);
        QVERIFY(ws.scalar(QStringLiteral("SELECT definition FROM playbooks WHERE id = %1").arg(id))
                    .toString()
                    .contains(QStringLiteral("hooks.example.com")));
    }

    void editorDryRunsTheDraftBeforeSaving()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(addAccounts(ws));
        QVERIFY(addActivity(ws));
        QSignalSpy recomputed(&ws.session().analytics(), &AnalyticsEngine::finished);
        ws.session().analytics().recompute(RecomputeRequest::full(QStringLiteral("test")));
        QVERIFY(recomputed.wait(10000));

        Playbook draft;
        draft.name = QStringLiteral("Few users");
        draft.trigger.kind = PlaybookTrigger::Kind::Threshold;
        draft.trigger.metric = QStringLiteral("mau");
        draft.trigger.op = PlaybookTrigger::Op::Below;
        draft.trigger.value = 2;
        PlaybookAction task;
        task.title = QStringLiteral("Call {account}");
        draft.actions << task;
        PlaybookEditor editor(ws.session().playbooks(), draft);
        editor.resize(1080, 760);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        requireChild<QSpinBox>(&editor, QStringLiteral("editorDryRunDaysSpinBox"))->setValue(30);
        QSignalSpy shown(&editor, &PlaybookEditor::dryRunShown);
        requireChild<QPushButton>(&editor, QStringLiteral("editorDryRunButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 10000);
        const QList<DryRunResult> results = editor.dryRunModel()->results();
        QCOMPARE(results.size(), 1);
        QVERIFY2(results.front().error.isEmpty(), qPrintable(results.front().error));
        auto *summary = requireChild<QLabel>(&editor, QStringLiteral("editorDryRunSummaryLabel"));
        QVERIFY(summary->text().startsWith(QStringLiteral("Few users:")));
        // Busy Corp keeps three users a month; the others drop below two.
        QSet<QString> accounts;
        for (const DryRunFiring &f : results.front().firings)
            accounts.insert(f.accountName);
        QVERIFY2(!accounts.contains(QStringLiteral("Busy Corp")), qPrintable(summary->text()));
        QVERIFY2(accounts.contains(QStringLiteral("Stopped Inc")), qPrintable(summary->text()));
        QCOMPARE(editor.dryRunModel()->rowCount(), int(results.front().firings.size()));
        saveScreenshot(&editor, "playbook-editor-dry-run");
        // Nothing was stored.
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM playbook_firings")).toInt(), 0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM playbooks")).toInt(), 5);
    }

    void pageListsTheStarterSetAndEnablesOne()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        PlaybooksPage page(ws.session().playbooks());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        PlaybooksModel *model = page.playbooksModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 5);
        for (int row = 0; row < 5; ++row)
            QCOMPARE(model->index(row, PlaybooksModel::Enabled).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        const int red = [model] {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->playbook(row).starterKey == QLatin1String("health-red"))
                    return row;
            return -1;
        }();
        QVERIFY(red >= 0);
        QCOMPARE(model->index(red, PlaybooksModel::Actions).data().toInt(), 2);
        QCOMPARE(model->index(red, PlaybooksModel::Trigger).data().toString(), model->playbook(red).trigger.describe());
        saveScreenshot(&page, "playbooks-list");

        auto *view = requireChild<QTableView>(&page, QStringLiteral("playbooksTableView"));
        const qint64 id = model->playbook(red).id;
        QSignalSpy shown(&page, &PlaybooksPage::playbooksShown);
        clickCheckBox(view, model->index(red, PlaybooksModel::Enabled));
        QTRY_COMPARE(ws.scalar(QStringLiteral("SELECT enabled FROM playbooks WHERE id = %1").arg(id)).toInt(), 1);
        QTRY_VERIFY(!shown.isEmpty()); // reloaded after the engine's changed()
        const int row = model->rowOf(id);
        QCOMPARE(model->index(row, PlaybooksModel::Enabled).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM playbooks WHERE enabled = 1")).toInt(), 1);

        // Edit… opens the editor on the selected playbook.
        selectRow(view, row);
        requireChild<QPushButton>(&page, QStringLiteral("editPlaybookButton"))->click();
        QVERIFY(page.editor());
        QCOMPARE(page.editor()->playbook().name, model->playbook(row).name);
        QVERIFY(page.editor()->playbook().sameDefinition(model->playbook(row)));
        page.editor()->close();
        QTRY_VERIFY(!page.editor());

        // A dry run over the empty workspace answers without firings.
        QSignalSpy dry(&page, &PlaybooksPage::dryRunShown);
        QVERIFY(requireChild<QPushButton>(&page, QStringLiteral("dryRunButton"))->isEnabled());
        requireChild<QPushButton>(&page, QStringLiteral("dryRunButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(dry.size(), 1, 10000);
        QCOMPARE(page.dryRunModel()->rowCount(), 0);
        QVERIFY(!requireChild<QLabel>(&page, QStringLiteral("dryRunSummaryLabel"))->text().isEmpty());
    }

    void tasksAreShownMarkedDoneAndReopened()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(addAccounts(ws));
        const int today = int(QDate::currentDate().toJulianDay());
        QVERIFY(exec(ws, {QStringLiteral("INSERT INTO tasks (id, account_id, title, body, assignee, due_day, status, "
                                         "created_at) VALUES (1, 2, 'Call Quiet Ltd', 'MAU fell', 'dana', %1, 'open', "
                                         "%3), (2, 1, 'Renewal prep', '', 'lee', %2, 'open', %3)")
                              .arg(today - 2)
                              .arg(today + 10)
                              .arg(now)}));
        PlaybooksPage page(ws.session().playbooks());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        requireChild<QTabWidget>(&page, QStringLiteral("playbooksTabWidget"))->setCurrentIndex(2);
        TasksModel *model = page.tasksModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 2);
        auto *view = requireChild<QTableView>(&page, QStringLiteral("tasksTableView"));
        // Sorted by due day: the overdue one first.
        QCOMPARE(view->model()->index(0, TasksModel::Title).data().toString(), QStringLiteral("Call Quiet Ltd"));
        QCOMPARE(view->model()->index(0, TasksModel::Status).data().toString(), QStringLiteral("Overdue"));
        QCOMPARE(view->model()->index(0, TasksModel::Account).data().toString(), QStringLiteral("Quiet Ltd"));
        saveScreenshot(&page, "playbooks-tasks");

        // Mine, Overdue and the account search narrow the list.
        QSignalSpy shown(&page, &PlaybooksPage::tasksShown);
        auto *assignee = requireChild<QLineEdit>(&page, QStringLiteral("taskAssigneeLineEdit"));
        QTest::keyClicks(assignee, QStringLiteral("lee"));
        QTest::keyClick(assignee, Qt::Key_Return);
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->task(0).title, QStringLiteral("Renewal prep"));
        shown.clear();
        assignee->clear();
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(model->rowCount(), 2);
        auto *overdue = requireChild<QCheckBox>(&page, QStringLiteral("overdueOnlyCheckBox"));
        overdue->setChecked(true);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->task(0).title, QStringLiteral("Call Quiet Ltd"));
        overdue->setChecked(false);
        QTRY_COMPARE(model->rowCount(), 2);
        QTest::keyClicks(requireChild<QLineEdit>(&page, QStringLiteral("taskAccountSearchLineEdit")),
                         QStringLiteral("busy"));
        QCOMPARE(view->model()->rowCount(), 1);
        requireChild<QLineEdit>(&page, QStringLiteral("taskAccountSearchLineEdit"))->clear();
        QCOMPARE(view->model()->rowCount(), 2);

        // Mark Done stores it; the open list drops it; Show done brings it back for Reopen.
        auto *markDone = requireChild<QPushButton>(&page, QStringLiteral("markTaskDoneButton"));
        QVERIFY(!markDone->isEnabled());
        selectRow(view, 0);
        QVERIFY(markDone->isEnabled());
        markDone->click();
        QTRY_COMPARE(ws.scalar(QStringLiteral("SELECT status FROM tasks WHERE id = 1")).toString(),
                     QStringLiteral("done"));
        QTRY_COMPARE(model->rowCount(), 1);
        requireChild<QCheckBox>(&page, QStringLiteral("showDoneTasksCheckBox"))->setChecked(true);
        QTRY_COMPARE(model->rowCount(), 2);
        int doneRow = -1;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            if (view->model()->index(row, 0).data(TasksModel::DoneRole).toBool())
                doneRow = row;
        QVERIFY(doneRow >= 0);
        QCOMPARE(view->model()->index(doneRow, TasksModel::Status).data().toString(), QStringLiteral("Done"));
        selectRow(view, doneRow);
        auto *reopen = requireChild<QPushButton>(&page, QStringLiteral("reopenTaskButton"));
        QVERIFY(reopen->isEnabled());
        reopen->click();
        QTRY_COMPARE(ws.scalar(QStringLiteral("SELECT status FROM tasks WHERE id = 1")).toString(),
                     QStringLiteral("open"));
    }

    void firingsAreListedAndClosed()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(addAccounts(ws));
        QVERIFY(exec(ws, {QStringLiteral("INSERT INTO playbook_firings (id, playbook_id, account_id, day, status, "
                                         "evidence, created_at, updated_at) VALUES (1, 3, 2, %1, 'open', "
                                         "'{\"text\":\"PES 31 is below 40\"}', %2, %2)")
                              .arg(lastDay)
                              .arg(now),
                          QStringLiteral("INSERT INTO firing_actions (firing_id, position, kind, definition, status, "
                                         "attempts, last_error) VALUES (1, 0, 'webhook', '{}', 'pending', 1, "
                                         "'HTTP 503')")}));
        PlaybooksPage page(ws.session().playbooks());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        requireChild<QTabWidget>(&page, QStringLiteral("playbooksTabWidget"))->setCurrentIndex(1);
        FiringsModel *model = page.firingsModel();
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, FiringsModel::Account).data().toString(), QStringLiteral("Quiet Ltd"));
        QCOMPARE(model->index(0, FiringsModel::Evidence).data().toString(), QStringLiteral("PES 31 is below 40"));
        QVERIFY(model->index(0, FiringsModel::ActionState).data().toString().contains(QStringLiteral("HTTP 503")));
        saveScreenshot(&page, "playbooks-firings");

        selectRow(requireChild<QTableView>(&page, QStringLiteral("firingsTableView")), 0);
        requireChild<QPushButton>(&page, QStringLiteral("closeFiringButton"))->click();
        QTRY_COMPARE(ws.scalar(QStringLiteral("SELECT status FROM playbook_firings WHERE id = 1")).toString(),
                     QStringLiteral("closed"));
        QTRY_COMPARE(model->rowCount(), 0);
        requireChild<QCheckBox>(&page, QStringLiteral("showResolvedCheckBox"))->setChecked(true);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, FiringsModel::Status).data().toString(), QStringLiteral("Closed"));
    }

    void accountLifecycleShowsHistoryAndMovesAStage()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(addAccounts(ws));
        QVERIFY(exec(ws, {QStringLiteral("INSERT INTO playbook_firings (id, playbook_id, account_id, day, status, "
                                         "evidence, created_at, updated_at) VALUES (1, 4, 2, %1, 'resolved', "
                                         "'{\"text\":\"Health turned red\"}', %2, %2)")
                              .arg(lastDay)
                              .arg(now)}));
        DashboardPage page(ws.session());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QSignalSpy opened(&page.controller(), &DashboardController::accountReady);
        page.openAccount(2);
        QVERIFY(opened.wait(15000));
        LifecyclePanel *panel = page.account()->lifecyclePanel();
        QAbstractItemModelTester tester(panel->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(panel->firingsModel()->rowCount(), 1);
        QCOMPARE(panel->firingsModel()->index(0, FiringsModel::Evidence).data().toString(),
                 QStringLiteral("Health turned red"));

        auto *stage = requireChild<QComboBox>(panel, QStringLiteral("moveStageComboBox"));
        QTRY_VERIFY(stage->count() > 0);
        const int history = panel->historyModel()->rowCount();
        stage->setCurrentIndex(stage->findData(QStringLiteral("at_risk")));
        QVERIFY(stage->currentIndex() >= 0);
        QTest::keyClicks(requireChild<QLineEdit>(panel, QStringLiteral("moveStageReasonLineEdit")),
                         QStringLiteral("Champion left"));
        auto *move = requireChild<QPushButton>(panel, QStringLiteral("moveStageButton"));
        QVERIFY(move->isEnabled());
        move->click();
        QTRY_COMPARE(panel->historyModel()->rowCount(), history + 1);
        const StageVisit current = panel->historyModel()->visits().constLast();
        QCOMPARE(current.stageKey, QStringLiteral("at_risk"));
        QVERIFY(!current.leftDay);
        QCOMPARE(current.reason, QStringLiteral("Champion left"));
        QCOMPARE(current.actor, QStringLiteral("desktop"));
        QTRY_VERIFY(!move->isEnabled()); // already in that stage
        QVERIFY(requireChild<QLabel>(panel, QStringLiteral("currentStageLabel"))->text().contains(QStringLiteral("At risk")));
        requireChild<QScrollArea>(page.account(), QStringLiteral("accountScrollArea"))->ensureWidgetVisible(panel);
        saveScreenshot(&page, "account-lifecycle");
    }
};

QTEST_MAIN(TestPlaybooksPage)
#include "tst_playbookspage.moc"
