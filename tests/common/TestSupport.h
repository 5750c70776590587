#pragma once

#include "pendo/Clock.h"
#include "security/CredentialStore.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/**
 * A fresh workspace session in a temporary folder, removed with the object: its database (with
 * the one writer), an in-memory credential store and the given clock (the system's by default).
 */
class TestWorkspace
{
public:
    explicit TestWorkspace(Clock &clock = Clock::system())
    {
        QString error;
        m_session = WorkspaceSession::open(m_dir.filePath(QStringLiteral("workspace.sqlite")), m_credentials, clock,
                                           &error);
        m_opened = m_session != nullptr;
        m_error = error;
    }

    bool isOpen() const { return m_opened; }
    QString error() const { return m_error; }
    Database &database() { return m_session->database(); }
    WorkspaceSession &session() { return *m_session; }
    MemoryCredentialStore &credentials() { return m_credentials; }
    QString dir() const { return m_dir.path(); }
    QString path() const { return m_dir.filePath(QStringLiteral("workspace.sqlite")); }

    /** Runs `write` as one unit of work through the workspace writer and waits for it. */
    StoreError write(const std::function<bool(WriteTransaction &)> &write)
    {
        return m_session->database().writer().runAndWait(QStringLiteral("test"), [&write](WriteTransaction &tx) {
            if (write(tx))
                return StoreError();
            return tx.error() ? tx.error() : StoreError::failed(QStringLiteral("the test's unit failed"));
        });
    }

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
        QSqlQuery query(m_session->database().connection());
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

    /** Every row of a table as text, ordered, to compare whole states before and after. */
    QStringList dump(const QString &table, const QString &orderBy = QStringLiteral("id"))
    {
        QStringList rows;
        QSqlQuery query(m_session->database().connection());
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
    MemoryCredentialStore m_credentials;
    std::unique_ptr<WorkspaceSession> m_session;
    bool m_opened = false;
    QString m_error;
};
