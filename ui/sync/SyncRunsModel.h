#pragma once

#include "sync/SyncTypes.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * The run history, newest first: kind, start, duration, windows, failed windows, rows in and
 * skipped (the reasons as tooltip), unmatched ids and the status. QtCore only; lives on the UI
 * thread and is filled with runs read elsewhere. DisplayRole gives text, Qt::UserRole the raw
 * value to sort by.
 */
class SyncRunsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Started, Kind, Duration, Windows, Failed, RowsIn, RowsSkipped, Unmatched, Status, ColumnCount };
    Q_ENUM(Column)

    enum Role { RunIdRole = Qt::UserRole + 1 };

    explicit SyncRunsModel(QObject *parent = nullptr);

    void setItems(const QList<SyncRunSummary> &runs);
    const QList<SyncRunSummary> &items() const { return m_runs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const SyncRunSummary &run, int column) const;
    QVariant sortValue(const SyncRunSummary &run, int column) const;
    QString toolTip(const SyncRunSummary &run, int column) const;

    QList<SyncRunSummary> m_runs;
};
