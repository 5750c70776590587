#include "CatalogSync.h"

#include "pendo/KeysetPager.h"
#include "pendo/PendoClient.h"
#include "store/AuditLog.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QString allApps = QStringLiteral("expandAppIds(\"*\")");

QJsonObject source(const QString &name, const QJsonValue &params)
{
    return QJsonObject{{QStringLiteral("source"), QJsonObject{{name, params}}}};
}

QJsonObject lastThirtyDays(const QString &name)
{
    return QJsonObject{
        {QStringLiteral("source"),
         QJsonObject{{name, QJsonObject{{QStringLiteral("appId"), allApps}}},
                     {QStringLiteral("timeSeries"), QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                                                {QStringLiteral("first"), QStringLiteral("now()")},
                                                                {QStringLiteral("count"), -30}}}}}};
}

QJsonObject sumsBy(const QString &key)
{
    return QJsonObject{
        {QStringLiteral("group"),
         QJsonObject{{QStringLiteral("group"), QJsonArray{key}},
                     {QStringLiteral("fields"),
                      QJsonObject{{QStringLiteral("events"), QJsonObject{{QStringLiteral("sum"), QStringLiteral("numEvents")}}},
                                  {QStringLiteral("minutes"), QJsonObject{{QStringLiteral("sum"), QStringLiteral("numMinutes")}}}}}}}};
}

CatalogItem itemFrom(const QJsonObject &object, const QString &kind)
{
    CatalogItem item;
    item.kind = kind;
    item.pendoId = object.value(QStringLiteral("id")).toString();
    const QJsonValue app = object.value(QStringLiteral("appId"));
    item.hasApp = app.isDouble();
    item.appId = app.toInteger();
    item.name = object.value(QStringLiteral("name")).toString();
    item.isCore = object.value(QStringLiteral("isCoreEvent")).toBool();
    item.group = object.value(QStringLiteral("group")).toObject().value(QStringLiteral("name")).toString();
    item.updatedAt = object.value(QStringLiteral("lastUpdatedAt")).toInteger();
    // Keep what mappings and explanations need, not Pendo's whole object.
    for (const char *field : {"kind", "pageId", "appWide", "state", "level", "type", "description"}) {
        const QString name = QString::fromLatin1(field);
        if (object.contains(name))
            item.details.insert(name, object.value(name));
    }
    return item;
}

} // namespace

CatalogSync::CatalogSync(Database &database, PendoClient *client, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_client(client)
{
}

CatalogSync::~CatalogSync() = default;

void CatalogSync::start()
{
    m_steps.clear();
    m_snapshot = CatalogSnapshot();
    m_steps << [this] {
        Q_EMIT progress(tr("Reading apps…"));
        // Not every subscription answers the apps source; without it apps keep the names they had.
        page({source(QStringLiteral("apps"), QJsonObject{{QStringLiteral("appId"), allApps}})}, {QStringLiteral("id")},
             {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("platform")}, m_pageSize,
             [this](const AggregationPage &rows) {
                 for (std::size_t i = 0; i < rows.rows.size(); ++i)
                     m_snapshot.apps.append({rows.integer(i, 0), rows.text(i, 1), rows.text(i, 2)});
             },
             /*optional=*/true);
    };
    m_steps << [this] { m_snapshot.appsRefreshed = !m_snapshot.apps.isEmpty(); next(); };
    m_steps << [this] { getList(QStringLiteral("feature"), QStringLiteral("feature"), true); }
            << [this] { getList(QStringLiteral("page"), QStringLiteral("page"), true); }
            << [this] { getList(QStringLiteral("guide"), QStringLiteral("guide"), true); }
            << [this] { getList(QStringLiteral("report"), QStringLiteral("report"), false); }
            << [this] {
                   Q_EMIT progress(tr("Reading track types…"));
                   page({source(QStringLiteral("trackTypes"), QJsonObject{{QStringLiteral("appId"), allApps}})},
                        {QStringLiteral("id")},
                        {QStringLiteral("id"), QStringLiteral("appId"), QStringLiteral("name"),
                         QStringLiteral("isCoreEvent"), QStringLiteral("lastUpdatedAt"), QStringLiteral("group.name")},
                        m_pageSize, [this](const AggregationPage &rows) {
                            for (std::size_t i = 0; i < rows.rows.size(); ++i) {
                                CatalogItem item;
                                item.kind = QStringLiteral("track_type");
                                item.pendoId = rows.text(i, 0);
                                item.hasApp = !std::holds_alternative<std::monostate>(rows.rows[i][1]);
                                item.appId = rows.integer(i, 1);
                                item.name = rows.text(i, 2);
                                item.isCore = rows.text(i, 3) == QLatin1String("true");
                                item.updatedAt = rows.integer(i, 4);
                                item.group = rows.text(i, 5);
                                m_snapshot.items.append(item);
                            }
                        });
               }
            << [this] { m_snapshot.refreshedKinds << QStringLiteral("track_type"); next(); }
            << [this] { getSchema(QStringLiteral("visitor")); }
            << [this] { getSchema(QStringLiteral("account")); }
            << [this] { m_snapshot.fieldsRefreshed = true; next(); };

    if (m_identities) {
        m_steps << [this] {
            Q_EMIT progress(tr("Reading Pendo accounts…"));
            page({source(QStringLiteral("accounts"), QJsonValue::Null)}, {QStringLiteral("accountId")},
                 {QStringLiteral("accountId"), QStringLiteral("metadata")}, m_pageSize,
                 [this](const AggregationPage &rows) {
                     for (std::size_t i = 0; i < rows.rows.size(); ++i) {
                         PendoIdentity identity;
                         identity.id = rows.text(i, 0);
                         identity.metadata = rows.text(i, 1);
                         m_accountIndex.insert(identity.id, m_snapshot.accounts.size());
                         m_snapshot.accounts.append(identity);
                     }
                 });
        };
        m_steps << [this] {
            Q_EMIT progress(tr("Reading Pendo visitors…"));
            page({source(QStringLiteral("visitors"), QJsonObject{{QStringLiteral("appId"), allApps}})},
                 {QStringLiteral("visitorId")},
                 {QStringLiteral("visitorId"), QStringLiteral("metadata.auto.accountid"),
                  QStringLiteral("metadata.auto.accountids"), QStringLiteral("metadata.agent.email"),
                  QStringLiteral("metadata.pendo.donotprocess"), QStringLiteral("metadata")},
                 m_pageSize, [this](const AggregationPage &rows) {
                     for (std::size_t i = 0; i < rows.rows.size(); ++i) {
                         PendoIdentity identity;
                         identity.id = rows.text(i, 0);
                         identity.accountId = rows.text(i, 1);
                         identity.accountIds = rows.text(i, 2);
                         identity.email = rows.text(i, 3);
                         identity.doNotProcess = rows.text(i, 4) == QLatin1String("true");
                         identity.metadata = rows.text(i, 5);
                         m_visitorIndex.insert(identity.id, m_snapshot.visitors.size());
                         m_snapshot.visitors.append(identity);
                     }
                 });
        };
        m_steps << [this] {
            Q_EMIT progress(tr("Reading the last 30 days of activity per visitor…"));
            page({lastThirtyDays(QStringLiteral("events")), sumsBy(QStringLiteral("visitorId"))},
                 {QStringLiteral("visitorId")},
                 {QStringLiteral("visitorId"), QStringLiteral("events"), QStringLiteral("minutes")}, 50000,
                 [this](const AggregationPage &rows) {
                     for (std::size_t i = 0; i < rows.rows.size(); ++i) {
                         const qsizetype at = m_visitorIndex.value(rows.text(i, 0), -1);
                         if (at < 0)
                             continue;
                         m_snapshot.visitors[at].events30d = rows.integer(i, 1);
                         m_snapshot.visitors[at].minutes30d = rows.integer(i, 2);
                     }
                 });
        };
        m_steps << [this] {
            Q_EMIT progress(tr("Reading the last 30 days of activity per account…"));
            page({lastThirtyDays(QStringLiteral("events")),
                  QJsonObject{{QStringLiteral("filter"), QStringLiteral("!isNull(accountId)")}},
                  sumsBy(QStringLiteral("accountId"))},
                 {QStringLiteral("accountId")},
                 {QStringLiteral("accountId"), QStringLiteral("events"), QStringLiteral("minutes")}, 50000,
                 [this](const AggregationPage &rows) {
                     for (std::size_t i = 0; i < rows.rows.size(); ++i) {
                         const qsizetype at = m_accountIndex.value(rows.text(i, 0), -1);
                         if (at < 0)
                             continue;
                         m_snapshot.accounts[at].events30d = rows.integer(i, 1);
                         m_snapshot.accounts[at].minutes30d = rows.integer(i, 2);
                     }
                 });
        };
        m_steps << [this] { m_snapshot.identitiesRefreshed = true; next(); };
    }
    m_steps << [this] { write(); };
    next();
}

void CatalogSync::next()
{
    if (m_done || m_steps.isEmpty())
        return;
    const Step step = m_steps.takeFirst();
    step();
}

void CatalogSync::fail(const PendoError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_steps.clear();
    Q_EMIT finished(error, QString());
}

void CatalogSync::cancel()
{
    if (m_call)
        m_call->abort();
    if (m_pager)
        m_pager->cancel();
    fail(PendoError(PendoError::Kind::Canceled));
}

void CatalogSync::getList(const QString &path, const QString &kind, bool expandApps)
{
    Q_EMIT progress(tr("Reading %1s…").arg(kind));
    m_call = m_client->get(path, expandApps ? QUrlQuery(QStringLiteral("expand=*")) : QUrlQuery());
    connect(m_call, &PendoCall::finished, this, [this, kind, call = m_call.data()] {
        call->deleteLater();
        if (call->error().isError())
            return fail(call->error());
        const QJsonArray items = QJsonDocument::fromJson(call->body()).array();
        for (const QJsonValue &value : items)
            m_snapshot.items.append(itemFrom(value.toObject(), kind));
        m_snapshot.refreshedKinds << kind;
        next();
    });
}

void CatalogSync::getSchema(const QString &object)
{
    Q_EMIT progress(tr("Reading the %1 metadata schema…").arg(object));
    m_call = m_client->get(QStringLiteral("metadata/schema/") + object);
    connect(m_call, &PendoCall::finished, this, [this, object, call = m_call.data()] {
        call->deleteLater();
        if (call->error().isError())
            return fail(call->error());
        const QJsonObject groups = QJsonDocument::fromJson(call->body()).object();
        for (auto group = groups.begin(); group != groups.end(); ++group) {
            const QJsonObject fields = group.value().toObject();
            for (auto field = fields.begin(); field != fields.end(); ++field) {
                const QJsonObject descriptor = field.value().toObject();
                m_snapshot.fields.append({object, group.key(), field.key(),
                                          descriptor.value(QStringLiteral("Type")).toString(),
                                          descriptor.value(QStringLiteral("DisplayName")).toString()});
            }
        }
        next();
    });
}

void CatalogSync::page(const QJsonArray &stages, const QStringList &sortKeys, const QStringList &fields, int pageSize,
                       std::function<void(const AggregationPage &)> onPage, bool optional)
{
    m_pager = new KeysetPager(m_client, stages, sortKeys, fields, pageSize, this);
    connect(m_pager, &KeysetPager::pageReady, this, [onPage = std::move(onPage)](const AggregationPage &rows) {
        onPage(rows);
    });
    connect(m_pager, &KeysetPager::finished, this, [this, optional, pager = m_pager.data()](const PendoError &error) {
        pager->deleteLater();
        // An optional listing that Pendo refuses as a bad request is skipped; any other failure stops the refresh.
        const bool refused = error.kind() == PendoError::Kind::BadRequest
                             || error.kind() == PendoError::Kind::UnknownStage
                             || error.kind() == PendoError::Kind::Unprocessable;
        if (error.isError() && !(optional && refused))
            return fail(error);
        next();
    });
    m_pager->start();
}

void CatalogSync::write()
{
    Q_EMIT progress(tr("Writing the catalog to the workspace…"));
    auto snapshot = std::make_shared<const CatalogSnapshot>(m_snapshot);
    auto changes = std::make_shared<CatalogChanges>();
    m_database.writer()
        .submit(QStringLiteral("catalog.refresh"),
                [snapshot, changes](WriteTransaction &tx) {
                    if (!CatalogStore::write(tx, *snapshot, changes.get()))
                        return tx.error();
                    AuditEntry audit;
                    audit.actor = QStringLiteral("integration");
                    audit.action = QStringLiteral("catalog.refresh");
                    audit.objectType = QStringLiteral("catalog");
                    audit.details = {{QStringLiteral("added"), changes->added},
                                     {QStringLiteral("renamed"), changes->renamed},
                                     {QStringLiteral("deleted"), changes->deleted},
                                     {QStringLiteral("restored"), changes->restored},
                                     {QStringLiteral("apps"), changes->apps},
                                     {QStringLiteral("accounts"), changes->accounts},
                                     {QStringLiteral("visitors"), changes->visitors},
                                     {QStringLiteral("identitiesGone"), changes->identitiesGone}};
                    return AuditLog::record(tx, audit) ? StoreError() : tx.error();
                })
        .then(this, [this, changes](const StoreError &error) {
            m_done = true;
            if (!error)
                m_changes = *changes;
            Q_EMIT finished(PendoError(), error ? error.cannotWrite(m_database.path()) : QString());
        });
}
