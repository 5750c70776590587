#pragma once

#include "analytics/AnalyticsReader.h"
#include "items/PortfolioFilter.h"

#include <QDate>
#include <QWidget>

class DashboardTile;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

/**
 * The portfolio dashboard: summary tiles (accounts per band, ARR at risk, total MAU) over the
 * accounts the filter bar leaves (bands, owner, stage, renewal within N days, search), and the
 * sortable account table with band-coloured scores and their 7-day trend. Owns its
 * PortfolioModel and PortfolioFilter; rows are pushed in with setRows() from a job that read them.
 * Activating a row (double-click, Enter) emits accountActivated(). UI thread.
 */
class PortfolioView final : public QWidget
{
    Q_OBJECT

public:
    explicit PortfolioView(QWidget *parent = nullptr);
    ~PortfolioView() override;

    /** Replaces the accounts; the filter bar keeps its choices where they still apply. */
    void setRows(const QList<PortfolioRow> &rows);
    /** The day the figures are of (the last computed day); shown as "as of <date>". */
    void setAsOf(const QDate &day);
    /** The day renewals count from (the current date unless set). */
    void setToday(const QDate &today);

    PortfolioModel *model() const { return m_model; }
    PortfolioFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    PortfolioSummary summary() const { return m_filter->summary(); }

Q_SIGNALS:
    void accountActivated(qint64 accountId);

private:
    QWidget *buildTiles();
    QWidget *buildFilterBar();
    void buildTable();
    void fillChoices(QComboBox *combo, const QString &all, const QStringList &values, bool hasEmpty,
                     const QString &emptyText);
    void applyFilterBar();
    void clearFilters();
    void updateTiles();
    void activate(const QModelIndex &index);

    PortfolioModel *const m_model;
    PortfolioFilter *const m_filter;
    QLabel *m_asOf = nullptr;
    QLabel *m_shown = nullptr;
    QList<DashboardTile *> m_bandTiles; // green, yellow, red, as DashboardPresentation::bands()
    DashboardTile *m_unscoredTile = nullptr;
    DashboardTile *m_arrTile = nullptr;
    DashboardTile *m_mauTile = nullptr;
    QList<QCheckBox *> m_bandChecks; // as m_bandTiles, then "no score"
    QComboBox *m_owner = nullptr;
    QComboBox *m_stage = nullptr;
    QSpinBox *m_renewal = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_table = nullptr;
    bool m_filling = false;
};
