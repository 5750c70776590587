#include "BranchStages.h"

#include <functional>

namespace pendosim {

/** The end of a fork branch: hands the branch's rows to the steps after the fork, never finishes them. */
class ForkStage::Exit final : public Stage
{
public:
    Exit(Stage *&after, bool &stopped)
        : m_after(after)
        , m_stopped(stopped)
    {
    }

    bool push(Value &&row) override
    {
        if (m_stopped)
            return false;
        if (!m_after->push(std::move(row)))
            m_stopped = true;
        return !m_stopped;
    }
    void finish() override { }

private:
    Stage *&m_after;
    bool &m_stopped;
};

ForkStage::ForkStage(RunState &state, std::vector<std::vector<std::unique_ptr<Stage>>> branches)
    : m_state(state)
{
    m_branches.resize(branches.size());
    for (std::size_t i = 0; i < branches.size(); ++i) {
        Branch &branch = m_branches[i];
        branch.stages = std::move(branches[i]);
        branch.exit = std::make_unique<Exit>(m_next, m_stopped);
        branch.entry = &linkStages(branch.stages, *branch.exit);
    }
}

ForkStage::~ForkStage() = default;

std::string ForkStage::prepare()
{
    for (auto &branch : m_branches) {
        std::string error = prepareStages(branch.stages);
        if (!error.empty())
            return error;
    }
    return {};
}

bool ForkStage::pushInto(Branch &branch, int index, Value &&row)
{
    const int outer = m_state.branch;
    m_state.branch = index;
    if (!branch.entry->push(std::move(row)))
        branch.done = true;
    m_state.branch = outer;
    return !m_stopped;
}

bool ForkStage::push(Value &&row)
{
    std::size_t last = m_branches.size();
    for (std::size_t i = 0; i < m_branches.size(); ++i) {
        if (!m_branches[i].done)
            last = i;
    }
    if (last == m_branches.size())
        return false; // every branch has all the rows it wants
    for (std::size_t i = 0; i <= last; ++i) {
        Branch &branch = m_branches[i];
        if (branch.done)
            continue;
        if (!pushInto(branch, int(i), i == last ? std::move(row) : Value(row)))
            return false;
    }
    for (const auto &branch : m_branches) {
        if (!branch.done)
            return true;
    }
    return false;
}

void ForkStage::finish()
{
    // Branches that collect rows (group, sort…) emit now, one branch after another.
    const int outer = m_state.branch;
    for (std::size_t i = 0; i < m_branches.size(); ++i) {
        m_state.branch = int(i);
        m_branches[i].entry->finish();
    }
    m_state.branch = outer;
    m_next->finish();
}

namespace {

/** Holds the rows of a merge's inner pipeline, the first row of each key. */
class MergeCollector final : public Stage
{
public:
    explicit MergeCollector(const std::function<std::string(const Value &)> &keyOf,
                            std::unordered_map<std::string, Value> &rows)
        : m_keyOf(keyOf)
        , m_rows(rows)
    {
    }

    bool push(Value &&row) override
    {
        std::string key = m_keyOf(row);
        if (!key.empty())
            m_rows.try_emplace(std::move(key), std::move(row));
        return true;
    }
    void finish() override { }

private:
    const std::function<std::string(const Value &)> &m_keyOf;
    std::unordered_map<std::string, Value> &m_rows;
};

} // namespace

MergeStage::MergeStage(std::vector<std::string> fields, std::vector<std::pair<std::string, std::string>> mappings,
                       std::unique_ptr<Pipeline> inner)
    : m_fields(std::move(fields))
    , m_mappings(std::move(mappings))
    , m_inner(std::move(inner))
{
}

MergeStage::~MergeStage() = default;

std::string MergeStage::keyOf(const Value &row) const
{
    // Rows missing a key field match nothing.
    std::string key;
    for (const auto &field : m_fields) {
        const Value *v = row.path(field);
        if (!v || v->isNull())
            return {};
        v->appendJson(key);
        key += '\x1f';
    }
    return key;
}

std::string MergeStage::prepare()
{
    m_rows.clear();
    const std::function<std::string(const Value &)> key = [this](const Value &row) { return keyOf(row); };
    MergeCollector collector(key, m_rows);
    return m_inner->run(collector);
}

bool MergeStage::push(Value &&row)
{
    const std::string key = keyOf(row);
    const auto it = key.empty() ? m_rows.end() : m_rows.find(key);
    if (it != m_rows.end()) {
        const Value &inner = it->second;
        if (m_mappings.empty()) {
            for (const auto &[name, value] : inner.toObject())
                row.set(name, value);
        } else {
            for (const auto &[output, input] : m_mappings) {
                const Value *v = inner.path(input);
                row.set(output, v ? *v : Value());
            }
        }
    }
    return m_next->push(std::move(row));
}

} // namespace pendosim
