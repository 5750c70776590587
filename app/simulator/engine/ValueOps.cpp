#include "ValueOps.h"

#include <cmath>
#include <cstdint>
#include <functional>
#include <string_view>

namespace pendosim {

namespace {

int typeRank(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return 0;
    case Value::Type::Bool:
        return 1;
    case Value::Type::Int:
    case Value::Type::Double:
        return 2;
    case Value::Type::String:
        return 3;
    case Value::Type::Array:
        return 4;
    case Value::Type::Object:
        return 5;
    }
    return 0;
}

template<typename T>
int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

std::size_t mix(std::size_t h, std::size_t v)
{
    // 64-bit variant of boost::hash_combine.
    return h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 12) + (h >> 4));
}

} // namespace

bool isTruthy(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return false;
    case Value::Type::Bool:
        return v.toBool();
    case Value::Type::Int:
        return v.toInt() != 0;
    case Value::Type::Double:
        return v.toDouble() != 0.0;
    case Value::Type::String:
        return !v.toString().empty();
    case Value::Type::Array:
        return !v.toArray().empty();
    case Value::Type::Object:
        return !v.toObject().empty();
    }
    return false;
}

int compareValues(const Value &a, const Value &b)
{
    const int ra = typeRank(a);
    const int rb = typeRank(b);
    if (ra != rb)
        return ra < rb ? -1 : 1;
    switch (a.type()) {
    case Value::Type::Null:
        return 0;
    case Value::Type::Bool:
        return threeWay(a.toBool(), b.toBool());
    case Value::Type::Int:
    case Value::Type::Double:
        if (a.isInt() && b.isInt())
            return threeWay(a.toInt(), b.toInt());
        return threeWay(a.toDouble(), b.toDouble());
    case Value::Type::String: {
        const int c = a.toString().compare(b.toString());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case Value::Type::Array: {
        const Array &x = a.toArray();
        const Array &y = b.toArray();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (const int c = compareValues(x[i], y[i]))
                return c;
        }
        return threeWay(x.size(), y.size());
    }
    case Value::Type::Object: {
        const Object &x = a.toObject();
        const Object &y = b.toObject();
        for (std::size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (const int k = x[i].first.compare(y[i].first))
                return k < 0 ? -1 : 1;
            if (const int c = compareValues(x[i].second, y[i].second))
                return c;
        }
        return threeWay(x.size(), y.size());
    }
    }
    return 0;
}

bool compare(Comparison op, const Value &a, const Value &b)
{
    if (op == Comparison::Eq)
        return a == b;
    if (op == Comparison::Ne)
        return !(a == b);
    const bool comparable = (a.isNumber() && b.isNumber()) || (a.isString() && b.isString())
                            || (a.isBool() && b.isBool());
    if (!comparable)
        return false;
    const int c = compareValues(a, b);
    switch (op) {
    case Comparison::Lt:
        return c < 0;
    case Comparison::Le:
        return c <= 0;
    case Comparison::Gt:
        return c > 0;
    case Comparison::Ge:
        return c >= 0;
    default:
        return false;
    }
}

std::size_t hashValue(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return 0x51ed270b27a5bULL;
    case Value::Type::Bool:
        return v.toBool() ? 0x2f1e3d4c5b6a7988ULL : 0x7988a6b5c4d3e2f1ULL;
    case Value::Type::Int:
        return std::hash<std::int64_t>()(v.toInt()) * 0x9e3779b97f4a7c15ULL;
    case Value::Type::Double: {
        const double d = v.toDouble();
        if (d == std::trunc(d) && d >= -9.2e18 && d <= 9.2e18)
            return std::hash<std::int64_t>()(static_cast<std::int64_t>(d)) * 0x9e3779b97f4a7c15ULL;
        return std::hash<double>()(d);
    }
    case Value::Type::String:
        return std::hash<std::string_view>()(v.toString());
    case Value::Type::Array: {
        std::size_t h = 0xa5a5a5a5ULL;
        for (const auto &item : v.toArray())
            h = mix(h, hashValue(item));
        return h;
    }
    case Value::Type::Object: {
        std::size_t h = 0x5a5a5a5aULL;
        for (const auto &member : v.toObject())
            h += mix(std::hash<std::string_view>()(member.first), hashValue(member.second));
        return h;
    }
    }
    return 0;
}

std::string toText(const Value &v)
{
    if (v.isString())
        return v.toString();
    if (v.isNull())
        return {};
    return v.toJson();
}

} // namespace pendosim
