#include "Matcher.h"

#include "store/Database.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace {

/** One CS record as the matcher sees it. */
struct CsRecord
{
    qint64 id = 0;
    qint64 accountId = 0; // contacts only
    QString externalId;
    QString email;
    QString name;
    QString extra; // owner (accounts) / role (contacts)
    QJsonObject custom;
    bool customParsed = false;
    QByteArray customText;
};

/** One Pendo account or visitor from the raw layer. */
struct PendoRecord
{
    QString id;
    QString accountId;
    QString email;
    QByteArray metadataText;
    QJsonObject metadata;
    bool metadataParsed = false;
    bool doNotProcess = false;
    qint64 events30d = 0;
    qint64 minutes30d = 0;
};

enum class Status { Unmatched, Matched, Ambiguous };

struct Resolution
{
    Status status = Status::Unmatched;
    qint64 csId = 0;
    QString matchedBy;
    QList<qint64> candidates;
};

bool isAnonymous(const QString &visitorId)
{
    return visitorId.startsWith(QLatin1String("_PENDO_T_"));
}

QString normalise(QString value, bool trim, bool caseInsensitive)
{
    if (trim)
        value = value.trimmed();
    if (caseInsensitive)
        value = value.toCaseFolded();
    return value;
}

QJsonValue jsonPath(const QJsonObject &object, QStringView path)
{
    QJsonValue current = object;
    for (const QStringView part : path.split(u'.')) {
        if (!current.isObject())
            return {};
        current = current.toObject().value(part);
    }
    return current;
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

QString pendoValue(PendoRecord &record, const QString &field, bool visitor)
{
    if (field == (visitor ? QLatin1String("visitorId") : QLatin1String("accountId")))
        return record.id;
    if (visitor && field == QLatin1String("accountId"))
        return record.accountId;
    if (visitor && field == QLatin1String("metadata.agent.email"))
        return record.email;
    if (!field.startsWith(QLatin1String("metadata.")))
        return {};
    if (!record.metadataParsed) {
        record.metadata = QJsonDocument::fromJson(record.metadataText).object();
        record.metadataParsed = true;
    }
    return jsonText(jsonPath(record.metadata, QStringView(field).mid(9)));
}

QString csValue(CsRecord &record, const QString &field)
{
    if (field == QLatin1String("external_id"))
        return record.externalId;
    if (field == QLatin1String("email"))
        return record.email;
    if (field == QLatin1String("name"))
        return record.name;
    if (field == QLatin1String("owner") || field == QLatin1String("role"))
        return record.extra;
    if (field.startsWith(QLatin1String("custom."))) {
        if (!record.customParsed) {
            record.custom = QJsonDocument::fromJson(record.customText).object();
            record.customParsed = true;
        }
        return jsonText(record.custom.value(QStringView(field).mid(7)));
    }
    return {};
}

/** Normalised key → CS record ids carrying it. */
using KeyIndex = QHash<QString, QList<qint64>>;

/**
 * Rows skipped on import for reusing an external id still claim it: they enter the index as
 * negative "ids" (minus the file line), so the key comes out ambiguous rather than silently won
 * by the first row.
 */
KeyIndex buildIndex(QList<CsRecord> &records, const QString &field, bool trim, bool caseInsensitive,
                    const QHash<QString, QList<qint64>> &duplicates)
{
    KeyIndex index;
    index.reserve(records.size());
    for (CsRecord &record : records) {
        const QString key = normalise(csValue(record, field), trim, caseInsensitive);
        if (!key.isEmpty())
            index[key].append(record.id);
    }
    if (field == QLatin1String("external_id")) {
        for (auto it = duplicates.cbegin(); it != duplicates.cend(); ++it) {
            const QString key = normalise(it.key(), trim, caseInsensitive);
            for (qint64 line : it.value())
                index[key].append(-line);
        }
    }
    return index;
}

/** Marks as ambiguous every match whose CS record is claimed by more than one Pendo id. */
void flagSharedClaims(QHash<QString, Resolution> &resolutions)
{
    QHash<qint64, int> claims;
    for (const Resolution &resolution : std::as_const(resolutions)) {
        if (resolution.status == Status::Matched)
            ++claims[resolution.csId];
    }
    for (Resolution &resolution : resolutions) {
        if (resolution.status == Status::Matched && claims.value(resolution.csId) > 1) {
            resolution.status = Status::Ambiguous;
            resolution.candidates = {resolution.csId};
        }
    }
}

MatchCounts countsOf(const QHash<QString, Resolution> &resolutions)
{
    MatchCounts counts;
    for (const Resolution &resolution : resolutions) {
        switch (resolution.status) {
        case Status::Matched:
            ++counts.matched;
            break;
        case Status::Unmatched:
            ++counts.unmatched;
            break;
        case Status::Ambiguous:
            ++counts.ambiguous;
            break;
        }
    }
    return counts;
}

/** Everything one run of the rules needs and produces. */
struct Run
{
    /** External ids a CRM file used twice (the later rows were skipped on import), per kind. */
    QHash<QString, QList<qint64>> duplicateAccountIds; // external id → file lines of the skipped rows
    QHash<QString, QList<qint64>> duplicateContactIds;
    QList<CsRecord> accounts;
    QList<CsRecord> contacts;
    QList<PendoRecord> pendoAccounts;
    QList<PendoRecord> visitors;
    QHash<QString, Resolution> accountResolutions;
    QHash<QString, Resolution> contactResolutions;
    QString error;

    bool load(QSqlDatabase &db);
    void resolve(const MatchRules &rules);
    MatchPreview preview(const MatchRules &rules);
};

bool Run::load(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, external_id, name, owner, custom_fields FROM accounts"))) {
        error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        CsRecord record;
        record.id = query.value(0).toLongLong();
        record.externalId = query.value(1).toString();
        record.name = query.value(2).toString();
        record.extra = query.value(3).toString();
        record.customText = query.value(4).toByteArray();
        accounts.append(std::move(record));
    }
    if (!query.exec(QStringLiteral("SELECT id, external_id, email, name, role, account_id, custom_fields FROM contacts"))) {
        error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        CsRecord record;
        record.id = query.value(0).toLongLong();
        record.externalId = query.value(1).toString();
        record.email = query.value(2).toString();
        record.name = query.value(3).toString();
        record.extra = query.value(4).toString();
        record.accountId = query.value(5).toLongLong();
        record.customText = query.value(6).toByteArray();
        contacts.append(std::move(record));
    }
    if (!query.exec(QStringLiteral("SELECT kind, external_id, line FROM import_duplicates"))) {
        error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        auto &target = query.value(0).toString() == QLatin1String("accounts") ? duplicateAccountIds : duplicateContactIds;
        target[query.value(1).toString()].append(query.value(2).toLongLong());
    }
    if (!query.exec(QStringLiteral("SELECT account_id, metadata, events_30d, minutes_30d FROM pendo_accounts"))) {
        error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        PendoRecord record;
        record.id = query.value(0).toString();
        record.metadataText = query.value(1).toByteArray();
        record.events30d = query.value(2).toLongLong();
        record.minutes30d = query.value(3).toLongLong();
        pendoAccounts.append(std::move(record));
    }
    if (!query.exec(QStringLiteral("SELECT visitor_id, account_id, email, metadata, do_not_process, events_30d, "
                                   "minutes_30d FROM pendo_visitors"))) {
        error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        PendoRecord record;
        record.id = query.value(0).toString();
        record.accountId = query.value(1).toString();
        record.email = query.value(2).toString();
        record.metadataText = query.value(3).toByteArray();
        record.doNotProcess = query.value(4).toBool();
        record.events30d = query.value(5).toLongLong();
        record.minutes30d = query.value(6).toLongLong();
        // Anonymous and Do-Not-Process visitors can never be a contact: they are not part of the match.
        if (!record.doNotProcess && !isAnonymous(record.id))
            visitors.append(std::move(record));
    }
    return true;
}

void Run::resolve(const MatchRules &rules)
{
    accountResolutions.clear();
    contactResolutions.clear();
    const MatchKey &key = rules.account;
    const KeyIndex accountIndex = buildIndex(accounts, key.csField, key.trim, key.caseInsensitive, duplicateAccountIds);
    accountResolutions.reserve(pendoAccounts.size());
    for (PendoRecord &account : pendoAccounts) {
        Resolution resolution;
        const QString value = normalise(pendoValue(account, key.pendoField, false), key.trim, key.caseInsensitive);
        const QList<qint64> found = value.isEmpty() ? QList<qint64>() : accountIndex.value(value);
        if (found.size() == 1) {
            resolution.status = Status::Matched;
            resolution.csId = found.first();
            resolution.matchedBy = key.csField;
        } else if (found.size() > 1) {
            resolution.status = Status::Ambiguous;
            resolution.candidates = found;
        }
        accountResolutions.insert(account.id, resolution);
    }
    flagSharedClaims(accountResolutions);

    if (!rules.matchBoth)
        return;
    QList<KeyIndex> contactIndexes;
    for (const MatchKey &contactKey : rules.contact)
        contactIndexes.append(buildIndex(contacts, contactKey.csField, contactKey.trim, contactKey.caseInsensitive,
                                         duplicateContactIds));
    contactResolutions.reserve(visitors.size());
    for (PendoRecord &visitor : visitors) {
        Resolution resolution;
        for (qsizetype i = 0; i < rules.contact.size(); ++i) {
            const MatchKey &contactKey = rules.contact.at(i);
            const QString value = normalise(pendoValue(visitor, contactKey.pendoField, true), contactKey.trim,
                                            contactKey.caseInsensitive);
            if (value.isEmpty())
                continue;
            const QList<qint64> found = contactIndexes.at(i).value(value);
            if (found.isEmpty())
                continue;
            if (found.size() == 1) {
                resolution.status = Status::Matched;
                resolution.csId = found.first();
                resolution.matchedBy = contactKey.csField;
            } else {
                resolution.status = Status::Ambiguous;
                resolution.candidates = found;
            }
            break;
        }
        contactResolutions.insert(visitor.id, resolution);
    }
    flagSharedClaims(contactResolutions);
}

MatchPreview Run::preview(const MatchRules &rules)
{
    resolve(rules);
    MatchPreview preview;
    preview.accounts = countsOf(accountResolutions);
    preview.contacts = countsOf(contactResolutions);

    QSet<qint64> claimedAccounts;
    for (const Resolution &resolution : std::as_const(accountResolutions)) {
        if (resolution.status == Status::Matched)
            claimedAccounts.insert(resolution.csId);
        for (qint64 candidate : resolution.candidates) {
            if (candidate > 0)
                claimedAccounts.insert(candidate);
        }
    }
    preview.crmAccountsWithoutPendo = accounts.size() - claimedAccounts.size();

    for (PendoRecord &account : pendoAccounts) {
        const Resolution &resolution = accountResolutions[account.id];
        if (resolution.status == Status::Matched)
            continue;
        UnmatchedItem item;
        item.pendoId = account.id;
        item.label = pendoValue(account, QStringLiteral("metadata.agent.name"), false);
        item.ambiguous = resolution.status == Status::Ambiguous;
        item.candidates = resolution.candidates;
        item.events30d = account.events30d;
        item.minutes30d = account.minutes30d;
        preview.unmatchedAccounts.append(item);
    }
    qint64 creatable = 0;
    for (PendoRecord &visitor : visitors) {
        const Resolution resolution = contactResolutions.value(visitor.id);
        if (resolution.status == Status::Matched)
            continue;
        UnmatchedItem item;
        item.pendoId = visitor.id;
        item.label = visitor.email;
        item.accountId = visitor.accountId;
        item.accountMatched = accountResolutions.value(visitor.accountId).status == Status::Matched;
        item.ambiguous = resolution.status == Status::Ambiguous;
        item.candidates = resolution.candidates;
        item.events30d = visitor.events30d;
        item.minutes30d = visitor.minutes30d;
        if (!item.ambiguous && item.accountMatched)
            ++creatable;
        preview.unmatchedVisitors.append(item);
    }
    const auto busiestFirst = [](const UnmatchedItem &a, const UnmatchedItem &b) {
        return a.events30d != b.events30d ? a.events30d > b.events30d : a.pendoId < b.pendoId;
    };
    std::sort(preview.unmatchedAccounts.begin(), preview.unmatchedAccounts.end(), busiestFirst);
    std::sort(preview.unmatchedVisitors.begin(), preview.unmatchedVisitors.end(), busiestFirst);

    // Suggestions: what a looser rule would match, computed against the same data.
    const auto extraMatches = [&](MatchRules looser, bool contactsSide) {
        Run &self = *this;
        const QHash<QString, Resolution> beforeAccounts = self.accountResolutions;
        const QHash<QString, Resolution> beforeContacts = self.contactResolutions;
        const MatchCounts before = contactsSide ? countsOf(beforeContacts) : countsOf(beforeAccounts);
        self.resolve(looser);
        const MatchCounts after = contactsSide ? countsOf(self.contactResolutions) : countsOf(self.accountResolutions);
        self.accountResolutions = beforeAccounts;
        self.contactResolutions = beforeContacts;
        return after.matched - before.matched;
    };
    if (!rules.account.caseInsensitive) {
        MatchRules looser = rules;
        looser.account.caseInsensitive = true;
        looser.account.trim = true;
        looser.matchBoth = false;
        if (const qint64 more = extraMatches(looser, false); more > 0)
            preview.suggestions.append({MatchSuggestion::Action::CaseInsensitiveAccounts, more,
                                        more == 1 ? Matcher::tr("1 more account matches if case is ignored.")
                                                  : Matcher::tr("%1 more accounts match if case is ignored.").arg(more)});
    } else if (!rules.account.trim) {
        MatchRules looser = rules;
        looser.account.trim = true;
        looser.matchBoth = false;
        if (const qint64 more = extraMatches(looser, false); more > 0)
            preview.suggestions.append({MatchSuggestion::Action::TrimAccounts, more,
                                        more == 1 ? Matcher::tr("1 more account matches if spaces around ids are ignored.")
                                                  : Matcher::tr("%1 more accounts match if spaces around ids are ignored.")
                                                        .arg(more)});
    }
    if (rules.matchBoth) {
        const bool hasEmailRule = std::any_of(rules.contact.cbegin(), rules.contact.cend(), [](const MatchKey &key) {
            return key.csField == QLatin1String("email");
        });
        if (!hasEmailRule) {
            MatchRules looser = rules;
            looser.contact.append({QStringLiteral("metadata.agent.email"), QStringLiteral("email"), true, true});
            if (const qint64 more = extraMatches(looser, true); more > 0)
                preview.suggestions.append({MatchSuggestion::Action::AddEmailRule, more,
                                            more == 1 ? Matcher::tr("1 unmatched visitor matches a contact by e-mail.")
                                                      : Matcher::tr("%1 unmatched visitors match a contact by e-mail.").arg(more)});
        } else if (std::any_of(rules.contact.cbegin(), rules.contact.cend(),
                               [](const MatchKey &key) { return !key.caseInsensitive; })) {
            MatchRules looser = rules;
            for (MatchKey &key : looser.contact)
                key.caseInsensitive = true;
            if (const qint64 more = extraMatches(looser, true); more > 0)
                preview.suggestions.append({MatchSuggestion::Action::CaseInsensitiveContacts, more,
                                            more == 1 ? Matcher::tr("1 more visitor matches a contact if case is ignored.")
                                                      : Matcher::tr("%1 more visitors match a contact if case is ignored.")
                                                            .arg(more)});
        }
        if (creatable > 0)
            preview.suggestions.append({MatchSuggestion::Action::CreateContacts, creatable,
                                        creatable == 1 ? Matcher::tr("1 unmatched visitor belongs to a matched account: create a "
                                                                 "contact for it.")
                                                   : Matcher::tr("%1 unmatched visitors belong to matched accounts: create "
                                                                 "contacts for them.")
                                                         .arg(creatable)});
    }
    return preview;
}

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
    Run run;
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
    Run run;
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
        Run run;
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
