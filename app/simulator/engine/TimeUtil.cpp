#include "TimeUtil.h"

#include <QDateTime>

namespace pendosim::timeutil {

namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
// Keeps QDate arithmetic far away from its limits.
constexpr std::int64_t kMaxYear = 100000;
constexpr std::int64_t kMaxDays = kMaxYear * 366;

QDateTime toLocal(const QTimeZone &zone, std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone);
}

bool equalsAny(std::string_view name, std::initializer_list<std::string_view> options)
{
    for (auto option : options) {
        if (name == option)
            return true;
    }
    return false;
}

} // namespace

std::optional<std::int64_t> localTime(const QTimeZone &zone, std::int64_t year, std::int64_t month, std::int64_t day,
                                      std::int64_t hour, std::int64_t minute, std::int64_t second)
{
    if (year < -kMaxYear || year > kMaxYear || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0
        || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return std::nullopt;
    const QDate date(static_cast<int>(year), static_cast<int>(month), static_cast<int>(day));
    if (!date.isValid())
        return std::nullopt;
    const QDateTime dt(date, QTime(int(hour), int(minute), int(second)), zone);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

std::int64_t startOfDay(const QTimeZone &zone, std::int64_t ms)
{
    return toLocal(zone, ms).date().startOfDay(zone).toMSecsSinceEpoch();
}

std::int64_t startOfHour(const QTimeZone &zone, std::int64_t ms)
{
    const std::int64_t offset = std::int64_t(zone.offsetFromUtc(toLocal(zone, ms))) * kSecond;
    const std::int64_t local = ms + offset;
    std::int64_t floored = local - local % kHour;
    if (local % kHour < 0)
        floored -= kHour;
    return floored - offset;
}

std::int64_t dayStartAfter(const QTimeZone &zone, std::int64_t ms, std::int64_t days)
{
    return toLocal(zone, ms).date().addDays(days).startOfDay(zone).toMSecsSinceEpoch();
}

std::optional<Unit> parseUnit(std::string_view name)
{
    if (equalsAny(name, {"milliseconds", "millisecond", "ms"}))
        return Unit::Millisecond;
    if (equalsAny(name, {"seconds", "second"}))
        return Unit::Second;
    if (equalsAny(name, {"minutes", "minute"}))
        return Unit::Minute;
    if (equalsAny(name, {"hours", "hour"}))
        return Unit::Hour;
    if (equalsAny(name, {"days", "day"}))
        return Unit::Day;
    if (equalsAny(name, {"weeks", "week"}))
        return Unit::Week;
    if (equalsAny(name, {"months", "month"}))
        return Unit::Month;
    if (equalsAny(name, {"quarters", "quarter"}))
        return Unit::Quarter;
    if (equalsAny(name, {"years", "year"}))
        return Unit::Year;
    return std::nullopt;
}

std::optional<Unit> parsePeriod(std::string_view name)
{
    if (equalsAny(name, {"hourly", "hourRange"}))
        return Unit::Hour;
    if (equalsAny(name, {"daily", "dayRange"}))
        return Unit::Day;
    if (equalsAny(name, {"weekly", "weekRange"}))
        return Unit::Week;
    if (equalsAny(name, {"monthly", "monthRange"}))
        return Unit::Month;
    if (equalsAny(name, {"quarterly", "quarterRange"}))
        return Unit::Quarter;
    if (equalsAny(name, {"yearly", "yearRange"}))
        return Unit::Year;
    const auto unit = parseUnit(name);
    if (unit && *unit >= Unit::Hour)
        return unit;
    return std::nullopt;
}

std::optional<std::int64_t> add(const QTimeZone &zone, std::int64_t ms, std::int64_t n, Unit unit)
{
    std::int64_t step = 0;
    switch (unit) {
    case Unit::Millisecond:
        step = 1;
        break;
    case Unit::Second:
        step = kSecond;
        break;
    case Unit::Minute:
        step = kMinute;
        break;
    case Unit::Hour:
        step = kHour;
        break;
    case Unit::Day:
    case Unit::Week:
    case Unit::Month:
    case Unit::Quarter:
    case Unit::Year:
        break;
    }
    if (step != 0) {
        std::int64_t delta = 0;
        std::int64_t result = 0;
        if (__builtin_mul_overflow(n, step, &delta) || __builtin_add_overflow(ms, delta, &result))
            return std::nullopt;
        return result;
    }
    if (n < -kMaxDays || n > kMaxDays)
        return std::nullopt;
    const QDateTime local = toLocal(zone, ms);
    QDateTime moved;
    switch (unit) {
    case Unit::Day:
        moved = local.addDays(n);
        break;
    case Unit::Week:
        moved = local.addDays(n * 7);
        break;
    case Unit::Month:
        moved = local.addMonths(int(n));
        break;
    case Unit::Quarter:
        moved = local.addMonths(int(n * 3));
        break;
    case Unit::Year:
        moved = local.addYears(int(n));
        break;
    default:
        break;
    }
    if (!moved.isValid())
        return std::nullopt;
    return moved.toMSecsSinceEpoch();
}

std::optional<std::int64_t> startOf(const QTimeZone &zone, std::int64_t ms, Unit unit)
{
    const QDate date = toLocal(zone, ms).date();
    switch (unit) {
    case Unit::Millisecond:
        return ms;
    case Unit::Second:
        return ms - ((ms % kSecond) + kSecond) % kSecond;
    case Unit::Minute:
        return ms - ((ms % kMinute) + kMinute) % kMinute;
    case Unit::Hour:
        return startOfHour(zone, ms);
    case Unit::Day:
        return date.startOfDay(zone).toMSecsSinceEpoch();
    case Unit::Week:
        // Qt numbers Monday 1 … Sunday 7; weeks start on Sunday.
        return date.addDays(-(date.dayOfWeek() % 7)).startOfDay(zone).toMSecsSinceEpoch();
    case Unit::Month:
        return QDate(date.year(), date.month(), 1).startOfDay(zone).toMSecsSinceEpoch();
    case Unit::Quarter:
        return QDate(date.year(), ((date.month() - 1) / 3) * 3 + 1, 1).startOfDay(zone).toMSecsSinceEpoch();
    case Unit::Year:
        return QDate(date.year(), 1, 1).startOfDay(zone).toMSecsSinceEpoch();
    }
    return std::nullopt;
}

} // namespace pendosim::timeutil
