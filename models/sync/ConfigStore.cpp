#include "ConfigStore.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace {

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

QString streamLabel(StreamKind kind)
{
    switch (kind) {
    case StreamKind::Features:
        return QStringLiteral("features");
    case StreamKind::Pages:
        return QStringLiteral("pages");
    case StreamKind::Guides:
        return QStringLiteral("guides");
    case StreamKind::TrackEvents:
        return QStringLiteral("trackEvents");
    }
    return {};
}

QJsonObject scopeJson(const RecomputeScope &scope)
{
    QJsonArray streams;
    for (StreamKind kind : scope.streams)
        streams.append(streamLabel(kind));
    return QJsonObject {{QStringLiteral("identities"), scope.identities},
                        {QStringLiteral("streams"), streams},
                        {QStringLiteral("reports"), scope.reports},
                        {QStringLiteral("aggregations"), scope.aggregations},
                        {QStringLiteral("pes"), scope.pes},
                        {QStringLiteral("firstValue"), scope.firstValue}};
}

} // namespace

ConfigStore::ConfigStore(Database &database)
    : m_database(database)
{
}

int ConfigStore::currentVersion(QString *error) const
{
    return currentVersion(m_database.connection(), error);
}

IntegrationConfig ConfigStore::current(QString *error) const
{
    return current(m_database.connection(), error);
}

std::optional<IntegrationConfig> ConfigStore::load(int version, QString *error) const
{
    return load(m_database.connection(), version, error);
}

int ConfigStore::currentVersion(QSqlDatabase db, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM config_versions")) || !query.next()) {
        setError(error, query.lastError().text());
        return 0;
    }
    return query.value(0).toInt();
}

IntegrationConfig ConfigStore::current(QSqlDatabase db, QString *error)
{
    const int version = currentVersion(db, error);
    if (version == 0)
        return IntegrationConfig::defaults();
    return load(db, version, error).value_or(IntegrationConfig::defaults());
}

std::optional<IntegrationConfig> ConfigStore::load(QSqlDatabase db, int version, QString *error)
{
    if (version == 0)
        return IntegrationConfig::defaults();
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT config FROM config_versions WHERE version = :version"));
    query.bindValue(QStringLiteral(":version"), version);
    if (!query.exec()) {
        setError(error, query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        setError(error,
                 QCoreApplication::translate("ConfigStore", "there is no configuration version %1").arg(version));
        return std::nullopt;
    }
    QString parseError;
    auto config = IntegrationConfig::fromJsonBytes(query.value(0).toString().toUtf8(), &parseError);
    if (!config)
        setError(error,
                 QCoreApplication::translate("ConfigStore", "configuration version %1 cannot be read: %2")
                     .arg(version)
                     .arg(parseError));
    return config;
}

QList<ConfigVersionInfo> ConfigStore::history(QString *error) const
{
    QList<ConfigVersionInfo> versions;
    QSqlQuery query(m_database.connection());
    if (!query.exec(
            QStringLiteral("SELECT version, created_at, actor, summary FROM config_versions ORDER BY version DESC"))) {
        setError(error, query.lastError().text());
        return versions;
    }
    while (query.next()) {
        ConfigVersionInfo info;
        info.version = query.value(0).toInt();
        info.createdAt = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
        info.actor = query.value(2).toString();
        info.summary = query.value(3).toString();
        versions.append(info);
    }
    return versions;
}

std::optional<ConfigSaveResult> ConfigStore::save(const IntegrationConfig &config, const QString &actor,
                                                  const QString &summary, QString *error)
{
    std::optional<ConfigSaveResult> result;
    const StoreError failure = m_database.writer().runAndWait(QStringLiteral("config.save"), [&](WriteTransaction &tx) {
        result = save(tx, config, actor, summary);
        return result ? StoreError() : tx.error();
    });
    if (failure) {
        setError(error, failure.message());
        return std::nullopt;
    }
    return result;
}

std::optional<ConfigSaveResult> ConfigStore::save(WriteTransaction &tx, const IntegrationConfig &config,
                                                  const QString &actor, const QString &summary)
{
    const auto fail = [&](const QString &message) -> std::optional<ConfigSaveResult> {
        tx.fail(StoreError::failed(message));
        return std::nullopt;
    };
    QString readError;
    const int previousVersion = currentVersion(tx.db(), &readError);
    if (!readError.isEmpty())
        return fail(readError);
    const IntegrationConfig previous = current(tx.db(), &readError);
    if (!readError.isEmpty())
        return fail(readError);

    ConfigSaveResult result;
    result.version = previousVersion;
    const QByteArray body = config.toJsonBytes();
    // Version 0 is implicit (the defaults); the first explicit save always records who chose what.
    if (previousVersion > 0 && body == previous.toJsonBytes())
        return result;
    result.changedSections = IntegrationConfig::changedSections(previous, config);
    result.changes = IntegrationConfig::describeChanges(previous, config);
    result.recompute = IntegrationConfig::recomputeScope(previous, config);
    result.version = previousVersion + 1;
    result.created = true;

    const QString text = summary.trimmed().isEmpty()
        ? (result.changes.isEmpty() ? QCoreApplication::translate("ConfigStore", "Configuration saved")
                                    : result.changes.join(QStringLiteral("; ")))
        : summary.trimmed();
    QSqlQuery insert(tx.db());
    insert.prepare(QStringLiteral("INSERT INTO config_versions (version, created_at, actor, summary, config) "
                                  "VALUES (:version, :at, :actor, :summary, :config)"));
    insert.bindValue(QStringLiteral(":version"), result.version);
    insert.bindValue(QStringLiteral(":at"), tx.nowText());
    insert.bindValue(QStringLiteral(":actor"), actor);
    insert.bindValue(QStringLiteral(":summary"), text);
    insert.bindValue(QStringLiteral(":config"), QString::fromUtf8(body));
    if (!tx.exec(insert))
        return std::nullopt;

    AuditEntry audit;
    audit.actor = actor;
    audit.action = QStringLiteral("config.save");
    audit.objectType = QStringLiteral("config");
    audit.objectId = QString::number(result.version);
    audit.details = {{QStringLiteral("version"), result.version},
                     {QStringLiteral("previousVersion"), previousVersion},
                     {QStringLiteral("summary"), text},
                     {QStringLiteral("changes"), QJsonArray::fromStringList(result.changes)},
                     {QStringLiteral("sections"), QJsonArray::fromStringList(result.changedSections)},
                     {QStringLiteral("recompute"), scopeJson(result.recompute)}};
    if (!AuditLog::record(tx, audit))
        return std::nullopt;
    return result;
}

QByteArray ConfigStore::exportJson(QString *error) const
{
    QString readError;
    const IntegrationConfig config = current(&readError);
    if (!readError.isEmpty()) {
        setError(error, readError);
        return {};
    }
    return config.toJsonBytes();
}

std::optional<ConfigSaveResult> ConfigStore::importJson(const QByteArray &json, const QString &actor, QString *error)
{
    const auto config = IntegrationConfig::fromJsonBytes(json, error);
    if (!config)
        return std::nullopt;
    return save(*config, actor, QCoreApplication::translate("ConfigStore", "Imported configuration"), error);
}
