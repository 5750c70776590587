#include "WorkspaceInfo.h"

#include "Database.h"

#include <QSqlError>
#include <QSqlQuery>

bool WorkspaceInfo::read(Database &database, WorkspaceInfo *info, QString *error)
{
    QSqlDatabase db = database.connection();
    info->path = database.path();
    StoreError versionError;
    const std::optional<int> version = database.dialect().schemaVersion(db, &versionError);
    if (!version) {
        *error = versionError.message();
        return false;
    }
    info->schemaVersion = *version;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM contacts), "
                                   "(SELECT COUNT(*) FROM import_runs)"))
        || !query.next()) {
        *error = query.lastError().text();
        return false;
    }
    info->accounts = query.value(0).toLongLong();
    info->contacts = query.value(1).toLongLong();
    info->imports = query.value(2).toLongLong();
    return true;
}
