#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pendosim {

/** splitmix64 finaliser: the one mixing step every deterministic choice in the dataset goes through. */
constexpr std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

constexpr std::uint64_t hashOf(std::uint64_t a, std::uint64_t b, std::uint64_t c = 0, std::uint64_t d = 0,
                               std::uint64_t e = 0)
{
    return mix64(mix64(mix64(mix64(mix64(a) ^ b) ^ c) ^ d) ^ e);
}

/** Uniform double in [0, 1) from the top 53 bits of a hash. */
constexpr double unitOf(std::uint64_t h)
{
    return static_cast<double>(h >> 11) * (1.0 / 9007199254740992.0);
}

/** FNV-1a over a string, for ids that arrive as text (the "idhash" of metadata, salts). */
constexpr std::uint64_t hashText(std::string_view s)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

/** A small sequential generator (splitmix64) for the one-off static attributes built at start-up. */
class Rng final
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) { }

    std::uint64_t next()
    {
        m_state += 0x9e3779b97f4a7c15ULL;
        return mix64(m_state);
    }
    double uniform() { return unitOf(next()); }
    /** Uniform integer in [0, n). */
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
    int range(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    bool chance(double p) { return uniform() < p; }

private:
    std::uint64_t m_state;
};

/** A 27-character opaque id in Pendo's style ("uQZVeRyEAODXLqvQJYvN51Ffsek") derived from a hash. */
inline std::string opaqueId(std::uint64_t h, std::size_t length = 27)
{
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve(length);
    std::uint64_t state = 0;
    for (std::size_t i = 0; i < length; ++i) {
        if (i % 10 == 0)
            state = mix64(h + i);
        out.push_back(alphabet[state & 63]);
        state >>= 6;
    }
    return out;
}

} // namespace pendosim
