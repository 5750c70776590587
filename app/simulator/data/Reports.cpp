// Saved reports: their objects embed a pipeline that results.json runs against the same data.
#include "Dataset.h"

#include "Hash.h"
#include "Json.h"

#include <string>

namespace pendosim {

namespace {

struct ReportSpec
{
    const char *name;
    const char *level; // "visitor" or "account"
    const char *columns; // JSON array of {field,title,type}
    std::string pipeline;
};

std::string coreFeatureFilter(const std::vector<CatalogItem> &items)
{
    std::string filter;
    for (const CatalogItem &item : items) {
        if (item.kind != ItemKind::Feature || !item.core)
            continue;
        if (!filter.empty())
            filter += " || ";
        filter += "featureId == \\\"" + item.id + "\\\"";
    }
    return filter.empty() ? std::string("false") : filter;
}

} // namespace

void Dataset::buildReports()
{
    const std::string last30 =
        R"json("timeSeries":{"period":"dayRange","first":"now()","count":-30})json";
    std::vector<ReportSpec> specs;
    specs.push_back({"Active visitors (last 30 days)", "visitor",
                     R"json([{"field":"visitor_id","title":"Visitor ID","type":"string"},
                         {"field":"visitor_agent_email","title":"Email","type":"string"},
                         {"field":"visitor_agent_name","title":"Name","type":"string"},
                         {"field":"visitor_auto_accountid","title":"Account ID","type":"string"},
                         {"field":"visitor_auto_lastvisit","title":"Last Visit","type":"time"},
                         {"field":"days_active","title":"Days Active","type":"integer"},
                         {"field":"num_events","title":"Events","type":"integer"},
                         {"field":"num_minutes","title":"Minutes","type":"integer"}])json",
                     R"json([{"source":{"events":{"appId":"expandAppIds(\"*\")"},)json" + last30 + R"json(}},
                         {"identified":"visitorId"},
                         {"group":{"group":["visitorId"],"fields":{"daysActive":{"count":"day"},
                                   "numEvents":{"sum":"numEvents"},"numMinutes":{"sum":"numMinutes"}}}},
                         {"bulkExpand":{"visitor":{"visitor":"visitorId"}}},
                         {"select":{"visitor_id":"visitorId","visitor_agent_email":"visitor.metadata.agent.email",
                                    "visitor_agent_name":"visitor.metadata.agent.name",
                                    "visitor_auto_accountid":"visitor.metadata.auto.accountid",
                                    "visitor_auto_lastvisit":"visitor.metadata.auto.lastvisit",
                                    "days_active":"daysActive","num_events":"numEvents","num_minutes":"numMinutes"}},
                         {"sort":["visitor_id"]}])json"});
    specs.push_back({"Account activity (last 30 days)", "account",
                     R"json([{"field":"account_id","title":"Account ID","type":"string"},
                         {"field":"account_agent_name","title":"Name","type":"string"},
                         {"field":"account_agent_plan","title":"Plan","type":"string"},
                         {"field":"account_auto_lastvisit","title":"Last Visit","type":"time"},
                         {"field":"active_visitors","title":"Active Visitors","type":"integer"},
                         {"field":"num_events","title":"Events","type":"integer"},
                         {"field":"num_minutes","title":"Minutes","type":"integer"}])json",
                     R"json([{"source":{"events":{"appId":"expandAppIds(\"*\")"},)json" + last30 + R"json(}},
                         {"identified":"accountId"},
                         {"group":{"group":["accountId"],"fields":{"activeVisitors":{"count":"visitorId"},
                                   "numEvents":{"sum":"numEvents"},"numMinutes":{"sum":"numMinutes"}}}},
                         {"bulkExpand":{"account":{"account":"accountId"}}},
                         {"select":{"account_id":"accountId","account_agent_name":"account.metadata.agent.name",
                                    "account_agent_plan":"account.metadata.agent.plan",
                                    "account_auto_lastvisit":"account.metadata.auto.lastvisit",
                                    "active_visitors":"activeVisitors","num_events":"numEvents",
                                    "num_minutes":"numMinutes"}},
                         {"sort":["account_id"]}])json"});
    specs.push_back({"Core feature adoption by account (last 30 days)", "account",
                     R"json([{"field":"account_id","title":"Account ID","type":"string"},
                         {"field":"account_agent_name","title":"Name","type":"string"},
                         {"field":"core_features_used","title":"Core Features Used","type":"integer"},
                         {"field":"core_events","title":"Core Feature Events","type":"integer"}])json",
                     R"json([{"source":{"featureEvents":{"appId":"expandAppIds(\"*\")"},)json" + last30 + R"json(}},
                         {"identified":"accountId"},
                         {"filter":")json" + coreFeatureFilter(m_items) + R"json("},
                         {"group":{"group":["accountId"],"fields":{"coreFeaturesUsed":{"count":"featureId"},
                                   "coreEvents":{"sum":"numEvents"}}}},
                         {"bulkExpand":{"account":{"account":"accountId"}}},
                         {"select":{"account_id":"accountId","account_agent_name":"account.metadata.agent.name",
                                    "core_features_used":"coreFeaturesUsed","core_events":"coreEvents"}},
                         {"sort":["account_id"]}])json"});

    const Array &users = m_users.toArray();
    for (std::size_t i = 0; i < specs.size(); ++i) {
        const ReportSpec &spec = specs[i];
        const std::uint64_t h = hashOf(m_config.seed, 0x4e7, i);
        std::string error;
        std::optional<Value> pipeline = parseJson(spec.pipeline, &error);
        std::optional<Value> columns = parseJson(spec.columns, &error);
        const std::string level = spec.level;
        const std::int64_t createdAt = dayStartMs(m_historyStart + 3 + static_cast<int>(i) * 11) + 15 * 3'600'000LL;
        const std::int64_t lastRun = (m_config.nowMs / 3'600'000LL) * 3'600'000LL - 2 * 3'600'000LL;

        Object config;
        config.emplace_back("appId", defaultAppId());
        config.emplace_back("acrossApps", true);
        Array columnNames;
        for (const Value &c : columns ? columns->toArray() : Array{})
            columnNames.emplace_back(c.find("field") ? *c.find("field") : Value());
        config.emplace_back("columns", std::move(columnNames));
        Object primary;
        primary.emplace_back("period", "dayRange");
        primary.emplace_back("first", "now()");
        primary.emplace_back("count", -30);
        Object timeSeries;
        timeSeries.emplace_back("type", "dayRange");
        timeSeries.emplace_back("start", "now()");
        timeSeries.emplace_back("end", "now()");
        timeSeries.emplace_back("primaryTimeSeries", std::move(primary));
        Object definition;
        definition.emplace_back("kind", level);
        definition.emplace_back("type", level == "visitor" ? "Visitor List" : "Account List");
        definition.emplace_back("config", std::move(config));
        definition.emplace_back("timeSeries", std::move(timeSeries));
        Object aggregation;
        aggregation.emplace_back("fields", columns ? *columns : Value(Array{}));
        aggregation.emplace_back("pipeline", pipeline ? *pipeline : Value(Array{}));

        Object o;
        o.emplace_back("id", opaqueId(h));
        o.emplace_back("name", spec.name);
        o.emplace_back("kind", level);
        o.emplace_back("type", "Report");
        o.emplace_back("level", level);
        o.emplace_back("scope", "subscription");
        o.emplace_back("share", "everyone");
        o.emplace_back("shared", true);
        o.emplace_back("target", level);
        o.emplace_back("definition", std::move(definition));
        o.emplace_back("aggregation", std::move(aggregation));
        o.emplace_back("createdAt", createdAt);
        o.emplace_back("createdByUser", users[h % users.size()]);
        o.emplace_back("lastUpdatedAt",
                       static_cast<std::int64_t>(createdAt + 86'400'000LL * static_cast<std::int64_t>(h % 30)));
        o.emplace_back("lastUpdatedByUser", users[(h >> 8) % users.size()]);
        o.emplace_back("ownedByUser", users[h % users.size()]);
        o.emplace_back("lastRunAt", lastRun);
        o.emplace_back("lastSuccessRunAt", lastRun);
        o.emplace_back("lastSuccessRunObj", "");
        o.emplace_back("rootVersionId", opaqueId(h ^ 0x1));
        o.emplace_back("stableVersionId", opaqueId(h ^ 0x2) + "-" + opaqueId(h ^ 0x3, 8));
        m_reports.emplace_back(std::move(o));
    }
}

} // namespace pendosim
