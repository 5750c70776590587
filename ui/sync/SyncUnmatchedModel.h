#pragma once

#include "sync/SyncHistory.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * The unmatched report of the last run: object, Pendo id, (visitors) their Pendo account, reason,
 * events, minutes, active days and the last active day, busiest first. QtCore only; lives on the
 * UI thread and is filled with rows read elsewhere. DisplayRole gives text, Qt::UserRole the raw
 * value to sort by, PendoIdRole the id to open in the matching workbench.
 */
class SyncUnmatchedModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Object, PendoId, Account, Reason, Events, Minutes, ActiveDays, LastDay, ColumnCount };
    Q_ENUM(Column)

    enum Role { PendoIdRole = Qt::UserRole + 1, ObjectRole };

    explicit SyncUnmatchedModel(QObject *parent = nullptr);

    void setItems(const QList<SyncHistory::UnmatchedId> &items);
    const QList<SyncHistory::UnmatchedId> &items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const SyncHistory::UnmatchedId &item, int column) const;
    QVariant sortValue(const SyncHistory::UnmatchedId &item, int column) const;
    QString reasonText(const QString &reason) const;
    QString reasonExplanation(const QString &reason) const;

    QList<SyncHistory::UnmatchedId> m_items;
};
