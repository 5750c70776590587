#pragma once

#include "store/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/** A fresh workspace in a temporary folder, removed with the object. */
class TestWorkspace
{
public:
    TestWorkspace()
        : m_database(std::make_unique<Database>(m_dir.filePath(QStringLiteral("workspace.sqlite"))))
    {
        QString error;
        m_opened = m_database->open(&error);
        m_error = error;
    }

    bool isOpen() const { return m_opened; }
    QString error() const { return m_error; }
    Database &database() { return *m_database; }
    QString dir() const { return m_dir.path(); }

    /** Writes a file into the workspace folder and returns its path. */
    QString writeFile(const QString &name, const QByteArray &content) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

    /** One scalar of a query on this thread's connection. */
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(m_database->connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    /** Every row of a table as text, ordered, to compare whole states before and after. */
    QStringList dump(const QString &table, const QString &orderBy = QStringLiteral("id"))
    {
        QStringList rows;
        QSqlQuery query(m_database->connection());
        if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, orderBy)))
            return {QStringLiteral("<query failed>")};
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            rows << values.join(u'|');
        }
        return rows;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    bool m_opened = false;
    QString m_error;
};
