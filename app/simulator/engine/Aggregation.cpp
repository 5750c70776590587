#include "Aggregation.h"

#include "EngineError.h"
#include "Json.h"
#include "Pipeline.h"

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

    CompileContext context(data);
    std::unique_ptr<Pipeline> compiled;
    try {
        compiled = compilePipeline(*pipeline, context);
    } catch (const EngineError &e) {
        return fromEngineError(e);
    }

    JsonResponseSink sink(write, context.startTime.value_or(context.eval.nowMs));
    const std::string error = compiled->run(sink);
    if (!error.empty())
        return badRequest(error);
    return std::nullopt;
}

std::optional<HttpError> runPipeline(const DataProvider &data, const Value &pipeline, const RowSink &sink)
{
    CompileContext context(data);
    std::unique_ptr<Pipeline> compiled;
    try {
        compiled = compilePipeline(pipeline, context);
    } catch (const EngineError &e) {
        return fromEngineError(e);
    }
    RowSinkStage stage(sink);
    const std::string error = compiled->run(stage);
    if (!error.empty())
        return badRequest(error);
    return std::nullopt;
}

} // namespace pendosim
