#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;
class SqlDialect;

/**
 * Brings a workspace to the latest schema. Migrations are numbered SQL resources
 * (":/sql/0001_init.sql", …); each is applied in its own transaction together with the new
 * version number, so a failure leaves the previous version intact.
 */
class Migrations final
{
public:
    /** The newest schema version this build knows. */
    static int latestVersion();
    /** Applies every migration newer than the database's version; refuses a newer database. */
    static bool apply(QSqlDatabase &db, const SqlDialect &dialect, QString *error);
    /** Applies migrations up to and including `version` only (tests build old fixtures this way). */
    static bool applyUpTo(QSqlDatabase &db, const SqlDialect &dialect, int version, QString *error);
    /** Splits a script into statements at semicolons outside quotes and comments. */
    static QStringList splitStatements(const QString &script);

private:
    static QStringList migrationFiles();
};
