#pragma once

#include "pendo/Clock.h"

#include <QList>
#include <QTimer>

/** A clock for tests: records every requested pause and runs the callback at once; fixed jitter. */
class FakeClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> callback) override
    {
        delays.append(delay);
        m_now += delay.count();
        QTimer::singleShot(0, context, std::move(callback));
    }
    double random() override { return 0.5; }
    void setNowMs(qint64 now) { m_now = now; }

    QList<std::chrono::milliseconds> delays;

private:
    qint64 m_now = 1763800000000;
};
