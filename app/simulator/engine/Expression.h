#pragma once

#include "Value.h"

#include <QTimeZone>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace pendosim {

/** What one request evaluates against besides the row: its clock reading and the subscription time zone. */
struct EvalContext
{
    std::int64_t nowMs = 0;
    QTimeZone timeZone = QTimeZone::utc();
};

namespace expr {
struct Node;
}

/**
 * One compiled expression of the aggregation language (filter, select, eval, sort keys,
 * aggregator arguments, timeSeries bounds). Parsed once per request, evaluated per row;
 * constant sub-expressions (now(), date(2026, 1, 1), 30 * 1000) are folded while parsing.
 * Immutable after parse, so one instance may be evaluated from several threads; the context
 * it was parsed with must outlive it.
 */
class Expression final
{
public:
    /**
     * Parses text. On a syntax error throws EngineError (400) whose message reads
     * `<what>: <problem> at column <n> in "<text>"`.
     */
    static Expression parse(std::string_view text, const EvalContext &context, std::string_view what);

    Expression(Expression &&) noexcept;
    Expression &operator=(Expression &&) noexcept;
    ~Expression();

    /** The value for row; missing fields read as null. */
    Value evaluate(const Value &row) const;
    /** Like evaluate() but avoids copies: the result refers into row, the expression or scratch. */
    const Value &evaluateRef(const Value &row, Value &scratch) const;
    /** Truthiness of the value, as filter uses it. */
    bool test(const Value &row) const;

    /** True when the expression needs no row (a literal after folding). */
    bool isConstant() const;
    /** The field name when the expression is just a top-level field ("visitorId"), else empty. */
    std::string_view plainField() const;
    /** The source text as written. */
    const std::string &text() const { return m_text; }

private:
    Expression(std::string text, std::unique_ptr<expr::Node> root, const EvalContext *context);

    std::string m_text;
    std::unique_ptr<expr::Node> m_root;
    const EvalContext *m_context = nullptr;
};

} // namespace pendosim
