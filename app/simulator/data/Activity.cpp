// Per (visitor, day) activity, recomputed from the seed on every call: nothing per day is stored.
#include "Dataset.h"

#include "Hash.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace pendosim {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

enum Salt : std::uint64_t {
    SaltActive = 0x100,
    SaltAccountDay,
    SaltSession,
    SaltAppsUsed,
    SaltAffinity,
    SaltUse,
    SaltShape,
    SaltLate,
    SaltBurst,
};

double weekdayFactor(int julianDay)
{
    const int dow = julianDay % 7; // 0 = Monday … 5 = Saturday, 6 = Sunday
    return dow == 5 ? 0.12 : dow == 6 ? 0.08 : 1.0;
}

double clamp01(double x)
{
    return std::clamp(x, 0.0, 1.0);
}

} // namespace

double Dataset::accountLevel(const AccountInfo &a, int day) const
{
    if (day < a.createdDay)
        return 0.0;
    switch (a.archetype) {
    case Archetype::Growing:
        return 0.45 + 0.75 * clamp01(double(day - m_historyStart) / std::max(1, m_today - m_historyStart));
    case Archetype::Steady:
        return 0.95;
    case Archetype::Declining:
        if (day < a.declineStartDay)
            return 0.95;
        return 0.95 - 0.4 * clamp01(double(day - a.declineStartDay) / std::max(1, m_today - a.declineStartDay));
    case Archetype::Onboarding: {
        const int age = day - a.createdDay;
        double level = 0.7 + 0.3 * std::min(1.0, age / 14.0);
        if (!a.reachesFirstValue && age > 30)
            level *= 0.6;
        return level;
    }
    case Archetype::Dormant:
        return day <= a.endDay ? 0.9 : 0.015;
    }
    return 0.9;
}

bool Dataset::activeOn(std::uint32_t visitor, int day) const
{
    const auto &v = m_visitors[visitor];
    if (day < m_historyStart || day > m_today || day < v.startDay)
        return false;
    if (v.anonymous) {
        const int burst = 1 + static_cast<int>(hashOf(m_config.seed, visitor, SaltBurst) % 6);
        if (day > v.startDay + burst)
            return false;
        return day == v.startDay
               || unitOf(hashOf(m_config.seed, visitor, static_cast<std::uint64_t>(day), SaltActive)) < 0.5;
    }
    const double level = v.account >= 0 ? accountLevel(m_accounts[static_cast<std::size_t>(v.account)], day) : 0.8;
    if (level <= 0.0)
        return false;
    if (day == v.startDay || isFirstValueMoment(visitor, day))
        return true;
    const double p = v.propensity * level * weekdayFactor(day);
    return unitOf(hashOf(m_config.seed, visitor, static_cast<std::uint64_t>(day), SaltActive)) < p;
}

bool Dataset::isFirstValueMoment(std::uint32_t visitor, int day) const
{
    const auto &v = m_visitors[visitor];
    if (v.account < 0)
        return false;
    const AccountInfo &a = m_accounts[static_cast<std::size_t>(v.account)];
    return a.archetype == Archetype::Onboarding && a.reachesFirstValue && day == a.firstValueDay
           && visitor == a.firstVisitor;
}

int Dataset::accountOnDay(const VisitorInfo &v, std::uint32_t visitor, int day) const
{
    if (v.secondAccount >= 0
        && unitOf(hashOf(m_config.seed, visitor, static_cast<std::uint64_t>(day), SaltAccountDay)) < 0.3)
        return v.secondAccount;
    return v.account;
}

namespace {

struct Session
{
    int startMinute;
    int lengthMinutes;
    int seconds;
};

Session sessionOf(std::uint64_t seed, std::uint32_t visitor, int day)
{
    const std::uint64_t h = hashOf(seed, visitor, static_cast<std::uint64_t>(day), SaltSession);
    return {480 + static_cast<int>(h % 600), 15 + static_cast<int>((h >> 16) % 150), static_cast<int>((h >> 40) % 60)};
}

unsigned lowestBit(unsigned mask)
{
    return mask & (~mask + 1u);
}

} // namespace

unsigned Dataset::appsUsedOn(std::uint32_t visitor, int day) const
{
    const std::uint64_t seed = m_config.seed;
    const auto &v = m_visitors[visitor];
    const unsigned mask = v.appMask;
    const unsigned primary = lowestBit(mask);
    if (mask == primary)
        return mask;
    unsigned used = 0;
    for (unsigned i = 0; i < 8; ++i) {
        const unsigned bit = 1u << i;
        if (!(mask & bit))
            continue;
        const double p = bit == primary ? 0.9 : 0.45;
        if (unitOf(hashOf(seed, visitor, static_cast<std::uint64_t>(day), i, SaltAppsUsed)) < p)
            used |= bit;
    }
    return used ? used : primary;
}

int Dataset::dayActivity(std::uint32_t visitor, int day, unsigned kindMask, unsigned appMask,
                         std::vector<ItemUse> &out) const
{
    out.clear();
    if (!activeOn(visitor, day))
        return -2;
    const auto &v = m_visitors[visitor];
    const int account = accountOnDay(v, visitor, day);
    const AccountInfo *a = account >= 0 ? &m_accounts[static_cast<std::size_t>(account)] : nullptr;
    const Session session = sessionOf(m_config.seed, visitor, day);
    const std::int64_t dayStart = dayStartMs(day);
    const std::int64_t dayEnd = dayStartMs(day + 1);
    const unsigned used = appsUsedOn(visitor, day) & appMask;

    double coreFactor = 1.0;
    double otherFactor = 1.0;
    if (a && a->archetype == Archetype::Declining && day >= a->declineStartDay) {
        const double t = clamp01(double(day - a->declineStartDay) / std::max(1, m_today - a->declineStartDay));
        coreFactor = 1.0 - 0.85 * t;
        otherFactor = 1.0 - 0.25 * t;
    }
    double firstValueFactor = a ? 1.0 : 0.3;
    if (a && a->archetype == Archetype::Onboarding)
        firstValueFactor = (a->reachesFirstValue && day >= a->firstValueDay) ? 1.4 : 0.0;
    if (v.anonymous)
        firstValueFactor = 0.0;
    // The account's champion reaches first value on the planted day, whatever the dice say.
    const bool firstValueMoment = account == v.account && isFirstValueMoment(visitor, day);

    for (unsigned app = 0; app < m_apps.size(); ++app) {
        if (!(used & (1u << app)))
            continue;
        for (int kind = 0; kind < 3; ++kind) {
            if (!(kindMask & (1u << kind)))
                continue;
            if (v.anonymous && kind == static_cast<int>(ItemKind::TrackType))
                continue; // track events come from the customer's servers, for known users only
            const auto &list = m_appItems[kind][app];
            for (std::size_t rank = 0; rank < list.size(); ++rank) {
                const std::uint32_t idx = list[rank];
                const CatalogItem &item = m_items[idx];
                if (item.createdAt >= dayEnd)
                    continue;
                double q = 1.0;
                if (!(kind == static_cast<int>(ItemKind::Page) && rank == 0)) {
                    const double affinity = unitOf(hashOf(m_config.seed, visitor, idx, SaltAffinity));
                    if (affinity < 0.35 && !(item.firstValue && firstValueMoment))
                        continue;
                    q = item.popularity * (0.5 + affinity);
                    if (kind == static_cast<int>(ItemKind::Feature)) {
                        if (item.firstValue && firstValueMoment)
                            q = 1.0;
                        else if (item.firstValue)
                            q *= firstValueFactor;
                        q *= item.core ? coreFactor : otherFactor;
                    }
                    if (q <= 0.0 || unitOf(hashOf(m_config.seed, visitor, static_cast<std::uint64_t>(day), idx,
                                                  SaltUse)) >= q)
                        continue;
                }
                const std::uint64_t shape =
                    hashOf(m_config.seed, visitor, static_cast<std::uint64_t>(day), idx, SaltShape);
                const int start = session.startMinute + static_cast<int>(shape % static_cast<std::uint64_t>(
                                                                           session.lengthMinutes));
                const double u = unitOf(mix64(shape));
                ItemUse use;
                use.item = idx;
                use.events = static_cast<std::uint16_t>(1 + static_cast<int>(u * u * 14.0));
                use.minutes = static_cast<std::uint16_t>(
                    kind == static_cast<int>(ItemKind::Page)      ? 1 + static_cast<int>((shape >> 24) % 12)
                    : kind == static_cast<int>(ItemKind::Feature) ? 1 + use.events / 4
                                                                  : 1);
                const int span = std::min(use.minutes - 1, 59 - start % 60);
                const std::int64_t hourEnd = dayStart + (start / 60 + 1) * kHourMs;
                use.firstTime = dayStart + start * 60'000LL + static_cast<std::int64_t>((shape >> 32) % 60) * 1000;
                use.lastTime = std::min<std::int64_t>(hourEnd - 1, dayStart + (start + span) * 60'000LL +
                                                         static_cast<std::int64_t>((shape >> 44) % 60) * 1000);
                use.lastTime = std::max(use.lastTime, use.firstTime);
                out.push_back(use);
            }
        }
    }
    return account;
}

bool Dataset::arrived(std::uint64_t salt, std::int64_t bucketEnd, ItemUse &use) const
{
    const std::int64_t now = m_config.nowMs;
    if (use.firstTime > now)
        return false;
    const std::int64_t late = static_cast<std::int64_t>(m_config.lateHours) * kHourMs;
    if (now >= bucketEnd + late)
        return true;
    // Still processing: only part of the bucket's data is visible, and it grows until the horizon.
    const double progress = now < bucketEnd || late == 0 ? 0.0 : clamp01(double(now - bucketEnd) / double(late));
    if (unitOf(hashOf(m_config.seed, salt, SaltLate)) >= 0.25 + 0.75 * progress)
        return false;
    const double scale = 0.4 + 0.6 * progress;
    use.events = static_cast<std::uint16_t>(std::max(1L, std::lround(use.events * scale)));
    use.minutes = static_cast<std::uint16_t>(std::max(1L, std::lround(use.minutes * scale)));
    use.lastTime = std::max(use.firstTime, std::min(use.lastTime, now));
    return true;
}

std::int64_t Dataset::visitorFirstVisit(std::uint32_t visitor) const
{
    const auto &v = m_visitors[visitor];
    const Session s = sessionOf(m_config.seed, visitor, v.startDay);
    return dayStartMs(v.startDay) + s.startMinute * 60'000LL + s.seconds * 1000LL;
}

std::int64_t Dataset::visitorLastVisit(std::uint32_t visitor) const
{
    const auto &v = m_visitors[visitor];
    const int floor = std::max(v.startDay, m_historyStart);
    for (int day = m_today; day >= floor; --day) {
        if (!activeOn(visitor, day))
            continue;
        const Session s = sessionOf(m_config.seed, visitor, day);
        const std::int64_t start = dayStartMs(day) + s.startMinute * 60'000LL + s.seconds * 1000LL;
        if (start > m_config.nowMs)
            continue;
        return std::min<std::int64_t>(m_config.nowMs, start + s.lengthMinutes * 60'000LL);
    }
    return visitorFirstVisit(visitor);
}

std::int64_t Dataset::lastVisitInApps(std::uint32_t visitor, unsigned appMask) const
{
    const auto &v = m_visitors[visitor];
    const int floor = std::max(v.startDay, m_historyStart);
    for (int day = m_today; day >= floor; --day) {
        if (!activeOn(visitor, day) || !(appsUsedOn(visitor, day) & appMask))
            continue;
        const Session s = sessionOf(m_config.seed, visitor, day);
        const std::int64_t start = dayStartMs(day) + s.startMinute * 60'000LL + s.seconds * 1000LL;
        if (start > m_config.nowMs)
            continue;
        return std::min<std::int64_t>(m_config.nowMs, start + s.lengthMinutes * 60'000LL);
    }
    return 0;
}

std::int64_t Dataset::firstVisitInApps(std::uint32_t visitor, unsigned appMask) const
{
    const auto &v = m_visitors[visitor];
    if (v.startDay < m_historyStart || (lowestBit(v.appMask) & appMask))
        return visitorFirstVisit(visitor); // before the history we only know the first visit itself
    for (int day = v.startDay; day <= m_today; ++day) {
        if (!activeOn(visitor, day) || !(appsUsedOn(visitor, day) & appMask))
            continue;
        const Session s = sessionOf(m_config.seed, visitor, day);
        const std::int64_t start = dayStartMs(day) + s.startMinute * 60'000LL + s.seconds * 1000LL;
        return start > m_config.nowMs ? 0 : start;
    }
    return 0;
}

std::int64_t Dataset::sessionStartMs(std::uint32_t visitor, int day) const
{
    const Session s = sessionOf(m_config.seed, visitor, day);
    return dayStartMs(day) + s.startMinute * 60'000LL + s.seconds * 1000LL;
}

std::int64_t Dataset::accountFirstVisit(std::uint32_t account) const
{
    const auto &a = m_accounts[account];
    std::int64_t first = INT64_MAX;
    for (std::uint32_t i = 0; i < a.visitorCount; ++i)
        first = std::min(first, visitorFirstVisit(a.firstVisitor + i));
    for (auto extra : a.extraVisitors)
        first = std::min(first, visitorFirstVisit(extra));
    return first;
}

std::int64_t Dataset::accountLastVisit(std::uint32_t account) const
{
    const auto &a = m_accounts[account];
    std::int64_t last = 0;
    for (std::uint32_t i = 0; i < a.visitorCount; ++i)
        last = std::max(last, visitorLastVisit(a.firstVisitor + i));
    for (auto extra : a.extraVisitors)
        last = std::max(last, visitorLastVisit(extra));
    return last;
}

} // namespace pendosim
