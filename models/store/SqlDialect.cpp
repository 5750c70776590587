#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

std::unique_ptr<SqlDialect> SqlDialect::forDriver(const QString &driverName)
{
    if (driverName == QLatin1String("QSQLITE"))
        return std::make_unique<SqliteDialect>();
    return nullptr;
}

QString SqliteDialect::driverName() const
{
    return QStringLiteral("QSQLITE");
}

QStringList SqliteDialect::connectionSetup() const
{
    return {
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA busy_timeout = 5000"),
        QStringLiteral("PRAGMA cache_size = -65536"),
    };
}

std::optional<int> SqliteDialect::schemaVersion(QSqlDatabase &db, StoreError *error) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next()) {
        *error = StoreError::fromSql(query.lastError());
        if (!*error) // answered, but with no row: not a database this program understands
            *error = {StoreError::Kind::Corrupt, query.lastError().text()};
        return std::nullopt;
    }
    return query.value(0).toInt();
}

bool SqliteDialect::setSchemaVersion(QSqlDatabase &db, int version, QString *error) const
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version))) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

QString SqliteDialect::jsonMergeExpression(const QString &existing, const QString &incoming) const
{
    return QStringLiteral("json_patch(%1, %2)").arg(existing, incoming);
}

bool SqliteDialect::isDiskFull(const QString &nativeErrorCode) const
{
    // SQLITE_FULL (13); extended codes keep the primary code in the low byte.
    bool ok = false;
    const int code = nativeErrorCode.toInt(&ok);
    return ok && (code & 0xff) == 13;
}

QString SqliteDialect::beginWriteStatement() const
{
    return QStringLiteral("BEGIN IMMEDIATE");
}

void *SqlDialect::sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<void *const *>(handle.constData());
}
