#pragma once

#include "SqlDialect.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <memory>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

/**
 * A workspace: one SQLite file. Owns the dialect and hands each thread its own connection
 * (never share a QSqlDatabase across threads). Created on the main thread; connection() may be
 * called from any thread, and a long-lived worker releases its connection before it ends.
 */
class Database final
{
public:
    explicit Database(QString path);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /** Opens (creating the file if needed) and migrates to the latest schema. */
    bool open(QString *error);
    bool isOpen() const { return m_open; }

    /** This thread's connection, opened and configured on first use. */
    QSqlDatabase connection();
    /** Closes and forgets this thread's connection (call before a worker thread ends). */
    void releaseThreadConnection();

    /** A new connection for a one-shot job; removed again by closeConnection(). */
    QSqlDatabase openDedicatedConnection(QString *error);
    static void closeConnection(const QString &connectionName);

    const SqlDialect &dialect() const { return *m_dialect; }
    QString path() const { return m_path; }

    /** The default workspace file under the platform's application-data location. */
    static QString defaultWorkspacePath();

private:
    QSqlDatabase createConnection(const QString &name, QString *error);
    QString threadConnectionName() const;

    const QString m_path;
    const QString m_id;
    std::unique_ptr<SqlDialect> m_dialect;
    QMutex m_mutex;
    QSet<QString> m_threadConnections;
    bool m_open = false;
};

/** A dedicated connection for the lifetime of a scope; for QtConcurrent jobs. */
class ScopedConnection final
{
public:
    explicit ScopedConnection(Database &database);
    ~ScopedConnection();
    ScopedConnection(const ScopedConnection &) = delete;
    ScopedConnection &operator=(const ScopedConnection &) = delete;

    bool isValid() const { return m_db.isOpen(); }
    QString error() const { return m_error; }
    QSqlDatabase &db() { return m_db; }

private:
    QSqlDatabase m_db;
    QString m_error;
};
