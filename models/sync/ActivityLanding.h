#pragma once

#include "SyncPlanner.h"

#include <QByteArray>
#include <QString>

#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

class AggregationBatch;
class WriteTransaction;
class QSqlDatabase;

/** One daily activity rollup as the sync lands it. Negative refs stand for ids new to the workspace. */
struct ActivityRow
{
    qint64 visitor = 0;
    qint64 account = 0;
    qint64 item = 0;
    qint64 events = 0;
    qint64 minutes = 0;

    bool sameKey(const ActivityRow &o) const { return visitor == o.visitor && account == o.account && item == o.item; }
    bool operator<(const ActivityRow &o) const
    {
        if (visitor != o.visitor)
            return visitor < o.visitor;
        if (account != o.account)
            return account < o.account;
        return item < o.item;
    }
};

/**
 * Pendo's text ids → the workspace's stable integer ids (visitors, accounts, catalog items), as
 * committed. Loaded at the start of a run; lookups happen on the engine thread while decoding,
 * new ids are resolved inside the landing unit and added here only after that unit committed, so
 * a unit that rolls back never leaves an id behind. Thread-safe.
 */
class IdDictionary final
{
public:
    enum class Kind { Visitor, Account, Item };

    bool load(QSqlDatabase db, QString *error);
    /** The committed id, or 0. `item` keys are "kind:pendoId". */
    qint64 find(Kind kind, std::string_view id) const;
    void add(Kind kind, const std::string &id, qint64 ref);

    static std::string itemKey(std::string_view catalogKind, std::string_view pendoId);

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, qint64, Hash, std::equal_to<>>;
    Map &map(Kind kind) { return m_maps[int(kind)]; }
    const Map &map(Kind kind) const { return m_maps[int(kind)]; }

    mutable std::mutex m_mutex;
    Map m_maps[3];
};

/** A window's decoded rows, ready to land: rows plus the text of the ids new to the workspace. */
struct WindowRows
{
    WindowRows() = default;
    explicit WindowRows(SyncWindow of)
        : window(std::move(of))
    {
    }

    SyncWindow window;
    std::vector<ActivityRow> rows;
    /** New ids: ref -(i+1) in a row means newVisitors[i] (and so on). */
    std::vector<std::string> newVisitors;
    std::vector<std::string> newAccounts;
    std::vector<std::string> newItems; // Pendo item ids of the window's catalog kind
    /** Custom metric rows (aggregations, reports): (object key, metric, value or text). */
    struct Metric
    {
        QString objectKey;
        QString metric;
        std::optional<double> value;
        QString text;
    };
    std::vector<Metric> metrics;
    QString metricObject; // "account", "contact", …
    int pieces = 1;
    int requests = 0;
    qint64 skipped = 0;
    QMap<QString, qint64> skippedReasons;

    /** Sorts by key and adds up rows with the same key (hour pieces of one day). */
    void normalize();
};

/**
 * Turns decoded pages of an activity window (visitorId, accountId[, item id], numEvents[, numMinutes])
 * into rows of the window: committed ids from the dictionary, the previous row's visitor and
 * account reused (pages come sorted by visitor), and placeholders -1, -2, … for ids new to the
 * workspace, each new id once. Rows without a visitor or an item id are counted as skipped, with
 * the reason. Lives with the window's fetch, on its thread.
 */
class ActivityRowMapper final
{
public:
    ActivityRowMapper(const IdDictionary &ids, WindowRows &rows);

    void take(const AggregationBatch &batch);
    /** Forgets the new ids seen so far (the window's rows are being pulled again). */
    void reset();

private:
    qint64 map(IdDictionary::Kind kind, std::string_view dictionaryKey, std::string_view text,
               std::vector<std::string> &fresh, std::unordered_map<std::string, qint64> &freshIndex);
    void skip(const QString &reason);

    const IdDictionary &m_ids;
    WindowRows &m_rows;
    const std::string m_catalogKind;
    std::string m_itemKey;
    std::unordered_map<std::string, qint64> m_freshVisitors;
    std::unordered_map<std::string, qint64> m_freshAccounts;
    std::unordered_map<std::string, qint64> m_freshItems;
};

/** What a landed window changed. */
struct LandedWindow
{
    qint64 rows = 0;
    std::vector<std::pair<IdDictionary::Kind, std::pair<std::string, qint64>>> newIds;
    std::vector<qint64> accounts; // account refs in the window (sorted, unique)
};

/**
 * Lands one window inside the caller's unit of work: resolves its new ids in the dictionaries,
 * replaces the window's rows (native sqlite3 prepared statements on the unit's own connection,
 * rows sorted by primary key), and writes the window's checkpoint. Writer thread.
 */
namespace ActivityLanding {
/** The catalog kind ("feature", …) of an activity stream; empty for Activity. */
QString catalogKind(SyncStream stream);
bool land(WriteTransaction &tx, WindowRows &rows, qint64 runId, LandedWindow *landed);
/** Records a window that failed after its retries (its earlier rows, if any, stay). */
bool recordFailure(WriteTransaction &tx, const SyncWindow &window, qint64 runId, const QString &errorClass,
                   const QString &error);
} // namespace ActivityLanding
