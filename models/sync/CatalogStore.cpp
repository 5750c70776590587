#include "CatalogSnapshot.h"

#include "store/Database.h"

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

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = query.lastError().text();
    return false;
}

bool writeItems(QSqlDatabase &db, const CatalogSnapshot &snapshot, const QString &now, CatalogChanges *changes,
                QString *error)
{
    QHash<QString, Existing> existing; // "kind\tid"
    QSqlQuery select(db);
    if (!select.exec(QStringLiteral("SELECT id, kind, pendo_id, name, deleted_at FROM pendo_catalog_items"))) {
        *error = select.lastError().text();
        return false;
    }
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
        if (!run(upsert, error))
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
            if (!run(rename, error))
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
        if (!run(markDeleted, error))
            return false;
        ++changes->deleted;
    }

    QSqlQuery app(db);
    app.prepare(QStringLiteral("INSERT INTO pendo_apps (app_id, is_default, first_seen_at, last_seen_at) VALUES (?, ?, "
                               "?, ?) ON CONFLICT (app_id) DO UPDATE SET last_seen_at = excluded.last_seen_at"));
    for (qint64 id : std::as_const(apps)) {
        app.addBindValue(id);
        app.addBindValue(id == -323232 ? 1 : 0);
        app.addBindValue(now);
        app.addBindValue(now);
        if (!run(app, error))
            return false;
    }
    changes->apps = int(apps.size());
    return true;
}

bool writeFields(QSqlDatabase &db, const CatalogSnapshot &snapshot, QString *error)
{
    QSqlQuery clear(db);
    if (!clear.exec(QStringLiteral("DELETE FROM pendo_metadata_fields"))) {
        *error = clear.lastError().text();
        return false;
    }
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO pendo_metadata_fields (object, field_group, field, field_type, "
                                  "display_name) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    for (const MetadataField &field : snapshot.fields) {
        insert.addBindValue(field.object);
        insert.addBindValue(field.group);
        insert.addBindValue(field.field);
        insert.addBindValue(field.type);
        insert.addBindValue(field.displayName);
        if (!run(insert, error))
            return false;
    }
    return true;
}

bool writeIdentities(QSqlDatabase &db, const CatalogSnapshot &snapshot, const QString &now, QString *error)
{
    QSqlQuery clear(db);
    if (!clear.exec(QStringLiteral("DELETE FROM pendo_accounts")) || !clear.exec(QStringLiteral("DELETE FROM pendo_visitors"))) {
        *error = clear.lastError().text();
        return false;
    }
    QSqlQuery account(db);
    account.prepare(QStringLiteral("INSERT INTO pendo_accounts (account_id, metadata, events_30d, minutes_30d, "
                                   "refreshed_at) VALUES (?, ?, ?, ?, ?)"));
    for (const PendoIdentity &identity : snapshot.accounts) {
        account.addBindValue(identity.id);
        account.addBindValue(identity.metadata.isEmpty() ? QStringLiteral("{}") : identity.metadata);
        account.addBindValue(identity.events30d);
        account.addBindValue(identity.minutes30d);
        account.addBindValue(now);
        if (!run(account, error))
            return false;
    }
    QSqlQuery visitor(db);
    visitor.prepare(QStringLiteral("INSERT INTO pendo_visitors (visitor_id, account_id, account_ids, email, metadata, "
                                   "do_not_process, events_30d, minutes_30d, refreshed_at) VALUES (?, ?, ?, ?, ?, ?, "
                                   "?, ?, ?)"));
    for (const PendoIdentity &identity : snapshot.visitors) {
        visitor.addBindValue(identity.id);
        visitor.addBindValue(identity.accountId.isEmpty() ? QVariant() : QVariant(identity.accountId));
        visitor.addBindValue(identity.accountIds.isEmpty() ? QStringLiteral("[]") : identity.accountIds);
        visitor.addBindValue(identity.email.isEmpty() ? QVariant() : QVariant(identity.email));
        visitor.addBindValue(identity.metadata.isEmpty() ? QStringLiteral("{}") : identity.metadata);
        visitor.addBindValue(identity.doNotProcess ? 1 : 0);
        visitor.addBindValue(identity.events30d);
        visitor.addBindValue(identity.minutes30d);
        visitor.addBindValue(now);
        if (!run(visitor, error))
            return false;
    }
    return true;
}

} // namespace

bool CatalogStore::write(Database &database, const CatalogSnapshot &snapshot, CatalogChanges *changes, QString *error)
{
    ScopedConnection connection(database);
    if (!connection.isValid()) {
        *error = connection.error();
        return false;
    }
    QSqlDatabase &db = connection.db();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    if (!db.transaction()) {
        *error = db.lastError().text();
        return false;
    }
    const bool ok = writeItems(db, snapshot, now, changes, error)
                    && (!snapshot.fieldsRefreshed || writeFields(db, snapshot, error))
                    && (!snapshot.identitiesRefreshed || writeIdentities(db, snapshot, now, error));
    if (!ok || !db.commit()) {
        if (ok)
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    changes->accounts = snapshot.accounts.size();
    changes->visitors = snapshot.visitors.size();
    return true;
}
