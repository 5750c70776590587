#pragma once

#include "Value.h"

#include <cstddef>
#include <string>

namespace pendosim {

/** Truthiness used by filter, !, && and ||: false, null, 0, "", [] and {} are false. */
bool isTruthy(const Value &v);

/**
 * Total order used by sort, min and max: null < bool < number < string < array < object.
 * Numbers compare by value, strings bytewise. Returns <0, 0 or >0.
 */
int compareValues(const Value &a, const Value &b);

/** The comparison operators of the expression language (also used by switch). */
enum class Comparison { Eq, Ne, Lt, Le, Gt, Ge };

/**
 * a <op> b as expressions evaluate it: == and != hold between any two values (1 == 1.0, a missing
 * field equals null); <, <=, > and >= hold only between two numbers, two strings (bytewise) or two
 * booleans, and are false for anything else.
 */
bool compare(Comparison op, const Value &a, const Value &b);

/** Hash consistent with operator== (1 and 1.0 hash alike; member order does not matter). */
std::size_t hashValue(const Value &v);

struct ValueHash
{
    std::size_t operator()(const Value &v) const { return hashValue(v); }
};

/** Text form used by toString() and string concatenation: strings as they are, null as "", others as JSON. */
std::string toText(const Value &v);

} // namespace pendosim
