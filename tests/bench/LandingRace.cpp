#include "LandingRace.h"

#include "pendo/AggregationDecoder.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"
#include "sync/ActivityLanding.h"
#include "sync/SyncEngine.h"
#include "sync/SyncRunStore.h"
#include "sync/WindowFetch.h"

#include <QElapsedTimer>

#include <simdjson.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace {

/** Runs `work` and adds its time in seconds to *total. */
template <typename F> void timed(double *total, F &&work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    *total += timer.nsecsElapsed() / 1e9;
}

bool hasItem(SyncStream stream)
{
    return !ActivityLanding::catalogKind(stream).isEmpty();
}

// --- The engine's path -----------------------------------------------------------------------------

qint64 beginRun(Database &database, QString *error)
{
    SyncRequest request;
    request.kind = SyncRequest::Kind::Backfill;
    request.backfillDays = syncs::maxBackfillDays;
    SyncRunStore::Begun begun;
    const StoreError failed = database.writer().runAndWait(QStringLiteral("bench.begin"), [&](WriteTransaction &tx) {
        return SyncRunStore::begin(tx, SyncEngine::holderName(), database.clock().nowMs(), 60000, request, {}, &begun)
                   ? StoreError()
                   : tx.error();
    });
    if (failed || !begun.leaseAcquired) {
        *error = failed ? failed.message() : QStringLiteral("the lease is held by %1").arg(begun.otherHolder);
        return 0;
    }
    return begun.runId;
}

// --- The baseline --------------------------------------------------------------------------------

struct BareRow
{
    qint64 visitor = 0;
    qint64 account = 0;
    qint64 item = 0;
    qint64 events = 0;
    qint64 minutes = 0;

    bool operator<(const BareRow &o) const
    {
        return visitor != o.visitor ? visitor < o.visitor : account != o.account ? account < o.account : item < o.item;
    }
};

/** Text id → integer id, assigned in order of first sight; looked up without building a string. */
class IdMap final
{
public:
    qint64 of(std::string_view text)
    {
        if (const auto found = m_ids.find(text); found != m_ids.end())
            return found->second;
        return m_ids.emplace(std::string(text), qint64(m_ids.size()) + 1).first->second;
    }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, qint64, Hash, std::equal_to<>> m_ids;
};

struct BareIds
{
    IdMap visitors;
    IdMap accounts;
    std::map<SyncStream, IdMap> items;
};

/** A plain on-demand walk over one page that keeps the five fields of each row. */
bool parsePage(simdjson::ondemand::parser &parser, const QByteArray &body, std::vector<char> &copy,
               const char *itemField, BareIds &ids, IdMap *items, std::vector<BareRow> &rows)
{
    namespace od = simdjson::ondemand;
    const std::size_t size = std::size_t(body.size());
    const char *text = body.constData();
    std::size_t capacity = std::size_t(body.capacity());
    if (capacity < size + simdjson::SIMDJSON_PADDING) { // no room behind the text: parse a padded copy
        copy.resize(size + simdjson::SIMDJSON_PADDING);
        std::memcpy(copy.data(), text, size);
        text = copy.data();
        capacity = copy.size();
    }
    od::document doc;
    od::object answer;
    if (parser.iterate(simdjson::padded_string_view(text, size, capacity)).get(doc) || doc.get_object().get(answer))
        return false;
    for (auto field : answer) {
        od::raw_json_string key;
        if (field.key().get(key))
            return false;
        if (key != "results")
            continue;
        od::array results;
        if (field.value().get_array().get(results))
            return false;
        for (auto element : results) {
            od::object object;
            if (element.get_object().get(object))
                return false;
            std::string_view visitor, account, item;
            BareRow row;
            for (auto cell : object) {
                od::raw_json_string name;
                if (cell.key().get(name))
                    return false;
                od::value value;
                if (cell.value().get(value))
                    return false;
                if (name == "visitorId") {
                    if (value.get_string().get(visitor))
                        return false;
                } else if (name == "accountId") {
                    od::json_type type;
                    if (value.type().get(type) || (type == od::json_type::string && value.get_string().get(account)))
                        return false;
                } else if (itemField && name == itemField) {
                    if (value.get_string().get(item))
                        return false;
                } else if (name == "numEvents" || name == "numMinutes") {
                    int64_t number = 0;
                    if (value.get_int64().get(number))
                        return false;
                    (name == "numEvents" ? row.events : row.minutes) = number;
                }
            }
            if (visitor.empty() || (itemField && item.empty()))
                continue;
            row.visitor = ids.visitors.of(visitor);
            row.account = account.empty() ? 0 : ids.accounts.of(account);
            row.item = itemField ? items->of(item) : 0;
            rows.push_back(row);
        }
    }
    return true;
}

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

/** The workspace's pragmas (SqliteDialect::connectionSetup) and its pendo_activity table. */
bool prepareBareFile(sqlite3 *db)
{
    return exec(db, "PRAGMA journal_mode = WAL") && exec(db, "PRAGMA synchronous = NORMAL")
           && exec(db, "PRAGMA foreign_keys = ON") && exec(db, "PRAGMA busy_timeout = 5000")
           && exec(db, "PRAGMA cache_size = -65536")
           && exec(db, "CREATE TABLE pendo_activity (kind INTEGER NOT NULL, app_id INTEGER NOT NULL, day INTEGER NOT "
                       "NULL, visitor_ref INTEGER NOT NULL, account_ref INTEGER NOT NULL, item_ref INTEGER NOT NULL, "
                       "events INTEGER NOT NULL, minutes INTEGER NOT NULL, PRIMARY KEY (kind, app_id, day, "
                       "visitor_ref, account_ref, item_ref)) WITHOUT ROWID");
}

} // namespace

RaceResult LandingRace::engine(Database &database, const std::vector<SampleWindow> &sample)
{
    RaceResult result;
    IdDictionary ids;
    if (!ids.load(database.connection(), &result.error))
        return result;
    const qint64 runId = beginRun(database, &result.error);
    if (runId == 0)
        return result;
    std::map<SyncStream, std::unique_ptr<AggregationDecoder>> decoders;
    AggregationBatch batch;
    double decode = 0, mapping = 0, normalize = 0, unit = 0, land = 0, count = 0;
    for (const SampleWindow &w : sample) {
        auto &decoder = decoders[w.stream];
        if (!decoder)
            decoder = std::make_unique<AggregationDecoder>(WindowFetch::activityFields(w.stream));
        WindowRows rows;
        rows.window.stream = w.stream;
        rows.window.appId = w.appId;
        rows.window.day = w.day;
        rows.window.key = syncs::key(w.stream);
        rows.requests = int(w.pages.size());
        ActivityRowMapper mapper(ids, rows);
        for (const QByteArray &page : w.pages) {
            bool decoded = false;
            timed(&decode, [&] { decoded = decoder->decode(page, &batch, &result.error); });
            if (!decoded)
                return result;
            timed(&mapping, [&] { mapper.take(batch); });
        }
        timed(&normalize, [&] { rows.normalize(); });
        LandedWindow landed;
        StoreError failed;
        timed(&unit, [&] {
            failed = database.writer().runAndWait(QStringLiteral("sync.window"), [&](WriteTransaction &tx) {
                bool ok = false;
                timed(&land, [&] { ok = ActivityLanding::land(tx, rows, runId, &landed); });
                if (ok)
                    timed(&count, [&] {
                        ok = SyncRunStore::countWindow(tx, runId, landed.rows, rows.skipped, rows.skippedReasons,
                                                       rows.requests, false, false);
                    });
                return ok ? StoreError() : tx.error();
            });
        });
        if (failed) {
            result.error = failed.message();
            return result;
        }
        for (const auto &[kind, entry] : landed.newIds)
            ids.add(kind, entry.first, entry.second);
        result.rows += landed.rows;
        for (const ActivityRow &row : rows.rows)
            result.events += row.events;
    }
    result.seconds = decode + mapping + normalize + unit;
    result.parts = {{"decode (AggregationDecoder)", decode},
                    {"map ids (IdDictionary)", mapping},
                    {"WindowRows::normalize", normalize},
                    {"ActivityLanding::land", land},
                    {"SyncRunStore::countWindow", count},
                    {"unit: queue, begin, commit", unit - land - count}};
    return result;
}

RaceResult LandingRace::bare(const QString &path, const std::vector<SampleWindow> &sample)
{
    RaceResult result;
    sqlite3 *db = nullptr;
    const QByteArray file = path.toUtf8();
    if (sqlite3_open_v2(file.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK
        || !prepareBareFile(db)) {
        result.error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return result;
    }
    sqlite3_stmt *insert = nullptr;
    sqlite3_prepare_v3(db,
                       "INSERT INTO pendo_activity (kind, app_id, day, visitor_ref, account_ref, item_ref, events, "
                       "minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       -1, SQLITE_PREPARE_PERSISTENT, &insert, nullptr);
    simdjson::ondemand::parser parser;
    std::vector<char> copy;
    BareIds ids;
    std::vector<BareRow> rows;
    double parse = 0, sort = 0, write = 0;
    bool ok = insert != nullptr;
    for (const SampleWindow &w : sample) {
        if (!ok)
            break;
        const QByteArray itemField = hasItem(w.stream) ? WindowFetch::activityFields(w.stream).at(2).toUtf8() : QByteArray();
        IdMap *items = itemField.isEmpty() ? nullptr : &ids.items[w.stream];
        rows.clear();
        timed(&parse, [&] {
            for (const QByteArray &page : w.pages)
                ok = ok && parsePage(parser, page, copy, itemField.isEmpty() ? nullptr : itemField.constData(), ids,
                                     items, rows);
        });
        if (!ok) {
            result.error = QStringLiteral("simdjson could not read a page of %1 %2").arg(syncs::key(w.stream), w.day.toString(Qt::ISODate));
            break;
        }
        timed(&sort, [&] { std::sort(rows.begin(), rows.end()); });
        timed(&write, [&] {
            ok = exec(db, "BEGIN IMMEDIATE");
            sqlite3_bind_int64(insert, 1, syncs::activityKind(w.stream));
            sqlite3_bind_int64(insert, 2, w.appId);
            sqlite3_bind_int64(insert, 3, w.day.toJulianDay());
            for (const BareRow &row : rows) {
                sqlite3_bind_int64(insert, 4, row.visitor);
                sqlite3_bind_int64(insert, 5, row.account);
                sqlite3_bind_int64(insert, 6, row.item);
                sqlite3_bind_int64(insert, 7, row.events);
                sqlite3_bind_int64(insert, 8, row.minutes);
                ok = ok && sqlite3_step(insert) == SQLITE_DONE;
                sqlite3_reset(insert);
            }
            ok = ok && exec(db, "COMMIT");
        });
        if (!ok) {
            result.error = QString::fromUtf8(sqlite3_errmsg(db));
            break;
        }
        result.rows += qint64(rows.size());
        for (const BareRow &row : rows)
            result.events += row.events;
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    result.seconds = parse + sort + write;
    result.parts = {{"simdjson on-demand + id map", parse}, {"sort by key", sort}, {"sqlite3 insert + commit", write}};
    return result;
}
