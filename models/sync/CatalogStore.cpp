#include "CatalogSnapshot.h"

#include "store/WriteTransaction.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace {

struct Existing
{
    qint64 id = 0;
    QString name;
    bool deleted = false;
};

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

/** Apps named by the listing (when it was read) plus any app an item mentions. */
bool writeApps(WriteTransaction &tx, const CatalogSnapshot &snapshot, const QSet<qint64> &itemApps,
               CatalogChanges *changes)
{
    const QString now = tx.nowText();
    QHash<qint64, PendoApp> apps;
    for (qint64 id : itemApps)
        apps.insert(id, PendoApp{id, {}, {}});
    for (const PendoApp &app : snapshot.apps)
        apps.insert(app.id, app);
    QSqlQuery upsert(tx.db());
    upsert.prepare(QStringLiteral(
        "INSERT INTO pendo_apps (app_id, name, platform, is_default, first_seen_at, last_seen_at, deleted_at) "
        "VALUES (?, ?, ?, ?, ?, ?, NULL) ON CONFLICT (app_id) DO UPDATE SET "
        "name = COALESCE(excluded.name, pendo_apps.name), platform = COALESCE(excluded.platform, pendo_apps.platform), "
        "last_seen_at = excluded.last_seen_at, deleted_at = NULL"));
    for (const PendoApp &app : std::as_const(apps)) {
        upsert.addBindValue(app.id);
        upsert.addBindValue(app.name.isEmpty() ? QVariant() : QVariant(app.name));
        upsert.addBindValue(app.platform.isEmpty() ? QVariant() : QVariant(app.platform));
        upsert.addBindValue(app.id == -323232 ? 1 : 0);
        upsert.addBindValue(now);
        upsert.addBindValue(now);
        if (!tx.exec(upsert))
            return false;
    }
    if (snapshot.appsRefreshed) {
        QSqlQuery gone(tx.db());
        gone.prepare(QStringLiteral("UPDATE pendo_apps SET deleted_at = ? WHERE app_id = ? AND deleted_at IS NULL"));
        QSqlQuery all(tx.db());
        if (!tx.exec(all, QStringLiteral("SELECT app_id FROM pendo_apps")))
            return false;
        QList<qint64> missing;
        while (all.next())
            if (!apps.contains(all.value(0).toLongLong()))
                missing << all.value(0).toLongLong();
        for (qint64 id : std::as_const(missing)) {
            gone.addBindValue(now);
            gone.addBindValue(id);
            if (!tx.exec(gone))
                return false;
        }
    }
    changes->apps = int(apps.size());
    return true;
}

bool writeItems(WriteTransaction &tx, const CatalogSnapshot &snapshot, CatalogChanges *changes)
{
    QSqlDatabase &db = tx.db();
    const QString now = tx.nowText();
    QHash<QString, Existing> existing; // "kind\tid"
    QSqlQuery select(db);
    select.setForwardOnly(true);
    if (!tx.exec(select, QStringLiteral("SELECT id, kind, pendo_id, name, deleted_at FROM pendo_catalog_items")))
        return false;
    while (select.next())
        existing.insert(select.value(1).toString() + u'\t' + select.value(2).toString(),
                        {select.value(0).toLongLong(), select.value(3).toString(), !select.value(4).isNull()});

    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral(
        "INSERT INTO pendo_catalog_items (kind, pendo_id, app_id, name, is_core, group_name, details, "
        "pendo_updated_at, first_seen_at, last_seen_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL) "
        "ON CONFLICT (kind, pendo_id) DO UPDATE SET app_id = excluded.app_id, name = excluded.name, "
        "is_core = excluded.is_core, group_name = excluded.group_name, details = excluded.details, "
        "pendo_updated_at = excluded.pendo_updated_at, last_seen_at = excluded.last_seen_at, deleted_at = NULL"));
    QSqlQuery rename(db);
    rename.prepare(QStringLiteral("INSERT INTO pendo_catalog_renames (item_id, old_name, new_name, seen_at) "
                                  "VALUES (?, ?, ?, ?)"));
    QSet<QString> seen;
    QSet<qint64> apps;
    for (const CatalogItem &item : snapshot.items) {
        const QString key = item.kind + u'\t' + item.pendoId;
        seen.insert(key);
        if (item.hasApp)
            apps.insert(item.appId);
        upsert.addBindValue(item.kind);
        upsert.addBindValue(item.pendoId);
        upsert.addBindValue(item.hasApp ? QVariant(item.appId) : QVariant());
        upsert.addBindValue(item.name);
        upsert.addBindValue(item.isCore ? 1 : 0);
        upsert.addBindValue(item.group.isEmpty() ? QVariant() : QVariant(item.group));
        upsert.addBindValue(compact(item.details));
        upsert.addBindValue(item.updatedAt ? QVariant(item.updatedAt) : QVariant());
        upsert.addBindValue(now);
        upsert.addBindValue(now);
        if (!tx.exec(upsert))
            return false;
        const auto it = existing.constFind(key);
        if (it == existing.cend()) {
            ++changes->added;
            continue;
        }
        ++changes->updated;
        if (it->deleted)
            ++changes->restored;
        if (it->name != item.name) {
            ++changes->renamed;
            rename.addBindValue(it->id);
            rename.addBindValue(it->name);
            rename.addBindValue(item.name);
            rename.addBindValue(now);
            if (!tx.exec(rename))
                return false;
        }
    }

    QSqlQuery markDeleted(db);
    markDeleted.prepare(QStringLiteral("UPDATE pendo_catalog_items SET deleted_at = ? WHERE id = ?"));
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        const QString kind = it.key().section(u'\t', 0, 0);
        if (it->deleted || seen.contains(it.key()) || !snapshot.refreshedKinds.contains(kind))
            continue;
        markDeleted.addBindValue(now);
        markDeleted.addBindValue(it->id);
        if (!tx.exec(markDeleted))
            return false;
        ++changes->deleted;
    }
    return writeApps(tx, snapshot, apps, changes);
}

bool writeFields(WriteTransaction &tx, const CatalogSnapshot &snapshot)
{
    QSqlDatabase &db = tx.db();
    if (!tx.exec(QStringLiteral("DELETE FROM pendo_metadata_fields")))
        return false;
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO pendo_metadata_fields (object, field_group, field, field_type, "
                                  "display_name) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const MetadataField &field : snapshot.fields) {
        insert.addBindValue(field.object);
        insert.addBindValue(field.group);
        insert.addBindValue(field.field);
        insert.addBindValue(field.type);
        insert.addBindValue(field.displayName);
        if (!tx.exec(insert))
            return false;
    }
    return true;
}

/**
 * Upserts one identity dictionary by Pendo's id: the row (and its integer id) stays, its values
 * are refreshed, and rows the snapshot no longer holds are marked deleted, never removed.
 */
template <typename Bind>
bool upsertIdentities(WriteTransaction &tx, const QString &table, const QString &keyColumn,
                      const QStringList &columns, const QList<PendoIdentity> &identities, Bind bind,
                      CatalogChanges *changes)
{
    QSqlDatabase &db = tx.db();
    const QString now = tx.nowText();
    QSet<QString> known;
    {
        QSqlQuery select(db);
        select.setForwardOnly(true);
        if (!tx.exec(select, QStringLiteral("SELECT %1 FROM %2").arg(keyColumn, table)))
            return false;
        while (select.next())
            known.insert(select.value(0).toString());
    }
    QStringList placeholders;
    QStringList updates;
    for (const QString &column : columns) {
        placeholders << QStringLiteral("?");
        updates << QStringLiteral("%1 = excluded.%1").arg(column);
    }
    QSqlQuery upsert(db);
    upsert.prepare(QStringLiteral("INSERT INTO %1 (%2, %3, refreshed_at, first_seen_at, deleted_at) VALUES (?, %4, ?, "
                                  "?, NULL) ON CONFLICT (%2) DO UPDATE SET %5, refreshed_at = excluded.refreshed_at, "
                                  "deleted_at = NULL")
                       .arg(table, keyColumn, columns.join(QStringLiteral(", ")),
                            placeholders.join(QStringLiteral(", ")), updates.join(QStringLiteral(", "))));
    QSet<QString> listed;
    listed.reserve(identities.size());
    for (const PendoIdentity &identity : identities) {
        upsert.addBindValue(identity.id);
        bind(upsert, identity);
        upsert.addBindValue(now);
        upsert.addBindValue(now);
        if (!tx.exec(upsert))
            return false;
        listed.insert(identity.id);
        if (!known.contains(identity.id))
            ++changes->identitiesAdded;
    }
    QSqlQuery gone(db);
    gone.prepare(QStringLiteral("UPDATE %1 SET deleted_at = ? WHERE %2 = ? AND deleted_at IS NULL").arg(table, keyColumn));
    for (const QString &id : std::as_const(known)) {
        if (listed.contains(id))
            continue;
        gone.addBindValue(now);
        gone.addBindValue(id);
        if (!tx.exec(gone))
            return false;
        changes->identitiesGone += gone.numRowsAffected();
    }
    return true;
}

bool writeIdentities(WriteTransaction &tx, const CatalogSnapshot &snapshot, CatalogChanges *changes)
{
    const auto text = [](const QString &value, const QString &empty) { return value.isEmpty() ? empty : value; };
    return upsertIdentities(
               tx, QStringLiteral("pendo_accounts"), QStringLiteral("account_id"),
               {QStringLiteral("metadata"), QStringLiteral("events_30d"), QStringLiteral("minutes_30d")},
               snapshot.accounts,
               [&](QSqlQuery &query, const PendoIdentity &identity) {
                   query.addBindValue(text(identity.metadata, QStringLiteral("{}")));
                   query.addBindValue(identity.events30d);
                   query.addBindValue(identity.minutes30d);
               },
               changes)
           && upsertIdentities(
               tx, QStringLiteral("pendo_visitors"), QStringLiteral("visitor_id"),
               {QStringLiteral("account_id"), QStringLiteral("account_ids"), QStringLiteral("email"),
                QStringLiteral("metadata"), QStringLiteral("do_not_process"), QStringLiteral("events_30d"),
                QStringLiteral("minutes_30d")},
               snapshot.visitors,
               [&](QSqlQuery &query, const PendoIdentity &identity) {
                   query.addBindValue(identity.accountId.isEmpty() ? QVariant() : QVariant(identity.accountId));
                   query.addBindValue(text(identity.accountIds, QStringLiteral("[]")));
                   query.addBindValue(identity.email.isEmpty() ? QVariant() : QVariant(identity.email));
                   query.addBindValue(text(identity.metadata, QStringLiteral("{}")));
                   query.addBindValue(identity.doNotProcess ? 1 : 0);
                   query.addBindValue(identity.events30d);
                   query.addBindValue(identity.minutes30d);
               },
               changes);
}

} // namespace

bool CatalogStore::write(WriteTransaction &tx, const CatalogSnapshot &snapshot, CatalogChanges *changes)
{
    const bool ok = writeItems(tx, snapshot, changes) && (!snapshot.fieldsRefreshed || writeFields(tx, snapshot))
                    && (!snapshot.identitiesRefreshed || writeIdentities(tx, snapshot, changes));
    if (!ok)
        return false;
    changes->accounts = snapshot.accounts.size();
    changes->visitors = snapshot.visitors.size();
    return true;
}
