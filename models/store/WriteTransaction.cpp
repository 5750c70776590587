#include "WriteTransaction.h"

#include "SqlDialect.h"
#include "pendo/Clock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>


WriteTransaction::WriteTransaction(QSqlDatabase db, const SqlDialect &dialect, Clock &clock)
    : m_db(std::move(db))
    , m_dialect(dialect)
    , m_clock(clock)
    , m_now(QDateTime::fromMSecsSinceEpoch(clock.nowMs(), Qt::UTC))
{
}

QString WriteTransaction::nowText() const
{
    return m_now.toString(Qt::ISODateWithMs);
}

bool WriteTransaction::exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    fail(StoreError::fromSql(query.lastError()));
    return false;
}

bool WriteTransaction::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    return exec(query, sql);
}

bool WriteTransaction::exec(QSqlQuery &query, const QString &sql)
{
    if (query.exec(sql))
        return true;
    fail(StoreError::fromSql(query.lastError()));
    return false;
}

StoreError WriteTransaction::fail(StoreError error)
{
    if (!m_error)
        m_error = error;
    return error;
}

void *WriteTransaction::nativeHandle() const
{
    return SqlDialect::sqliteHandle(m_db);
}

StoreError WriteTransaction::begin(QSqlDatabase &db, const SqlDialect &dialect)
{
    QSqlQuery query(db);
    if (query.exec(dialect.beginWriteStatement()))
        return {};
    return StoreError::fromSql(query.lastError());
}

StoreError WriteTransaction::commit(QSqlDatabase &db)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("COMMIT")))
        return {};
    return StoreError::fromSql(query.lastError());
}

void WriteTransaction::rollback(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.exec(QStringLiteral("ROLLBACK"));
}
