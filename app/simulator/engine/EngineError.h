#pragma once

#include <string>
#include <utility>

namespace pendosim {

/**
 * A request the engine rejects while checking it (bad envelope, stage, expression or timeSeries).
 * Thrown only while a request is being compiled, never while rows flow, so nothing has been
 * written when it surfaces.
 */
struct EngineError
{
    int status = 400;
    std::string message;

    EngineError(int s, std::string m) : status(s), message(std::move(m)) { }
    explicit EngineError(std::string m) : message(std::move(m)) { }
};

} // namespace pendosim
