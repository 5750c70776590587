#include "Migrations.h"

#include "Database.h"
#include "SqlDialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

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

bool Migrations::apply(QSqlDatabase &db, const SqlDialect &dialect, QString *error)
{
    return applyUpTo(db, dialect, latestVersion(), error);
}

bool Migrations::applyUpTo(QSqlDatabase &db, const SqlDialect &dialect, int version, QString *error)
{
    const std::optional<int> current = dialect.schemaVersion(db, error);
    if (!current)
        return false;
    const int latest = latestVersion();
    if (*current > latest) {
        *error = QCoreApplication::translate("Migrations",
                                             "This workspace was written by a newer version of Pendo Bridge "
                                             "(schema version %1; this version knows up to %2). Update Pendo "
                                             "Bridge to open it, or choose another workspace.")
                     .arg(*current)
                     .arg(latest);
        return false;
    }
    const QStringList files = migrationFiles();
    for (int next = *current + 1; next <= std::min(version, latest); ++next) {
        const QString &fileName = files.at(next - 1);
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("Migrations", "Cannot read the migration %1.").arg(fileName);
            return false;
        }
        const QStringList statements = splitStatements(QString::fromUtf8(file.readAll()));
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QString failure;
        for (const QString &statement : statements) {
            QSqlQuery query(db);
            if (!query.exec(dialect.adaptStatement(statement))) {
                failure = QCoreApplication::translate("Migrations", "Upgrading the workspace to schema version %1 "
                                                                    "failed: %2")
                              .arg(next)
                              .arg(query.lastError().text());
                break;
            }
        }
        if (failure.isEmpty() && !dialect.setSchemaVersion(db, next, &failure))
            failure = QCoreApplication::translate("Migrations", "Cannot record schema version %1: %2")
                          .arg(next)
                          .arg(failure);
        if (!failure.isEmpty()) {
            db.rollback();
            *error = failure;
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            db.rollback();
            return false;
        }
        qCDebug(lcStore) << "workspace upgraded to schema version" << next;
    }
    return true;
}

QStringList Migrations::splitStatements(const QString &script)
{
    QStringList statements;
    QString current;
    enum class State { Code, Single, Double, LineComment, BlockComment } state = State::Code;
    for (qsizetype i = 0; i < script.size(); ++i) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < script.size() ? script.at(i + 1) : QChar();
        switch (state) {
        case State::Code:
            if (c == u'\'')
                state = State::Single;
            else if (c == u'"')
                state = State::Double;
            else if (c == u'-' && next == u'-') {
                state = State::LineComment;
                ++i;
                continue;
            } else if (c == u'/' && next == u'*') {
                state = State::BlockComment;
                ++i;
                continue;
            } else if (c == u';') {
                if (!current.trimmed().isEmpty())
                    statements << current.trimmed();
                current.clear();
                continue;
            }
            current.append(c);
            break;
        case State::Single:
            current.append(c);
            if (c == u'\'')
                state = State::Code;
            break;
        case State::Double:
            current.append(c);
            if (c == u'"')
                state = State::Code;
            break;
        case State::LineComment:
            if (c == u'\n') {
                state = State::Code;
                current.append(c);
            }
            break;
        case State::BlockComment:
            if (c == u'*' && next == u'/') {
                state = State::Code;
                ++i;
            }
            break;
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}
