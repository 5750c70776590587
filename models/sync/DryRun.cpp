#include "DryRun.h"

#include "pendo/PendoClient.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

namespace {

bool looksLikeTime(const QString &name)
{
    static const QRegularExpression pattern(
        QStringLiteral(
            "(^|_)(day|hour|week|month|time|date|timestamp)$|Time$|At$|^(first|last)visit$|_lastvisit$|_firstvisit$"
            "|lastupdated$|Timestamp$|_time$|_at$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

bool isEpochMs(double value)
{
    // 2000-01-01 … 2100-01-01 in milliseconds.
    return value >= 946684800000.0 && value < 4102444800000.0 && value == double(qint64(value));
}

/** A preview shows the first rows only; more would not help choosing columns. */
constexpr qsizetype previewRowLimit = 500;

QJsonArray limitRows(const QJsonArray &rows)
{
    if (rows.size() <= previewRowLimit)
        return rows;
    QJsonArray limited;
    for (qsizetype i = 0; i < previewRowLimit; ++i)
        limited.append(rows.at(i));
    return limited;
}

QString callErrorMessage(const PendoCall &call)
{
    const PendoError &error = call.error();
    QString message = error.message();
    if (!error.detail().isEmpty())
        message += QStringLiteral(" — ") + error.detail();
    return message;
}

/**
 * Aborts and forgets `call` without its answer reaching `receiver`; false when there is none.
 * Disconnecting first matters: abort() finishes the call at once.
 */
bool abandon(QPointer<PendoCall> &call, QObject *receiver)
{
    if (!call)
        return false;
    PendoCall *abandoned = call;
    call.clear();
    QObject::disconnect(abandoned, nullptr, receiver, nullptr);
    abandoned->abort();
    abandoned->deleteLater();
    return true;
}

} // namespace

namespace dryrun {

QList<InferredColumn> inferColumns(const QJsonArray &rows)
{
    struct Seen
    {
        bool any = false, number = false, text = false, boolean = false, other = false, allEpoch = true;
    };
    QStringList order;
    QHash<QString, Seen> seen;
    for (const QJsonValue &row : rows) {
        const QJsonObject object = row.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!seen.contains(it.key()))
                order << it.key();
            Seen &s = seen[it.key()];
            const QJsonValue value = it.value();
            if (value.isNull() || value.isUndefined())
                continue;
            s.any = true;
            if (value.isBool()) {
                s.boolean = true;
            } else if (value.isDouble()) {
                s.number = true;
                s.allEpoch = s.allEpoch && isEpochMs(value.toDouble());
            } else if (value.isString()) {
                s.text = true;
            } else {
                s.other = true;
            }
        }
    }
    QList<InferredColumn> columns;
    for (const QString &name : order) {
        const Seen &s = seen.value(name);
        InferredColumn column {name, ValueType::Text};
        const int kinds = int(s.number) + int(s.text) + int(s.boolean) + int(s.other);
        if (kinds == 1 && s.boolean)
            column.type = ValueType::Bool;
        else if (kinds == 1 && s.number)
            column.type = s.allEpoch && looksLikeTime(name) ? ValueType::Timestamp : ValueType::Number;
        columns.append(column);
    }
    return columns;
}

std::optional<QJsonArray> parsePipeline(const QString &pipelineText, QString *error)
{
    const QByteArray bytes = pipelineText.toUtf8();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate("DryRun", "Not valid JSON at line %1: %2")
                         .arg(int(bytes.left(parseError.offset).count('\n')) + 1)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    QString problem;
    const QJsonValue value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    if (!AggregationMapping::validatePipeline(value, &problem)) {
        if (error)
            *error
                = problem.startsWith(u'[') ? QCoreApplication::translate("DryRun", "Stage %1").arg(problem) : problem;
        return std::nullopt;
    }
    return document.array();
}

std::optional<QJsonArray> preparePipeline(const QString &pipelineText, QDate day, const QString &accountId,
                                          const QTimeZone &zone, QString *error)
{
    auto pipeline = parsePipeline(pipelineText, error);
    if (!pipeline)
        return std::nullopt;
    if (!day.isValid()) {
        if (error)
            *error = QCoreApplication::translate("DryRun", "Choose a day for the dry run.");
        return std::nullopt;
    }
    if (accountId.trimmed().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("DryRun", "Enter a Pendo account id for the dry run.");
        return std::nullopt;
    }
    QJsonObject stage = pipeline->at(0).toObject();
    QJsonObject source = stage.value(QStringLiteral("source")).toObject();
    source.insert(QStringLiteral("timeSeries"),
                  QJsonObject {{QStringLiteral("period"), QStringLiteral("dayRange")},
                               {QStringLiteral("first"), double(day.startOfDay(zone).toMSecsSinceEpoch())},
                               {QStringLiteral("count"), 1}});
    stage.insert(QStringLiteral("source"), source);
    pipeline->replace(0, stage);

    QString escaped = accountId.trimmed();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'"', QStringLiteral("\\\""));
    pipeline->insert(
        1, QJsonObject {{QStringLiteral("filter"), QString(QStringLiteral("accountId == \"") + escaped + u'"')}});
    return pipeline;
}

} // namespace dryrun

AggregationDryRun::AggregationDryRun(PendoClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

AggregationDryRun::~AggregationDryRun()
{
    cancel();
}

bool AggregationDryRun::start(const QString &pipelineText, QDate day, const QString &accountId, QString *error)
{
    const auto pipeline = dryrun::preparePipeline(pipelineText, day, accountId, m_zone, error);
    if (!pipeline)
        return false;
    abandon(m_call, this); // a new run replaces the previous one without reporting it canceled
    m_call = m_client.aggregate(QJsonObject {{QStringLiteral("requestId"), QStringLiteral("mapping-dry-run")},
                                             {QStringLiteral("pipeline"), *pipeline}});
    connect(m_call, &PendoCall::finished, this, &AggregationDryRun::onFinished);
    return true;
}

void AggregationDryRun::cancel()
{
    if (abandon(m_call, this))
        Q_EMIT canceled();
}

void AggregationDryRun::onFinished()
{
    PendoCall *call = m_call;
    m_call.clear();
    if (!call)
        return;
    call->deleteLater();
    if (call->error().isError()) {
        Q_EMIT failed(callErrorMessage(*call));
        return;
    }
    const QJsonObject answer = QJsonDocument::fromJson(call->body()).object();
    const QJsonValue results = answer.value(QStringLiteral("results"));
    if (!results.isArray()) {
        Q_EMIT failed(QCoreApplication::translate("DryRun", "Pendo's answer has no result rows."));
        return;
    }
    PreviewResult result;
    result.rows = limitRows(results.toArray());
    result.columns = dryrun::inferColumns(results.toArray());
    Q_EMIT finished(result);
}

ReportPreview::ReportPreview(PendoClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

ReportPreview::~ReportPreview()
{
    cancel();
}

void ReportPreview::start(const QString &reportId)
{
    cancel();
    m_reportId = reportId;
    m_call = m_client.get(
        QStringLiteral("report/%1/results.json").arg(QString::fromLatin1(QUrl::toPercentEncoding(reportId))));
    connect(m_call, &PendoCall::finished, this, &ReportPreview::onFinished);
}

void ReportPreview::cancel()
{
    abandon(m_call, this);
}

void ReportPreview::onFinished()
{
    PendoCall *call = m_call;
    m_call.clear();
    if (!call)
        return;
    call->deleteLater();
    if (call->error().isError()) {
        Q_EMIT failed(m_reportId, callErrorMessage(*call));
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(call->body());
    if (!document.isArray()) {
        Q_EMIT failed(m_reportId,
                      QCoreApplication::translate("DryRun", "The report's results are not a list of rows."));
        return;
    }
    PreviewResult result;
    result.rows = limitRows(document.array());
    result.columns = dryrun::inferColumns(document.array());
    Q_EMIT finished(m_reportId, result);
}
