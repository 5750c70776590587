#pragma once

#include "playbooks/PlaybookStore.h"

#include <QAbstractTableModel>
#include <QList>

/**
 * An account's lifecycle history pushed in with setVisits(): the stage, the one before it, the
 * days it entered and left, the days spent there (up to today for the current stage), who moved
 * it and why. QtCore only; UI thread.
 */
class StageHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Stage, From, Entered, Left, DaysInStage, Actor, Reason, ColumnCount };
    Q_ENUM(Column)

    explicit StageHistoryModel(QObject *parent = nullptr);

    void setVisits(const QList<StageVisit> &visits);
    const QList<StageVisit> &visits() const { return m_visits; }
    void setToday(int day) { m_today = day; }
    int daysInStage(const StageVisit &visit) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<StageVisit> m_visits;
    int m_today;
};
