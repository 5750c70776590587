#include "DryRunModel.h"

#include "DayText.h"

#include <QSet>

DryRunModel::DryRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void DryRunModel::setResults(const QList<DryRunResult> &results)
{
    beginResetModel();
    m_results = results;
    m_rows.clear();
    for (int r = 0; r < m_results.size(); ++r)
        for (int f = 0; f < m_results.at(r).firings.size(); ++f)
            m_rows.append({r, f});
    endResetModel();
}

QString DryRunModel::summary() const
{
    QStringList lines;
    for (const DryRunResult &result : m_results) {
        if (!result.error.isEmpty()) {
            lines << tr("%1: %2").arg(result.name, result.error);
            continue;
        }
        QSet<qint64> accounts;
        for (const DryRunFiring &firing : result.firings)
            accounts.insert(firing.accountId);
        QString line = result.toDay < result.fromDay
                           ? tr("%1: no computed days to replay.").arg(result.name)
                           : tr("%1: %2 at %3 from %4 to %5.")
                                 .arg(result.name, tr("%n firing(s)", nullptr, int(result.firings.size())),
                                      tr("%n account(s)", nullptr, int(accounts.size())), dayText(result.fromDay),
                                      dayText(result.toDay));
        if (result.toDay >= result.fromDay && result.lastDay < result.toDay)
            line += u' ' + tr("Days after %1 are not settled yet and were not judged.").arg(dayText(result.lastDay));
        lines << line;
    }
    return lines.join(u'\n');
}

int DryRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DryRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DryRunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const Row &row = m_rows.at(index.row());
    const DryRunResult &result = m_results.at(row.result);
    const DryRunFiring &firing = result.firings.at(row.firing);
    switch (index.column()) {
    case Playbook:
        return result.name;
    case Account:
        return firing.accountName.isEmpty() ? firing.externalId : firing.accountName;
    case Day:
        return dayText(firing.day);
    case Evidence:
        return firing.evidence.text;
    }
    return {};
}

QVariant DryRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Playbook:
        return tr("Playbook");
    case Account:
        return tr("Account");
    case Day:
        return tr("Would fire on");
    case Evidence:
        return tr("Evidence");
    }
    return {};
}
