#include "PeriodRollup.h"

#include <algorithm>
#include <string_view>

namespace pendosim {

namespace {

enum class Fold { Key, Sum, Min, Max };

Fold foldOf(std::string_view name)
{
    static constexpr std::string_view summed[]
        = {"numEvents", "numMinutes", "rageClickCount", "errorClickCount", "deadClickCount", "uTurnCount"};
    if (std::find(std::begin(summed), std::end(summed), name) != std::end(summed))
        return Fold::Sum;
    if (name == "firstTime")
        return Fold::Min;
    if (name == "lastTime")
        return Fold::Max;
    return Fold::Key;
}

Value sum(const Value &a, const Value &b)
{
    if (!a.isNumber())
        return b;
    if (!b.isNumber())
        return a;
    std::int64_t out = 0;
    if (a.isInt() && b.isInt() && !__builtin_add_overflow(a.toInt(), b.toInt(), &out))
        return Value(out);
    return Value(a.toDouble() + b.toDouble());
}

} // namespace

PeriodRollupStage::PeriodRollupStage(std::vector<std::int64_t> periodStarts, std::string field)
    : m_starts(std::move(periodStarts))
    , m_field(std::move(field))
{
}

std::int64_t PeriodRollupStage::periodOf(std::int64_t day) const
{
    const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), day);
    return it == m_starts.begin() ? day : *(it - 1);
}

bool PeriodRollupStage::push(Value &&row)
{
    const Value *day = row.find("day");
    if (!day || !day->isNumber())
        return m_next->push(std::move(row));
    const std::int64_t period = periodOf(day->toInt());
    if (m_any && period != m_current && !flush())
        return false;
    m_current = period;
    m_any = true;

    std::string key;
    for (const auto &[name, value] : row.toObject()) {
        if (name == "day" || foldOf(name) != Fold::Key)
            continue;
        key += name;
        key += '\x1e';
        value.appendJson(key);
        key += '\x1f';
    }
    const auto [it, inserted] = m_index.try_emplace(std::move(key), m_rows.size());
    if (inserted) {
        // The period's start takes the day's place, keeping the members in alphabetical order.
        Object members;
        members.reserve(row.toObject().size());
        bool placed = false;
        for (auto &member : row.object()) {
            if (member.first == "day")
                continue;
            if (!placed && member.first > m_field) {
                members.emplace_back(m_field, Value(period));
                placed = true;
            }
            members.push_back(std::move(member));
        }
        if (!placed)
            members.emplace_back(m_field, Value(period));
        m_rows.emplace_back(std::move(members));
        return true;
    }
    Object &target = m_rows[it->second].object();
    for (const auto &[name, value] : row.toObject()) {
        const Fold fold = foldOf(name);
        if (fold == Fold::Key)
            continue;
        for (auto &member : target) {
            if (member.first != name)
                continue;
            if (fold == Fold::Sum)
                member.second = sum(member.second, value);
            else if (value.isNumber()
                     && (!member.second.isNumber()
                         || (fold == Fold::Min ? value.toInt() < member.second.toInt()
                                               : value.toInt() > member.second.toInt())))
                member.second = value;
            break;
        }
    }
    return true;
}

bool PeriodRollupStage::flush()
{
    bool more = true;
    for (auto &row : m_rows) {
        if (more)
            more = m_next->push(std::move(row));
    }
    m_rows.clear();
    m_index.clear();
    return more;
}

void PeriodRollupStage::finish()
{
    flush();
    m_next->finish();
}

} // namespace pendosim
