#pragma once

#include "StoreError.h"

#include <QSqlError>
#include <QString>

#include <sqlite3.h>

#include <string_view>

/**
 * A prepared statement on a connection's native SQLite handle, finalized when it goes: the bulk
 * paths (landing activity, writing the derived layer) and the fast readers use it instead of
 * QSqlQuery. Belongs to the thread of the connection it was prepared on.
 */
class NativeStatement final
{
public:
    NativeStatement(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        m_ok = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) == SQLITE_OK;
    }
    ~NativeStatement() { sqlite3_finalize(m_stmt); }
    NativeStatement(const NativeStatement &) = delete;
    NativeStatement &operator=(const NativeStatement &) = delete;

    bool ok() const { return m_ok; }
    void bind(int index, qint64 value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, int value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }
    void bind(int index, std::string_view text)
    {
        sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    }
    /** Steps to completion (or to the first row) and resets for the next use. */
    bool step(qint64 *firstColumn = nullptr)
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW && firstColumn)
            *firstColumn = sqlite3_column_int64(m_stmt, 0);
        const bool ok = rc == SQLITE_DONE || rc == SQLITE_ROW;
        sqlite3_reset(m_stmt);
        return ok;
    }

    // Reading many rows: next() until it returns false, then failed() tells an error from the end.
    bool next()
    {
        const int rc = sqlite3_step(m_stmt);
        m_failed = rc != SQLITE_ROW && rc != SQLITE_DONE;
        return rc == SQLITE_ROW;
    }
    bool failed() const { return m_failed; }
    void reset() { sqlite3_reset(m_stmt); }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

    /** The connection's last error as a StoreError (for "disk full", "read-only" and the rest). */
    StoreError error() const { return errorOf(m_db); }
    static StoreError errorOf(sqlite3 *db)
    {
        return StoreError::fromSql(QSqlError(QStringLiteral("sqlite"), QString::fromUtf8(sqlite3_errmsg(db)),
                                             QSqlError::StatementError,
                                             QString::number(sqlite3_extended_errcode(db))));
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    bool m_ok = false;
    bool m_failed = false;
};
