#include "Matcher.h"

#include "MatchRun.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSet>
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

/**
 * Upserts the resolutions of one object kind by stable id, and drops those of listed identities
 * the run no longer resolves (e.g. a visitor now marked Do Not Process). Resolutions of
 * identities Pendo stopped listing are kept with their history.
 */
bool writeResolutions(WriteTransaction &tx, const QString &object, const QList<PendoRecord> &records,
                      const QHash<QString, Resolution> &resolutions, int configVersion)
{
    QSqlQuery upsert(tx.db());
    upsert.prepare(QStringLiteral("INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, matched_by, "
                                  "candidates, config_version, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                  "ON CONFLICT (object, pendo_ref) DO UPDATE SET status = excluded.status, "
                                  "cs_id = excluded.cs_id, matched_by = excluded.matched_by, "
                                  "candidates = excluded.candidates, config_version = excluded.config_version, "
                                  "resolved_at = excluded.resolved_at"));
    QSet<qint64> written;
    written.reserve(records.size());
    for (const PendoRecord &record : records) {
        const auto it = resolutions.constFind(record.id);
        if (it == resolutions.cend())
            continue;
        QJsonArray candidates;
        for (qint64 id : it.value().candidates)
            candidates.append(id);
        upsert.addBindValue(object);
        upsert.addBindValue(record.ref);
        upsert.addBindValue(statusText(it.value().status));
        upsert.addBindValue(it.value().status == Status::Matched ? QVariant(it.value().csId) : QVariant());
        upsert.addBindValue(it.value().matchedBy.isEmpty() ? QVariant() : QVariant(it.value().matchedBy));
        upsert.addBindValue(QString::fromUtf8(QJsonDocument(candidates).toJson(QJsonDocument::Compact)));
        upsert.addBindValue(configVersion);
        upsert.addBindValue(tx.nowText());
        if (!tx.exec(upsert))
            return false;
        written.insert(record.ref);
    }
    const QString dictionary = object == QLatin1String("account") ? QStringLiteral("pendo_accounts")
                                                                   : QStringLiteral("pendo_visitors");
    QSqlQuery listed(tx.db());
    listed.prepare(QStringLiteral("SELECT r.pendo_ref FROM match_resolutions r JOIN %1 d ON d.id = r.pendo_ref "
                                  "WHERE r.object = ? AND d.deleted_at IS NULL")
                       .arg(dictionary));
    listed.addBindValue(object);
    if (!tx.exec(listed))
        return false;
    QList<qint64> stale;
    while (listed.next())
        if (!written.contains(listed.value(0).toLongLong()))
            stale << listed.value(0).toLongLong();
    QSqlQuery remove(tx.db());
    remove.prepare(QStringLiteral("DELETE FROM match_resolutions WHERE object = ? AND pendo_ref = ?"));
    for (qint64 ref : std::as_const(stale)) {
        remove.addBindValue(object);
        remove.addBindValue(ref);
        if (!tx.exec(remove))
            return false;
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
    MatchPreview preview;
    const StoreError failure = m_database.writer().runAndWait(QStringLiteral("match.apply"), [&](WriteTransaction &tx) {
        return apply(tx, rules, configVersion, &preview) ? StoreError() : tx.error();
    });
    if (failure) {
        *error = failure.message();
        return false;
    }
    if (result)
        *result = std::move(preview);
    return true;
}

qint64 Matcher::createContactsForUnmatched(const MatchRules &rules, int configVersion, const QString &actor,
                                           QString *error)
{
    qint64 created = -1;
    const StoreError failure
        = m_database.writer().runAndWait(QStringLiteral("contacts.create_unmatched"), [&](WriteTransaction &tx) {
              created = createContactsForUnmatched(tx, rules, configVersion, actor);
              return created < 0 ? tx.error() : StoreError();
          });
    if (failure) {
        *error = failure.message();
        return -1;
    }
    return created;
}

bool Matcher::apply(WriteTransaction &tx, const MatchRules &rules, int configVersion, MatchPreview *result)
{
    QElapsedTimer timer;
    timer.start();
    MatchRun run;
    if (!run.load(tx.db(), rules.readsMetadata())) {
        tx.fail(StoreError::failed(run.error));
        return false;
    }
    MatchPreview preview = run.preview(rules);
    if (!writeResolutions(tx, QStringLiteral("account"), run.pendoAccounts, run.accountResolutions, configVersion)
        || !writeResolutions(tx, QStringLiteral("contact"), run.visitors, run.contactResolutions, configVersion))
        return false;
    AuditEntry audit;
    audit.actor = QStringLiteral("matcher");
    audit.action = QStringLiteral("match.apply");
    audit.objectType = QStringLiteral("resolutions");
    audit.details = {{QStringLiteral("configVersion"), configVersion},
                     {QStringLiteral("accountsMatched"), preview.accounts.matched},
                     {QStringLiteral("accountsUnmatched"), preview.accounts.unmatched},
                     {QStringLiteral("accountsAmbiguous"), preview.accounts.ambiguous},
                     {QStringLiteral("contactsMatched"), preview.contacts.matched},
                     {QStringLiteral("contactsUnmatched"), preview.contacts.unmatched},
                     {QStringLiteral("contactsAmbiguous"), preview.contacts.ambiguous}};
    if (!AuditLog::record(tx, audit))
        return false;
    preview.elapsedMs = timer.elapsed();
    if (result)
        *result = std::move(preview);
    return true;
}

qint64 Matcher::createContactsForUnmatched(WriteTransaction &tx, const MatchRules &rules, int configVersion,
                                           const QString &actor)
{
    MatchRun run;
    if (!run.load(tx.db())) { // the new contacts take their names from Pendo's metadata
        tx.fail(StoreError::failed(run.error));
        return -1;
    }
    run.resolve(rules);
    qint64 created = 0;
    QSqlQuery insert(tx.db());
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
        insert.addBindValue(tx.nowText());
        insert.addBindValue(tx.nowText());
        if (!tx.exec(insert))
            return -1;
        created += insert.numRowsAffected();
    }
    AuditEntry audit;
    audit.actor = actor;
    audit.action = QStringLiteral("contacts.create_unmatched");
    audit.objectType = QStringLiteral("contacts");
    audit.details = {{QStringLiteral("created"), created}};
    if (!AuditLog::record(tx, audit) || !apply(tx, rules, configVersion, nullptr))
        return -1;
    return created;
}
