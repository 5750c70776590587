#include "EngineError.h"
#include "GroupStage.h"
#include "Pipeline.h"
#include "Stages.h"
#include "TimeSeries.h"

#include <charconv>
#include <cmath>

namespace pendosim {

namespace {

constexpr std::string_view kKnownUnsupported[] = {"merge",  "fork",     "segment",    "switch",         "unmarshal",
                                                  "treeify", "accumulate", "compute", "sessionReplays", "pes"};

[[noreturn]] void reject(std::string message)
{
    throw EngineError(400, std::move(message));
}

std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

std::optional<std::int64_t> wholeNumber(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::trunc(v.toDouble())
        && std::fabs(v.toDouble()) < 9e18)
        return std::int64_t(v.toDouble());
    if (v.isString()) {
        const std::string &s = v.toString();
        std::int64_t n = 0;
        const auto res = std::from_chars(s.data(), s.data() + s.size(), n);
        if (res.ec == std::errc() && res.ptr == s.data() + s.size() && !s.empty())
            return n;
    }
    return std::nullopt;
}

bool isExpandAll(std::string_view s)
{
    std::string compact;
    for (const char c : s) {
        if (c != ' ' && c != '\t')
            compact += c;
    }
    return compact == "expandAppIds(\"*\")" || compact == "expandAppIds(`*`)" || compact == "expandAppIds('*')";
}

Expression parseExpression(const Value &v, const CompileContext &context, const std::string &what)
{
    if (!v.isString())
        reject(what + " must be an expression string, got " + v.toJson());
    return Expression::parse(v.toString(), context.eval, what);
}

std::unique_ptr<RowSource> compileSource(const Value &arg, CompileContext &context)
{
    if (!arg.isObject())
        reject("source must be an object such as {\"featureEvents\": null, \"timeSeries\": {...}}");
    const Value *timeSeries = nullptr;
    const std::string *name = nullptr;
    const Value *params = nullptr;
    for (const auto &[key, value] : arg.toObject()) {
        if (key == "timeSeries") {
            timeSeries = &value;
            continue;
        }
        if (name)
            reject("source names more than one source (" + quoted(*name) + " and " + quoted(key) + ")");
        name = &key;
        params = &value;
    }
    if (!name)
        reject("source names no source");
    if (!context.data.hasSource(*name))
        reject("unknown source " + quoted(*name));
    if (!params->isNull() && !params->isObject())
        reject("parameters of source " + quoted(*name) + " must be an object or null");

    SourceRequest request;
    request.name = *name;
    request.params = *params;
    request.appIds = resolveAppIds(params->find("appId"), context.data);
    if (context.data.isEventSource(*name)) {
        if (!timeSeries || timeSeries->isNull())
            reject("source " + quoted(*name) + " needs a timeSeries");
        ResolvedTimeSeries resolved = resolveTimeSeries(*timeSeries, context.eval);
        request.period = resolved.period;
        request.buckets = std::move(resolved.buckets);
        if (!context.startTime)
            context.startTime = resolved.firstBucket;
    }
    return std::make_unique<SourceStep>(context.data, std::move(request));
}

std::unique_ptr<RowSource> compileSpawn(const Value &arg, CompileContext &context)
{
    if (!arg.isArray() || arg.toArray().empty())
        reject("spawn must be a list of pipelines");
    std::vector<std::unique_ptr<Pipeline>> branches;
    for (const auto &branch : arg.toArray()) {
        if (!branch.isArray())
            reject("each spawn branch must be a list of steps");
        branches.push_back(compilePipeline(branch, context));
    }
    return std::make_unique<SpawnStep>(context.state, std::move(branches));
}

std::vector<Assignment> compileAssignments(const Value &arg, const CompileContext &context, std::string_view step)
{
    if (!arg.isObject())
        reject(std::string(step) + " must be an object of \"field\": \"expression\" pairs");
    std::vector<Assignment> out;
    for (const auto &[key, value] : arg.toObject()) {
        if (key.empty())
            reject(std::string(step) + " has an empty field name");
        out.push_back(Assignment{key, parseExpression(value, context, std::string(step) + "." + key), {}});
    }
    return out;
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
        out.push_back(SortStage::Key{Expression::parse(text, context.eval, "sort"), descending});
    }
    return std::make_unique<SortStage>(std::move(out));
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
        if (*kind != Aggregator::Kind::CountRows) {
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
    if (const Value *group = arg.find("group")) {
        Array names;
        if (group->isString())
            names.push_back(*group);
        else if (group->isArray())
            names = group->toArray();
        else if (!group->isNull())
            reject("group.group must be a list of field names");
        for (const auto &name : names) {
            if (!name.isString() || name.toString().empty())
                reject("group.group must be a list of field names, got " + name.toJson());
            keys.push_back(name.toString());
        }
    }
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
        expansions.push_back(BulkExpandStage::Expansion{
            target, kind == "account", parseExpression(field, context, "bulkExpand." + target)});
    }
    return std::make_unique<BulkExpandStage>(context.data, std::move(expansions));
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
    bool keepEmpty = false;
    if (const Value *k = arg.find("keepEmpty"); k && !k->isNull()) {
        if (!k->isBool())
            reject("unwind.keepEmpty must be true or false");
        keepEmpty = k->toBool();
    }
    return std::make_unique<UnwindStage>(field->toString(), std::move(index), keepEmpty);
}

std::unique_ptr<Stage> compileJoin(const Value &arg, CompileContext &context)
{
    const Value *fields = arg.find("fields");
    if (!fields || !fields->isArray() || fields->toArray().empty())
        reject("join needs fields, e.g. {\"fields\": [\"visitorId\"], \"width\": 2}");
    std::vector<std::string> names;
    for (const auto &f : fields->toArray()) {
        if (!f.isString() || f.toString().empty())
            reject("join.fields must be field names, got " + f.toJson());
        names.push_back(f.toString());
    }
    std::int64_t width = 1;
    if (const Value *w = arg.find("width"); w && !w->isNull()) {
        const auto n = wholeNumber(*w);
        if (!n || *n < 1)
            reject("join.width must be a whole number of at least 1");
        width = *n;
    }
    return std::make_unique<JoinStage>(context.state, std::move(names), width);
}

std::unique_ptr<Stage> compileStep(const std::string &name, const Value &arg, CompileContext &context)
{
    if (name == "filter")
        return std::make_unique<FilterStage>(parseExpression(arg, context, "filter"));
    if (name == "identified") {
        if (arg.isString() && (arg.toString() == "visitorId" || arg.toString() == "accountId"))
            return std::make_unique<IdentifiedStage>(arg.toString() == "visitorId");
        reject("identified must be \"visitorId\" or \"accountId\"");
    }
    if (name == "select")
        return std::make_unique<SelectStage>(compileAssignments(arg, context, "select"));
    if (name == "eval")
        return std::make_unique<EvalStage>(compileAssignments(arg, context, "eval"));
    if (name == "sort")
        return compileSort(arg, context);
    if (name == "limit") {
        const auto n = wholeNumber(arg);
        if (!n || *n < 0 || arg.isString())
            reject("limit must be a whole number of rows, got " + arg.toJson());
        return std::make_unique<LimitStage>(*n);
    }
    if (name == "count") {
        if (arg.isNull())
            return std::make_unique<CountStage>("count");
        if (arg.isString() && !arg.toString().empty())
            return std::make_unique<CountStage>(arg.toString());
        reject("count must be null or the name of the output field");
    }
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
    if (name == "source" || name == "spawn")
        reject(name + " must be the first step of a pipeline");
    for (const auto known : kKnownUnsupported) {
        if (name == known)
            reject("step type " + quoted(name) + " is not supported by this simulator");
    }
    reject("unknown step type " + quoted(name));
}

bool isKnownStep(std::string_view name)
{
    static constexpr std::string_view known[] = {"source", "spawn",  "filter",     "identified", "select",
                                                 "eval",   "sort",   "limit",      "count",      "group",
                                                 "reduce", "cat",    "bulkExpand", "unwind",     "join"};
    for (const auto k : known) {
        if (name == k)
            return true;
    }
    return false;
}

} // namespace

CompileContext::CompileContext(const DataProvider &provider) : data(provider)
{
    eval.nowMs = provider.nowMs();
    const QTimeZone zone = provider.timeZone();
    eval.timeZone = zone.isValid() ? zone : QTimeZone::utc();
}

std::vector<std::int64_t> resolveAppIds(const Value *appId, const DataProvider &data)
{
    if (!appId || appId->isNull())
        return {data.defaultAppId()};
    auto single = [](const Value &v) {
        const auto n = wholeNumber(v);
        if (!n)
            reject("appId must be an app id, a list of app ids or \"expandAppIds(\\\"*\\\")\", got " + v.toJson());
        return *n;
    };
    if (appId->isString() && isExpandAll(appId->toString()))
        return data.appIds();
    if (appId->isArray()) {
        if (appId->toArray().empty())
            return data.appIds();
        std::vector<std::int64_t> ids;
        for (const auto &v : appId->toArray()) {
            const std::int64_t id = single(v);
            if (std::find(ids.begin(), ids.end(), id) == ids.end())
                ids.push_back(id);
        }
        return ids;
    }
    return {single(*appId)};
}

std::unique_ptr<Pipeline> compilePipeline(const Value &steps, CompileContext &context)
{
    if (!steps.isArray())
        reject("pipeline must be a list of steps");
    if (steps.toArray().empty())
        reject("pipeline is empty; it must begin with a source step");
    auto pipeline = std::make_unique<Pipeline>();
    bool first = true;
    for (const auto &step : steps.toArray()) {
        if (!step.isObject() || step.toObject().size() != 1)
            reject("each pipeline step must be an object with exactly one key, such as {\"filter\": \"...\"}, got "
                   + step.toJson());
        const auto &[name, arg] = step.toObject().front();
        if (first) {
            first = false;
            if (name == "source") {
                pipeline->source = compileSource(arg, context);
                continue;
            }
            if (name == "spawn") {
                pipeline->source = compileSpawn(arg, context);
                continue;
            }
            if (isKnownStep(name))
                reject("a pipeline must begin with a source step, not " + quoted(name));
        }
        if (name == "cat")
            continue; // flattening is what every step already does
        pipeline->stages.push_back(compileStep(name, arg, context));
    }
    return pipeline;
}

} // namespace pendosim
