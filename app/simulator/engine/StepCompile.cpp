// The pipeline's steps other than source and spawn: their arguments checked and compiled.
#include "BranchStages.h"
#include "CompileSupport.h"
#include "GroupStage.h"
#include "Stages.h"

#include <algorithm>
#include <utility>

namespace pendosim::compile {

namespace {

std::vector<Assignment> compileAssignments(const Value &arg, const CompileContext &context, std::string_view step)
{
    if (!arg.isObject())
        reject(std::string(step) + " must be an object of \"field\": \"expression\" pairs");
    std::vector<Assignment> out;
    for (const auto &[key, value] : arg.toObject()) {
        if (key.empty())
            reject(std::string(step) + " has an empty field name");
        out.push_back(Assignment {key, parseExpression(value, context, std::string(step) + "." + key), {}});
    }
    return out;
}

std::vector<std::string> fieldNames(const Value &v, const std::string &what)
{
    Array names;
    if (v.isString())
        names.push_back(v);
    else if (v.isArray())
        names = v.toArray();
    else
        reject(what + " must be a list of field names");
    std::vector<std::string> out;
    for (const auto &name : names) {
        if (!name.isString() || name.toString().empty())
            reject(what + " must be a list of field names, got " + name.toJson());
        out.push_back(name.toString());
    }
    return out;
}

std::unique_ptr<Stage> compileIdentified(const Value &arg)
{
    if (arg.isString()) {
        std::string_view field = arg.toString();
        const bool negated = field.starts_with('!');
        if (negated)
            field.remove_prefix(1);
        if (field == "visitorId" || field == "accountId")
            return std::make_unique<IdentifiedStage>(field == "visitorId", negated);
    }
    reject("identified must be \"visitorId\", \"accountId\", \"!visitorId\" or \"!accountId\"");
}

std::unique_ptr<Stage> compileSort(const Value &arg, const CompileContext &context)
{
    Array keys;
    if (arg.isString())
        keys.push_back(arg);
    else if (arg.isArray())
        keys = arg.toArray();
    else
        reject("sort must be a list of field names");
    std::vector<SortStage::Key> out;
    for (const auto &key : keys) {
        if (!key.isString() || key.toString().empty())
            reject("sort keys must be field names, got " + key.toJson());
        std::string_view text = key.toString();
        bool descending = false;
        if (text.front() == '-' || text.front() == '+') {
            descending = text.front() == '-';
            text.remove_prefix(1);
        }
        out.push_back(SortStage::Key {Expression::parse(text, context.eval, "sort"), descending});
    }
    return std::make_unique<SortStage>(std::move(out));
}

/** countIf's object form: {"count": "field" | null, "if": "condition"}. */
void compileCountIf(const Value &argument, const CompileContext &context, const std::string &what,
                    Aggregator &aggregator)
{
    const Value *condition = argument.find("if");
    const Value *counted = argument.find("count");
    if (!condition || !counted || argument.toObject().size() != 2)
        reject(what + ": countIf takes a condition or {\"count\": \"field\", \"if\": \"condition\"}");
    if (counted->isNull()) {
        aggregator.argument = parseExpression(*condition, context, what);
        return;
    }
    aggregator.kind = Aggregator::Kind::CountDistinctIf;
    aggregator.argument = parseExpression(*counted, context, what);
    aggregator.condition = parseExpression(*condition, context, what);
}

void compileAggregators(const Value &fields, const CompileContext &context, std::string_view step,
                        std::vector<Aggregator> &out)
{
    if (fields.isArray()) {
        for (const auto &item : fields.toArray())
            compileAggregators(item, context, step, out);
        return;
    }
    if (!fields.isObject())
        reject(std::string(step) + " fields must be an object such as {\"total\": {\"sum\": \"numEvents\"}}");
    for (const auto &[output, definition] : fields.toObject()) {
        const std::string what = std::string(step) + "." + output;
        if (!definition.isObject() || definition.toObject().size() != 1)
            reject(what + " must name one aggregator, e.g. {\"sum\": \"numEvents\"}");
        const auto &[name, argument] = definition.toObject().front();
        const bool hasArgument = !argument.isNull() && !(argument.isString() && argument.toString().empty());
        const auto kind = aggregatorKind(name, hasArgument);
        if (!kind)
            reject(what + ": unknown aggregator " + quoted(name));
        Aggregator aggregator;
        aggregator.output = output;
        aggregator.kind = *kind;
        if (*kind == Aggregator::Kind::CountIf && argument.isObject()) {
            compileCountIf(argument, context, what, aggregator);
        } else if (*kind != Aggregator::Kind::CountRows) {
            if (!hasArgument)
                reject(what + ": " + name + " needs a field or expression");
            aggregator.argument = parseExpression(argument, context, what);
        }
        out.push_back(std::move(aggregator));
    }
}

std::unique_ptr<Stage> compileGroup(const Value &arg, const CompileContext &context)
{
    if (!arg.isObject())
        reject("group must be an object such as {\"group\": [\"visitorId\"], \"fields\": {...}}");
    std::vector<std::string> keys;
    if (const Value *group = arg.find("group"); group && !group->isNull())
        keys = fieldNames(*group, "group.group");
    std::vector<Aggregator> aggregators;
    if (const Value *fields = arg.find("fields"); fields && !fields->isNull())
        compileAggregators(*fields, context, "group.fields", aggregators);
    return std::make_unique<GroupStage>(std::move(keys), std::move(aggregators), false);
}

std::unique_ptr<Stage> compileBulkExpand(const Value &arg, const CompileContext &context)
{
    if (!arg.isObject() || arg.toObject().empty())
        reject("bulkExpand must be an object such as {\"account\": {\"account\": \"accountId\"}}");
    std::vector<BulkExpandStage::Expansion> expansions;
    for (const auto &[target, spec] : arg.toObject()) {
        if (!spec.isObject() || spec.toObject().size() != 1)
            reject("bulkExpand." + target + " must be {\"account\": \"accountId\"} or {\"visitor\": \"visitorId\"}");
        const auto &[kind, field] = spec.toObject().front();
        if (kind != "account" && kind != "visitor")
            reject("bulkExpand." + target + ": unknown kind " + quoted(kind) + " (use account or visitor)");
        expansions.push_back(BulkExpandStage::Expansion {target, kind == "account",
                                                         parseExpression(field, context, "bulkExpand." + target)});
    }
    return std::make_unique<BulkExpandStage>(context.data, std::move(expansions));
}

bool optionalFlag(const Value &arg, std::string_view key, const std::string &what)
{
    const Value *v = arg.find(key);
    if (!v || v->isNull())
        return false;
    if (!v->isBool())
        reject(what + " must be true or false");
    return v->toBool();
}

std::unique_ptr<Stage> compileUnwind(const Value &arg)
{
    const Value *field = arg.find("field");
    if (!field || !field->isString() || field->toString().empty())
        reject("unwind needs a field, e.g. {\"field\": \"list\", \"index\": \"i\"}");
    std::string index;
    if (const Value *i = arg.find("index"); i && !i->isNull()) {
        if (!i->isString())
            reject("unwind.index must be a field name");
        index = i->toString();
    }
    const bool keepEmpty = optionalFlag(arg, "keepEmpty", "unwind.keepEmpty");
    const bool prefix = optionalFlag(arg, "prefix", "unwind.prefix");
    return std::make_unique<UnwindStage>(field->toString(), std::move(index), keepEmpty, prefix);
}

std::unique_ptr<Stage> compileJoin(const Value &arg, CompileContext &context)
{
    const Value *fields = arg.find("fields");
    if (!fields || !fields->isArray() || fields->toArray().empty())
        reject("join needs fields, e.g. {\"fields\": [\"visitorId\"], \"width\": 2}");
    std::vector<std::string> names = fieldNames(*fields, "join.fields");
    std::int64_t width = 1;
    if (const Value *w = arg.find("width"); w && !w->isNull()) {
        const auto n = wholeNumber(*w);
        if (!n || *n < 1)
            reject("join.width must be a whole number of at least 1");
        width = *n;
    }
    return std::make_unique<JoinStage>(context.state, std::move(names), width);
}

std::optional<Comparison> comparisonNamed(std::string_view name)
{
    static constexpr std::pair<std::string_view, Comparison> names[]
        = {{"==", Comparison::Eq}, {"!=", Comparison::Ne}, {"<", Comparison::Lt},
           {"<=", Comparison::Le}, {">", Comparison::Gt},  {">=", Comparison::Ge}};
    for (const auto &[text, comparison] : names) {
        if (text == name)
            return comparison;
    }
    return std::nullopt;
}

std::unique_ptr<Stage> compileSwitch(const Value &arg)
{
    static const std::string example
        = R"({"out": {"field": [{"value": "low", "<": 10}, {"value": "high", ">=": 10}]}})";
    if (!arg.isObject() || arg.toObject().empty())
        reject("switch must be an object such as " + example);
    std::vector<SwitchStage::Mapping> mappings;
    for (const auto &[output, spec] : arg.toObject()) {
        const std::string what = "switch." + output;
        if (output.empty() || !spec.isObject() || spec.toObject().size() != 1)
            reject(what + " must name one field and its cases, as in " + example);
        const auto &[field, cases] = spec.toObject().front();
        if (field.empty() || !cases.isArray() || cases.toArray().empty())
            reject(what + " must name one field and its cases, as in " + example);
        SwitchStage::Mapping mapping {output, field, {}};
        for (const auto &c : cases.toArray()) {
            const Value *value = c.find("value");
            if (!value || c.toObject().size() != 2)
                reject(what + ": each case is a value and one comparison (== != < <= > >=), got " + c.toJson());
            for (const auto &[key, operand] : c.toObject()) {
                if (key == "value")
                    continue;
                const auto comparison = comparisonNamed(key);
                if (!comparison)
                    reject(what + ": unknown comparison " + quoted(key) + " (use == != < <= > >=)");
                mapping.cases.push_back(SwitchStage::Case {*value, *comparison, operand});
            }
        }
        mappings.push_back(std::move(mapping));
    }
    return std::make_unique<SwitchStage>(std::move(mappings));
}

std::unique_ptr<Stage> compileSegment(const Value &arg, const CompileContext &context)
{
    const Value *id = arg.find("id");
    if (!id || !id->isString() || id->toString().empty())
        reject("segment needs the id of a segment, e.g. {\"id\": \"SEGMENT_ID\"}");
    if (!context.data.hasSegment(id->toString()))
        reject("segment " + quoted(id->toString()) + " not found");
    return std::make_unique<SegmentStage>(context.data, id->toString());
}

std::unique_ptr<Stage> compileFork(const Value &arg, CompileContext &context)
{
    if (!arg.isArray() || arg.toArray().empty())
        reject("fork must be a list of pipelines");
    std::vector<std::vector<std::unique_ptr<Stage>>> branches;
    for (const auto &branch : arg.toArray()) {
        if (!branch.isArray())
            reject("each fork branch must be a list of steps");
        if (branch.toArray().empty())
            reject("a fork branch cannot be empty; [{\"cat\": null}] passes rows on unchanged");
        ++context.nesting;
        branches.push_back(compileSteps(branch, context, "fork"));
        --context.nesting;
    }
    return std::make_unique<ForkStage>(context.state, std::move(branches));
}

std::unique_ptr<Stage> compileMerge(const Value &arg, CompileContext &context)
{
    static const std::string example = R"({"fields": ["pageId"], "mappings": {"pageName": "name"}, "pipeline": [...]})";
    if (!arg.isObject())
        reject("merge must be an object such as " + example);
    const Value *fields = arg.find("fields");
    if (!fields || !fields->isArray() || fields->toArray().empty())
        reject("merge needs fields, as in " + example);
    std::vector<std::string> names = fieldNames(*fields, "merge.fields");
    std::vector<std::pair<std::string, std::string>> mappings;
    if (const Value *m = arg.find("mappings"); m && !m->isNull()) {
        if (!m->isObject())
            reject("merge.mappings must be an object of \"output field\": \"inner field\" pairs");
        for (const auto &[output, input] : m->toObject()) {
            if (output.empty() || !input.isString() || input.toString().empty())
                reject("merge.mappings must be an object of \"output field\": \"inner field\" pairs");
            mappings.emplace_back(output, input.toString());
        }
    }
    const Value *pipeline = arg.find("pipeline");
    if (!pipeline || !pipeline->isArray())
        reject("merge needs a pipeline, as in " + example);
    ++context.nesting;
    std::unique_ptr<Pipeline> inner = compilePipeline(*pipeline, context);
    --context.nesting;
    return std::make_unique<MergeStage>(std::move(names), std::move(mappings), std::move(inner));
}

std::unique_ptr<Stage> compileLimit(const Value &arg)
{
    const auto n = wholeNumber(arg);
    if (!n || *n < 0 || arg.isString())
        reject("limit must be a whole number of rows, got " + arg.toJson());
    return std::make_unique<LimitStage>(*n);
}

std::unique_ptr<Stage> compileCount(const Value &arg)
{
    if (arg.isNull())
        return std::make_unique<CountStage>("count");
    if (arg.isString() && !arg.toString().empty())
        return std::make_unique<CountStage>(arg.toString());
    reject("count must be null or the name of the output field");
}

} // namespace

bool isKnownStep(std::string_view name)
{
    static constexpr std::string_view known[]
        = {"source", "spawn", "filter",     "identified", "select", "eval",   "sort",      "limit",   "count", "group",
           "reduce", "cat",   "bulkExpand", "unwind",     "join",   "switch", "unmarshal", "segment", "fork",  "merge"};
    return std::find(std::begin(known), std::end(known), name) != std::end(known);
}

std::unique_ptr<Stage> compileStep(const std::string &name, const Value &arg, CompileContext &context)
{
    if (name == "filter")
        return std::make_unique<FilterStage>(parseExpression(arg, context, "filter"));
    if (name == "identified")
        return compileIdentified(arg);
    if (name == "select")
        return std::make_unique<SelectStage>(compileAssignments(arg, context, "select"));
    if (name == "eval")
        return std::make_unique<EvalStage>(compileAssignments(arg, context, "eval"));
    if (name == "sort")
        return compileSort(arg, context);
    if (name == "limit")
        return compileLimit(arg);
    if (name == "count")
        return compileCount(arg);
    if (name == "group")
        return compileGroup(arg, context);
    if (name == "reduce") {
        std::vector<Aggregator> aggregators;
        compileAggregators(arg, context, "reduce", aggregators);
        return std::make_unique<GroupStage>(std::vector<std::string>(), std::move(aggregators), true);
    }
    if (name == "bulkExpand")
        return compileBulkExpand(arg, context);
    if (name == "unwind")
        return compileUnwind(arg);
    if (name == "join")
        return compileJoin(arg, context);
    if (name == "switch")
        return compileSwitch(arg);
    if (name == "unmarshal")
        return std::make_unique<UnmarshalStage>(compileAssignments(arg, context, "unmarshal"));
    if (name == "segment")
        return compileSegment(arg, context);
    if (name == "fork")
        return compileFork(arg, context);
    if (name == "merge")
        return compileMerge(arg, context);
    if (name == "source" || name == "spawn")
        reject(name + " must be the first step of a pipeline");
    // Pendo's answer to a step it does not run, e.g. {"skip": 5000}.
    reject("unknown step type " + quoted(name));
}

} // namespace pendosim::compile
