#pragma once

// Shared by the pipeline compiler's two halves: PipelineCompile.cpp (pipelines, sources, spawn) and
// StepCompile.cpp (every other step).

#include "EngineError.h"
#include "Pipeline.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pendosim::compile {

[[noreturn]] inline void reject(std::string message)
{
    throw EngineError(400, std::move(message));
}

inline std::string quoted(std::string_view s)
{
    return "'" + std::string(s) + "'";
}

/** A whole number given as a JSON number or a numeric string. */
std::optional<std::int64_t> wholeNumber(const Value &v);

/** Parses an expression given as a JSON string; what names it in error messages. */
Expression parseExpression(const Value &v, const CompileContext &context, const std::string &what);

/** Compiles one step other than source and spawn. */
std::unique_ptr<Stage> compileStep(const std::string &name, const Value &arg, CompileContext &context);

/** Steps the compiler knows, so that a misplaced one is reported as misplaced rather than unknown. */
bool isKnownStep(std::string_view name);

} // namespace pendosim::compile
