#include "TimeSeries.h"

#include "EngineError.h"
#include "TimeUtil.h"

#include <QDate>
#include <QDateTime>

#include <cmath>
#include <cstddef>

namespace pendosim {

namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;
// Year 1 to year 9999: beyond that no calendar arithmetic is meaningful.
constexpr std::int64_t kMinTime = -62135596800000;
constexpr std::int64_t kMaxTime = 253402300799999;

std::int64_t resolveCount(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::trunc(v.toDouble())
        && std::fabs(v.toDouble()) < 1e15)
        return std::int64_t(v.toDouble());
    if (v.isString()) {
        const std::string &s = v.toString();
        std::size_t used = 0;
        try {
            const long long n = std::stoll(s, &used);
            if (used == s.size())
                return n;
        } catch (...) {
        }
    }
    throw EngineError(400, "timeSeries.count must be a whole number of periods, got " + v.toJson());
}

[[noreturn]] void tooLong(std::int64_t buckets, std::int64_t max, std::string_view unit)
{
    throw EngineError(400, "timeSeries spans " + std::to_string(buckets) + " " + std::string(unit)
                               + "; one request may cover at most " + std::to_string(max));
}

QDate localDate(const QTimeZone &zone, std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date();
}

} // namespace

std::int64_t resolveTime(const Value &v, const EvalContext &context, std::string_view what)
{
    std::int64_t ms = 0;
    Value computed;
    const Value *number = &v;
    if (v.isString()) {
        const Expression e = Expression::parse(v.toString(), context, "timeSeries." + std::string(what));
        computed = e.evaluate(Value());
        number = &computed;
    }
    if (number->isInt()) {
        ms = number->toInt();
    } else if (number->isDouble() && std::isfinite(number->toDouble()) && std::fabs(number->toDouble()) < 1e16) {
        ms = std::int64_t(number->toDouble());
    } else {
        throw EngineError(400, "timeSeries." + std::string(what)
                                   + " must be a time in epoch milliseconds or an expression giving one, got "
                                   + v.toJson());
    }
    if (ms < kMinTime || ms > kMaxTime)
        throw EngineError(400, "timeSeries." + std::string(what) + " is out of range: " + std::to_string(ms));
    return ms;
}

namespace {

struct PeriodName
{
    std::string_view name;
    timeutil::Unit unit;
    bool iterative;
};

constexpr PeriodName kPeriods[] = {
    {"hourRange", timeutil::Unit::Hour, false},   {"dayRange", timeutil::Unit::Day, false},
    {"weekRange", timeutil::Unit::Week, false},   {"monthRange", timeutil::Unit::Month, false},
    {"quarterRange", timeutil::Unit::Quarter, false}, {"hourly", timeutil::Unit::Hour, true},
    {"daily", timeutil::Unit::Day, true},         {"weekly", timeutil::Unit::Week, true},
    {"monthly", timeutil::Unit::Month, true},
};

/** Most periods of each kind one request may cover: about ten years of days, a leap year of hours. */
std::int64_t maxPeriods(timeutil::Unit unit)
{
    switch (unit) {
    case timeutil::Unit::Hour:
        return kMaxHourBuckets;
    case timeutil::Unit::Week:
        return kMaxDayBuckets / 7;
    case timeutil::Unit::Month:
        return kMaxDayBuckets / 30;
    case timeutil::Unit::Quarter:
        return kMaxDayBuckets / 91;
    default:
        return kMaxDayBuckets;
    }
}

/** A lower bound of a period's length, to refuse absurd ranges before walking them. */
std::int64_t shortestPeriodMs(timeutil::Unit unit)
{
    switch (unit) {
    case timeutil::Unit::Hour:
        return kHourMs;
    case timeutil::Unit::Week:
        return 7 * 23 * kHourMs;
    case timeutil::Unit::Month:
        return 28 * 23 * kHourMs;
    case timeutil::Unit::Quarter:
        return 89 * 23 * kHourMs;
    default:
        return 23 * kHourMs;
    }
}

std::string_view unitName(timeutil::Unit unit)
{
    switch (unit) {
    case timeutil::Unit::Hour:
        return "hours";
    case timeutil::Unit::Week:
        return "weeks";
    case timeutil::Unit::Month:
        return "months";
    case timeutil::Unit::Quarter:
        return "quarters";
    default:
        return "days";
    }
}

/** Period starts counted from the period containing an instant; days and longer start at local midnight. */
class PeriodWalk
{
public:
    PeriodWalk(const QTimeZone &zone, timeutil::Unit unit, std::int64_t instant) : m_zone(zone), m_unit(unit)
    {
        m_hourStart = timeutil::startOfHour(zone, instant);
        QDate date = localDate(zone, instant);
        if (unit == timeutil::Unit::Week)
            date = date.addDays(-(date.dayOfWeek() % 7)); // weeks start on Sunday
        else if (unit == timeutil::Unit::Month)
            date = QDate(date.year(), date.month(), 1);
        else if (unit == timeutil::Unit::Quarter)
            date = QDate(date.year(), ((date.month() - 1) / 3) * 3 + 1, 1);
        m_date = date;
    }

    /** Start of the period k periods after (k < 0: before) the one containing the instant. */
    std::int64_t start(std::int64_t k) const
    {
        switch (m_unit) {
        case timeutil::Unit::Hour:
            return m_hourStart + k * kHourMs;
        case timeutil::Unit::Week:
            return m_date.addDays(7 * k).startOfDay(m_zone).toMSecsSinceEpoch();
        case timeutil::Unit::Month:
            return m_date.addMonths(int(k)).startOfDay(m_zone).toMSecsSinceEpoch();
        case timeutil::Unit::Quarter:
            return m_date.addMonths(int(3 * k)).startOfDay(m_zone).toMSecsSinceEpoch();
        default:
            return m_date.addDays(k).startOfDay(m_zone).toMSecsSinceEpoch();
        }
    }

private:
    const QTimeZone &m_zone;
    timeutil::Unit m_unit;
    std::int64_t m_hourStart = 0;
    QDate m_date;
};

} // namespace

std::string_view ResolvedTimeSeries::field() const
{
    switch (unit) {
    case timeutil::Unit::Hour:
        return "hour";
    case timeutil::Unit::Week:
        return "week";
    case timeutil::Unit::Month:
        return "month";
    case timeutil::Unit::Quarter:
        return "quarter";
    default:
        return "day";
    }
}

std::vector<std::int64_t> ResolvedTimeSeries::providerBuckets(const QTimeZone &zone, std::size_t from,
                                                              std::size_t to) const
{
    if (from >= to || to > periods.size())
        return {};
    if (unit == timeutil::Unit::Hour || unit == timeutil::Unit::Day)
        return std::vector<std::int64_t>(periods.begin() + std::ptrdiff_t(from), periods.begin() + std::ptrdiff_t(to));
    std::vector<std::int64_t> days;
    const std::int64_t end = periodEnds[to - 1];
    for (QDate date = localDate(zone, periods[from]);; date = date.addDays(1)) {
        const std::int64_t day = date.startOfDay(zone).toMSecsSinceEpoch();
        if (day >= end)
            break;
        days.push_back(day);
    }
    return days;
}

ResolvedTimeSeries resolveTimeSeries(const Value &spec, const EvalContext &context)
{
    if (!spec.isObject())
        throw EngineError(400, "timeSeries must be an object with period, first and count or last");
    ResolvedTimeSeries out;
    const Value *period = spec.find("period");
    if (!period || !period->isString())
        throw EngineError(400, "timeSeries.period is required, e.g. \"dayRange\"");
    const PeriodName *kind = nullptr;
    for (const auto &candidate : kPeriods) {
        if (candidate.name == period->toString())
            kind = &candidate;
    }
    if (!kind)
        throw EngineError(400, "unknown timeSeries.period '" + period->toString() + "'");
    out.unit = kind->unit;
    out.iterative = kind->iterative;

    const Value *firstValue = spec.find("first");
    if (!firstValue || firstValue->isNull())
        throw EngineError(400, "timeSeries.first is required");
    const Value *countValue = spec.find("count");
    const Value *lastValue = spec.find("last");
    if (countValue && countValue->isNull())
        countValue = nullptr;
    if (lastValue && lastValue->isNull())
        lastValue = nullptr;
    if ((countValue != nullptr) == (lastValue != nullptr))
        throw EngineError(400, "timeSeries needs exactly one of count or last");

    const QTimeZone &zone = context.timeZone;
    const std::int64_t first = resolveTime(*firstValue, context, "first");
    const std::int64_t maxCount = maxPeriods(out.unit);
    const PeriodWalk walk(zone, out.unit, first);
    out.firstBucket = walk.start(0);

    std::int64_t offset = 0; // index of the first period relative to the one containing `first`
    std::int64_t count = 0;
    if (countValue) {
        const std::int64_t n = resolveCount(*countValue);
        if (n > maxCount || n < -maxCount)
            tooLong(n < 0 ? -n : n, maxCount, unitName(out.unit));
        // A negative count walks back from `first`: the |n| periods before the one containing it.
        offset = n < 0 ? n : 0;
        count = n < 0 ? -n : n;
    } else {
        std::int64_t last = resolveTime(*lastValue, context, "last");
        // `last` is exclusive; first == last still asks for the period containing that instant.
        if (last == first)
            last = first + 1;
        if (last > out.firstBucket) {
            const std::int64_t approx = (last - out.firstBucket) / shortestPeriodMs(out.unit) + 1;
            if (approx > maxCount + 2)
                tooLong(approx, maxCount, unitName(out.unit));
            while (count <= maxCount && walk.start(count) < last)
                ++count;
            if (count > maxCount)
                tooLong(count, maxCount, unitName(out.unit));
        }
    }

    out.periods.reserve(std::size_t(count));
    out.periodEnds.reserve(std::size_t(count));
    for (std::int64_t i = 0; i < count; ++i) {
        out.periods.push_back(walk.start(offset + i));
        out.periodEnds.push_back(walk.start(offset + i + 1));
    }
    if (!out.periods.empty())
        out.firstBucket = out.periods.front();
    return out;
}

} // namespace pendosim
