#pragma once

#include "Value.h"

#include <optional>
#include <string>
#include <string_view>

namespace pendosim {

/**
 * Strict RFC 8259 parse of a whole document into a Value. On failure returns nullopt and sets
 * *error (when given) to a message naming the byte offset. Integers that fit in 64 bits stay
 * integers; other numbers become doubles. Strings must be valid UTF-8; duplicate object keys keep
 * the last value. Reentrant: callable from any thread.
 */
std::optional<Value> parseJson(std::string_view text, std::string *error);

} // namespace pendosim
