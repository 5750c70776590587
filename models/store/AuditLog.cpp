#include "AuditLog.h"

#include "WriteTransaction.h"

#include <QJsonDocument>
#include <QSqlQuery>

bool AuditLog::record(WriteTransaction &tx, const AuditEntry &entry)
{
    QSqlQuery query(tx.db());
    query.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, object_type, object_id, details) "
                                 "VALUES (:at, :actor, :action, :type, :id, :details)"));
    query.bindValue(QStringLiteral(":at"), tx.nowText());
    query.bindValue(QStringLiteral(":actor"), entry.actor);
    query.bindValue(QStringLiteral(":action"), entry.action);
    query.bindValue(QStringLiteral(":type"), entry.objectType.isEmpty() ? QVariant() : QVariant(entry.objectType));
    query.bindValue(QStringLiteral(":id"), entry.objectId.isEmpty() ? QVariant() : QVariant(entry.objectId));
    query.bindValue(QStringLiteral(":details"),
                    QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact)));
    return tx.exec(query);
}
