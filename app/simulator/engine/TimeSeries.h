#pragma once

#include "DataProvider.h"
#include "Expression.h"
#include "TimeUtil.h"
#include "Value.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace pendosim {

/**
 * The periods an event source's timeSeries asks for. Range periods (dayRange, weekRange…) form one
 * result set; iterative ones (daily, weekly…) run the pipeline once per period.
 */
struct ResolvedTimeSeries
{
    /** What the periods are: Hour, Day, Week, Month or Quarter. */
    timeutil::Unit unit = timeutil::Unit::Day;
    bool iterative = false;
    /** Period starts, ascending, and where each one ends (local midnights or hour starts). */
    std::vector<std::int64_t> periods;
    std::vector<std::int64_t> periodEnds;
    /** The first period's start (the period containing `first` when there are none): the response's startTime. */
    std::int64_t firstBucket = 0;

    /** The row field naming a row's period: "hour", "day", "week", "month" or "quarter". */
    std::string_view field() const;
    /** The granularity the data provider is asked for: hours for hourly periods, days for the rest. */
    Period providerPeriod() const { return unit == timeutil::Unit::Hour ? Period::Hour : Period::Day; }
    /** The provider's bucket starts covering periods [from, to). */
    std::vector<std::int64_t> providerBuckets(const QTimeZone &zone, std::size_t from, std::size_t to) const;
};

/** Longest ranges a single request may span. */
inline constexpr std::int64_t kMaxDayBuckets = 3660;
inline constexpr std::int64_t kMaxHourBuckets = 24 * 366;

/**
 * Resolves a source's `timeSeries` object ({period, first, count|last}) in the context's time
 * zone. Throws EngineError (400) for anything it cannot accept.
 */
ResolvedTimeSeries resolveTimeSeries(const Value &spec, const EvalContext &context);

/** Reads a time bound: epoch ms as a number, a numeric string or an expression such as "now()". */
std::int64_t resolveTime(const Value &v, const EvalContext &context, std::string_view what);

} // namespace pendosim
