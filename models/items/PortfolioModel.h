#pragma once

#include "analytics/AnalyticsReader.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * The portfolio table: one row per account as of the last computed day, from PortfolioRow values
 * read elsewhere (a worker job) and pushed in with setRows(). DisplayRole gives the text the
 * dashboards show, SortRole the raw value (missing values as an invalid QVariant), BandRole the
 * health band of the row (the views colour it from their own palette), TrendRole the direction of
 * the score over 7 days. It keeps a lowercase search key per row so that PortfolioFilter can filter
 * ten thousand rows without building strings. QtCore only; lives on the UI thread.
 */
class PortfolioModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        Name,
        Owner,
        Stage,
        Score,
        Mau,
        Wau,
        Stickiness,
        Pes,
        LicenceUtilisation,
        LastActivity,
        Renewal,
        Arr,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole,    // the raw value: double, qint64 (Julian day), QString; invalid when missing
        BandRole = Qt::UserRole + 1, // int(HealthBand); invalid when the account has no score
        TrendRole,                   // int: +1 rising, −1 falling, 0 steady or unknown (over 7 days)
        TrendArrowRole,              // QString: "▲", "▼" or empty
        AccountIdRole,               // qint64, on every column
        ExternalIdRole,              // QString, on every column
    };

    /** A score change of at least this many points over 7 days shows an arrow. */
    static constexpr double trendThreshold = 1.0;

    explicit PortfolioModel(QObject *parent = nullptr);

    void setRows(const QList<PortfolioRow> &rows);
    const QList<PortfolioRow> &rows() const { return m_rows; }
    const PortfolioRow &row(int index) const { return m_rows.at(index); }
    /** The row of an account, or -1. */
    int rowOf(qint64 accountId) const;
    /** Name, external id and owner in lower case, for searching. */
    const QString &searchKey(int row) const { return m_searchKeys.at(row); }
    /** Whether row `left` sorts before row `right` by `column`; missing values sort first. */
    bool lessThan(int left, int right, int column) const;

    /** −1, 0 or +1 from the 7-day score change. */
    static int trendOf(const PortfolioRow &row);
    static QString trendArrow(int trend);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const PortfolioRow &row, int column) const;
    QVariant sortValue(const PortfolioRow &row, int column) const;
    QString toolTip(const PortfolioRow &row, int column) const;

    QList<PortfolioRow> m_rows;
    QList<QString> m_searchKeys;
    QList<QString> m_sortNames; // lower-case names, so sorting by name does not fold case per comparison
};
