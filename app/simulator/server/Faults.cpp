#include "Faults.h"

#include "Hash.h"

#include <algorithm>
#include <array>
#include <utility>

namespace pendosim {

namespace {

constexpr std::array<std::pair<FaultKind, std::string_view>, 9> kNames = {{
    {FaultKind::None, "none"},
    {FaultKind::TooMany, "429"},
    {FaultKind::ServerError, "500"},
    {FaultKind::BadGateway, "502"},
    {FaultKind::Unavailable, "503"},
    {FaultKind::Slow, "slow"},
    {FaultKind::Hang, "hang"},
    {FaultKind::Truncate, "truncate"},
    {FaultKind::Malformed, "malformed"},
}};

bool readRate(const Value &update, std::string_view key, double &out, std::string &error)
{
    const Value *v = update.find(key);
    if (!v)
        return false;
    if (!v->isNumber() || v->toDouble() < 0.0 || v->toDouble() > 1.0) {
        error = std::string(key) + " must be a number between 0 and 1";
        return false;
    }
    out = v->toDouble();
    return true;
}

} // namespace

std::string_view faultName(FaultKind kind)
{
    for (const auto &[k, name] : kNames) {
        if (k == kind)
            return name;
    }
    return "none";
}

std::optional<FaultKind> faultFromName(std::string_view name)
{
    for (const auto &[k, n] : kNames) {
        if (n == name)
            return k;
    }
    return std::nullopt;
}

FaultPlan::FaultPlan(FaultConfig config)
    : m_config(std::move(config))
{
}

FaultKind FaultPlan::next(std::string_view path)
{
    if (!m_config.pathPrefix.empty() && path.substr(0, m_config.pathPrefix.size()) != m_config.pathPrefix)
        return FaultKind::None;
    FaultKind kind = FaultKind::None;
    if (!m_script.empty()) {
        kind = m_script.front();
        m_script.pop_front();
    } else if (m_burstLeft > 0) {
        --m_burstLeft;
        kind = FaultKind::TooMany;
    } else {
        double u = unitOf(hashOf(m_config.seed, 0xfa17, m_counter++));
        const std::array<std::pair<double, FaultKind>, 8> rates = {{{m_config.tooMany, FaultKind::TooMany},
                                                                    {m_config.serverError, FaultKind::ServerError},
                                                                    {m_config.badGateway, FaultKind::BadGateway},
                                                                    {m_config.unavailable, FaultKind::Unavailable},
                                                                    {m_config.slow, FaultKind::Slow},
                                                                    {m_config.hang, FaultKind::Hang},
                                                                    {m_config.truncate, FaultKind::Truncate},
                                                                    {m_config.malformed, FaultKind::Malformed}}};
        for (const auto &[rate, k] : rates) {
            if (u < rate) {
                kind = k;
                break;
            }
            u -= rate;
        }
        if (kind == FaultKind::TooMany)
            m_burstLeft = std::max(0, m_config.tooManyBurst - 1);
    }
    if (kind != FaultKind::None)
        ++m_injected;
    return kind;
}

Value FaultPlan::toValue() const
{
    Object o;
    o.emplace_back("seed", static_cast<std::int64_t>(m_config.seed));
    o.emplace_back("rate429", m_config.tooMany);
    o.emplace_back("burst429", m_config.tooManyBurst);
    o.emplace_back("rate500", m_config.serverError);
    o.emplace_back("rate502", m_config.badGateway);
    o.emplace_back("rate503", m_config.unavailable);
    o.emplace_back("rateSlow", m_config.slow);
    o.emplace_back("slowMs", m_config.slowMs);
    o.emplace_back("rateHang", m_config.hang);
    o.emplace_back("rateTruncate", m_config.truncate);
    o.emplace_back("rateMalformed", m_config.malformed);
    o.emplace_back("pathPrefix", m_config.pathPrefix);
    Array script;
    for (FaultKind k : m_script)
        script.emplace_back(faultName(k));
    o.emplace_back("script", std::move(script));
    o.emplace_back("injected", static_cast<std::int64_t>(m_injected));
    return Value(std::move(o));
}

std::string FaultPlan::apply(const Value &update)
{
    if (!update.isObject())
        return "expected a JSON object";
    std::string error;
    FaultConfig next = m_config;
    if (const Value *reset = update.find("reset"); reset && reset->toBool()) {
        next = FaultConfig{};
        next.seed = m_config.seed;
        m_script.clear();
        m_burstLeft = 0;
    }
    readRate(update, "rate429", next.tooMany, error);
    readRate(update, "rate500", next.serverError, error);
    readRate(update, "rate502", next.badGateway, error);
    readRate(update, "rate503", next.unavailable, error);
    readRate(update, "rateSlow", next.slow, error);
    readRate(update, "rateHang", next.hang, error);
    readRate(update, "rateTruncate", next.truncate, error);
    readRate(update, "rateMalformed", next.malformed, error);
    if (const Value *v = update.find("burst429"); v && v->isNumber())
        next.tooManyBurst = static_cast<int>(std::max<std::int64_t>(1, v->toInt()));
    if (const Value *v = update.find("slowMs"); v && v->isNumber())
        next.slowMs = static_cast<int>(std::max<std::int64_t>(0, v->toInt()));
    if (const Value *v = update.find("pathPrefix"); v && v->isString())
        next.pathPrefix = v->toString();
    if (const Value *v = update.find("seed"); v && v->isNumber())
        next.seed = static_cast<std::uint64_t>(v->toInt());
    std::deque<FaultKind> script = m_script;
    if (const Value *v = update.find("script")) {
        script.clear();
        for (const Value &item : v->toArray()) {
            const auto kind = faultFromName(item.toString());
            if (!kind) {
                error = "unknown fault '" + item.toString() + "'";
                break;
            }
            script.push_back(*kind);
        }
    }
    if (!error.empty())
        return error;
    m_config = next;
    m_script = std::move(script);
    return {};
}

} // namespace pendosim
