#pragma once

#include <QDate>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>

/**
 * A small raw activity layer written by hand: two days, two apps, every kind, a visitor id that
 * needs CSV quoting, rows with and without an account. `reversed` inserts the same data in the
 * opposite order (and wastes a few ids first), so the integer refs differ between two workspaces
 * while Pendo's ids do not — what the export's ordering must not depend on.
 */
namespace ActivityFixture {

struct Row
{
    QDate day;
    qint64 app;
    int kind; // pendo_activity.kind
    const char *item; // pendo_id, nullptr for the activity kind
    const char *visitor;
    const char *account; // nullptr: none
    qint64 events;
    qint64 minutes;
};

inline QList<Row> rows()
{
    const QDate d1(2024, 3, 1);
    const QDate d2(2024, 3, 2);
    return {
        {d2, 5, 2, "page-1", "bob", nullptr, 2, 1},
        {d1, -323232, 1, "feat-a", "alice@acme.io", "acme", 2, 1},
        {d1, 5, 4, "tt-1", "alice@acme.io", "acme", 9, 0},
        {d1, -323232, 0, nullptr, "bob", nullptr, 4, 1},
        {d1, -323232, 2, "page-1", "\"q, c\"@x", "beta", 7, 2},
        {d1, -323232, 3, "guide-1", "bob", nullptr, 1, 0},
        {d1, 5, 0, nullptr, "\"q, c\"@x", "beta", 3, 1},
        {d2, -323232, 0, nullptr, "alice@acme.io", "acme", 1, 1},
        {d1, -323232, 1, "feat-B", "alice@acme.io", "acme", 5, 2},
        {d1, -323232, 0, nullptr, "alice@acme.io", "acme", 10, 3},
    };
}

/** The whole fixture as `activity export` writes it (CSV, CRLF line ends). */
inline QByteArray expectedCsv()
{
    return "day,app,kind,item,visitor,account,events,minutes\r\n"
           "2024-03-01,-323232,activity,,alice@acme.io,acme,10,3\r\n"
           "2024-03-01,-323232,activity,,bob,,4,1\r\n"
           "2024-03-01,-323232,feature,feat-B,alice@acme.io,acme,5,2\r\n"
           "2024-03-01,-323232,feature,feat-a,alice@acme.io,acme,2,1\r\n"
           "2024-03-01,-323232,guide,guide-1,bob,,1,0\r\n"
           "2024-03-01,-323232,page,page-1,\"\"\"q, c\"\"@x\",beta,7,2\r\n"
           "2024-03-01,5,activity,,\"\"\"q, c\"\"@x\",beta,3,1\r\n"
           "2024-03-01,5,track_type,tt-1,alice@acme.io,acme,9,0\r\n"
           "2024-03-02,-323232,activity,,alice@acme.io,acme,1,1\r\n"
           "2024-03-02,5,page,page-1,bob,,2,1\r\n";
}

inline bool exec(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text() + QStringLiteral(" in ") + query.lastQuery();
    return false;
}

inline qint64 refOf(QSqlDatabase db, const QString &sql, const QString &key, QString *error)
{
    QSqlQuery query(db);
    query.prepare(sql);
    query.addBindValue(key);
    if (!exec(query, error) || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

inline bool write(QSqlDatabase db, bool reversed, QString *error)
{
    static const char *kindNames[] = {"activity", "feature", "page", "guide", "track_type"};
    const QString now = QStringLiteral("2024-03-03T00:00:00Z");
    QList<Row> all = rows();
    if (reversed)
        std::reverse(all.begin(), all.end());
    QSqlQuery query(db);
    if (reversed) {
        // Ids nobody refers to: the refs of the same Pendo ids differ from the other workspace's.
        for (const QString &sql : {QStringLiteral("INSERT INTO pendo_visitors (visitor_id, refreshed_at) VALUES ('unused', '%1')"),
                                   QStringLiteral("INSERT INTO pendo_accounts (account_id, refreshed_at) VALUES ('unused', '%1')"),
                                   QStringLiteral("INSERT INTO pendo_catalog_items (kind, pendo_id, name, first_seen_at, "
                                                  "last_seen_at) VALUES ('feature', 'unused', 'Unused', '%1', '%1')")}) {
            query.prepare(sql.arg(now));
            if (!exec(query, error))
                return false;
        }
    }
    for (const Row &row : std::as_const(all)) {
        query.prepare(QStringLiteral("INSERT OR IGNORE INTO pendo_visitors (visitor_id, refreshed_at) VALUES (?, ?)"));
        query.addBindValue(QString::fromUtf8(row.visitor));
        query.addBindValue(now);
        if (!exec(query, error))
            return false;
        if (row.account) {
            query.prepare(QStringLiteral("INSERT OR IGNORE INTO pendo_accounts (account_id, refreshed_at) VALUES (?, ?)"));
            query.addBindValue(QString::fromUtf8(row.account));
            query.addBindValue(now);
            if (!exec(query, error))
                return false;
        }
        if (row.item) {
            query.prepare(QStringLiteral("INSERT OR IGNORE INTO pendo_catalog_items (kind, pendo_id, app_id, name, "
                                         "first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)"));
            for (const QVariant &value : {QVariant(QString::fromLatin1(kindNames[row.kind])), QVariant(QString::fromUtf8(row.item)),
                                          QVariant(row.app), QVariant(QString::fromUtf8(row.item)), QVariant(now), QVariant(now)})
                query.addBindValue(value);
            if (!exec(query, error))
                return false;
        }
        const qint64 visitor = refOf(db, QStringLiteral("SELECT id FROM pendo_visitors WHERE visitor_id = ?"),
                                     QString::fromUtf8(row.visitor), error);
        const qint64 account = row.account ? refOf(db, QStringLiteral("SELECT id FROM pendo_accounts WHERE account_id = ?"),
                                                   QString::fromUtf8(row.account), error)
                                           : 0;
        const qint64 item = row.item ? refOf(db, QStringLiteral("SELECT id FROM pendo_catalog_items WHERE kind = '%1' AND "
                                                                "pendo_id = ?")
                                                     .arg(QLatin1String(kindNames[row.kind])),
                                             QString::fromUtf8(row.item), error)
                                     : 0;
        if (visitor < 0 || account < 0 || item < 0)
            return false;
        query.prepare(QStringLiteral("INSERT INTO pendo_activity (kind, app_id, day, visitor_ref, account_ref, item_ref, "
                                     "events, minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (const QVariant &value : {QVariant(row.kind), QVariant(row.app), QVariant(row.day.toJulianDay()),
                                      QVariant(visitor), QVariant(account), QVariant(item), QVariant(row.events),
                                      QVariant(row.minutes)})
            query.addBindValue(value);
        if (!exec(query, error))
            return false;
    }
    return true;
}

} // namespace ActivityFixture
