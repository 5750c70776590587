#pragma once

#include "StoreError.h"

#include <QString>
#include <QStringList>

class QSqlDatabase;
class SqlDialect;

/**
 * Brings a workspace to the latest schema. Migrations are numbered SQL resources
 * (":/sql/0001_init.sql", …); each is applied in its own IMMEDIATE transaction together with
 * the new version number, so a failure (or a kill) leaves the previous version intact. A
 * workspace from a newer program is refused before anything is touched.
 */
class Migrations final
{
public:
    /** The newest schema version this build knows. */
    static int latestVersion();
    /** Applies every migration newer than the database's version; refuses a newer database. */
    static StoreError apply(QSqlDatabase &db, const SqlDialect &dialect);
    /**
     * Reads the schema version into *version; an error when it cannot be read or when the
     * workspace is newer than this program. Only reads, so it is safe on a read-only probe.
     */
    static StoreError checkVersion(QSqlDatabase &db, const SqlDialect &dialect, int *version);
    /** Applies migrations up to and including `version` only (tests build old fixtures this way). */
    static StoreError applyUpTo(QSqlDatabase &db, const SqlDialect &dialect, int version);
    /**
     * Splits a script into complete statements, as SQLite itself decides where one ends
     * (sqlite3_complete: semicolons inside quotes, comments and CREATE TRIGGER bodies do not end
     * a statement). Comments are kept; empty statements dropped.
     */
    static QStringList splitStatements(const QString &script);

private:
    static QStringList migrationFiles();
};
