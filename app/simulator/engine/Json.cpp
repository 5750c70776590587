#include "Json.h"

#include "Utf8.h"

#include <charconv>
#include <cstdint>

namespace pendosim {

namespace {

constexpr int kMaxDepth = 512;

/** Recursive-descent reader over one document; lives on the stack of parseJson. */
class JsonReader final
{
public:
    explicit JsonReader(std::string_view text) : m_text(text) { }

    std::optional<Value> document()
    {
        skipSpace();
        Value v;
        if (!value(v, 0))
            return std::nullopt;
        skipSpace();
        if (m_pos != m_text.size())
            return fail("unexpected data after the document");
        return v;
    }

    const std::string &error() const { return m_error; }

private:
    std::nullopt_t fail(std::string_view what)
    {
        if (m_error.empty()) {
            m_error = "invalid JSON: ";
            m_error += what;
            m_error += " at offset ";
            m_error += std::to_string(m_pos);
        }
        return std::nullopt;
    }

    bool failed(std::string_view what)
    {
        fail(what);
        return false;
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return m_text[m_pos]; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = peek();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    bool literal(std::string_view word)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return failed("unexpected character");
        m_pos += word.size();
        return true;
    }

    bool value(Value &out, int depth)
    {
        if (atEnd())
            return failed("unexpected end of input");
        switch (peek()) {
        case '{':
            return object(out, depth + 1);
        case '[':
            return array(out, depth + 1);
        case '"': {
            std::string s;
            if (!string(s))
                return false;
            out = Value(std::move(s));
            return true;
        }
        case 't':
            out = Value(true);
            return literal("true");
        case 'f':
            out = Value(false);
            return literal("false");
        case 'n':
            out = Value();
            return literal("null");
        default:
            return number(out);
        }
    }

    bool object(Value &out, int depth)
    {
        if (depth > kMaxDepth)
            return failed("nesting too deep");
        ++m_pos; // '{'
        Object obj;
        skipSpace();
        if (!atEnd() && peek() == '}') {
            ++m_pos;
            out = Value(std::move(obj));
            return true;
        }
        for (;;) {
            skipSpace();
            if (atEnd() || peek() != '"')
                return failed("expected a string key");
            std::string key;
            if (!string(key))
                return false;
            skipSpace();
            if (atEnd() || peek() != ':')
                return failed("expected ':'");
            ++m_pos;
            skipSpace();
            Value member;
            if (!value(member, depth))
                return false;
            bool replaced = false;
            for (auto &existing : obj) {
                if (existing.first == key) {
                    existing.second = std::move(member);
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                obj.emplace_back(std::move(key), std::move(member));
            skipSpace();
            if (atEnd())
                return failed("unexpected end of input");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == '}') {
                ++m_pos;
                out = Value(std::move(obj));
                return true;
            }
            return failed("expected ',' or '}'");
        }
    }

    bool array(Value &out, int depth)
    {
        if (depth > kMaxDepth)
            return failed("nesting too deep");
        ++m_pos; // '['
        Array arr;
        skipSpace();
        if (!atEnd() && peek() == ']') {
            ++m_pos;
            out = Value(std::move(arr));
            return true;
        }
        for (;;) {
            skipSpace();
            Value item;
            if (!value(item, depth))
                return false;
            arr.push_back(std::move(item));
            skipSpace();
            if (atEnd())
                return failed("unexpected end of input");
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == ']') {
                ++m_pos;
                out = Value(std::move(arr));
                return true;
            }
            return failed("expected ',' or ']'");
        }
    }

    bool number(Value &out)
    {
        const std::size_t start = m_pos;
        auto digit = [this] { return !atEnd() && peek() >= '0' && peek() <= '9'; };
        if (!atEnd() && peek() == '-')
            ++m_pos;
        if (!digit())
            return failed("unexpected character");
        if (peek() == '0') {
            ++m_pos;
            if (digit())
                return failed("leading zero in a number");
        } else {
            while (digit())
                ++m_pos;
        }
        bool integral = true;
        if (!atEnd() && peek() == '.') {
            integral = false;
            ++m_pos;
            if (!digit())
                return failed("expected a digit after '.'");
            while (digit())
                ++m_pos;
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            integral = false;
            ++m_pos;
            if (!atEnd() && (peek() == '+' || peek() == '-'))
                ++m_pos;
            if (!digit())
                return failed("expected a digit in the exponent");
            while (digit())
                ++m_pos;
        }
        const char *first = m_text.data() + start;
        const char *last = m_text.data() + m_pos;
        if (integral) {
            std::int64_t i = 0;
            const auto res = std::from_chars(first, last, i);
            if (res.ec == std::errc() && res.ptr == last) {
                out = Value(i);
                return true;
            }
        }
        double d = 0;
        const auto res = std::from_chars(first, last, d);
        if (res.ptr != last || (res.ec != std::errc() && res.ec != std::errc::result_out_of_range))
            return failed("invalid number");
        out = Value(d);
        return true;
    }

    bool hex4(std::uint32_t &cp)
    {
        if (m_pos + 4 > m_text.size())
            return failed("truncated \\u escape");
        cp = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_pos++];
            cp <<= 4;
            if (c >= '0' && c <= '9')
                cp |= std::uint32_t(c - '0');
            else if (c >= 'a' && c <= 'f')
                cp |= std::uint32_t(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                cp |= std::uint32_t(c - 'A' + 10);
            else
                return failed("invalid \\u escape");
        }
        return true;
    }

    // Validates one UTF-8 sequence starting at m_pos (a byte >= 0x80) and copies it.
    bool utf8Sequence(std::string &s)
    {
        const auto lead = static_cast<unsigned char>(m_text[m_pos]);
        int extra = 0;
        std::uint32_t cp = 0;
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
            cp = lead & 0x1F;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            cp = lead & 0x0F;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            cp = lead & 0x07;
        } else {
            return failed("invalid UTF-8");
        }
        if (m_pos + std::size_t(extra) >= m_text.size())
            return failed("invalid UTF-8");
        for (int i = 1; i <= extra; ++i) {
            const auto c = static_cast<unsigned char>(m_text[m_pos + std::size_t(i)]);
            if ((c & 0xC0) != 0x80)
                return failed("invalid UTF-8");
            cp = (cp << 6) | (c & 0x3F);
        }
        const bool overlong = (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return failed("invalid UTF-8");
        s.append(m_text.data() + m_pos, std::size_t(extra) + 1);
        m_pos += std::size_t(extra) + 1;
        return true;
    }

    bool string(std::string &s)
    {
        ++m_pos; // opening quote
        for (;;) {
            const std::size_t runStart = m_pos;
            while (!atEnd()) {
                const auto c = static_cast<unsigned char>(peek());
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                    break;
                ++m_pos;
            }
            s.append(m_text.data() + runStart, m_pos - runStart);
            if (atEnd())
                return failed("unterminated string");
            const auto c = static_cast<unsigned char>(peek());
            if (c == '"') {
                ++m_pos;
                return true;
            }
            if (c < 0x20)
                return failed("control character in a string");
            if (c >= 0x80) {
                if (!utf8Sequence(s))
                    return false;
                continue;
            }
            // Backslash escape.
            ++m_pos;
            if (atEnd())
                return failed("unterminated string");
            const char e = m_text[m_pos++];
            switch (e) {
            case '"':
                s += '"';
                break;
            case '\\':
                s += '\\';
                break;
            case '/':
                s += '/';
                break;
            case 'b':
                s += '\b';
                break;
            case 'f':
                s += '\f';
                break;
            case 'n':
                s += '\n';
                break;
            case 'r':
                s += '\r';
                break;
            case 't':
                s += '\t';
                break;
            case 'u': {
                std::uint32_t cp = 0;
                if (!hex4(cp))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    std::uint32_t low = 0;
                    if (m_text.substr(m_pos, 2) != "\\u")
                        return failed("unpaired surrogate in \\u escape");
                    m_pos += 2;
                    if (!hex4(low))
                        return false;
                    if (low < 0xDC00 || low > 0xDFFF)
                        return failed("unpaired surrogate in \\u escape");
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    return failed("unpaired surrogate in \\u escape");
                }
                appendUtf8(s, cp);
                break;
            }
            default:
                --m_pos;
                return failed("invalid escape");
            }
        }
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::string m_error;
};

} // namespace

std::optional<Value> parseJson(std::string_view text, std::string *error)
{
    JsonReader reader(text);
    auto result = reader.document();
    if (!result && error)
        *error = reader.error();
    return result;
}

} // namespace pendosim
