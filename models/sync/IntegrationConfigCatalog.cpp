#include "IntegrationConfigCatalog.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

QList<MappableItem> MappingCatalog::itemsOf(const QStringList &kinds) const
{
    QList<MappableItem> selected;
    for (const MappableItem &item : items) {
        if (kinds.contains(item.kind))
            selected.append(item);
    }
    return selected;
}

QString MappableApp::label() const
{
    if (!name.isEmpty())
        return name;
    // Before Pendo told us the app's name: never the bare id.
    return isDefault ? QCoreApplication::translate("MappingCatalog", "Default app")
                     : QCoreApplication::translate("MappingCatalog", "App %1").arg(appId);
}

QString MappingCatalog::appName(qint64 appId) const
{
    for (const MappableApp &app : apps) {
        if (app.appId == appId)
            return app.label();
    }
    return MappableApp{appId, {}, appId == -323232}.label();
}

namespace mappingcatalog {

bool read(QSqlDatabase &db, MappingCatalog *catalog, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT kind, pendo_id, COALESCE(app_id, 0), name, COALESCE(group_name, ''), is_core "
                                   "FROM pendo_catalog_items WHERE deleted_at IS NULL "
                                   "ORDER BY kind, name COLLATE NOCASE, app_id, pendo_id"))) {
        if (error)
            *error = QCoreApplication::translate("MappingCatalog", "Cannot read the Pendo catalog: %1")
                         .arg(query.lastError().text());
        return false;
    }
    while (query.next()) {
        catalog->items.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                               query.value(3).toString(), query.value(4).toString(), query.value(5).toBool()});
    }
    if (!query.exec(QStringLiteral("SELECT app_id, COALESCE(name, ''), is_default FROM pendo_apps "
                                   "WHERE deleted_at IS NULL ORDER BY is_default DESC, name COLLATE NOCASE, app_id"))) {
        if (error)
            *error = QCoreApplication::translate("MappingCatalog", "Cannot read the Pendo apps: %1")
                         .arg(query.lastError().text());
        return false;
    }
    while (query.next())
        catalog->apps.append({query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toBool()});
    return true;
}

} // namespace mappingcatalog
