#pragma once

#include "Pipeline.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pendosim {

/**
 * fork: sends every row into each of several branches of steps and passes on whatever the branches
 * emit, each branch numbered for a join further down (as spawn numbers its branches).
 */
class ForkStage final : public Stage
{
public:
    ForkStage(RunState &state, std::vector<std::vector<std::unique_ptr<Stage>>> branches);
    ~ForkStage() override;

    bool push(Value &&row) override;
    void finish() override;
    std::string prepare() override;

private:
    class Exit;
    struct Branch
    {
        std::vector<std::unique_ptr<Stage>> stages;
        std::unique_ptr<Exit> exit;
        Stage *entry = nullptr;
        bool done = false;
    };

    bool pushInto(Branch &branch, int index, Value &&row);

    RunState &m_state;
    std::vector<Branch> m_branches;
    bool m_stopped = false;
};

/**
 * merge: runs an inner pipeline before the first row arrives, then copies fields of the inner row
 * that shares the key fields into each row (all of its fields, or those named by mappings).
 * Rows without a match pass unchanged.
 */
class MergeStage final : public Stage
{
public:
    /** mappings: (output field, inner field) pairs; empty copies every field of the inner row. */
    MergeStage(std::vector<std::string> fields, std::vector<std::pair<std::string, std::string>> mappings,
               std::unique_ptr<Pipeline> inner);
    ~MergeStage() override;

    bool push(Value &&row) override;
    std::string prepare() override;

private:
    std::string keyOf(const Value &row) const;

    std::vector<std::string> m_fields;
    std::vector<std::pair<std::string, std::string>> m_mappings;
    std::unique_ptr<Pipeline> m_inner;
    std::unordered_map<std::string, Value> m_rows;
};

} // namespace pendosim
