#pragma once

#include <array>
#include <string>
#include <string_view>

namespace pendosim::names {

// Word lists the generator draws company and person names from. Plain data, no state.

inline constexpr std::array<std::string_view, 64> companyFirst = {
    "Northwind", "Bluefin", "Copperline", "Harbor", "Summit", "Redwood", "Ironclad", "Silverleaf",
    "Brightwater", "Granite", "Meadow", "Falcon", "Evergreen", "Lakeshore", "Pioneer", "Quartz",
    "Riverbend", "Sterling", "Tidewater", "Uplift", "Vantage", "Westfield", "Yellowstone", "Zenith",
    "Atlas", "Beacon", "Cascade", "Driftwood", "Ember", "Foxglove", "Glacier", "Highland",
    "Indigo", "Juniper", "Keystone", "Larkspur", "Mariner", "Nimbus", "Orchard", "Prairie",
    "Quill", "Rookery", "Saffron", "Thistle", "Umber", "Velvet", "Willow", "Alder",
    "Birch", "Cobalt", "Dune", "Elmstead", "Fjord", "Garnet", "Hollow", "Ivory",
    "Jasper", "Kestrel", "Lumen", "Marigold", "Nova", "Onyx", "Pinecrest", "Solstice"};

inline constexpr std::array<std::string_view, 24> companySecond = {
    "Logistics", "Health", "Labs", "Foods", "Systems", "Capital", "Energy", "Robotics",
    "Media", "Software", "Analytics", "Retail", "Freight", "Insurance", "Biotech", "Studios",
    "Networks", "Partners", "Manufacturing", "Outfitters", "Clinics", "Holdings", "Mobility", "Learning"};

inline constexpr std::array<std::string_view, 12> industries = {
    "Logistics", "Healthcare", "Technology", "Food & Beverage", "Financial Services", "Energy",
    "Media", "Retail", "Insurance", "Life Sciences", "Manufacturing", "Education"};

inline constexpr std::array<std::string_view, 48> firstNames = {
    "Ava", "Liam", "Noah", "Emma", "Olivia", "Mateo", "Sofia", "Lucas", "Mia", "Ethan", "Amara", "Kenji",
    "Priya", "Omar", "Chloe", "Diego", "Hana", "Jonas", "Leila", "Marcus", "Nina", "Oscar", "Ruth", "Samir",
    "Tara", "Victor", "Wen", "Yusuf", "Zoe", "Aiden", "Bianca", "Carlos", "Dana", "Elena", "Farah", "Gabriel",
    "Hugo", "Ines", "Jamal", "Keiko", "Luis", "Maya", "Nikolai", "Paula", "Quentin", "Rosa", "Sven", "Talia"};

inline constexpr std::array<std::string_view, 48> lastNames = {
    "Smith", "Garcia", "Chen", "Okafor", "Müller", "Patel", "Johnson", "Rossi", "Kim", "Nguyen", "Silva",
    "O'Brien", "Kowalski", "Haddad", "Larsen", "Tanaka", "Dubois", "Schmidt", "Ivanova", "Mensah", "Cohen",
    "Fischer", "Moreau", "Andersson", "Novak", "Reyes", "Walsh", "Yamamoto", "Zhou", "Bianchi", "Costa",
    "Dimitrov", "Evans", "Fernandes", "Gupta", "Hughes", "Jensen", "Khan", "Lopez", "Martin", "Nakamura",
    "Olsen", "Park", "Quinn", "Ramos", "Stewart", "Torres", "Varga"};

inline constexpr std::array<std::string_view, 8> owners = {
    "Jordan Blake", "Priya Raman", "Marcus Webb", "Elena Sousa", "Tom Becker", "Aisha Bello",
    "Chris Nolan-Park", "Yuki Mori"};

/** "Northwind Logistics" → "northwind-logistics". */
inline std::string slugOf(std::string_view name)
{
    std::string out;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.push_back(c);
        else if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if (!out.empty() && out.back() != '-')
            out.push_back('-');
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

} // namespace pendosim::names
