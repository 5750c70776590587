#include "MatchRules.h"

#include <algorithm>
#include <QCoreApplication>
#include <QJsonArray>

QJsonObject MatchKey::toJson() const
{
    return QJsonObject{{QStringLiteral("pendoField"), pendoField},
                       {QStringLiteral("csField"), csField},
                       {QStringLiteral("trim"), trim},
                       {QStringLiteral("caseInsensitive"), caseInsensitive}};
}

MatchKey MatchKey::fromJson(const QJsonObject &json)
{
    MatchKey key;
    key.pendoField = json.value(QStringLiteral("pendoField")).toString();
    key.csField = json.value(QStringLiteral("csField")).toString();
    key.trim = json.value(QStringLiteral("trim")).toBool(true);
    key.caseInsensitive = json.value(QStringLiteral("caseInsensitive")).toBool(false);
    return key;
}

QJsonObject MatchRules::toJson() const
{
    QJsonArray contacts;
    for (const MatchKey &key : contact)
        contacts.append(key.toJson());
    return QJsonObject{{QStringLiteral("account"), account.toJson()},
                       {QStringLiteral("contact"), contacts},
                       {QStringLiteral("matchBoth"), matchBoth},
                       {QStringLiteral("autoCreateEndUsers"), autoCreateEndUsers}};
}

MatchRules MatchRules::fromJson(const QJsonObject &json, QString *error)
{
    MatchRules rules;
    const auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return MatchRules();
    };
    if (json.contains(QStringLiteral("account"))) {
        rules.account = MatchKey::fromJson(json.value(QStringLiteral("account")).toObject());
        if (rules.account.pendoField.isEmpty() || rules.account.csField.isEmpty())
            return fail(QCoreApplication::translate("MatchRules", "the account rule needs a Pendo field and a CS field"));
    }
    if (json.contains(QStringLiteral("contact"))) {
        rules.contact.clear();
        for (const QJsonValue &value : json.value(QStringLiteral("contact")).toArray()) {
            const MatchKey key = MatchKey::fromJson(value.toObject());
            if (key.pendoField.isEmpty() || key.csField.isEmpty())
                return fail(QCoreApplication::translate("MatchRules",
                                                        "every contact rule needs a Pendo field and a CS field"));
            rules.contact.append(key);
        }
    }
    rules.matchBoth = json.value(QStringLiteral("matchBoth")).toBool(true);
    rules.autoCreateEndUsers = json.value(QStringLiteral("autoCreateEndUsers")).toBool(false);
    return rules;
}

bool MatchRules::readsMetadata() const
{
    const auto reads = [](const MatchKey &key, bool visitor) {
        if (!key.pendoField.startsWith(QLatin1String("metadata.")))
            return false;
        return !(visitor && key.pendoField == QLatin1String("metadata.agent.email"));
    };
    if (reads(account, false))
        return true;
    return std::any_of(contact.cbegin(), contact.cend(), [&](const MatchKey &key) { return reads(key, true); });
}
