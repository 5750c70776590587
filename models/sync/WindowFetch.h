#pragma once

#include "ActivityLanding.h"
#include "IntegrationConfig.h"
#include "pendo/AggregationBatch.h"
#include "pendo/AggregationDecoder.h"
#include "pendo/PendoError.h"

#include <QObject>
#include <QPointer>
#include <QTimeZone>

#include <memory>

class PendoCall;
class PendoClient;

/**
 * Pulls one window: activity streams as pipelines grouped server-side to (visitor, account, item)
 * for the window's app and day, keyset-paged and decoded by streaming into a columnar batch, ids
 * mapped to the workspace's integer ids as they are decoded; a mapped aggregation run for the day;
 * a saved report's results. A day that times out is pulled again hour by hour. Lives on the
 * engine thread; finished() once.
 */
class WindowFetch final : public QObject
{
    Q_OBJECT

public:
    WindowFetch(PendoClient *client, const IdDictionary &ids, const IntegrationConfig &config, SyncWindow window,
                const QTimeZone &zone, int pageSize, QObject *parent = nullptr);
    ~WindowFetch() override;

    void start();
    void abort();
    const SyncWindow &window() const { return m_rows.window; }
    WindowRows takeRows() { return std::move(m_rows); }
    bool wasSplit() const { return m_rows.pieces > 1; }
    int requests() const { return m_rows.requests; }
    bool wasThrottled() const { return m_throttled; }
    /** Errors that were retried and then recovered from (error codes), for the run log. */
    const QStringList &recovered() const { return m_recovered; }

    /** The pipeline of one page of an activity window (exposed for tests and the benchmark). */
    static QJsonArray activityPipeline(SyncStream stream, qint64 appId, qint64 firstMs, int hours,
                                       const QString &after, int pageSize);
    /** The fields decoded from an activity stream's rows. */
    static QStringList activityFields(SyncStream stream);

Q_SIGNALS:
    void requestStarted();
    void finished(const PendoError &error);

private:
    void nextPage();
    void onPage(PendoCall *call);
    void startMetric();
    void onMetric(PendoCall *call);
    void split();
    void done(const PendoError &error);

    PendoClient *m_client;
    const IntegrationConfig &m_config;
    const QTimeZone m_zone;
    const int m_pageSize;
    WindowRows m_rows;
    ActivityRowMapper m_mapper; // fills m_rows
    qint64 m_dayStartMs = 0;
    int m_dayHours = 24;
    int m_piece = 0;     // the piece being pulled (hours when split)
    QString m_after;     // the keyset filter for the next page
    AggregationDecoder m_decoder;
    AggregationBatch m_batch;
    QPointer<PendoCall> m_call;
    bool m_throttled = false;
    QStringList m_recovered;
    bool m_done = false;
};
