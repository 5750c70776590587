#include "UnmatchedReport.h"

#include "store/SqlDialect.h"
#include "store/WriteTransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <bit>
#include <unordered_map>

namespace {

/** One id's volume; its active days as a bitset over the synced range (50,000 ids × a year ≈ 2.5 MB). */
struct Volume
{
    QString reason;
    qint64 events = 0;
    qint64 minutes = 0;
    qint64 lastDay = 0;
    std::vector<quint64> days;

    int activeDays() const
    {
        int n = 0;
        for (quint64 word : days)
            n += std::popcount(word);
        return n;
    }
};

} // namespace

bool UnmatchedReport::compute(QSqlDatabase db, bool visitors, std::vector<Entry> *out, QString *error)
{
    // How each identity resolved; no row yet means the rules have not seen it (unresolved).
    std::unordered_map<qint64, QString> visitorStatus, accountStatus;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT object, pendo_ref, status FROM match_resolutions"))) {
        *error = q.lastError().text();
        return false;
    }
    while (q.next())
        (q.value(0).toString() == QLatin1String("account") ? accountStatus : visitorStatus)[q.value(1).toLongLong()] =
            q.value(2).toString();
    q.finish();

    auto *native = static_cast<sqlite3 *>(SqlDialect::sqliteHandle(db));
    if (!native) {
        *error = QStringLiteral("the unmatched report needs an SQLite workspace");
        return false;
    }
    qint64 firstDay = 0;
    qint64 lastDay = -1;
    // Per app, so each bound is one look-up in the primary key (kind, app, day, …) instead of a scan.
    if (q.exec(QStringLiteral("SELECT MIN(first), MAX(last) FROM (SELECT "
                              "(SELECT MIN(day) FROM pendo_activity WHERE kind = 0 AND app_id = a.app_id) AS first, "
                              "(SELECT MAX(day) FROM pendo_activity WHERE kind = 0 AND app_id = a.app_id) AS last "
                              "FROM pendo_apps a)"))
        && q.next()
        && !q.value(0).isNull()) {
        firstDay = q.value(0).toLongLong();
        lastDay = q.value(1).toLongLong();
    }
    q.finish();
    const std::size_t words = std::size_t((lastDay - firstDay + 1 + 63) / 64);
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(native,
                           "SELECT visitor_ref, account_ref, day, events, minutes FROM pendo_activity WHERE kind = 0",
                           -1, &stmt, nullptr)
        != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(native));
        return false;
    }
    std::unordered_map<qint64, Volume> visitorVolume, accountVolume;
    const auto reasonOf = [](const std::unordered_map<qint64, QString> &status, qint64 ref) -> QString {
        const auto it = status.find(ref);
        if (it == status.end())
            return QStringLiteral("unresolved");
        return it->second == QLatin1String("matched") ? QString() : it->second;
    };
    const auto add = [firstDay, words](Volume &v, qint64 day, qint64 events, qint64 minutes) {
        v.events += events;
        v.minutes += minutes;
        v.lastDay = std::max(v.lastDay, day);
        if (v.days.empty())
            v.days.resize(words);
        const qint64 bit = day - firstDay;
        if (bit >= 0 && std::size_t(bit / 64) < v.days.size())
            v.days[std::size_t(bit / 64)] |= quint64(1) << (bit % 64);
    };
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const qint64 visitor = sqlite3_column_int64(stmt, 0);
        const qint64 account = sqlite3_column_int64(stmt, 1);
        const qint64 day = sqlite3_column_int64(stmt, 2);
        const qint64 events = sqlite3_column_int64(stmt, 3);
        const qint64 minutes = sqlite3_column_int64(stmt, 4);
        if (visitors) {
            auto it = visitorVolume.find(visitor);
            if (it == visitorVolume.end()) {
                const QString reason = reasonOf(visitorStatus, visitor);
                if (!reason.isEmpty())
                    it = visitorVolume.emplace(visitor, Volume{reason, 0, 0, 0, {}}).first;
            }
            if (it != visitorVolume.end())
                add(it->second, day, events, minutes);
        }
        if (account != 0) {
            auto it = accountVolume.find(account);
            if (it == accountVolume.end()) {
                const QString reason = reasonOf(accountStatus, account);
                if (!reason.isEmpty())
                    it = accountVolume.emplace(account, Volume{reason, 0, 0, 0, {}}).first;
            }
            if (it != accountVolume.end())
                add(it->second, day, events, minutes);
        }
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(native));
        return false;
    }
    for (bool isVisitor : {true, false}) {
        for (const auto &[ref, v] : isVisitor ? visitorVolume : accountVolume)
            out->push_back(Entry{isVisitor, ref, v.reason, v.events, v.minutes, v.activeDays(), v.lastDay});
    }
    return true;
}

bool UnmatchedReport::write(WriteTransaction &tx, const std::vector<Entry> &entries, qint64 runId)
{
    if (!tx.exec(QStringLiteral("DELETE FROM sync_unmatched")))
        return false;
    QSqlQuery q(tx.db());
    q.prepare(QStringLiteral("INSERT INTO sync_unmatched (object, pendo_ref, reason, events, minutes, active_days, "
                             "last_day, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Entry &e : entries) {
        q.addBindValue(e.visitor ? QStringLiteral("contact") : QStringLiteral("account"));
        q.addBindValue(e.ref);
        q.addBindValue(e.reason);
        q.addBindValue(e.events);
        q.addBindValue(e.minutes);
        q.addBindValue(e.activeDays);
        q.addBindValue(e.lastDay == 0 ? QVariant() : QVariant(e.lastDay));
        q.addBindValue(runId);
        if (!tx.exec(q))
            return false;
    }
    return true;
}
