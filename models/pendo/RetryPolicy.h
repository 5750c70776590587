#pragma once

#include "PendoError.h"

#include <chrono>
#include <optional>

/**
 * When to try a failed request again: exponential back-off with jitter for transient failures
 * (429, 5xx, time-outs, resets, cut-off bodies), honouring Retry-After when the server sends one,
 * within a bounded number of attempts. Other 4xx answers fail at once. A plain value type.
 */
struct RetryPolicy
{
    int maxAttempts = 5;
    std::chrono::milliseconds baseDelay{1000};
    std::chrono::milliseconds maxDelay{60000};
    /** Fraction of the delay that is randomised: 0.5 → a delay in [0.5·d, d]. */
    double jitter = 0.5;

    /**
     * The pause before attempt `failedAttempt + 1`, or nullopt to give up.
     * `random` in [0, 1); `retryAfter` from the response's Retry-After header.
     */
    std::optional<std::chrono::milliseconds> delayAfter(int failedAttempt, const PendoError &error, double random,
                                                        std::optional<std::chrono::milliseconds> retryAfter = {}) const;

    /** Parses Retry-After (seconds or an HTTP date) relative to `nowMs`. */
    static std::optional<std::chrono::milliseconds> parseRetryAfter(const QByteArray &value, qint64 nowMs);
};
