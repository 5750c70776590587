#include "StageHistoryModel.h"

#include "DayText.h"

#include <algorithm>

StageHistoryModel::StageHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_today(todayDay())
{
}

void StageHistoryModel::setVisits(const QList<StageVisit> &visits)
{
    beginResetModel();
    m_visits = visits;
    endResetModel();
}

int StageHistoryModel::daysInStage(const StageVisit &visit) const
{
    return std::max(0, visit.leftDay.value_or(m_today) - visit.enteredDay);
}

int StageHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visits.size());
}

int StageHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const StageVisit &visit = m_visits.at(index.row());
    switch (index.column()) {
    case Stage:
        return visit.stageName.isEmpty() ? visit.stageKey : visit.stageName;
    case From:
        return visit.fromStageName.isEmpty() ? tr("—") : visit.fromStageName;
    case Entered:
        return dayText(visit.enteredDay);
    case Left:
        return visit.leftDay ? dayText(visit.leftDay) : tr("Current");
    case DaysInStage:
        return daysInStage(visit);
    case Actor:
        return visit.actor;
    case Reason:
        return visit.reason;
    }
    return {};
}

QVariant StageHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Stage:
        return tr("Stage");
    case From:
        return tr("From");
    case Entered:
        return tr("Entered");
    case Left:
        return tr("Left");
    case DaysInStage:
        return tr("Days in stage");
    case Actor:
        return tr("By");
    case Reason:
        return tr("Reason");
    }
    return {};
}
