#include "Value.h"

#include <charconv>
#include <cmath>

namespace pendosim {

namespace {

const char kHexDigits[] = "0123456789abcdef";

void appendEscaped(std::string &out, std::string_view s)
{
    out += '"';
    std::size_t runStart = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(s.data() + runStart, i - runStart);
        runStart = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        default:
            out += "\\u00";
            out += kHexDigits[c >> 4];
            out += kHexDigits[c & 0xf];
            break;
        }
    }
    out.append(s.data() + runStart, s.size() - runStart);
    out += '"';
}

void appendInt(std::string &out, std::int64_t i)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, i);
    out.append(buf, res.ptr);
}

void appendDouble(std::string &out, double d)
{
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, res.ptr);
}

// Splits "a.b.c" lazily: returns the segment before the first dot and advances rest past it.
std::string_view nextSegment(std::string_view &rest)
{
    const auto dot = rest.find('.');
    if (dot == std::string_view::npos) {
        const auto seg = rest;
        rest = {};
        return seg;
    }
    const auto seg = rest.substr(0, dot);
    rest.remove_prefix(dot + 1);
    return seg;
}

bool numbersEqual(const Value &a, const Value &b)
{
    if (a.isInt() && b.isInt())
        return a.toInt() == b.toInt();
    return a.toDouble() == b.toDouble();
}

} // namespace

Array &Value::array()
{
    if (!isArray())
        m_data = std::make_shared<Array>();
    auto &ptr = std::get<std::shared_ptr<Array>>(m_data);
    if (ptr.use_count() > 1)
        ptr = std::make_shared<Array>(*ptr);
    return *ptr;
}

Object &Value::object()
{
    if (!isObject())
        m_data = std::make_shared<Object>();
    auto &ptr = std::get<std::shared_ptr<Object>>(m_data);
    if (ptr.use_count() > 1)
        ptr = std::make_shared<Object>(*ptr);
    return *ptr;
}

const Value *Value::find(std::string_view key) const
{
    if (!isObject())
        return nullptr;
    for (const auto &member : *std::get<std::shared_ptr<Object>>(m_data)) {
        if (member.first == key)
            return &member.second;
    }
    return nullptr;
}

const Value *Value::path(std::string_view dotted) const
{
    const Value *cur = this;
    std::string_view rest = dotted;
    do {
        cur = cur->find(nextSegment(rest));
    } while (cur && !rest.empty());
    return cur;
}

void Value::set(std::string_view dottedKey, Value v)
{
    Value *cur = this;
    std::string_view rest = dottedKey;
    for (;;) {
        const auto seg = nextSegment(rest);
        Object &obj = cur->object();
        Value *slot = nullptr;
        for (auto &member : obj) {
            if (member.first == seg) {
                slot = &member.second;
                break;
            }
        }
        if (!slot) {
            obj.emplace_back(std::string(seg), Value());
            slot = &obj.back().second;
        }
        if (rest.empty()) {
            *slot = std::move(v);
            return;
        }
        cur = slot;
    }
}

void Value::appendJson(std::string &out) const
{
    switch (type()) {
    case Type::Null:
        out += "null";
        break;
    case Type::Bool:
        out += std::get<bool>(m_data) ? "true" : "false";
        break;
    case Type::Int:
        appendInt(out, std::get<std::int64_t>(m_data));
        break;
    case Type::Double:
        appendDouble(out, std::get<double>(m_data));
        break;
    case Type::String:
        appendEscaped(out, std::get<std::string>(m_data));
        break;
    case Type::Array: {
        out += '[';
        bool first = true;
        for (const auto &item : toArray()) {
            if (!first)
                out += ',';
            first = false;
            item.appendJson(out);
        }
        out += ']';
        break;
    }
    case Type::Object: {
        out += '{';
        bool first = true;
        for (const auto &member : toObject()) {
            if (!first)
                out += ',';
            first = false;
            appendEscaped(out, member.first);
            out += ':';
            member.second.appendJson(out);
        }
        out += '}';
        break;
    }
    }
}

bool operator==(const Value &a, const Value &b)
{
    if (a.isNumber() && b.isNumber())
        return numbersEqual(a, b);
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Value::Type::Null:
        return true;
    case Value::Type::Bool:
        return a.toBool() == b.toBool();
    case Value::Type::String:
        return a.toString() == b.toString();
    case Value::Type::Array:
        return a.toArray() == b.toArray();
    case Value::Type::Object: {
        const Object &x = a.toObject();
        const Object &y = b.toObject();
        if (x.size() != y.size())
            return false;
        // Member order carries no meaning in JSON.
        for (const auto &member : x) {
            const Value *other = b.find(member.first);
            if (!other || !(member.second == *other))
                return false;
        }
        return true;
    }
    case Value::Type::Int:
    case Value::Type::Double:
        break;
    }
    return false;
}

} // namespace pendosim
