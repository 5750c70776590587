#include "ActivityLanding.h"

#include "pendo/AggregationBatch.h"
#include "store/NativeStatement.h"
#include "store/WriteTransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>

namespace {

using Statement = NativeStatement;

bool fail(WriteTransaction &tx, sqlite3 *db)
{
    tx.fail(NativeStatement::errorOf(db));
    return false;
}

/** Inserts the window's new ids into the dictionaries (keeping any already there) and reads their ids. */
bool resolveNewIds(WriteTransaction &tx, sqlite3 *db, WindowRows &w, LandedWindow *landed)
{
    const std::string now = tx.nowText().toStdString();
    const auto resolve = [&](const char *insertSql, const char *selectSql, const std::vector<std::string> &ids,
                             IdDictionary::Kind kind, std::vector<qint64> *refs, bool isItem) {
        if (ids.empty())
            return true;
        Statement insert(db, insertSql);
        Statement select(db, selectSql);
        if (!insert.ok() || !select.ok())
            return fail(tx, db);
        const std::string catalogKind = ActivityLanding::catalogKind(w.window.stream).toStdString();
        for (const std::string &id : ids) {
            int i = 1;
            if (isItem)
                insert.bind(i++, catalogKind);
            insert.bind(i++, id);
            if (isItem) {
                insert.bind(i++, w.window.appId);
                insert.bind(i++, id);
            }
            insert.bind(i++, now);
            insert.bind(i++, now);
            if (!insert.step())
                return fail(tx, db);
            int j = 1;
            if (isItem)
                select.bind(j++, catalogKind);
            select.bind(j, id);
            qint64 ref = 0;
            if (!select.step(&ref) || ref == 0)
                return fail(tx, db);
            refs->push_back(ref);
            landed->newIds.push_back(
                {kind, {isItem ? IdDictionary::itemKey(catalogKind, id) : id, ref}});
        }
        return true;
    };
    std::vector<qint64> visitors, accounts, items;
    if (!resolve("INSERT INTO pendo_visitors (visitor_id, refreshed_at, first_seen_at) VALUES (?, ?, ?) "
                 "ON CONFLICT (visitor_id) DO NOTHING",
                 "SELECT id FROM pendo_visitors WHERE visitor_id = ?", w.newVisitors, IdDictionary::Kind::Visitor,
                 &visitors, false)
        || !resolve("INSERT INTO pendo_accounts (account_id, refreshed_at, first_seen_at) VALUES (?, ?, ?) "
                    "ON CONFLICT (account_id) DO NOTHING",
                    "SELECT id FROM pendo_accounts WHERE account_id = ?", w.newAccounts, IdDictionary::Kind::Account,
                    &accounts, false)
        || !resolve("INSERT INTO pendo_catalog_items (kind, pendo_id, app_id, name, first_seen_at, last_seen_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, pendo_id) DO NOTHING",
                    "SELECT id FROM pendo_catalog_items WHERE kind = ? AND pendo_id = ?", w.newItems,
                    IdDictionary::Kind::Item, &items, true))
        return false;
    if (visitors.empty() && accounts.empty() && items.empty())
        return true;
    const auto map = [](qint64 &ref, const std::vector<qint64> &refs) {
        if (ref < 0)
            ref = refs[std::size_t(-ref - 1)];
    };
    for (ActivityRow &row : w.rows) {
        map(row.visitor, visitors);
        map(row.account, accounts);
        map(row.item, items);
    }
    std::sort(w.rows.begin(), w.rows.end());
    return true;
}

bool writeCheckpoint(WriteTransaction &tx, const SyncWindow &window, const QString &status, qint64 rows, int pieces,
                     int attempts, qint64 runId, const QString &errorClass, const QString &error)
{
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral(
        "INSERT INTO sync_windows (stream, app_id, day, status, rows_in, pieces, attempts, run_id, pulled_at, "
        "error_class, error) VALUES (:stream, :app, :day, :status, :rows, :pieces, :attempts, :run, :at, :class, "
        ":error) ON CONFLICT (stream, app_id, day) DO UPDATE SET status = excluded.status, "
        "rows_in = CASE WHEN excluded.status = 'failed' THEN sync_windows.rows_in ELSE excluded.rows_in END, "
        "pieces = excluded.pieces, attempts = excluded.attempts, run_id = excluded.run_id, "
        "pulled_at = excluded.pulled_at, error_class = excluded.error_class, error = excluded.error"));
    q.bindValue(QStringLiteral(":stream"), window.key);
    q.bindValue(QStringLiteral(":app"), window.appId);
    q.bindValue(QStringLiteral(":day"), window.day.toJulianDay());
    q.bindValue(QStringLiteral(":status"), status);
    q.bindValue(QStringLiteral(":rows"), rows);
    q.bindValue(QStringLiteral(":pieces"), pieces);
    q.bindValue(QStringLiteral(":attempts"), attempts);
    q.bindValue(QStringLiteral(":run"), runId);
    q.bindValue(QStringLiteral(":at"), tx.nowText());
    q.bindValue(QStringLiteral(":class"), errorClass.isEmpty() ? QVariant() : QVariant(errorClass));
    q.bindValue(QStringLiteral(":error"), error.isEmpty() ? QVariant() : QVariant(error));
    return tx.exec(q);
}

bool landActivity(WriteTransaction &tx, sqlite3 *db, const WindowRows &w)
{
    const int kind = syncs::activityKind(w.window.stream);
    Statement remove(db, "DELETE FROM pendo_activity WHERE kind = ? AND app_id = ? AND day = ?");
    Statement insert(db, "INSERT INTO pendo_activity (kind, app_id, day, visitor_ref, account_ref, item_ref, events, "
                         "minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!remove.ok() || !insert.ok())
        return fail(tx, db);
    const qint64 day = w.window.day.toJulianDay();
    remove.bind(1, kind);
    remove.bind(2, w.window.appId);
    remove.bind(3, day);
    if (!remove.step())
        return fail(tx, db);
    insert.bind(1, kind);
    insert.bind(2, w.window.appId);
    insert.bind(3, day);
    for (const ActivityRow &row : w.rows) {
        insert.bind(4, row.visitor);
        insert.bind(5, row.account);
        insert.bind(6, row.item);
        insert.bind(7, row.events);
        insert.bind(8, row.minutes);
        if (!insert.step())
            return fail(tx, db);
    }
    return true;
}

bool landMetrics(WriteTransaction &tx, const WindowRows &w)
{
    QSqlQuery remove(tx.db());
    remove.prepare(QStringLiteral("DELETE FROM pendo_metric_values WHERE source = :source AND day = :day"));
    remove.bindValue(QStringLiteral(":source"), w.window.key);
    remove.bindValue(QStringLiteral(":day"), w.window.day.toJulianDay());
    if (!tx.exec(remove))
        return false;
    QSqlQuery insert(tx.db());
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO pendo_metric_values (source, day, metric, object, "
                                  "object_key, value, text_value) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (const WindowRows::Metric &m : w.metrics) {
        insert.addBindValue(w.window.key);
        insert.addBindValue(w.window.day.toJulianDay());
        insert.addBindValue(m.metric);
        insert.addBindValue(w.metricObject);
        insert.addBindValue(m.objectKey);
        insert.addBindValue(m.value ? QVariant(*m.value) : QVariant());
        insert.addBindValue(m.text.isNull() ? QVariant() : QVariant(m.text));
        if (!tx.exec(insert))
            return false;
    }
    return true;
}

} // namespace

bool IdDictionary::load(QSqlDatabase db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const auto fill = [&](const QString &sql, Kind kind) {
        if (!q.exec(sql)) {
            *error = q.lastError().text();
            return false;
        }
        Map loaded;
        while (q.next())
            loaded.emplace(q.value(1).toString().toStdString(), q.value(0).toLongLong());
        std::lock_guard lock(m_mutex);
        map(kind) = std::move(loaded);
        return true;
    };
    return fill(QStringLiteral("SELECT id, visitor_id FROM pendo_visitors"), Kind::Visitor)
           && fill(QStringLiteral("SELECT id, account_id FROM pendo_accounts"), Kind::Account)
           && fill(QStringLiteral("SELECT id, kind || ':' || pendo_id FROM pendo_catalog_items"), Kind::Item);
}

qint64 IdDictionary::find(Kind kind, std::string_view id) const
{
    std::lock_guard lock(m_mutex);
    const Map &m = map(kind);
    const auto it = m.find(id);
    return it == m.end() ? 0 : it->second;
}

void IdDictionary::add(Kind kind, const std::string &id, qint64 ref)
{
    std::lock_guard lock(m_mutex);
    map(kind).insert_or_assign(id, ref);
}

std::string IdDictionary::itemKey(std::string_view catalogKind, std::string_view pendoId)
{
    std::string key;
    key.reserve(catalogKind.size() + 1 + pendoId.size());
    key.append(catalogKind).append(1, ':').append(pendoId);
    return key;
}

ActivityRowMapper::ActivityRowMapper(const IdDictionary &ids, WindowRows &rows)
    : m_ids(ids)
    , m_rows(rows)
    , m_catalogKind(ActivityLanding::catalogKind(rows.window.stream).toStdString())
{
}

void ActivityRowMapper::reset()
{
    m_freshVisitors.clear();
    m_freshAccounts.clear();
    m_freshItems.clear();
}

qint64 ActivityRowMapper::map(IdDictionary::Kind kind, std::string_view dictionaryKey, std::string_view text,
                              std::vector<std::string> &fresh, std::unordered_map<std::string, qint64> &freshIndex)
{
    if (const qint64 ref = m_ids.find(kind, dictionaryKey))
        return ref;
    std::string key(text);
    if (const auto found = freshIndex.find(key); found != freshIndex.end())
        return found->second;
    fresh.push_back(key);
    const qint64 placeholder = -qint64(fresh.size());
    freshIndex.emplace(std::move(key), placeholder);
    return placeholder;
}

void ActivityRowMapper::skip(const QString &reason)
{
    ++m_rows.skipped;
    ++m_rows.skippedReasons[reason];
}

void ActivityRowMapper::take(const AggregationBatch &batch)
{
    const auto textOf = [&batch](std::size_t row, int field) {
        const BatchValue value = batch.value(row, field);
        return value.isText() ? batch.utf8(value) : std::string_view();
    };
    const bool hasItem = !m_catalogKind.empty();
    const int eventsField = hasItem ? 3 : 2;
    const int minutesField = eventsField + 1;
    const std::size_t n = batch.rowCount();
    m_rows.rows.reserve(m_rows.rows.size() + n);
    std::string_view lastVisitor;
    qint64 lastVisitorRef = 0;
    std::string_view lastAccount;
    qint64 lastAccountRef = 0;
    for (std::size_t row = 0; row < n; ++row) {
        const std::string_view visitor = textOf(row, 0);
        if (visitor.empty()) {
            skip(QStringLiteral("no visitor id"));
            continue;
        }
        ActivityRow out;
        if (visitor == lastVisitor && lastVisitorRef != 0) {
            out.visitor = lastVisitorRef;
        } else {
            out.visitor = map(IdDictionary::Kind::Visitor, visitor, visitor, m_rows.newVisitors, m_freshVisitors);
            lastVisitor = visitor;
            lastVisitorRef = out.visitor;
        }
        if (const std::string_view account = textOf(row, 1); !account.empty()) {
            if (account == lastAccount && lastAccountRef != 0) {
                out.account = lastAccountRef;
            } else {
                out.account = map(IdDictionary::Kind::Account, account, account, m_rows.newAccounts, m_freshAccounts);
                lastAccount = account;
                lastAccountRef = out.account;
            }
        }
        if (hasItem) {
            const std::string_view item = textOf(row, 2);
            if (item.empty()) {
                skip(QStringLiteral("no item id"));
                continue;
            }
            // The dictionary knows items as "kind:id"; a new one is kept by its Pendo id.
            m_itemKey.assign(m_catalogKind).append(1, ':').append(item);
            out.item = map(IdDictionary::Kind::Item, m_itemKey, item, m_rows.newItems, m_freshItems);
        }
        out.events = batch.integer(row, eventsField);
        out.minutes = batch.fieldCount() > minutesField ? batch.integer(row, minutesField) : 0;
        m_rows.rows.push_back(out);
    }
}

void WindowRows::normalize()
{
    std::sort(rows.begin(), rows.end());
    std::size_t out = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (out > 0 && rows[out - 1].sameKey(rows[i])) {
            rows[out - 1].events += rows[i].events;
            rows[out - 1].minutes += rows[i].minutes;
        } else {
            rows[out++] = rows[i];
        }
    }
    rows.resize(out);
}

QString ActivityLanding::catalogKind(SyncStream stream)
{
    switch (stream) {
    case SyncStream::Features:
        return QStringLiteral("feature");
    case SyncStream::Pages:
        return QStringLiteral("page");
    case SyncStream::Guides:
        return QStringLiteral("guide");
    case SyncStream::TrackEvents:
        return QStringLiteral("track_type");
    default:
        return {};
    }
}

bool ActivityLanding::land(WriteTransaction &tx, WindowRows &w, qint64 runId, LandedWindow *landed)
{
    auto *db = static_cast<sqlite3 *>(tx.nativeHandle());
    if (!db) {
        tx.fail(StoreError::failed(QStringLiteral("the bulk path needs an SQLite workspace")));
        return false;
    }
    const bool activity = syncs::activityKind(w.window.stream) >= 0;
    if (activity) {
        if (!resolveNewIds(tx, db, w, landed) || !landActivity(tx, db, w))
            return false;
        landed->rows = qint64(w.rows.size());
        for (const ActivityRow &row : w.rows)
            landed->accounts.push_back(row.account);
        std::sort(landed->accounts.begin(), landed->accounts.end());
        landed->accounts.erase(std::unique(landed->accounts.begin(), landed->accounts.end()), landed->accounts.end());
    } else {
        if (!landMetrics(tx, w))
            return false;
        landed->rows = qint64(w.metrics.size());
    }
    return writeCheckpoint(tx, w.window, w.window.provisional ? QStringLiteral("provisional") : QStringLiteral("synced"),
                           landed->rows, w.pieces, 0, runId, {}, {});
}

bool ActivityLanding::recordFailure(WriteTransaction &tx, const SyncWindow &window, qint64 runId,
                                    const QString &errorClass, const QString &error)
{
    return writeCheckpoint(tx, window, QStringLiteral("failed"), 0, 1, window.attempts + 1, runId, errorClass, error);
}
