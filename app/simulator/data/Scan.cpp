// The aggregation sources: event rows per bucket and object rows, streamed to the interpreter.
#include "Dataset.h"

#include "Agents.h"
#include "Hash.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <map>
#include <set>

namespace pendosim {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

constexpr std::array<std::string_view, 11> kEventSources
    = {"events",    "pageEvents", "featureEvents", "trackEvents",       "guideEvents",  "pollEvents",
       "pollsSeen", "guidesSeen", "emailEvents",   "recordingMetadata", "agenticEvents"};
constexpr std::array<std::string_view, 10> kObjectSources
    = {"visitors",   "accounts",      "pages", "features", "guides",
       "trackTypes", "pollsSeenEver", "apps",  "groups",   "guidesSeenEver"};
// Sources of Pendo products the simulated subscription does not use (email guides, session replay,
// AI agents): known, and empty.
constexpr std::array<std::string_view, 3> kUnusedSources = {"emailEvents", "recordingMetadata", "agenticEvents"};

std::string_view paramString(const Value &params, std::string_view key)
{
    const Value *v = params.isObject() ? params.find(key) : nullptr;
    return v && v->isString() ? std::string_view(v->toString()) : std::string_view();
}

/** Present and not null: the caller asked for one entity; an id of the wrong type matches nothing. */
bool paramGiven(const Value &params, std::string_view key)
{
    const Value *v = params.isObject() ? params.find(key) : nullptr;
    return v && !v->isNull();
}

/** The requested buckets, as sorted half-open intervals, grouped by local day. */
struct BucketPlan
{
    std::map<int, std::set<std::int64_t>> hoursByDay; // hour mode: requested hour starts per day
    std::set<int> days;
    std::vector<std::pair<std::int64_t, std::int64_t>> intervals;

    bool contains(std::int64_t t) const
    {
        auto it = std::upper_bound(intervals.begin(), intervals.end(), std::make_pair(t, INT64_MAX));
        if (it == intervals.begin())
            return false;
        --it;
        return t >= it->first && t < it->second;
    }
};

} // namespace

bool Dataset::hasSource(const std::string &name) const
{
    return std::find(kEventSources.begin(), kEventSources.end(), name) != kEventSources.end()
           || std::find(kObjectSources.begin(), kObjectSources.end(), name) != kObjectSources.end();
}

bool Dataset::isEventSource(const std::string &name) const
{
    return std::find(kEventSources.begin(), kEventSources.end(), name) != kEventSources.end();
}

std::string Dataset::scan(const SourceRequest &request, const RowSink &sink) const
{
    if (paramString(request.params, "blacklist") == "only")
        return {}; // nothing in the simulated subscription is excluded
    const std::string &name = request.name;
    if (std::find(kUnusedSources.begin(), kUnusedSources.end(), name) != kUnusedSources.end())
        return {};
    if (name == "guidesSeen" || name == "guidesSeenEver")
        return scanGuidesSeen(request, sink);
    if (name == "groups")
        return scanGroups(request, sink);
    if (name == "guideEvents" || name == "pollEvents" || name == "pollsSeen" || name == "pollsSeenEver")
        return scanGuideEvents(request, sink);
    if (isEventSource(name))
        return scanEvents(request, sink);
    if (hasSource(name))
        return scanObjects(request, sink);
    return "unknown source type '" + name + "'";
}

static BucketPlan planBuckets(const Dataset &data, const SourceRequest &request)
{
    BucketPlan plan;
    for (std::int64_t b : request.buckets) {
        const int day = data.dayOf(b);
        if (day == INT_MIN)
            continue;
        if (request.period == Period::Hour) {
            plan.hoursByDay[day].insert(b);
            plan.days.insert(day);
            plan.intervals.emplace_back(b, b + kHourMs);
        } else {
            plan.days.insert(day);
            plan.intervals.emplace_back(data.dayStartMs(day), data.dayStartMs(day + 1));
        }
    }
    std::sort(plan.intervals.begin(), plan.intervals.end());
    return plan;
}

std::string Dataset::scanEvents(const SourceRequest &request, const RowSink &sink) const
{
    const std::string &name = request.name;
    const bool rollup = name == "events";
    ItemKind kind = ItemKind::Page;
    std::string_view idKey = "pageId";
    if (name == "featureEvents") {
        kind = ItemKind::Feature;
        idKey = "featureId";
    } else if (name == "trackEvents") {
        kind = ItemKind::TrackType;
        idKey = "trackTypeId";
    }
    const unsigned kindMask = rollup ? 7u : 1u << static_cast<int>(kind);
    unsigned appMask = appMaskOf(request.appIds);

    std::int64_t onlyItem = -1;
    if (!rollup && paramGiven(request.params, idKey)) {
        const std::string_view wanted = paramString(request.params, idKey);
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            if (m_items[i].kind == kind && m_items[i].id == wanted) {
                onlyItem = static_cast<std::int64_t>(i);
                break;
            }
        }
        if (onlyItem < 0)
            return {};
        appMask &= 1u << m_items[static_cast<std::size_t>(onlyItem)].app;
    }
    if (rollup && request.params.isObject()) {
        if (const Value *classes = request.params.find("eventClass"); classes && classes->isArray()) {
            unsigned allowed = 0;
            for (const Value &c : classes->toArray()) {
                for (std::size_t app = 0; app < m_apps.size(); ++app) {
                    if (c.isString() && c.toString() == m_apps[app].platform)
                        allowed |= 1u << app;
                }
            }
            appMask &= allowed;
        }
    }
    if (appMask == 0)
        return {};

    const BucketPlan plan = planBuckets(*this, request);
    const bool hourly = request.period == Period::Hour;
    std::vector<ItemUse> uses;
    uses.reserve(64);

    struct Rollup
    {
        unsigned app;
        std::int64_t bucket;
        std::int64_t events;
        std::int64_t minutes;
        std::int64_t first;
        std::int64_t last;
    };
    std::vector<Rollup> rollups;

    for (const int day : plan.days) {
        if (day < m_historyStart || day > m_today)
            continue;
        const std::int64_t dayStart = dayStartMs(day);
        const std::set<std::int64_t> *hours = nullptr;
        if (hourly)
            hours = &plan.hoursByDay.at(day);
        for (std::uint32_t vi = 0; vi < m_visitors.size(); ++vi) {
            const VisitorInfo &v = m_visitors[vi];
            if (v.doNotProcess || day < v.startDay || !(v.appMask & appMask))
                continue;
            const int account = dayActivity(vi, day, kindMask, appMask, uses);
            if (account == -2 || uses.empty())
                continue;
            rollups.clear();
            for (ItemUse &use : uses) {
                if (onlyItem >= 0 && use.item != static_cast<std::uint32_t>(onlyItem))
                    continue;
                const std::int64_t hourStart = dayStart + ((use.firstTime - dayStart) / kHourMs) * kHourMs;
                if (hourly && !hours->count(hourStart))
                    continue;
                if (!arrived(hashOf(vi, static_cast<std::uint64_t>(day), use.item), hourStart + kHourMs, use))
                    continue;
                const CatalogItem &item = m_items[use.item];
                const auto app = static_cast<unsigned>(item.app);
                const std::int64_t bucket = hourly ? hourStart : dayStart;
                if (rollup) {
                    auto it = std::find_if(rollups.begin(), rollups.end(),
                                           [&](const Rollup &r) { return r.app == app && r.bucket == bucket; });
                    if (it == rollups.end()) {
                        rollups.push_back({app, bucket, 0, 0, use.firstTime, use.lastTime});
                        it = rollups.end() - 1;
                    }
                    it->events += use.events;
                    if (item.kind == ItemKind::Page)
                        it->minutes += use.minutes;
                    it->first = std::min(it->first, use.firstTime);
                    it->last = std::max(it->last, use.lastTime);
                    continue;
                }
                const AppInfo &appInfo = m_apps[app];
                Object row;
                row.reserve(14);
                if (account >= 0)
                    row.emplace_back("accountId", m_accounts[static_cast<std::size_t>(account)].id);
                row.emplace_back("appId", appInfo.id);
                if (!hourly)
                    row.emplace_back("day", bucket);
                if (kind == ItemKind::Feature)
                    row.emplace_back("featureId", item.id);
                if (hourly) {
                    row.emplace_back("firstTime", use.firstTime);
                    row.emplace_back("hour", bucket);
                    row.emplace_back("lastTime", use.lastTime);
                }
                row.emplace_back("numEvents", static_cast<std::int64_t>(use.events));
                row.emplace_back("numMinutes", static_cast<std::int64_t>(use.minutes));
                if (kind == ItemKind::Page) {
                    row.emplace_back("pageId", item.id);
                    row.emplace_back("parameters", Object{});
                }
                if (kind == ItemKind::TrackType) {
                    static constexpr std::array<std::string_view, 3> channels = {"ui", "api", "automation"};
                    const std::uint64_t h = hashOf(vi, static_cast<std::uint64_t>(day), use.item, 0x7e);
                    Object props;
                    props.emplace_back("channel", std::string(channels[h % channels.size()]));
                    if (account >= 0)
                        props.emplace_back(
                            "plan", planNames()[m_accounts[static_cast<std::size_t>(account)].plan]);
                    row.emplace_back("properties", std::move(props));
                }
                row.emplace_back("remoteIp", agents::ipFor(m_config.seed, vi, app, account));
                row.emplace_back("server", appInfo.server);
                if (kind == ItemKind::TrackType)
                    row.emplace_back("trackTypeId", item.id);
                row.emplace_back("userAgent", std::string(agents::browserFor(appInfo.platform, v.agent).userAgent));
                row.emplace_back("visitorId", v.id);
                if (!sink(Value(std::move(row))))
                    return {};
            }
            for (const Rollup &r : rollups) {
                const AppInfo &appInfo = m_apps[r.app];
                Object row;
                row.reserve(11);
                if (account >= 0)
                    row.emplace_back("accountId", m_accounts[static_cast<std::size_t>(account)].id);
                row.emplace_back("appId", appInfo.id);
                if (!hourly)
                    row.emplace_back("day", r.bucket);
                if (hourly) {
                    row.emplace_back("firstTime", r.first);
                    row.emplace_back("hour", r.bucket);
                    row.emplace_back("lastTime", r.last);
                }
                row.emplace_back("numEvents", r.events);
                row.emplace_back("numMinutes", std::max<std::int64_t>(1, r.minutes));
                row.emplace_back("remoteIp", agents::ipFor(m_config.seed, vi, r.app, account));
                row.emplace_back("server", appInfo.server);
                row.emplace_back("userAgent", std::string(agents::browserFor(appInfo.platform, v.agent).userAgent));
                row.emplace_back("visitorId", v.id);
                if (!sink(Value(std::move(row))))
                    return {};
            }
        }
    }
    return {};
}

namespace {

constexpr std::array<std::string_view, 4> kPraise = {"Love the new dashboards", "Saves our team hours every week",
                                                     "Great support, keep it up", "Reports are exactly what we need"};
constexpr std::array<std::string_view, 4> kNeutral = {"Works fine", "Would like more integrations",
                                                      "Mobile app could be faster", "Pricing is a bit high"};
constexpr std::array<std::string_view, 4> kComplaints = {"Too slow lately", "We are moving our reporting elsewhere",
                                                         "Hard to find things after the redesign",
                                                         "Exports keep failing, frustrating"};

} // namespace

std::string Dataset::scanGuideEvents(const SourceRequest &request, const RowSink &sink, bool allTime) const
{
    const std::string &name = request.name;
    const bool pollRows = name != "guideEvents";
    const bool seenEver = allTime || name == "pollsSeenEver";
    const bool flatPollRows = name == "pollsSeen" || name == "pollsSeenEver";
    const unsigned appMask = name == "pollsSeenEver" ? ~0u : appMaskOf(request.appIds);
    const bool oneGuide = paramGiven(request.params, "guideId");
    const std::string_view guideFilter = paramString(request.params, "guideId");
    const bool onePoll = paramGiven(request.params, "pollId");
    const std::string_view pollFilter = paramString(request.params, "pollId");
    const BucketPlan plan = seenEver ? BucketPlan{} : planBuckets(*this, request);

    for (std::size_t g = 0; g < m_guides.size(); ++g) {
        const GuideInfo &guide = m_guides[g];
        if (oneGuide && guide.id != guideFilter)
            continue;
        if (!(appMask & (1u << guide.app)) || guide.reach <= 0.0)
            continue;
        if (pollRows && !guide.nps)
            continue;
        const AppInfo &app = m_apps[static_cast<std::size_t>(guide.app)];
        const int publishedDay =
            std::max(m_historyStart, dayOf(guide.publishedAt) == INT_MIN ? m_historyStart : dayOf(guide.publishedAt));
        const CatalogItem &page = m_items[static_cast<std::size_t>(guide.page)];
        const std::string url = (app.platform == "web" ? "https://" + app.server + "/" : "lumen://") +
                                (page.rule.size() > 4 ? page.rule.substr(4) : page.name);

        for (std::uint32_t vi = 0; vi < m_visitors.size(); ++vi) {
            const VisitorInfo &v = m_visitors[vi];
            if (v.doNotProcess || !(v.appMask & (1u << guide.app)))
                continue;
            const std::uint64_t seen = hashOf(m_config.seed, vi, g, 0x6d1);
            if (unitOf(seen) >= std::min(0.95, guide.reach * (0.5 + v.propensity)))
                continue;
            const int first = std::max(v.startDay, publishedDay);
            if (first > m_today)
                continue;
            int day =
                first + static_cast<int>((seen >> 20) % static_cast<std::uint64_t>(std::min(30, m_today - first + 1)));
            const int lastCandidate = std::min(m_today, day + 14);
            while (day <= lastCandidate && !(activeOn(vi, day) && (appsUsedOn(vi, day) & (1u << guide.app))))
                ++day;
            if (day > lastCandidate)
                continue;
            const int account = accountOnDay(v, vi, day);
            const AccountInfo *a = account >= 0 ? &m_accounts[static_cast<std::size_t>(account)] : nullptr;
            const std::int64_t t0 = sessionStartMs(vi, day) + 60'000 + static_cast<std::int64_t>((seen >> 8) % 30'000);
            const std::uint64_t shape = hashOf(m_config.seed, vi, g, 0x6d2);

            // The interaction as a sequence of (type, step, offset ms, poll index or -1).
            struct Step
            {
                const char *type;
                int step;
                int destination;
                std::int64_t offset;
                int poll;
            };
            std::vector<Step> steps;
            std::int64_t offset = 0;
            if (guide.nps) {
                steps.push_back({"guideSeen", 0, -1, offset, -1});
                if (unitOf(shape) < 0.7) {
                    offset += 4'000 + static_cast<std::int64_t>(shape % 20'000);
                    steps.push_back({"pollResponse", 0, -1, offset, 0});
                    steps.push_back({"guideAdvanced", 0, 1, offset + 300, -1});
                    steps.push_back({"guideSeen", 1, -1, offset + 600, -1});
                    offset += 8'000 + static_cast<std::int64_t>((shape >> 16) % 40'000);
                    if (unitOf(mix64(shape)) < 0.55)
                        steps.push_back({"pollResponse", 1, -1, offset, 1});
                    steps.push_back({"guideAdvanced", 1, -1, offset + 300, -1});
                } else {
                    steps.push_back({"guideDismissed", 0, -1, 2'500 + static_cast<std::int64_t>(shape % 9'000), -1});
                }
            } else {
                const int count = static_cast<int>(guide.stepIds.size());
                const int dismissAt = unitOf(shape) < 0.6 ? count : static_cast<int>((shape >> 24) % count);
                for (int s = 0; s < count; ++s) {
                    steps.push_back({"guideSeen", s, -1, offset, -1});
                    offset += 3'000 + static_cast<std::int64_t>((shape >> (s * 5)) % 15'000);
                    if (s == dismissAt) {
                        steps.push_back({"guideDismissed", s, -1, offset, -1});
                        break;
                    }
                    steps.push_back({"guideAdvanced", s, s + 1 < count ? s + 1 : -1, offset, -1});
                    offset += 400;
                }
            }

            const agents::Place &place = agents::placeFor(m_config.seed, account, vi);
            const std::string ip = agents::ipFor(m_config.seed, vi, static_cast<unsigned>(guide.app), account);
            for (const Step &step : steps) {
                const bool isPoll = step.poll >= 0;
                if (isPoll != pollRows)
                    continue;
                if (isPoll && onePoll && guide.pollIds[static_cast<std::size_t>(step.poll)] != pollFilter)
                    continue;
                const std::int64_t t = t0 + step.offset;
                if (!seenEver && !plan.contains(t))
                    continue;
                ItemUse use;
                use.firstTime = t;
                use.lastTime = t;
                use.events = 1;
                const std::int64_t hourStart = t - ((t - dayStartMs(day)) % kHourMs);
                if (!arrived(hashOf(vi, g, static_cast<std::uint64_t>(step.offset)), hourStart + kHourMs, use))
                    continue;
                Value response;
                if (isPoll) {
                    if (step.poll == 0) {
                        double base = 7.5;
                        if (a) {
                            static constexpr std::array<double, 5> byArchetype = {8.6, 7.8, 4.8, 7.6, 4.2};
                            base = byArchetype[static_cast<std::size_t>(a->archetype)];
                        }
                        const long score = std::lround(base + (unitOf(mix64(shape ^ 0x5c0)) - 0.5) * 5.0);
                        response = static_cast<std::int64_t>(std::clamp(score, 0L, 10L));
                    } else {
                        const auto pickIndex = static_cast<std::size_t>((shape >> 33) % 4);
                        const bool unhappy = a && (a->archetype == Archetype::Declining
                                                   || a->archetype == Archetype::Dormant);
                        const bool happy = a && a->archetype == Archetype::Growing;
                        response = std::string(unhappy ? kComplaints[pickIndex]
                                               : happy ? kPraise[pickIndex]
                                                       : kNeutral[pickIndex]);
                    }
                }
                Object row;
                if (flatPollRows) {
                    if (account >= 0)
                        row.emplace_back("accountId", a->id);
                    row.emplace_back("guideId", guide.id);
                    row.emplace_back("pollId", guide.pollIds[static_cast<std::size_t>(step.poll)]);
                    row.emplace_back("response", std::move(response));
                    row.emplace_back("time", t);
                    row.emplace_back("visitorId", v.id);
                    if (!sink(Value(std::move(row))))
                        return {};
                    continue;
                }
                row.reserve(22);
                if (account >= 0)
                    row.emplace_back("accountId", a->id);
                if (v.secondAccount >= 0)
                    row.emplace_back("accountIds",
                                     Array{Value(m_accounts[static_cast<std::size_t>(v.account)].id),
                                           Value(m_accounts[static_cast<std::size_t>(v.secondAccount)].id)});
                else if (account >= 0)
                    row.emplace_back("accountIds", Array{Value(a->id)});
                row.emplace_back("appId", app.id);
                row.emplace_back("browserTime", t);
                row.emplace_back("country", std::string(place.country));
                if (step.destination >= 0)
                    row.emplace_back("destinationStepId", guide.stepIds[static_cast<std::size_t>(step.destination)]);
                row.emplace_back("guideId", guide.id);
                if (std::string_view(step.type) == "guideSeen")
                    row.emplace_back("guideSeenReason", step.step == 0 ? "auto" : "continue");
                row.emplace_back("guideStepId", guide.stepIds[static_cast<std::size_t>(step.step)]);
                row.emplace_back("guideTimestamp", t + 150 + static_cast<std::int64_t>(shape % 700));
                row.emplace_back("language", "en-US");
                row.emplace_back("latitude", place.latitude);
                row.emplace_back("loadTime", static_cast<std::int64_t>(180 + (shape >> 12) % 1800));
                row.emplace_back("longitude", place.longitude);
                if (isPoll) {
                    row.emplace_back("pollId", guide.pollIds[static_cast<std::size_t>(step.poll)]);
                    row.emplace_back("pollResponse", std::move(response));
                    row.emplace_back("pollType", step.poll == 0 ? "NPSRating" : "FreeForm");
                }
                row.emplace_back("region", std::string(place.region));
                row.emplace_back("remoteIp", ip);
                row.emplace_back("serverName", app.server);
                row.emplace_back("type", step.type);
                row.emplace_back("url", url);
                row.emplace_back("userAgent", std::string(agents::browserFor(app.platform, v.agent).userAgent));
                row.emplace_back("visitorId", v.id);
                if (!sink(Value(std::move(row))))
                    return {};
            }
        }
    }
    return {};
}

std::string Dataset::scanObjects(const SourceRequest &request, const RowSink &sink) const
{
    const std::string &name = request.name;
    const unsigned appMask = appMaskOf(request.appIds);
    if (name == "pages" || name == "features" || name == "trackTypes") {
        const ItemKind kind = name == "pages" ? ItemKind::Page : name == "features" ? ItemKind::Feature
                                                                                    : ItemKind::TrackType;
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            if (m_items[i].kind == kind && (appMask & (1u << m_items[i].app)) && !sink(Value(m_itemObjects[i])))
                return {};
        }
        return {};
    }
    if (name == "guides") {
        for (std::size_t i = 0; i < m_guides.size(); ++i) {
            if ((appMask & (1u << m_guides[i].app)) && !sink(Value(m_guideObjects[i])))
                return {};
        }
        return {};
    }
    if (name == "apps") {
        for (std::size_t i = 0; i < m_apps.size(); ++i) {
            if (!(appMask & (1u << i)))
                continue;
            const AppInfo &app = m_apps[i];
            Object row;
            row.emplace_back("createdAt", app.createdAt);
            row.emplace_back("id", app.id);
            row.emplace_back("name", app.name);
            row.emplace_back("platform", app.platform);
            if (!sink(Value(std::move(row))))
                return {};
        }
        return {};
    }
    if (name == "visitors") {
        const Value *identified = request.params.isObject() ? request.params.find("identified") : nullptr;
        const bool onlyIdentified = identified && identified->isBool() && identified->toBool();
        const bool onlyAnonymous = identified && identified->isBool() && !identified->toBool();
        for (std::uint32_t i = 0; i < m_visitors.size(); ++i) {
            const VisitorInfo &v = m_visitors[i];
            if ((onlyIdentified && v.anonymous) || (onlyAnonymous && !v.anonymous) || !(v.appMask & appMask))
                continue;
            Object row;
            row.emplace_back("visitorId", v.id);
            row.emplace_back("metadata", visitorMetadata(i));
            if (!sink(Value(std::move(row))))
                return {};
        }
        return {};
    }
    if (name == "accounts") {
        for (std::uint32_t i = 0; i < m_accounts.size(); ++i) {
            Object row;
            row.emplace_back("accountId", m_accounts[i].id);
            row.emplace_back("metadata", accountMetadata(i));
            if (!sink(Value(std::move(row))))
                return {};
        }
        return {};
    }
    return "unknown source type '" + name + "'";
}

} // namespace pendosim
