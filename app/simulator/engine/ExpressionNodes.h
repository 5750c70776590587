#pragma once

#include "Expression.h"
#include "Value.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace pendosim::expr {

enum class Kind { Literal, Access, Unary, Binary, And, Or, Call };

enum class Op { Not, Neg, Plus, Add, Sub, Mul, Div, Mod, Eq, Ne, Lt, Le, Gt, Ge };

enum class Func {
    Now,
    Date,
    DateAdd,
    StartOfPeriod,
    IsNull,
    IsEmpty,
    Contains,
    StartsWith,
    EndsWith,
    ToLowerCase,
    ToUpperCase,
    ToString,
    Len,
    Hash,
    If,
    Split,
    List,
};

/** One step of a field path: a member name, a constant index or a computed one. */
struct Step
{
    std::string name;
    std::int64_t index = -1;
    std::unique_ptr<Node> computed;
};

/** A node of the parsed expression tree; built by the parser, read-only afterwards. */
struct Node
{
    Kind kind = Kind::Literal;
    Op op = Op::Not;
    Func func = Func::Now;
    Value literal;
    std::unique_ptr<Node> base; // Access: computed base, or null for the row itself
    std::vector<Step> steps;    // Access
    std::vector<std::unique_ptr<Node>> args;
    /** Height of the subtree; bounded so evaluation cannot exhaust the stack. */
    int depth = 1;
};

/** Deepest expression tree the parser accepts. */
inline constexpr int kMaxDepth = 200;

/** Evaluates node for row; the result refers into row, the tree or scratch. */
const Value &evaluate(const Node &node, const Value &row, Value &scratch, const EvalContext &context);

} // namespace pendosim::expr
