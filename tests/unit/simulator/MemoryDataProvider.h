#pragma once

#include "DataProvider.h"
#include "Json.h"
#include "Value.h"

#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace pendosim::test {

/** Parses JSON written in a test; a typo there is a bug in the test, so it throws. */
inline Value json(std::string_view text)
{
    std::string error;
    auto v = parseJson(text, &error);
    if (!v)
        throw std::runtime_error("bad test JSON: " + error);
    return std::move(*v);
}

/**
 * A tiny subscription in memory, in America/New_York, "now" fixed at 2026-03-09 15:30 EDT.
 * Event rows carry their instant in "time"; scan() drops it and stamps the bucket start into
 * "day"/"hour" for aggregated sources. Records every SourceRequest and counts scanned rows so tests
 * can check what the engine asked for and that a limit stops the scan early. Single-threaded test use.
 */
class MemoryDataProvider final : public DataProvider
{
public:
    static constexpr std::int64_t kNow = 1773084600000;       // 2026-03-09 15:30 EDT
    static constexpr std::int64_t kDefaultApp = -323232;
    static constexpr std::int64_t kOtherApp = 5001;

    std::map<std::string, std::vector<Value>> eventRows;
    std::map<std::string, std::vector<Value>> objectRows;
    /** Segment id → the visitor ids in it. */
    std::map<std::string, std::set<std::string>> segments;
    std::string failure;

    mutable std::vector<SourceRequest> requests;
    mutable std::int64_t rowsScanned = 0;

    bool hasSource(const std::string &name) const override
    {
        return isEventSource(name) || kObjectSources.count(name) > 0;
    }

    bool isEventSource(const std::string &name) const override { return kEventSources.count(name) > 0; }

    std::string scan(const SourceRequest &request, const RowSink &sink) const override
    {
        requests.push_back(request);
        if (!failure.empty())
            return failure;
        if (isEventSource(request.name))
            return scanEvents(request, sink);
        const auto it = objectRows.find(request.name);
        if (it == objectRows.end())
            return {};
        const bool appScoped = request.name != "visitors" && request.name != "accounts";
        const Value *identified = request.params.find("identified");
        for (const auto &row : it->second) {
            if ((appScoped && !inApps(row, request)) || !matchesEntity(row, request.params))
                continue;
            if (identified && identified->toBool()
                && row.find("visitorId")->toString().starts_with("_PENDO_T_"))
                continue;
            ++rowsScanned;
            Value copy = row;
            if (!sink(std::move(copy)))
                break;
        }
        return {};
    }

    std::optional<Value> visitor(const std::string &visitorId) const override
    {
        return lookup("visitors", "visitorId", visitorId);
    }

    std::optional<Value> account(const std::string &accountId) const override
    {
        return lookup("accounts", "accountId", accountId);
    }

    bool hasSegment(const std::string &segmentId) const override { return segments.count(segmentId) > 0; }

    bool inSegment(const std::string &segmentId, const std::string &visitorId) const override
    {
        const auto it = segments.find(segmentId);
        return it != segments.end() && it->second.count(visitorId) > 0;
    }

    std::vector<std::int64_t> appIds() const override { return {kDefaultApp, kOtherApp}; }
    std::int64_t defaultAppId() const override { return kDefaultApp; }
    QTimeZone timeZone() const override { return QTimeZone(QByteArray("America/New_York")); }
    std::int64_t nowMs() const override { return kNow; }

    const SourceRequest &lastRequest() const { return requests.back(); }

private:
    inline static const std::set<std::string> kEventSources = {"events",      "featureEvents", "pageEvents",
                                                               "trackEvents", "guideEvents",   "pollEvents"};
    inline static const std::set<std::string> kObjectSources = {
        "visitors", "accounts", "features", "pages", "guides", "trackTypes", "pollsSeenEver"};

    static bool inApps(const Value &row, const SourceRequest &request)
    {
        const Value *app = row.find("appId");
        if (!app)
            return true;
        return std::find(request.appIds.begin(), request.appIds.end(), app->toInt()) != request.appIds.end();
    }

    std::string scanEvents(const SourceRequest &request, const RowSink &sink) const
    {
        const auto it = eventRows.find(request.name);
        if (it == eventRows.end())
            return {};
        const bool aggregated = request.name != "guideEvents" && request.name != "pollEvents";
        const char *bucketField = request.period == Period::Day ? "day" : "hour";
        // Buckets are contiguous, so the last one ends where the next would begin.
        for (std::size_t b = 0; b < request.buckets.size(); ++b) {
            const std::int64_t start = request.buckets[b];
            const std::int64_t end = b + 1 < request.buckets.size() ? request.buckets[b + 1] : bucketEnd(request);
            for (const auto &row : it->second) {
                const std::int64_t t = row.find("time")->toInt();
                if (t < start || t >= end || !inApps(row, request) || !matchesEntity(row, request.params))
                    continue;
                ++rowsScanned;
                Value out{Object()};
                for (const auto &[key, value] : row.toObject()) {
                    if (key != "time")
                        out.set(key, value);
                }
                if (aggregated)
                    out.set(bucketField, Value(start));
                if (!sink(std::move(out)))
                    return {};
            }
        }
        return {};
    }

    std::int64_t bucketEnd(const SourceRequest &request) const
    {
        const std::int64_t last = request.buckets.back();
        if (request.period == Period::Hour)
            return last + 3600 * 1000;
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(last, timeZone());
        return local.date().addDays(1).startOfDay(timeZone()).toMSecsSinceEpoch();
    }

    static bool matchesEntity(const Value &row, const Value &params)
    {
        for (const char *key : {"featureId", "pageId", "trackTypeId", "guideId", "pollId"}) {
            const Value *wanted = params.find(key);
            if (!wanted || wanted->isNull())
                continue;
            const Value *have = row.find(key);
            if (!have || !(*have == *wanted))
                return false;
        }
        return true;
    }

    std::optional<Value> lookup(const std::string &source, const char *key, const std::string &id) const
    {
        const auto it = objectRows.find(source);
        if (it == objectRows.end())
            return std::nullopt;
        for (const auto &row : it->second) {
            if (row.find(key) && row.find(key)->toString() == id)
                return row;
        }
        return std::nullopt;
    }
};

} // namespace pendosim::test
