#pragma once

#include "IntegrationConfig.h"
#include "pendo/PendoClient.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimeZone>

#include <optional>

/** A column found in preview rows, with the type its values suggest. */
struct InferredColumn
{
    QString name;
    ValueType type = ValueType::Text;
    friend bool operator==(const InferredColumn &, const InferredColumn &) = default;
};

/** Rows of a preview (dry run or report results) and the columns inferred from them. */
struct PreviewResult
{
    QJsonArray rows;
    QList<InferredColumn> columns;
};

namespace dryrun {
/**
 * Columns in first-seen order. Booleans → Bool; numbers → Number, or Timestamp when every value
 * is an epoch-milliseconds instant between 2000 and 2100 in a column whose name says time
 * (day, hour, …Time, …At, lastvisit, …); text → Text; mixed or nested values → Text.
 */
QList<InferredColumn> inferColumns(const QJsonArray &rows);
/**
 * Checks pipeline text (AggregationMapping::validatePipeline) and rewrites it for a dry run:
 * the source's timeSeries becomes one dayRange starting at `day`'s midnight in `zone`, and a
 * filter on `accountId` follows the source. Returns the pipeline or nullopt with *error.
 */
std::optional<QJsonArray> preparePipeline(const QString &pipelineText, QDate day, const QString &accountId,
                                          const QTimeZone &zone, QString *error);
/** Parses pipeline text to a JSON array, with the line of a syntax error. */
std::optional<QJsonArray> parsePipeline(const QString &pipelineText, QString *error);
} // namespace dryrun

/**
 * Runs an aggregation pipeline for one day and one account so the user can see its rows and
 * columns before mapping them. One run at a time; a new start() cancels the previous one.
 * Lives on the client's thread (the UI thread in the editor).
 */
class AggregationDryRun final : public QObject
{
    Q_OBJECT

public:
    explicit AggregationDryRun(PendoClient &client, QObject *parent = nullptr);
    ~AggregationDryRun() override;

    /** The day buckets' time zone (the subscription's); UTC by default. */
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    /** False (with failed() not emitted) when the pipeline is invalid; *error says why. */
    bool start(const QString &pipelineText, QDate day, const QString &accountId, QString *error = nullptr);
    void cancel();
    bool isRunning() const { return m_call != nullptr; }

Q_SIGNALS:
    void finished(const PreviewResult &result);
    void failed(const QString &message);
    void canceled();

private:
    void onFinished();

    PendoClient &m_client;
    QTimeZone m_zone = QTimeZone::utc();
    QPointer<PendoCall> m_call;
};

/**
 * Fetches a saved report's rows (GET report/{id}/results.json) and infers its columns, for the
 * report mapping's preview. One request at a time. Lives on the client's thread.
 */
class ReportPreview final : public QObject
{
    Q_OBJECT

public:
    explicit ReportPreview(PendoClient &client, QObject *parent = nullptr);
    ~ReportPreview() override;

    void start(const QString &reportId);
    void cancel();
    bool isRunning() const { return m_call != nullptr; }

Q_SIGNALS:
    void finished(const QString &reportId, const PreviewResult &result);
    void failed(const QString &reportId, const QString &message);

private:
    void onFinished();

    PendoClient &m_client;
    QString m_reportId;
    QPointer<PendoCall> m_call;
};
