#pragma once

#include "Value.h"

#include <QTimeZone>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace pendosim {

/** Bucket granularity of an event source's timeSeries. */
enum class Period { Day, Hour };

/**
 * What the pipeline asks of a source: its name as in the request ("featureEvents", "visitors"…),
 * its params object as sent (entity ids, "blacklist", "identified"…), the resolved app ids
 * (already expanded from a number, a list or expandAppIds("*")) and, for event sources, the
 * bucket starts (epoch ms, local midnights / hours of the subscription time zone) to produce.
 */
struct SourceRequest
{
    std::string name;
    Value params;
    std::vector<std::int64_t> appIds;
    Period period = Period::Day;
    std::vector<std::int64_t> buckets;
};

/** Receives rows one by one; returns false to stop the scan early (e.g. after a limit). */
using RowSink = std::function<bool(Value &&row)>;

/**
 * The simulated subscription as the pipeline interpreter sees it. Implemented by the dataset
 * (rows computed lazily from the seed); tests can implement it with a few rows in memory.
 * Must be safe to call from several request threads at once (const, no shared mutable state).
 */
class DataProvider
{
public:
    virtual ~DataProvider() = default;

    /** Known source names, event and object sources alike. */
    virtual bool hasSource(const std::string &name) const = 0;
    virtual bool isEventSource(const std::string &name) const = 0;

    /**
     * Streams the rows of one source; returns an error message (empty on success). Rows of an
     * aggregated event source (those carrying "day" or "hour") come day by day, in the order of
     * request.buckets; within one day in any order.
     */
    virtual std::string scan(const SourceRequest &request, const RowSink &sink) const = 0;

    /** Full current visitor / account objects ({visitorId|accountId, metadata{...}}) for bulkExpand. */
    virtual std::optional<Value> visitor(const std::string &visitorId) const = 0;
    virtual std::optional<Value> account(const std::string &accountId) const = 0;

    /** Whether the subscription has a segment with this id (the segment step). */
    virtual bool hasSegment(const std::string &segmentId) const = 0;
    /** Whether the visitor is in the segment; false for an unknown visitor or segment. */
    virtual bool inSegment(const std::string &segmentId, const std::string &visitorId) const = 0;

    virtual std::vector<std::int64_t> appIds() const = 0;
    virtual std::int64_t defaultAppId() const = 0;
    virtual QTimeZone timeZone() const = 0;
    /** "now" in epoch ms; fixed by a flag or the clock, so tests are reproducible. */
    virtual std::int64_t nowMs() const = 0;
};

} // namespace pendosim
