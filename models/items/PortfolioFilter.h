#pragma once

#include "PortfolioModel.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

/** The figures of the portfolio tiles, over the rows a filter shows. */
struct PortfolioSummary
{
    int accounts = 0;
    int red = 0, yellow = 0, green = 0, unscored = 0;
    double arrRed = 0;    // ARR of the red accounts: at risk
    double arrYellow = 0; // ARR of the yellow accounts, shown beside it
    double mauTotal = 0;

    void add(const PortfolioRow &row);
    int inBand(HealthBand band) const;
    friend bool operator==(const PortfolioSummary &, const PortfolioSummary &) = default;
};

/**
 * The portfolio table as the user narrows it: health bands (and accounts without a score), one
 * owner, one lifecycle stage, renewals within N days of an injectable "today", and a search over
 * name, external id and owner (every word must occur). Each setter re-filters once, and only when
 * the value changed; setCriteria() changes several at once. Sorting and filtering read the model's
 * rows directly (PortfolioModel::lessThan, its precomputed search keys), not through QVariant.
 * QtCore only; UI thread.
 */
class PortfolioFilter final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    enum class Band { Red = 0x1, Yellow = 0x2, Green = 0x4, Unscored = 0x8 };
    Q_DECLARE_FLAGS(Bands, Band)
    Q_FLAG(Bands)
    static constexpr Bands allBands() { return Bands(0xf); }
    static Band bandFlag(HealthBand band);

    /** Everything the filter narrows by. An unset owner or stage lets every row through. */
    struct Criteria
    {
        Bands bands = allBands();
        std::optional<QString> owner; // "": accounts without an owner
        std::optional<QString> stage; // "": accounts without a stage
        std::optional<int> renewalWithinDays;
        QString search;
        friend bool operator==(const Criteria &, const Criteria &) = default;
    };

    explicit PortfolioFilter(PortfolioModel *model, QObject *parent = nullptr);

    PortfolioModel *portfolioModel() const { return m_model; }

    const Criteria &criteria() const { return m_criteria; }
    void setCriteria(const Criteria &criteria);
    void setBands(Bands bands);
    void setOwner(const std::optional<QString> &owner);
    void setStage(const std::optional<QString> &stage);
    void setRenewalWithinDays(std::optional<int> days);
    void setSearchText(const QString &text);
    /** The day renewals count from; the current date unless set (tests pin it). */
    void setToday(const QDate &today);
    QDate today() const;

    /** The tile figures over the rows shown now. */
    PortfolioSummary summary() const;
    /** The distinct owners and stages of the model's rows, sorted (empty ones left out). */
    QStringList owners() const;
    QStringList stages() const;

Q_SIGNALS:
    /** After any change of the rows shown (a criterion, or new rows in the model). */
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void apply(const Criteria &criteria);

    PortfolioModel *const m_model;
    Criteria m_criteria;
    QStringList m_searchWords; // lower case
    QDate m_today;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(PortfolioFilter::Bands)
