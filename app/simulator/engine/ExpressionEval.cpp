#include "ExpressionNodes.h"
#include "TimeUtil.h"
#include "ValueOps.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace pendosim::expr {

namespace {

const Value kNull;

const Value &step(const Value &current, const Step &s, const Value &row, const EvalContext &context)
{
    if (s.index >= 0) {
        const Array &items = current.toArray();
        return std::size_t(s.index) < items.size() ? items[std::size_t(s.index)] : kNull;
    }
    if (s.index == -2)
        return kNull;
    if (s.computed) {
        Value scratch;
        const Value &key = evaluate(*s.computed, row, scratch, context);
        if (key.isString()) {
            const Value *found = current.find(key.toString());
            return found ? *found : kNull;
        }
        if (key.isNumber()) {
            const std::int64_t i = key.toInt();
            const Array &items = current.toArray();
            return i >= 0 && std::size_t(i) < items.size() ? items[std::size_t(i)] : kNull;
        }
        return kNull;
    }
    const Value *found = current.find(s.name);
    return found ? *found : kNull;
}

const Value &access(const Node &node, const Value &row, Value &scratch, const EvalContext &context)
{
    if (!node.base) {
        const Value *current = &row;
        for (const auto &s : node.steps) {
            current = &step(*current, s, row, context);
            if (current->isNull())
                return kNull;
        }
        return *current;
    }
    Value baseScratch;
    const Value *current = &evaluate(*node.base, row, baseScratch, context);
    for (const auto &s : node.steps) {
        current = &step(*current, s, row, context);
        if (current->isNull())
            return kNull;
    }
    if (current == &baseScratch) {
        scratch = std::move(baseScratch);
        return scratch;
    }
    // The result may live inside baseScratch, which dies with this frame.
    scratch = *current;
    return scratch;
}

const Value &set(Value &scratch, Value v)
{
    scratch = std::move(v);
    return scratch;
}


Value arithmetic(Op op, const Value &l, const Value &r)
{
    if (op == Op::Add && (l.isString() || r.isString()) && !l.isNull() && !r.isNull())
        return Value(toText(l) + toText(r));
    if (!l.isNumber() || !r.isNumber())
        return Value();
    if (l.isInt() && r.isInt()) {
        const std::int64_t a = l.toInt();
        const std::int64_t b = r.toInt();
        // On overflow the result widens to a double instead of wrapping.
        std::int64_t out = 0;
        switch (op) {
        case Op::Add:
            if (__builtin_add_overflow(a, b, &out))
                return Value(double(a) + double(b));
            return Value(out);
        case Op::Sub:
            if (__builtin_sub_overflow(a, b, &out))
                return Value(double(a) - double(b));
            return Value(out);
        case Op::Mul:
            if (__builtin_mul_overflow(a, b, &out))
                return Value(double(a) * double(b));
            return Value(out);
        case Op::Div:
            if (b == 0)
                return Value();
            if (b == -1 && a == std::numeric_limits<std::int64_t>::min())
                return Value(-double(a));
            if (a % b == 0)
                return Value(a / b);
            return Value(double(a) / double(b));
        case Op::Mod:
            if (b == 0)
                return Value();
            if (b == -1)
                return Value(std::int64_t(0));
            return Value(a % b);
        default:
            return Value();
        }
    }
    const double a = l.toDouble();
    const double b = r.toDouble();
    switch (op) {
    case Op::Add:
        return Value(a + b);
    case Op::Sub:
        return Value(a - b);
    case Op::Mul:
        return Value(a * b);
    case Op::Div:
        return b == 0.0 ? Value() : Value(a / b);
    case Op::Mod:
        return b == 0.0 ? Value() : Value(std::fmod(a, b));
    default:
        return Value();
    }
}

const Value &binary(const Node &node, const Value &row, Value &scratch, const EvalContext &context)
{
    Value ls;
    Value rs;
    const Value &l = evaluate(*node.args[0], row, ls, context);
    const Value &r = evaluate(*node.args[1], row, rs, context);
    switch (node.op) {
    case Op::Eq:
        return set(scratch, Value(compare(Comparison::Eq, l, r)));
    case Op::Ne:
        return set(scratch, Value(compare(Comparison::Ne, l, r)));
    case Op::Lt:
        return set(scratch, Value(compare(Comparison::Lt, l, r)));
    case Op::Le:
        return set(scratch, Value(compare(Comparison::Le, l, r)));
    case Op::Gt:
        return set(scratch, Value(compare(Comparison::Gt, l, r)));
    case Op::Ge:
        return set(scratch, Value(compare(Comparison::Ge, l, r)));
    default:
        return set(scratch, arithmetic(node.op, l, r));
    }
}

const Value &unary(const Node &node, const Value &row, Value &scratch, const EvalContext &context)
{
    Value s;
    const Value &v = evaluate(*node.args[0], row, s, context);
    switch (node.op) {
    case Op::Not:
        return set(scratch, Value(!isTruthy(v)));
    case Op::Neg:
        if (v.isInt()) {
            if (v.toInt() == std::numeric_limits<std::int64_t>::min())
                return set(scratch, Value(-v.toDouble()));
            return set(scratch, Value(-v.toInt()));
        }
        if (v.isDouble())
            return set(scratch, Value(-v.toDouble()));
        return kNull;
    case Op::Plus:
        return v.isNumber() ? set(scratch, Value(v)) : kNull;
    default:
        return kNull;
    }
}

std::optional<std::int64_t> integer(const Value &v)
{
    if (v.isInt())
        return v.toInt();
    if (v.isDouble() && std::isfinite(v.toDouble()) && std::fabs(v.toDouble()) < 9.2e18)
        return std::int64_t(v.toDouble());
    return std::nullopt;
}

std::string lowerUpper(const std::string &s, bool lower)
{
    bool ascii = true;
    for (const char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (!ascii) {
        const QString q = QString::fromStdString(s);
        return (lower ? q.toLower() : q.toUpper()).toStdString();
    }
    std::string out = s;
    for (char &c : out) {
        if (lower && c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
        else if (!lower && c >= 'a' && c <= 'z')
            c = char(c - 'a' + 'A');
    }
    return out;
}

std::int64_t codePoints(const std::string &s)
{
    std::int64_t n = 0;
    for (const char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            ++n;
    }
    return n;
}

std::int64_t fnv1a32(const std::string &s)
{
    std::uint32_t h = 2166136261u;
    for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 16777619u;
    }
    return std::int64_t(h);
}

Value splitString(const std::string &s, const std::string &separator)
{
    Array parts;
    if (separator.empty()) {
        parts.emplace_back(s);
        return Value(std::move(parts));
    }
    std::size_t start = 0;
    for (;;) {
        const auto at = s.find(separator, start);
        if (at == std::string::npos) {
            parts.emplace_back(s.substr(start));
            break;
        }
        parts.emplace_back(s.substr(start, at - start));
        start = at + separator.size();
    }
    return Value(std::move(parts));
}

Value optionalMs(std::optional<std::int64_t> ms)
{
    return ms ? Value(*ms) : Value();
}

Value dateFunction(const Value *const *a, std::size_t count, const EvalContext &context)
{
    std::int64_t parts[6] = {0, 1, 1, 0, 0, 0};
    for (std::size_t i = 0; i < count && i < 6; ++i) {
        const auto v = integer(*a[i]);
        if (!v)
            return Value();
        parts[i] = *v;
    }
    return optionalMs(timeutil::localTime(context.timeZone, parts[0], parts[1], parts[2], parts[3], parts[4],
                                          parts[5]));
}

Value dateAddFunction(const Value &t, const Value &n, const Value &unitName, const EvalContext &context)
{
    const auto ms = integer(t);
    const auto count = integer(n);
    const auto unit = timeutil::parseUnit(unitName.toString());
    if (!ms || !count || !unit)
        return Value();
    return optionalMs(timeutil::add(context.timeZone, *ms, *count, *unit));
}

Value startOfPeriodFunction(const Value &periodName, const Value &t, const EvalContext &context)
{
    const auto ms = integer(t);
    const auto unit = timeutil::parsePeriod(periodName.toString());
    if (!ms || !unit)
        return Value();
    return optionalMs(timeutil::startOf(context.timeZone, *ms, *unit));
}

bool isEmptyValue(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return true;
    case Value::Type::String:
        return v.toString().empty();
    case Value::Type::Array:
        return v.toArray().empty();
    case Value::Type::Object:
        return v.toObject().empty();
    default:
        return false;
    }
}

bool containsValue(const Value &haystack, const Value &needle)
{
    if (haystack.isString())
        return needle.isString() && haystack.toString().find(needle.toString()) != std::string::npos;
    for (const auto &item : haystack.toArray()) {
        if (item == needle)
            return true;
    }
    return false;
}

Value lengthOf(const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null:
        return Value(std::int64_t(0));
    case Value::Type::String:
        return Value(codePoints(v.toString()));
    case Value::Type::Array:
        return Value(std::int64_t(v.toArray().size()));
    case Value::Type::Object:
        return Value(std::int64_t(v.toObject().size()));
    default:
        return Value();
    }
}

const Value &call(const Node &node, const Value &row, Value &scratch, const EvalContext &context)
{
    if (node.func == Func::If) {
        Value cs;
        const bool condition = isTruthy(evaluate(*node.args[0], row, cs, context));
        return evaluate(*node.args[condition ? 1 : 2], row, scratch, context);
    }
    if (node.func == Func::Now)
        return set(scratch, Value(context.nowMs));
    if (node.func == Func::List) {
        Array items;
        items.reserve(node.args.size());
        for (const auto &arg : node.args) {
            Value s;
            items.push_back(evaluate(*arg, row, s, context));
        }
        return set(scratch, Value(std::move(items)));
    }

    // Apart from list(), the parser caps every function at six arguments.
    Value argScratch[6];
    const Value *a[6] = {};
    const std::size_t count = std::min<std::size_t>(node.args.size(), 6);
    for (std::size_t i = 0; i < count; ++i)
        a[i] = &evaluate(*node.args[i], row, argScratch[i], context);

    switch (node.func) {
    case Func::Date:
        return set(scratch, dateFunction(a, count, context));
    case Func::DateAdd:
        return set(scratch, dateAddFunction(*a[0], *a[1], *a[2], context));
    case Func::StartOfPeriod:
        return set(scratch, startOfPeriodFunction(*a[0], *a[1], context));
    case Func::IsNull:
        return set(scratch, Value(a[0]->isNull()));
    case Func::IsEmpty:
        return set(scratch, Value(isEmptyValue(*a[0])));
    case Func::Contains:
        return set(scratch, Value(containsValue(*a[0], *a[1])));
    case Func::StartsWith:
        return set(scratch, Value(a[0]->isString() && a[1]->isString()
                                  && a[0]->toString().starts_with(a[1]->toString())));
    case Func::EndsWith:
        return set(scratch, Value(a[0]->isString() && a[1]->isString()
                                  && a[0]->toString().ends_with(a[1]->toString())));
    case Func::ToLowerCase:
    case Func::ToUpperCase:
        if (!a[0]->isString())
            return kNull;
        return set(scratch, Value(lowerUpper(a[0]->toString(), node.func == Func::ToLowerCase)));
    case Func::ToString:
        return set(scratch, Value(toText(*a[0])));
    case Func::Len:
        return set(scratch, lengthOf(*a[0]));
    case Func::Hash:
        return set(scratch, Value(fnv1a32(toText(*a[0]))));
    case Func::Split:
        if (!a[0]->isString() || !a[1]->isString())
            return kNull;
        return set(scratch, splitString(a[0]->toString(), a[1]->toString()));
    case Func::Now:
    case Func::If:
    case Func::List:
        break;
    }
    return kNull;
}

} // namespace

const Value &evaluate(const Node &node, const Value &row, Value &scratch, const EvalContext &context)
{
    switch (node.kind) {
    case Kind::Literal:
        return node.literal;
    case Kind::Access:
        return access(node, row, scratch, context);
    case Kind::Unary:
        return unary(node, row, scratch, context);
    case Kind::Binary:
        return binary(node, row, scratch, context);
    case Kind::And: {
        Value s;
        if (!isTruthy(evaluate(*node.args[0], row, s, context)))
            return set(scratch, Value(false));
        return set(scratch, Value(isTruthy(evaluate(*node.args[1], row, s, context))));
    }
    case Kind::Or: {
        Value s;
        if (isTruthy(evaluate(*node.args[0], row, s, context)))
            return set(scratch, Value(true));
        return set(scratch, Value(isTruthy(evaluate(*node.args[1], row, s, context))));
    }
    case Kind::Call:
        return call(node, row, scratch, context);
    }
    return kNull;
}

} // namespace pendosim::expr
