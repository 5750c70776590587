#include "RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <algorithm>

std::optional<std::chrono::milliseconds> RetryPolicy::delayAfter(int failedAttempt, const PendoError &error,
                                                                 double random,
                                                                 std::optional<std::chrono::milliseconds> retryAfter) const
{
    if (!error.isTransient() || failedAttempt >= maxAttempts)
        return std::nullopt;
    if (retryAfter) {
        // The server knows best, but never wait longer than our own ceiling.
        return std::clamp(*retryAfter, std::chrono::milliseconds(0), maxDelay);
    }
    const int exponent = std::min(failedAttempt - 1, 20);
    const double full = std::min(double(baseDelay.count()) * double(1 << exponent), double(maxDelay.count()));
    const double low = full * (1.0 - std::clamp(jitter, 0.0, 1.0));
    return std::chrono::milliseconds(qint64(low + (full - low) * std::clamp(random, 0.0, 1.0)));
}

std::optional<std::chrono::milliseconds> RetryPolicy::parseRetryAfter(const QByteArray &value, qint64 nowMs)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? std::optional(std::chrono::milliseconds(seconds * 1000)) : std::nullopt;
    const QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeZone(QTimeZone::utc());
    return std::chrono::milliseconds(std::max<qint64>(0, utc.toMSecsSinceEpoch() - nowMs));
}
