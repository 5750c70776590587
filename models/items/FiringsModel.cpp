#include "FiringsModel.h"

#include "DayText.h"

FiringsModel::FiringsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void FiringsModel::setFirings(const QList<PlaybookFiring> &firings)
{
    beginResetModel();
    m_firings = firings;
    endResetModel();
}

QString FiringsModel::statusText(const PlaybookFiring &firing)
{
    if (firing.status == QLatin1String("open"))
        return tr("Open");
    if (firing.status == QLatin1String("snoozed"))
        return firing.snoozedUntil ? tr("Snoozed until %1").arg(dayText(firing.snoozedUntil)) : tr("Snoozed");
    if (firing.status == QLatin1String("resolved"))
        return firing.resolvedDay ? tr("Resolved %1").arg(dayText(firing.resolvedDay)) : tr("Resolved");
    if (firing.status == QLatin1String("closed"))
        return tr("Closed");
    return firing.status;
}

QString FiringsModel::actionText(const PlaybookFiring &firing)
{
    QStringList parts;
    if (firing.actionsDone > 0)
        parts << tr("%n done", nullptr, firing.actionsDone);
    if (firing.actionsPending > 0)
        parts << tr("%n pending", nullptr, firing.actionsPending);
    if (firing.actionsFailed > 0)
        parts << tr("%n failed", nullptr, firing.actionsFailed);
    QString text = parts.isEmpty() ? tr("No actions") : parts.join(QStringLiteral(", "));
    if (!firing.lastActionError.isEmpty())
        text += u' ' + tr("— last error: %1").arg(firing.lastActionError);
    return text;
}

int FiringsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_firings.size());
}

int FiringsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FiringsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlaybookFiring &firing = m_firings.at(index.row());
    switch (role) {
    case IdRole:
        return firing.id;
    case AccountIdRole:
        return firing.accountId;
    case StatusRole:
        return firing.status;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case Account:
        return firing.accountName;
    case Playbook:
        return firing.playbookName;
    case Day:
        return dayText(firing.day);
    case Evidence:
        return firing.evidenceText;
    case Status:
        return statusText(firing);
    case ActionState:
        return actionText(firing);
    }
    return {};
}

QVariant FiringsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Account:
        return tr("Account");
    case Playbook:
        return tr("Playbook");
    case Day:
        return tr("Fired on");
    case Evidence:
        return tr("Evidence");
    case Status:
        return tr("Status");
    case ActionState:
        return tr("Actions");
    }
    return {};
}
