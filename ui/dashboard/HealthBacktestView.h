#pragma once

#include "analytics/HealthBacktest.h"

#include <QAbstractTableModel>
#include <QDialog>

class QLabel;
class QTableView;

/**
 * The band changes of a health model backtest: account, day, band before and after under the
 * replayed model, and the band the stored scores gave that day. DisplayRole text, Qt::UserRole
 * raw values to sort by, the band cells tinted from DashboardPresentation. UI thread.
 */
class BandChangesModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Account, Day, From, To, Stored, ColumnCount };
    Q_ENUM(Column)

    explicit BandChangesModel(QObject *parent = nullptr);

    void setChanges(const QList<BandChange> &changes);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<HealthBand> bandAt(const BandChange &change, int column) const;

    QList<BandChange> m_changes;
};

/**
 * Shows a BacktestResult computed elsewhere (pushed in with setResult()): a summary line and the
 * table of band changes. UI thread.
 */
class HealthBacktestView final : public QDialog
{
    Q_OBJECT

public:
    explicit HealthBacktestView(QWidget *parent = nullptr);

    void setResult(const BacktestResult &result);
    BandChangesModel *model() const { return m_model; }
    QString summaryText() const;

private:
    BandChangesModel *m_model = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
};
