#include "HealthModelStore.h"

#include "store/AuditLog.h"
#include "store/WriteTransaction.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

QList<HealthModelVersion> HealthModelStore::versions(QSqlDatabase &db, QString *error)
{
    QList<HealthModelVersion> out;
    HealthModelVersion builtIn;
    builtIn.model = HealthModel::defaults();
    builtIn.summary = HealthModel::tr("Built-in model");
    builtIn.actor = QStringLiteral("system");
    out << builtIn;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT version, effective_day, summary, actor, created_at, definition "
                                   "FROM health_models ORDER BY version"))) {
        if (error)
            *error = query.lastError().text();
        return out;
    }
    while (query.next()) {
        HealthModelVersion v;
        v.version = query.value(0).toInt();
        v.effectiveDay = query.value(1).toInt();
        v.summary = query.value(2).toString();
        v.actor = query.value(3).toString();
        v.createdAt = query.value(4).toString();
        QString problem;
        const std::optional<HealthModel> model =
            HealthModel::fromJson(QJsonDocument::fromJson(query.value(5).toByteArray()).object(), &problem);
        if (!model) {
            if (error)
                *error = HealthModel::tr("Health model version %1 cannot be read: %2").arg(v.version).arg(problem);
            continue;
        }
        v.model = *model;
        out << v;
    }
    return out;
}

const HealthModelVersion &HealthModelStore::inEffect(const QList<HealthModelVersion> &versions, int day)
{
    const HealthModelVersion *found = &versions.front();
    for (const HealthModelVersion &v : versions)
        if (v.effectiveDay <= day)
            found = &v;
    return *found;
}

std::optional<int> HealthModelStore::save(WriteTransaction &tx, const HealthModel &model, const QString &actor,
                                          const QString &summary, int effectiveDay)
{
    const QStringList problems = model.validate();
    if (!problems.isEmpty()) {
        tx.fail(StoreError::failed(problems.join(QLatin1Char(' '))));
        return std::nullopt;
    }
    QSqlQuery next(tx.db());
    if (!tx.exec(next, QStringLiteral("SELECT COALESCE(MAX(version), 0) + 1 FROM health_models")) || !next.next())
        return std::nullopt;
    const int version = next.value(0).toInt();
    QSqlQuery insert(tx.db());
    insert.prepare(QStringLiteral("INSERT INTO health_models (version, created_at, actor, summary, effective_day, "
                                  "definition) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(version);
    insert.addBindValue(tx.nowText());
    insert.addBindValue(actor);
    insert.addBindValue(summary);
    insert.addBindValue(effectiveDay);
    insert.addBindValue(QString::fromUtf8(QJsonDocument(model.toJson()).toJson(QJsonDocument::Compact)));
    if (!tx.exec(insert))
        return std::nullopt;
    AuditEntry entry{actor, QStringLiteral("health_model.save"), QStringLiteral("health_model"),
                     QString::number(version),
                     QJsonObject{{QStringLiteral("summary"), summary},
                                 {QStringLiteral("effective_day"), effectiveDay},
                                 {QStringLiteral("model"), model.toJson()}}};
    if (!AuditLog::record(tx, entry))
        return std::nullopt;
    return version;
}
