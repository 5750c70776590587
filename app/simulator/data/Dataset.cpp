#include "Dataset.h"

#include "Hash.h"
#include "Names.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cmath>

namespace pendosim {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

// Salts keep the streams of independent choices apart.
enum Salt : std::uint64_t {
    SaltApps = 0x41,
    SaltCatalog,
    SaltGuides,
    SaltAccounts,
    SaltVisitors,
    SaltTimes,
};

std::string paddedNumber(std::uint64_t n, int width)
{
    std::string digits = std::to_string(n);
    if (static_cast<int>(digits.size()) < width)
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

} // namespace

const char *archetypeName(Archetype archetype)
{
    switch (archetype) {
    case Archetype::Growing:
        return "growing";
    case Archetype::Steady:
        return "steady";
    case Archetype::Declining:
        return "declining";
    case Archetype::Onboarding:
        return "onboarding";
    case Archetype::Dormant:
        return "dormant";
    }
    return "steady";
}

const std::vector<std::string> &Dataset::planNames()
{
    static const std::vector<std::string> list = {"Starter", "Growth", "Enterprise"};
    return list;
}

const std::vector<std::string> &Dataset::roleNames()
{
    static const std::vector<std::string> list = {"admin", "user", "viewer"};
    return list;
}

Dataset::Dataset(const DatasetConfig &config)
    : m_config(config)
    , m_timeZone(config.timeZone)
{
    if (!m_timeZone.isValid())
        m_timeZone = QTimeZone(QByteArrayLiteral("UTC"));
    m_config.accounts = std::max(1, m_config.accounts);
    m_config.visitorsPerAccount = std::max(1, m_config.visitorsPerAccount);
    m_config.apps = std::clamp(m_config.apps, 1, 8);
    m_config.featuresPerApp = std::max(1, m_config.featuresPerApp);
    m_config.pagesPerApp = std::max(1, m_config.pagesPerApp);
    m_config.trackTypesPerApp = std::max(0, m_config.trackTypesPerApp);
    m_config.guides = std::max(0, m_config.guides);
    m_config.historyDays = std::max(1, m_config.historyDays);
    m_config.lateHours = std::max(0, m_config.lateHours);

    m_today = static_cast<int>(QDateTime::fromMSecsSinceEpoch(m_config.nowMs, m_timeZone).date().toJulianDay());
    m_historyStart = m_today - m_config.historyDays + 1;
    buildDayTable();
    buildApps();
    buildCatalog();
    buildAccounts();
    buildVisitors();
    buildGuides();
    buildObjects();
    buildReports();
    buildSegments();
}

Dataset::~Dataset() = default;

void Dataset::buildDayTable()
{
    m_dayTableFirst = m_historyStart - kDayTableBack;
    const int last = m_today + 2;
    m_dayStarts.reserve(static_cast<std::size_t>(last - m_dayTableFirst + 1));
    for (int day = m_dayTableFirst; day <= last; ++day)
        m_dayStarts.push_back(QDateTime(QDate::fromJulianDay(day), QTime(0, 0), m_timeZone).toMSecsSinceEpoch());
}

std::int64_t Dataset::dayStartMs(int julianDay) const
{
    const int i = julianDay - m_dayTableFirst;
    if (i < 0)
        return m_dayStarts.front() - static_cast<std::int64_t>(-i) * kDayMs;
    if (i >= static_cast<int>(m_dayStarts.size()))
        return m_dayStarts.back() + static_cast<std::int64_t>(i - static_cast<int>(m_dayStarts.size()) + 1) * kDayMs;
    return m_dayStarts[static_cast<std::size_t>(i)];
}

int Dataset::dayOf(std::int64_t ms) const
{
    if (ms < m_dayStarts.front() || ms >= m_dayStarts.back())
        return INT_MIN;
    const auto it = std::upper_bound(m_dayStarts.begin(), m_dayStarts.end(), ms);
    return m_dayTableFirst + static_cast<int>(it - m_dayStarts.begin()) - 1;
}

void Dataset::buildAccounts()
{
    Rng rng(hashOf(m_config.seed, SaltAccounts));
    const int n = m_config.accounts;
    // Quotas rather than coin flips, so even a 10-account test dataset has every archetype.
    const std::array<std::pair<Archetype, double>, 5> shares = {{{Archetype::Growing, 0.20},
                                                                 {Archetype::Steady, 0.35},
                                                                 {Archetype::Declining, 0.15},
                                                                 {Archetype::Onboarding, 0.15},
                                                                 {Archetype::Dormant, 0.15}}};
    std::vector<Archetype> kinds;
    for (const auto &[kind, share] : shares) {
        int count = static_cast<int>(std::lround(share * n));
        if (n >= 5)
            count = std::max(count, kind == Archetype::Onboarding ? std::min(2, n / 5 + 1) : 1);
        for (int i = 0; i < count; ++i)
            kinds.push_back(kind);
    }
    while (static_cast<int>(kinds.size()) < n)
        kinds.push_back(Archetype::Steady);
    while (static_cast<int>(kinds.size()) > n) {
        auto it = std::find(kinds.begin(), kinds.end(), Archetype::Steady);
        kinds.erase(it == kinds.end() ? kinds.end() - 1 : it);
    }
    for (std::size_t i = kinds.size(); i > 1; --i)
        std::swap(kinds[i - 1], kinds[rng.below(i)]);

    int onboardingSeen = 0;
    m_accounts.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        AccountInfo a;
        a.archetype = kinds[static_cast<std::size_t>(i)];
        const auto &first = names::companyFirst[rng.below(names::companyFirst.size())];
        const auto &second = names::companySecond[rng.below(names::companySecond.size())];
        a.name = std::string(first) + " " + std::string(second);
        if (rng.chance(0.04))
            a.name = std::string(first) + ", " + std::string(names::lastNames[rng.below(names::lastNames.size())]) +
                     " & Co.";
        a.domain = names::slugOf(std::string(first) + std::string(second)) + ".com";
        std::string prefix;
        for (char c : first) {
            if (prefix.size() < 4 && std::isalpha(static_cast<unsigned char>(c)))
                prefix.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
        a.id = prefix + "-" + paddedNumber(static_cast<std::uint64_t>(i + 1), 5);
        static constexpr char alnum[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        a.salesforceId = "0015g00000";
        for (int k = 0; k < 8; ++k)
            a.salesforceId.push_back(alnum[rng.below(62)]);

        const double sizeFactor = 0.5 + rng.uniform();
        a.visitorCount = static_cast<std::uint32_t>(
            std::max(1L, std::lround(m_config.visitorsPerAccount * sizeFactor)));
        a.seats = static_cast<std::uint16_t>(std::max(3L, std::lround(a.visitorCount * (0.7 + 0.9 * rng.uniform()))));
        a.plan = a.seats < 12 ? 0 : a.seats < 40 ? 1 : 2;
        a.endDay = INT_MAX;
        a.declineStartDay = INT_MAX;
        a.firstValueDay = INT_MAX;
        switch (a.archetype) {
        case Archetype::Growing:
            a.createdDay = m_historyStart - rng.range(0, 150);
            break;
        case Archetype::Steady:
        case Archetype::Declining:
            a.createdDay = m_historyStart - rng.range(30, 600);
            if (a.archetype == Archetype::Declining)
                a.declineStartDay = std::max(m_historyStart, m_today - 60 + rng.range(-4, 4));
            break;
        case Archetype::Onboarding: {
            const int maxAge = std::min(89, m_today - m_historyStart);
            a.createdDay = m_today - rng.range(std::min(5, maxAge), std::max(std::min(5, maxAge), maxAge));
            a.reachesFirstValue = (onboardingSeen++ % 2) == 0;
            if (a.reachesFirstValue)
                a.firstValueDay = std::min(m_today - 1, a.createdDay + rng.range(2, 18));
            break;
        }
        case Archetype::Dormant:
            a.createdDay = m_historyStart - rng.range(0, 400);
            a.endDay = std::max(m_historyStart + 5, m_today - rng.range(100, 300));
            a.endDay = std::min(a.endDay, m_today - 30);
            break;
        }
        m_accounts.push_back(std::move(a));
    }
    for (std::uint32_t i = 0; i < m_accounts.size(); ++i)
        m_accountById.emplace(m_accounts[i].id, i);
}

void Dataset::buildVisitors()
{
    Rng rng(hashOf(m_config.seed, SaltVisitors));
    std::size_t total = 0;
    for (const auto &a : m_accounts)
        total += a.visitorCount;
    const std::size_t loners = std::max<std::size_t>(2, total / 100);
    const std::size_t anonymous = std::max<std::size_t>(3, total * 4 / 100);
    m_visitors.reserve(total + loners + anonymous);

    auto makeVisitor = [&](std::int32_t account, int startDay) {
        VisitorInfo v;
        v.id = "U" + paddedNumber(m_visitors.size() + 1, 6);
        v.account = account;
        v.startDay = startDay;
        const double r = rng.uniform();
        v.role = r < 0.12 ? 0 : r < 0.75 ? 1 : 2;
        static constexpr std::array<float, 3> roleBase = {0.85f, 0.68f, 0.38f};
        v.propensity = roleBase[v.role] * static_cast<float>(0.6 + 0.6 * rng.uniform());
        if (rng.chance(0.1))
            v.propensity = 0.12f;
        unsigned mask = rng.chance(0.93) ? 1u : 0u;
        for (std::size_t app = 1; app < m_apps.size(); ++app) {
            const double p = m_apps[app].platform == "web" ? 0.2 : 0.35;
            if (rng.chance(p))
                mask |= 1u << app;
        }
        if (mask == 0)
            mask = m_apps.size() > 1 ? 2u : 1u;
        v.appMask = static_cast<std::uint8_t>(mask);
        v.agent = static_cast<std::uint8_t>(rng.below(6));
        return v;
    };

    for (std::size_t ai = 0; ai < m_accounts.size(); ++ai) {
        auto &a = m_accounts[ai];
        a.firstVisitor = static_cast<std::uint32_t>(m_visitors.size());
        for (std::uint32_t k = 0; k < a.visitorCount; ++k) {
            int start = a.createdDay;
            switch (a.archetype) {
            case Archetype::Growing:
                start = k < std::max(1u, a.visitorCount * 3 / 10)
                            ? a.createdDay + rng.range(0, 10)
                            : rng.range(m_historyStart, std::max(m_historyStart, m_today - 20));
                break;
            case Archetype::Steady:
            case Archetype::Declining:
                start = a.createdDay + rng.range(0, 60);
                if (rng.chance(0.15))
                    start = rng.range(m_historyStart, m_today - 30); // some turnover
                break;
            case Archetype::Onboarding:
                start = std::min(m_today - 1, a.createdDay + (k == 0 ? 0 : rng.range(0, 20)));
                break;
            case Archetype::Dormant:
                start = std::min(a.endDay - 10, a.createdDay + rng.range(0, 60));
                break;
            }
            m_visitors.push_back(makeVisitor(static_cast<std::int32_t>(ai), start));
        }
    }
    const std::size_t accountVisitors = m_visitors.size();
    for (std::size_t i = 0; i < loners; ++i)
        m_visitors.push_back(makeVisitor(-1, m_historyStart - rng.range(0, 200)));
    for (std::size_t i = 0; i < anonymous; ++i) {
        VisitorInfo v;
        v.id = "_PENDO_T_" + opaqueId(hashOf(m_config.seed, SaltVisitors, 7, i), 11);
        v.anonymous = true;
        v.startDay = rng.range(m_historyStart, std::max(m_historyStart, m_today - 1));
        v.propensity = 0.6f;
        v.appMask = 1;
        v.agent = static_cast<std::uint8_t>(rng.below(6));
        m_visitors.push_back(std::move(v));
    }

    // Plant the special cases among account visitors, never the first visitor of an account (it
    // anchors the account's firstvisit story).
    auto pick = [&]() -> std::uint32_t {
        for (int attempt = 0; attempt < 64; ++attempt) {
            const auto i = static_cast<std::uint32_t>(rng.below(accountVisitors));
            const auto &v = m_visitors[i];
            if (v.doNotProcess || v.secondAccount >= 0)
                continue;
            if (m_accounts[static_cast<std::size_t>(v.account)].firstVisitor == i)
                continue;
            return i;
        }
        return UINT32_MAX;
    };
    if (m_accounts.size() >= 2) {
        const std::size_t twoAccounts = std::max<std::size_t>(1, accountVisitors / 100);
        for (std::size_t k = 0; k < twoAccounts; ++k) {
            const std::uint32_t i = pick();
            if (i == UINT32_MAX)
                break;
            auto &v = m_visitors[i];
            auto other = static_cast<std::int32_t>(rng.below(m_accounts.size() - 1));
            if (other >= v.account)
                ++other;
            v.secondAccount = other;
            auto &otherAccount = m_accounts[static_cast<std::size_t>(other)];
            v.startDay = std::max(v.startDay, otherAccount.createdDay);
            otherAccount.extraVisitors.push_back(i);
        }
    }
    const std::size_t dnp = std::max<std::size_t>(1, accountVisitors / 200);
    for (std::size_t k = 0; k < dnp; ++k) {
        const std::uint32_t i = pick();
        if (i != UINT32_MAX)
            m_visitors[i].doNotProcess = true;
    }
    for (std::uint32_t i = 0; i < m_visitors.size(); ++i)
        m_visitorById.emplace(m_visitors[i].id, i);
}

std::int32_t Dataset::visitorIndex(std::string_view id) const
{
    const auto it = m_visitorById.find(id);
    return it == m_visitorById.end() ? -1 : static_cast<std::int32_t>(it->second);
}

std::int32_t Dataset::accountIndex(std::string_view id) const
{
    const auto it = m_accountById.find(id);
    return it == m_accountById.end() ? -1 : static_cast<std::int32_t>(it->second);
}

std::string Dataset::visitorName(std::uint32_t visitor) const
{
    const std::uint64_t h = hashOf(m_config.seed, SaltVisitors, 11, visitor);
    return std::string(names::firstNames[h % names::firstNames.size()]) + " " +
           std::string(names::lastNames[(h >> 20) % names::lastNames.size()]);
}

std::string Dataset::visitorEmail(std::uint32_t visitor) const
{
    const std::uint64_t h = hashOf(m_config.seed, SaltVisitors, 11, visitor);
    std::string local = std::string(names::firstNames[h % names::firstNames.size()]) + "." +
                        std::string(names::lastNames[(h >> 20) % names::lastNames.size()]);
    std::string clean;
    for (char c : local) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80)
            continue; // drop non-ASCII bytes ("Müller" → "mller" would be odd; keep it simple and ASCII)
        if (std::isalpha(u) || c == '.')
            clean.push_back(static_cast<char>(std::tolower(u)));
    }
    clean += std::to_string(visitor % 97);
    const auto &v = m_visitors[visitor];
    const std::string domain =
        v.account >= 0 ? m_accounts[static_cast<std::size_t>(v.account)].domain : std::string("mailbox.example");
    return clean + "@" + domain;
}

std::string_view Dataset::visitorRole(std::uint32_t visitor) const
{
    return roleNames()[m_visitors[visitor].role];
}

int Dataset::appIndex(std::int64_t appId) const
{
    for (std::size_t i = 0; i < m_apps.size(); ++i) {
        if (m_apps[i].id == appId)
            return static_cast<int>(i);
    }
    return -1;
}

unsigned Dataset::appMaskOf(const std::vector<std::int64_t> &appIds) const
{
    unsigned mask = 0;
    for (auto id : appIds) {
        const int i = appIndex(id);
        if (i >= 0)
            mask |= 1u << i;
    }
    return mask;
}

std::vector<std::int64_t> Dataset::appIds() const
{
    std::vector<std::int64_t> ids;
    for (const auto &app : m_apps)
        ids.push_back(app.id);
    return ids;
}

std::int64_t Dataset::defaultAppId() const
{
    return m_apps.front().id;
}

} // namespace pendosim
