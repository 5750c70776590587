#include "Migrations.h"

#include "Database.h"
#include "SqlDialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

QStringList Migrations::migrationFiles()
{
    QStringList files = QDir(QStringLiteral(":/sql")).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (QString &file : files)
        file.prepend(QStringLiteral(":/sql/"));
    return files;
}

int Migrations::latestVersion()
{
    return int(migrationFiles().size());
}

StoreError Migrations::apply(QSqlDatabase &db, const SqlDialect &dialect)
{
    return applyUpTo(db, dialect, latestVersion());
}

StoreError Migrations::checkVersion(QSqlDatabase &db, const SqlDialect &dialect, int *version)
{
    StoreError error;
    const std::optional<int> current = dialect.schemaVersion(db, &error);
    if (!current)
        return error;
    *version = *current;
    if (*current > latestVersion())
        return StoreError::schemaTooNew(*current, latestVersion());
    return {};
}

StoreError Migrations::applyUpTo(QSqlDatabase &db, const SqlDialect &dialect, int version)
{
    int current = 0;
    if (StoreError refused = checkVersion(db, dialect, &current))
        return refused;
    const int latest = latestVersion();
    const QStringList files = migrationFiles();
    for (int next = current + 1; next <= std::min(version, latest); ++next) {
        const QString &fileName = files.at(next - 1);
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly))
            return StoreError::failed(
                QCoreApplication::translate("Migrations", "Cannot read the migration %1.").arg(fileName));
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        QSqlQuery control(db);
        if (!control.exec(dialect.beginWriteStatement()))
            return StoreError::fromSql(control.lastError());
        StoreError failure;
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(dialect.adaptStatement(statement))) {
                const StoreError typed = StoreError::fromSql(query.lastError());
                failure = StoreError(typed.kind(),
                                     QCoreApplication::translate("Migrations",
                                                                 "upgrading to schema version %1 failed: %2")
                                         .arg(next)
                                         .arg(query.lastError().text()));
                break;
            }
        }
        QString setError;
        if (!failure && !dialect.setSchemaVersion(db, next, &setError))
            failure = StoreError::failed(
                QCoreApplication::translate("Migrations", "cannot record schema version %1: %2").arg(next).arg(setError));
        if (!failure && !control.exec(QStringLiteral("COMMIT")))
            failure = StoreError::fromSql(control.lastError());
        if (failure) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            return failure;
        }
        qCDebug(lcStore) << "workspace upgraded to schema version" << next;
    }
    return {};
}

namespace {

/** The statement without the comments and blank space in front of it (empty when nothing else is left). */
QString withoutLeadingComments(QString text)
{
    for (;;) {
        text = text.trimmed();
        if (text.startsWith(QLatin1String("--"))) {
            const qsizetype end = text.indexOf(u'\n');
            text = end < 0 ? QString() : text.mid(end + 1);
        } else if (text.startsWith(QLatin1String("/*"))) {
            const qsizetype end = text.indexOf(QLatin1String("*/"));
            text = end < 0 ? QString() : text.mid(end + 2);
        } else {
            return text;
        }
    }
}

} // namespace

QStringList Migrations::splitStatements(const QString &script)
{
    QStringList statements;
    const QByteArray utf8 = script.toUtf8();
    qsizetype start = 0;
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        if (utf8.at(i) != ';')
            continue;
        const QByteArray chunk = utf8.mid(start, i - start + 1);
        if (!sqlite3_complete(chunk.constData()))
            continue; // the semicolon is inside a literal, a comment or a trigger body
        start = i + 1;
        const QString statement = withoutLeadingComments(QString::fromUtf8(chunk.chopped(1)));
        if (!statement.isEmpty())
            statements << statement;
    }
    const QString rest = withoutLeadingComments(QString::fromUtf8(utf8.mid(start)));
    if (!rest.isEmpty())
        statements << rest;
    return statements;
}
