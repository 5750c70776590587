#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

/**
 * One way of recognising a Pendo object as a CS record: a Pendo-side field (the id, or any
 * metadata path such as "metadata.agent.email") compared with a CS-side field (external_id,
 * email, name or a custom field "custom.NAME"), after optional normalisation.
 */
struct MatchKey
{
    QString pendoField; // "accountId" / "visitorId" / "metadata.<group>.<field>"
    QString csField;    // "external_id", "email", "name", … or "custom.<name>"
    bool trim = true;
    bool caseInsensitive = false;

    QJsonObject toJson() const;
    static MatchKey fromJson(const QJsonObject &json);
    friend bool operator==(const MatchKey &, const MatchKey &) = default;
};

/**
 * How Pendo accounts and visitors resolve to CS accounts and contacts. Contacts try their keys
 * in order (by default the visitor id against the external id, then the agent e-mail against
 * the e-mail). A value type; part of the versioned integration configuration.
 */
struct MatchRules
{
    MatchKey account{QStringLiteral("accountId"), QStringLiteral("external_id"), true, false};
    QList<MatchKey> contact{{QStringLiteral("visitorId"), QStringLiteral("external_id"), true, false},
                            {QStringLiteral("metadata.agent.email"), QStringLiteral("email"), true, true}};
    /** Match visitors to contacts as well as accounts to accounts (recommended); off = accounts only. */
    bool matchBoth = true;
    /** Create contacts for unknown visitors of matched accounts on future syncs (off by default). */
    bool autoCreateEndUsers = false;

    /** Whether a rule reads Pendo metadata beyond the ids, the account id and the e-mail. */
    bool readsMetadata() const;

    QJsonObject toJson() const;
    static MatchRules fromJson(const QJsonObject &json, QString *error = nullptr);
    friend bool operator==(const MatchRules &, const MatchRules &) = default;
};
