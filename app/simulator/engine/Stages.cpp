#include "Stages.h"

#include "Json.h"
#include "PeriodRollup.h"
#include "ValueOps.h"

#include <algorithm>
#include <numeric>

namespace pendosim {

namespace {

constexpr std::string_view kAnonymousPrefix = "_PENDO_T_";

const Value &fieldOf(const Value &row, const std::string &dotted)
{
    static const Value null;
    const Value *v = dotted.find('.') == std::string::npos ? row.find(dotted) : row.path(dotted);
    return v ? *v : null;
}

} // namespace

bool FilterStage::push(Value &&row)
{
    if (!m_condition.test(row))
        return true;
    return m_next->push(std::move(row));
}

bool IdentifiedStage::push(Value &&row)
{
    bool identified = false;
    if (m_byVisitor) {
        const Value &id = fieldOf(row, "visitorId");
        identified = !id.isNull()
                     && !(id.isString() && (id.toString().empty() || id.toString().starts_with(kAnonymousPrefix)));
    } else {
        const Value &id = fieldOf(row, "accountId");
        identified = !id.isNull() && !(id.isString() && id.toString().empty());
    }
    if (identified == m_negated)
        return true;
    return m_next->push(std::move(row));
}

SelectStage::SelectStage(std::vector<Assignment> fields) : m_fields(std::move(fields)), m_values(m_fields.size())
{
    for (auto &field : m_fields) {
        if (field.key.find('.') != std::string::npos)
            m_plainKeys = false;
        for (const auto &other : m_fields) {
            if (other.key == field.key && &other != &field)
                m_plainKeys = false;
        }
    }
    // A field may be moved out of the input row only when it is copied once and nothing else reads
    // it; expressions other than plain fields may read anything, so they disable moving entirely.
    bool allPlain = true;
    for (const auto &field : m_fields)
        allPlain = allPlain && !field.value.plainField().empty();
    for (auto &field : m_fields) {
        const auto name = field.value.plainField();
        if (!allPlain || name.empty())
            continue;
        const auto uses = std::count_if(m_fields.begin(), m_fields.end(),
                                        [&](const Assignment &a) { return a.value.plainField() == name; });
        if (uses == 1)
            field.movedField = std::string(name);
    }
}

bool SelectStage::push(Value &&row)
{
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i].movedField.empty())
            m_values[i] = m_fields[i].value.evaluate(row);
    }
    if (row.isObject()) {
        bool anyMoved = false;
        for (const auto &field : m_fields)
            anyMoved = anyMoved || !field.movedField.empty();
        if (anyMoved) {
            Object &members = row.object();
            for (std::size_t i = 0; i < m_fields.size(); ++i) {
                if (m_fields[i].movedField.empty())
                    continue;
                m_values[i] = Value();
                for (auto &member : members) {
                    if (member.first == m_fields[i].movedField) {
                        m_values[i] = std::move(member.second);
                        break;
                    }
                }
            }
        }
    } else {
        for (std::size_t i = 0; i < m_fields.size(); ++i) {
            if (!m_fields[i].movedField.empty())
                m_values[i] = Value();
        }
    }
    Value out{Object()};
    if (m_plainKeys) {
        Object &members = out.object();
        members.reserve(m_fields.size());
        for (std::size_t i = 0; i < m_fields.size(); ++i)
            members.emplace_back(m_fields[i].key, std::move(m_values[i]));
    } else {
        for (std::size_t i = 0; i < m_fields.size(); ++i)
            out.set(m_fields[i].key, std::move(m_values[i]));
    }
    return m_next->push(std::move(out));
}

bool EvalStage::push(Value &&row)
{
    for (const auto &field : m_fields) {
        Value v = field.value.evaluate(row);
        row.set(field.key, std::move(v));
    }
    return m_next->push(std::move(row));
}

bool LimitStage::push(Value &&row)
{
    if (m_seen >= m_limit)
        return false;
    ++m_seen;
    const bool more = m_next->push(std::move(row));
    return more && m_seen < m_limit;
}

bool CountStage::push(Value &&)
{
    ++m_count;
    return true;
}

void CountStage::finish()
{
    Value row{Object()};
    row.set(m_field, Value(m_count));
    m_next->push(std::move(row));
    m_next->finish();
}

bool UnwindStage::push(Value &&row)
{
    const Value *found = row.path(m_field);
    Value list = found ? *found : Value();
    if (!list.isArray() && !list.isNull())
        list = Value(Array{std::move(list)}); // a single value unwinds as a one-element list
    if (list.isArray() && !list.toArray().empty()) {
        const Array &items = list.toArray();
        for (std::size_t i = 0; i < items.size(); ++i) {
            Value copy = i + 1 == items.size() ? std::move(row) : row;
            if (m_prefix)
                copy.set(m_field, Value(Array(items.begin(), items.begin() + std::ptrdiff_t(i + 1))));
            else
                copy.set(m_field, items[i]);
            if (!m_index.empty())
                copy.set(m_index, Value(std::int64_t(i)));
            if (!m_next->push(std::move(copy)))
                return false;
        }
        return true;
    }
    if (!m_keepEmpty)
        return true;
    row.set(m_field, Value());
    if (!m_index.empty())
        row.set(m_index, Value());
    return m_next->push(std::move(row));
}

bool SwitchStage::push(Value &&row)
{
    for (const auto &mapping : m_mappings) {
        const Value &input = fieldOf(row, mapping.field);
        Value result;
        for (const auto &c : mapping.cases) {
            if (compare(c.comparison, input, c.operand)) {
                result = c.value;
                break;
            }
        }
        row.set(mapping.output, std::move(result));
    }
    return m_next->push(std::move(row));
}

bool UnmarshalStage::push(Value &&row)
{
    for (const auto &field : m_fields) {
        Value v = field.value.evaluate(row);
        if (v.isString()) {
            std::string error;
            std::optional<Value> parsed = parseJson(v.toString(), &error);
            v = parsed ? std::move(*parsed) : Value();
        }
        row.set(field.key, std::move(v));
    }
    return m_next->push(std::move(row));
}

bool SegmentStage::push(Value &&row)
{
    const Value &id = fieldOf(row, "visitorId");
    if (!id.isString() || id.toString().empty())
        return true;
    auto it = m_members.find(id.toString());
    if (it == m_members.end())
        it = m_members.emplace(id.toString(), m_data.inSegment(m_segmentId, id.toString())).first;
    if (!it->second)
        return true;
    return m_next->push(std::move(row));
}

bool BulkExpandStage::push(Value &&row)
{
    for (const auto &expansion : m_expansions) {
        Value scratch;
        const Value &id = expansion.id.evaluateRef(row, scratch);
        std::optional<Value> found;
        if (id.isString() && !id.toString().empty())
            found = expansion.account ? m_data.account(id.toString()) : m_data.visitor(id.toString());
        row.set(expansion.target, found ? std::move(*found) : Value());
    }
    return m_next->push(std::move(row));
}

bool SortStage::push(Value &&row)
{
    m_rows.push_back(std::move(row));
    return true;
}

void SortStage::finish()
{
    const std::size_t keyCount = m_keys.size();
    const std::size_t rowCount = m_rows.size();
    // Keys that are plain fields point into the rows; computed ones live in `computed`.
    std::vector<const Value *> keys(rowCount * keyCount);
    std::deque<Value> computed;
    for (std::size_t r = 0; r < rowCount; ++r) {
        for (std::size_t k = 0; k < keyCount; ++k) {
            Value scratch;
            const Value &v = m_keys[k].value.evaluateRef(m_rows[r], scratch);
            if (&v == &scratch) {
                computed.push_back(std::move(scratch));
                keys[r * keyCount + k] = &computed.back();
            } else {
                keys[r * keyCount + k] = &v;
            }
        }
    }
    std::vector<std::size_t> order(rowCount);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        for (std::size_t k = 0; k < keyCount; ++k) {
            const int c = compareValues(*keys[a * keyCount + k], *keys[b * keyCount + k]);
            if (c != 0)
                return m_keys[k].descending ? c > 0 : c < 0;
        }
        return false;
    });
    for (const std::size_t i : order) {
        if (!m_next->push(std::move(m_rows[i])))
            break;
    }
    m_rows.clear();
    m_next->finish();
}

bool JoinStage::push(Value &&row)
{
    std::string key;
    for (const auto &field : m_fields) {
        fieldOf(row, field).appendJson(key);
        key += '\x1f';
    }
    const int branch = m_state.branch >= 0 ? m_state.branch : m_anonymousBranch++;
    const auto [it, inserted] = m_index.try_emplace(std::move(key), m_entries.size());
    if (inserted) {
        m_entries.push_back(Entry{std::move(row), {branch}});
        return true;
    }
    Entry &entry = m_entries[it->second];
    if (std::find(entry.branches.begin(), entry.branches.end(), branch) == entry.branches.end())
        entry.branches.push_back(branch);
    // Later rows fill in and overwrite fields, but a null never hides a value.
    for (auto &member : row.object()) {
        const Value *existing = entry.row.find(member.first);
        if (existing && member.second.isNull())
            continue;
        entry.row.set(member.first, std::move(member.second));
    }
    return true;
}

void JoinStage::finish()
{
    for (auto &entry : m_entries) {
        if (std::int64_t(entry.branches.size()) < m_width)
            continue;
        if (!m_next->push(std::move(entry.row)))
            break;
    }
    m_entries.clear();
    m_index.clear();
    m_next->finish();
}

std::string SourceStep::run(Stage &next)
{
    std::optional<PeriodRollupStage> rollup;
    Stage *target = &next;
    if (!m_rollup.field.empty()) {
        rollup.emplace(m_rollup.periods, m_rollup.field);
        rollup->setNext(&next);
        target = &*rollup;
    }
    std::string error = m_data.scan(m_request, [target](Value &&row) { return target->push(std::move(row)); });
    if (!error.empty())
        return error;
    target->finish();
    return {};
}

namespace {

/** Forwards a spawn branch's rows to the steps after the spawn, without finishing them. */
class BranchExit final : public Stage
{
public:
    explicit BranchExit(Stage &after, bool &stopped) : m_after(after), m_stopped(stopped) { }
    bool push(Value &&row) override
    {
        if (m_stopped)
            return false;
        if (!m_after.push(std::move(row)))
            m_stopped = true;
        return !m_stopped;
    }
    void finish() override { }

private:
    Stage &m_after;
    bool &m_stopped;
};

} // namespace

std::string SpawnStep::run(Stage &next)
{
    bool stopped = false;
    const int outer = m_state.branch;
    for (std::size_t i = 0; i < m_branches.size() && !stopped; ++i) {
        m_state.branch = int(i);
        BranchExit exit(next, stopped);
        std::string error = m_branches[i]->run(exit);
        if (!error.empty())
            return error;
    }
    m_state.branch = outer;
    next.finish();
    return {};
}

Stage &linkStages(const std::vector<std::unique_ptr<Stage>> &stages, Stage &sink)
{
    for (std::size_t i = 0; i < stages.size(); ++i)
        stages[i]->setNext(i + 1 < stages.size() ? stages[i + 1].get() : &sink);
    return stages.empty() ? sink : *stages.front();
}

std::string prepareStages(const std::vector<std::unique_ptr<Stage>> &stages)
{
    for (const auto &stage : stages) {
        std::string error = stage->prepare();
        if (!error.empty())
            return error;
    }
    return {};
}

std::string Pipeline::run(Stage &sink)
{
    Stage &first = linkStages(stages, sink);
    std::string error = prepareStages(stages);
    if (!error.empty())
        return error;
    return source->run(first);
}

} // namespace pendosim
