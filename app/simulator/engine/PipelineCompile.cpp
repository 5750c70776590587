// Pipelines, their sources and spawn; StepCompile.cpp compiles every other step.
#include "CompileSupport.h"
#include "Stages.h"
#include "TimeSeries.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pendosim {

namespace compile {

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

Expression parseExpression(const Value &v, const CompileContext &context, const std::string &what)
{
    if (!v.isString())
        reject(what + " must be an expression string, got " + v.toJson());
    return Expression::parse(v.toString(), context.eval, what);
}

} // namespace compile

using compile::quoted;
using compile::reject;

namespace {

bool isExpandAll(std::string_view s)
{
    std::string compact;
    for (const char c : s) {
        if (c != ' ' && c != '\t')
            compact += c;
    }
    return compact == "expandAppIds(\"*\")" || compact == "expandAppIds(`*`)" || compact == "expandAppIds('*')";
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
    if (!context.data.isEventSource(*name))
        return std::make_unique<SourceStep>(context.data, std::move(request));

    if (!timeSeries || timeSeries->isNull())
        reject("source " + quoted(*name) + " needs a timeSeries");
    const ResolvedTimeSeries resolved = resolveTimeSeries(*timeSeries, context.eval);
    std::size_t from = 0;
    std::size_t to = resolved.periods.size();
    if (resolved.iterative) {
        if (context.nesting > 0)
            reject("iterative timeSeries periods (daily, hourly, weekly, monthly) can be used only in the source "
                   "of the request's own pipeline, not inside spawn, fork or merge");
        context.periodCount = resolved.periods.size();
        from = std::min(context.periodIndex, to);
        to = std::min(from + 1, to);
    }
    request.period = resolved.providerPeriod();
    request.buckets = resolved.providerBuckets(context.eval.timeZone, from, to);
    if (!context.startTime)
        context.startTime = resolved.firstBucket;
    SourceStep::Rollup rollup;
    if (resolved.unit != timeutil::Unit::Day && resolved.unit != timeutil::Unit::Hour) {
        rollup.field = std::string(resolved.field());
        rollup.periods.assign(resolved.periods.begin() + std::ptrdiff_t(from),
                              resolved.periods.begin() + std::ptrdiff_t(to));
    }
    return std::make_unique<SourceStep>(context.data, std::move(request), std::move(rollup));
}

std::unique_ptr<RowSource> compileSpawn(const Value &arg, CompileContext &context)
{
    if (!arg.isArray() || arg.toArray().empty())
        reject("spawn must be a list of pipelines");
    std::vector<std::unique_ptr<Pipeline>> branches;
    for (const auto &branch : arg.toArray()) {
        if (!branch.isArray())
            reject("each spawn branch must be a list of steps");
        ++context.nesting;
        branches.push_back(compilePipeline(branch, context));
        --context.nesting;
    }
    return std::make_unique<SpawnStep>(context.state, std::move(branches));
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
        const auto n = compile::wholeNumber(v);
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
            if (compile::isKnownStep(name))
                reject("a pipeline must begin with a source step, not " + quoted(name));
        }
        if (name == "cat")
            continue; // flattening is what every step already does
        pipeline->stages.push_back(compile::compileStep(name, arg, context));
    }
    return pipeline;
}

std::vector<std::unique_ptr<Stage>> compileSteps(const Value &steps, CompileContext &context, std::string_view where)
{
    std::vector<std::unique_ptr<Stage>> stages;
    for (const auto &step : steps.toArray()) {
        if (!step.isObject() || step.toObject().size() != 1)
            reject("each pipeline step must be an object with exactly one key, such as {\"filter\": \"...\"}, got "
                   + step.toJson());
        const auto &[name, arg] = step.toObject().front();
        if (name == "source" || name == "spawn")
            reject("a " + std::string(where) + " branch cannot contain a " + name + " step; it works on the rows "
                   "that reach the " + std::string(where));
        if (name == "cat")
            continue;
        stages.push_back(compile::compileStep(name, arg, context));
    }
    return stages;
}

} // namespace pendosim
