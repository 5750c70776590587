#include "SimProcess.h"

#include "pendo/PendoClient.h"
#include "sync/DryRun.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

const QString pipelineText = QStringLiteral(
    "[\n"
    "  {\"source\": {\"featureEvents\": {\"appId\": \"expandAppIds(\\\"*\\\")\"},\n"
    "              \"timeSeries\": {\"period\": \"dayRange\", \"first\": \"now()\", \"count\": -30}}},\n"
    "  {\"group\": {\"group\": [\"accountId\", \"day\"],\n"
    "             \"fields\": {\"clicks\": {\"sum\": \"numEvents\"}, \"users\": {\"count\": \"visitorId\"}}}}\n"
    "]");

const QTimeZone newYork(QByteArrayLiteral("America/New_York"));
const QDate day(2026, 11, 17);

} // namespace

/** The aggregation dry run and the report preview against pendo-sim on loopback. */
class TestDryRun : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimProcess> m_sim;
    std::unique_ptr<PendoClient> m_client;

    /** An account with feature activity on `day`, found with a plain aggregation. */
    QString activeAccount()
    {
        const QJsonArray pipeline{
            QJsonObject{{QStringLiteral("source"),
                         QJsonObject{{QStringLiteral("featureEvents"), QJsonValue::Null},
                                     {QStringLiteral("timeSeries"),
                                      QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                                  {QStringLiteral("first"), double(day.startOfDay(newYork).toMSecsSinceEpoch())},
                                                  {QStringLiteral("count"), 1}}}}}},
            QJsonObject{{QStringLiteral("identified"), QStringLiteral("accountId")}},
            QJsonObject{{QStringLiteral("sort"), QJsonArray{QStringLiteral("accountId")}}},
            QJsonObject{{QStringLiteral("limit"), 1}}};
        PendoCall *call = m_client->aggregate(QJsonObject{{QStringLiteral("pipeline"), pipeline}});
        QSignalSpy done(call, &PendoCall::finished);
        if (!done.wait(30000) || call->error().isError())
            return {};
        const QJsonArray rows = QJsonDocument::fromJson(call->body()).object().value(QStringLiteral("results")).toArray();
        call->deleteLater();
        return rows.isEmpty() ? QString() : rows.first().toObject().value(QStringLiteral("accountId")).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimProcess>(QStringList{QStringLiteral("--key"), QStringLiteral("K"),
                                                         QStringLiteral("--accounts"), QStringLiteral("20"),
                                                         QStringLiteral("--seed"), QStringLiteral("3"),
                                                         QStringLiteral("--now"), QStringLiteral("2026-11-18T15:00:00Z")});
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
        ClientConfig config;
        config.baseUrl = m_sim->url();
        config.integrationKey = QByteArrayLiteral("K");
        m_client = std::make_unique<PendoClient>(config);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_sim.reset();
    }

    void preparedPipelineCoversOneDayAndOneAccount()
    {
        QString error;
        const auto pipeline = dryrun::preparePipeline(pipelineText, day, QStringLiteral("A\"1"), newYork, &error);
        QVERIFY2(pipeline, qPrintable(error));
        QCOMPARE(pipeline->size(), 3);
        const QJsonObject timeSeries = pipeline->at(0).toObject().value(QStringLiteral("source")).toObject()
                                           .value(QStringLiteral("timeSeries")).toObject();
        QCOMPARE(timeSeries.value(QStringLiteral("period")).toString(), QStringLiteral("dayRange"));
        QCOMPARE(qint64(timeSeries.value(QStringLiteral("first")).toDouble()), day.startOfDay(newYork).toMSecsSinceEpoch());
        QCOMPARE(timeSeries.value(QStringLiteral("count")).toInt(), 1);
        QVERIFY(!timeSeries.contains(QStringLiteral("last")));
        QCOMPARE(pipeline->at(1).toObject().value(QStringLiteral("filter")).toString(),
                 QStringLiteral("accountId == \"A\\\"1\""));
    }

    void invalidPipelinesAreRefusedLocally_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QStringLiteral("[{\"source\": }]") << QStringLiteral("Not valid JSON at line 1");
        QTest::newRow("object") << QStringLiteral("{\"source\": {}}") << QStringLiteral("must be a list of stages");
        QTest::newRow("empty") << QStringLiteral("[]") << QStringLiteral("no stages");
        QTest::newRow("object source") << QStringLiteral("[{\"source\": {\"accounts\": null}}]")
                                       << QStringLiteral("'accounts' is not an event source");
        QTest::newRow("no time series") << QStringLiteral("[{\"source\": {\"pageEvents\": null}}]")
                                        << QStringLiteral("needs a timeSeries");
    }

    void invalidPipelinesAreRefusedLocally()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        AggregationDryRun run(*m_client);
        QSignalSpy failed(&run, &AggregationDryRun::failed);
        QString error;
        QVERIFY(!run.start(text, day, QStringLiteral("A1"), &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(!run.isRunning());
        QCOMPARE(failed.count(), 0);
    }

    void dryRunReturnsRowsAndColumns()
    {
        const QString account = activeAccount();
        QVERIFY(!account.isEmpty());
        AggregationDryRun run(*m_client);
        run.setTimeZone(newYork);
        QSignalSpy finished(&run, &AggregationDryRun::finished);
        QSignalSpy failed(&run, &AggregationDryRun::failed);
        QString error;
        QVERIFY2(run.start(pipelineText, day, account, &error), qPrintable(error));
        QVERIFY(run.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 30000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QVERIFY(!run.isRunning());
        const auto result = finished.first().first().value<PreviewResult>();
        QCOMPARE(result.rows.size(), 1);
        const QJsonObject row = result.rows.first().toObject();
        QCOMPARE(row.value(QStringLiteral("accountId")).toString(), account);
        QCOMPARE(qint64(row.value(QStringLiteral("day")).toDouble()), day.startOfDay(newYork).toMSecsSinceEpoch());
        QVERIFY(row.value(QStringLiteral("clicks")).toDouble() > 0);

        QHash<QString, ValueType> types;
        for (const InferredColumn &column : result.columns)
            types.insert(column.name, column.type);
        QCOMPARE(types.value(QStringLiteral("accountId"), ValueType::Bool), ValueType::Text);
        QCOMPARE(types.value(QStringLiteral("day"), ValueType::Bool), ValueType::Timestamp);
        QCOMPARE(types.value(QStringLiteral("clicks"), ValueType::Bool), ValueType::Number);
        QCOMPARE(types.value(QStringLiteral("users"), ValueType::Bool), ValueType::Number);
    }

    void unknownAccountGivesNoRows()
    {
        AggregationDryRun run(*m_client);
        QSignalSpy finished(&run, &AggregationDryRun::finished);
        QVERIFY(run.start(pipelineText, day, QStringLiteral("NO-SUCH-ACCOUNT")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.first().first().value<PreviewResult>().rows.isEmpty());
    }

    void serverRejectionIsReported()
    {
        AggregationDryRun run(*m_client);
        QSignalSpy failed(&run, &AggregationDryRun::failed);
        const QString text = QStringLiteral("[{\"source\": {\"featureEvents\": null, \"timeSeries\": {\"period\": \"dayRange\"}}},"
                                            " {\"skip\": 5}]");
        QVERIFY(run.start(text, day, QStringLiteral("A1")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("skip")),
                 qPrintable(failed.first().first().toString()));
    }

    void cancelStopsTheRun()
    {
        AggregationDryRun run(*m_client);
        QSignalSpy finished(&run, &AggregationDryRun::finished);
        QSignalSpy canceled(&run, &AggregationDryRun::canceled);
        QVERIFY(run.start(pipelineText, day, QStringLiteral("A1")));
        run.cancel();
        QCOMPARE(canceled.count(), 1);
        QVERIFY(!run.isRunning());
        // A later round trip on the same client completes; the canceled run still reports nothing.
        PendoCall *barrier = m_client->get(QStringLiteral("report"));
        QSignalSpy done(barrier, &PendoCall::finished);
        QVERIFY(done.wait(30000));
        barrier->deleteLater();
        QCOMPARE(finished.count(), 0);
    }

    void reportPreviewInfersTypes()
    {
        PendoCall *list = m_client->get(QStringLiteral("report"));
        QSignalSpy listed(list, &PendoCall::finished);
        QVERIFY(listed.wait(30000));
        QVERIFY(!list->error().isError());
        QString reportId;
        for (const QJsonValue &report : QJsonDocument::fromJson(list->body()).array()) {
            if (report.toObject().value(QStringLiteral("name")).toString().startsWith(QStringLiteral("Active visitors")))
                reportId = report.toObject().value(QStringLiteral("id")).toString();
        }
        list->deleteLater();
        QVERIFY(!reportId.isEmpty());

        ReportPreview preview(*m_client);
        QSignalSpy finished(&preview, &ReportPreview::finished);
        QSignalSpy failed(&preview, &ReportPreview::failed);
        preview.start(reportId);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count() + failed.count(), 1, 30000);
        QVERIFY(failed.isEmpty());
        QCOMPARE(finished.first().at(0).toString(), reportId);
        const auto result = finished.first().at(1).value<PreviewResult>();
        QVERIFY(!result.rows.isEmpty());
        QHash<QString, ValueType> types;
        for (const InferredColumn &column : result.columns)
            types.insert(column.name, column.type);
        QCOMPARE(types.value(QStringLiteral("visitor_id"), ValueType::Bool), ValueType::Text);
        QCOMPARE(types.value(QStringLiteral("num_events"), ValueType::Bool), ValueType::Number);
        QCOMPARE(types.value(QStringLiteral("visitor_auto_lastvisit"), ValueType::Bool), ValueType::Timestamp);

        preview.start(QStringLiteral("no-such-report"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("no-such-report"));
    }

    void inferColumnsFromMixedRows()
    {
        const QJsonArray rows = QJsonDocument::fromJson(
                                    "[{\"a\": 1, \"b\": true, \"createdAt\": 1763478000000, \"c\": \"x\", \"d\": null},"
                                    " {\"a\": 2.5, \"b\": false, \"createdAt\": 1763478000001, \"c\": 3, \"e\": {}}]")
                                    .array();
        const QList<InferredColumn> columns = dryrun::inferColumns(rows);
        QCOMPARE(columns.size(), 6);
        QCOMPARE(columns.at(0), (InferredColumn{QStringLiteral("a"), ValueType::Number}));
        QCOMPARE(columns.at(1), (InferredColumn{QStringLiteral("b"), ValueType::Bool}));
        QCOMPARE(columns.at(2), (InferredColumn{QStringLiteral("c"), ValueType::Text}));
        QCOMPARE(columns.at(3), (InferredColumn{QStringLiteral("createdAt"), ValueType::Timestamp}));
        QCOMPARE(columns.at(4), (InferredColumn{QStringLiteral("d"), ValueType::Text}));
        QCOMPARE(columns.at(5), (InferredColumn{QStringLiteral("e"), ValueType::Text}));
    }
};

QTEST_GUILESS_MAIN(TestDryRun)
#include "tst_dryrun.moc"
