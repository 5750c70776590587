#include "Matcher.h"

#include "MatchRun.h"

#include "store/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

using namespace matching;

namespace {

QString statusText(Status status)
{
    switch (status) {
    case Status::Matched:
        return QStringLiteral("matched");
    case Status::Ambiguous:
        return QStringLiteral("ambiguous");
    case Status::Unmatched:
        break;
    }
    return QStringLiteral("unmatched");
}

bool writeResolutions(QSqlDatabase &db, const QString &object, const QHash<QString, Resolution> &resolutions,
                      int configVersion, const QString &now, QString *error)
{
    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM match_resolutions WHERE object = :object"));
    remove.bindValue(QStringLiteral(":object"), object);
    if (!remove.exec()) {
        *error = remove.lastError().text();
        return false;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO match_resolutions (object, pendo_id, status, cs_id, matched_by, "
                                  "candidates, config_version, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (auto it = resolutions.cbegin(); it != resolutions.cend(); ++it) {
        QJsonArray candidates;
        for (qint64 id : it.value().candidates)
            candidates.append(id);
        insert.addBindValue(object);
        insert.addBindValue(it.key());
        insert.addBindValue(statusText(it.value().status));
        insert.addBindValue(it.value().status == Status::Matched ? QVariant(it.value().csId) : QVariant());
        insert.addBindValue(it.value().matchedBy.isEmpty() ? QVariant() : QVariant(it.value().matchedBy));
        insert.addBindValue(QString::fromUtf8(QJsonDocument(candidates).toJson(QJsonDocument::Compact)));
        insert.addBindValue(configVersion);
        insert.addBindValue(now);
        if (!insert.exec()) {
            *error = insert.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace

Matcher::Matcher(Database &database)
    : m_database(database)
{
}

MatchPreview Matcher::preview(const MatchRules &rules)
{
    QElapsedTimer timer;
    timer.start();
    ScopedConnection connection(m_database);
    MatchRun run;
    if (!connection.isValid() || !run.load(connection.db())) {
        MatchPreview failed;
        failed.error = connection.isValid() ? run.error : connection.error();
        return failed;
    }
    MatchPreview preview = run.preview(rules);
    preview.elapsedMs = timer.elapsed();
    return preview;
}

bool Matcher::apply(const MatchRules &rules, int configVersion, MatchPreview *result, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    ScopedConnection connection(m_database);
    MatchRun run;
    if (!connection.isValid() || !run.load(connection.db())) {
        *error = connection.isValid() ? run.error : connection.error();
        return false;
    }
    MatchPreview preview = run.preview(rules);
    QSqlDatabase &db = connection.db();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    if (!writeResolutions(db, QStringLiteral("account"), run.accountResolutions, configVersion, now, error)
        || !writeResolutions(db, QStringLiteral("contact"), run.contactResolutions, configVersion, now, error)) {
        db.rollback();
        return false;
    }
    const QJsonObject details{{QStringLiteral("configVersion"), configVersion},
                              {QStringLiteral("accountsMatched"), preview.accounts.matched},
                              {QStringLiteral("accountsUnmatched"), preview.accounts.unmatched},
                              {QStringLiteral("accountsAmbiguous"), preview.accounts.ambiguous},
                              {QStringLiteral("contactsMatched"), preview.contacts.matched},
                              {QStringLiteral("contactsUnmatched"), preview.contacts.unmatched},
                              {QStringLiteral("contactsAmbiguous"), preview.contacts.ambiguous}};
    QSqlQuery audit(db);
    audit.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, object_type, details) VALUES (?, ?, "
                                 "'match.apply', 'resolutions', ?)"));
    audit.addBindValue(now);
    audit.addBindValue(QStringLiteral("matcher"));
    audit.addBindValue(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)));
    if (!audit.exec() || !db.commit()) {
        *error = audit.lastError().text().isEmpty() ? db.lastError().text() : audit.lastError().text();
        db.rollback();
        return false;
    }
    preview.elapsedMs = timer.elapsed();
    if (result)
        *result = std::move(preview);
    return true;
}

qint64 Matcher::createContactsForUnmatched(const MatchRules &rules, int configVersion, const QString &actor,
                                           QString *error)
{
    qint64 created = 0;
    {
        ScopedConnection connection(m_database);
        MatchRun run;
        if (!connection.isValid() || !run.load(connection.db())) {
            *error = connection.isValid() ? run.error : connection.error();
            return -1;
        }
        run.resolve(rules);
        QSqlDatabase &db = connection.db();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        if (!db.transaction()) {
            *error = db.lastError().text();
            return -1;
        }
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral("INSERT INTO contacts (external_id, account_id, email, name, created_by, "
                                      "created_at, updated_at) VALUES (?, ?, ?, ?, 'integration', ?, ?) "
                                      "ON CONFLICT (external_id) DO NOTHING"));
        for (PendoRecord &visitor : run.visitors) {
            if (run.contactResolutions.value(visitor.id).status != Status::Unmatched)
                continue;
            const Resolution account = run.accountResolutions.value(visitor.accountId);
            if (account.status != Status::Matched)
                continue;
            const QString name = pendoValue(visitor, QStringLiteral("metadata.agent.name"), true);
            insert.addBindValue(visitor.id);
            insert.addBindValue(account.csId);
            insert.addBindValue(visitor.email.isEmpty() ? QVariant() : QVariant(visitor.email));
            insert.addBindValue(name.isEmpty() ? QVariant() : QVariant(name));
            insert.addBindValue(now);
            insert.addBindValue(now);
            if (!insert.exec()) {
                *error = insert.lastError().text();
                db.rollback();
                return -1;
            }
            created += insert.numRowsAffected();
        }
        QSqlQuery audit(db);
        audit.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, object_type, details) VALUES (?, ?, "
                                     "'contacts.create_unmatched', 'contacts', ?)"));
        audit.addBindValue(now);
        audit.addBindValue(actor);
        audit.addBindValue(QStringLiteral("{\"created\":%1}").arg(created));
        if (!audit.exec() || !db.commit()) {
            *error = db.lastError().text();
            db.rollback();
            return -1;
        }
    }
    if (!apply(rules, configVersion, nullptr, error))
        return -1;
    return created;
}
