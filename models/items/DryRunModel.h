#pragma once

#include "playbooks/PlaybookRunner.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * What a dry run would fire, pushed in with setResults(): one row per firing with the playbook,
 * the account, the day and the evidence, in the order the runner gave them. QtCore only; UI thread.
 */
class DryRunModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Playbook, Account, Day, Evidence, ColumnCount };
    Q_ENUM(Column)

    explicit DryRunModel(QObject *parent = nullptr);

    void setResults(const QList<DryRunResult> &results);
    const QList<DryRunResult> &results() const { return m_results; }
    /** The number of firings over every result. */
    int firingCount() const { return int(m_rows.size()); }
    /** "12 firings at 9 accounts from 1 Sep to 30 Nov" (and why later days were left out). */
    QString summary() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        int result;
        int firing;
    };
    QList<DryRunResult> m_results;
    QList<Row> m_rows;
};
