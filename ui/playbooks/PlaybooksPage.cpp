#include "PlaybooksPage.h"

#include "PlaybookEditor.h"

#include "items/DayText.h"
#include "items/DryRunModel.h"
#include "items/FiringsModel.h"
#include "items/PlaybooksModel.h"
#include "items/TasksModel.h"
#include "playbooks/PlaybookEngine.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace {

const QString desktopActor = QStringLiteral("desktop");

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

} // namespace

PlaybooksPage::PlaybooksPage(PlaybookEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_playbooks(new PlaybooksModel(this))
    , m_firings(new FiringsModel(this))
    , m_tasks(new TasksModel(this))
    , m_tasksFilter(new QSortFilterProxyModel(this))
    , m_dryRun(new DryRunModel(this))
    , m_tabs(new QTabWidget(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("playbooksPage"));
    m_tabs->setObjectName(QStringLiteral("playbooksTabWidget"));
    m_status->setObjectName(QStringLiteral("playbooksStatusLabel"));
    m_status->setWordWrap(true);
    m_tasksFilter->setSourceModel(m_tasks);
    m_tasksFilter->setFilterKeyColumn(TasksModel::Account);
    m_tasksFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tasksFilter->setFilterRole(Qt::DisplayRole);
    m_tasksFilter->setSortRole(TasksModel::SortRole);

    auto *evaluate = new QPushButton(tr("Evaluate Now"), this);
    evaluate->setObjectName(QStringLiteral("evaluatePlaybooksButton"));
    evaluate->setToolTip(tr("Judge the enabled playbooks on the days computed since their last evaluation"));
    connect(evaluate, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Evaluating the enabled playbooks…"));
        m_engine.evaluate();
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(evaluate);

    m_tabs->addTab(buildPlaybooksTab(), tr("Playbooks"));
    m_tabs->addTab(buildFiringsTab(), tr("Firings"));
    m_tabs->addTab(buildTasksTab(), tr("Tasks"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_playbooks, &PlaybooksModel::enabledToggled, this, [this](qint64 id, bool enabled) {
        m_engine.setEnabled(id, enabled, desktopActor, this, [this, enabled](const QString &error) {
            afterEdit(enabled ? tr("enabling the playbook") : tr("disabling the playbook"), error);
        });
    });
    connect(&m_engine, &PlaybookEngine::changed, this, &PlaybooksPage::reload);
    connect(&m_engine, &PlaybookEngine::started, this,
            [this] { m_status->setText(tr("Evaluating the enabled playbooks…")); });
    connect(&m_engine, &PlaybookEngine::finished, this, [this](const PlaybookRunSummary &summary) {
        showRun(summary);
        reload();
    });
    updateButtons();
    reload();
}

PlaybooksPage::~PlaybooksPage() = default;

QWidget *PlaybooksPage::buildPlaybooksTab()
{
    auto *tab = new QWidget(this);
    m_playbooksView = makeTable(m_playbooks, QStringLiteral("playbooksTableView"), tab);
    // The check box toggles with one click; the other cells are read-only.
    m_playbooksView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    QHeaderView *header = m_playbooksView->horizontalHeader();
    header->setSectionResizeMode(PlaybooksModel::Trigger, QHeaderView::Stretch);
    m_playbooksView->setColumnWidth(PlaybooksModel::Name, 220);
    m_playbooksView->setColumnWidth(PlaybooksModel::Scope, 200);
    m_playbooksView->setColumnWidth(PlaybooksModel::Actions, 70);
    m_playbooksView->setColumnWidth(PlaybooksModel::Enabled, 70);
    m_playbooksView->setColumnWidth(PlaybooksModel::LastEvaluated, 130);

    auto *add = new QPushButton(tr("New…"), tab);
    add->setObjectName(QStringLiteral("newPlaybookButton"));
    m_edit = new QPushButton(tr("Edit…"), tab);
    m_edit->setObjectName(QStringLiteral("editPlaybookButton"));
    m_delete = new QPushButton(tr("Delete"), tab);
    m_delete->setObjectName(QStringLiteral("deletePlaybookButton"));
    m_dryRunDays = new QSpinBox(tab);
    m_dryRunDays->setObjectName(QStringLiteral("dryRunDaysSpinBox"));
    m_dryRunDays->setRange(7, 365);
    m_dryRunDays->setValue(90);
    m_dryRunDays->setSuffix(tr(" days"));
    m_dryRunDays->setToolTip(tr("How many settled days the dry run replays"));
    m_dryRunButton = new QPushButton(tr("Dry Run"), tab);
    m_dryRunButton->setObjectName(QStringLiteral("dryRunButton"));
    m_dryRunButton->setToolTip(tr("Replay the selected playbooks (or all) without storing anything: which accounts "
                                  "would fire, and when"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(new QLabel(tr("Replay the last"), tab));
    buttons->addWidget(m_dryRunDays);
    buttons->addWidget(m_dryRunButton);

    m_dryRunSummary = new QLabel(tr("A dry run lists which accounts the playbooks would have fired for."), tab);
    m_dryRunSummary->setObjectName(QStringLiteral("dryRunSummaryLabel"));
    m_dryRunSummary->setWordWrap(true);
    QTableView *dryView = makeTable(m_dryRun, QStringLiteral("dryRunTableView"), tab);
    dryView->horizontalHeader()->setSectionResizeMode(DryRunModel::Evidence, QHeaderView::Stretch);
    dryView->setColumnWidth(DryRunModel::Playbook, 220);
    dryView->setColumnWidth(DryRunModel::Account, 200);
    dryView->setColumnWidth(DryRunModel::Day, 110);
    auto *dryBox = new QWidget(tab);
    auto *dryLayout = new QVBoxLayout(dryBox);
    dryLayout->setContentsMargins(0, 0, 0, 0);
    dryLayout->addWidget(m_dryRunSummary);
    dryLayout->addWidget(dryView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, tab);
    splitter->addWidget(m_playbooksView);
    splitter->addWidget(dryBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(add, &QPushButton::clicked, this, &PlaybooksPage::newPlaybook);
    connect(m_edit, &QPushButton::clicked, this, &PlaybooksPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &PlaybooksPage::deleteSelected);
    connect(m_dryRunButton, &QPushButton::clicked, this, &PlaybooksPage::dryRunSelected);
    connect(m_playbooksView, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() != PlaybooksModel::Enabled)
            editSelected();
    });
    connect(m_playbooksView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PlaybooksPage::updateButtons);
    return tab;
}

QWidget *PlaybooksPage::buildFiringsTab()
{
    auto *tab = new QWidget(this);
    m_firingsView = makeTable(m_firings, QStringLiteral("firingsTableView"), tab);
    m_firingsView->horizontalHeader()->setSectionResizeMode(FiringsModel::Evidence, QHeaderView::Stretch);
    m_firingsView->setColumnWidth(FiringsModel::Account, 170);
    m_firingsView->setColumnWidth(FiringsModel::Playbook, 190);
    m_firingsView->setColumnWidth(FiringsModel::Day, 100);
    m_firingsView->setColumnWidth(FiringsModel::Status, 150);
    m_firingsView->setColumnWidth(FiringsModel::ActionState, 280);

    m_showResolved = new QCheckBox(tr("Show resolved and closed too"), tab);
    m_showResolved->setObjectName(QStringLiteral("showResolvedCheckBox"));
    m_snoozeDays = new QSpinBox(tab);
    m_snoozeDays->setObjectName(QStringLiteral("snoozeDaysSpinBox"));
    m_snoozeDays->setRange(1, 365);
    m_snoozeDays->setValue(14);
    m_snoozeDays->setSuffix(tr(" days"));
    m_snooze = new QPushButton(tr("Snooze"), tab);
    m_snooze->setObjectName(QStringLiteral("snoozeFiringButton"));
    m_snooze->setToolTip(tr("Hide the firing until then; it stays the account's one firing of this playbook"));
    m_close = new QPushButton(tr("Close"), tab);
    m_close->setObjectName(QStringLiteral("closeFiringButton"));
    m_close->setToolTip(tr("Close the firing by hand; the playbook may fire again after its cool-down"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_showResolved);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Snooze for"), tab));
    bar->addWidget(m_snoozeDays);
    bar->addWidget(m_snooze);
    bar->addWidget(m_close);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_firingsView, 1);

    connect(m_showResolved, &QCheckBox::toggled, this, &PlaybooksPage::reloadFirings);
    connect(m_snooze, &QPushButton::clicked, this, &PlaybooksPage::snoozeSelected);
    connect(m_close, &QPushButton::clicked, this, &PlaybooksPage::closeSelected);
    connect(m_firingsView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PlaybooksPage::updateButtons);
    return tab;
}

QWidget *PlaybooksPage::buildTasksTab()
{
    auto *tab = new QWidget(this);
    m_tasksView = makeTable(m_tasksFilter, QStringLiteral("tasksTableView"), tab);
    m_tasksView->setSortingEnabled(true);
    m_tasksView->sortByColumn(TasksModel::Due, Qt::AscendingOrder);
    m_tasksView->horizontalHeader()->setSectionResizeMode(TasksModel::Title, QHeaderView::Stretch);
    m_tasksView->setColumnWidth(TasksModel::Account, 200);
    m_tasksView->setColumnWidth(TasksModel::Assignee, 140);
    m_tasksView->setColumnWidth(TasksModel::Due, 110);
    m_tasksView->setColumnWidth(TasksModel::Status, 100);

    m_assignee = new QLineEdit(tab);
    m_assignee->setObjectName(QStringLiteral("taskAssigneeLineEdit"));
    m_assignee->setPlaceholderText(tr("Mine: your name as assignee"));
    m_assignee->setClearButtonEnabled(true);
    m_overdue = new QCheckBox(tr("Overdue only"), tab);
    m_overdue->setObjectName(QStringLiteral("overdueOnlyCheckBox"));
    m_showDone = new QCheckBox(tr("Show done"), tab);
    m_showDone->setObjectName(QStringLiteral("showDoneTasksCheckBox"));
    m_accountSearch = new QLineEdit(tab);
    m_accountSearch->setObjectName(QStringLiteral("taskAccountSearchLineEdit"));
    m_accountSearch->setPlaceholderText(tr("Filter by account…"));
    m_accountSearch->setClearButtonEnabled(true);
    m_markDone = new QPushButton(tr("Mark Done"), tab);
    m_markDone->setObjectName(QStringLiteral("markTaskDoneButton"));
    m_reopen = new QPushButton(tr("Reopen"), tab);
    m_reopen->setObjectName(QStringLiteral("reopenTaskButton"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Assignee:"), tab));
    bar->addWidget(m_assignee, 1);
    bar->addWidget(m_accountSearch, 1);
    bar->addWidget(m_overdue);
    bar->addWidget(m_showDone);
    bar->addStretch(1);
    bar->addWidget(m_markDone);
    bar->addWidget(m_reopen);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(bar);
    layout->addWidget(m_tasksView, 1);

    connect(m_assignee, &QLineEdit::editingFinished, this, &PlaybooksPage::reloadTasks);
    connect(m_assignee, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty()) // the clear button
            reloadTasks();
    });
    connect(m_overdue, &QCheckBox::toggled, this, &PlaybooksPage::reloadTasks);
    connect(m_showDone, &QCheckBox::toggled, this, &PlaybooksPage::reloadTasks);
    connect(m_accountSearch, &QLineEdit::textChanged, m_tasksFilter, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_markDone, &QPushButton::clicked, this, [this] { setSelectedTasksDone(true); });
    connect(m_reopen, &QPushButton::clicked, this, [this] { setSelectedTasksDone(false); });
    connect(m_tasksView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PlaybooksPage::updateButtons);
    return tab;
}

PlaybookEditor *PlaybooksPage::editor() const
{
    return findChild<PlaybookEditor *>(QString(), Qt::FindDirectChildrenOnly);
}

void PlaybooksPage::reload()
{
    reloadPlaybooks();
    reloadFirings();
    reloadTasks();
}

void PlaybooksPage::reloadPlaybooks()
{
    const int request = ++m_playbooksRead;
    m_engine.readPlaybooks(this, [this, request](const QList<Playbook> &playbooks, const QString &error) {
        if (request != m_playbooksRead)
            return;
        if (!error.isEmpty())
            m_status->setText(tr("The playbooks cannot be read: %1").arg(error));
        const QList<qint64> selected = selectedIds(m_playbooksView, PlaybooksModel::IdRole);
        m_playbooks->setPlaybooks(playbooks);
        for (qint64 id : selected)
            if (const int row = m_playbooks->rowOf(id); row >= 0)
                m_playbooksView->selectionModel()->select(
                    m_playbooks->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        updateButtons();
        Q_EMIT playbooksShown();
    });
}

void PlaybooksPage::reloadFirings()
{
    const int request = ++m_firingsRead;
    m_engine.readFirings(std::nullopt, !m_showResolved->isChecked(), this,
                         [this, request](const QList<PlaybookFiring> &firings, const QString &error) {
                             if (request != m_firingsRead)
                                 return;
                             if (!error.isEmpty())
                                 m_status->setText(tr("The firings cannot be read: %1").arg(error));
                             m_firings->setFirings(firings);
                             m_tabs->setTabText(1, firings.isEmpty() ? tr("Firings")
                                                                     : tr("Firings (%1)").arg(firings.size()));
                             updateButtons();
                             Q_EMIT firingsShown();
                         });
}

void PlaybooksPage::reloadTasks()
{
    TaskFilter filter;
    filter.assignee = m_assignee->text().trimmed();
    filter.openOnly = !m_showDone->isChecked();
    if (m_overdue->isChecked())
        filter.overdueOn = todayDay();
    const int request = ++m_tasksRead;
    m_engine.readTasks(filter, this, [this, request](const QList<PlaybookTask> &tasks, const QString &error) {
        if (request != m_tasksRead)
            return;
        if (!error.isEmpty())
            m_status->setText(tr("The tasks cannot be read: %1").arg(error));
        m_tasks->setToday(todayDay());
        m_tasks->setTasks(tasks);
        updateButtons();
        Q_EMIT tasksShown();
    });
}

void PlaybooksPage::newPlaybook()
{
    Playbook draft;
    draft.name = tr("New playbook");
    PlaybookAction task;
    task.title = tr("Follow up with {account}");
    task.body = QStringLiteral("{evidence}");
    draft.actions << task;
    openEditor(draft);
}

void PlaybooksPage::editSelected()
{
    const QList<qint64> ids = selectedIds(m_playbooksView, PlaybooksModel::IdRole);
    if (ids.isEmpty())
        return;
    if (const int row = m_playbooks->rowOf(ids.constFirst()); row >= 0)
        openEditor(m_playbooks->playbook(row));
}

void PlaybooksPage::openEditor(const Playbook &playbook)
{
    if (PlaybookEditor *open = editor()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new PlaybookEditor(m_engine, playbook, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PlaybookEditor::saved, this, [this](qint64) { m_status->setText(tr("Playbook saved.")); });
    dialog->show();
}

void PlaybooksPage::deleteSelected()
{
    const QList<qint64> ids = selectedIds(m_playbooksView, PlaybooksModel::IdRole);
    if (ids.isEmpty())
        return;
    const int row = m_playbooks->rowOf(ids.constFirst());
    const QString name = row >= 0 ? m_playbooks->playbook(row).name : QString();
    const auto answer = QMessageBox::question(
        this, tr("Delete Playbook"),
        tr("Delete the playbook '%1' with its firings? Tasks it created stay.").arg(name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_engine.remove(ids.constFirst(), desktopActor, this,
                    [this](const QString &error) { afterEdit(tr("deleting the playbook"), error); });
}

void PlaybooksPage::dryRunSelected()
{
    const QList<qint64> ids = selectedIds(m_playbooksView, PlaybooksModel::IdRole);
    QList<Playbook> playbooks;
    for (const Playbook &playbook : m_playbooks->playbooks())
        if (ids.isEmpty() || ids.contains(playbook.id))
            playbooks << playbook;
    if (playbooks.isEmpty())
        return;
    m_dryRun->setResults({});
    m_dryRunSummary->setText(tr("Replaying %n playbook(s)…", nullptr, int(playbooks.size())));
    m_dryRunButton->setEnabled(false);
    m_engine.dryRun(playbooks, m_dryRunDays->value(), this,
                    [this](const QList<DryRunResult> &results, const QString &error) {
                        m_dryRunButton->setEnabled(true);
                        m_dryRun->setResults(results);
                        m_dryRunSummary->setText(error.isEmpty() ? m_dryRun->summary()
                                                                 : tr("The dry run failed: %1").arg(error));
                        Q_EMIT dryRunShown();
                    });
}

void PlaybooksPage::snoozeSelected()
{
    const int until = todayDay() + m_snoozeDays->value();
    for (qint64 id : selectedIds(m_firingsView, FiringsModel::IdRole))
        m_engine.snooze(id, until, desktopActor, this,
                        [this](const QString &error) { afterEdit(tr("snoozing the firing"), error); });
}

void PlaybooksPage::closeSelected()
{
    for (qint64 id : selectedIds(m_firingsView, FiringsModel::IdRole))
        m_engine.closeFiring(id, desktopActor, this,
                             [this](const QString &error) { afterEdit(tr("closing the firing"), error); });
}

void PlaybooksPage::setSelectedTasksDone(bool done)
{
    for (qint64 id : selectedIds(m_tasksView, TasksModel::IdRole))
        m_engine.setTaskDone(id, done, desktopActor, this, [this, done](const QString &error) {
            afterEdit(done ? tr("marking the task done") : tr("reopening the task"), error);
        });
}

void PlaybooksPage::afterEdit(const QString &what, const QString &error)
{
    if (!error.isEmpty()) {
        m_status->setText(tr("Failed %1: %2").arg(what, error));
        reload(); // put back the stored state (an optimistic check box, say)
    }
    // On success the engine's changed() reloads every list.
}

void PlaybooksPage::showRun(const PlaybookRunSummary &summary)
{
    if (!summary.ok) {
        m_status->setText(tr("The playbook evaluation failed: %1").arg(summary.error));
        return;
    }
    QString text = summary.toDay < summary.fromDay
                       ? tr("Evaluated: no new settled days to judge.")
                       : tr("Evaluated %1 to %2: %3, %4 resolved.")
                             .arg(dayText(summary.fromDay), dayText(summary.toDay),
                                  tr("%n firing(s)", nullptr, summary.fired))
                             .arg(summary.resolved);
    if (summary.actionsFailed > 0 || summary.actionsRetrying > 0)
        text += u' ' + tr("Actions: %1 failed, %2 to retry.").arg(summary.actionsFailed).arg(summary.actionsRetrying);
    if (summary.waitingDays > 0)
        text += u' ' + tr("%n day(s) wait until their data is settled.", nullptr, summary.waitingDays);
    m_status->setText(text);
}

QList<qint64> PlaybooksPage::selectedIds(QTableView *view, int idRole) const
{
    QList<qint64> ids;
    if (!view || !view->selectionModel())
        return ids;
    for (const QModelIndex &index : view->selectionModel()->selectedRows())
        ids << index.data(idRole).toLongLong();
    return ids;
}

void PlaybooksPage::updateButtons()
{
    const bool onePlaybook = selectedIds(m_playbooksView, PlaybooksModel::IdRole).size() == 1;
    if (m_edit)
        m_edit->setEnabled(onePlaybook);
    if (m_delete)
        m_delete->setEnabled(onePlaybook);
    if (m_dryRunButton)
        m_dryRunButton->setEnabled(m_playbooks->rowCount() > 0);
    const bool anyFiring = !selectedIds(m_firingsView, FiringsModel::IdRole).isEmpty();
    if (m_snooze)
        m_snooze->setEnabled(anyFiring);
    if (m_close)
        m_close->setEnabled(anyFiring);
    bool anyOpen = false, anyDone = false;
    if (m_tasksView && m_tasksView->selectionModel())
        for (const QModelIndex &index : m_tasksView->selectionModel()->selectedRows())
            (index.data(TasksModel::DoneRole).toBool() ? anyDone : anyOpen) = true;
    if (m_markDone)
        m_markDone->setEnabled(anyOpen);
    if (m_reopen)
        m_reopen->setEnabled(anyDone);
}
