#include "MatchCommands.h"

#include "store/Database.h"
#include "sync/ConfigStore.h"
#include "sync/Matcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr int listedUnmatched = 50;

QJsonObject countsJson(const MatchCounts &counts)
{
    return QJsonObject{{QStringLiteral("matched"), counts.matched},
                       {QStringLiteral("unmatched"), counts.unmatched},
                       {QStringLiteral("ambiguous"), counts.ambiguous},
                       {QStringLiteral("total"), counts.total()},
                       {QStringLiteral("rate"), counts.rate()}};
}

QJsonArray itemsJson(const QList<UnmatchedItem> &items)
{
    QJsonArray out;
    for (const UnmatchedItem &item : items.mid(0, listedUnmatched)) {
        QJsonArray candidates;
        for (qint64 id : item.candidates)
            candidates.append(id);
        QJsonObject object{{QStringLiteral("pendoId"), item.pendoId},
                           {QStringLiteral("events30d"), item.events30d},
                           {QStringLiteral("ambiguous"), item.ambiguous}};
        if (!item.label.isEmpty())
            object.insert(QStringLiteral("label"), item.label);
        if (!item.accountId.isEmpty()) {
            object.insert(QStringLiteral("accountId"), item.accountId);
            object.insert(QStringLiteral("accountMatched"), item.accountMatched);
        }
        if (item.ambiguous)
            object.insert(QStringLiteral("candidates"), candidates);
        out.append(object);
    }
    return out;
}

QString suggestionKey(MatchSuggestion::Action action)
{
    switch (action) {
    case MatchSuggestion::Action::CaseInsensitiveAccounts: return QStringLiteral("case-insensitive-accounts");
    case MatchSuggestion::Action::TrimAccounts: return QStringLiteral("trim-accounts");
    case MatchSuggestion::Action::AddEmailRule: return QStringLiteral("add-email-rule");
    case MatchSuggestion::Action::CaseInsensitiveContacts: return QStringLiteral("case-insensitive-contacts");
    case MatchSuggestion::Action::CreateContacts: return QStringLiteral("create-contacts");
    }
    return {};
}

QJsonObject previewJson(const MatchPreview &preview, int configVersion)
{
    QJsonArray suggestions;
    for (const MatchSuggestion &suggestion : preview.suggestions)
        suggestions.append(QJsonObject{{QStringLiteral("action"), suggestionKey(suggestion.action)},
                                       {QStringLiteral("count"), suggestion.count},
                                       {QStringLiteral("text"), suggestion.text}});
    return QJsonObject{{QStringLiteral("configVersion"), configVersion},
                       {QStringLiteral("accounts"), countsJson(preview.accounts)},
                       {QStringLiteral("contacts"), countsJson(preview.contacts)},
                       {QStringLiteral("crmAccountsWithoutPendo"), preview.crmAccountsWithoutPendo},
                       {QStringLiteral("suggestions"), suggestions},
                       {QStringLiteral("unmatchedAccounts"), itemsJson(preview.unmatchedAccounts)},
                       {QStringLiteral("unmatchedVisitors"), itemsJson(preview.unmatchedVisitors)},
                       {QStringLiteral("elapsedMs"), preview.elapsedMs}};
}

} // namespace

MatchCommands::MatchCommands(Database &database, bool json, QTextStream &out, QTextStream &err)
    : m_database(database)
    , m_json(json)
    , m_out(out)
    , m_err(err)
{
}

int MatchCommands::preview()
{
    QString error;
    const ConfigStore store(m_database);
    const IntegrationConfig config = store.current(&error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return 4;
    }
    const MatchPreview result = Matcher(m_database).preview(config.matching);
    if (!result.error.isEmpty()) {
        m_err << result.error << u'\n';
        return 4;
    }
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(previewJson(result, store.currentVersion())).toJson(QJsonDocument::Indented));
        return 0;
    }
    const auto line = [this](const QString &label, const MatchCounts &counts) {
        m_out << tr("%1 %2% matched — %3 matched, %4 unmatched, %5 ambiguous (of %6)")
                     .arg(label)
                     .arg(counts.rate() * 100.0, 5, 'f', 1)
                     .arg(counts.matched)
                     .arg(counts.unmatched)
                     .arg(counts.ambiguous)
                     .arg(counts.total())
              << u'\n';
    };
    line(tr("Accounts:"), result.accounts);
    line(tr("Contacts:"), result.contacts);
    m_out << tr("CRM accounts without Pendo data: %1").arg(result.crmAccountsWithoutPendo) << u'\n';
    for (const MatchSuggestion &suggestion : result.suggestions)
        m_out << tr("Suggestion: %1").arg(suggestion.text) << u'\n';
    const QList<UnmatchedItem> ambiguous = [&] {
        QList<UnmatchedItem> out;
        for (const UnmatchedItem &item : result.unmatchedAccounts + result.unmatchedVisitors) {
            if (item.ambiguous)
                out << item;
        }
        return out;
    }();
    for (const UnmatchedItem &item : ambiguous.mid(0, 20)) {
        QStringList ids;
        for (qint64 id : item.candidates)
            ids << (id > 0 ? tr("record %1").arg(id) : tr("a CRM row skipped on import (line %1)").arg(-id));
        m_out << tr("Ambiguous: %1 is claimed by %2").arg(item.pendoId, ids.join(QStringLiteral(", ")))
              << u'\n';
    }
    m_out << tr("Computed in %1 ms; nothing was written. Run 'match apply' to use these rules.").arg(result.elapsedMs)
          << u'\n';
    return 0;
}

int MatchCommands::apply()
{
    QString error;
    const ConfigStore store(m_database);
    const IntegrationConfig config = store.current(&error);
    MatchPreview result;
    if (!error.isEmpty() || !Matcher(m_database).apply(config.matching, store.currentVersion(), &result, &error)) {
        m_err << tr("Cannot apply the matching rules: %1").arg(error) << u'\n';
        return 4;
    }
    if (m_json) {
        m_out << QString::fromUtf8(QJsonDocument(previewJson(result, store.currentVersion())).toJson(QJsonDocument::Indented));
        return 0;
    }
    m_out << tr("Resolutions written: accounts %1 matched, %2 unmatched, %3 ambiguous; contacts %4 matched, %5 "
                "unmatched, %6 ambiguous.")
                 .arg(result.accounts.matched)
                 .arg(result.accounts.unmatched)
                 .arg(result.accounts.ambiguous)
                 .arg(result.contacts.matched)
                 .arg(result.contacts.unmatched)
                 .arg(result.contacts.ambiguous)
          << u'\n';
    return 0;
}

int MatchCommands::createUnmatchedContacts()
{
    QString error;
    const ConfigStore store(m_database);
    const IntegrationConfig config = store.current(&error);
    const qint64 created = error.isEmpty() ? Matcher(m_database).createContactsForUnmatched(
                                                 config.matching, store.currentVersion(), QStringLiteral("cli"), &error)
                                           : -1;
    if (created < 0) {
        m_err << tr("Cannot create contacts: %1").arg(error) << u'\n';
        return 4;
    }
    if (m_json)
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("created"), created}})
                                       .toJson(QJsonDocument::Indented));
    else
        m_out << tr("Created %1 contacts for unmatched visitors of matched accounts (marked as created by the "
                    "integration).")
                     .arg(created)
              << u'\n';
    return 0;
}
