#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pendosim {

class Value;

/** An ordered list of (key, value) members: rows are small, so a vector beats a hash map. */
using Object = std::vector<std::pair<std::string, Value>>;
using Array = std::vector<Value>;

/**
 * A JSON value as the simulator's pipeline sees it: null, bool, 64-bit integer, double, UTF-8
 * string, array or object. Cheap to move; used on whichever thread runs a request.
 */
class Value final
{
public:
#if defined(__GNUC__) && !defined(__clang__)
    // GCC before 13 reports scoped enumerators as shadowing the Array/Object aliases above.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
#endif
    enum class Type { Null, Bool, Int, Double, String, Array, Object };
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

    Value() = default;
    Value(std::nullptr_t) { }
    Value(bool b) : m_data(b) { }
    Value(int i) : m_data(std::int64_t(i)) { }
    Value(std::int64_t i) : m_data(i) { }
    Value(double d) : m_data(d) { }
    Value(std::string s) : m_data(std::move(s)) { }
    Value(std::string_view s) : m_data(std::string(s)) { }
    Value(const char *s) : m_data(std::string(s)) { }
    Value(Array a) : m_data(std::make_shared<Array>(std::move(a))) { }
    Value(Object o) : m_data(std::make_shared<Object>(std::move(o))) { }

    Type type() const { return static_cast<Type>(m_data.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isDouble() const { return type() == Type::Double; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isString() const { return type() == Type::String; }
    bool isArray() const { return type() == Type::Array; }
    bool isObject() const { return type() == Type::Object; }

    bool toBool() const { return isBool() ? std::get<bool>(m_data) : false; }
    std::int64_t toInt() const
    {
        if (isInt())
            return std::get<std::int64_t>(m_data);
        if (isDouble())
            return static_cast<std::int64_t>(std::get<double>(m_data));
        return 0;
    }
    double toDouble() const
    {
        if (isDouble())
            return std::get<double>(m_data);
        if (isInt())
            return static_cast<double>(std::get<std::int64_t>(m_data));
        return 0.0;
    }
    const std::string &toString() const
    {
        static const std::string empty;
        return isString() ? std::get<std::string>(m_data) : empty;
    }
    const Array &toArray() const
    {
        static const Array empty;
        return isArray() ? *std::get<std::shared_ptr<Array>>(m_data) : empty;
    }
    const Object &toObject() const
    {
        static const Object empty;
        return isObject() ? *std::get<std::shared_ptr<Object>>(m_data) : empty;
    }

    /** Mutable access; detaches a shared array/object first (copy on write). */
    Array &array();
    Object &object();

    /** Member lookup on objects; nullptr when absent or not an object. */
    const Value *find(std::string_view key) const;
    /** Dot-path lookup ("metadata.auto.lastupdated"); nullptr when any step is missing. */
    const Value *path(std::string_view dotted) const;
    /** Sets a member, replacing an existing one; creates missing intermediate objects for dot paths. */
    void set(std::string_view dottedKey, Value v);

    /** Compact JSON, numbers as Pendo prints them (integers without a fraction). */
    void appendJson(std::string &out) const;
    std::string toJson() const
    {
        std::string s;
        appendJson(s);
        return s;
    }

    friend bool operator==(const Value &a, const Value &b);

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, std::shared_ptr<Array>,
                 std::shared_ptr<Object>>
        m_data;
};

} // namespace pendosim
