#include "WindowFetch.h"

#include "pendo/KeysetPager.h"
#include "pendo/PendoClient.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr qint64 hourMs = 3600 * 1000;

QString itemField(SyncStream stream)
{
    switch (stream) {
    case SyncStream::Features:
        return QStringLiteral("featureId");
    case SyncStream::Pages:
        return QStringLiteral("pageId");
    case SyncStream::Guides:
        return QStringLiteral("guideId");
    case SyncStream::TrackEvents:
        return QStringLiteral("trackTypeId");
    default:
        return {};
    }
}

QString sourceName(SyncStream stream)
{
    switch (stream) {
    case SyncStream::Features:
        return QStringLiteral("featureEvents");
    case SyncStream::Pages:
        return QStringLiteral("pageEvents");
    case SyncStream::Guides:
        return QStringLiteral("guideEvents");
    case SyncStream::TrackEvents:
        return QStringLiteral("trackEvents");
    default:
        return QStringLiteral("events");
    }
}

QStringList sortKeys(SyncStream stream)
{
    QStringList keys{QStringLiteral("visitorId"), QStringLiteral("accountId")};
    if (const QString item = itemField(stream); !item.isEmpty())
        keys << item;
    return keys;
}

} // namespace

WindowFetch::WindowFetch(PendoClient *client, const IdDictionary &ids, const IntegrationConfig &config,
                         SyncWindow window, const QTimeZone &zone, int pageSize, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_config(config)
    , m_zone(zone)
    , m_pageSize(pageSize)
    , m_rows(std::move(window))
    , m_mapper(ids, m_rows)
    , m_decoder(syncs::activityKind(m_rows.window.stream) >= 0 ? activityFields(m_rows.window.stream) : QStringList())
{
    const QDateTime start(m_rows.window.day, QTime(0, 0), m_zone);
    const QDateTime end(m_rows.window.day.addDays(1), QTime(0, 0), m_zone);
    m_dayStartMs = start.toMSecsSinceEpoch();
    m_dayHours = int((end.toMSecsSinceEpoch() - m_dayStartMs) / hourMs); // 23 or 25 on DST change days
}

WindowFetch::~WindowFetch()
{
    if (m_call)
        m_call->abort();
}

QStringList WindowFetch::activityFields(SyncStream stream)
{
    QStringList fields = sortKeys(stream);
    fields << QStringLiteral("numEvents") << QStringLiteral("numMinutes");
    return fields;
}

QJsonArray WindowFetch::activityPipeline(SyncStream stream, qint64 appId, qint64 firstMs, int hours,
                                         const QString &after, int pageSize)
{
    const QJsonObject timeSeries =
        hours == 24 ? QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                  {QStringLiteral("first"), firstMs},
                                  {QStringLiteral("count"), 1}}
                    : QJsonObject{{QStringLiteral("period"), QStringLiteral("hourRange")},
                                  {QStringLiteral("first"), firstMs},
                                  {QStringLiteral("count"), hours}};
    const QStringList keys = sortKeys(stream);
    // Guide events are one row per interaction: their count is the events; they carry no minutes.
    const QJsonObject fields =
        stream == SyncStream::Guides
            ? QJsonObject{{QStringLiteral("numEvents"), QJsonObject{{QStringLiteral("count"), QJsonValue()}}}}
            : QJsonObject{{QStringLiteral("numEvents"), QJsonObject{{QStringLiteral("sum"), QStringLiteral("numEvents")}}},
                          {QStringLiteral("numMinutes"), QJsonObject{{QStringLiteral("sum"), QStringLiteral("numMinutes")}}}};
    QJsonArray pipeline{
        QJsonObject{{QStringLiteral("source"),
                     QJsonObject{{sourceName(stream), QJsonObject{{QStringLiteral("appId"), appId}}},
                                 {QStringLiteral("timeSeries"), timeSeries}}}},
        QJsonObject{{QStringLiteral("identified"), QStringLiteral("visitorId")}},
        // Visitors without an account have no accountId; an empty one keeps them in the keyset order.
        QJsonObject{{QStringLiteral("eval"),
                     QJsonObject{{QStringLiteral("accountId"), QStringLiteral("if(isNull(accountId), \"\", accountId)")}}}},
        QJsonObject{{QStringLiteral("group"), QJsonObject{{QStringLiteral("group"), QJsonArray::fromStringList(keys)},
                                                          {QStringLiteral("fields"), fields}}}},
        QJsonObject{{QStringLiteral("sort"), QJsonArray::fromStringList(keys)}},
    };
    if (!after.isEmpty())
        pipeline.append(QJsonObject{{QStringLiteral("filter"), after}});
    pipeline.append(QJsonObject{{QStringLiteral("limit"), pageSize}});
    return pipeline;
}

void WindowFetch::start()
{
    if (syncs::activityKind(m_rows.window.stream) >= 0)
        nextPage();
    else
        startMetric();
}

void WindowFetch::abort()
{
    if (m_call)
        m_call->abort();
}

void WindowFetch::nextPage()
{
    const int hours = m_rows.pieces > 1 ? 1 : 24;
    const qint64 first = m_rows.pieces > 1 ? m_dayStartMs + m_piece * hourMs : m_dayStartMs;
    const QJsonArray pipeline =
        activityPipeline(m_rows.window.stream, m_rows.window.appId, first, hours, m_after, m_pageSize);
    ++m_rows.requests;
    Q_EMIT requestStarted();
    m_call = m_client->aggregate(QJsonObject{{QStringLiteral("pipeline"), pipeline}},
                                 [this](const QByteArray &body, QString *error) {
                                     return m_decoder.decode(body, &m_batch, error);
                                 });
    PendoCall *call = m_call;
    connect(call, &PendoCall::finished, this, [this, call] { onPage(call); });
}

void WindowFetch::onPage(PendoCall *call)
{
    call->deleteLater();
    if (call->rateLimitedAttempts() > 0)
        m_throttled = true;
    if (call->lastRetriedError().isError() && !call->error().isError())
        m_recovered << call->lastRetriedError().code();
    const PendoError error = call->error();
    if (error.isError()) {
        // A day too big to answer in time is asked for again hour by hour.
        if (error.kind() == PendoError::Kind::Timeout && m_rows.pieces == 1)
            return split();
        return done(error);
    }
    m_mapper.take(m_batch);
    const std::size_t n = m_batch.rowCount();
    if (n >= std::size_t(m_pageSize) && n > 0) {
        std::vector<Cell> last;
        const QStringList keys = sortKeys(m_rows.window.stream);
        for (int field = 0; field < keys.size(); ++field)
            last.push_back(m_batch.cell(n - 1, field));
        m_after = Pipeline::after(keys, last);
        return nextPage();
    }
    m_after.clear();
    if (m_rows.pieces > 1 && ++m_piece < m_rows.pieces)
        return nextPage();
    // Rows land sorted by primary key; the hours of a split day add up to the day.
    m_rows.normalize();
    done(PendoError());
}

void WindowFetch::split()
{
    m_rows.rows.clear();
    m_rows.newVisitors.clear();
    m_rows.newAccounts.clear();
    m_rows.newItems.clear();
    m_mapper.reset();
    m_rows.skipped = 0;
    m_rows.skippedReasons.clear();
    m_rows.pieces = m_dayHours;
    m_piece = 0;
    m_after.clear();
    nextPage();
}

void WindowFetch::startMetric()
{
    const SyncWindow &w = m_rows.window;
    ++m_rows.requests;
    Q_EMIT requestStarted();
    if (w.stream == SyncStream::Reports) {
        const ReportMapping &report = m_config.reports.at(w.mapping);
        m_rows.metricObject = config::key(report.object);
        m_call = m_client->get(QStringLiteral("report/%1/results.json").arg(report.reportId));
    } else {
        const AggregationMapping &mapping = m_config.aggregations.at(w.mapping);
        m_rows.metricObject = config::key(mapping.object);
        QJsonArray pipeline = mapping.pipeline;
        QJsonObject first = pipeline.at(0).toObject();
        QJsonObject source = first.value(QStringLiteral("source")).toObject();
        source.insert(QStringLiteral("timeSeries"), QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                                                {QStringLiteral("first"), m_dayStartMs},
                                                                {QStringLiteral("count"), 1}});
        first.insert(QStringLiteral("source"), source);
        pipeline.replace(0, first);
        m_call = m_client->aggregate(QJsonObject{{QStringLiteral("pipeline"), pipeline}});
    }
    PendoCall *call = m_call;
    connect(call, &PendoCall::finished, this, [this, call] { onMetric(call); });
}

void WindowFetch::onMetric(PendoCall *call)
{
    call->deleteLater();
    if (call->rateLimitedAttempts() > 0)
        m_throttled = true;
    if (call->lastRetriedError().isError() && !call->error().isError())
        m_recovered << call->lastRetriedError().code();
    if (call->error().isError())
        return done(call->error());
    const SyncWindow &w = m_rows.window;
    const QJsonDocument doc = QJsonDocument::fromJson(call->body());
    const QJsonArray rows = doc.isArray() ? doc.array() : doc.object().value(QStringLiteral("results")).toArray();
    const QString idColumn = w.stream == SyncStream::Reports ? m_config.reports.at(w.mapping).idColumn
                                                             : m_config.aggregations.at(w.mapping).idColumn;
    const QList<ValueColumn> &values = w.stream == SyncStream::Reports ? m_config.reports.at(w.mapping).values
                                                                       : m_config.aggregations.at(w.mapping).values;
    for (const QJsonValue &rowValue : rows) {
        const QJsonObject row = rowValue.toObject();
        const QJsonValue id = row.value(idColumn);
        const QString key = id.isString() ? id.toString() : id.isDouble() ? QString::number(id.toInteger()) : QString();
        if (key.isEmpty()) {
            ++m_rows.skipped;
            ++m_rows.skippedReasons[QStringLiteral("no %1 value").arg(idColumn)];
            continue;
        }
        for (const ValueColumn &column : values) {
            const QJsonValue v = row.value(column.column);
            WindowRows::Metric m;
            m.objectKey = key;
            m.metric = column.name;
            if (v.isDouble())
                m.value = v.toDouble();
            else if (v.isBool())
                m.value = v.toBool() ? 1.0 : 0.0;
            else if (v.isString())
                m.text = v.toString();
            else if (v.isUndefined() || v.isNull())
                continue;
            else
                m.text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
            m_rows.metrics.push_back(std::move(m));
        }
    }
    done(PendoError());
}

void WindowFetch::done(const PendoError &error)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT finished(error);
}
