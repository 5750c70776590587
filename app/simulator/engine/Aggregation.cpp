#include "Aggregation.h"

#include "EngineError.h"
#include "Json.h"
#include "Pipeline.h"

#include <functional>
#include <memory>

namespace pendosim {

namespace {

constexpr std::size_t kChunkSize = 64 * 1024;

/** Serialises result rows into the response envelope and hands it out in chunks. */
class JsonResponseSink final : public Stage
{
public:
    JsonResponseSink(const ChunkWriter &write, std::int64_t startTime) : m_write(write)
    {
        m_buffer.reserve(kChunkSize + 4096);
        m_buffer += "{\"startTime\":";
        m_buffer += std::to_string(startTime);
        m_buffer += ",\"results\":[";
    }

    bool push(Value &&row) override
    {
        if (m_rows++ > 0)
            m_buffer += ',';
        row.appendJson(m_buffer);
        if (m_buffer.size() >= kChunkSize)
            flush();
        return true;
    }

    void finish() override
    {
        m_buffer += "]}";
        flush();
    }

private:
    void flush()
    {
        m_write(m_buffer);
        m_buffer.clear();
    }

    const ChunkWriter &m_write;
    std::string m_buffer;
    std::size_t m_rows = 0;
};

/** Hands result rows to a caller's RowSink. */
class RowSinkStage final : public Stage
{
public:
    explicit RowSinkStage(const RowSink &sink) : m_sink(sink) { }
    bool push(Value &&row) override { return m_sink(std::move(row)); }
    void finish() override { }

private:
    const RowSink &m_sink;
};

HttpError badRequest(std::string message)
{
    return HttpError{400, "text/plain; charset=utf-8", std::move(message)};
}

HttpError fromEngineError(const EngineError &e)
{
    return HttpError{e.status, "text/plain; charset=utf-8", e.message};
}

/** Passes every period's rows to the real sink; the sink is finished once, after the last period. */
class PeriodSink final : public Stage
{
public:
    explicit PeriodSink(Stage &sink) : m_sink(sink) { }
    bool push(Value &&row) override
    {
        m_more = m_more && m_sink.push(std::move(row));
        return m_more;
    }
    void finish() override { }
    bool wantsMore() const { return m_more; }

private:
    Stage &m_sink;
    bool m_more = true;
};

/**
 * Compiles and runs a pipeline: once, or once per period when its source's timeSeries is
 * iterative (daily, weekly…), each period's run independent of the others. sinkFor receives the
 * startTime once the whole request has been checked and returns where the rows go.
 */
std::optional<HttpError> execute(const DataProvider &data, const Value &steps,
                                 const std::function<Stage &(std::int64_t startTime)> &sinkFor)
{
    auto context = std::make_unique<CompileContext>(data);
    std::unique_ptr<Pipeline> compiled;
    try {
        compiled = compilePipeline(steps, *context);
    } catch (const EngineError &e) {
        return fromEngineError(e);
    }
    const std::size_t periods = context->periodCount.value_or(1);
    Stage &sink = sinkFor(context->startTime.value_or(context->eval.nowMs));
    PeriodSink periodSink(sink);
    for (std::size_t period = 0; period < periods && periodSink.wantsMore(); ++period) {
        if (period > 0) {
            // Each period runs a fresh copy of the pipeline; the first compilation checked everything.
            compiled.reset(); // it refers to the context it was compiled in
            context = std::make_unique<CompileContext>(data);
            context->periodIndex = period;
            try {
                compiled = compilePipeline(steps, *context);
            } catch (const EngineError &e) {
                return fromEngineError(e);
            }
        }
        const std::string error = compiled->run(periodSink);
        if (!error.empty())
            return badRequest(error);
    }
    sink.finish();
    return std::nullopt;
}

} // namespace

std::optional<HttpError> runAggregation(const DataProvider &data, std::string_view body, const ChunkWriter &write)
{
    std::string parseError;
    const std::optional<Value> document = parseJson(body, &parseError);
    if (!document)
        return badRequest(parseError);
    if (!document->isObject())
        return badRequest("the request body must be a JSON object with \"response\" and \"request\"");

    const Value *request = document->find("request");
    const Value *pipeline = nullptr;
    if (request && request->isArray())
        pipeline = request; // legacy form: "request" is the list of steps itself
    else if (request && request->isObject())
        pipeline = request->find("pipeline");
    if (!pipeline || pipeline->isNull())
        return HttpError{422, "application/json", R"({"overall":{},"fields":{"pipeline":"Required"}})"};

    std::optional<JsonResponseSink> sink;
    return execute(data, *pipeline, [&](std::int64_t startTime) -> Stage & { return sink.emplace(write, startTime); });
}

std::optional<HttpError> runPipeline(const DataProvider &data, const Value &pipeline, const RowSink &sink)
{
    RowSinkStage stage(sink);
    return execute(data, pipeline, [&](std::int64_t) -> Stage & { return stage; });
}

} // namespace pendosim
