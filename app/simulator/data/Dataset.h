#pragma once

#include "DataProvider.h"
#include "Value.h"

#include <QTimeZone>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pendosim {

/** How an account's usage evolves over the history; the story the CS workspace should discover. */
enum class Archetype : std::uint8_t { Growing, Steady, Declining, Onboarding, Dormant };
const char *archetypeName(Archetype archetype);

/** Everything that shapes the simulated subscription. Same config + same seed → same bytes. */
struct DatasetConfig
{
    std::uint64_t seed = 1;
    int accounts = 200;
    int visitorsPerAccount = 15;
    int apps = 2;
    int featuresPerApp = 30;
    int pagesPerApp = 15;
    int guides = 8;
    int trackTypesPerApp = 5;
    int historyDays = 400;
    QByteArray timeZone = "America/New_York";
    /** "now" in epoch ms; the caller resolves "use the clock" before building the dataset. */
    std::int64_t nowMs = 0;
    int lateHours = 6;
};

struct AppInfo
{
    std::int64_t id = 0;
    std::string name;
    std::string platform; // "web", "ios" or "android": the eventClass of its events
    std::string server;
    std::int64_t createdAt = 0;
};

enum class ItemKind : std::uint8_t { Page, Feature, TrackType };

/** A tagged page, feature or track type of one app. */
struct CatalogItem
{
    ItemKind kind = ItemKind::Page;
    int app = 0;
    int page = -1; // features: index (into items) of the page they sit on
    bool core = false;
    bool firstValue = false;
    double popularity = 0.1;
    std::string id;
    std::string name;
    std::string group;
    std::string rule;
    std::int64_t createdAt = 0;
    std::int64_t lastUpdatedAt = 0;
};

struct GuideInfo
{
    std::string id;
    std::string name;
    std::string state;
    int app = 0;
    int page = -1;
    bool nps = false;
    double reach = 0.3;
    std::vector<std::string> stepIds;
    std::vector<std::string> pollIds; // NPS: [score poll, free-text poll]
    std::int64_t createdAt = 0;
    std::int64_t lastUpdatedAt = 0;
    std::int64_t publishedAt = 0;
};

struct AccountInfo
{
    std::string id;
    std::string name;
    std::string domain;
    std::string salesforceId;
    Archetype archetype = Archetype::Steady;
    std::uint8_t plan = 0; // index into planNames()
    bool reachesFirstValue = true;
    std::uint16_t seats = 10;
    int createdDay = 0;      // julian day
    int endDay = 0;          // dormant: last day of real use; others: far future
    int declineStartDay = 0; // declining: the day core usage starts to fall
    int firstValueDay = 0;   // onboarding: first day first-value features are used
    std::uint32_t firstVisitor = 0;
    std::uint32_t visitorCount = 0;
    std::vector<std::uint32_t> extraVisitors; // visitors whose second account this is
};

/** Static per-visitor attributes; activity per day is derived from these and the seed. */
struct VisitorInfo
{
    std::string id;
    std::int32_t account = -1;       // primary account, -1 for none
    std::int32_t secondAccount = -1; // visitors in two accounts
    int startDay = 0;
    float propensity = 0.5f;
    std::uint8_t role = 0;    // index into roleNames()
    std::uint8_t appMask = 1; // bit i: uses app i
    std::uint8_t agent = 0;   // user-agent family
    bool anonymous = false;
    bool doNotProcess = false;
};

/** A saved segment: the visitors with one role, whose account is on one plan, or who use one app. */
struct SegmentInfo
{
    enum class Rule : std::uint8_t { Role, Plan, UsesApp };
    std::string id;
    std::string name;
    Rule rule = Rule::Role;
    std::uint8_t value = 0; // index into roleNames(), planNames() or apps()
    std::int64_t createdAt = 0;
};

/** One tagged item's use by a visitor on one day (all in one hour bucket, as a session touches it once). */
struct ItemUse
{
    std::uint32_t item = 0;
    std::uint16_t events = 0;
    std::uint16_t minutes = 0;
    std::int64_t firstTime = 0;
    std::int64_t lastTime = 0;
};

/**
 * The simulated Pendo subscription: apps, catalog, accounts and visitors as compact arrays built
 * from the seed at start-up; activity per (visitor, day) is recomputed on demand from a hash, so
 * memory does not grow with the history. Immutable once built, so any number of request threads
 * may read it at once.
 */
class Dataset final : public DataProvider
{
public:
    explicit Dataset(const DatasetConfig &config);
    ~Dataset() override;

    // DataProvider
    bool hasSource(const std::string &name) const override;
    bool isEventSource(const std::string &name) const override;
    std::string scan(const SourceRequest &request, const RowSink &sink) const override;
    std::optional<Value> visitor(const std::string &visitorId) const override;
    std::optional<Value> account(const std::string &accountId) const override;
    bool hasSegment(const std::string &segmentId) const override;
    bool inSegment(const std::string &segmentId, const std::string &visitorId) const override;
    std::vector<std::int64_t> appIds() const override;
    std::int64_t defaultAppId() const override;
    QTimeZone timeZone() const override { return m_timeZone; }
    std::int64_t nowMs() const override { return m_config.nowMs; }

    const DatasetConfig &config() const { return m_config; }
    const std::vector<AppInfo> &apps() const { return m_apps; }
    const std::vector<CatalogItem> &items() const { return m_items; }
    const std::vector<GuideInfo> &guides() const { return m_guides; }
    const std::vector<AccountInfo> &accounts() const { return m_accounts; }
    const std::vector<VisitorInfo> &visitors() const { return m_visitors; }
    const std::vector<SegmentInfo> &segments() const { return m_segments; }

    // GET endpoint bodies (objects as Pendo serialises them)
    /** Page, feature, guide or track-type objects of the given apps (kind: "page", "feature", …). */
    std::vector<Value> catalogObjects(std::string_view kind, const std::vector<std::int64_t> &apps) const;
    std::optional<Value> catalogObject(std::string_view kind, std::string_view id) const;
    Value metadataSchema(std::string_view kind) const; // "visitor" or "account"
    const std::vector<Value> &reports() const { return m_reports; }
    /** GET /segment and /segment/{id} bodies. */
    std::vector<Value> segmentObjects() const;
    std::optional<Value> segmentObject(std::string_view id) const;
    const Value *report(std::string_view id) const;
    /** GET /visitor/{id}, /account/{id} bodies. */
    std::optional<Value> visitorObject(std::string_view visitorId) const;
    std::optional<Value> accountObject(std::string_view accountId) const;

    // Derived facts shared by the endpoints, the CRM export and the ground truth
    int today() const { return m_today; }
    int historyStart() const { return m_historyStart; }
    std::int64_t dayStartMs(int julianDay) const;
    /** Julian day of the local day containing ms, or INT_MIN outside the day table. */
    int dayOf(std::int64_t ms) const;
    std::string visitorEmail(std::uint32_t visitor) const;
    std::string visitorName(std::uint32_t visitor) const;
    std::string_view visitorRole(std::uint32_t visitor) const;
    std::int64_t visitorFirstVisit(std::uint32_t visitor) const;
    std::int64_t visitorLastVisit(std::uint32_t visitor) const;
    std::int64_t accountFirstVisit(std::uint32_t account) const;
    std::int64_t accountLastVisit(std::uint32_t account) const;
    std::int32_t visitorIndex(std::string_view id) const;
    std::int32_t accountIndex(std::string_view id) const;
    static const std::vector<std::string> &planNames();
    static const std::vector<std::string> &roleNames();

    /**
     * The visitor's complete activity on one local day, restricted to items of the kinds in kindMask
     * (bit per ItemKind) and to the apps in appMask. Returns the account the day is attributed to
     * (-1 for none) or -2 when the visitor did nothing that day. Ignores the late-data horizon.
     */
    int dayActivity(std::uint32_t visitor, int day, unsigned kindMask, unsigned appMask,
                    std::vector<ItemUse> &out) const;

private:
    /** Days before the history start that the day table covers (visitors' first visits reach back). */
    static constexpr int kDayTableBack = 800;

    void buildApps();
    void buildCatalog();
    void buildGuides();
    void buildAccounts();
    void buildVisitors();
    void buildDayTable();
    void buildObjects();
    void buildReports();
    void buildSegments();

    bool activeOn(std::uint32_t visitor, int day) const;
    bool isFirstValueMoment(std::uint32_t visitor, int day) const;
    unsigned appsUsedOn(std::uint32_t visitor, int day) const;
    std::int64_t sessionStartMs(std::uint32_t visitor, int day) const;
    /** 0 when the visitor never used those apps within the history. */
    std::int64_t lastVisitInApps(std::uint32_t visitor, unsigned appMask) const;
    std::int64_t firstVisitInApps(std::uint32_t visitor, unsigned appMask) const;
    int accountOnDay(const VisitorInfo &v, std::uint32_t visitor, int day) const;
    double accountLevel(const AccountInfo &a, int day) const;
    /** Late-data view of one use: false when it has not arrived yet; may scale counts down. */
    bool arrived(std::uint64_t salt, std::int64_t bucketEnd, ItemUse &use) const;
    int appIndex(std::int64_t appId) const;
    unsigned appMaskOf(const std::vector<std::int64_t> &appIds) const;

    std::string scanEvents(const SourceRequest &request, const RowSink &sink) const;
    /** allTime: every interaction ever, ignoring the request's buckets (the …SeenEver sources). */
    std::string scanGuideEvents(const SourceRequest &request, const RowSink &sink, bool allTime = false) const;
    std::string scanGuidesSeen(const SourceRequest &request, const RowSink &sink) const;
    std::string scanGroups(const SourceRequest &request, const RowSink &sink) const;
    const SegmentInfo *segmentById(std::string_view id) const;
    std::string scanObjects(const SourceRequest &request, const RowSink &sink) const;
    Value visitorMetadata(std::uint32_t visitor) const;
    Value accountMetadata(std::uint32_t account) const;

    DatasetConfig m_config;
    QTimeZone m_timeZone;
    int m_today = 0;
    int m_historyStart = 0;
    int m_dayTableFirst = 0;
    std::vector<std::int64_t> m_dayStarts; // local midnights from m_dayTableFirst, one past the end

    std::vector<AppInfo> m_apps;
    std::vector<CatalogItem> m_items;
    std::vector<std::vector<std::uint32_t>> m_appItems[3]; // [kind][app] → item indices
    std::vector<GuideInfo> m_guides;
    std::vector<AccountInfo> m_accounts;
    std::vector<VisitorInfo> m_visitors;
    std::unordered_map<std::string_view, std::uint32_t> m_visitorById;
    std::unordered_map<std::string_view, std::uint32_t> m_accountById;

    std::vector<Value> m_itemObjects; // parallel to m_items
    std::vector<Value> m_guideObjects;
    std::vector<Value> m_reports;
    std::vector<SegmentInfo> m_segments;
    Value m_users;
};

} // namespace pendosim
