#pragma once

// Shared fixture of the pipeline tests: a small subscription plus helpers to run a request body.

#include "Aggregation.h"
#include "MemoryDataProvider.h"

#include <QTest>

#include <stdexcept>
#include <string>
#include <vector>

namespace pendosim::test {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kNow = MemoryDataProvider::kNow; // 2026-03-09 15:30 EDT
constexpr qint64 kFeb01 = 1769922000000;
constexpr qint64 kFeb07 = 1770440400000;
constexpr qint64 kFeb20 = 1771563600000;
constexpr qint64 kMar07 = 1772859600000;
constexpr qint64 kMar08 = 1772946000000; // 23 hours long
constexpr qint64 kMar09 = 1773028800000;
constexpr qint64 kT0 = kMar08 + 9 * kHour; // an hour bucket on 2026-03-08

inline std::string num(qint64 v)
{
    return std::to_string(v);
}

inline std::string envelope(const std::string &pipeline)
{
    return R"j({"response":{"mimeType":"application/json"},"request":{"name":"t","requestId":"t","pipeline":)j"
           + pipeline + "}}";
}

/** What runAggregation answered: the error, or the chunks and the document they form. */
struct Response
{
    std::optional<HttpError> error;
    std::vector<std::string> chunks;
    Value document;

    Array results() const
    {
        const Value *r = document.find("results");
        return r ? r->toArray() : Array();
    }
    std::int64_t startTime() const
    {
        const Value *t = document.find("startTime");
        return t ? t->toInt() : -1;
    }
};

inline Response run(const MemoryDataProvider &data, const std::string &body)
{
    Response response;
    response.error = runAggregation(data, body, [&](std::string_view chunk) { response.chunks.emplace_back(chunk); });
    if (!response.error) {
        std::string whole;
        for (const auto &chunk : response.chunks)
            whole += chunk;
        std::string error;
        auto doc = pendosim::parseJson(whole, &error);
        if (!doc)
            throw std::runtime_error("response is not JSON: " + error);
        response.document = std::move(*doc);
    }
    return response;
}

inline Value resultsOf(const Response &r)
{
    return Value(r.results());
}

inline std::string describe(const Response &r)
{
    if (r.error)
        return "HTTP " + std::to_string(r.error->status) + ": " + r.error->body;
    return r.document.toJson();
}

inline void addEvent(MemoryDataProvider &data, const std::string &source, qint64 time, const char *row)
{
    Value v = json(row);
    v.set("time", Value(std::int64_t(time)));
    data.eventRows[source].push_back(std::move(v));
}

inline void addObject(MemoryDataProvider &data, const std::string &source, const char *row)
{
    data.objectRows[source].push_back(json(row));
}

} // namespace pendosim::test

#define EXPECT_OK(response) QVERIFY2(!(response).error, describe(response).c_str())

#define EXPECT_RESULTS(response, expectedJson)                                                                      \
    do {                                                                                                           \
        EXPECT_OK(response);                                                                                       \
        const Value expectedValue = json(expectedJson);                                                            \
        QVERIFY2(resultsOf(response) == expectedValue,                                                             \
                 ("got " + resultsOf(response).toJson() + "\nwanted " + expectedValue.toJson()).c_str());          \
    } while (false)

namespace pendosim::test {

/** Fills data with the fixture every pipeline test starts from (see the comments for what each part is for). */
inline void fillFixture(MemoryDataProvider &d)
{

    // featureEvents over 2026-03-07 … 09.
    addEvent(d, "featureEvents", kMar07 + 10 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"featureId":"f1","numEvents":3,
                 "numMinutes":2})j");
    addEvent(d, "featureEvents", kMar08 + 9 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"featureId":"f1","numEvents":5,"numMinutes":4,
                 "server":"a"})j");
    addEvent(d, "featureEvents", kMar08 + 11 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"featureId":"f1","numEvents":1,"numMinutes":1,
                 "server":"b"})j");
    addEvent(d, "featureEvents", kMar08 + 12 * kHour,
             R"j({"visitorId":"v2","accountId":"acme","appId":-323232,"featureId":"f2","numEvents":2,
                 "numMinutes":2})j");
    addEvent(d, "featureEvents", kMar08 + 13 * kHour,
             R"j({"visitorId":"_PENDO_T_x1","accountId":"","appId":-323232,"featureId":"f1","numEvents":4,
                 "numMinutes":3})j");
    addEvent(d, "featureEvents", kMar08 + 14 * kHour,
             R"j({"visitorId":"v3","accountId":"globex","appId":5001,"featureId":"f1","numEvents":6,"numMinutes":5})j");
    addEvent(d, "featureEvents", kMar09 + 8 * kHour,
             R"j({"visitorId":"v2","accountId":"acme","appId":-323232,"featureId":"f1","numEvents":7,
                 "numMinutes":6})j");

    // events (all pages and features) for the ETL bodies.
    addEvent(d, "events", kMar08 + 1 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"numEvents":10,"numMinutes":5,"server":"a"})j");
    addEvent(d, "events", kMar08 + 2 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"numEvents":2,"numMinutes":1,"server":"b"})j");
    addEvent(d, "events", kMar08 + 3 * kHour,
             R"j({"visitorId":"v2","accountId":"acme","appId":-323232,"numEvents":4,"numMinutes":3})j");
    addEvent(d, "events", kMar08 + 4 * kHour,
             R"j({"visitorId":"v3","accountId":"globex","appId":5001,"numEvents":1,"numMinutes":9})j");
    addEvent(d, "events", kMar08 + 5 * kHour,
             R"j({"visitorId":"_PENDO_T_a","accountId":"","appId":-323232,"numEvents":3,"numMinutes":3})j");
    addEvent(d, "events", kMar09 + 1 * kHour,
             R"j({"visitorId":"v1","accountId":"acme","appId":-323232,"numEvents":8,"numMinutes":8})j");
    addEvent(d, "events", kFeb20 + 1 * kHour,
             R"j({"visitorId":"v4","accountId":"initech","appId":-323232,"numEvents":1,"numMinutes":1})j");
    addEvent(d, "events", kFeb01 + 1 * kHour,
             R"j({"visitorId":"v5","accountId":"initech","appId":-323232,"numEvents":1,"numMinutes":1})j");

    // pageEvents in two hour buckets from kT0, across both apps.
    const std::pair<qint64, const char *> pages[] = {
        {kT0 + 10 * kMinute, R"j({"visitorId":"v1","appId":-323232,"pageId":"pB","lastTime":0})j"},
        {kT0 + 40 * kMinute, R"j({"visitorId":"v2","appId":5001,"pageId":"pA","lastTime":0})j"},
        {kT0 + 90 * kMinute, R"j({"visitorId":"v1","appId":-323232,"pageId":"pC","lastTime":0})j"},
        {kT0 + 150 * kMinute, R"j({"visitorId":"v1","appId":-323232,"pageId":"pD","lastTime":0})j"},
        {kT0 - 10 * kMinute, R"j({"visitorId":"v1","appId":-323232,"pageId":"pE","lastTime":0})j"},
    };
    const qint64 lastTimes[] = {kT0 + 15 * kMinute, kT0 + 15 * kMinute, kT0 + 105 * kMinute, kT0 + 155 * kMinute,
                                kT0 - 5 * kMinute};
    for (std::size_t i = 0; i < std::size(pages); ++i) {
        addEvent(d, "pageEvents", pages[i].first, pages[i].second);
        d.eventRows["pageEvents"].back().set("lastTime", Value(std::int64_t(lastTimes[i])));
    }

    // guideEvents: row-level, carrying their own timestamp.
    const std::pair<qint64, const char *> guides[] = {
        {kT0 + 10 * kMinute, R"j({"visitorId":"v1","appId":-323232,"guideId":"gB","type":"guideSeen"})j"},
        {kT0 + 10 * kMinute, R"j({"visitorId":"v2","appId":5001,"guideId":"gA","type":"guideSeen"})j"},
        {kT0 + 50 * kMinute, R"j({"visitorId":"v1","appId":-323232,"guideId":"gC","type":"guideDismissed"})j"},
        {kT0 + 3 * kHour, R"j({"visitorId":"v1","appId":-323232,"guideId":"gD","type":"guideSeen"})j"},
    };
    for (const auto &[time, row] : guides) {
        addEvent(d, "guideEvents", time, row);
        d.eventRows["guideEvents"].back().set("guideTimestamp", Value(std::int64_t(time)));
    }

    // Visitors (scrambled order) and accounts.
    addObject(d, "visitors", R"j({"visitorId":"v3","accountId":"globex","metadata":{"auto":{"lastupdated":3}}})j");
    addObject(d, "visitors", R"j({"visitorId":"a-visitor","accountId":"acme","metadata":{"auto":{"lastupdated":1}}})j");
    addObject(d, "visitors", R"j({"visitorId":"v1","accountId":"acme",
        "metadata":{"agent":{"email":"v1@acme.test"}}})j");
    addObject(d, "visitors", R"j({"visitorId":"_PENDO_T_anon","accountId":"","metadata":{}})j");
    addObject(d, "visitors", R"j({"visitorId":"v4","accountId":"","metadata":{}})j");
    addObject(d, "visitors", R"j({"visitorId":"v2","accountId":"acme","metadata":{}})j");
    addObject(d, "accounts", R"j({"accountId":"acme","metadata":{"auto":{"lastupdated":1700000000000},
        "custom":{"tier":"gold"}}})j");
    addObject(d, "accounts", R"j({"accountId":"globex","metadata":{"auto":{"lastupdated":1500000000000}}})j");
    addObject(d, "accounts", R"j({"accountId":"initech","metadata":{"auto":{"lastupdated":1650000000000}}})j");
    addObject(d, "accounts", R"j({"accountId":"umbrella","metadata":{}})j");

    // A plain table for aggregator tests.
    addObject(d, "pages", R"j({"k":"a","n":1,"s":"x","d":1.5})j");
    addObject(d, "pages", R"j({"k":"b","n":2,"s":"y"})j");
    addObject(d, "pages", R"j({"k":"a","n":3,"s":"x"})j");
    addObject(d, "pages", R"j({"k":"a","n":null,"s":"z","d":0.5})j");
    addObject(d, "pages", R"j({"k":"b","n":4,"s":null})j");
    addObject(d, "pages", R"j({"n":5})j");

    // NPS responses.
    addObject(d, "pollsSeenEver", R"j({"visitorId":"v1","accountId":"acme","guideId":"nps","pollId":"q1","time":100,
        "response":9})j");
    addObject(d, "pollsSeenEver", R"j({"visitorId":"v1","accountId":"acme","guideId":"nps","pollId":"q2","time":110,
        "response":"great"})j");
    addObject(d, "pollsSeenEver", R"j({"visitorId":"v2","accountId":"acme","guideId":"nps","pollId":"q1","time":200,
        "response":3})j");
    addObject(d, "pollsSeenEver", R"j({"visitorId":"v3","accountId":"globex","guideId":"nps","pollId":"q2","time":300,
        "response":"meh"})j");
    addObject(d, "pollsSeenEver", R"j({"visitorId":"_PENDO_T_z","accountId":"","guideId":"nps","pollId":"q1","time":400,
        "response":10})j");
}


} // namespace pendosim::test
