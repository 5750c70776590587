#include "SyncLogModel.h"

#include "SyncPresentation.h"

#include <QDateTime>

SyncLogModel::SyncLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SyncLogModel::setItems(const QList<SyncLogEntry> &entries)
{
    beginResetModel();
    m_entries = entries.size() > m_maxLines ? entries.mid(entries.size() - m_maxLines) : entries;
    endResetModel();
}

void SyncLogModel::append(const SyncLogEntry &entry)
{
    // Dropped in chunks: removing one row per new line would relayout the view on every line.
    if (m_entries.size() >= m_maxLines) {
        const int drop = std::min<int>(int(m_entries.size()), std::max(1, m_maxLines / 10));
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    endInsertRows();
}

void SyncLogModel::clear()
{
    setItems({});
}

int SyncLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SyncLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SyncLogEntry &entry = m_entries.at(index.row());
    if (role == LevelRole)
        return int(entry.level);
    if (role == Qt::ToolTipRole && index.column() == Message)
        return entry.errorClass.isEmpty() ? entry.message : tr("%1 (%2)").arg(entry.message, entry.errorClass);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: {
        const QDateTime at = QDateTime::fromString(entry.at, Qt::ISODateWithMs);
        return at.isValid() ? at.toLocalTime().time().toString(QStringLiteral("HH:mm:ss")) : entry.at;
    }
    case Level:
        return SyncPresentation::levelName(entry.level);
    case Stream:
        return entry.stream.isEmpty() ? QString() : SyncPresentation::streamName(entry.stream);
    case Day:
        return entry.day.isValid() ? entry.day.toString(Qt::ISODate) : QString();
    case Message:
        return entry.message;
    default:
        return {};
    }
}

QVariant SyncLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Time");
    case Level:
        return tr("Level");
    case Stream:
        return tr("Stream");
    case Day:
        return tr("Day");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}
