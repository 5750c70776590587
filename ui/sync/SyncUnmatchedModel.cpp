#include "SyncUnmatchedModel.h"

#include <QLocale>

namespace {

bool isNumeric(int column)
{
    return column == SyncUnmatchedModel::Events || column == SyncUnmatchedModel::Minutes
           || column == SyncUnmatchedModel::ActiveDays;
}

} // namespace

SyncUnmatchedModel::SyncUnmatchedModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SyncUnmatchedModel::setItems(const QList<SyncHistory::UnmatchedId> &items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int SyncUnmatchedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int SyncUnmatchedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncUnmatchedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncHistory::UnmatchedId &item = m_items.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(item, index.column());
    case Qt::UserRole:
        return sortValue(item, index.column());
    case Qt::ToolTipRole:
        return reasonExplanation(item.reason);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment((isNumeric(index.column()) ? Qt::AlignRight : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    case PendoIdRole:
        return item.pendoId;
    case ObjectRole:
        return item.object;
    default:
        return {};
    }
}

QVariant SyncUnmatchedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Object:
        return tr("Object");
    case PendoId:
        return tr("Pendo id");
    case Account:
        return tr("Pendo account");
    case Reason:
        return tr("Reason");
    case Events:
        return tr("Events");
    case Minutes:
        return tr("Minutes");
    case ActiveDays:
        return tr("Active days");
    case LastDay:
        return tr("Last active");
    default:
        return {};
    }
}

QVariant SyncUnmatchedModel::displayValue(const SyncHistory::UnmatchedId &item, int column) const
{
    const QLocale locale;
    switch (column) {
    case Object:
        return item.object == QLatin1String("account") ? tr("Account") : tr("Visitor");
    case PendoId:
        return item.pendoId;
    case Account:
        return item.accountId;
    case Reason:
        return reasonText(item.reason);
    case Events:
        return locale.toString(item.events);
    case Minutes:
        return locale.toString(item.minutes);
    case ActiveDays:
        return locale.toString(item.activeDays);
    case LastDay:
        return item.lastDay.isValid() ? item.lastDay.toString(Qt::ISODate) : QString();
    default:
        return {};
    }
}

QVariant SyncUnmatchedModel::sortValue(const SyncHistory::UnmatchedId &item, int column) const
{
    switch (column) {
    case Events:
        return item.events;
    case Minutes:
        return item.minutes;
    case ActiveDays:
        return item.activeDays;
    case LastDay:
        return item.lastDay.isValid() ? item.lastDay.toJulianDay() : qint64(0);
    default:
        return displayValue(item, column);
    }
}

QString SyncUnmatchedModel::reasonText(const QString &reason) const
{
    if (reason == QLatin1String("ambiguous"))
        return tr("Ambiguous");
    if (reason == QLatin1String("unresolved"))
        return tr("Not resolved yet");
    return tr("No match");
}

QString SyncUnmatchedModel::reasonExplanation(const QString &reason) const
{
    if (reason == QLatin1String("ambiguous"))
        return tr("Several CS records have the same key: its activity attaches once one remains.");
    if (reason == QLatin1String("unresolved"))
        return tr("Matching has not looked at this id yet; the next run resolves it.");
    return tr("No CS record has this key. Its activity is kept and attaches as soon as a rule matches it.");
}
