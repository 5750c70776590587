#include "Recompute.h"

#include "CalculatedFields.h"
#include "RecomputeInputs.h"
#include "store/Database.h"
#include "store/NativeStatement.h"
#include "store/SqlDialect.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Recompute)
};

constexpr int kLookback = 60; // days before the first recomputed day that its fields read

/** The seeds of an incremental run: what the stored derived layer knows about the days before loadFrom. */
struct Seeds
{
    std::unordered_map<std::uint64_t, int> visitorFirst; // (account·apps, visitor) → first day
    QHash<qint64, int> sliceIndex;                       // app → index in the key
};

std::uint64_t seedKey(int account, int slice, quint32 visitor)
{
    return (std::uint64_t(account) * 64 + std::uint64_t(slice)) << 32 | visitor;
}

bool readSeeds(QSqlDatabase &db, const RecomputeInputs &in, int loadFrom, CalculatedFields &fields, Seeds &seeds,
               QString *error)
{
    QHash<qint64, int> denseOf;
    for (std::size_t i = 0; i < in.accountIds.size(); ++i)
        denseOf.insert(in.accountIds[i], int(i));
    seeds.sliceIndex.insert(0, 0);
    for (qsizetype i = 0; i < in.apps.size(); ++i)
        seeds.sliceIndex.insert(in.apps[i], int(i) + 1);

    QSqlQuery query(db);
    const auto run = [&](const QString &sql) {
        if (query.exec(sql))
            return true;
        *error = query.lastError().text();
        return false;
    };
    if (!run(QStringLiteral("SELECT account_id, app_id, visitor_ref, first_day FROM analytics_visitor_first")))
        return false;
    while (query.next()) {
        const auto account = denseOf.constFind(query.value(0).toLongLong());
        const auto slice = seeds.sliceIndex.constFind(query.value(1).toLongLong());
        if (account == denseOf.cend() || slice == seeds.sliceIndex.cend())
            continue;
        seeds.visitorFirst.emplace(seedKey(*account, *slice, quint32(query.value(2).toLongLong())),
                                   query.value(3).toInt());
    }
    if (!run(QStringLiteral("SELECT account_id, app_id, first_active_day, first_value_day FROM account_milestones")))
        return false;
    while (query.next()) {
        const auto account = denseOf.constFind(query.value(0).toLongLong());
        if (account == denseOf.cend())
            continue;
        const qint64 app = query.value(1).toLongLong();
        if (!query.value(2).isNull() && query.value(2).toInt() < loadFrom)
            fields.seedFirstActive(*account, app, query.value(2).toInt());
        if (!query.value(3).isNull() && query.value(3).toInt() < loadFrom)
            fields.seedFirstValue(*account, app, query.value(3).toInt());
    }
    // The last active day before loadFrom, from the stored fields of the day before.
    query.prepare(QStringLiteral("SELECT account_id, app_id, days_since_active FROM account_metrics "
                                 "WHERE day = ? AND days_since_active IS NOT NULL"));
    query.addBindValue(loadFrom - 1);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        const auto account = denseOf.constFind(query.value(0).toLongLong());
        if (account != denseOf.cend())
            fields.seedLastActive(*account, query.value(1).toLongLong(), loadFrom - 1 - query.value(2).toInt());
    }
    return true;
}

/** The rows of one day: activity (item 0 marks them) and feature and page uses, every app. */
struct DayRows
{
    struct Row
    {
        qint64 app;
        qint64 accountRef;
        qint64 item; // 0: an activity row
        quint32 visitor;
        qint64 events;
        qint64 minutes;
    };
    int day = 0;
    std::vector<Row> rows;
};

/**
 * Reads rows day by day on a thread of its own, with its own connection and read transaction, a
 * few days ahead of the computation: the activity rows and the feature and page rows each have a
 * reader, so SQLite's two scans and the fields' arithmetic share the cores. The days come out in
 * order through a small bounded queue.
 */
class RowReader final
{
public:
    enum class Part { Activity, Items };

    RowReader(Part part, Database &database, QList<qint64> apps, QByteArray roleItems, int loadFrom, int toDay)
        : m_part(part)
        , m_database(database)
        , m_apps(std::move(apps))
        , m_roleItems(roleItems.isEmpty() ? QByteArray("-1") : std::move(roleItems))
        , m_loadFrom(loadFrom)
        , m_toDay(toDay)
        , m_thread([this] { read(); })
    {
    }
    ~RowReader()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    /** The next day's rows; false at the end or on an error (then error() says why). */
    bool next(DayRows *out)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_queue.empty() || m_done; });
        if (m_queue.empty())
            return false;
        *out = std::move(m_queue.front());
        m_queue.pop_front();
        m_changed.notify_all();
        return true;
    }
    QString error() const
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    static constexpr std::size_t kAhead = 4;

    void read()
    {
        QString error;
        {
            StoreError failure;
            QSqlDatabase db = m_database.openDedicatedConnection(&failure);
            const QString name = db.connectionName();
            auto *handle = static_cast<sqlite3 *>(SqlDialect::sqliteHandle(db));
            if (!db.isOpen() || !handle)
                error = failure.message();
            else
                error = readDays(handle);
            db = QSqlDatabase();
            Database::closeConnection(name);
        }
        std::lock_guard lock(m_mutex);
        m_error = error;
        m_done = true;
        m_changed.notify_all();
    }

    QString readDays(sqlite3 *db)
    {
        NativeStatement activity(db, "SELECT visitor_ref, account_ref, events, minutes FROM pendo_activity "
                                     "WHERE kind = 0 AND app_id = ? AND day = ?");
        const QByteArray roleSql = "SELECT visitor_ref, account_ref, item_ref, events FROM pendo_activity "
                                   "WHERE kind IN (1, 2) AND app_id = ? AND day = ? AND item_ref IN (" +
                                   m_roleItems + ")";
        NativeStatement roleUse(db, roleSql.constData());
        NativeStatement anyUse(db, "SELECT visitor_ref, account_ref, item_ref, events FROM pendo_activity "
                                   "WHERE kind IN (1, 2) AND app_id = ? AND day = ?");
        if (!activity.ok() || !roleUse.ok() || !anyUse.ok())
            return activity.error().message();
        sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr); // one snapshot for every day
        const auto commit = qScopeGuard([db] { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); });
        for (int day = m_loadFrom; day <= m_toDay; ++day) {
            DayRows batch;
            batch.day = day;
            for (const qint64 app : m_apps) {
                if (m_part == Part::Activity) {
                    activity.bind(1, app);
                    activity.bind(2, qint64(day));
                    while (activity.next())
                        batch.rows.push_back({app, activity.integer(1), 0, quint32(activity.integer(0)),
                                              activity.integer(2), activity.integer(3)});
                    activity.reset();
                    if (activity.failed())
                        return activity.error().message();
                    continue;
                }
                // The last 30 days: every feature and page (item usage); before: only core and first-value ones.
                NativeStatement &items = day > m_toDay - 30 ? anyUse : roleUse;
                items.bind(1, app);
                items.bind(2, qint64(day));
                while (items.next())
                    batch.rows.push_back({app, items.integer(1), items.integer(2), quint32(items.integer(0)),
                                          items.integer(3), 0});
                items.reset();
                if (items.failed())
                    return items.error().message();
            }
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_queue.size() < kAhead || m_stop; });
            if (m_stop)
                return {};
            m_queue.push_back(std::move(batch));
            m_changed.notify_all();
        }
        return {};
    }

    const Part m_part;
    Database &m_database;
    const QList<qint64> m_apps;
    const QByteArray m_roleItems;
    const int m_loadFrom, m_toDay;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<DayRows> m_queue;
    QString m_error;
    bool m_done = false;
    bool m_stop = false;
    std::thread m_thread; // last: starts once everything above exists
};

/** Streams the activity rows day by day into the fields. */
bool feed(Database &database, const RecomputeInputs &in, int loadFrom, int toDay, CalculatedFields &fields,
          const Recompute::Progress &progress, const Recompute::Canceled &canceled, QString *error)
{
    const QByteArray roleItems = in.roleItemList();
    RowReader activity(RowReader::Part::Activity, database, in.apps, roleItems, loadFrom, toDay);
    RowReader items(RowReader::Part::Items, database, in.apps, roleItems, loadFrom, toDay);
    const int total = toDay - loadFrom + 1;
    DayRows day;
    int days = 0;
    for (; days < total; ++days) {
        if (canceled && canceled())
            return false;
        if (!activity.next(&day))
            break;
        for (const DayRows::Row &row : day.rows) {
            const int account = in.accountIndex(row.accountRef);
            if (account >= 0)
                fields.addActivity(account, row.app, day.day, row.visitor, row.events, row.minutes);
        }
        if (!items.next(&day))
            break;
        for (const DayRows::Row &row : day.rows) {
            const int account = in.accountIndex(row.accountRef);
            if (account < 0)
                continue;
            const quint8 role = in.roleOf(row.item);
            if (role & RecomputeInputs::coreRole)
                fields.addCoreUse(account, row.app, day.day, row.visitor, in.coreIndexOf(row.item), row.events);
            if (role & RecomputeInputs::firstValueRole)
                fields.addFirstValue(account, row.app, day.day);
            fields.addItemUse(account, day.day, row.visitor, quint32(row.item), row.events);
        }
        if (progress && (days % 16 == 0 || days + 1 == total))
            progress(days + 1, total, Tr::tr("Reading activity"));
    }
    *error = activity.error().isEmpty() ? items.error() : activity.error();
    return error->isEmpty() && days == total;
}

} // namespace

// Writing the results is in RecomputeWriter.cpp.
StoreError writeDerivedLayer(WriteTransaction &tx, const RecomputeInputs &in, const CalculatedFields &fields,
                             const RecomputeRequest &request, int fromDay, int toDay, RecomputeSummary *summary);

RecomputeSummary Recompute::run(Database &database, const RecomputeRequest &request, const Progress &progress,
                                const Canceled &canceled)
{
    QElapsedTimer elapsed;
    elapsed.start();
    RecomputeSummary summary;
    summary.kind = request.kind;
    QSqlDatabase db = database.connection();
    auto *handle = static_cast<sqlite3 *>(SqlDialect::sqliteHandle(db));
    if (!db.isOpen() || !handle) {
        summary.error = Tr::tr("The workspace cannot be read: %1").arg(database.lastConnectionError().message());
        return summary;
    }

    // One read transaction: every row comes from the same snapshot, even while a sync writes.
    QSqlQuery(db).exec(QStringLiteral("BEGIN"));
    bool reading = true;
    const auto endRead = [&db, &reading] {
        if (reading)
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        reading = false;
    };
    const auto guard = qScopeGuard(endRead);

    RecomputeInputs in;
    QString error;
    if (!in.read(db, handle, &error)) {
        summary.error = Tr::tr("The recompute cannot read its inputs: %1").arg(error);
        return summary;
    }
    if (!in.firstDay) {
        // Nothing synced: an empty derived layer.
        endRead();
        summary.ok = !database.writer().runAndWait(QStringLiteral("analytics.recompute"), [&](WriteTransaction &tx) {
            CalculatedFields none({0, 0, -1, {}, false, {}, 0, {}}, 0);
            return writeDerivedLayer(tx, in, none, RecomputeRequest::full(request.reason), 0, -1, &summary);
        });
        summary.elapsedMs = elapsed.elapsed();
        return summary;
    }

    QSqlQuery lastRun(db);
    lastRun.exec(QStringLiteral("SELECT inputs FROM analytics_runs WHERE status = 'completed' ORDER BY id DESC LIMIT 1"));
    const bool sameInputs = lastRun.next() && lastRun.value(0).toByteArray() == in.fingerprint();
    const bool full = request.kind == RecomputeRequest::Kind::Full || !sameInputs ||
                      request.fromDay <= *in.firstDay + kLookback;
    const int toDay = *in.lastDay;
    const int fromDay = full ? *in.firstDay : std::min(request.fromDay, toDay);
    const int loadFrom = full ? *in.firstDay : fromDay - kLookback;
    summary.kind = full ? RecomputeRequest::Kind::Full : RecomputeRequest::Kind::Incremental;
    summary.fromDay = fromDay;
    summary.toDay = toDay;
    summary.accounts = int(in.accountIds.size());

    FieldSetup setup{loadFrom, fromDay, toDay, in.apps, in.splitApps && in.apps.size() > 1,
                     in.coreItemsPerApp, in.coreItemCount, in.pesStickiness};
    Seeds seeds;
    FieldSeeds fieldSeeds;
    if (!full)
        fieldSeeds.visitorFirst = [&seeds](int account, qint64 app, quint32 visitor) -> std::optional<int> {
            const auto slice = seeds.sliceIndex.constFind(app);
            if (slice == seeds.sliceIndex.cend())
                return std::nullopt;
            const auto it = seeds.visitorFirst.find(seedKey(account, *slice, visitor));
            return it == seeds.visitorFirst.end() ? std::nullopt : std::optional<int>(it->second);
        };
    CalculatedFields fields(setup, int(in.accountIds.size()), fieldSeeds);
    for (std::size_t i = 0; i < in.seats.size(); ++i)
        fields.setSeats(int(i), in.seats[i]);
    if (!full && !readSeeds(db, in, loadFrom, fields, seeds, &error)) {
        summary.error = Tr::tr("The recompute cannot read the stored fields: %1").arg(error);
        return summary;
    }
    if (!feed(database, in, loadFrom, toDay, fields, progress, canceled, &error)) {
        summary.canceled = error.isEmpty();
        summary.error = summary.canceled ? Tr::tr("The recompute was canceled.")
                                         : Tr::tr("The recompute cannot read the activity: %1").arg(error);
        return summary;
    }
    summary.readMs = elapsed.elapsed();
    endRead();

    if (progress)
        progress(0, 1, Tr::tr("Writing the results"));
    QElapsedTimer writing;
    writing.start();
    const StoreError written = database.writer().runAndWait(
        QStringLiteral("analytics.recompute"), [&](WriteTransaction &tx) {
            return writeDerivedLayer(tx, in, fields, request, fromDay, toDay, &summary);
        });
    summary.writeMs = writing.elapsed();
    if (written) {
        summary.error = Tr::tr("The results cannot be written: %1").arg(written.message());
        return summary;
    }
    summary.ok = true;
    summary.elapsedMs = elapsed.elapsed();
    if (progress)
        progress(1, 1, Tr::tr("Done"));
    return summary;
}
