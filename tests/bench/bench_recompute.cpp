// The analytics recompute against the SQL it replaces, on the same rows in the same run.
//
// Fills a fresh workspace directly (native sqlite3 through the workspace's writer, rows sorted by
// primary key) with a deterministic synthetic year: 2,000 CS accounts with licensed seats, each
// matched to a Pendo account; ~25 visitors per account, each a contact matched to its visitor; two
// apps; kind-0 activity rows for every active visitor-day (visitors active on 40-70 % of days, some
// accounts declining, some growing, a few going dormant) and kind-1 rows for a few of 20 features
// per app (5 of them core) on each of those days. Then times, one after the other:
//   (a) Recompute::run(full) — the whole derived layer, stored — and prints its summary;
//   (b) MAU (all apps together) for every account and day with the straightforward SQL: a day
//       calendar joined with the 30-day range of kind-0 rows and the account match, COUNT(DISTINCT);
//   (c) the same MAU with window functions: per (account, visitor) active days, LAG/LEAD to find
//       where a 30-day coverage starts and ends, +1/-1 deltas, a running SUM per account, spread
//       over the calendar.
// Both SQL results are materialised in temp tables, so each pays for producing every row. They must
// agree exactly, and with account_metrics.mau of app 0 (the line says MISMATCH and the exit code is
// 1 when they do not). The last two lines are "recompute vs naive SQL: R1" and "recompute vs best
// SQL: R2" (SQL time ÷ recompute time).
//   bench_recompute [--accounts N] [--days N] [--seed N] [--recompute-only 1]
//   (defaults 2000 accounts, 365 days, seed 1; --recompute-only stops after the recompute, for profiling)

#include "analytics/Recompute.h"
#include "store/Database.h"
#include "store/SqlDialect.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Options
{
    int accounts = 2000;
    int days = 365;
    std::uint64_t seed = 1;
    bool recomputeOnly = false; // --recompute-only 1: time the recompute alone (profiling), no ratios
};

Options parseOptions(int argc, char *argv[])
{
    Options o;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--accounts") == 0)
            o.accounts = std::max(1, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--days") == 0)
            o.days = std::max(30, std::atoi(argv[i + 1]));
        else if (std::strcmp(argv[i], "--recompute-only") == 0)
            o.recomputeOnly = std::atoi(argv[i + 1]) != 0;
        else if (std::strcmp(argv[i], "--seed") == 0)
            o.seed = std::strtoull(argv[i + 1], nullptr, 10);
    }
    return o;
}

// ---------------------------------------------------------------------------------------------------------------
// The synthetic subscription. Every decision is a hash of (seed, what, who, when), so the two passes
// that write kind-0 and kind-1 rows (each in primary-key order) see the same activity.

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hashOf(std::uint64_t seed, std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0)
{
    return mix(mix(mix(seed ^ a) ^ b) ^ c);
}

double unit(std::uint64_t h)
{
    return double(h >> 11) * (1.0 / 9007199254740992.0);
}

enum Salt : std::uint64_t { SaltAccount = 1, SaltVisitor, SaltActive, SaltApps, SaltEvents, SaltFeatures };

constexpr qint64 kApps[2] = {-323232, 5629499534213120};
constexpr int kFeaturesPerApp = 20;
constexpr int kCoreFeatures = 5;

enum class Story : std::uint8_t { Steady, Declining, Growing, Dormant };

struct Account
{
    Story story = Story::Steady;
    int firstVisitor = 0; // index into visitors
    int visitorCount = 0;
    int seats = 0;
};

struct Visitor
{
    int account = 0;
    int startDay = 0;
    double propensity = 0.5; // share of days active, before the account's story
    bool secondApp = false;
};

struct Subscription
{
    std::uint64_t seed = 1;
    int firstDay = 0, lastDay = 0; // julian days
    std::vector<Account> accounts;
    std::vector<Visitor> visitors;

    double level(const Account &a, int day) const
    {
        const double t = double(day - firstDay) / std::max(1, lastDay - firstDay);
        switch (a.story) {
        case Story::Steady:
            return 1.0;
        case Story::Declining: // the last 120 days fall to a third
            return day < lastDay - 120 ? 1.0 : 1.0 - 0.67 * double(day - (lastDay - 120)) / 120.0;
        case Story::Growing:
            return 0.6 + 0.4 * t;
        case Story::Dormant: // stops two thirds of the way
            return t < 0.66 ? 1.0 : 0.02;
        }
        return 1.0;
    }

    /** Bit 0: active in the first app, bit 1: in the second; 0 when idle. */
    unsigned appsOn(int visitor, int day) const
    {
        const Visitor &v = visitors[std::size_t(visitor)];
        if (day < v.startDay)
            return 0;
        const double p = v.propensity * level(accounts[std::size_t(v.account)], day);
        if (unit(hashOf(seed, SaltActive, std::uint64_t(visitor), std::uint64_t(day))) >= p)
            return 0;
        if (!v.secondApp)
            return 1;
        const double r = unit(hashOf(seed, SaltApps, std::uint64_t(visitor), std::uint64_t(day)));
        return r < 0.55 ? 1u : r < 0.8 ? 2u : 3u;
    }
};

Subscription makeSubscription(const Options &o)
{
    Subscription s;
    s.seed = o.seed;
    s.lastDay = int(QDate(2026, 11, 30).toJulianDay());
    s.firstDay = s.lastDay - o.days + 1;
    s.accounts.resize(std::size_t(o.accounts));
    for (int i = 0; i < o.accounts; ++i) {
        Account &a = s.accounts[std::size_t(i)];
        const std::uint64_t h = hashOf(o.seed, SaltAccount, std::uint64_t(i));
        const double r = unit(h);
        a.story = r < 0.70 ? Story::Steady : r < 0.85 ? Story::Declining : r < 0.95 ? Story::Growing : Story::Dormant;
        a.firstVisitor = int(s.visitors.size());
        a.visitorCount = 20 + int((h >> 8) % 11); // 20..30, ~25 on average
        a.seats = a.visitorCount + int((h >> 16) % 15) - 3;
        for (int k = 0; k < a.visitorCount; ++k) {
            const std::uint64_t hv = hashOf(o.seed, SaltVisitor, s.visitors.size());
            Visitor v;
            v.account = i;
            v.propensity = 0.4 + 0.3 * unit(hv);
            v.secondApp = unit(mix(hv)) < 0.4;
            // Most were there from the start; some joined later (growing accounts: most of them).
            const double late = a.story == Story::Growing ? 0.7 : 0.15;
            if (unit(mix(hv ^ 0x5a)) < late)
                v.startDay = s.firstDay + int((hv >> 20) % std::uint64_t(std::max(1, o.days - 20)));
            else
                v.startDay = s.firstDay;
            s.visitors.push_back(v);
        }
    }
    return s;
}

// ---------------------------------------------------------------------------------------------------------------
// Native writes

struct Statement
{
    sqlite3_stmt *stmt = nullptr;
    Statement(sqlite3 *db, const char *sql)
    {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "prepare failed: %s\n%s\n", sqlite3_errmsg(db), sql);
            std::exit(2);
        }
    }
    ~Statement() { sqlite3_finalize(stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int i, qint64 v)
    {
        sqlite3_bind_int64(stmt, i, v);
        return *this;
    }
    Statement &bind(int i, const std::string &v)
    {
        sqlite3_bind_text(stmt, i, v.data(), int(v.size()), SQLITE_TRANSIENT);
        return *this;
    }
    bool step()
    {
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        return rc == SQLITE_DONE || rc == SQLITE_ROW;
    }
};

bool exec(sqlite3 *db, const std::string &sql, QString *error = nullptr)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = QString::fromUtf8(message);
    std::fprintf(stderr, "SQL failed: %s\n", message);
    sqlite3_free(message);
    return false;
}

qint64 scalar(sqlite3 *db, const std::string &sql)
{
    Statement q(db, sql.c_str());
    const qint64 v = sqlite3_step(q.stmt) == SQLITE_ROW ? sqlite3_column_int64(q.stmt, 0) : -1;
    return v;
}

std::string padded(const char *prefix, int n, int width)
{
    std::string digits = std::to_string(n);
    return prefix + std::string(std::size_t(std::max(0, width - int(digits.size()))), '0') + digits;
}

/** The CS and Pendo dictionaries, the matches, the catalog and a backfill's checkpoints. */
StoreError writeIdentities(WriteTransaction &tx, const Subscription &s)
{
    auto *db = static_cast<sqlite3 *>(tx.nativeHandle());
    const std::string now = tx.nowText().toStdString();
    {
        Statement app(db,
                      "INSERT INTO pendo_apps (app_id, name, is_default, first_seen_at, last_seen_at, platform) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
        app.bind(1, kApps[0]).bind(2, std::string("Web")).bind(3, 1).bind(4, now).bind(5, now);
        app.bind(6, std::string("web")).step();
        app.bind(1, kApps[1]).bind(2, std::string("Mobile")).bind(3, 0).bind(4, now).bind(5, now);
        app.bind(6, std::string("ios")).step();

        Statement item(db,
                       "INSERT INTO pendo_catalog_items (id, kind, pendo_id, app_id, name, is_core, first_seen_at, "
                       "last_seen_at) VALUES (?, 'feature', ?, ?, ?, ?, ?, ?)");
        for (int a = 0; a < 2; ++a) {
            for (int f = 0; f < kFeaturesPerApp; ++f) {
                const int id = 1 + a * kFeaturesPerApp + f;
                item.bind(1, id).bind(2, padded("feat-", id, 4)).bind(3, kApps[a]).bind(4, padded("Feature ", id, 2));
                item.bind(5, f < kCoreFeatures ? 1 : 0).bind(6, now).bind(7, now).step();
            }
        }
    }
    Statement account(db,
                      "INSERT INTO accounts (id, external_id, name, licensed_seats, created_at, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)");
    Statement pendoAccount(db,
                           "INSERT INTO pendo_accounts (id, account_id, refreshed_at, first_seen_at) "
                           "VALUES (?, ?, ?, ?)");
    Statement contact(db,
                      "INSERT INTO contacts (id, external_id, account_id, email, name, created_at, updated_at) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?)");
    Statement pendoVisitor(db,
                           "INSERT INTO pendo_visitors (id, visitor_id, account_id, account_ids, email, "
                           "refreshed_at, first_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    Statement match(db,
                    "INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, matched_by, config_version, "
                    "resolved_at) VALUES (?, ?, 'matched', ?, 'id', 1, ?)");
    for (std::size_t i = 0; i < s.accounts.size(); ++i) {
        const int id = int(i) + 1;
        const std::string external = padded("ACME-", id, 5);
        account.bind(1, id).bind(2, external).bind(3, "Customer " + std::to_string(id));
        account.bind(4, s.accounts[i].seats).bind(5, now).bind(6, now);
        pendoAccount.bind(1, id).bind(2, external).bind(3, now).bind(4, now);
        match.bind(1, std::string("account")).bind(2, id).bind(3, id).bind(4, now);
        if (!account.step() || !pendoAccount.step() || !match.step())
            return StoreError::failed(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    for (std::size_t i = 0; i < s.visitors.size(); ++i) {
        const int id = int(i) + 1;
        const int accountId = s.visitors[i].account + 1;
        const std::string visitor = padded("V", id, 7);
        const std::string email = "user" + std::to_string(id) + "@customer" + std::to_string(accountId) + ".example";
        const std::string accountText = padded("ACME-", accountId, 5);
        contact.bind(1, id).bind(2, visitor).bind(3, accountId).bind(4, email).bind(5, "User " + std::to_string(id));
        contact.bind(6, now).bind(7, now);
        pendoVisitor.bind(1, id).bind(2, visitor).bind(3, accountText).bind(4, "[\"" + accountText + "\"]");
        pendoVisitor.bind(5, email).bind(6, now).bind(7, now);
        match.bind(1, std::string("contact")).bind(2, id).bind(3, id).bind(4, now);
        if (!contact.step() || !pendoVisitor.step() || !match.step())
            return StoreError::failed(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    // A year's backfill that finished: every window synced.
    exec(db,
         "INSERT INTO sync_runs (id, kind, status, streams, from_day, to_day, backfill_days, holder, started_at, "
         "finished_at) VALUES (1, 'backfill', 'completed', 'activity,features', "
             + std::to_string(s.firstDay) + ", " + std::to_string(s.lastDay) + ", "
             + std::to_string(s.lastDay - s.firstDay + 1) + ", 'benchmark', '" + now + "', '" + now + "')");
    Statement window(db,
                     "INSERT INTO sync_windows (stream, app_id, day, status, run_id, pulled_at) "
                     "VALUES (?, ?, ?, 'synced', 1, ?)");
    for (const char *stream : {"activity", "features"}) {
        for (qint64 app : kApps) {
            for (int day = s.firstDay; day <= s.lastDay; ++day)
                window.bind(1, std::string(stream)).bind(2, app).bind(3, day).bind(4, now).step();
        }
    }
    return {};
}

/** One kind's rows, in primary-key order (kind, app, day, visitor, account, item). */
StoreError writeActivity(WriteTransaction &tx, const Subscription &s, int kind, qint64 *rows)
{
    auto *db = static_cast<sqlite3 *>(tx.nativeHandle());
    Statement insert(db,
                     "INSERT INTO pendo_activity (kind, app_id, day, visitor_ref, account_ref, item_ref, events, "
                     "minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (int app = 0; app < 2; ++app) {
        for (int day = s.firstDay; day <= s.lastDay; ++day) {
            for (std::size_t vi = 0; vi < s.visitors.size(); ++vi) {
                if (!(s.appsOn(int(vi), day) & (1u << app)))
                    continue;
                const qint64 visitorRef = qint64(vi) + 1;
                const qint64 accountRef = s.visitors[vi].account + 1;
                const std::uint64_t h = hashOf(s.seed, SaltEvents, vi, std::uint64_t(day) * 2 + std::uint64_t(app));
                if (kind == 0) {
                    insert.bind(1, 0).bind(2, kApps[app]).bind(3, day).bind(4, visitorRef).bind(5, accountRef);
                    insert.bind(6, 0).bind(7, 5 + qint64(h % 76)).bind(8, 1 + qint64((h >> 8) % 60));
                    if (!insert.step())
                        return StoreError::failed(QString::fromUtf8(sqlite3_errmsg(db)));
                    ++*rows;
                    continue;
                }
                // A few features a day, core ones more often; declining accounts lose core use first.
                const Account &a = s.accounts[std::size_t(s.visitors[vi].account)];
                const double coreLevel = a.story == Story::Declining ? s.level(a, day) : 1.0;
                const int uses = 1 + int(h % 4);
                std::uint32_t chosen = 0;
                for (int u = 0; u < uses; ++u) {
                    const std::uint64_t hf = hashOf(s.seed, SaltFeatures, h, std::uint64_t(u));
                    int f = unit(hf) < 0.5 * coreLevel
                        ? int((hf >> 12) % kCoreFeatures)
                        : kCoreFeatures + int((hf >> 12) % (kFeaturesPerApp - kCoreFeatures));
                    chosen |= 1u << f;
                }
                for (int f = 0; f < kFeaturesPerApp; ++f) {
                    if (!(chosen & (1u << f)))
                        continue;
                    const std::uint64_t hf = hashOf(s.seed, SaltFeatures, h, 100 + std::uint64_t(f));
                    insert.bind(1, 1).bind(2, kApps[app]).bind(3, day).bind(4, visitorRef).bind(5, accountRef);
                    insert.bind(6, 1 + app * kFeaturesPerApp + f)
                        .bind(7, 1 + qint64(hf % 10))
                        .bind(8, qint64((hf >> 8) % 4));
                    if (!insert.step())
                        return StoreError::failed(QString::fromUtf8(sqlite3_errmsg(db)));
                    ++*rows;
                }
            }
        }
    }
    return {};
}

// ---------------------------------------------------------------------------------------------------------------
// The two SQL formulations of MAU (all apps together) for every account and calendar day. Both give
// one row per (account, day) with at least one active visitor in the 30 days up to that day.

std::string naiveMau(int from, int to)
{
    // pendo_apps in the join lets the primary key (kind, app_id, day, ...) seek each app's day range;
    // without it SQLite scans every kind-0 row for every calendar day.
    return "CREATE TEMP TABLE naive_mau AS "
           "SELECT m.cs_id AS account_id, c.day AS day, COUNT(DISTINCT a.visitor_ref) AS mau "
           "FROM bench_calendar c "
           "JOIN pendo_apps p "
           "JOIN pendo_activity a ON a.kind = 0 AND a.app_id = p.app_id AND a.day BETWEEN c.day - 29 AND c.day "
           "JOIN match_resolutions m ON m.object = 'account' AND m.pendo_ref = a.account_ref AND m.status = 'matched' "
           "WHERE c.day BETWEEN "
        + std::to_string(from) + " AND " + std::to_string(to) + " GROUP BY m.cs_id, c.day";
}

std::string bestMau(int from, int to)
{
    // A visitor active on day a is in the MAU of days a..a+29. Per (account, visitor), a coverage starts
    // at an active day more than 29 days after the previous one and ends 30 days after an active day
    // with no other within 29 days; +1 and -1 there, summed per account in day order, is the MAU from
    // that day until the next change.
    const std::string f = std::to_string(from), t = std::to_string(to);
    return "CREATE TEMP TABLE best_mau AS "
           "WITH active AS ("
           "  SELECT m.cs_id AS account_id, a.visitor_ref AS visitor, a.day AS day "
           "  FROM pendo_activity a "
           "  JOIN match_resolutions m ON m.object = 'account' AND m.pendo_ref = a.account_ref "
           "   AND m.status = 'matched' "
           "  WHERE a.kind = 0 AND a.day BETWEEN "
        + f + " - 29 AND " + t
        + "  GROUP BY 1, 2, 3), "
          "runs AS ("
          "  SELECT account_id, day, LAG(day) OVER w AS prev, LEAD(day) OVER w AS next "
          "  FROM active WINDOW w AS (PARTITION BY account_id, visitor ORDER BY day)), "
          "deltas AS ("
          "  SELECT account_id, day AS at, 1 AS delta FROM runs WHERE prev IS NULL OR day - prev >= 30 "
          "  UNION ALL "
          "  SELECT account_id, day + 30, -1 FROM runs WHERE next IS NULL OR next - day >= 30), "
          "steps AS ("
          "  SELECT account_id, at, SUM(SUM(delta)) OVER (PARTITION BY account_id ORDER BY at) AS mau, "
          "         LEAD(at) OVER (PARTITION BY account_id ORDER BY at) AS until "
          "  FROM deltas GROUP BY account_id, at) "
          "SELECT s.account_id AS account_id, c.day AS day, s.mau AS mau "
          "FROM steps s JOIN bench_calendar c ON c.day >= s.at AND c.day < COALESCE(s.until, "
        + t + " + 1) WHERE s.mau > 0 AND c.day BETWEEN " + f + " AND " + t;
}

/** Rows of `a` not in `b`, as (account, day, mau). */
qint64 missingFrom(sqlite3 *db, const std::string &a, const std::string &b)
{
    return scalar(db,
                  "SELECT COUNT(*) FROM (SELECT account_id, day, mau FROM " + a
                      + " EXCEPT SELECT account_id, day, mau FROM " + b + ")");
}

double seconds(qint64 ms)
{
    return ms / 1000.0;
}

QString isoDay(int julianDay)
{
    return QDate::fromJulianDay(julianDay).toString(Qt::ISODate);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options = parseOptions(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "no temporary directory\n");
        return 2;
    }
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    Database database(path);
    QString error;
    if (!database.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    // --- the workspace ---------------------------------------------------------------------------------------
    const Subscription s = makeSubscription(options);
    std::printf("bench_recompute: %d accounts, %zu visitors, %d days (%s .. %s), 2 apps, %d features per app "
                "(%d core), seed %llu\n",
                options.accounts, s.visitors.size(), options.days, qPrintable(isoDay(s.firstDay)),
                qPrintable(isoDay(s.lastDay)), kFeaturesPerApp, kCoreFeatures,
                static_cast<unsigned long long>(options.seed));
    std::fflush(stdout);
    QElapsedTimer fillTimer;
    fillTimer.start();
    qint64 activityRows = 0, featureRows = 0;
    StoreError failed = database.writer().runAndWait(QStringLiteral("benchmark identities"),
                                                     [&](WriteTransaction &tx) { return writeIdentities(tx, s); });
    if (!failed)
        failed = database.writer().runAndWait(QStringLiteral("benchmark activity"), [&](WriteTransaction &tx) {
            return writeActivity(tx, s, 0, &activityRows);
        });
    if (!failed)
        failed = database.writer().runAndWait(QStringLiteral("benchmark features"), [&](WriteTransaction &tx) {
            return writeActivity(tx, s, 1, &featureRows);
        });
    if (failed) {
        std::fprintf(stderr, "fill failed: %s\n", qPrintable(failed.message()));
        return 2;
    }
    QSqlDatabase connection = database.connection();
    auto *db = static_cast<sqlite3 *>(SqlDialect::sqliteHandle(connection));
    // The timings below read the database file, not a WAL as large as the file.
    exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
    std::printf("fill: %lld activity rows, %lld feature rows in %.1f s; file %.0f MB\n",
                static_cast<long long>(activityRows), static_cast<long long>(featureRows), seconds(fillTimer.elapsed()),
                QFileInfo(path).size() / 1048576.0);
    std::fflush(stdout);

    // --- (a) the recompute -----------------------------------------------------------------------------------
    QElapsedTimer timer;
    timer.start();
    const RecomputeSummary summary = Recompute::run(database, RecomputeRequest::full(QStringLiteral("benchmark")));
    const qint64 recomputeMs = std::max<qint64>(1, timer.elapsed());
    std::printf("recompute: %s%s in %.2f s — %d accounts, %lld metric rows, %lld scores, days %s .. %s; "
                "read and compute %.2f s, write %.2f s (its own elapsed %.2f s)\n",
                summary.ok ? "ok" : "FAILED ", summary.ok ? "" : qPrintable(summary.error), seconds(recomputeMs),
                summary.accounts, static_cast<long long>(summary.rowsWritten),
                static_cast<long long>(summary.scoresWritten), qPrintable(isoDay(summary.fromDay)),
                qPrintable(isoDay(summary.toDay)), seconds(summary.readMs), seconds(summary.writeMs),
                seconds(summary.elapsedMs));
    std::fflush(stdout);

    if (options.recomputeOnly)
        return summary.ok ? 0 : 1;

    // --- (b) and (c) the SQL ---------------------------------------------------------------------------------
    exec(db, "CREATE TEMP TABLE bench_calendar (day INTEGER PRIMARY KEY)");
    exec(db,
         "WITH RECURSIVE d(day) AS (SELECT " + std::to_string(s.firstDay)
             + " UNION ALL SELECT day + 1 FROM d "
               "WHERE day < "
             + std::to_string(s.lastDay) + ") INSERT INTO bench_calendar SELECT day FROM d");

    timer.restart();
    if (!exec(db, naiveMau(s.firstDay, s.lastDay)))
        return 2;
    const qint64 naiveMs = std::max<qint64>(1, timer.elapsed());
    const qint64 naiveRows = scalar(db, "SELECT COUNT(*) FROM naive_mau");
    std::printf("naive SQL (COUNT(DISTINCT) over calendar × activity × match): %.2f s, %lld rows\n", seconds(naiveMs),
                static_cast<long long>(naiveRows));
    std::fflush(stdout);

    timer.restart();
    if (!exec(db, bestMau(s.firstDay, s.lastDay)))
        return 2;
    const qint64 bestMs = std::max<qint64>(1, timer.elapsed());
    const qint64 bestRows = scalar(db, "SELECT COUNT(*) FROM best_mau");
    std::printf("best SQL (window functions, coverage deltas): %.2f s, %lld rows\n", seconds(bestMs),
                static_cast<long long>(bestRows));

    bool agree = true;
    const qint64 naiveOnly = missingFrom(db, "naive_mau", "best_mau");
    const qint64 bestOnly = missingFrom(db, "best_mau", "naive_mau");
    if (naiveOnly || bestOnly || naiveRows <= 0) {
        std::printf("MISMATCH naive vs best SQL: %lld rows only in naive, %lld only in best\n",
                    static_cast<long long>(naiveOnly), static_cast<long long>(bestOnly));
        agree = false;
    } else {
        std::printf("naive and best SQL agree: %lld (account, day) rows\n", static_cast<long long>(naiveRows));
    }

    // The recompute's MAU of all apps, on the days it computed (rows with no active visitor may or may
    // not be stored; the SQL has none).
    exec(db,
         "CREATE TEMP TABLE recompute_mau AS SELECT account_id, day, mau FROM account_metrics "
         "WHERE app_id = 0 AND mau > 0");
    const qint64 storedRows = scalar(db, "SELECT COUNT(*) FROM account_metrics WHERE app_id = 0");
    const qint64 firstStored = scalar(db, "SELECT COALESCE(MIN(day), 0) FROM account_metrics WHERE app_id = 0");
    const qint64 lastStored = scalar(db, "SELECT COALESCE(MAX(day), 0) FROM account_metrics WHERE app_id = 0");
    exec(db,
         "CREATE TEMP TABLE best_in_range AS SELECT * FROM best_mau WHERE day BETWEEN " + std::to_string(firstStored)
             + " AND " + std::to_string(lastStored));
    const qint64 recomputeOnly = missingFrom(db, "recompute_mau", "best_in_range");
    const qint64 sqlOnly = missingFrom(db, "best_in_range", "recompute_mau");
    if (storedRows <= 0 || recomputeOnly || sqlOnly || firstStored > s.firstDay || lastStored < s.lastDay) {
        std::printf("MISMATCH recompute vs SQL MAU (app 0): %lld rows stored for %s .. %s; %lld (account, day, mau) "
                    "only in account_metrics, %lld only in the SQL\n",
                    static_cast<long long>(storedRows), qPrintable(isoDay(int(firstStored))),
                    qPrintable(isoDay(int(lastStored))), static_cast<long long>(recomputeOnly),
                    static_cast<long long>(sqlOnly));
        agree = false;
    } else {
        std::printf("recompute and SQL agree on MAU (app 0) for %s .. %s\n", qPrintable(isoDay(int(firstStored))),
                    qPrintable(isoDay(int(lastStored))));
    }

    std::printf("recompute vs naive SQL: %.2f\n", double(naiveMs) / double(recomputeMs));
    std::printf("recompute vs best SQL: %.2f\n", double(bestMs) / double(recomputeMs));
    return agree ? 0 : 1;
}
