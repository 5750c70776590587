#pragma once

#include "playbooks/Playbook.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * The playbooks of a workspace, pushed in with setPlaybooks(): name, trigger and scope as
 * sentences, the number of actions, whether it is enabled (a check box) and the last day it
 * evaluated. Ticking the box shows the new state at once and emits enabledToggled(); storing it is
 * the owner's job (a reload puts back the stored state if that fails). QtCore only; UI thread.
 */
class PlaybooksModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Trigger, Scope, Actions, Enabled, LastEvaluated, ColumnCount };
    Q_ENUM(Column)
    enum Role { IdRole = Qt::UserRole };

    explicit PlaybooksModel(QObject *parent = nullptr);

    void setPlaybooks(const QList<Playbook> &playbooks);
    const QList<Playbook> &playbooks() const { return m_playbooks; }
    const Playbook &playbook(int row) const { return m_playbooks.at(row); }
    /** The row of a playbook, or -1. */
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void enabledToggled(qint64 id, bool enabled);

private:
    QList<Playbook> m_playbooks;
};
