#pragma once

#include "playbooks/PlaybookStore.h"

#include <QWidget>

class DryRunModel;
class FiringsModel;
class PlaybookEditor;
class PlaybookEngine;
class PlaybooksModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;
class QTableView;
class TasksModel;
struct PlaybookRunSummary;

/**
 * The main window's playbooks view, in three tabs: the playbooks (enable, new, edit, delete, and a
 * dry run of the selected ones), the open firings with their evidence (snooze, close) and the
 * tasks the firings made (mine, overdue, by account; mark done or reopen). Everything is read and
 * written through the workspace's PlaybookEngine; the lists reload after each edit and each
 * evaluation. UI thread.
 */
class PlaybooksPage final : public QWidget
{
    Q_OBJECT

public:
    explicit PlaybooksPage(PlaybookEngine &engine, QWidget *parent = nullptr);
    ~PlaybooksPage() override;

    PlaybooksModel *playbooksModel() const { return m_playbooks; }
    FiringsModel *firingsModel() const { return m_firings; }
    TasksModel *tasksModel() const { return m_tasks; }
    DryRunModel *dryRunModel() const { return m_dryRun; }
    /** The open editor, if any (for tests). */
    PlaybookEditor *editor() const;

public Q_SLOTS:
    void reload();
    void reloadPlaybooks();
    void reloadFirings();
    void reloadTasks();
    void newPlaybook();
    void editSelected();
    void deleteSelected();
    void dryRunSelected();
    void snoozeSelected();
    void closeSelected();
    void setSelectedTasksDone(bool done);

Q_SIGNALS:
    /** Each list shown after a read (for tests and the status line). */
    void playbooksShown();
    void firingsShown();
    void tasksShown();
    void dryRunShown();

private:
    QWidget *buildPlaybooksTab();
    QWidget *buildFiringsTab();
    QWidget *buildTasksTab();
    void openEditor(const Playbook &playbook);
    void showRun(const PlaybookRunSummary &summary);
    /** The outcome of an edit: an error on the status line, and a reload either way. */
    void afterEdit(const QString &what, const QString &error);
    QList<qint64> selectedIds(QTableView *view, int idRole) const;
    void updateButtons();

    PlaybookEngine &m_engine;
    PlaybooksModel *m_playbooks;
    FiringsModel *m_firings;
    TasksModel *m_tasks;
    QSortFilterProxyModel *m_tasksFilter;
    DryRunModel *m_dryRun;
    QTabWidget *m_tabs;
    QLabel *m_status;
    QTableView *m_playbooksView = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_delete = nullptr;
    QSpinBox *m_dryRunDays = nullptr;
    QPushButton *m_dryRunButton = nullptr;
    QLabel *m_dryRunSummary = nullptr;
    QTableView *m_firingsView = nullptr;
    QCheckBox *m_showResolved = nullptr;
    QSpinBox *m_snoozeDays = nullptr;
    QPushButton *m_snooze = nullptr;
    QPushButton *m_close = nullptr;
    QTableView *m_tasksView = nullptr;
    QLineEdit *m_assignee = nullptr;
    QCheckBox *m_overdue = nullptr;
    QCheckBox *m_showDone = nullptr;
    QLineEdit *m_accountSearch = nullptr;
    QPushButton *m_markDone = nullptr;
    QPushButton *m_reopen = nullptr;
    // Reads may answer out of order: only the latest request of each list is shown.
    int m_playbooksRead = 0, m_firingsRead = 0, m_tasksRead = 0;
};
