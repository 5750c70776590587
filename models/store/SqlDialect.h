#pragma once

#include "StoreError.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QSqlDatabase;

/**
 * Everything that differs between the SQL backends lives here, so repositories stay portable.
 * Stateless; shared by all threads.
 */
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    /** The dialect for a Qt SQL driver name ("QSQLITE"); nullptr when unsupported. */
    static std::unique_ptr<SqlDialect> forDriver(const QString &driverName);
    /** The connection's native SQLite handle (sqlite3 *) for bulk paths; nullptr on other drivers. */
    static void *sqliteHandle(const QSqlDatabase &db);

    virtual QString driverName() const = 0;
    /** Statements run on every new connection (pragmas, session settings). */
    virtual QStringList connectionSetup() const = 0;
    /** The schema version stored in the database; nullopt with the typed *error on failure. */
    virtual std::optional<int> schemaVersion(QSqlDatabase &db, StoreError *error) const = 0;
    /** Records the schema version; runs inside the migration's transaction. */
    virtual bool setSchemaVersion(QSqlDatabase &db, int version, QString *error) const = 0;
    /**
     * Adapts one statement of a migration, written in the portable subset, to this backend
     * (e.g. surrogate keys: SQLite's INTEGER PRIMARY KEY, PostgreSQL's identity columns).
     */
    virtual QString adaptStatement(const QString &statement) const { return statement; }
    /** An expression that merges two JSON object texts, keys of the second winning. */
    virtual QString jsonMergeExpression(const QString &existing, const QString &incoming) const = 0;
    /** Whether a database error means the disk (or quota) is full. */
    virtual bool isDiskFull(const QString &nativeErrorCode) const = 0;
    /**
     * Begins a write transaction that takes the write lock at once (SQLite: BEGIN IMMEDIATE), so
     * a unit of work never reads a snapshot it then cannot write on.
     */
    virtual QString beginWriteStatement() const = 0;
};

/** SQLite: WAL, foreign keys, NORMAL sync, version in PRAGMA user_version, JSON1 for merges. */
class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QStringList connectionSetup() const override;
    std::optional<int> schemaVersion(QSqlDatabase &db, StoreError *error) const override;
    bool setSchemaVersion(QSqlDatabase &db, int version, QString *error) const override;
    QString jsonMergeExpression(const QString &existing, const QString &incoming) const override;
    bool isDiskFull(const QString &nativeErrorCode) const override;
    QString beginWriteStatement() const override;
};
