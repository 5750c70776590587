#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

class WriteTransaction;

/** One catalog item (feature, page, guide, track type or saved report) as Pendo describes it. */
struct CatalogItem
{
    QString kind; // feature | page | guide | track_type | report
    QString pendoId;
    qint64 appId = 0;
    bool hasApp = false;
    QString name;
    bool isCore = false;
    QString group;
    qint64 updatedAt = 0;
    QJsonObject details;
};

struct MetadataField
{
    QString object; // visitor | account
    QString group;
    QString field;
    QString type;
    QString displayName;
};

struct PendoIdentity
{
    QString id;
    QString accountId;   // visitors: metadata.auto.accountid
    QString accountIds;  // visitors: JSON list
    QString email;       // visitors: metadata.agent.email
    QString metadata;    // JSON text
    bool doNotProcess = false;
    qint64 events30d = 0;
    qint64 minutes30d = 0;
};

/** One Pendo app (the subscription's web and mobile apps). */
struct PendoApp
{
    qint64 id = 0;
    QString name;
    QString platform;
};

/** What one refresh read from Pendo; written to the raw layer in one transaction. */
struct CatalogSnapshot
{
    QList<PendoApp> apps;
    bool appsRefreshed = false; // apps were listed completely (only then are missing ones marked)
    QList<CatalogItem> items;
    QList<QString> refreshedKinds; // kinds read completely (only these get deletions tracked)
    QList<MetadataField> fields;
    bool fieldsRefreshed = false;
    QList<PendoIdentity> accounts;
    QList<PendoIdentity> visitors;
    bool identitiesRefreshed = false;
};

/** Counts of what a refresh changed. */
struct CatalogChanges
{
    int added = 0;
    int updated = 0;
    int renamed = 0;
    int deleted = 0;
    int restored = 0;
    int apps = 0;
    qint64 accounts = 0;
    qint64 visitors = 0;
    qint64 identitiesAdded = 0;
    qint64 identitiesGone = 0; // accounts and visitors Pendo no longer lists (marked, kept)
};

/**
 * Writes a snapshot to the raw Pendo layer inside the caller's unit of work: upserts apps, items
 * and identities in place by Pendo's id (their integer ids never change), records renames,
 * marks what Pendo no longer lists as deleted (never removes it) and restores what comes back,
 * replaces the metadata schema. Stateless; used on the writer thread.
 */
class CatalogStore final
{
public:
    static bool write(WriteTransaction &tx, const CatalogSnapshot &snapshot, CatalogChanges *changes);
};
