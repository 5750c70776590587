#include "Clock.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QTimer>

namespace {

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> callback) override
    {
        QTimer::singleShot(delay, context, std::move(callback));
    }
    double random() override { return QRandomGenerator::global()->generateDouble(); }
};

} // namespace

Clock &Clock::system()
{
    static SystemClock clock;
    return clock;
}
