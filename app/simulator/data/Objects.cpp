// The JSON objects of the GET endpoints: catalog, metadata and its schema, saved reports.
#include "Dataset.h"

#include "Agents.h"
#include "Hash.h"
#include "Json.h"
#include "Names.h"

#include <algorithm>
#include <array>
#include <climits>

namespace pendosim {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

std::string perAppGroup(std::int64_t appId)
{
    return "auto_" + (appId < 0 ? "_" + std::to_string(-appId) : std::to_string(appId));
}

Value descriptor(std::string_view type, std::string_view displayName, bool calculated, bool perApp = false)
{
    Object d;
    d.emplace_back("Type", type);
    d.emplace_back("DisplayName", displayName);
    d.emplace_back("ElementType", "");
    d.emplace_back("ElementFormat", "");
    d.emplace_back("Dirty", false);
    d.emplace_back("isHidden", false);
    d.emplace_back("isDeleted", false);
    d.emplace_back("isCalculated", calculated);
    d.emplace_back("isPerApp", perApp);
    d.emplace_back("neverIndex", false);
    d.emplace_back("isPromoted", false);
    return Value(std::move(d));
}

Value ruleList(const std::string &rule)
{
    Object r;
    r.emplace_back("rule", rule);
    r.emplace_back("designerHint", rule);
    std::string parsed = "^https?://[^/]*/";
    parsed += rule.size() > 4 && rule.rfind("//*/", 0) == 0 ? rule.substr(4) : rule;
    parsed += "/?(?:;.*)?(?:\\?.*)?$";
    r.emplace_back("parsedRule", parsed);
    return Value(Array{Value(std::move(r))});
}

} // namespace

void Dataset::buildObjects()
{
    // The product team that tags pages and writes guides.
    static constexpr std::array<std::array<std::string_view, 2>, 4> team = {
        {{"Dana", "Whitfield"}, {"Rahul", "Menon"}, {"Grace", "Okonkwo"}, {"Leo", "Brandt"}}};
    Array users;
    for (std::size_t i = 0; i < team.size(); ++i) {
        Object u;
        u.emplace_back("id", opaqueId(hashOf(m_config.seed, 0x05e5, i)));
        std::string username(team[i][0]);
        username += ".";
        username += team[i][1];
        std::transform(username.begin(), username.end(), username.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
        u.emplace_back("username", username + "@lumenhq.com");
        u.emplace_back("first", team[i][0]);
        u.emplace_back("last", team[i][1]);
        u.emplace_back("role", 8);
        u.emplace_back("userType", "");
        users.emplace_back(std::move(u));
    }
    m_users = Value(std::move(users));
    const auto userAt = [this](std::uint64_t h) { return m_users.toArray()[h % m_users.toArray().size()]; };
    const std::int64_t validThrough = (m_config.nowMs / kHourMs - m_config.lateHours) * kHourMs;

    m_itemObjects.reserve(m_items.size());
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const CatalogItem &item = m_items[i];
        const std::uint64_t h = hashOf(m_config.seed, 0x0b1, i);
        Object o;
        o.emplace_back("id", item.id);
        o.emplace_back("appId", m_apps[static_cast<std::size_t>(item.app)].id);
        o.emplace_back("name", item.name);
        const char *kindName = item.kind == ItemKind::Page ? "Page" : item.kind == ItemKind::Feature ? "Feature"
                                                                                                      : "TrackType";
        o.emplace_back("kind", kindName);
        if (item.kind == ItemKind::Feature) {
            o.emplace_back("pageId", m_items[static_cast<std::size_t>(item.page)].id);
            o.emplace_back("appWide", false);
        }
        Object group;
        group.emplace_back("id", opaqueId(hashText(item.group) ^ m_config.seed));
        group.emplace_back("name", item.group);
        group.emplace_back("color", item.group == "Core Workflow" ? ".groupColor01" : ".groupColor05");
        o.emplace_back("group", std::move(group));
        if (item.kind == ItemKind::Page) {
            o.emplace_back("rules", ruleList(item.rule));
            o.emplace_back("rulesjson", "");
            o.emplace_back("excludeRules", Array{});
        } else if (item.kind == ItemKind::Feature) {
            o.emplace_back("elementPathRules", Array{Value(item.rule)});
            o.emplace_back("elementInitialTag", "BUTTON");
            o.emplace_back("elementSelectionType", "css");
            o.emplace_back("eventPropertyConfigurations", Array{});
            o.emplace_back("suggestedMatch", "");
            o.emplace_back("createdDesignerVersion", "2.231.0");
        } else {
            o.emplace_back("trackTypeName", item.name);
            o.emplace_back("trackTypeRules", Array{Value(item.name)});
            o.emplace_back("eventPropertyNameList", Array{Value("channel"), Value("plan")});
        }
        o.emplace_back("isCoreEvent", item.core);
        o.emplace_back("isAutoTagged", false);
        o.emplace_back("isSuggested", false);
        o.emplace_back("suggestedName", "");
        o.emplace_back("createdAt", item.createdAt);
        o.emplace_back("createdByUser", userAt(h));
        o.emplace_back("lastUpdatedAt", item.lastUpdatedAt);
        o.emplace_back("lastUpdatedByUser", userAt(h >> 8));
        o.emplace_back("rootVersionId", opaqueId(h ^ 0x1));
        o.emplace_back("stableVersionId", opaqueId(h ^ 0x2) + "-" + opaqueId(h ^ 0x3, 8));
        o.emplace_back("dirty", false);
        o.emplace_back("dailyMergeFirst",
                       dayStartMs(dayOf(item.createdAt) == INT_MIN ? m_historyStart : dayOf(item.createdAt)));
        o.emplace_back("dailyRollupFirst", dayStartMs(std::max(m_historyStart, dayOf(item.createdAt))));
        o.emplace_back("validThrough", validThrough);
        m_itemObjects.emplace_back(std::move(o));
    }

    m_guideObjects.reserve(m_guides.size());
    for (std::size_t g = 0; g < m_guides.size(); ++g) {
        const GuideInfo &guide = m_guides[g];
        const std::uint64_t h = hashOf(m_config.seed, 0x0b2, g);
        const std::int64_t appId = m_apps[static_cast<std::size_t>(guide.app)].id;
        const std::string &pageId = m_items[static_cast<std::size_t>(guide.page)].id;
        Object o;
        o.emplace_back("id", guide.id);
        o.emplace_back("appId", appId);
        o.emplace_back("appIds", Array{Value(appId)});
        o.emplace_back("name", guide.name);
        o.emplace_back("description", "");
        o.emplace_back("state", guide.state);
        o.emplace_back("launchMethod", "auto");
        o.emplace_back("kind", "lightbox");
        o.emplace_back("isMultiStep", guide.stepIds.size() > 1);
        o.emplace_back("isModule", false);
        o.emplace_back("isTopLevel", false);
        o.emplace_back("isTraining", false);
        Array steps;
        for (std::size_t s = 0; s < guide.stepIds.size(); ++s) {
            Object step;
            step.emplace_back("id", guide.stepIds[s]);
            step.emplace_back("guideId", guide.id);
            step.emplace_back("type", "lightbox");
            step.emplace_back("name", "Step " + std::to_string(s + 1));
            step.emplace_back("pageId", pageId);
            step.emplace_back("rank", static_cast<std::int64_t>((s + 1) * 5'000'000));
            step.emplace_back("advanceMethod", "button");
            step.emplace_back("elementPathRule", "");
            step.emplace_back("regexUrlRule", "");
            step.emplace_back("contentType", "text/html; charset=utf-8");
            const std::string base = "guide-content/" + guide.id + "/" + guide.stepIds[s];
            step.emplace_back("contentUrl", base + "/content.html");
            step.emplace_back("contentUrlCss", base + "/content.css");
            step.emplace_back("contentUrlJs", base + "/content.js");
            step.emplace_back("buildingBlocksUrl", base + "/buildingBlocks.json");
            step.emplace_back("domUrl", base + "/dom.json");
            Array polls;
            if (guide.nps && s < guide.pollIds.size())
                polls.emplace_back(guide.pollIds[s]);
            step.emplace_back("pollIds", std::move(polls));
            step.emplace_back("attributes", Object{});
            step.emplace_back("lastUpdatedAt", guide.lastUpdatedAt);
            step.emplace_back("resetAt", 0);
            steps.emplace_back(std::move(step));
        }
        o.emplace_back("steps", std::move(steps));
        Array polls;
        for (std::size_t p = 0; p < guide.pollIds.size(); ++p) {
            Object poll;
            poll.emplace_back("id", guide.pollIds[p]);
            poll.emplace_back("question", p == 0 ? "How likely are you to recommend Lumen to a friend or colleague?"
                                                 : "What is the main reason for your score?");
            Object attributes;
            attributes.emplace_back("type", p == 0 ? "NPSRating" : "FreeForm");
            poll.emplace_back("attributes", std::move(attributes));
            Array numeric;
            if (p == 0) {
                for (int n = 0; n <= 10; ++n)
                    numeric.emplace_back(n);
            }
            poll.emplace_back("numericResponses", std::move(numeric));
            poll.emplace_back("idResponses", Object{});
            poll.emplace_back("resetAt", 0);
            polls.emplace_back(std::move(poll));
        }
        o.emplace_back("polls", std::move(polls));
        Object attributes;
        attributes.emplace_back("type", "lightbox");
        Object device;
        device.emplace_back("desktop", m_apps[static_cast<std::size_t>(guide.app)].platform == "web");
        device.emplace_back("mobile", m_apps[static_cast<std::size_t>(guide.app)].platform != "web");
        attributes.emplace_back("device", std::move(device));
        attributes.emplace_back("priority", static_cast<std::int64_t>(g));
        o.emplace_back("attributes", std::move(attributes));
        o.emplace_back("audience", Array{});
        o.emplace_back("emailState", "");
        o.emplace_back("publishedAt", guide.publishedAt);
        o.emplace_back("publishedEver", guide.publishedAt != 0);
        o.emplace_back("showsAfter", guide.publishedAt);
        o.emplace_back("expiresAfter", 0);
        o.emplace_back("recurrence", 0);
        o.emplace_back("recurrenceEligibilityWindow", 0);
        o.emplace_back("resetAt", 0);
        o.emplace_back("createdAt", guide.createdAt);
        o.emplace_back("createdByUser", userAt(h));
        o.emplace_back("lastUpdatedAt", guide.lastUpdatedAt);
        o.emplace_back("lastUpdatedByUser", userAt(h >> 8));
        o.emplace_back("rootVersionId", opaqueId(h ^ 0x1));
        o.emplace_back("stableVersionId", opaqueId(h ^ 0x2) + "-" + opaqueId(h ^ 0x3, 8));
        o.emplace_back("minAgentVersion", "");
        o.emplace_back("resourceCenterId", "");
        o.emplace_back("editorType", "visualDesignStudio");
        m_guideObjects.emplace_back(std::move(o));
    }
}

std::vector<Value> Dataset::catalogObjects(std::string_view kind, const std::vector<std::int64_t> &apps) const
{
    const unsigned mask = appMaskOf(apps);
    std::vector<Value> out;
    if (kind == "guide") {
        for (std::size_t i = 0; i < m_guides.size(); ++i) {
            if (mask & (1u << m_guides[i].app))
                out.push_back(m_guideObjects[i]);
        }
        return out;
    }
    const ItemKind itemKind = kind == "page"      ? ItemKind::Page
                              : kind == "feature" ? ItemKind::Feature
                                                  : ItemKind::TrackType;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].kind == itemKind && (mask & (1u << m_items[i].app)))
            out.push_back(m_itemObjects[i]);
    }
    return out;
}

std::optional<Value> Dataset::catalogObject(std::string_view kind, std::string_view id) const
{
    if (kind == "guide") {
        for (std::size_t i = 0; i < m_guides.size(); ++i) {
            if (m_guides[i].id == id)
                return m_guideObjects[i];
        }
        return std::nullopt;
    }
    const ItemKind itemKind = kind == "page"      ? ItemKind::Page
                              : kind == "feature" ? ItemKind::Feature
                                                  : ItemKind::TrackType;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        if (m_items[i].kind == itemKind && m_items[i].id == id)
            return m_itemObjects[i];
    }
    return std::nullopt;
}

Value Dataset::metadataSchema(std::string_view kind) const
{
    Object schema;
    if (kind == "visitor") {
        Object agent;
        agent.emplace_back("email", descriptor("string", "Email", false));
        agent.emplace_back("language", descriptor("string", "Language", false));
        agent.emplace_back("name", descriptor("string", "Name", false));
        agent.emplace_back("role", descriptor("string", "Role", false));
        schema.emplace_back("agent", std::move(agent));
        Object autoGroup;
        autoGroup.emplace_back("accountid", descriptor("string", "Account ID", true));
        autoGroup.emplace_back("accountids", descriptor("", "Account IDs", true));
        autoGroup.emplace_back("firstvisit", descriptor("time", "First Visit", true));
        autoGroup.emplace_back("id", descriptor("string", "Visitor ID", true));
        autoGroup.emplace_back("idhash", descriptor("integer", "ID Hash", true));
        autoGroup.emplace_back("lastbrowsername", descriptor("string", "Last Browser Name", true));
        autoGroup.emplace_back("lastbrowserversion", descriptor("string", "Last Browser Version", true));
        autoGroup.emplace_back("lastoperatingsystem", descriptor("string", "Last Operating System", true));
        autoGroup.emplace_back("lastservername", descriptor("string", "Last Server Name", true));
        autoGroup.emplace_back("lastupdated", descriptor("time", "Last Updated", true));
        autoGroup.emplace_back("lastuseragent", descriptor("string", "Last User Agent", true));
        autoGroup.emplace_back("lastvisit", descriptor("time", "Last Visit", true));
        autoGroup.emplace_back("nid", descriptor("integer", "Numeric ID", true));
        schema.emplace_back("auto", std::move(autoGroup));
        for (const AppInfo &app : m_apps) {
            Object perApp;
            perApp.emplace_back("firstvisit", descriptor("time", "First Visit", true, true));
            perApp.emplace_back("lastvisit", descriptor("time", "Last Visit", true, true));
            schema.emplace_back(perAppGroup(app.id), std::move(perApp));
        }
        Object pendo;
        pendo.emplace_back("donotprocess", descriptor("boolean", "Do Not Process", false));
        schema.emplace_back("pendo", std::move(pendo));
        return Value(std::move(schema));
    }
    Object agent;
    agent.emplace_back("industry", descriptor("string", "Industry", false));
    agent.emplace_back("name", descriptor("string", "Name", false));
    agent.emplace_back("plan", descriptor("string", "Plan", false));
    agent.emplace_back("seats", descriptor("integer", "Seats", false));
    schema.emplace_back("agent", std::move(agent));
    Object autoGroup;
    autoGroup.emplace_back("firstvisit", descriptor("time", "First Visit", true));
    autoGroup.emplace_back("id", descriptor("string", "Account ID", true));
    autoGroup.emplace_back("idhash", descriptor("integer", "ID Hash", true));
    autoGroup.emplace_back("lastupdated", descriptor("time", "Last Updated", true));
    autoGroup.emplace_back("lastvisit", descriptor("time", "Last Visit", true));
    schema.emplace_back("auto", std::move(autoGroup));
    Object custom;
    custom.emplace_back("crmid", descriptor("string", "CRM ID", false));
    schema.emplace_back("custom", std::move(custom));
    return Value(std::move(schema));
}

Value Dataset::visitorMetadata(std::uint32_t visitor) const
{
    const VisitorInfo &v = m_visitors[visitor];
    Object metadata;
    if (!v.anonymous) {
        Object agent;
        agent.emplace_back("email", visitorEmail(visitor));
        agent.emplace_back("language", "en-US");
        agent.emplace_back("name", visitorName(visitor));
        agent.emplace_back("role", std::string(visitorRole(visitor)));
        metadata.emplace_back("agent", std::move(agent));
    }
    const std::int64_t firstVisit = visitorFirstVisit(visitor);
    const std::int64_t lastVisit = std::max(firstVisit, visitorLastVisit(visitor));
    unsigned primary = v.appMask & (~static_cast<unsigned>(v.appMask) + 1u);
    int lastApp = 0;
    for (int i = 0; i < static_cast<int>(m_apps.size()); ++i) {
        if (primary & (1u << i))
            lastApp = i;
    }
    const AppInfo &app = m_apps[static_cast<std::size_t>(lastApp)];
    const agents::Browser &browser = agents::browserFor(app.platform, v.agent);
    Object autoGroup;
    if (v.account >= 0) {
        autoGroup.emplace_back("accountid", m_accounts[static_cast<std::size_t>(v.account)].id);
        Array ids{Value(m_accounts[static_cast<std::size_t>(v.account)].id)};
        if (v.secondAccount >= 0)
            ids.emplace_back(m_accounts[static_cast<std::size_t>(v.secondAccount)].id);
        autoGroup.emplace_back("accountids", std::move(ids));
    }
    autoGroup.emplace_back("firstvisit", firstVisit);
    autoGroup.emplace_back("id", v.id);
    autoGroup.emplace_back("idhash", static_cast<std::int64_t>(hashText(v.id) & 0xffffffffULL));
    autoGroup.emplace_back("lastbrowsername", std::string(browser.name));
    autoGroup.emplace_back("lastbrowserversion", std::string(browser.version));
    autoGroup.emplace_back("lastoperatingsystem", std::string(browser.os));
    autoGroup.emplace_back("lastservername", app.server);
    autoGroup.emplace_back("lastupdated", lastVisit);
    autoGroup.emplace_back("lastuseragent", std::string(browser.userAgent));
    autoGroup.emplace_back("lastvisit", lastVisit);
    autoGroup.emplace_back("nid", static_cast<std::int64_t>(visitor));
    metadata.emplace_back("auto", std::move(autoGroup));
    // Per-app groups, ordered by key as Pendo prints maps: "auto_…" numerals sort before "auto__…".
    std::vector<std::pair<std::string, Value>> perApp;
    for (std::size_t i = 0; i < m_apps.size(); ++i) {
        if (!(v.appMask & (1u << i)))
            continue;
        const std::int64_t last = lastVisitInApps(visitor, 1u << i);
        const std::int64_t first = firstVisitInApps(visitor, 1u << i);
        if (last == 0 && first == 0)
            continue;
        Object group;
        group.emplace_back("firstvisit", first ? first : last);
        group.emplace_back("lastvisit", std::max(first, last));
        perApp.emplace_back(perAppGroup(m_apps[i].id), Value(std::move(group)));
    }
    std::sort(perApp.begin(), perApp.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &entry : perApp)
        metadata.push_back(std::move(entry));
    if (v.doNotProcess) {
        Object pendo;
        pendo.emplace_back("donotprocess", true);
        metadata.emplace_back("pendo", std::move(pendo));
    }
    return Value(std::move(metadata));
}

Value Dataset::accountMetadata(std::uint32_t account) const
{
    const AccountInfo &a = m_accounts[account];
    Object metadata;
    Object agent;
    agent.emplace_back("industry", std::string(names::industries[hashText(a.name) % names::industries.size()]));
    agent.emplace_back("name", a.name);
    agent.emplace_back("plan", planNames()[a.plan]);
    agent.emplace_back("seats", static_cast<std::int64_t>(a.seats));
    metadata.emplace_back("agent", std::move(agent));
    const std::int64_t lastVisit = accountLastVisit(account);
    Object autoGroup;
    autoGroup.emplace_back("firstvisit", accountFirstVisit(account));
    autoGroup.emplace_back("id", a.id);
    autoGroup.emplace_back("idhash", static_cast<std::int64_t>(hashText(a.id) & 0xffffffffULL));
    autoGroup.emplace_back("lastupdated", lastVisit);
    autoGroup.emplace_back("lastvisit", lastVisit);
    metadata.emplace_back("auto", std::move(autoGroup));
    Object custom;
    custom.emplace_back("crmid", a.salesforceId);
    metadata.emplace_back("custom", std::move(custom));
    return Value(std::move(metadata));
}

std::optional<Value> Dataset::visitor(const std::string &visitorId) const
{
    const std::int32_t i = visitorIndex(visitorId);
    if (i < 0)
        return std::nullopt;
    Object row;
    row.emplace_back("visitorId", visitorId);
    row.emplace_back("metadata", visitorMetadata(static_cast<std::uint32_t>(i)));
    return Value(std::move(row));
}

std::optional<Value> Dataset::account(const std::string &accountId) const
{
    const std::int32_t i = accountIndex(accountId);
    if (i < 0)
        return std::nullopt;
    Object row;
    row.emplace_back("accountId", accountId);
    row.emplace_back("metadata", accountMetadata(static_cast<std::uint32_t>(i)));
    return Value(std::move(row));
}

std::optional<Value> Dataset::visitorObject(std::string_view visitorId) const
{
    const std::int32_t i = visitorIndex(visitorId);
    if (i < 0)
        return std::nullopt;
    const VisitorInfo &v = m_visitors[static_cast<std::size_t>(i)];
    Object o;
    o.emplace_back("id", v.id);
    Array ids;
    if (v.account >= 0)
        ids.emplace_back(m_accounts[static_cast<std::size_t>(v.account)].id);
    if (v.secondAccount >= 0)
        ids.emplace_back(m_accounts[static_cast<std::size_t>(v.secondAccount)].id);
    o.emplace_back("accountIds", std::move(ids));
    o.emplace_back("metadata", visitorMetadata(static_cast<std::uint32_t>(i)));
    return Value(std::move(o));
}

std::optional<Value> Dataset::accountObject(std::string_view accountId) const
{
    const std::int32_t i = accountIndex(accountId);
    if (i < 0)
        return std::nullopt;
    Object o;
    o.emplace_back("id", m_accounts[static_cast<std::size_t>(i)].id);
    o.emplace_back("metadata", accountMetadata(static_cast<std::uint32_t>(i)));
    return Value(std::move(o));
}

const Value *Dataset::report(std::string_view id) const
{
    for (const Value &r : m_reports) {
        const Value *rid = r.find("id");
        if (rid && rid->toString() == id)
            return &r;
    }
    return nullptr;
}

} // namespace pendosim
