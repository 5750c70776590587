#pragma once

#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "store/CsImporter.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QSqlError>
#include <QSqlQuery>
#include <QWidget>

/**
 * A workspace with CS accounts and contacts imported from CSV and raw Pendo accounts and
 * visitors inserted directly, shaped so every kind of match outcome appears:
 *   accounts  A-1 matches exactly, a-2 only if case is ignored, X-9 has no CS account;
 *   visitors  C-1 by id, v-bob and v-cy by e-mail, v-new and v-new2 unmatched in a matched
 *             account, v-x unmatched in an unmatched account.
 */
class MatchingWorkspace : public TestWorkspace
{
public:
    bool importCs(const QByteArray &accounts, const QByteArray &contacts)
    {
        return importFile(RecordKind::Accounts, QStringLiteral("accounts.csv"), accounts)
               && importFile(RecordKind::Contacts, QStringLiteral("contacts.csv"), contacts);
    }

    bool fillStandard()
    {
        if (!importCs("Account ID,Account Name\n"
                      "A-1,Acme\n"
                      "A-2,Beta\n"
                      "A-3,Gamma\n",
                      "Contact ID,Email,Name,Account ID\n"
                      "C-1,ada@acme.com,Ada,A-1\n"
                      "C-2,bob@acme.com,Bob,A-1\n"
                      "C-3,cy@beta.com,Cy,A-2\n"))
            return false;
        return addAccount(QStringLiteral("A-1"), QStringLiteral("Acme"), 500)
               && addAccount(QStringLiteral("a-2"), QStringLiteral("Beta Inc"), 300)
               && addAccount(QStringLiteral("X-9"), QStringLiteral("Xylo"), 50)
               && addVisitor(QStringLiteral("C-1"), QStringLiteral("A-1"), QStringLiteral("ada@acme.com"), 100)
               && addVisitor(QStringLiteral("v-bob"), QStringLiteral("A-1"), QStringLiteral("BOB@acme.com"), 90)
               && addVisitor(QStringLiteral("v-cy"), QStringLiteral("a-2"), QStringLiteral("cy@beta.com"), 80)
               && addVisitor(QStringLiteral("v-new"), QStringLiteral("A-1"), QStringLiteral("new@acme.com"), 40)
               && addVisitor(QStringLiteral("v-new2"), QStringLiteral("A-1"), QStringLiteral("new2@acme.com"), 30)
               && addVisitor(QStringLiteral("v-x"), QStringLiteral("X-9"), QStringLiteral("x@xylo.com"), 20);
    }

    bool addAccount(const QString &id, const QString &name, qint64 events)
    {
        QSqlQuery query(database().connection());
        query.prepare(QStringLiteral("INSERT INTO pendo_accounts (account_id, metadata, events_30d, minutes_30d, "
                                     "refreshed_at) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z')"));
        query.addBindValue(id);
        query.addBindValue(QStringLiteral("{\"agent\":{\"name\":\"%1\"}}").arg(name));
        query.addBindValue(events);
        query.addBindValue(events / 4);
        return execOrWarn(query);
    }

    bool addVisitor(const QString &id, const QString &account, const QString &email, qint64 events)
    {
        QSqlQuery query(database().connection());
        query.prepare(QStringLiteral("INSERT INTO pendo_visitors (visitor_id, account_id, account_ids, email, "
                                     "metadata, events_30d, minutes_30d, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                     "'2026-01-01T00:00:00Z')"));
        query.addBindValue(id);
        query.addBindValue(account);
        query.addBindValue(QStringLiteral("[\"%1\"]").arg(account));
        query.addBindValue(email);
        query.addBindValue(QStringLiteral("{\"agent\":{\"email\":\"%1\",\"name\":\"%2\"}}").arg(email, id));
        query.addBindValue(events);
        query.addBindValue(events / 3);
        return execOrWarn(query);
    }

private:
    bool importFile(RecordKind kind, const QString &name, const QByteArray &csv)
    {
        const QString path = writeFile(name, csv);
        const ImportPreview preview = CsImporter::preview(path, kind);
        if (!preview.error.isEmpty()) {
            qWarning("%s", qPrintable(preview.error));
            return false;
        }
        const ImportReport report = CsImporter(database(), kind).run(path, preview.mapping, ImportOptions());
        if (!report.written)
            qWarning("import failed: %s (%lld rejected)", qPrintable(report.fatalError), report.rejected);
        return report.written;
    }

    static bool execOrWarn(QSqlQuery &query)
    {
        if (query.exec())
            return true;
        qWarning("%s", qPrintable(query.lastError().text()));
        return false;
    }
};

