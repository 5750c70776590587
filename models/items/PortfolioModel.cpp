#include "PortfolioModel.h"

#include <QDate>
#include <QLocale>

#include <cmath>

namespace {

bool isNumericColumn(int column)
{
    return column >= PortfolioModel::Score && column != PortfolioModel::LastActivity
        && column != PortfolioModel::Renewal;
}

QString dateText(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

/** Compares two optional values so that a missing one comes first. */
template <typename T>
bool lessMissingFirst(const std::optional<T> &a, const std::optional<T> &b)
{
    if (!a || !b)
        return !a && b;
    return *a < *b;
}

std::optional<double> present(double value)
{
    return std::isnan(value) ? std::nullopt : std::optional<double>(value);
}

} // namespace

PortfolioModel::PortfolioModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PortfolioModel::setRows(const QList<PortfolioRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    m_searchKeys.clear();
    m_sortNames.clear();
    m_searchKeys.reserve(m_rows.size());
    m_sortNames.reserve(m_rows.size());
    for (const PortfolioRow &row : std::as_const(m_rows)) {
        // The separator keeps a search from matching across the end of one field and the start of the next.
        m_searchKeys.append(QString(row.name % u'\n' % row.externalId % u'\n' % row.owner).toLower());
        m_sortNames.append(row.name.toLower());
    }
    endResetModel();
}

int PortfolioModel::rowOf(qint64 accountId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).accountId == accountId)
            return i;
    }
    return -1;
}

int PortfolioModel::trendOf(const PortfolioRow &row)
{
    if (!row.score || !row.scoreDelta7)
        return 0;
    if (*row.scoreDelta7 >= trendThreshold)
        return 1;
    if (*row.scoreDelta7 <= -trendThreshold)
        return -1;
    return 0;
}

QString PortfolioModel::trendArrow(int trend)
{
    if (trend > 0)
        return QStringLiteral("▲");
    if (trend < 0)
        return QStringLiteral("▼");
    return {};
}

bool PortfolioModel::lessThan(int left, int right, int column) const
{
    const PortfolioRow &a = m_rows.at(left);
    const PortfolioRow &b = m_rows.at(right);
    switch (column) {
    case Name:
        return m_sortNames.at(left) < m_sortNames.at(right);
    case Owner:
        return a.owner.compare(b.owner, Qt::CaseInsensitive) < 0;
    case Stage:
        return a.stage.compare(b.stage, Qt::CaseInsensitive) < 0;
    case Score:
        return lessMissingFirst(a.score, b.score);
    case Mau:
        return a.mau < b.mau;
    case Wau:
        return a.wau < b.wau;
    case Stickiness:
        return lessMissingFirst(present(a.stickiness), present(b.stickiness));
    case Pes:
        return lessMissingFirst(present(a.pes), present(b.pes));
    case LicenceUtilisation:
        return lessMissingFirst(present(a.licenceUtilisation), present(b.licenceUtilisation));
    case LastActivity:
        return lessMissingFirst(a.lastActiveDay, b.lastActiveDay);
    case Renewal: {
        const auto day = [](const QDate &d) { return d.isValid() ? std::optional<qint64>(d.toJulianDay()) : std::nullopt; };
        return lessMissingFirst(day(a.renewalDate), day(b.renewalDate));
    }
    case Arr:
        return lessMissingFirst(a.arr, b.arr);
    default:
        return false;
    }
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(ColumnCount);
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PortfolioRow &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(isNumericColumn(column) ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                                           : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    case BandRole:
        return row.score ? QVariant(int(row.band)) : QVariant();
    case TrendRole:
        return trendOf(row);
    case TrendArrowRole:
        return trendArrow(trendOf(row));
    case AccountIdRole:
        return row.accountId;
    case ExternalIdRole:
        return row.externalId;
    default:
        return {};
    }
}

QVariant PortfolioModel::displayValue(const PortfolioRow &row, int column) const
{
    const QLocale locale;
    switch (column) {
    case Name:
        return row.name;
    case Owner:
        return row.owner;
    case Stage:
        return row.stage;
    case Score:
        return row.score ? MetricFields::format(MetricField::Pes, *row.score) : QStringLiteral("—");
    case Mau:
        return MetricFields::format(MetricField::Mau, row.mau);
    case Wau:
        return MetricFields::format(MetricField::Wau, row.wau);
    case Stickiness:
        return MetricFields::format(MetricField::WauMau, row.stickiness);
    case Pes:
        return MetricFields::format(MetricField::Pes, row.pes);
    case LicenceUtilisation:
        return MetricFields::format(MetricField::LicenceUtilisation, row.licenceUtilisation);
    case LastActivity:
        return row.lastActiveDay ? dateText(QDate::fromJulianDay(*row.lastActiveDay)) : tr("Never");
    case Renewal:
        return dateText(row.renewalDate);
    case Arr:
        return row.arr ? locale.toString(*row.arr, 'f', 0) : QString();
    default:
        return {};
    }
}

QVariant PortfolioModel::sortValue(const PortfolioRow &row, int column) const
{
    const auto number = [](double v) { return std::isnan(v) ? QVariant() : QVariant(v); };
    switch (column) {
    case Name:
        return row.name;
    case Owner:
        return row.owner;
    case Stage:
        return row.stage;
    case Score:
        return row.score ? QVariant(*row.score) : QVariant();
    case Mau:
        return row.mau;
    case Wau:
        return row.wau;
    case Stickiness:
        return number(row.stickiness);
    case Pes:
        return number(row.pes);
    case LicenceUtilisation:
        return number(row.licenceUtilisation);
    case LastActivity:
        return row.lastActiveDay ? QVariant(qint64(*row.lastActiveDay)) : QVariant();
    case Renewal:
        return row.renewalDate.isValid() ? QVariant(row.renewalDate.toJulianDay()) : QVariant();
    case Arr:
        return row.arr ? QVariant(*row.arr) : QVariant();
    default:
        return {};
    }
}

QString PortfolioModel::toolTip(const PortfolioRow &row, int column) const
{
    if (column == Name)
        return row.externalId;
    if (column != Score)
        return {};
    if (!row.score)
        return tr("No health score yet: none of the model's inputs has a value.");
    const QLocale locale;
    const auto delta = [&locale](const std::optional<double> &d) {
        return d ? (*d > 0 ? QStringLiteral("+") : QString()) + locale.toString(*d, 'f', 0) : QStringLiteral("—");
    };
    return tr("%1 (%2); over 7 days %3, over 30 days %4")
        .arg(locale.toString(*row.score, 'f', 0), HealthModel::bandName(row.band), delta(row.scoreDelta7),
             delta(row.scoreDelta30));
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(isNumericColumn(section) ? Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter)
                                                            : Qt::Alignment(Qt::AlignLeft | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Score:
            return tr("Health score (0–100) with its direction over the last 7 days");
        case Stickiness:
            return tr("WAU / MAU");
        case Pes:
            return tr("Product engagement score (0–100)");
        case Mau:
        case Wau:
            return tr("Distinct active users in the last 30 / 7 days");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Account");
    case Owner:
        return tr("Owner");
    case Stage:
        return tr("Stage");
    case Score:
        return tr("Health");
    case Mau:
        return MetricFields::title(MetricField::Mau);
    case Wau:
        return MetricFields::title(MetricField::Wau);
    case Stickiness:
        return tr("Stickiness");
    case Pes:
        return MetricFields::title(MetricField::Pes);
    case LicenceUtilisation:
        return tr("Licences used");
    case LastActivity:
        return tr("Last activity");
    case Renewal:
        return tr("Renewal");
    case Arr:
        return tr("ARR");
    default:
        return {};
    }
}
