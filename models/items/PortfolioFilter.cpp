#include "PortfolioFilter.h"

#include <QSet>

#include <algorithm>

void PortfolioSummary::add(const PortfolioRow &row)
{
    ++accounts;
    mauTotal += row.mau;
    if (!row.score) {
        ++unscored;
        return;
    }
    switch (row.band) {
    case HealthBand::Red:
        ++red;
        arrRed += row.arr.value_or(0.0);
        break;
    case HealthBand::Yellow:
        ++yellow;
        arrYellow += row.arr.value_or(0.0);
        break;
    case HealthBand::Green:
        ++green;
        break;
    }
}

int PortfolioSummary::inBand(HealthBand band) const
{
    switch (band) {
    case HealthBand::Red:
        return red;
    case HealthBand::Yellow:
        return yellow;
    case HealthBand::Green:
        return green;
    }
    return 0;
}

PortfolioFilter::Band PortfolioFilter::bandFlag(HealthBand band)
{
    switch (band) {
    case HealthBand::Yellow:
        return Band::Yellow;
    case HealthBand::Green:
        return Band::Green;
    case HealthBand::Red:
        break;
    }
    return Band::Red;
}

PortfolioFilter::PortfolioFilter(PortfolioModel *model, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_model(model)
{
    setSourceModel(model);
    setSortRole(PortfolioModel::SortRole);
    connect(model, &QAbstractItemModel::modelReset, this, &PortfolioFilter::filterChanged);
}

void PortfolioFilter::setCriteria(const Criteria &criteria)
{
    Criteria normalised = criteria;
    normalised.search = criteria.search.simplified();
    if (normalised == m_criteria)
        return;
    apply(normalised);
}

void PortfolioFilter::setBands(Bands bands)
{
    Criteria next = m_criteria;
    next.bands = bands;
    setCriteria(next);
}

void PortfolioFilter::setOwner(const std::optional<QString> &owner)
{
    Criteria next = m_criteria;
    next.owner = owner;
    setCriteria(next);
}

void PortfolioFilter::setStage(const std::optional<QString> &stage)
{
    Criteria next = m_criteria;
    next.stage = stage;
    setCriteria(next);
}

void PortfolioFilter::setRenewalWithinDays(std::optional<int> days)
{
    Criteria next = m_criteria;
    next.renewalWithinDays = days;
    setCriteria(next);
}

void PortfolioFilter::setSearchText(const QString &text)
{
    Criteria next = m_criteria;
    next.search = text;
    setCriteria(next);
}

void PortfolioFilter::setToday(const QDate &today)
{
    if (today == m_today)
        return;
    m_today = today;
    if (m_criteria.renewalWithinDays) {
        invalidateFilter();
        Q_EMIT filterChanged();
    }
}

QDate PortfolioFilter::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

void PortfolioFilter::apply(const Criteria &criteria)
{
    m_criteria = criteria;
    m_searchWords = criteria.search.toLower().split(u' ', Qt::SkipEmptyParts);
    invalidateFilter();
    Q_EMIT filterChanged();
}

bool PortfolioFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const PortfolioRow &row = m_model->row(sourceRow);
    if (m_criteria.bands != allBands()) {
        const Band band = row.score ? bandFlag(row.band) : Band::Unscored;
        if (!m_criteria.bands.testFlag(band))
            return false;
    }
    if (m_criteria.owner && row.owner != *m_criteria.owner)
        return false;
    if (m_criteria.stage && row.stage != *m_criteria.stage)
        return false;
    if (m_criteria.renewalWithinDays) {
        if (!row.renewalDate.isValid())
            return false;
        const qint64 days = today().daysTo(row.renewalDate);
        if (days < 0 || days > *m_criteria.renewalWithinDays)
            return false;
    }
    if (!m_searchWords.isEmpty()) {
        const QString &key = m_model->searchKey(sourceRow);
        for (const QString &word : m_searchWords) {
            if (!key.contains(word))
                return false;
        }
    }
    return true;
}

bool PortfolioFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() != right.column())
        return QSortFilterProxyModel::lessThan(left, right);
    if (m_model->lessThan(left.row(), right.row(), left.column()))
        return true;
    if (m_model->lessThan(right.row(), left.row(), left.column()))
        return false;
    // Ties by name, so equal scores keep a stable, readable order.
    return m_model->lessThan(left.row(), right.row(), PortfolioModel::Name);
}

PortfolioSummary PortfolioFilter::summary() const
{
    PortfolioSummary summary;
    const int rows = rowCount();
    for (int i = 0; i < rows; ++i)
        summary.add(m_model->row(mapToSource(index(i, 0)).row()));
    return summary;
}

namespace {

QStringList distinctSorted(const QList<PortfolioRow> &rows, QString PortfolioRow::*field)
{
    QSet<QString> seen;
    for (const PortfolioRow &row : rows) {
        if (!(row.*field).isEmpty())
            seen.insert(row.*field);
    }
    QStringList out(seen.cbegin(), seen.cend());
    std::sort(out.begin(), out.end(), [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    return out;
}

} // namespace

QStringList PortfolioFilter::owners() const
{
    return distinctSorted(m_model->rows(), &PortfolioRow::owner);
}

QStringList PortfolioFilter::stages() const
{
    return distinctSorted(m_model->rows(), &PortfolioRow::stage);
}
