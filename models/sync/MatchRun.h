#pragma once

#include "Matcher.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

class QSqlDatabase;

/*
 * The matcher's working set, private to models/sync: CS records and the raw Pendo layer loaded
 * once, resolved under a set of rules, and turned into a preview. One per Matcher call.
 */

namespace matching {

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
    qint64 ref = 0; // the raw layer's stable integer id (pendo_accounts.id / pendo_visitors.id)
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


using KeyIndex = QHash<QString, QList<qint64>>;

/** Everything one run of the rules needs and produces. */
struct MatchRun final
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

    /**
     * Reads both sides. `metadata` false leaves out Pendo's metadata documents (most of the
     * memory): for rules that only use ids, account ids and e-mail (see MatchRules::readsMetadata).
     */
    bool load(QSqlDatabase &db, bool metadata = true);
    void resolve(const MatchRules &rules);
    MatchPreview preview(const MatchRules &rules);
};

/** A Pendo-side field of an account or visitor ("accountId", "visitorId", "metadata.group.field"). */
QString pendoValue(PendoRecord &record, const QString &field, bool visitor);

} // namespace matching
