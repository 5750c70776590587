#pragma once

#include "Pipeline.h"

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

/** identified: drops anonymous visitors ("visitorId") or rows without an account ("accountId"). */
class IdentifiedStage final : public Stage
{
public:
    explicit IdentifiedStage(bool byVisitor) : m_byVisitor(byVisitor) { }
    bool push(Value &&row) override;

private:
    bool m_byVisitor;
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

/** unwind: one row per element of a list field. */
class UnwindStage final : public Stage
{
public:
    UnwindStage(std::string field, std::string index, bool keepEmpty)
        : m_field(std::move(field)), m_index(std::move(index)), m_keepEmpty(keepEmpty)
    {
    }
    bool push(Value &&row) override;

private:
    std::string m_field;
    std::string m_index;
    bool m_keepEmpty;
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
    SourceStep(const DataProvider &data, SourceRequest request) : m_data(data), m_request(std::move(request)) { }
    std::string run(Stage &next) override;

private:
    const DataProvider &m_data;
    SourceRequest m_request;
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
