#pragma once

#include "Pipeline.h"
#include "ValueOps.h"

#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace pendosim {

/** One output field of group / reduce: {"out": {"sum": "numEvents"}}. */
struct Aggregator
{
    enum class Kind {
        Sum,
        Count,
        CountRows,
        CountIf,
        CountDistinctIf,
        Avg,
        Min,
        Max,
        First,
        Any,
        List,
        Concat,
        Median,
    };

    std::string output;
    Kind kind = Kind::Sum;
    /** The aggregated expression (CountIf: the condition); absent only for CountRows. */
    std::optional<Expression> argument;
    /** CountDistinctIf only: the rows whose values are counted. */
    std::optional<Expression> condition;
};

/** Names accepted as aggregators; nullopt for an unknown one. `hasArgument` tells count(null) from count(field). */
std::optional<Aggregator::Kind> aggregatorKind(std::string_view name, bool hasArgument);

/**
 * group and reduce: hash-groups rows on the key fields (none for reduce) and folds each group
 * with the aggregators. Groups come out in the order they were first seen; reduce always emits
 * exactly one row.
 */
class GroupStage final : public Stage
{
public:
    GroupStage(std::vector<std::string> keys, std::vector<Aggregator> aggregators, bool alwaysEmit);
    ~GroupStage() override;

    bool push(Value &&row) override;
    void finish() override;

private:
    struct State;

    std::size_t findOrInsert(std::size_t hash);
    void grow();
    void update(State &state, const Aggregator &aggregator, const Value &row);
    Value result(State &state, const Aggregator &aggregator) const;

    std::vector<std::string> m_keys;
    std::vector<bool> m_keyIsPath;
    std::vector<Aggregator> m_aggregators;
    bool m_alwaysEmit;

    std::size_t m_groups = 0;
    std::vector<Value> m_keyValues;   // m_groups × m_keys.size()
    std::vector<State> m_states;      // m_groups × m_aggregators.size()
    std::vector<std::size_t> m_hashes; // per group
    std::vector<std::uint32_t> m_slots; // open addressing, group index + 1, 0 = empty
    std::vector<const Value *> m_rowKeys;
};

} // namespace pendosim
