#pragma once

#include "Hash.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pendosim::agents {

// Browser, device and network traits of visitors: plain tables and pure functions of a hash.

struct Browser
{
    std::string_view userAgent;
    std::string_view name;
    std::string_view version;
    std::string_view os;
};

inline constexpr std::array<Browser, 6> webBrowsers = {{
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.91 "
     "Safari/537.36",
     "Chrome", "124.0.6367", "Windows"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.118 "
     "Safari/537.36",
     "Chrome", "124.0.6367", "Mac OS X"},
    {"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 "
     "Safari/605.1.15",
     "Safari", "17.4.1", "Mac OS X"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox", "125.0",
     "Windows"},
    {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 "
     "Safari/537.36 Edg/124.0.2478.80",
     "Edge", "124.0.2478", "Windows"},
    {"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.122 Safari/537.36",
     "Chrome", "123.0.6312", "Linux"},
}};

inline constexpr std::array<Browser, 2> iosAgents = {{
    {"LumenHQ/5.3.1 (iPhone; iOS 17.4.1; Scale/3.00)", "LumenHQ", "5.3.1", "iOS"},
    {"LumenHQ/5.3.1 (iPad; iOS 17.3; Scale/2.00)", "LumenHQ", "5.3.1", "iOS"},
}};

inline constexpr std::array<Browser, 2> androidAgents = {{
    {"LumenHQ/5.2.0 (Linux; Android 14; Pixel 8)", "LumenHQ", "5.2.0", "Android"},
    {"LumenHQ/5.2.0 (Linux; Android 13; SM-S911B)", "LumenHQ", "5.2.0", "Android"},
}};

inline const Browser &browserFor(std::string_view platform, std::uint8_t family)
{
    if (platform == "ios")
        return iosAgents[family % iosAgents.size()];
    if (platform == "android")
        return androidAgents[family % androidAgents.size()];
    return webBrowsers[family % webBrowsers.size()];
}

/** A public-looking IPv4 address; most visitors of an account share its office address. */
inline std::string ipFor(std::uint64_t seed, std::uint32_t visitor, unsigned app, std::int32_t account)
{
    std::uint64_t h = hashOf(seed, visitor, app, 0x1b1b);
    if (account >= 0 && h % 10 < 7)
        h = hashOf(seed, static_cast<std::uint64_t>(account), 0x0ff1ce);
    unsigned a = 23 + static_cast<unsigned>(h % 170);
    if (a == 127 || a == 100 || a == 169 || a == 172)
        ++a;
    return std::to_string(a) + "." + std::to_string((h >> 8) % 256) + "." + std::to_string((h >> 16) % 256) + "." +
           std::to_string(1 + (h >> 24) % 254);
}

struct Place
{
    std::string_view country;
    std::string_view region;
    double latitude;
    double longitude;
};

inline constexpr std::array<Place, 10> places = {{
    {"US", "NY", 40.7128, -74.006},
    {"US", "CA", 37.7749, -122.4194},
    {"GB", "ENG", 51.5072, -0.1276},
    {"DE", "BE", 52.52, 13.405},
    {"US", "TX", 30.2672, -97.7431},
    {"FR", "IDF", 48.8566, 2.3522},
    {"JP", "13", 35.6762, 139.6503},
    {"AU", "NSW", -33.8688, 151.2093},
    {"CA", "ON", 43.6532, -79.3832},
    {"BR", "SP", -23.5505, -46.6333},
}};

inline const Place &placeFor(std::uint64_t seed, std::int32_t account, std::uint32_t visitor)
{
    const std::uint64_t h = account >= 0 ? hashOf(seed, static_cast<std::uint64_t>(account), 0x9e0)
                                         : hashOf(seed, visitor, 0x9e1);
    return places[h % places.size()];
}

} // namespace pendosim::agents
