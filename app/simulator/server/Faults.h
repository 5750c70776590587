#pragma once

#include "Value.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>

namespace pendosim {

/** What the next response suffers. None answers normally; Slow answers normally, late. */
enum class FaultKind { None, TooMany, ServerError, BadGateway, Unavailable, Slow, Hang, Truncate, Malformed };

std::string_view faultName(FaultKind kind);
std::optional<FaultKind> faultFromName(std::string_view name);

/** Probabilities per request (0..1) and shape of each fault; all zero = a healthy service. */
struct FaultConfig
{
    std::uint64_t seed = 1;
    double tooMany = 0.0;
    int tooManyBurst = 3; // a 429 comes in bursts: this many consecutive requests
    double serverError = 0.0;
    double badGateway = 0.0;
    double unavailable = 0.0;
    double slow = 0.0;
    int slowMs = 3000;
    double hang = 0.0;
    double truncate = 0.0;
    double malformed = 0.0;
    /** Only requests whose path starts with this are affected ("" = every /api/v1 request). */
    std::string pathPrefix;
};

/**
 * Decides, request by request, which fault to inject: first from a script of queued faults
 * (set through the admin endpoint, for exact tests), then from the rates, drawn from a hash of
 * (seed, request number) so that the same request sequence meets the same faults. Lives on the
 * server's thread.
 */
class FaultPlan final
{
public:
    explicit FaultPlan(FaultConfig config = {});

    FaultKind next(std::string_view path);
    int slowMs() const { return m_config.slowMs; }
    const FaultConfig &config() const { return m_config; }

    /** Admin view: the config, the queued script and counters. */
    Value toValue() const;
    /**
     * Applies an admin update: any of the config keys, "script": ["429","hang",…] (replaces the
     * queue), "reset": true (back to a healthy service). Returns an error message or "".
     */
    std::string apply(const Value &update);

private:
    FaultConfig m_config;
    std::deque<FaultKind> m_script;
    std::uint64_t m_counter = 0;
    int m_burstLeft = 0;
    std::uint64_t m_injected = 0;
};

} // namespace pendosim
