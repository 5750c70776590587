#pragma once

#include <QObject>

#include <chrono>
#include <functional>

/**
 * Time as the network layer sees it: "now" and "call me after a delay". The system clock uses
 * timers; tests inject a clock that records the delays and runs the callbacks at once, so retry
 * and back-off behaviour is checked without sleeping. Used on the thread of its caller.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    /** Calls `callback` after `delay` unless `context` is destroyed first. */
    virtual void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> callback) = 0;
    /** A uniformly distributed number in [0, 1) for jitter. */
    virtual double random() = 0;

    static Clock &system();
};
