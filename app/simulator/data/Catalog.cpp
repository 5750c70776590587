// The catalog of the simulated subscription: apps, tagged pages, features, track types, guides.
#include "Dataset.h"

#include "Hash.h"
#include "Names.h"

#include <algorithm>
#include <array>

namespace pendosim {

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

enum Salt : std::uint64_t { SaltApps = 0x41, SaltCatalog, SaltGuides };

using names::slugOf;

struct ItemSpec
{
    std::string_view name;
    bool core = false;
    bool firstValue = false;
};

const std::vector<ItemSpec> &webPages()
{
    static const std::vector<ItemSpec> list = {
        {"Dashboard", true}, {"Projects"}, {"Project Detail", true}, {"Reports"}, {"Report Builder"},
        {"Team Settings"}, {"Billing"}, {"Integrations"}, {"Onboarding Checklist"}, {"Search Results"},
        {"Notifications"}, {"User Profile"}, {"Admin Console"}, {"Templates"}, {"Help Center"}};
    return list;
}

const std::vector<ItemSpec> &webFeatures()
{
    static const std::vector<ItemSpec> list = {
        {"Create Project", true, true}, {"Invite Teammate", true, true}, {"Export Report", true},
        {"Share Dashboard", true}, {"Add Widget", true}, {"Filter Data"}, {"Save View"}, {"Schedule Report"},
        {"Connect Integration"}, {"Upload File"}, {"Add Comment"}, {"Assign Task"}, {"Global Search"},
        {"Open Notifications"}, {"Edit Profile"}, {"Change Plan"}, {"Download CSV"}, {"Duplicate Project"},
        {"Archive Project"}, {"Create Template"}, {"Apply Template"}, {"Toggle Dark Mode"}, {"Open Help"},
        {"Start Product Tour"}, {"Bulk Edit"}, {"Set Alert"}, {"Manage API Keys"}, {"View Audit Log"},
        {"Edit Custom Fields"}, {"Keyboard Shortcuts"}};
    return list;
}

const std::vector<ItemSpec> &mobilePages()
{
    static const std::vector<ItemSpec> list = {
        {"Home", true}, {"Project List"}, {"Project Detail"}, {"Inbox"}, {"Settings"}, {"Capture"},
        {"Approvals"}, {"Profile"}, {"Search"}, {"Offline Queue"}};
    return list;
}

const std::vector<ItemSpec> &mobileFeatures()
{
    static const std::vector<ItemSpec> list = {
        {"Quick Add Task", true}, {"Approve Request", true}, {"Open Push Notification"}, {"Scan Document"},
        {"Pull to Refresh"}, {"Mark Done"}, {"Voice Note"}, {"Share Link"}, {"Switch Workspace"},
        {"Enable Face ID"}, {"Filter Inbox"}, {"Reply to Comment"}};
    return list;
}

const std::vector<std::string_view> &trackNames(bool mobile)
{
    static const std::vector<std::string_view> web = {"Report Exported", "Invite Sent", "Integration Connected",
                                                      "Dashboard Shared", "Plan Changed", "Alert Triggered"};
    static const std::vector<std::string_view> app = {"Push Opened", "Offline Sync Completed", "Document Scanned",
                                                      "Biometric Login"};
    return mobile ? app : web;
}

} // namespace

void Dataset::buildApps()
{
    static constexpr std::array<std::string_view, 4> names = {"Lumen Web", "Lumen iOS", "Lumen Admin Console",
                                                              "Lumen Android"};
    static constexpr std::array<std::string_view, 4> platforms = {"web", "ios", "web", "android"};
    static constexpr std::array<std::string_view, 4> servers = {"app.lumenhq.com", "com.lumenhq.ios",
                                                                "admin.lumenhq.com", "com.lumenhq.android"};
    for (int i = 0; i < m_config.apps; ++i) {
        AppInfo app;
        if (i == 0) {
            app.id = -323232;
        } else {
            const std::uint64_t h = hashOf(m_config.seed, SaltApps, static_cast<std::uint64_t>(i));
            app.id = 4'000'000'000'000'000LL + static_cast<std::int64_t>(h % 2'000'000'000'000'000ULL);
        }
        const auto slot = static_cast<std::size_t>(i % 4);
        app.name = std::string(names[slot]);
        app.server = std::string(servers[slot]);
        if (i >= 4) {
            app.name += " " + std::to_string(i / 4 + 1);
            app.server = "app" + std::to_string(i) + ".lumenhq.com";
        }
        app.platform = std::string(platforms[slot]);
        app.createdAt = dayStartMs(m_historyStart - kDayTableBack / 2 + i * 97) + 13 * 3'600'000LL;
        m_apps.push_back(std::move(app));
    }
}

void Dataset::buildCatalog()
{
    for (auto &perKind : m_appItems)
        perKind.resize(m_apps.size());
    Rng rng(hashOf(m_config.seed, SaltCatalog));
    const int historyLen = m_today - m_historyStart;

    auto addItem = [&](ItemKind kind, int app, const ItemSpec &spec, int rank, int count) {
        CatalogItem item;
        item.kind = kind;
        item.app = app;
        item.core = spec.core;
        item.firstValue = spec.firstValue && app == 0;
        item.name = std::string(spec.name);
        const auto kindSalt = static_cast<std::uint64_t>(kind) + 1;
        item.id = opaqueId(hashOf(m_config.seed, SaltCatalog, kindSalt, static_cast<std::uint64_t>(app),
                                  static_cast<std::uint64_t>(rank)));
        const double base = kind == ItemKind::Page ? 0.55 : kind == ItemKind::Feature ? 0.45 : 0.12;
        item.popularity = base / (1.0 + 0.22 * rank) + 0.03;
        if (item.core)
            item.popularity = std::max(item.popularity, 0.45);
        if (kind == ItemKind::Page && rank == 0)
            item.popularity = 1.0; // the landing page: every session touches it
        const std::string slug = slugOf(item.name);
        switch (kind) {
        case ItemKind::Page:
            item.rule = "//*/" + slug;
            item.group = rank < count / 2 ? "Core Workflow" : "Administration";
            break;
        case ItemKind::Feature:
            item.rule = "[data-action=\"" + slug + "\"]";
            item.group = rank < count / 2 ? "Core Workflow" : "Productivity";
            break;
        case ItemKind::TrackType:
            item.rule = slug;
            item.group = "Server Events";
            break;
        }
        // The last tagged feature of each app is new: tagged a few weeks into the history, no use before.
        int createdDay = m_historyStart - 40 - rng.range(0, 60);
        if (kind == ItemKind::Feature && rank == count - 1 && count > 3)
            createdDay = m_today - std::min(historyLen, 21);
        item.createdAt = dayStartMs(createdDay) + rng.range(9, 17) * 3'600'000LL + rng.range(0, 3'599) * 1000LL;
        const int updatedDay = std::max(createdDay, m_historyStart)
                               + rng.range(0, std::max(0, m_today - 1 - std::max(createdDay, m_historyStart)));
        item.lastUpdatedAt = std::max<std::int64_t>(
            item.createdAt, dayStartMs(updatedDay) + rng.range(8, 18) * 3'600'000LL + rng.range(0, 3'599) * 1000LL);
        item.lastUpdatedAt = std::min<std::int64_t>(item.lastUpdatedAt, m_config.nowMs - 3'600'000LL);
        item.lastUpdatedAt = std::max(item.lastUpdatedAt, item.createdAt);
        m_appItems[static_cast<int>(kind)][static_cast<std::size_t>(app)].push_back(
            static_cast<std::uint32_t>(m_items.size()));
        m_items.push_back(std::move(item));
    };

    for (int app = 0; app < static_cast<int>(m_apps.size()); ++app) {
        const bool mobile = m_apps[static_cast<std::size_t>(app)].platform != "web";
        const auto &pages = mobile ? mobilePages() : webPages();
        const auto &features = mobile ? mobileFeatures() : webFeatures();
        const int pageCount = mobile ? std::max(1, m_config.pagesPerApp * 2 / 3) : m_config.pagesPerApp;
        const int featureCount = mobile ? std::max(1, m_config.featuresPerApp / 2) : m_config.featuresPerApp;
        std::vector<std::string> extraNames;
        for (int r = 0; r < pageCount; ++r) {
            ItemSpec spec;
            if (r < static_cast<int>(pages.size())) {
                spec = pages[static_cast<std::size_t>(r)];
            } else {
                extraNames.push_back("Page " + std::to_string(r + 1));
                spec.name = extraNames.back();
            }
            addItem(ItemKind::Page, app, spec, r, pageCount);
            extraNames.clear();
        }
        const auto &appPages = m_appItems[static_cast<int>(ItemKind::Page)][static_cast<std::size_t>(app)];
        for (int r = 0; r < featureCount; ++r) {
            ItemSpec spec;
            std::string extra;
            if (r < static_cast<int>(features.size())) {
                spec = features[static_cast<std::size_t>(r)];
            } else {
                extra = "Feature " + std::to_string(r + 1);
                spec.name = extra;
            }
            addItem(ItemKind::Feature, app, spec, r, featureCount);
            m_items.back().page = static_cast<int>(appPages[static_cast<std::size_t>(r) % appPages.size()]);
        }
        const auto &tracks = trackNames(mobile);
        const int trackCount = mobile ? std::min(m_config.trackTypesPerApp, static_cast<int>(tracks.size()))
                                      : m_config.trackTypesPerApp;
        for (int r = 0; r < trackCount; ++r) {
            ItemSpec spec;
            std::string extra;
            if (r < static_cast<int>(tracks.size())) {
                spec.name = tracks[static_cast<std::size_t>(r)];
            } else {
                extra = "Track Event " + std::to_string(r + 1);
                spec.name = extra;
            }
            addItem(ItemKind::TrackType, app, spec, r, trackCount);
        }
    }
}

void Dataset::buildGuides()
{
    static constexpr std::array<std::string_view, 8> names = {
        "Welcome Tour", "NPS Survey", "New Feature: Scheduled Reports", "Invite Your Team",
        "Release Notes Q3", "Mobile Onboarding", "Billing Update Notice", "Integrations Walkthrough"};
    static constexpr std::array<std::string_view, 8> states = {"public", "public", "public", "public",
                                                               "disabled", "public", "draft", "public"};
    Rng rng(hashOf(m_config.seed, SaltGuides));
    for (int g = 0; g < m_config.guides; ++g) {
        GuideInfo guide;
        const auto slot = static_cast<std::size_t>(g % 8);
        guide.name = std::string(names[slot]);
        if (g >= 8)
            guide.name += " " + std::to_string(g / 8 + 1);
        guide.state = std::string(states[slot]);
        guide.nps = slot == 1;
        guide.app = (slot == 5 && m_apps.size() > 1) ? 1 : 0;
        guide.id = opaqueId(hashOf(m_config.seed, SaltGuides, 1, static_cast<std::uint64_t>(g)));
        const int steps = guide.nps ? 2 : 1 + static_cast<int>(rng.below(4));
        for (int s = 0; s < steps; ++s)
            guide.stepIds.push_back(opaqueId(hashOf(m_config.seed, SaltGuides, 2, static_cast<std::uint64_t>(g),
                                                    static_cast<std::uint64_t>(s))));
        if (guide.nps) {
            guide.pollIds.push_back(
                opaqueId(hashOf(m_config.seed, SaltGuides, 3, static_cast<std::uint64_t>(g), 0), 10));
            guide.pollIds.push_back(
                opaqueId(hashOf(m_config.seed, SaltGuides, 3, static_cast<std::uint64_t>(g), 1), 10));
        }
        guide.reach = guide.state == "public" ? 0.25 + 0.5 * rng.uniform() : 0.0;
        if (guide.nps)
            guide.reach = 0.6;
        const auto &pages = m_appItems[static_cast<int>(ItemKind::Page)][static_cast<std::size_t>(guide.app)];
        guide.page = static_cast<int>(pages[rng.below(pages.size())]);
        const int createdDay = m_historyStart - rng.range(10, 120);
        guide.createdAt = dayStartMs(createdDay) + rng.range(9, 17) * 3'600'000LL;
        guide.publishedAt = guide.state == "draft" ? 0 : guide.createdAt + rng.range(1, 5) * kDayMs;
        guide.lastUpdatedAt =
            std::min<std::int64_t>(m_config.nowMs - kDayMs,
                                   dayStartMs(m_historyStart + rng.range(0, std::max(0, m_today - m_historyStart - 2)))
                                       + rng.range(9, 17) * 3'600'000LL);
        guide.lastUpdatedAt = std::max(guide.lastUpdatedAt, guide.publishedAt);
        m_guides.push_back(std::move(guide));
    }
}

} // namespace pendosim
