#include "Options.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTimeZone>

#include <limits>

namespace pendosim {

namespace {

// The texts are UTF-8 source literals (the help uses "…"), so they are decoded as UTF-8.
QCommandLineOption option(const char *name, const char *description, const char *valueName = nullptr,
                          const char *defaultValue = nullptr)
{
    QCommandLineOption o(QString::fromUtf8(name), QString::fromUtf8(description));
    if (valueName)
        o.setValueName(QString::fromUtf8(valueName));
    if (defaultValue)
        o.setDefaultValue(QString::fromUtf8(defaultValue));
    return o;
}

} // namespace

std::optional<std::int64_t> parseInstant(const QString &text)
{
    bool ok = false;
    const qlonglong ms = text.toLongLong(&ok);
    if (ok)
        return ms;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        return std::nullopt;
    return dt.toMSecsSinceEpoch();
}

std::optional<SimOptions> parseSimOptions(const QStringList &args, std::int64_t nowMsFallback, QString *message,
                                          bool *helpRequested)
{
    if (helpRequested)
        *helpRequested = false;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "pendo-sim: a Pendo API simulator on 127.0.0.1. Serves Pendo's /api/v1 paths and JSON from deterministic "
        "synthetic data and can inject faults. The first stdout line of each region is "
        "{\"listening\":\"http://127.0.0.1:PORT\",\"region\":\"REGION\"}."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    const auto port = option("port", "Port of the first region's listener; 0 picks a free port (default). With a "
                                     "fixed port, region i listens on PORT+i.",
                             "port", "0");
    const auto regions = option("regions", "Comma-separated regions to open a listener for (us, us1, eu, jp, au, "
                                           "…); default us.",
                                "list", "us");
    const auto subscriptionRegion = option("subscription-region", "The region the subscription lives in; every "
                                                                  "other region answers 403 with an empty body. "
                                                                  "Default: the first of --regions.",
                                           "region");
    const auto key = option("key", "An integration key with write access (repeatable). Default when no key is "
                                   "given: pendo-sim-key.",
                            "key");
    const auto readOnlyKey = option("read-only-key", "An integration key without write access (repeatable).", "key");
    const auto seed = option("seed", "Seed of the synthetic data and of the fault draws (default 1).", "n", "1");
    const auto accounts = option("accounts", "Number of accounts (default 200).", "n", "200");
    const auto visitors = option("visitors-per-account", "Average visitors per account (default 15).", "n", "15");
    const auto apps = option("apps", "Number of apps; the first is the default web app -323232, the second a mobile "
                                     "app (default 2).",
                             "n", "2");
    const auto features = option("features", "Features of the web app (mobile apps get half; default 30).", "n", "30");
    const auto pages = option("pages", "Pages of the web app (mobile apps get two thirds; default 15).", "n", "15");
    const auto guides = option("guides", "Number of guides, one of them an NPS survey (default 8).", "n", "8");
    const auto trackTypes = option("track-types", "Track event types per app (default 5).", "n", "5");
    const auto historyDays = option("history-days", "Days of history up to today (default 400).", "n", "400");
    const auto timezone = option("timezone", "The subscription's time zone; day buckets start at its local "
                                             "midnight (default America/New_York).",
                                 "iana-id", "America/New_York");
    const auto now = option("now", "Fix \"now\" (ISO 8601 timestamp or epoch ms) for reproducible runs; default: "
                                   "the clock at start-up.",
                            "instant");
    const auto lateHours = option("late-hours", "Hours after which a bucket's data is complete; the current hour "
                                                "and these hours fill in gradually (default 6).",
                                  "n", "6");
    const auto f429 = option("fault-429", "Probability of a 429 burst per request (0..1).", "rate", "0");
    const auto f429Burst = option("fault-429-burst", "Consecutive requests a 429 burst lasts (default 3).", "n", "3");
    const auto f500 = option("fault-500", "Probability of a 500 with a plain-text body.", "rate", "0");
    const auto f502 = option("fault-502", "Probability of a 502 with an HTML body.", "rate", "0");
    const auto f503 = option("fault-503", "Probability of a 503 with an HTML body.", "rate", "0");
    const auto fSlow = option("fault-slow", "Probability of a slow (delayed) response.", "rate", "0");
    const auto slowMs = option("slow-ms", "Delay of a slow response in ms (default 3000).", "ms", "3000");
    const auto fHang = option("fault-hang", "Probability that a request is never answered (the connection stays "
                                            "open).",
                              "rate", "0");
    const auto fTruncate = option("fault-truncate", "Probability that a body is cut off and the connection closed.",
                                  "rate", "0");
    const auto fMalformed = option("fault-malformed", "Probability of a complete HTTP response whose JSON body is "
                                                      "malformed.",
                                   "rate", "0");
    const auto faultPaths = option("fault-paths", "Only inject faults into requests whose path starts with this "
                                                  "(e.g. /api/v1/aggregation).",
                                   "prefix");
    const auto exportCrm = option("export-crm", "Write accounts.csv and contacts.csv of the same customers as a CRM "
                                                "would export them into this directory.",
                                  "dir");
    const auto exportTruth = option("export-truth", "Write the ground truth (archetypes, planted CRM imperfections, "
                                                    "core features, first-value events) as JSON to this file.",
                                    "file");
    const auto exportVisitorDays = option("export-visitor-days", "Write every identified visitor's active days over "
                                                                 "the whole history as CSV visitor,account,app,day "
                                                                 "(Pendo ids, the day in the subscription's time "
                                                                 "zone) to this file.",
                                          "file");
    const QCommandLineOption noServe(QStringLiteral("no-serve"),
                                     QStringLiteral("Exit after writing the exports instead of serving."));
    const auto exitWithParent = option("exit-with-parent", "Exit when the process that started pendo-sim ends, "
                                                           "however it ends (also when it is killed or crashes).");
    for (const auto &o : {port, regions, subscriptionRegion, key, readOnlyKey, seed, accounts, visitors, apps,
                          features, pages, guides, trackTypes, historyDays, timezone, now, lateHours, f429, f429Burst,
                          f500, f502, f503, fSlow, slowMs, fHang, fTruncate, fMalformed, faultPaths, exportCrm,
                          exportTruth, exportVisitorDays})
        parser.addOption(o);
    parser.addOption(noServe);
    parser.addOption(exitWithParent);

    if (!parser.parse(args)) {
        *message = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        *message = parser.helpText();
        if (helpRequested)
            *helpRequested = true;
        return std::nullopt;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *message = QStringLiteral("unexpected argument: ") + parser.positionalArguments().front();
        return std::nullopt;
    }

    SimOptions out;
    QString error;
    const auto integer = [&](const QCommandLineOption &o, long long min, long long max) -> long long {
        bool ok = false;
        const long long v = parser.value(o).toLongLong(&ok);
        if (!ok || v < min || v > max)
            error = QStringLiteral("--") + o.names().front() + QStringLiteral(" must be an integer between ") +
                    QString::number(min) + QStringLiteral(" and ") + QString::number(max);
        return v;
    };
    const auto rate = [&](const QCommandLineOption &o) -> double {
        bool ok = false;
        const double v = parser.value(o).toDouble(&ok);
        if (!ok || v < 0.0 || v > 1.0)
            error = QStringLiteral("--") + o.names().front() + QStringLiteral(" must be a number between 0 and 1");
        return v;
    };

    out.server.port = static_cast<quint16>(integer(port, 0, 65535));
    out.server.regions.clear();
    for (const QString &r : parser.value(regions).split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.server.regions << r.trimmed();
    if (out.server.regions.isEmpty())
        out.server.regions << QStringLiteral("us");
    out.server.subscriptionRegion =
        parser.isSet(subscriptionRegion) ? parser.value(subscriptionRegion) : out.server.regions.front();
    if (!out.server.regions.contains(out.server.subscriptionRegion))
        error = QStringLiteral("--subscription-region must be one of --regions");
    out.server.keys = parser.values(key);
    out.server.readOnlyKeys = parser.values(readOnlyKey);

    out.dataset.seed = static_cast<std::uint64_t>(integer(seed, 0, std::numeric_limits<long long>::max()));
    out.dataset.accounts = static_cast<int>(integer(accounts, 1, 1'000'000));
    out.dataset.visitorsPerAccount = static_cast<int>(integer(visitors, 1, 10'000));
    out.dataset.apps = static_cast<int>(integer(apps, 1, 8));
    out.dataset.featuresPerApp = static_cast<int>(integer(features, 1, 10'000));
    out.dataset.pagesPerApp = static_cast<int>(integer(pages, 1, 10'000));
    out.dataset.guides = static_cast<int>(integer(guides, 0, 1'000));
    out.dataset.trackTypesPerApp = static_cast<int>(integer(trackTypes, 0, 1'000));
    out.dataset.historyDays = static_cast<int>(integer(historyDays, 1, 3'000));
    out.dataset.lateHours = static_cast<int>(integer(lateHours, 0, 72));
    out.dataset.timeZone = parser.value(timezone).toUtf8();
    if (!QTimeZone(out.dataset.timeZone).isValid())
        error = QStringLiteral("unknown time zone: ") + parser.value(timezone);
    out.dataset.nowMs = nowMsFallback;
    if (parser.isSet(now)) {
        const auto instant = parseInstant(parser.value(now));
        if (!instant)
            error = QStringLiteral("--now must be an ISO 8601 timestamp or epoch milliseconds");
        else
            out.dataset.nowMs = *instant;
    }

    out.faults.seed = out.dataset.seed;
    out.faults.tooMany = rate(f429);
    out.faults.tooManyBurst = static_cast<int>(integer(f429Burst, 1, 1000));
    out.faults.serverError = rate(f500);
    out.faults.badGateway = rate(f502);
    out.faults.unavailable = rate(f503);
    out.faults.slow = rate(fSlow);
    out.faults.slowMs = static_cast<int>(integer(slowMs, 0, 3'600'000));
    out.faults.hang = rate(fHang);
    out.faults.truncate = rate(fTruncate);
    out.faults.malformed = rate(fMalformed);
    out.faults.pathPrefix = parser.value(faultPaths).toStdString();

    out.exportCrmDir = parser.value(exportCrm);
    out.exportTruthFile = parser.value(exportTruth);
    out.exportVisitorDaysFile = parser.value(exportVisitorDays);
    out.serve = !parser.isSet(noServe);
    out.exitWithParent = parser.isSet(exitWithParent);
    if (!error.isEmpty()) {
        *message = error;
        return std::nullopt;
    }
    return out;
}

} // namespace pendosim
