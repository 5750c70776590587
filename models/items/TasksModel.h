#pragma once

#include "playbooks/PlaybookStore.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * Tasks pushed in with setTasks(): title, account, assignee, due day and status ("Overdue" for an
 * open task due before today). QtCore only; UI thread.
 */
class TasksModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Account, Assignee, Due, Status, ColumnCount };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole, DoneRole, OverdueRole, SortRole /* the raw value: a Julian day for Due */ };

    explicit TasksModel(QObject *parent = nullptr);

    void setTasks(const QList<PlaybookTask> &tasks);
    const QList<PlaybookTask> &tasks() const { return m_tasks; }
    const PlaybookTask &task(int row) const { return m_tasks.at(row); }
    /** The day "overdue" is measured against (today unless set). */
    void setToday(int day);
    bool isOverdue(const PlaybookTask &task) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PlaybookTask> m_tasks;
    int m_today;
};
