#pragma once

#include "Pipeline.h"
#include "ValueOps.h"

#include <deque>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pendosim {

/** filter: keeps rows for which the expression is true. */
class FilterStage final : public Stage
{
public:
    explicit FilterStage(Expression condition) : m_condition(std::move(condition)) { }
    bool push(Value &&row) override;

private:
    Expression m_condition;
};

/**
 * identified: keeps identified visitors ("visitorId") or rows with an account ("accountId");
 * negated ("!visitorId", "!accountId") it keeps exactly the others.
 */
class IdentifiedStage final : public Stage
{
public:
    IdentifiedStage(bool byVisitor, bool negated) : m_byVisitor(byVisitor), m_negated(negated) { }
    bool push(Value &&row) override;

private:
    bool m_byVisitor;
    bool m_negated;
};

/** One "out": "expression" pair of select / eval. */
struct Assignment
{
    std::string key;
    Expression value;
    /** select only: the plain top-level field this entry copies, moved out of the input row. */
    std::string movedField;
};

/** select: builds a new row holding only the listed fields. */
class SelectStage final : public Stage
{
public:
    explicit SelectStage(std::vector<Assignment> fields);
    bool push(Value &&row) override;

private:
    std::vector<Assignment> m_fields;
    std::vector<Value> m_values;
    bool m_plainKeys = true;
};

/** eval: adds or overwrites fields, in order, each seeing the ones before. */
class EvalStage final : public Stage
{
public:
    explicit EvalStage(std::vector<Assignment> fields) : m_fields(std::move(fields)) { }
    bool push(Value &&row) override;

private:
    std::vector<Assignment> m_fields;
};

/** limit: passes the first N rows, then asks upstream to stop. */
class LimitStage final : public Stage
{
public:
    explicit LimitStage(std::int64_t limit) : m_limit(limit) { }
    bool push(Value &&row) override;

private:
    std::int64_t m_limit;
    std::int64_t m_seen = 0;
};

/** count: replaces all rows by one {"count": N}. */
class CountStage final : public Stage
{
public:
    explicit CountStage(std::string field) : m_field(std::move(field)) { }
    bool push(Value &&row) override;
    void finish() override;

private:
    std::string m_field;
    std::int64_t m_count = 0;
};

/** unwind: one row per element of a list field (or, with prefix, per leading slice of it). */
class UnwindStage final : public Stage
{
public:
    UnwindStage(std::string field, std::string index, bool keepEmpty, bool prefix)
        : m_field(std::move(field)), m_index(std::move(index)), m_keepEmpty(keepEmpty), m_prefix(prefix)
    {
    }
    bool push(Value &&row) override;

private:
    std::string m_field;
    std::string m_index;
    bool m_keepEmpty;
    bool m_prefix;
};

/** switch: sets a field to the value of the first case whose comparison with another field holds. */
class SwitchStage final : public Stage
{
public:
    struct Case
    {
        Value value;
        Comparison comparison = Comparison::Eq;
        Value operand;
    };
    struct Mapping
    {
        std::string output;
        std::string field;
        std::vector<Case> cases;
    };
    explicit SwitchStage(std::vector<Mapping> mappings) : m_mappings(std::move(mappings)) { }
    bool push(Value &&row) override;

private:
    std::vector<Mapping> m_mappings;
};

/** unmarshal: parses JSON text held in a field (or computed by an expression) into a value. */
class UnmarshalStage final : public Stage
{
public:
    explicit UnmarshalStage(std::vector<Assignment> fields) : m_fields(std::move(fields)) { }
    bool push(Value &&row) override;

private:
    std::vector<Assignment> m_fields;
};

/** segment: keeps the rows whose visitor is in one of the subscription's segments. */
class SegmentStage final : public Stage
{
public:
    SegmentStage(const DataProvider &data, std::string segmentId) : m_data(data), m_segmentId(std::move(segmentId))
    {
    }
    bool push(Value &&row) override;

private:
    const DataProvider &m_data;
    std::string m_segmentId;
    std::unordered_map<std::string, bool> m_members;
};

/** bulkExpand: attaches the current visitor or account object under a new field. */
class BulkExpandStage final : public Stage
{
public:
    struct Expansion
    {
        std::string target;
        bool account = true;
        Expression id;
    };
    BulkExpandStage(const DataProvider &data, std::vector<Expansion> expansions)
        : m_data(data), m_expansions(std::move(expansions))
    {
    }
    bool push(Value &&row) override;

private:
    const DataProvider &m_data;
    std::vector<Expansion> m_expansions;
};

/** sort: stable sort on one or more keys ("-" = descending; nulls first when ascending). */
class SortStage final : public Stage
{
public:
    struct Key
    {
        Expression value;
        bool descending = false;
    };
    explicit SortStage(std::vector<Key> keys) : m_keys(std::move(keys)) { }
    bool push(Value &&row) override;
    void finish() override;

private:
    std::vector<Key> m_keys;
    std::vector<Value> m_rows;
};

/** join: merges rows that share the key fields, keeping those that at least `width` spawn branches contributed to. */
class JoinStage final : public Stage
{
public:
    JoinStage(const RunState &state, std::vector<std::string> fields, std::int64_t width)
        : m_state(state), m_fields(std::move(fields)), m_width(width)
    {
    }
    bool push(Value &&row) override;
    void finish() override;

private:
    struct Entry
    {
        Value row;
        std::vector<int> branches;
    };
    const RunState &m_state;
    std::vector<std::string> m_fields;
    std::int64_t m_width;
    std::unordered_map<std::string, std::size_t> m_index;
    std::vector<Entry> m_entries;
    int m_anonymousBranch = 1000000;
};

/** The source step: scans one DataProvider source. */
class SourceStep final : public RowSource
{
public:
    /** For weekRange, monthRange and quarterRange: the periods day rows are folded into. */
    struct Rollup
    {
        std::string field; // empty: rows pass as the provider makes them
        std::vector<std::int64_t> periods;
    };

    SourceStep(const DataProvider &data, SourceRequest request, Rollup rollup = {})
        : m_data(data), m_request(std::move(request)), m_rollup(std::move(rollup))
    {
    }
    std::string run(Stage &next) override;

private:
    const DataProvider &m_data;
    SourceRequest m_request;
    Rollup m_rollup;
};

/** spawn: runs sub-pipelines one after another and unions their rows. */
class SpawnStep final : public RowSource
{
public:
    SpawnStep(RunState &state, std::vector<std::unique_ptr<Pipeline>> branches)
        : m_state(state), m_branches(std::move(branches))
    {
    }
    std::string run(Stage &next) override;

private:
    RunState &m_state;
    std::vector<std::unique_ptr<Pipeline>> m_branches;
};

} // namespace pendosim
