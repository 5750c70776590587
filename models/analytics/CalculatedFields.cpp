#include "CalculatedFields.h"

#include <algorithm>
#include <numeric>

namespace {

constexpr int kMonth = 30;
constexpr int kWeek = 7;

std::uint64_t pairKey(std::uint64_t a, std::uint64_t b)
{
    return (a << 32) | b;
}

/** +1 on [from, to] of a difference array of n days (clipped). */
void addRange(std::vector<int> &diff, int from, int to, int n)
{
    from = std::max(from, 0);
    to = std::min(to, n - 1);
    if (from > to)
        return;
    ++diff[std::size_t(from)];
    if (to + 1 < n)
        --diff[std::size_t(to + 1)];
}

} // namespace

/** One account and app: per-day arrays from loadFrom to toDay. */
struct CalculatedFields::Slice
{
    explicit Slice(int days)
        : dau(std::size_t(days))
        , wauDiff(std::size_t(days))
        , mauDiff(std::size_t(days))
        , newDiff(std::size_t(days))
        , recoveredDiff(std::size_t(days))
        , droppedDiff(std::size_t(days))
        , coreDiff(std::size_t(days))
        , adoptionDiff(std::size_t(days))
        , events(std::size_t(days))
        , minutes(std::size_t(days))
        , coreEvents(std::size_t(days))
    {
    }

    std::vector<int> dau, wauDiff, mauDiff, newDiff, recoveredDiff, droppedDiff, coreDiff, adoptionDiff;
    std::vector<qint64> events, minutes, coreEvents;
    std::vector<std::pair<int, quint32>> lastDays; // visitors' last days, for the final "dropped" ranges
    std::vector<int> coreLast;                     // per core event: the last day anyone used it
    std::optional<int> seedLast, seedFirst, firstActive, firstValue;
    bool fed = false;
};

CalculatedFields::CalculatedFields(FieldSetup setup, int accountCount, FieldSeeds seeds)
    : m_setup(std::move(setup))
    , m_seeds(std::move(seeds))
    , m_accountCount(accountCount)
    , m_days(std::max(0, m_setup.toDay - m_setup.loadFrom + 1))
{
    m_sliceApps << 0;
    if (m_setup.splitApps)
        m_sliceApps << m_setup.apps;
    const std::size_t slices = std::size_t(m_sliceApps.size());
    m_slices.resize(std::size_t(accountCount) * slices);
    m_seats.assign(std::size_t(accountCount), 0);
    m_primary.resize(slices);
    m_secondary.resize(slices);
    m_coreVisitorDense.resize(slices);
    m_coreVisitorLast.resize(m_slices.size());
}

CalculatedFields::~CalculatedFields() = default;

QList<qint64> CalculatedFields::sliceApps() const
{
    return m_sliceApps;
}

int CalculatedFields::sliceOf(qint64 app) const
{
    if (!m_setup.splitApps)
        return -1;
    const qsizetype i = m_sliceApps.indexOf(app, 1);
    return i < 0 ? -1 : int(i);
}

CalculatedFields::Slice &CalculatedFields::slice(int account, int s)
{
    auto &slot = m_slices[std::size_t(account) * std::size_t(m_sliceApps.size()) + std::size_t(s)];
    if (!slot)
        slot = std::make_unique<Slice>(m_days);
    return *slot;
}

void CalculatedFields::setSeats(int account, int seats)
{
    m_seats[std::size_t(account)] = seats;
}

void CalculatedFields::seedLastActive(int account, qint64 app, int day)
{
    const int s = app == 0 ? 0 : sliceOf(app);
    if (s >= 0)
        slice(account, s).seedLast = day;
}

void CalculatedFields::seedFirstActive(int account, qint64 app, int day)
{
    const int s = app == 0 ? 0 : sliceOf(app);
    if (s >= 0)
        slice(account, s).seedFirst = day;
}

void CalculatedFields::seedFirstValue(int account, qint64 app, int day)
{
    const int s = app == 0 ? 0 : sliceOf(app);
    if (s >= 0)
        slice(account, s).firstValue = day;
}

void CalculatedFields::addVisitorDay(Slice &sl, int account, int s, qint64 app, int day, quint32 visitor)
{
    // The visitor's first and last active day in this account and slice.
    int *first = nullptr;
    int *last = nullptr;
    std::vector<Primary> &primary = m_primary[std::size_t(s)];
    if (primary.size() <= visitor)
        primary.resize(std::max<std::size_t>(visitor + 1, primary.size() * 3 / 2));
    Primary &p = primary[visitor];
    bool known = true;
    if (p.account == -1 || p.account == account) {
        if (p.account == -1) {
            p.account = account;
            known = false;
        }
        first = &p.first;
        last = &p.last;
    } else {
        auto [it, inserted] = m_secondary[std::size_t(s)].try_emplace(pairKey(std::uint64_t(account), visitor), 0, 0);
        known = !inserted;
        first = &it->second.first;
        last = &it->second.second;
    }
    const int d = day - m_setup.loadFrom;
    if (!known) {
        std::optional<int> seeded;
        if (m_seeds.visitorFirst)
            seeded = m_seeds.visitorFirst(account, app == 0 || s == 0 ? 0 : app, visitor);
        if (seeded && *seeded < day) {
            *first = *seeded;
            *last = INT_MIN / 2; // active before loadFrom, last day unknown (earlier than 60 days before fromDay)
        } else {
            *first = day;
            *last = INT_MIN / 2;
            addRange(sl.newDiff, d, d + kMonth - 1, m_days);
            m_newFirsts.emplace_back(account, m_sliceApps[s], visitor, day);
        }
        sl.lastDays.emplace_back(0, visitor);
    } else if (*last == day) {
        return; // already counted today (the all-apps slice, active in several apps)
    }
    const int prev = *last;
    const int p0 = prev - m_setup.loadFrom;
    ++sl.dau[std::size_t(d)];
    addRange(sl.wauDiff, std::max(d, p0 + kWeek), d + kWeek - 1, m_days);
    addRange(sl.mauDiff, std::max(d, p0 + kMonth), d + kMonth - 1, m_days);
    if (prev > INT_MIN / 2) {
        // Dropped between the previous active day and this one; recovered after a gap of a month.
        addRange(sl.droppedDiff, p0 + kMonth, std::min(p0 + 2 * kMonth - 1, d - 1), m_days);
        if (d - p0 > kMonth)
            addRange(sl.recoveredDiff, std::max(d, p0 + 2 * kMonth), d + kMonth - 1, m_days);
    } else if (*first < day) {
        // Active before the rows fed: a return after more than two months (see the header).
        addRange(sl.recoveredDiff, d, d + kMonth - 1, m_days);
    }
    *last = day;
    if (!sl.firstActive || day < *sl.firstActive)
        sl.firstActive = day;
}

void CalculatedFields::addActivity(int account, qint64 app, int day, quint32 visitor, qint64 events, qint64 minutes)
{
    if (day < m_setup.loadFrom || day > m_setup.toDay)
        return;
    const std::size_t d = std::size_t(day - m_setup.loadFrom);
    for (const int s : {0, sliceOf(app)}) {
        if (s < 0)
            continue;
        Slice &sl = slice(account, s);
        sl.fed = true;
        sl.events[d] += events;
        sl.minutes[d] += minutes;
        addVisitorDay(sl, account, s, app, day, visitor);
    }
    // Contact-level activity of the last 30 days (all apps); first and last days come from the slice state.
    if (day > m_setup.toDay - kMonth) {
        VisitorAgg &agg = m_visitorAgg[pairKey(std::uint64_t(account), visitor)];
        if (agg.lastCounted != day)
            ++agg.activeDays30;
        agg.events30 += events;
        agg.minutes30 += minutes;
        agg.lastCounted = day;
    }
}

void CalculatedFields::addCoreUse(int account, qint64 app, int day, quint32 visitor, int core, qint64 events)
{
    if (day < m_setup.loadFrom || day > m_setup.toDay || core < 0 || core >= m_setup.coreItemCount)
        return;
    const int d = day - m_setup.loadFrom;
    const std::size_t cores = std::size_t(m_setup.coreItemCount);
    // Coverage of the event by the account and of (visitor, event): the same interval union as MAU.
    const auto cover = [&](int &last, std::vector<int> &diff) {
        if (last == day)
            return;
        const int p0 = last - m_setup.loadFrom;
        addRange(diff, std::max(d, p0 + kMonth), d + kMonth - 1, m_days);
        last = day;
    };
    for (const int s : {0, sliceOf(app)}) {
        if (s < 0)
            continue;
        Slice &sl = slice(account, s);
        sl.coreEvents[std::size_t(d)] += events;
        if (sl.coreLast.empty())
            sl.coreLast.assign(cores, INT_MIN / 2);
        cover(sl.coreLast[std::size_t(core)], sl.coreDiff);
        const std::vector<Primary> &primary = m_primary[std::size_t(s)];
        if (visitor < primary.size() && primary[visitor].account == account) {
            std::vector<int> &dense = m_coreVisitorDense[std::size_t(s)];
            const std::size_t at = std::size_t(visitor) * cores + std::size_t(core);
            if (dense.size() <= at)
                dense.resize(std::max(at + cores, dense.size() * 3 / 2), INT_MIN / 2);
            cover(dense[at], sl.adoptionDiff);
        } else {
            const std::size_t k = std::size_t(account) * std::size_t(m_sliceApps.size()) + std::size_t(s);
            auto [it, inserted] = m_coreVisitorLast[k].try_emplace(pairKey(visitor, quint32(core)), INT_MIN / 2);
            cover(it->second, sl.adoptionDiff);
        }
    }
}

void CalculatedFields::addFirstValue(int account, qint64 app, int day)
{
    for (const int s : {0, sliceOf(app)}) {
        if (s < 0)
            continue;
        Slice &sl = slice(account, s);
        if (!sl.firstValue || day < *sl.firstValue)
            sl.firstValue = day;
    }
}

void CalculatedFields::addItemUse(int account, int day, quint32 visitor, quint32 item, qint64 events)
{
    if (day <= m_setup.toDay - kMonth || day > m_setup.toDay)
        return;
    ItemAgg &agg = m_itemAgg[pairKey(std::uint64_t(account), item)];
    agg.events += events;
    agg.lastUsed = std::max(agg.lastUsed, day);
    agg.visitors.push_back(visitor);
}

void CalculatedFields::forEachRow(const std::function<void(const MetricRow &row)> &visit) const
{
    const int slices = int(m_sliceApps.size());
    const int n = m_days;
    const auto days = static_cast<std::size_t>(n);
    std::vector<int> wau(days), mau(days), fresh(days), recovered(days), dropped(days), core(days), adoption(days);
    const auto prefix = [n](const std::vector<int> &diff, std::vector<int> &out) {
        int run = 0;
        for (int i = 0; i < n; ++i)
            out[std::size_t(i)] = run += diff[std::size_t(i)];
    };
    int coreTotal = 0;
    for (const qint64 app : m_setup.apps)
        coreTotal += m_setup.coreItemsPerApp.value(app);

    // Rows come out in primary-key order (account, app, day), so they append to the table's b-tree.
    std::vector<int> order(static_cast<std::size_t>(slices));
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [this](int a, int b) { return m_sliceApps[a] < m_sliceApps[b]; });
    for (int account = 0; account < m_accountCount; ++account) {
        for (const int s : order) {
            const Slice *sl = m_slices[std::size_t(account) * std::size_t(slices) + std::size_t(s)].get();
            if (!sl)
                continue;
            prefix(sl->wauDiff, wau);
            prefix(sl->mauDiff, mau);
            prefix(sl->newDiff, fresh);
            prefix(sl->recoveredDiff, recovered);
            // The visitors' final gaps: dropped a month after their last day, for a month.
            std::vector<int> droppedDiff = sl->droppedDiff;
            for (const auto &[unused, visitor] : sl->lastDays) {
                Q_UNUSED(unused)
                int last = INT_MIN / 2;
                const Primary &p = m_primary[std::size_t(s)].size() > visitor ? m_primary[std::size_t(s)][visitor]
                                                                               : Primary{};
                if (p.account == account) {
                    last = p.last;
                } else {
                    const auto it = m_secondary[std::size_t(s)].find(pairKey(std::uint64_t(account), visitor));
                    if (it != m_secondary[std::size_t(s)].end())
                        last = it->second.second;
                }
                const int p0 = last - m_setup.loadFrom;
                addRange(droppedDiff, p0 + kMonth, p0 + 2 * kMonth - 1, n);
            }
            prefix(droppedDiff, dropped);
            prefix(sl->coreDiff, core);
            prefix(sl->adoptionDiff, adoption);

            const qint64 app = m_sliceApps[s];
            const int coreItems = app == 0 ? coreTotal : m_setup.coreItemsPerApp.value(app);
            const int seats = m_seats[std::size_t(account)];
            std::optional<int> first = sl->firstActive;
            if (sl->seedFirst && (!first || *sl->seedFirst < *first))
                first = sl->seedFirst;
            if (!first)
                continue;
            const int start = std::max({m_setup.fromDay, *first, m_setup.loadFrom});
            std::optional<int> lastActive = sl->seedLast;
            qint64 dauSum = 0, wauSum = 0, events30 = 0, minutes30 = 0, core30 = 0;
            MetricRow row;
            row.accountId = account;
            row.appId = app;
            for (int i = 0; i < n; ++i) {
                const int day = m_setup.loadFrom + i;
                const std::size_t u = std::size_t(i);
                dauSum += sl->dau[u];
                wauSum += wau[u];
                events30 += sl->events[u];
                minutes30 += sl->minutes[u];
                core30 += sl->coreEvents[u];
                if (i >= kMonth) {
                    const std::size_t o = std::size_t(i - kMonth);
                    dauSum -= sl->dau[o];
                    wauSum -= wau[o];
                    events30 -= sl->events[o];
                    minutes30 -= sl->minutes[o];
                    core30 -= sl->coreEvents[o];
                }
                if (sl->dau[u] > 0)
                    lastActive = day;
                if (day < start)
                    continue;
                row.day = day;
                const double m = mau[u];
                row.set(MetricField::Dau, sl->dau[u]);
                row.set(MetricField::Wau, wau[u]);
                row.set(MetricField::Mau, m);
                row.set(MetricField::Events, double(sl->events[u]));
                row.set(MetricField::Minutes, double(sl->minutes[u]));
                row.set(MetricField::Events30d, double(events30));
                row.set(MetricField::Minutes30d, double(minutes30));
                const double dauMau = m > 0 ? double(dauSum) / kMonth / m : MetricRow::missing();
                const double wauMau = m > 0 ? double(wauSum) / kMonth / m : MetricRow::missing();
                row.set(MetricField::DauMau, dauMau);
                row.set(MetricField::WauMau, wauMau);
                row.set(MetricField::CoreAdoption, coreItems > 0 ? double(core[u]) / coreItems : MetricRow::missing());
                row.set(MetricField::CoreEvents, coreItems > 0 ? double(sl->coreEvents[u]) : MetricRow::missing());
                row.set(MetricField::CoreEvents30d, coreItems > 0 ? double(core30) : MetricRow::missing());
                row.set(MetricField::LicenceUtilisation, seats > 0 ? m / seats : MetricRow::missing());
                row.set(MetricField::DaysSinceActive, lastActive ? double(day - *lastActive) : MetricRow::missing());

                const double pesAdoption = coreItems > 0 && m > 0 ? 100.0 * adoption[u] / (double(coreItems) * m)
                                                                  : MetricRow::missing();
                double pesStickiness = MetricRow::missing();
                switch (m_setup.pesStickiness) {
                case PesStickinessRatio::DauMau:
                    pesStickiness = 100.0 * dauMau;
                    break;
                case PesStickinessRatio::WauMau:
                    pesStickiness = 100.0 * wauMau;
                    break;
                case PesStickinessRatio::DauWau:
                    pesStickiness = wauSum > 0 ? 100.0 * double(dauSum) / double(wauSum) : MetricRow::missing();
                    break;
                }
                const int gained = fresh[u] + recovered[u];
                const int lost = dropped[u];
                double growth = MetricRow::missing();
                if (lost > 0)
                    growth = 100.0 * gained / double(gained + lost); // = 100 q / (1 + q)
                else if (gained > 0)
                    growth = 100.0;
                else if (m > 0)
                    growth = 50.0;
                row.set(MetricField::PesAdoption, pesAdoption);
                row.set(MetricField::PesStickiness, pesStickiness);
                row.set(MetricField::PesGrowth, growth);
                double sum = 0;
                int parts = 0;
                for (const double c : {pesAdoption, pesStickiness, growth})
                    if (!std::isnan(c)) {
                        sum += c;
                        ++parts;
                    }
                row.set(MetricField::Pes, parts > 0 ? sum / parts : MetricRow::missing());
                visit(row);
            }
        }
    }
}

std::vector<Milestones> CalculatedFields::milestones() const
{
    std::vector<Milestones> out;
    const int slices = int(m_sliceApps.size());
    for (int account = 0; account < m_accountCount; ++account)
        for (int s = 0; s < slices; ++s) {
            const Slice *sl = m_slices[std::size_t(account) * std::size_t(slices) + std::size_t(s)].get();
            if (!sl)
                continue;
            Milestones m;
            m.account = account;
            m.app = m_sliceApps[s];
            m.firstActive = sl->firstActive;
            if (sl->seedFirst && (!m.firstActive || *sl->seedFirst < *m.firstActive))
                m.firstActive = sl->seedFirst;
            m.lastActive = sl->seedLast;
            for (int i = m_days - 1; i >= 0; --i)
                if (sl->dau[std::size_t(i)] > 0) {
                    m.lastActive = m_setup.loadFrom + i;
                    break;
                }
            m.firstValue = sl->firstValue;
            out.push_back(m);
        }
    return out;
}

void CalculatedFields::forEachNewVisitorFirst(
    const std::function<void(int account, qint64 app, quint32 visitor, int day)> &visit) const
{
    for (const auto &[account, app, visitor, day] : m_newFirsts)
        visit(account, app, visitor, day);
}

std::vector<VisitorSummary> CalculatedFields::visitorSummaries() const
{
    std::vector<VisitorSummary> out;
    const auto add = [&](int account, quint32 visitor, int first, int last) {
        if (last < m_setup.loadFrom)
            return; // seen only before the rows fed (seeded), not in them
        VisitorSummary v;
        v.account = account;
        v.visitor = visitor;
        v.firstDay = first;
        v.lastDay = last;
        const auto it = m_visitorAgg.find(pairKey(std::uint64_t(account), visitor));
        if (it != m_visitorAgg.end()) {
            v.activeDays30d = it->second.activeDays30;
            v.events30d = it->second.events30;
            v.minutes30d = it->second.minutes30;
        }
        out.push_back(v);
    };
    // The all-apps slice (0) knows every visitor's first and last day in each account.
    const std::vector<Primary> &primary = m_primary[0];
    for (std::size_t visitor = 0; visitor < primary.size(); ++visitor)
        if (primary[visitor].account >= 0)
            add(primary[visitor].account, quint32(visitor), primary[visitor].first, primary[visitor].last);
    for (const auto &[key, state] : m_secondary[0])
        add(int(key >> 32), quint32(key & 0xffffffffu), state.first, state.second);
    std::sort(out.begin(), out.end(), [](const VisitorSummary &a, const VisitorSummary &b) {
        return std::tie(a.account, a.visitor) < std::tie(b.account, b.visitor);
    });
    return out;
}

std::vector<ItemSummary> CalculatedFields::itemSummaries() const
{
    std::vector<ItemSummary> out;
    out.reserve(m_itemAgg.size());
    for (const auto &[key, agg] : m_itemAgg) {
        ItemSummary s;
        s.account = int(key >> 32);
        s.item = quint32(key & 0xffffffffu);
        s.events30d = agg.events;
        s.lastUsedDay = agg.lastUsed;
        std::vector<quint32> visitors = agg.visitors;
        std::sort(visitors.begin(), visitors.end());
        s.visitors30d = int(std::unique(visitors.begin(), visitors.end()) - visitors.begin());
        out.push_back(s);
    }
    std::sort(out.begin(), out.end(), [](const ItemSummary &a, const ItemSummary &b) {
        return std::tie(a.account, a.item) < std::tie(b.account, b.item);
    });
    return out;
}
