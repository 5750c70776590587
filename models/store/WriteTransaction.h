#pragma once

#include "StoreError.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

class Clock;
class QSqlQuery;
class SqlDialect;

/**
 * One unit of work on the workspace's write connection: every repository that takes it writes
 * into the same transaction, so a set of writes (a catalog refresh + its audit entry, a config
 * save + re-resolved matches) commits or rolls back as one. Begun `IMMEDIATE` by the writer;
 * repositories never begin, commit or roll back themselves. Also the single place where "now"
 * is read for a write. Lives on the writer thread for the duration of one job.
 */
class WriteTransaction final
{
public:
    WriteTransaction(QSqlDatabase db, const SqlDialect &dialect, Clock &clock);
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    QSqlDatabase &db() { return m_db; }
    const SqlDialect &dialect() const { return m_dialect; }
    Clock &clock() const { return m_clock; }

    /** The transaction's time, read once from the clock: every row of one unit carries the same. */
    QDateTime now() const { return m_now; }
    /** now() as stored (ISO 8601, UTC, milliseconds). */
    QString nowText() const;

    /** Runs a prepared query; on failure remembers the typed error and returns false. */
    bool exec(QSqlQuery &query);
    /** Runs one statement. */
    bool exec(const QString &sql);
    /** Runs `sql` on `query` (a read inside the unit, whose rows the caller then walks). */
    bool exec(QSqlQuery &query, const QString &sql);
    /** The first error exec() met (a failed unit rolls back with it). */
    StoreError error() const { return m_error; }
    /** Records a failure that did not come from a query (e.g. a check in the repository). */
    StoreError fail(StoreError error);

    /** The native SQLite handle of the connection (sqlite3 *), for bulk paths; nullptr elsewhere. */
    void *nativeHandle() const;

    /**
     * Runs `job` inside BEGIN IMMEDIATE … COMMIT on `db` (ROLLBACK when the job or the commit
     * fails). Used by the writer thread and by migrations; not for other callers.
     */
    template <typename Job>
    static StoreError run(QSqlDatabase db, const SqlDialect &dialect, Clock &clock, Job &&job);

private:
    static StoreError begin(QSqlDatabase &db, const SqlDialect &dialect);
    static StoreError commit(QSqlDatabase &db);
    static void rollback(QSqlDatabase &db);

    QSqlDatabase m_db;
    const SqlDialect &m_dialect;
    Clock &m_clock;
    const QDateTime m_now;
    StoreError m_error;
};

template <typename Job>
StoreError WriteTransaction::run(QSqlDatabase db, const SqlDialect &dialect, Clock &clock, Job &&job)
{
    if (StoreError error = begin(db, dialect))
        return error;
    StoreError result;
    {
        WriteTransaction tx(db, dialect, clock);
        result = job(tx);
        if (!result && tx.error())
            result = tx.error();
    }
    if (result) {
        rollback(db);
        return result;
    }
    if (StoreError error = commit(db)) {
        rollback(db);
        return error;
    }
    return {};
}
