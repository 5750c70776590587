#pragma once

#include "Value.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pendosim::expr {

enum class Tok { End, Number, String, Ident, Punct };

struct Token
{
    Tok kind = Tok::End;
    std::size_t pos = 0;
    std::string_view text; // as written
    Value value;           // Number / String
};

/** A syntax error at a byte offset; the parser turns it into an EngineError with the full message. */
struct SyntaxError
{
    std::size_t pos;
    std::string message;
};

/** Splits an expression into tokens; owned by one parse, on the parsing thread. */
class Lexer final
{
public:
    explicit Lexer(std::string_view text) : m_text(text) { }

    /** The next token; throws SyntaxError on characters the language does not have. */
    Token next();

private:
    Token number(Token &t);
    Token quoted(Token &t);
    Token backtick(Token &t);
    std::uint32_t hex4();
    void unicodeEscape(std::string &s);

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace pendosim::expr
