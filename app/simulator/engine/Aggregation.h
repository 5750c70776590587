#pragma once

#include "DataProvider.h"
#include "Value.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace pendosim {

/** A rejected request: the status, content type and body to answer with. */
struct HttpError
{
    int status = 400;
    std::string contentType = "text/plain; charset=utf-8";
    std::string body;
};

/** Receives the response body piece by piece. */
using ChunkWriter = std::function<void(std::string_view chunk)>;

/**
 * Runs a complete POST /api/v1/aggregation body. Everything that can be rejected (JSON, envelope,
 * steps, expressions, timeSeries) is checked before anything is written. On success streams the
 * response {"startTime":<ms>,"results":[...]} through write in chunks of roughly 64 KiB, row by
 * row, and returns nullopt.
 *
 * The only error that can surface after writing began is a DataProvider::scan failure once more
 * than one chunk has gone out; the returned error then means the response is truncated and the
 * connection should be dropped. Reentrant: one call per request thread.
 */
std::optional<HttpError> runAggregation(const DataProvider &data, std::string_view body, const ChunkWriter &write);

/**
 * Runs an already parsed pipeline (a Value array of steps) and hands every result row to sink
 * (used for saved reports' results.json). Stops early when sink returns false.
 */
std::optional<HttpError> runPipeline(const DataProvider &data, const Value &pipeline, const RowSink &sink);

} // namespace pendosim
