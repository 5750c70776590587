#pragma once

#include "SqlDialect.h"
#include "StoreError.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

class Clock;
class WorkspaceWriter;

/**
 * A workspace: one SQLite file (later: a PostgreSQL database). Owns the dialect, the one writer
 * and the clock that every write reads "now" from, and hands each thread its own connection.
 *
 * Connections belong to the thread that asked for them: they are created on it and closed on
 * it when the thread finishes (QThreadStorage, not the reusable OS thread id), so no
 * thread ever closes another's connection. Readers use these connections (WAL: they never wait
 * for the writer); every write goes through writer(). Pool jobs use ScopedConnection.
 * Created and destroyed on one thread (the main thread), after the threads that read from it.
 */
class Database final
{
public:
    explicit Database(QString path);
    Database(QString path, Clock &clock);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /** Opens (creating the file if needed), migrates to the latest schema, starts the writer. */
    StoreError open();
    /** The same, with the sentence for the user ("Cannot open the workspace X: <reason>"). */
    bool open(QString *error);
    bool isOpen() const { return m_open; }

    /** This thread's connection, opened and configured on first use; closed when the thread ends. */
    QSqlDatabase connection();
    /** Closes this thread's connection now (e.g. a test that reopens the file). */
    void releaseThreadConnection();
    /** Why the last connection could not be opened. */
    StoreError lastConnectionError() const;

    /** A new connection for a one-shot job; removed again by closeConnection() on the same thread. */
    QSqlDatabase openDedicatedConnection(StoreError *error);
    static void closeConnection(const QString &connectionName);

    /** The one writer; every write to this workspace goes through it. */
    WorkspaceWriter &writer() { return *m_writer; }
    Clock &clock() const { return m_clock; }
    const SqlDialect &dialect() const { return *m_dialect; }
    QString path() const { return m_path; }

    /** The default workspace file under the platform's application-data location. */
    static QString defaultWorkspacePath();

private:
    QSqlDatabase createConnection(const QString &name, StoreError *error);
    StoreError probeExisting();

    const QString m_path;
    const quint64 m_id;
    Clock &m_clock;
    std::unique_ptr<SqlDialect> m_dialect;
    std::unique_ptr<WorkspaceWriter> m_writer;
    mutable QMutex m_mutex;
    StoreError m_lastConnectionError;
    bool m_open = false;
};

/** A dedicated connection for the lifetime of a scope, on the scope's thread; for pool jobs. */
class ScopedConnection final
{
public:
    explicit ScopedConnection(Database &database);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    bool isValid() const { return m_db.isOpen(); }
    QString error() const { return m_error.message(); }
    StoreError storeError() const { return m_error; }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
    StoreError m_error;
};
