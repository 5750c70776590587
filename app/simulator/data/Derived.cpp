// What the subscription derives from its other data: segments, product areas (groups) and the
// guidesSeen views of guide interactions.
#include "Dataset.h"

#include "Hash.h"

#include <algorithm>
#include <map>
#include <set>

namespace pendosim {

void Dataset::buildSegments()
{
    const auto add = [this](std::string name, SegmentInfo::Rule rule, std::size_t value) {
        SegmentInfo s;
        s.id = opaqueId(hashOf(m_config.seed, 0x5e6, m_segments.size()));
        s.name = std::move(name);
        s.rule = rule;
        s.value = static_cast<std::uint8_t>(value);
        s.createdAt = dayStartMs(m_historyStart + static_cast<int>(m_segments.size()) * 11) + 14 * 3'600'000;
        m_segments.push_back(std::move(s));
    };
    add("Admins", SegmentInfo::Rule::Role, 0);
    add("Enterprise customers", SegmentInfo::Rule::Plan, 2);
    for (std::size_t app = 1; app < m_apps.size(); ++app)
        add(m_apps[app].name + " users", SegmentInfo::Rule::UsesApp, app);
}

const SegmentInfo *Dataset::segmentById(std::string_view id) const
{
    for (const auto &segment : m_segments) {
        if (segment.id == id)
            return &segment;
    }
    return nullptr;
}

bool Dataset::hasSegment(const std::string &segmentId) const
{
    return segmentById(segmentId) != nullptr;
}

bool Dataset::inSegment(const std::string &segmentId, const std::string &visitorId) const
{
    const SegmentInfo *segment = segmentById(segmentId);
    const std::int32_t index = visitorIndex(visitorId);
    if (!segment || index < 0)
        return false;
    const VisitorInfo &v = m_visitors[static_cast<std::size_t>(index)];
    switch (segment->rule) {
    case SegmentInfo::Rule::Role:
        // Roles come from agent metadata, which anonymous visitors do not send.
        return !v.anonymous && v.role == segment->value;
    case SegmentInfo::Rule::Plan:
        return v.account >= 0 && m_accounts[static_cast<std::size_t>(v.account)].plan == segment->value;
    case SegmentInfo::Rule::UsesApp:
        return (v.appMask & (1u << segment->value)) != 0;
    }
    return false;
}

std::vector<Value> Dataset::segmentObjects() const
{
    std::vector<Value> out;
    const Array &users = m_users.toArray();
    for (const auto &segment : m_segments) {
        const std::uint64_t h = hashText(segment.id);
        Object o;
        o.emplace_back("id", segment.id);
        o.emplace_back("name", segment.name);
        o.emplace_back("shared", true);
        o.emplace_back("createdAt", segment.createdAt);
        o.emplace_back("createdByUser", users[h % users.size()]);
        o.emplace_back("lastUpdatedAt", segment.createdAt);
        o.emplace_back("lastUpdatedByUser", users[h % users.size()]);
        o.emplace_back("rootVersionId", opaqueId(h ^ 0x1));
        o.emplace_back("stableVersionId", opaqueId(h ^ 0x2) + "-" + opaqueId(h ^ 0x3, 8));
        out.emplace_back(std::move(o));
    }
    return out;
}

std::optional<Value> Dataset::segmentObject(std::string_view id) const
{
    for (auto &object : segmentObjects()) {
        if (object.find("id")->toString() == id)
            return std::move(object);
    }
    return std::nullopt;
}

std::string Dataset::scanGroups(const SourceRequest &, const RowSink &sink) const
{
    // Product areas belong to the subscription, not to an app: every group any item uses, once.
    std::set<std::string> seen;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const Value *group = m_itemObjects[i].find("group");
        if (!group || !seen.insert(group->find("id")->toString()).second)
            continue;
        Object row;
        for (const auto &member : group->toObject())
            row.push_back(member);
        row.emplace_back("createdAt", m_items[i].createdAt);
        std::sort(row.begin(), row.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        if (!sink(Value(std::move(row))))
            return {};
    }
    return {};
}

std::string Dataset::scanGuidesSeen(const SourceRequest &request, const RowSink &sink) const
{
    // One row per (visitor, guide step) the visitor saw, folded from the guide interactions.
    struct Seen
    {
        Value accountId;
        std::int64_t appId = 0;
        std::int64_t firstSeenAt = 0;
        std::int64_t lastSeenAt = 0;
        std::int64_t seenCount = 0;
        std::string lastState;
        std::int64_t lastAt = 0;
    };
    using Key = std::pair<std::string, std::string>; // (guideStepId, visitorId) within one guide
    std::string guide;
    std::map<Key, Seen> steps;
    const auto flush = [&]() {
        for (auto &[key, seen] : steps) {
            if (seen.seenCount == 0)
                continue;
            Object row;
            if (!seen.accountId.isNull())
                row.emplace_back("accountId", seen.accountId);
            row.emplace_back("appId", seen.appId);
            row.emplace_back("firstSeenAt", seen.firstSeenAt);
            row.emplace_back("guideId", guide);
            row.emplace_back("guideStepId", key.first);
            row.emplace_back("lastSeenAt", seen.lastSeenAt);
            row.emplace_back("lastState", seen.lastState);
            row.emplace_back("seenCount", seen.seenCount);
            row.emplace_back("visitorId", key.second);
            if (!sink(Value(std::move(row))))
                return false;
        }
        steps.clear();
        return true;
    };
    SourceRequest interactions = request;
    interactions.name = "guideEvents";
    bool stopped = false;
    std::string error = scanGuideEvents(
        interactions,
        [&](Value &&event) {
            const std::string &guideId = event.find("guideId")->toString();
            if (guideId != guide) {
                if (!flush()) {
                    stopped = true;
                    return false;
                }
                guide = guideId;
            }
            Seen &seen = steps[{event.find("guideStepId")->toString(), event.find("visitorId")->toString()}];
            const std::int64_t t = event.find("browserTime")->toInt();
            const std::string &type = event.find("type")->toString();
            if (const Value *account = event.find("accountId"))
                seen.accountId = *account;
            seen.appId = event.find("appId")->toInt();
            if (type == "guideSeen") {
                seen.firstSeenAt = seen.seenCount == 0 ? t : std::min(seen.firstSeenAt, t);
                seen.lastSeenAt = std::max(seen.lastSeenAt, t);
                ++seen.seenCount;
            }
            if (t >= seen.lastAt) {
                seen.lastAt = t;
                seen.lastState = type == "guideAdvanced" ? "advanced"
                    : type == "guideDismissed"           ? "dismissed"
                                                         : "active";
            }
            return true;
        },
        request.name == "guidesSeenEver");
    if (!error.empty() || stopped)
        return error;
    flush();
    return {};
}

} // namespace pendosim
