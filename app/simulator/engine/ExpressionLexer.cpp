#include "ExpressionLexer.h"

#include "Utf8.h"

#include <charconv>
#include <cstdint>

namespace pendosim::expr {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

Token Lexer::next()
{
    while (m_pos < m_text.size() && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n'
                                     || m_text[m_pos] == '\r'))
        ++m_pos;
    Token t;
    t.pos = m_pos;
    if (m_pos >= m_text.size())
        return t;
    const char c = m_text[m_pos];
    if (isDigit(c) || (c == '.' && m_pos + 1 < m_text.size() && isDigit(m_text[m_pos + 1])))
        return number(t);
    if (c == '"')
        return quoted(t);
    if (c == '`')
        return backtick(t);
    if (isIdentStart(c)) {
        while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
            ++m_pos;
        t.kind = Tok::Ident;
        t.text = m_text.substr(t.pos, m_pos - t.pos);
        return t;
    }
    static constexpr std::string_view twoChar[] = {"==", "!=", "<=", ">=", "&&", "||"};
    for (auto op : twoChar) {
        if (m_text.substr(m_pos, 2) == op) {
            m_pos += 2;
            t.kind = Tok::Punct;
            t.text = op;
            return t;
        }
    }
    static constexpr std::string_view oneChar = "()[],.!<>+-*/%";
    if (oneChar.find(c) != std::string_view::npos) {
        ++m_pos;
        t.kind = Tok::Punct;
        t.text = m_text.substr(t.pos, 1);
        return t;
    }
    if (c == '=')
        throw SyntaxError{m_pos, "unexpected '=' (use '==' to compare)"};
    if (c == '&' || c == '|')
        throw SyntaxError{m_pos, std::string("unexpected '") + c + "' (use '" + c + c + "')"};
    if (c == '\'')
        throw SyntaxError{m_pos, "unexpected \"'\" (strings use double quotes or backticks)"};
    throw SyntaxError{m_pos, std::string("unexpected character '") + c + "'"};
}

Token Lexer::number(Token &t)
{
    bool integral = true;
    while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
        ++m_pos;
    if (m_pos < m_text.size() && m_text[m_pos] == '.') {
        integral = false;
        ++m_pos;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
    }
    if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
        std::size_t p = m_pos + 1;
        if (p < m_text.size() && (m_text[p] == '+' || m_text[p] == '-'))
            ++p;
        if (p < m_text.size() && isDigit(m_text[p])) {
            integral = false;
            m_pos = p;
            while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
                ++m_pos;
        }
    }
    if (m_pos < m_text.size() && isIdentStart(m_text[m_pos]))
        throw SyntaxError{m_pos, std::string("unexpected '") + m_text[m_pos] + "' after a number"};
    t.kind = Tok::Number;
    t.text = m_text.substr(t.pos, m_pos - t.pos);
    const char *first = t.text.data();
    const char *last = first + t.text.size();
    if (integral) {
        std::int64_t i = 0;
        const auto res = std::from_chars(first, last, i);
        if (res.ec == std::errc() && res.ptr == last) {
            t.value = Value(i);
            return t;
        }
    }
    double d = 0;
    std::from_chars(first, last, d);
    t.value = Value(d);
    return t;
}

Token Lexer::quoted(Token &t)
{
    ++m_pos;
    std::string s;
    for (;;) {
        if (m_pos >= m_text.size())
            throw SyntaxError{t.pos, "unterminated string"};
        const char c = m_text[m_pos];
        if (c == '"') {
            ++m_pos;
            break;
        }
        if (c != '\\') {
            s += c;
            ++m_pos;
            continue;
        }
        if (m_pos + 1 >= m_text.size())
            throw SyntaxError{t.pos, "unterminated string"};
        const char e = m_text[m_pos + 1];
        m_pos += 2;
        switch (e) {
        case '"':
        case '\\':
        case '/':
        case '`':
        case '\'':
            s += e;
            break;
        case 'n':
            s += '\n';
            break;
        case 't':
            s += '\t';
            break;
        case 'r':
            s += '\r';
            break;
        case 'b':
            s += '\b';
            break;
        case 'f':
            s += '\f';
            break;
        case 'u':
            unicodeEscape(s);
            break;
        default:
            throw SyntaxError{m_pos - 2, std::string("invalid escape '\\") + e + "'"};
        }
    }
    t.kind = Tok::String;
    t.text = m_text.substr(t.pos, m_pos - t.pos);
    t.value = Value(std::move(s));
    return t;
}

std::uint32_t Lexer::hex4()
{
    if (m_pos + 4 > m_text.size())
        throw SyntaxError{m_pos, "invalid \\u escape"};
    std::uint32_t cp = 0;
    for (int i = 0; i < 4; ++i) {
        const char h = m_text[m_pos + std::size_t(i)];
        cp <<= 4;
        if (isDigit(h))
            cp |= std::uint32_t(h - '0');
        else if (h >= 'a' && h <= 'f')
            cp |= std::uint32_t(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
            cp |= std::uint32_t(h - 'A' + 10);
        else
            throw SyntaxError{m_pos, "invalid \\u escape"};
    }
    m_pos += 4;
    return cp;
}

void Lexer::unicodeEscape(std::string &s)
{
    std::uint32_t cp = hex4();
    if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(m_pos, 2) == "\\u") {
        m_pos += 2;
        const std::uint32_t low = hex4();
        if (low < 0xDC00 || low > 0xDFFF)
            throw SyntaxError{m_pos - 6, "unpaired surrogate in \\u escape"};
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
        throw SyntaxError{m_pos - 6, "unpaired surrogate in \\u escape"};
    }
    appendUtf8(s, cp);
}

// Backtick strings are raw: everything up to the next backtick.
Token Lexer::backtick(Token &t)
{
    const auto close = m_text.find('`', m_pos + 1);
    if (close == std::string_view::npos)
        throw SyntaxError{t.pos, "unterminated string"};
    t.kind = Tok::String;
    t.value = Value(m_text.substr(m_pos + 1, close - m_pos - 1));
    m_pos = close + 1;
    t.text = m_text.substr(t.pos, m_pos - t.pos);
    return t;
}

} // namespace pendosim::expr
