#pragma once

#include "DataProvider.h"
#include "Expression.h"
#include "Value.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pendosim {

/**
 * One step of a running pipeline. Rows are pushed in one at a time and moved along; streaming
 * steps pass them on at once, materialising steps (group, sort, join…) hold them until finish().
 * Built per request and used only by the thread running that request.
 */
class Stage
{
public:
    virtual ~Stage() = default;

    /** Takes one row; returns false when nothing downstream wants more rows. */
    virtual bool push(Value &&row) = 0;
    /** End of input: materialising steps emit here; every step then finishes the next one. */
    virtual void finish() { m_next->finish(); }
    /**
     * Called once before any row flows: steps that run a pipeline of their own (merge) run it
     * here. Returns a provider error message, empty on success.
     */
    virtual std::string prepare() { return {}; }

    void setNext(Stage *next) { m_next = next; }

protected:
    Stage *m_next = nullptr;
};

/** Where a pipeline's rows come from: a source step or a spawn of sub-pipelines. */
class RowSource
{
public:
    virtual ~RowSource() = default;
    /** Streams every row into next, then finishes it. Returns a provider error message, empty on success. */
    virtual std::string run(Stage &next) = 0;
};

/** State shared by the steps of one request while it runs. */
struct RunState
{
    /** Index of the spawn branch currently producing rows; -1 outside a spawn. */
    int branch = -1;
};

/** Everything a request is compiled against; must outlive the compiled pipeline. */
struct CompileContext
{
    explicit CompileContext(const DataProvider &provider);

    const DataProvider &data;
    EvalContext eval;
    RunState state;
    /** First bucket of the first event source met, the response's startTime. */
    std::optional<std::int64_t> startTime;

    /** How deep the pipeline being compiled sits inside spawn, fork and merge (0: the request's own). */
    int nesting = 0;
    /**
     * An iterative timeSeries (daily, weekly…) runs the whole pipeline once per period: its
     * source sets periodCount, and periodIndex says which period this compilation covers.
     */
    std::size_t periodIndex = 0;
    std::optional<std::size_t> periodCount;
};

/** A compiled pipeline: its row source and the steps after it. Owned by the request that built it. */
class Pipeline final
{
public:
    std::unique_ptr<RowSource> source;
    std::vector<std::unique_ptr<Stage>> stages;

    /** Links the steps to sink and runs the source; returns a provider error message, empty on success. */
    std::string run(Stage &sink);
};

/** Checks and compiles a list of steps; throws EngineError on anything it cannot accept. */
std::unique_ptr<Pipeline> compilePipeline(const Value &steps, CompileContext &context);

/** Compiles the steps of a pipeline without a source (a fork branch). Throws EngineError. */
std::vector<std::unique_ptr<Stage>> compileSteps(const Value &steps, CompileContext &context, std::string_view where);

/** Links stages one after another and the last to sink; returns the first stage (sink when there are none). */
Stage &linkStages(const std::vector<std::unique_ptr<Stage>> &stages, Stage &sink);

/** Runs prepare() on each stage; returns the first error. */
std::string prepareStages(const std::vector<std::unique_ptr<Stage>> &stages);

/** Resolves a source's appId parameter against the subscription's apps. Throws EngineError. */
std::vector<std::int64_t> resolveAppIds(const Value *appId, const DataProvider &data);

} // namespace pendosim
