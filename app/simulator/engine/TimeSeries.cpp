#include "TimeSeries.h"

#include "EngineError.h"
#include "TimeUtil.h"

#include <QDate>
#include <QDateTime>

#include <cmath>

namespace pendosim {

namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;
// Year 1 to year 9999: beyond that no calendar arithmetic is meaningful.
constexpr std::int64_t kMinTime = -62135596800000;
constexpr std::int64_t kMaxTime = 253402300799999;

std::int64_t resolveCount(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() == std::trunc(v.toDouble())
        && std::fabs(v.toDouble()) < 1e15)
        return std::int64_t(v.toDouble());
    if (v.isString()) {
        const std::string &s = v.toString();
        std::size_t used = 0;
        try {
            const long long n = std::stoll(s, &used);
            if (used == s.size())
                return n;
        } catch (...) {
        }
    }
    throw EngineError(400, "timeSeries.count must be a whole number of periods, got " + v.toJson());
}

[[noreturn]] void tooLong(std::int64_t buckets, std::int64_t max, std::string_view unit)
{
    throw EngineError(400, "timeSeries spans " + std::to_string(buckets) + " " + std::string(unit)
                               + "; one request may cover at most " + std::to_string(max));
}

QDate localDate(const QTimeZone &zone, std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).date();
}

} // namespace

std::int64_t resolveTime(const Value &v, const EvalContext &context, std::string_view what)
{
    std::int64_t ms = 0;
    Value computed;
    const Value *number = &v;
    if (v.isString()) {
        const Expression e = Expression::parse(v.toString(), context, "timeSeries." + std::string(what));
        computed = e.evaluate(Value());
        number = &computed;
    }
    if (number->isInt()) {
        ms = number->toInt();
    } else if (number->isDouble() && std::isfinite(number->toDouble()) && std::fabs(number->toDouble()) < 1e16) {
        ms = std::int64_t(number->toDouble());
    } else {
        throw EngineError(400, "timeSeries." + std::string(what)
                                   + " must be a time in epoch milliseconds or an expression giving one, got "
                                   + v.toJson());
    }
    if (ms < kMinTime || ms > kMaxTime)
        throw EngineError(400, "timeSeries." + std::string(what) + " is out of range: " + std::to_string(ms));
    return ms;
}

ResolvedTimeSeries resolveTimeSeries(const Value &spec, const EvalContext &context)
{
    if (!spec.isObject())
        throw EngineError(400, "timeSeries must be an object with period, first and count or last");
    ResolvedTimeSeries out;
    const Value *period = spec.find("period");
    if (!period || !period->isString())
        throw EngineError(400, "timeSeries.period is required (dayRange or hourRange)");
    if (period->toString() == "dayRange")
        out.period = Period::Day;
    else if (period->toString() == "hourRange")
        out.period = Period::Hour;
    else
        throw EngineError(400, "unsupported timeSeries.period '" + period->toString()
                                   + "' (use dayRange or hourRange)");

    const Value *firstValue = spec.find("first");
    if (!firstValue || firstValue->isNull())
        throw EngineError(400, "timeSeries.first is required");
    const Value *countValue = spec.find("count");
    const Value *lastValue = spec.find("last");
    if (countValue && countValue->isNull())
        countValue = nullptr;
    if (lastValue && lastValue->isNull())
        lastValue = nullptr;
    if ((countValue != nullptr) == (lastValue != nullptr))
        throw EngineError(400, "timeSeries needs exactly one of count or last");

    const QTimeZone &zone = context.timeZone;
    const std::int64_t first = resolveTime(*firstValue, context, "first");
    const bool daily = out.period == Period::Day;
    const std::int64_t maxBuckets = daily ? kMaxDayBuckets : kMaxHourBuckets;
    const std::string_view unitName = daily ? "days" : "hours";
    out.firstBucket = daily ? timeutil::startOfDay(zone, first) : timeutil::startOfHour(zone, first);

    std::int64_t offset = 0; // index of the first bucket relative to the bucket containing `first`
    std::int64_t count = 0;
    if (countValue) {
        const std::int64_t n = resolveCount(*countValue);
        if (n > maxBuckets || n < -maxBuckets)
            tooLong(n < 0 ? -n : n, maxBuckets, unitName);
        // A negative count walks back from `first`: the |n| periods before the one containing it.
        offset = n < 0 ? n : 0;
        count = n < 0 ? -n : n;
    } else {
        std::int64_t last = resolveTime(*lastValue, context, "last");
        // `last` is exclusive; first == last still asks for the period containing that instant.
        if (last == first)
            last = first + 1;
        if (last <= out.firstBucket) {
            count = 0;
        } else {
            const std::int64_t approx = (last - out.firstBucket) / (daily ? 23 * kHourMs : kHourMs) + 1;
            if (approx > maxBuckets + 2)
                tooLong(approx, maxBuckets, unitName);
            if (daily) {
                const QDate start = localDate(zone, first);
                while (start.addDays(count).startOfDay(zone).toMSecsSinceEpoch() < last)
                    ++count;
            } else {
                count = (last - out.firstBucket + kHourMs - 1) / kHourMs;
            }
            if (count > maxBuckets)
                tooLong(count, maxBuckets, unitName);
        }
    }

    out.buckets.reserve(std::size_t(count));
    if (daily) {
        const QDate start = localDate(zone, first);
        for (std::int64_t i = 0; i < count; ++i)
            out.buckets.push_back(start.addDays(offset + i).startOfDay(zone).toMSecsSinceEpoch());
    } else {
        for (std::int64_t i = 0; i < count; ++i)
            out.buckets.push_back(out.firstBucket + (offset + i) * kHourMs);
    }
    if (!out.buckets.empty())
        out.firstBucket = out.buckets.front();
    return out;
}

} // namespace pendosim
