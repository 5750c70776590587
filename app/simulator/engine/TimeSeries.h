#pragma once

#include "DataProvider.h"
#include "Expression.h"
#include "Value.h"

#include <cstdint>
#include <vector>

namespace pendosim {

/** The buckets an event source's timeSeries asks for. */
struct ResolvedTimeSeries
{
    Period period = Period::Day;
    /** Bucket starts, ascending (local midnights or hour starts). */
    std::vector<std::int64_t> buckets;
    /** The first bucket's start (the bucket containing `first` when there are none): the response's startTime. */
    std::int64_t firstBucket = 0;
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
