#pragma once

#include "playbooks/PlaybookStore.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * Playbook firings pushed in with setFirings(): account, playbook, day, the evidence sentence,
 * the status (with the snooze's end) and the state of its actions with the last error. QtCore
 * only; UI thread.
 */
class FiringsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Account, Playbook, Day, Evidence, Status, ActionState, ColumnCount };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole, AccountIdRole, StatusRole };

    explicit FiringsModel(QObject *parent = nullptr);

    void setFirings(const QList<PlaybookFiring> &firings);
    const QList<PlaybookFiring> &firings() const { return m_firings; }
    const PlaybookFiring &firing(int row) const { return m_firings.at(row); }

    static QString statusText(const PlaybookFiring &firing);
    static QString actionText(const PlaybookFiring &firing);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PlaybookFiring> m_firings;
};
