#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>

#include <array>
#include <cmath>
#include <limits>
#include <optional>

/**
 * The calculated fields of an account and day, in the order they are stored and exported. The
 * formulas are in CalculatedFields.h. `column` is the plain name used by the database, the
 * `metrics export` command and health model definitions.
 */
enum class MetricField : int {
    Dau,
    Wau,
    Mau,
    Events,
    Minutes,
    Events30d,
    Minutes30d,
    DauMau,
    WauMau,
    CoreAdoption,
    LicenceUtilisation,
    DaysSinceActive,
    PesAdoption,
    PesStickiness,
    PesGrowth,
    Pes,
    CoreEvents,
    CoreEvents30d,
};

inline constexpr int metricFieldCount = int(MetricField::CoreEvents30d) + 1;

/** How a field is shown: a count, a 0..1 ratio shown as a percentage, a 0–100 score, or days. */
enum class MetricUnit { Count, Ratio, Score, Days };

struct MetricFieldInfo
{
    MetricField field;
    const char *column;
    const char *title; // translated through MetricFields::title()
    MetricUnit unit;
    bool higherIsBetter;
};

/** Names, titles and units of the calculated fields. Any thread. */
class MetricFields final
{
    Q_DECLARE_TR_FUNCTIONS(MetricFields)

public:
    static const std::array<MetricFieldInfo, metricFieldCount> &all();
    static const MetricFieldInfo &info(MetricField field) { return all()[std::size_t(field)]; }
    static QString column(MetricField field);
    static QString title(MetricField field);
    /** The field named by its column ("mau"); nullopt for any other name. */
    static std::optional<MetricField> fromColumn(QStringView column);
    /** "12", "34%", "71", "5 d": a value as the dashboards show it; "—" for a missing value. */
    static QString format(MetricField field, double value);
};

/** One account's calculated fields on one day (NaN: no value that day). */
struct MetricRow
{
    qint64 accountId = 0;
    qint64 appId = 0; // 0: all apps together
    int day = 0;      // Julian day in the subscription's time zone
    std::array<double, metricFieldCount> values{};

    double value(MetricField field) const { return values[std::size_t(field)]; }
    void set(MetricField field, double v) { values[std::size_t(field)] = v; }
    bool has(MetricField field) const { return !std::isnan(value(field)); }
    static constexpr double missing() { return std::numeric_limits<double>::quiet_NaN(); }
};
