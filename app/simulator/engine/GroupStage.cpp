#include "GroupStage.h"

#include <algorithm>
#include <cmath>

namespace pendosim {

namespace {

const Value kNull;

std::size_t finalMix(std::size_t h)
{
    // MurmurHash3's 64-bit finaliser spreads std::hash's weak low bits over the table index.
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

} // namespace

/** Running state of one aggregator in one group. */
struct GroupStage::State
{
    std::int64_t sumInt = 0;
    double sumDouble = 0;
    std::int64_t count = 0;
    bool isDouble = false;
    bool seen = false;
    Value value;
    std::unique_ptr<std::unordered_set<Value, ValueHash>> distinct;
    std::unique_ptr<Array> items;
};

std::optional<Aggregator::Kind> aggregatorKind(std::string_view name, bool hasArgument)
{
    using K = Aggregator::Kind;
    if (name == "sum")
        return K::Sum;
    if (name == "count")
        return hasArgument ? K::Count : K::CountRows;
    if (name == "countIf")
        return K::CountIf;
    if (name == "avg")
        return K::Avg;
    if (name == "min")
        return K::Min;
    if (name == "max")
        return K::Max;
    if (name == "first")
        return K::First;
    if (name == "any")
        return K::Any;
    if (name == "list")
        return K::List;
    if (name == "concat")
        return K::Concat;
    if (name == "median")
        return K::Median;
    return std::nullopt;
}

GroupStage::GroupStage(std::vector<std::string> keys, std::vector<Aggregator> aggregators, bool alwaysEmit)
    : m_keys(std::move(keys)), m_aggregators(std::move(aggregators)), m_alwaysEmit(alwaysEmit)
{
    for (const auto &key : m_keys)
        m_keyIsPath.push_back(key.find('.') != std::string::npos);
    m_rowKeys.resize(m_keys.size());
    m_slots.assign(1024, 0);
}

GroupStage::~GroupStage() = default;

void GroupStage::grow()
{
    std::vector<std::uint32_t> table(m_slots.size() * 2, 0);
    const std::size_t mask = table.size() - 1;
    for (std::size_t g = 0; g < m_groups; ++g) {
        std::size_t i = finalMix(m_hashes[g]) & mask;
        while (table[i] != 0)
            i = (i + 1) & mask;
        table[i] = std::uint32_t(g + 1);
    }
    m_slots.swap(table);
}

std::size_t GroupStage::findOrInsert(std::size_t hash)
{
    const std::size_t keyCount = m_keys.size();
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = finalMix(hash) & mask;
    while (m_slots[i] != 0) {
        const std::size_t g = m_slots[i] - 1;
        if (m_hashes[g] == hash) {
            bool same = true;
            for (std::size_t k = 0; k < keyCount && same; ++k)
                same = m_keyValues[g * keyCount + k] == *m_rowKeys[k];
            if (same)
                return g;
        }
        i = (i + 1) & mask;
    }
    const std::size_t g = m_groups++;
    m_slots[i] = std::uint32_t(g + 1);
    m_hashes.push_back(hash);
    for (std::size_t k = 0; k < keyCount; ++k)
        m_keyValues.push_back(*m_rowKeys[k]);
    m_states.resize(m_states.size() + m_aggregators.size());
    if (m_groups * 2 > m_slots.size())
        grow();
    return g;
}

bool GroupStage::push(Value &&row)
{
    std::size_t hash = 0x84222325cbf29ce4ULL;
    for (std::size_t k = 0; k < m_keys.size(); ++k) {
        const Value *v = m_keyIsPath[k] ? row.path(m_keys[k]) : row.find(m_keys[k]);
        m_rowKeys[k] = v ? v : &kNull;
        hash = (hash ^ hashValue(*m_rowKeys[k])) * 0x100000001b3ULL;
    }
    const std::size_t g = findOrInsert(hash);
    State *states = m_states.data() + g * m_aggregators.size();
    for (std::size_t a = 0; a < m_aggregators.size(); ++a)
        update(states[a], m_aggregators[a], row);
    return true;
}

void GroupStage::update(State &state, const Aggregator &aggregator, const Value &row)
{
    using K = Aggregator::Kind;
    if (aggregator.kind == K::CountRows) {
        ++state.count;
        return;
    }
    Value scratch;
    const Value &v = aggregator.argument->evaluateRef(row, scratch);
    switch (aggregator.kind) {
    case K::Sum:
    case K::Avg:
        if (!v.isNumber())
            return;
        ++state.count;
        if (v.isInt() && !state.isDouble) {
            std::int64_t sum = 0;
            if (!__builtin_add_overflow(state.sumInt, v.toInt(), &sum)) {
                state.sumInt = sum;
                return;
            }
            state.sumDouble = double(state.sumInt) + v.toDouble();
            state.isDouble = true;
            return;
        }
        if (!state.isDouble) {
            state.sumDouble = double(state.sumInt);
            state.isDouble = true;
        }
        state.sumDouble += v.toDouble();
        return;
    case K::CountDistinctIf:
        if (Value cs; !isTruthy(aggregator.condition->evaluateRef(row, cs)))
            return;
        [[fallthrough]];
    case K::Count:
        if (v.isNull())
            return;
        if (!state.distinct)
            state.distinct = std::make_unique<std::unordered_set<Value, ValueHash>>();
        state.distinct->insert(v);
        return;
    case K::CountIf:
        if (isTruthy(v))
            ++state.count;
        return;
    case K::Min:
    case K::Max:
        if (v.isNull())
            return;
        if (!state.seen || (aggregator.kind == K::Min ? compareValues(v, state.value) < 0
                                                      : compareValues(v, state.value) > 0)) {
            state.value = v;
            state.seen = true;
        }
        return;
    case K::First:
        if (!state.seen) {
            state.value = v;
            state.seen = true;
        }
        return;
    case K::Any:
        if (state.value.isNull() && !v.isNull())
            state.value = v;
        return;
    case K::Concat:
        if (v.isNull())
            return;
        if (!state.items)
            state.items = std::make_unique<Array>();
        if (v.isArray())
            state.items->insert(state.items->end(), v.toArray().begin(), v.toArray().end());
        else
            state.items->push_back(v);
        return;
    case K::List:
    case K::Median:
        if (v.isNull() || (aggregator.kind == K::Median && !v.isNumber()))
            return;
        if (!state.items)
            state.items = std::make_unique<Array>();
        state.items->push_back(v);
        return;
    case K::CountRows:
        return;
    }
}

Value GroupStage::result(State &state, const Aggregator &aggregator) const
{
    using K = Aggregator::Kind;
    switch (aggregator.kind) {
    case K::Sum:
        return state.isDouble ? Value(state.sumDouble) : Value(state.sumInt);
    case K::Avg:
        if (state.count == 0)
            return Value();
        return Value((state.isDouble ? state.sumDouble : double(state.sumInt)) / double(state.count));
    case K::Count:
    case K::CountDistinctIf:
        return Value(std::int64_t(state.distinct ? state.distinct->size() : 0));
    case K::CountRows:
    case K::CountIf:
        return Value(state.count);
    case K::Min:
    case K::Max:
    case K::First:
    case K::Any:
        return std::move(state.value);
    case K::List:
    case K::Concat:
        return state.items ? Value(std::move(*state.items)) : Value(Array());
    case K::Median: {
        if (!state.items || state.items->empty())
            return Value();
        Array &items = *state.items;
        std::sort(items.begin(), items.end(),
                  [](const Value &a, const Value &b) { return compareValues(a, b) < 0; });
        const std::size_t mid = items.size() / 2;
        if (items.size() % 2 == 1)
            return items[mid];
        const double m = (items[mid - 1].toDouble() + items[mid].toDouble()) / 2.0;
        if (items[mid - 1].isInt() && items[mid].isInt() && m == std::trunc(m))
            return Value(std::int64_t(m));
        return Value(m);
    }
    }
    return Value();
}

void GroupStage::finish()
{
    if (m_groups == 0 && m_alwaysEmit) {
        m_groups = 1;
        m_states.resize(m_aggregators.size());
    }
    const std::size_t keyCount = m_keys.size();
    const std::size_t aggCount = m_aggregators.size();
    bool plainOutputs = true;
    for (std::size_t k = 0; k < keyCount; ++k)
        plainOutputs = plainOutputs && !m_keyIsPath[k];
    for (const auto &aggregator : m_aggregators)
        plainOutputs = plainOutputs && aggregator.output.find('.') == std::string::npos;

    for (std::size_t g = 0; g < m_groups; ++g) {
        Value row{Object()};
        if (plainOutputs) {
            Object &members = row.object();
            members.reserve(keyCount + aggCount);
            for (std::size_t k = 0; k < keyCount; ++k)
                members.emplace_back(m_keys[k], std::move(m_keyValues[g * keyCount + k]));
            for (std::size_t a = 0; a < aggCount; ++a) {
                Value v = result(m_states[g * aggCount + a], m_aggregators[a]);
                bool replaced = false;
                for (auto &member : members) {
                    if (member.first == m_aggregators[a].output) {
                        member.second = std::move(v);
                        replaced = true;
                        break;
                    }
                }
                if (!replaced)
                    members.emplace_back(m_aggregators[a].output, std::move(v));
            }
        } else {
            for (std::size_t k = 0; k < keyCount; ++k)
                row.set(m_keys[k], std::move(m_keyValues[g * keyCount + k]));
            for (std::size_t a = 0; a < aggCount; ++a)
                row.set(m_aggregators[a].output, result(m_states[g * aggCount + a], m_aggregators[a]));
        }
        if (!m_next->push(std::move(row)))
            break;
    }
    m_keyValues.clear();
    m_states.clear();
    m_hashes.clear();
    m_groups = 0;
    m_next->finish();
}

} // namespace pendosim
