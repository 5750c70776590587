#pragma once

#include <QTimeZone>

#include <cstdint>
#include <optional>
#include <string_view>

namespace pendosim {

/** Calendar arithmetic in the subscription time zone (DST-aware), shared by expressions and timeSeries. */
namespace timeutil {

/** Local wall-clock time → epoch ms; nullopt for an impossible date. Times inside a DST gap move forward. */
std::optional<std::int64_t> localTime(const QTimeZone &zone, std::int64_t year, std::int64_t month, std::int64_t day,
                                      std::int64_t hour = 0, std::int64_t minute = 0, std::int64_t second = 0);

/** Start of the local day containing ms. */
std::int64_t startOfDay(const QTimeZone &zone, std::int64_t ms);
/** Start of the local hour containing ms. */
std::int64_t startOfHour(const QTimeZone &zone, std::int64_t ms);
/** Start of the local day that is days after (or before) the day containing ms. */
std::int64_t dayStartAfter(const QTimeZone &zone, std::int64_t ms, std::int64_t days);

enum class Unit { Millisecond, Second, Minute, Hour, Day, Week, Month, Quarter, Year };

/** "days", "day", "hours", "weeks", "months"… as accepted by dateAdd() and startOfPeriod(). */
std::optional<Unit> parseUnit(std::string_view name);
/** Period names of startOfPeriod(): "daily", "hourly", "weekly", "monthly", "quarterly", "yearly", or a unit. */
std::optional<Unit> parsePeriod(std::string_view name);

/** Adds n units; days, weeks, months and years keep the local wall-clock time. */
std::optional<std::int64_t> add(const QTimeZone &zone, std::int64_t ms, std::int64_t n, Unit unit);
/** Start of the local period containing ms (weeks start on Sunday). */
std::optional<std::int64_t> startOf(const QTimeZone &zone, std::int64_t ms, Unit unit);

} // namespace timeutil
} // namespace pendosim
