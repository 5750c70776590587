#include "PlaybooksModel.h"

#include "DayText.h"

PlaybooksModel::PlaybooksModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PlaybooksModel::setPlaybooks(const QList<Playbook> &playbooks)
{
    beginResetModel();
    m_playbooks = playbooks;
    endResetModel();
}

int PlaybooksModel::rowOf(qint64 id) const
{
    for (int i = 0; i < m_playbooks.size(); ++i)
        if (m_playbooks.at(i).id == id)
            return i;
    return -1;
}

int PlaybooksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_playbooks.size());
}

int PlaybooksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PlaybooksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Playbook &playbook = m_playbooks.at(index.row());
    if (role == IdRole)
        return playbook.id;
    if (index.column() == Enabled) {
        if (role == Qt::CheckStateRole)
            return playbook.enabled ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return playbook.enabled ? tr("Evaluated after every recompute") : tr("Not evaluated until enabled");
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name:
        return playbook.name;
    case Trigger:
        return playbook.trigger.describe();
    case Scope:
        return playbook.scope.describe();
    case Actions: {
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            for (const PlaybookAction &action : playbook.actions)
                lines << action.describe();
            return lines.join(u'\n');
        }
        return int(playbook.actions.size());
    }
    case LastEvaluated:
        return playbook.evaluatedThrough ? dayText(playbook.evaluatedThrough) : tr("Never");
    }
    return {};
}

bool PlaybooksModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || index.column() != Enabled || role != Qt::CheckStateRole)
        return false;
    const bool enabled = value.toInt() == Qt::Checked;
    Playbook &playbook = m_playbooks[index.row()];
    if (playbook.enabled == enabled)
        return true;
    playbook.enabled = enabled;
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT enabledToggled(playbook.id, enabled);
    return true;
}

Qt::ItemFlags PlaybooksModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Enabled)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant PlaybooksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Playbook");
    case Trigger:
        return tr("Trigger");
    case Scope:
        return tr("Applies to");
    case Actions:
        return tr("Actions");
    case Enabled:
        return tr("Enabled");
    case LastEvaluated:
        return tr("Evaluated through");
    }
    return {};
}
