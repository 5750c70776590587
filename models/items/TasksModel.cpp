#include "TasksModel.h"

#include "DayText.h"

#include <limits>

TasksModel::TasksModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_today(todayDay())
{
}

void TasksModel::setTasks(const QList<PlaybookTask> &tasks)
{
    beginResetModel();
    m_tasks = tasks;
    endResetModel();
}

void TasksModel::setToday(int day)
{
    m_today = day;
    if (!m_tasks.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool TasksModel::isOverdue(const PlaybookTask &task) const
{
    return task.status == QLatin1String("open") && task.dueDay && *task.dueDay < m_today;
}

int TasksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TasksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TasksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlaybookTask &task = m_tasks.at(index.row());
    switch (role) {
    case IdRole:
        return task.id;
    case DoneRole:
        return task.status == QLatin1String("done");
    case OverdueRole:
        return isOverdue(task);
    case SortRole:
        if (index.column() == Due) // undated tasks last
            return task.dueDay ? *task.dueDay : std::numeric_limits<int>::max();
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::ToolTipRole:
        if (index.column() == Title)
            return task.body;
        break;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Title:
        return task.title;
    case Account:
        return task.accountName;
    case Assignee:
        return task.assignee.isEmpty() ? tr("Unassigned") : task.assignee;
    case Due:
        return dayText(task.dueDay);
    case Status:
        if (task.status == QLatin1String("done"))
            return tr("Done");
        return isOverdue(task) ? tr("Overdue") : tr("Open");
    }
    return {};
}

QVariant TasksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Task");
    case Account:
        return tr("Account");
    case Assignee:
        return tr("Assignee");
    case Due:
        return tr("Due");
    case Status:
        return tr("Status");
    }
    return {};
}
