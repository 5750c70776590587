#include "MatchRun.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace matching {

namespace {

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

} // namespace

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


namespace {

/** Runs `sql` and hands every row to `row`; false with the error text on failure. */
template<typename RowFunction>
bool forEachRow(QSqlDatabase &db, const QString &sql, QString *error, RowFunction &&row)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next())
        row(query);
    return true;
}

} // namespace

bool MatchRun::load(QSqlDatabase &db, bool metadata)
{
    const QString metadataColumn = metadata ? QStringLiteral("metadata") : QStringLiteral("'{}'");
    return forEachRow(db, QStringLiteral("SELECT id, external_id, name, owner, custom_fields FROM accounts"), &error,
                      [this](const QSqlQuery &q) {
                          CsRecord record;
                          record.id = q.value(0).toLongLong();
                          record.externalId = q.value(1).toString();
                          record.name = q.value(2).toString();
                          record.extra = q.value(3).toString();
                          record.customText = q.value(4).toByteArray();
                          accounts.append(std::move(record));
                      })
           && forEachRow(db, QStringLiteral("SELECT id, external_id, email, name, role, account_id, custom_fields FROM contacts"),
                         &error,
                         [this](const QSqlQuery &q) {
                             CsRecord record;
                             record.id = q.value(0).toLongLong();
                             record.externalId = q.value(1).toString();
                             record.email = q.value(2).toString();
                             record.name = q.value(3).toString();
                             record.extra = q.value(4).toString();
                             record.accountId = q.value(5).toLongLong();
                             record.customText = q.value(6).toByteArray();
                             contacts.append(std::move(record));
                         })
           && forEachRow(db, QStringLiteral("SELECT kind, external_id, line FROM import_duplicates"), &error,
                         [this](const QSqlQuery &q) {
                             auto &target = q.value(0).toString() == QLatin1String("accounts") ? duplicateAccountIds
                                                                                               : duplicateContactIds;
                             target[q.value(1).toString()].append(q.value(2).toLongLong());
                         })
           && forEachRow(db, QStringLiteral("SELECT account_id, %1, events_30d, minutes_30d, id FROM pendo_accounts "
                                            "WHERE deleted_at IS NULL").arg(metadataColumn),
                         &error,
                         [this](const QSqlQuery &q) {
                             PendoRecord record;
                             record.id = q.value(0).toString();
                             record.metadataText = q.value(1).toByteArray();
                             record.events30d = q.value(2).toLongLong();
                             record.minutes30d = q.value(3).toLongLong();
                             record.ref = q.value(4).toLongLong();
                             pendoAccounts.append(std::move(record));
                         })
           && forEachRow(db, QStringLiteral("SELECT visitor_id, account_id, email, %1, do_not_process, events_30d, "
                                            "minutes_30d, id FROM pendo_visitors WHERE deleted_at IS NULL")
                             .arg(metadataColumn),
                         &error, [this](const QSqlQuery &q) {
                             PendoRecord record;
                             record.id = q.value(0).toString();
                             record.accountId = q.value(1).toString();
                             record.email = q.value(2).toString();
                             record.metadataText = q.value(3).toByteArray();
                             record.doNotProcess = q.value(4).toBool();
                             record.events30d = q.value(5).toLongLong();
                             record.minutes30d = q.value(6).toLongLong();
                             record.ref = q.value(7).toLongLong();
                             // Anonymous and Do-Not-Process visitors can never be a contact: no part of the match.
                             if (!record.doNotProcess && !isAnonymous(record.id))
                                 visitors.append(std::move(record));
                         });
}

void MatchRun::resolve(const MatchRules &rules)
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

MatchPreview MatchRun::preview(const MatchRules &rules)
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
        MatchRun &self = *this;
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

} // namespace matching
