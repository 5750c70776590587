#include "SimProcess.h"
#include "TestSupport.h"

#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncEngine.h"
#include "sync/ActivityExport.h"
#include "sync/ConfigStore.h"
#include "sync/SyncHistory.h"
#include "store/WriteTransaction.h"

#include <QHostInfo>
#include <QProcess>

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace {

const QString key = QStringLiteral("pendo-sim-key");

QStringList smallSubscription()
{
    return {QStringLiteral("--accounts"), QStringLiteral("12"), QStringLiteral("--visitors-per-account"),
            QStringLiteral("4"), QStringLiteral("--features"), QStringLiteral("8"), QStringLiteral("--pages"),
            QStringLiteral("5"), QStringLiteral("--history-days"), QStringLiteral("60")};
}

/** Every raw activity row with Pendo's own ids, as `activity export` writes them: what two equal workspaces must agree on. */
QString activityDump(QSqlDatabase db)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const ActivityExport::Result result = ActivityExport::write(db, &buffer, {});
    if (!result.ok())
        qWarning() << "export:" << result.error;
    return QString::fromUtf8(buffer.data());
}

/** "Now" fixed (and movable) for the engine's thread and the test's; real timers for waits. */
class FixedClock final : public Clock
{
public:
    explicit FixedClock(qint64 now)
        : m_now(now)
    {
    }
    qint64 nowMs() const override { return m_now.load(); }
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> callback) override
    {
        QTimer::singleShot(delay, context, std::move(callback));
    }
    double random() override { return 0.5; }
    void setNowMs(qint64 now) { m_now.store(now); }

private:
    std::atomic<qint64> m_now;
};

/**
 * A fixed instant a little after noon in New York, a few days ago (so today has data), on a
 * Wednesday to Friday: the simulator runs weekends at a tenth, and a three-day window that
 * touched one would hold too little for the tests that need today to grow or the disk to fill.
 */
qint64 simNow()
{
    static const qint64 now = [] {
        const QTimeZone zone("America/New_York");
        QDate day = QDateTime::currentDateTimeUtc().toTimeZone(zone).date().addDays(-3);
        while (day.dayOfWeek() < Qt::Wednesday || day.dayOfWeek() > Qt::Friday)
            day = day.addDays(-1);
        return QDateTime(day, QTime(13, 30), zone).toMSecsSinceEpoch();
    }();
    return now;
}

QStringList simArguments(qint64 now = simNow())
{
    return smallSubscription() << QStringLiteral("--now") << QString::number(now);
}

SyncEngine::Options quickOptions()
{
    SyncEngine::Options options;
    options.retry.maxAttempts = 2;
    options.retry.baseDelay = std::chrono::milliseconds(5);
    options.retry.maxDelay = std::chrono::milliseconds(20);
    options.requestTimeout = std::chrono::milliseconds(1500);
    return options;
}

/** Quick retries and one request in flight: scripted faults meet the requests in a known order. */
void oneRequestAtATime(TestWorkspace &workspace)
{
    SyncEngine::Options options = quickOptions();
    options.concurrency = 1;
    workspace.session().syncEngine().setOptions(options);
}

SyncRequest backfill(int days, bool refreshCatalog = true)
{
    SyncRequest request;
    request.kind = SyncRequest::Kind::Backfill;
    request.backfillDays = days;
    request.refreshCatalog = refreshCatalog;
    return request;
}

QString logText(QSqlDatabase db, qint64 runId)
{
    QString out;
    for (const SyncLogEntry &e : SyncHistory::log(db, runId))
        out += e.errorClass + QLatin1Char(' ') + e.message + QLatin1Char('\n');
    return out;
}

} // namespace

class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    static SyncRunSummary runSync(WorkspaceSession &session, const QUrl &url, const SyncRequest &request)
    {
        SyncEngine &engine = session.syncEngine();
        QSignalSpy finished(&engine, &SyncEngine::finished);
        ClientConfig client;
        client.baseUrl = url;
        client.integrationKey = key.toUtf8();
        QString problem;
        if (!engine.start(request, client, &problem)) {
            qWarning() << problem;
            return {};
        }
        if (!finished.wait(120000))
            return {};
        return finished.takeFirst().at(0).value<SyncRunSummary>();
    }

    /** The activity of a clean `days`-day backfill against `sim`, to compare other runs with. */
    QString reference(const QUrl &url, int days)
    {
        const QString key = url.toString() + QLatin1Char('/') + QString::number(days);
        if (!m_references.contains(key)) {
            FixedClock clock(simNow());
            TestWorkspace workspace(clock);
            const SyncRunSummary run = runSync(workspace.session(), url, backfill(days));
            if (run.status != SyncStatus::Completed)
                qWarning() << "reference run:" << run.statusText();
            const QString dump = activityDump(workspace.database().connection());
            // A reference without rows would let any comparison with it pass: it must fail them instead.
            m_references.insert(key, dump.count(QLatin1Char('\n')) > 1 ? dump : QStringLiteral("the reference run landed no activity"));
        }
        return m_references.value(key);
    }

    /**
     * A workspace with the catalog and nothing synced: a one-day run, then its windows dropped, so
     * the faults a test scripts next meet activity windows (not the catalog refresh).
     */
    static bool withCatalogOnly(TestWorkspace &workspace, const QUrl &url)
    {
        if (runSync(workspace.session(), url, backfill(1)).status != SyncStatus::Completed)
            return false;
        return !workspace.write([](WriteTransaction &tx) {
            return tx.exec(QStringLiteral("DELETE FROM pendo_activity")) && tx.exec(QStringLiteral("DELETE FROM sync_windows"));
        });
    }

    QHash<QString, QString> m_references;

private Q_SLOTS:
    void faultsEndInACorrectDatabaseWithTheFailureInTheLog_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("logged");
        QTest::newRow("429") << QStringLiteral("429") << QStringLiteral("rate-limited");
        QTest::newRow("500") << QStringLiteral("500") << QStringLiteral("server-error");
        QTest::newRow("502 html") << QStringLiteral("502") << QStringLiteral("html-error-page");
        QTest::newRow("503 html") << QStringLiteral("503") << QStringLiteral("html-error-page");
        QTest::newRow("truncated") << QStringLiteral("truncate") << QStringLiteral("truncated-body");
        QTest::newRow("malformed") << QStringLiteral("malformed") << QStringLiteral("malformed-json");
        QTest::newRow("hang") << QStringLiteral("hang") << QStringLiteral("timeout");
        QTest::newRow("slow") << QStringLiteral("slow") << QString();
    }

    void faultsEndInACorrectDatabaseWithTheFailureInTheLog()
    {
        QFETCH(QString, fault);
        QFETCH(QString, logged);
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        const QString expected = reference(sim.url(), 3);
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        oneRequestAtATime(workspace);
        // The catalog first, so the scripted faults meet activity windows.
        QVERIFY(withCatalogOnly(workspace, sim.url()));
        // One fault, answered on the retry. A hang hits the request and its retry, so the day is pulled
        // hour by hour; it is aimed at yesterday's features of the first app (after today's six windows and
        // yesterday's two activity windows): yesterday's hours are complete, and a feature's use falls in one
        // hour, so its hours add up to the day exactly. (The activity stream's minutes are counted per
        // bucket by Pendo, so hours of it may add up to a minute or two more than the day.)
        QJsonArray script;
        if (fault == QLatin1String("hang")) {
            for (int i = 0; i < 8; ++i)
                script << QStringLiteral("none");
            script << fault << fault;
        } else {
            script << fault;
        }
        QVERIFY(sim.admin(QStringLiteral("/_sim/faults"),
                          QJsonObject{{QStringLiteral("script"), script}, {QStringLiteral("slowMs"), 300}}));
        const SyncRunSummary run = runSync(workspace.session(), sim.url(), backfill(3, false));
        QVERIFY2(run.status == SyncStatus::Completed, qPrintable(run.statusText()));
        QCOMPARE(activityDump(workspace.database().connection()), expected);
        if (!logged.isEmpty())
            QVERIFY2(logText(workspace.database().connection(), run.runId).contains(logged),
                     qPrintable(logText(workspace.database().connection(), run.runId)));
        if (fault == QLatin1String("hang"))
            QCOMPARE(run.windowsSplit, 1);
    }

    void aWindowThatStillFailsIsRecordedAndPulledNextRun()
    {
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        const QString expected = reference(sim.url(), 3);
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        oneRequestAtATime(workspace);
        QVERIFY(withCatalogOnly(workspace, sim.url()));
        QVERIFY(sim.admin(QStringLiteral("/_sim/faults"),
                          QJsonObject{{QStringLiteral("script"), QJsonArray{QStringLiteral("500"), QStringLiteral("500")}}}));
        const SyncRunSummary failed = runSync(workspace.session(), sim.url(), backfill(3, false));
        QCOMPARE(failed.status, SyncStatus::CompletedWithFailures);
        QCOMPARE(failed.windowsFailed, 1);
        QCOMPARE(failed.statusText(), QStringLiteral("completed with 1 failed window(s)"));
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT error_class, attempts FROM sync_windows WHERE status = 'failed'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("server-error"));
        QCOMPARE(q.value(1).toInt(), 1);
        QVERIFY(!q.next());
        q.finish();
        // The next run pulls the failed window again.
        const SyncRunSummary next = runSync(workspace.session(), sim.url(), backfill(3, false));
        QVERIFY2(next.status == SyncStatus::Completed, qPrintable(next.statusText()));
        QCOMPARE(activityDump(workspace.database().connection()), expected);
        const SyncHistory::Coverage coverage = SyncHistory::coverage(workspace.database().connection());
        QCOMPARE(coverage.failedWindows, 0);
    }

    void aRevokedKeyStopsTheRunAndKeepsEveryFinishedWindow()
    {
        SimProcess sim(simArguments() << QStringLiteral("--key") << key << QStringLiteral("--fault-slow")
                                      << QStringLiteral("1") << QStringLiteral("--slow-ms") << QStringLiteral("50"));
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        SyncEngine &engine = workspace.session().syncEngine();
        engine.setOptions(quickOptions());
        bool revoked = false;
        connect(&engine, &SyncEngine::progress, this, [&](const SyncProgress &p) {
            if (!revoked && p.windowsDone >= 6) {
                revoked = true;
                sim.admin(QStringLiteral("/_sim/keys"), QJsonObject{{QStringLiteral("revoke"), key}});
            }
        });
        const SyncRunSummary run = runSync(workspace.session(), sim.url(), backfill(20));
        QVERIFY(revoked);
        QCOMPARE(run.status, SyncStatus::Failed);
        QCOMPARE(run.errorClass, QStringLiteral("invalid-key-or-region"));
        QVERIFY2(run.error.contains(QStringLiteral("refused the key")), qPrintable(run.error));
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), SUM(rows_in) FROM sync_windows WHERE status <> 'failed'")) && q.next());
        const int kept = q.value(0).toInt();
        QVERIFY(kept >= 6);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM pendo_activity")) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        q.finish();
        QVERIFY(sim.admin(QStringLiteral("/_sim/keys"), QJsonObject{{QStringLiteral("add"), key}}));
        const SyncRunSummary resumed = runSync(workspace.session(), sim.url(), backfill(20));
        QVERIFY2(resumed.status == SyncStatus::Completed, qPrintable(resumed.statusText()));
        QVERIFY(resumed.windowsTotal < 120); // finished windows were not pulled again
        QCOMPARE(activityDump(workspace.database().connection()), reference(sim.url(), 20));
    }

    void cancelEndsWithinASecondAndTheNextRunResumes()
    {
        SimProcess sim(simArguments() << QStringLiteral("--fault-slow") << QStringLiteral("1")
                                      << QStringLiteral("--slow-ms") << QStringLiteral("400"));
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        SyncEngine &engine = workspace.session().syncEngine();
        QSignalSpy finished(&engine, &SyncEngine::finished);
        QElapsedTimer sinceCancel;
        connect(&engine, &SyncEngine::progress, this, [&](const SyncProgress &p) {
            if (!sinceCancel.isValid() && p.windowsDone >= 2) {
                sinceCancel.start();
                engine.cancel();
            }
        });
        ClientConfig client;
        client.baseUrl = sim.url();
        client.integrationKey = key.toUtf8();
        QVERIFY(engine.start(backfill(30), client));
        QVERIFY(finished.wait(60000));
        const qint64 took = sinceCancel.elapsed();
        const auto run = finished.takeFirst().at(0).value<SyncRunSummary>();
        QCOMPARE(run.status, SyncStatus::Canceled);
        QVERIFY2(took < 1000, qPrintable(QString::number(took)));
        QVERIFY(run.windowsDone < run.windowsTotal);
        // The canceled range is resumed by a plain sync.
        SyncRequest manual;
        const SyncRunSummary next = runSync(workspace.session(), sim.url(), manual);
        QVERIFY2(next.status == SyncStatus::Completed, qPrintable(next.statusText()));
        QCOMPARE(next.fromDay, run.fromDay);
        QCOMPARE(activityDump(workspace.database().connection()), reference(sim.url(), 30));
    }

    void theLeaseKeepsOneRunPerWorkspace()
    {
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        const auto setLease = [&](const QString &holder, qint64 expires) {
            return workspace.write([&](WriteTransaction &tx) {
                QSqlQuery q(tx.db());
                q.prepare(QStringLiteral("INSERT OR REPLACE INTO sync_lease (id, holder, acquired_at, expires_ms) "
                                         "VALUES (1, ?, 'x', ?)"));
                q.addBindValue(holder);
                q.addBindValue(expires);
                return tx.exec(q);
            }).isError() == false;
        };
        // A live holder elsewhere: refused, naming it.
        QVERIFY(setLease(QStringLiteral("other-host/4242/1"), simNow() + 60000));
        SyncRunSummary run = runSync(workspace.session(), sim.url(), backfill(1));
        QCOMPARE(run.status, SyncStatus::Failed);
        QCOMPARE(run.errorClass, QStringLiteral("sync-running"));
        QVERIFY(run.error.contains(QStringLiteral("other-host/4242/1")));
        // The same holder's lease after it expired: taken.
        QVERIFY(setLease(QStringLiteral("other-host/4242/1"), simNow() - 1));
        run = runSync(workspace.session(), sim.url(), backfill(1));
        QVERIFY2(run.status == SyncStatus::Completed, qPrintable(run.statusText()));
        // A process of this machine that has ended holds no lease, even before it expires.
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForFinished());
        QVERIFY(setLease(QStringLiteral("%1/%2/1").arg(QHostInfo::localHostName()).arg(gone.processId() ? gone.processId() : 999999),
                         simNow() + 60000));
        run = runSync(workspace.session(), sim.url(), backfill(1));
        QVERIFY2(run.status == SyncStatus::Completed, qPrintable(run.statusText()));
        // A finished run lets go of the lease.
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_lease")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void lateDataInTheSettleWindowIsReplacedNotAdded()
    {
        // The same subscription seen at two moments: three hours later more of today has arrived.
        SimProcess early(simArguments(simNow()));
        SimProcess later(simArguments(simNow() + 3 * 3600 * 1000));
        QVERIFY2(early.isReady() && later.isReady(), qPrintable(early.error() + later.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        QCOMPARE(runSync(workspace.session(), early.url(), backfill(3)).status, SyncStatus::Completed);
        const QString before = activityDump(workspace.database().connection());
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT status FROM sync_windows WHERE day = (SELECT MAX(day) FROM sync_windows) LIMIT 1")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("provisional"));
        q.finish();
        clock.setNowMs(simNow() + 3 * 3600 * 1000);
        QCOMPARE(runSync(workspace.session(), later.url(), backfill(3)).status, SyncStatus::Completed);
        const QString after = activityDump(workspace.database().connection());
        QVERIFY(after != before); // today grew
        // Exactly what a workspace that only ever saw the later state holds: nothing counted twice.
        TestWorkspace fresh(clock);
        QCOMPARE(runSync(fresh.session(), later.url(), backfill(3)).status, SyncStatus::Completed);
        QCOMPARE(after, activityDump(fresh.database().connection()));
    }

    void aBackfillKilledThreeTimesEndsWithTheUninterruptedDatabase()
    {
        SimProcess sim(simArguments() << QStringLiteral("--fault-slow") << QStringLiteral("1")
                                      << QStringLiteral("--slow-ms") << QStringLiteral("40"));
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        QSqlDatabase db = workspace.database().connection();
        const auto windows = [&db] {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_windows")) && q.next() ? q.value(0).toInt() : -1;
        };
        const auto child = [&](QProcess &process) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("BRIDGE_SYNC_CHILD_WORKSPACE"), workspace.path());
            env.insert(QStringLiteral("BRIDGE_SYNC_CHILD_URL"), sim.url().toString());
            process.setProcessEnvironment(env);
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.start(QCoreApplication::applicationFilePath(), {});
            return process.waitForStarted();
        };
        // Killed at three points of the same backfill: early, mid-way, late.
        for (const int killAt : {4, 40, 90}) {
            QProcess process;
            QVERIFY(child(process));
            QTRY_VERIFY_WITH_TIMEOUT(windows() >= killAt || process.state() == QProcess::NotRunning, 60000);
            QVERIFY2(process.state() == QProcess::Running, "the backfill ended before it could be killed");
            ::kill(pid_t(process.processId()), SIGKILL);
            QVERIFY(process.waitForFinished());
            QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        }
        QProcess last;
        QVERIFY(child(last));
        QVERIFY(last.waitForFinished(120000));
        QCOMPARE(last.exitCode(), 0);
        QCOMPARE(activityDump(db), reference(sim.url(), 20));
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'interrupted'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        q.finish();
        // The same backfill once more changes nothing.
        const QString before = activityDump(db);
        QCOMPARE(runSync(workspace.session(), sim.url(), backfill(20)).status, SyncStatus::Completed);
        QCOMPARE(activityDump(db), before);
    }

    void matchingAndAutoCreatedEndUsersFollowTheSync()
    {
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        QVERIFY(withCatalogOnly(workspace, sim.url()));
        // Our CS accounts are Pendo's accounts (no contacts yet); new end users are to be created.
        IntegrationConfig config = IntegrationConfig::defaults();
        config.matching.autoCreateEndUsers = true;
        QVERIFY(!workspace.write([&config](WriteTransaction &tx) {
            QSqlQuery q(tx.db());
            if (!tx.exec(q, QStringLiteral("INSERT INTO accounts (external_id, name, created_at, updated_at) SELECT "
                                           "account_id, account_id, 'x', 'x' FROM pendo_accounts")))
                return false;
            return ConfigStore::save(tx, config, QStringLiteral("test"), QStringLiteral("auto-create")).has_value();
        }));
        const SyncRunSummary run = runSync(workspace.session(), sim.url(), backfill(3, false));
        QVERIFY2(run.status == SyncStatus::Completed, qPrintable(run.statusText()));
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE created_by = 'integration'")) && q.next());
        const int created = q.value(0).toInt();
        QVERIFY(created > 0);
        QVERIFY(logText(workspace.database().connection(), run.runId).contains(QStringLiteral("new end user")));
        // Every active visitor of a matched account now resolves to a contact; what is left unmatched is
        // only visitors without an account, and it is in the report with its volume.
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM match_resolutions WHERE object = 'account' AND status = "
                                      "'matched'")) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_unmatched u JOIN pendo_visitors v ON v.id = u.pendo_ref "
                                      "WHERE u.object = 'contact' AND v.account_id IS NOT NULL AND v.account_id <> ''")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        const QList<SyncHistory::UnmatchedId> unmatched = SyncHistory::unmatched(workspace.database().connection());
        for (const SyncHistory::UnmatchedId &u : unmatched) {
            QVERIFY(u.events > 0);
            QVERIFY(u.activeDays > 0);
        }
        QCOMPARE(run.unmatchedVisitors, int(std::count_if(unmatched.cbegin(), unmatched.cend(), [](const auto &u) {
                     return u.object == QLatin1String("contact");
                 })));
    }

    void reportsAndAggregationsLandAsCustomMetrics()
    {
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        QVERIFY(withCatalogOnly(workspace, sim.url()));
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT pendo_id FROM pendo_catalog_items WHERE kind = 'report' AND name LIKE "
                                      "'Account activity%'")) && q.next());
        const QString reportId = q.value(0).toString();
        q.finish();
        IntegrationConfig config = IntegrationConfig::defaults();
        ReportMapping report;
        report.reportId = reportId;
        report.idColumn = QStringLiteral("account_id");
        report.values = {{QStringLiteral("active_visitors"), QStringLiteral("active_visitors_30d"), ValueType::Number}};
        config.reports << report;
        AggregationMapping aggregation;
        aggregation.name = QStringLiteral("web feature events");
        aggregation.idColumn = QStringLiteral("accountId");
        aggregation.pipeline = QJsonDocument::fromJson(
            "[{\"source\":{\"featureEvents\":{\"appId\":-323232},\"timeSeries\":{\"period\":\"dayRange\","
            "\"first\":\"now()\",\"count\":1}}},{\"identified\":\"visitorId\"},"
            "{\"group\":{\"group\":[\"accountId\"],\"fields\":{\"events\":{\"sum\":\"numEvents\"}}}}]").array();
        aggregation.values = {{QStringLiteral("events"), QStringLiteral("web_feature_events"), ValueType::Number}};
        config.aggregations << aggregation;
        QVERIFY(!workspace.write([&config](WriteTransaction &tx) {
            return ConfigStore::save(tx, config, QStringLiteral("test"), QStringLiteral("metrics")).has_value();
        }));
        const SyncRunSummary run = runSync(workspace.session(), sim.url(), backfill(3, false));
        QVERIFY2(run.status == SyncStatus::Completed, qPrintable(run.statusText()));
        QVERIFY(run.streams.contains(QStringLiteral("reports")) && run.streams.contains(QStringLiteral("aggregations")));
        // The report: one snapshot, dated today, one value per account.
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT day), MIN(value) FROM pendo_metric_values "
                                      "WHERE source = 'report:%1' AND metric = 'active_visitors_30d'").arg(reportId)) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        QCOMPARE(q.value(1).toInt(), 1);
        QVERIFY(q.value(2).toDouble() >= 1);
        // The aggregation, run for each day, agrees with the feature activity synced for that day.
        QVERIFY(q.exec(QStringLiteral(
            "SELECT COUNT(*), SUM(CASE WHEN m.value = (SELECT SUM(a.events) FROM pendo_activity a JOIN pendo_accounts ac "
            "ON ac.id = a.account_ref WHERE a.kind = 1 AND a.app_id = -323232 AND a.day = m.day AND ac.account_id = "
            "m.object_key) THEN 1 ELSE 0 END), COUNT(DISTINCT m.day) FROM pendo_metric_values m WHERE m.source = "
            "'aggregation:web feature events'")) && q.next());
        QVERIFY(q.value(0).toInt() > 0);
        QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
        const int metricDays = q.value(2).toInt();
        // Every day the web app's features were used has its value (a quiet day has none to give).
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(DISTINCT day) FROM pendo_activity WHERE kind = 1 AND app_id = -323232"))
                && q.next());
        QCOMPARE(metricDays, q.value(0).toInt());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_windows WHERE stream = 'aggregation:web feature events' "
                                      "AND status <> 'failed'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 3);
    }

    void aFullDiskStopsTheRunInOneSentenceAndLosesNothing()
    {
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        const QString expected = reference(sim.url(), 3);
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        QVERIFY(withCatalogOnly(workspace, sim.url()));
        // The writer's connection may not grow the file (the pages the dropped day freed are all it has): the
        // disk is as good as full.
        QVERIFY(!workspace.write([](WriteTransaction &tx) {
            QSqlQuery q(tx.db());
            return tx.exec(q, QStringLiteral("PRAGMA page_count")) && q.next()
                   && tx.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(q.value(0).toLongLong()));
        }));
        const SyncRunSummary full = runSync(workspace.session(), sim.url(), backfill(3, false));
        QCOMPARE(full.status, SyncStatus::Failed);
        QCOMPARE(full.errorClass, QStringLiteral("disk-full"));
        QVERIFY2(full.error.startsWith(QStringLiteral("Cannot write to the workspace"))
                     && full.error.contains(QStringLiteral("the disk is full")),
                 qPrintable(full.error));
        QSqlQuery q(workspace.database().connection());
        QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        q.finish();
        // Room again: the next run finishes the rest, and the workspace holds exactly a clean run's activity.
        QVERIFY(!workspace.write([](WriteTransaction &tx) {
            return tx.exec(QStringLiteral("PRAGMA max_page_count = 1073741823"));
        }));
        const SyncRunSummary next = runSync(workspace.session(), sim.url(), backfill(3, false));
        QVERIFY2(next.status == SyncStatus::Completed, qPrintable(next.statusText()));
        QCOMPARE(activityDump(workspace.database().connection()), expected);
    }

    void backfillLandsEveryWindowAndARerunChangesNothing()
    {
        SimProcess sim(simArguments());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        FixedClock clock(simNow());
        TestWorkspace workspace(clock);
        QVERIFY(workspace.isOpen());
        SyncRequest request;
        request.kind = SyncRequest::Kind::Backfill;
        request.backfillDays = 10;
        const SyncRunSummary first = runSync(workspace.session(), sim.url(), request);
        QVERIFY2(first.status == SyncStatus::Completed, qPrintable(first.statusText()));
        QCOMPARE(syncs::key(first.status), QStringLiteral("completed"));
        // activity, features and pages (the default mapping) × 2 apps × 10 days
        QCOMPARE(first.windowsTotal, 60);
        QCOMPARE(first.windowsDone, 60);
        QVERIFY(first.rowsIn > 0);
        const QString before = activityDump(workspace.database().connection());
        QCOMPARE(qint64(before.count(QLatin1Char('\n')) - 1), first.rowsIn); // the header, then every row landed

        const SyncRunSummary second = runSync(workspace.session(), sim.url(), request);
        QCOMPARE(syncs::key(second.status), QStringLiteral("completed"));
        QCOMPARE(second.windowsTotal, 12); // only the settle window (2 days) is pulled again
        QCOMPARE(activityDump(workspace.database().connection()), before);
    }
};

/** The child of the kill test: one 20-day backfill of the given workspace, exit 0 when it completed. */
int runChild(const QString &path, const QUrl &url)
{
    FixedClock clock(simNow());
    MemoryCredentialStore credentials;
    QString error;
    auto session = WorkspaceSession::open(path, credentials, clock, &error);
    if (!session) {
        qCritical() << error;
        return 2;
    }
    ClientConfig client;
    client.baseUrl = url;
    client.integrationKey = key.toUtf8();
    int code = 1;
    QObject::connect(&session->syncEngine(), &SyncEngine::finished, qApp, [&code](const SyncRunSummary &run) {
        code = run.status == SyncStatus::Completed ? 0 : 1;
        QCoreApplication::quit();
    });
    if (!session->syncEngine().start(backfill(20), client))
        return 3;
    QCoreApplication::exec();
    return code;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString childWorkspace = qEnvironmentVariable("BRIDGE_SYNC_CHILD_WORKSPACE");
    if (!childWorkspace.isEmpty())
        return runChild(childWorkspace, QUrl(qEnvironmentVariable("BRIDGE_SYNC_CHILD_URL")));
    TestSyncEngine test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_syncengine.moc"
