#include "EngineError.h"
#include "Expression.h"
#include "ExpressionLexer.h"
#include "ExpressionNodes.h"
#include "TimeUtil.h"
#include "ValueOps.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace pendosim {

namespace {

using expr::Func;
using expr::Kind;
using expr::Node;
using expr::Op;
using NodePtr = std::unique_ptr<Node>;
using expr::Lexer;
using expr::SyntaxError;
using expr::Tok;
using expr::Token;

// list() is the only function taking any number of arguments; a bound keeps one call's work small.
constexpr int kMaxListArgs = 1000;

struct FunctionInfo
{
    std::string_view name;
    Func func;
    int minArgs;
    int maxArgs;
};

constexpr FunctionInfo kFunctions[] = {
    {"now", Func::Now, 0, 0},
    {"date", Func::Date, 3, 6},
    {"dateAdd", Func::DateAdd, 3, 3},
    {"startOfPeriod", Func::StartOfPeriod, 2, 2},
    {"isNull", Func::IsNull, 1, 1},
    {"isNil", Func::IsNull, 1, 1},
    {"isEmpty", Func::IsEmpty, 1, 1},
    {"contains", Func::Contains, 2, 2},
    {"startsWith", Func::StartsWith, 2, 2},
    {"endsWith", Func::EndsWith, 2, 2},
    {"toLowerCase", Func::ToLowerCase, 1, 1},
    {"toUpperCase", Func::ToUpperCase, 1, 1},
    {"toString", Func::ToString, 1, 1},
    {"len", Func::Len, 1, 1},
    {"hash", Func::Hash, 1, 1},
    {"if", Func::If, 3, 3},
    {"split", Func::Split, 2, 2},
    {"list", Func::List, 0, kMaxListArgs},
};

class Parser final
{
public:
    Parser(std::string_view text, const EvalContext &context) : m_lexer(text), m_context(context) { advance(); }

    NodePtr parseAll()
    {
        NodePtr root = orExpr();
        if (m_tok.kind != Tok::End)
            unexpected();
        return root;
    }

private:
    void advance() { m_tok = m_lexer.next(); }

    bool isPunct(std::string_view p) const { return m_tok.kind == Tok::Punct && m_tok.text == p; }

    [[noreturn]] void unexpected() const
    {
        if (m_tok.kind == Tok::End)
            throw SyntaxError{m_tok.pos, "unexpected end of expression"};
        throw SyntaxError{m_tok.pos, "unexpected '" + std::string(m_tok.text) + "'"};
    }

    void expect(std::string_view p)
    {
        if (!isPunct(p))
            unexpected();
        advance();
    }

    // Every node that gains children passes through here (or through postfix()).
    void measure(Node &node, std::size_t pos) const
    {
        int deepest = 0;
        for (const auto &arg : node.args)
            deepest = std::max(deepest, arg->depth);
        if (node.base)
            deepest = std::max(deepest, node.base->depth);
        for (const auto &step : node.steps) {
            if (step.computed)
                deepest = std::max(deepest, step.computed->depth);
        }
        node.depth = deepest + 1;
        if (node.depth > expr::kMaxDepth)
            throw SyntaxError{pos, "expression is nested too deeply"};
    }

    NodePtr fold(NodePtr node)
    {
        for (const auto &arg : node->args) {
            if (arg->kind != Kind::Literal)
                return node;
        }
        Value scratch;
        Value result = expr::evaluate(*node, Value(), scratch, m_context);
        auto literal = std::make_unique<Node>();
        literal->literal = std::move(result);
        return literal;
    }

    NodePtr binary(Kind kind, Op op, std::size_t pos, NodePtr lhs, NodePtr rhs)
    {
        auto node = std::make_unique<Node>();
        node->kind = kind;
        node->op = op;
        node->args.push_back(std::move(lhs));
        node->args.push_back(std::move(rhs));
        measure(*node, pos);
        return fold(std::move(node));
    }

    NodePtr orExpr()
    {
        NodePtr lhs = andExpr();
        while (isPunct("||")) {
            const std::size_t pos = m_tok.pos;
            advance();
            lhs = binary(Kind::Or, Op::Not, pos, std::move(lhs), andExpr());
        }
        return lhs;
    }

    NodePtr andExpr()
    {
        NodePtr lhs = equality();
        while (isPunct("&&")) {
            const std::size_t pos = m_tok.pos;
            advance();
            lhs = binary(Kind::And, Op::Not, pos, std::move(lhs), equality());
        }
        return lhs;
    }

    NodePtr equality()
    {
        NodePtr lhs = relational();
        for (;;) {
            Op op;
            if (isPunct("=="))
                op = Op::Eq;
            else if (isPunct("!="))
                op = Op::Ne;
            else
                return lhs;
            const std::size_t pos = m_tok.pos;
            advance();
            lhs = binary(Kind::Binary, op, pos, std::move(lhs), relational());
        }
    }

    NodePtr relational()
    {
        NodePtr lhs = additive();
        for (;;) {
            Op op;
            if (isPunct("<"))
                op = Op::Lt;
            else if (isPunct("<="))
                op = Op::Le;
            else if (isPunct(">"))
                op = Op::Gt;
            else if (isPunct(">="))
                op = Op::Ge;
            else
                return lhs;
            const std::size_t pos = m_tok.pos;
            advance();
            lhs = binary(Kind::Binary, op, pos, std::move(lhs), additive());
        }
    }

    NodePtr additive()
    {
        NodePtr lhs = multiplicative();
        for (;;) {
            Op op;
            if (isPunct("+"))
                op = Op::Add;
            else if (isPunct("-"))
                op = Op::Sub;
            else
                return lhs;
            const std::size_t pos = m_tok.pos;
            advance();
            lhs = binary(Kind::Binary, op, pos, std::move(lhs), multiplicative());
        }
    }

    NodePtr multiplicative()
    {
        NodePtr lhs = unary();
        for (;;) {
            Op op;
            if (isPunct("*"))
                op = Op::Mul;
            else if (isPunct("/"))
                op = Op::Div;
            else if (isPunct("%"))
                op = Op::Mod;
            else
                return lhs;
            const std::size_t pos = m_tok.pos;
            advance();
            lhs = binary(Kind::Binary, op, pos, std::move(lhs), unary());
        }
    }

    NodePtr unary()
    {
        Op op;
        if (isPunct("!"))
            op = Op::Not;
        else if (isPunct("-"))
            op = Op::Neg;
        else if (isPunct("+"))
            op = Op::Plus;
        else
            return postfix();
        const std::size_t pos = m_tok.pos;
        advance();
        auto node = std::make_unique<Node>();
        node->kind = Kind::Unary;
        node->op = op;
        if (++m_nesting > expr::kMaxDepth)
            throw SyntaxError{pos, "expression is nested too deeply"};
        node->args.push_back(unary());
        --m_nesting;
        measure(*node, pos);
        return fold(std::move(node));
    }

    NodePtr postfix()
    {
        NodePtr node = primary();
        while (isPunct(".") || isPunct("[")) {
            if (node->kind != Kind::Access) {
                auto access = std::make_unique<Node>();
                access->kind = Kind::Access;
                access->base = std::move(node);
                node = std::move(access);
            }
            expr::Step step;
            if (isPunct(".")) {
                advance();
                if (m_tok.kind != Tok::Ident)
                    unexpected();
                step.name = std::string(m_tok.text);
                advance();
            } else {
                if (++m_nesting > expr::kMaxDepth)
                    throw SyntaxError{m_tok.pos, "expression is nested too deeply"};
                advance();
                NodePtr index = orExpr();
                expect("]");
                --m_nesting;
                if (index->kind == Kind::Literal && index->literal.isInt())
                    step.index = index->literal.toInt() < 0 ? std::int64_t(-2) : index->literal.toInt();
                else if (index->kind == Kind::Literal && index->literal.isString())
                    step.name = index->literal.toString();
                else
                    step.computed = std::move(index);
            }
            node->steps.push_back(std::move(step));
            measure(*node, m_tok.pos);
        }
        return node;
    }

    NodePtr primary()
    {
        if (m_tok.kind == Tok::Number || m_tok.kind == Tok::String) {
            auto node = std::make_unique<Node>();
            node->literal = std::move(m_tok.value);
            advance();
            return node;
        }
        if (isPunct("(")) {
            if (++m_nesting > expr::kMaxDepth)
                throw SyntaxError{m_tok.pos, "expression is nested too deeply"};
            advance();
            NodePtr inner = orExpr();
            expect(")");
            --m_nesting;
            return inner;
        }
        if (m_tok.kind != Tok::Ident)
            unexpected();
        const Token name = m_tok;
        advance();
        if (isPunct("("))
            return call(name);
        auto node = std::make_unique<Node>();
        if (name.text == "true" || name.text == "false") {
            node->literal = Value(name.text == "true");
            return node;
        }
        if (name.text == "null" || name.text == "nil")
            return node;
        node->kind = Kind::Access;
        expr::Step step;
        step.name = std::string(name.text);
        node->steps.push_back(std::move(step));
        return node;
    }

    NodePtr call(const Token &name)
    {
        const FunctionInfo *info = nullptr;
        for (const auto &candidate : kFunctions) {
            if (candidate.name == name.text)
                info = &candidate;
        }
        if (!info)
            throw SyntaxError{name.pos, "unknown function '" + std::string(name.text) + "'"};
        if (++m_nesting > expr::kMaxDepth)
            throw SyntaxError{name.pos, "expression is nested too deeply"};
        advance(); // '('
        auto node = std::make_unique<Node>();
        node->kind = Kind::Call;
        node->func = info->func;
        if (!isPunct(")")) {
            for (;;) {
                node->args.push_back(orExpr());
                if (isPunct(",")) {
                    advance();
                    continue;
                }
                break;
            }
        }
        expect(")");
        --m_nesting;
        measure(*node, name.pos);
        const int count = int(node->args.size());
        if (count < info->minArgs || count > info->maxArgs) {
            std::string what = std::string(info->name) + "() takes ";
            if (info->minArgs == info->maxArgs)
                what += std::to_string(info->minArgs);
            else
                what += std::to_string(info->minArgs) + " to " + std::to_string(info->maxArgs);
            what += info->maxArgs == 1 ? " argument" : " arguments";
            throw SyntaxError{name.pos, what};
        }
        checkUnitArgument(*node, name.pos);
        return fold(std::move(node));
    }

    void checkUnitArgument(const Node &node, std::size_t pos) const
    {
        const Node *unit = nullptr;
        bool period = false;
        if (node.func == Func::DateAdd) {
            unit = node.args[2].get();
        } else if (node.func == Func::StartOfPeriod) {
            unit = node.args[0].get();
            period = true;
        }
        if (!unit || unit->kind != Kind::Literal)
            return;
        const std::string &name = unit->literal.toString();
        const bool ok = period ? timeutil::parsePeriod(name).has_value() : timeutil::parseUnit(name).has_value();
        if (!ok)
            throw SyntaxError{pos, "unknown " + std::string(period ? "period" : "unit") + " \"" + name + "\""};
    }

    Lexer m_lexer;
    const EvalContext &m_context;
    Token m_tok;
    int m_nesting = 0; // open parentheses and prefix operators, so recursion stays bounded too
};

} // namespace

Expression::Expression(std::string text, std::unique_ptr<expr::Node> root, const EvalContext *context)
    : m_text(std::move(text)), m_root(std::move(root)), m_context(context)
{
}

Expression::Expression(Expression &&) noexcept = default;
Expression &Expression::operator=(Expression &&) noexcept = default;
Expression::~Expression() = default;

Expression Expression::parse(std::string_view text, const EvalContext &context, std::string_view what)
{
    try {
        Parser parser(text, context);
        return Expression(std::string(text), parser.parseAll(), &context);
    } catch (const SyntaxError &e) {
        std::string message;
        if (!what.empty()) {
            message += what;
            message += ": ";
        }
        message += e.message;
        message += " at column " + std::to_string(e.pos + 1) + " in \"";
        message += text;
        message += '"';
        throw EngineError(400, std::move(message));
    }
}

Value Expression::evaluate(const Value &row) const
{
    Value scratch;
    const Value &result = expr::evaluate(*m_root, row, scratch, *m_context);
    if (&result == &scratch)
        return scratch;
    return result;
}

const Value &Expression::evaluateRef(const Value &row, Value &scratch) const
{
    return expr::evaluate(*m_root, row, scratch, *m_context);
}

bool Expression::test(const Value &row) const
{
    Value scratch;
    return isTruthy(expr::evaluate(*m_root, row, scratch, *m_context));
}

std::string_view Expression::plainField() const
{
    if (m_root->kind != expr::Kind::Access || m_root->base || m_root->steps.size() != 1)
        return {};
    const expr::Step &step = m_root->steps.front();
    if (step.index != -1 || step.computed)
        return {};
    return step.name;
}

bool Expression::isConstant() const
{
    return m_root->kind == expr::Kind::Literal;
}

} // namespace pendosim
