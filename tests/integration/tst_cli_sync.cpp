#include "ActivityFixture.h"
#include "CliProcess.h"
#include "SimProcess.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QByteArray key = QByteArrayLiteral("sync-cli-3f1c-key");

} // namespace

/**
 * `sync`, `status` and `activity export` as a script runs them: argument checks (usage errors),
 * exit codes, the status fields after a run, and the export's columns and order. The tests marked
 * "engine" need the sync worker itself (a real backfill against pendo-sim).
 */
class TestCliSync : public QObject
{
    Q_OBJECT

    QProcessEnvironment environment(const SimProcess &sim, const QByteArray &integrationKey = key) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PENDO_BRIDGE_REGION_URLS"), sim.regionOverrides());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain, as on a server
        env.insert(QStringLiteral("PENDO_INTEGRATION_KEY"), QString::fromLatin1(integrationKey));
        return env;
    }

    QString workspace(const QString &name) const { return m_dir.filePath(name); }

    /** A workspace connected to the simulator (the key from the environment). */
    bool connectWorkspace(const QString &path, const SimProcess &sim)
    {
        const CliResult result = runCli(path, {QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("us"),
                                               QStringLiteral("--no-keychain")},
                                        environment(sim));
        if (result.exitCode != 0)
            qWarning("connect: %s", result.err.constData());
        return result.exitCode == 0;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimProcess>(QStringList{QStringLiteral("--key"), QString::fromLatin1(key),
                                                         QStringLiteral("--accounts"), QStringLiteral("12"),
                                                         QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
    }

    void helpDocumentsTheCommandsAndCodes()
    {
        const CliResult result = runCli(workspace(QStringLiteral("help.sqlite")), {QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        for (const char *text : {"sync ", "--backfill-days N", "--streams LIST", "status ", "activity export",
                                 " 11  the sync completed, but some windows failed", "130  the sync was stopped"})
            QVERIFY2(result.out.contains(text), text);
    }

    void badArgumentsAreUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown stream") << QStringList{QStringLiteral("sync"), QStringLiteral("--streams"),
                                                       QStringLiteral("features,clicks")}
                                        << QByteArray("unknown stream \"clicks\"");
        QTest::newRow("empty streams") << QStringList{QStringLiteral("sync"), QStringLiteral("--streams"), QString()}
                                       << QByteArray("at least one stream");
        QTest::newRow("backfill 0") << QStringList{QStringLiteral("sync"), QStringLiteral("--backfill-days"),
                                                   QStringLiteral("0")}
                                    << QByteArray("from 1 to 365");
        QTest::newRow("backfill 366") << QStringList{QStringLiteral("sync"), QStringLiteral("--backfill-days"),
                                                     QStringLiteral("366")}
                                      << QByteArray("from 1 to 365");
        QTest::newRow("backfill text") << QStringList{QStringLiteral("sync"), QStringLiteral("--backfill-days"),
                                                      QStringLiteral("ten")}
                                       << QByteArray("from 1 to 365");
        QTest::newRow("export day") << QStringList{QStringLiteral("activity"), QStringLiteral("export"),
                                                   QStringLiteral("--from"), QStringLiteral("2024-02-30")}
                                    << QByteArray("YYYY-MM-DD");
        QTest::newRow("export range") << QStringList{QStringLiteral("activity"), QStringLiteral("export"),
                                                     QStringLiteral("--from"), QStringLiteral("2024-03-02"),
                                                     QStringLiteral("--to"), QStringLiteral("2024-03-01")}
                                      << QByteArray("is after");
        QTest::newRow("export format") << QStringList{QStringLiteral("activity"), QStringLiteral("export"),
                                                      QStringLiteral("--format"), QStringLiteral("xml")}
                                       << QByteArray("csv or json");
        QTest::newRow("activity what") << QStringList{QStringLiteral("activity"), QStringLiteral("import")}
                                       << QByteArray("Usage: pendo-bridge-cli activity export");
    }

    void badArgumentsAreUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const CliResult result = runCli(workspace(QStringLiteral("usage.sqlite")), args, environment(*m_sim));
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(message), result.err.constData());
    }

    void syncNeedsAConnectionAndAKey()
    {
        const QString path = workspace(QStringLiteral("unconnected.sqlite"));
        CliResult result = runCli(path, {QStringLiteral("sync")}, environment(*m_sim));
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains("not connected to Pendo yet"), result.err.constData());

        QVERIFY(connectWorkspace(path, *m_sim));
        QProcessEnvironment noKey = environment(*m_sim);
        noKey.remove(QStringLiteral("PENDO_INTEGRATION_KEY"));
        result = runCli(path, {QStringLiteral("sync")}, noKey);
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains("No integration key"), result.err.constData());
    }

    void aWorkspaceThatCannotBeOpenedIsCode4()
    {
        const CliResult result = runCli(m_dir.path(), {QStringLiteral("sync")}, environment(*m_sim)); // a folder
        QCOMPARE(result.exitCode, 4);
    }

    void statusBeforeAnyRun()
    {
        const QString path = workspace(QStringLiteral("fresh.sqlite"));
        CliResult result = runCli(path, {QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("running")).toBool(true), false);
        QVERIFY(json.value(QStringLiteral("lastRun")).isNull());
        QVERIFY(json.value(QStringLiteral("coveredFrom")).isNull());
        result = runCli(path, {QStringLiteral("status")});
        QVERIFY2(result.out.contains("No sync has run"), result.out.constData());
    }

    void aRunEndsWithItsSummaryAndExitCode()
    {
        // Whatever the run's outcome, the code is the one documented for its status.
        const QString path = workspace(QStringLiteral("outcome.sqlite"));
        QVERIFY(connectWorkspace(path, *m_sim));
        const CliResult result = runCli(path, {QStringLiteral("sync"), QStringLiteral("--backfill-days"),
                                               QStringLiteral("2"), QStringLiteral("--json")},
                                        environment(*m_sim));
        const QJsonObject json = result.json();
        QVERIFY2(json.contains(QStringLiteral("status")), result.out.constData());
        QCOMPARE(json.value(QStringLiteral("kind")).toString(), QStringLiteral("backfill"));
        QCOMPARE(json.value(QStringLiteral("exitCode")).toInt(), result.exitCode);
        const QString status = json.value(QStringLiteral("status")).toString();
        if (status == QLatin1String("completed"))
            QCOMPARE(result.exitCode, 0);
        else if (status == QLatin1String("completed_with_failures"))
            QCOMPARE(result.exitCode, 11);
        else
            QVERIFY2(result.exitCode != 0 && result.exitCode != 11, qPrintable(status));
        QVERIFY(!result.out.contains(key));
        QVERIFY(!result.err.contains(key));
    }

    void exportHasPendoIdsInAStableOrder()
    {
        const QString forward = workspace(QStringLiteral("export-a.sqlite"));
        const QString reversed = workspace(QStringLiteral("export-b.sqlite"));
        for (const auto &[path, backwards] : {std::pair{forward, false}, std::pair{reversed, true}}) {
            // Written by this process, then closed before the CLI opens the file.
            MemoryCredentialStore credentials;
            QString error;
            std::unique_ptr<WorkspaceSession> session = WorkspaceSession::open(path, credentials, Clock::system(), &error);
            QVERIFY2(session, qPrintable(error));
            QVERIFY2(ActivityFixture::write(session->database().connection(), backwards, &error), qPrintable(error));
            session->database().releaseThreadConnection();
        }
        CliResult a = runCli(forward, {QStringLiteral("activity"), QStringLiteral("export")});
        QCOMPARE(a.exitCode, 0);
        QCOMPARE(a.out, ActivityFixture::expectedCsv());
        const CliResult b = runCli(reversed, {QStringLiteral("activity"), QStringLiteral("export")});
        QCOMPARE(b.out, a.out);

        a = runCli(forward, {QStringLiteral("activity"), QStringLiteral("export"), QStringLiteral("--format"),
                             QStringLiteral("json"), QStringLiteral("--to"), QStringLiteral("2024-03-01")});
        QCOMPARE(a.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(a.out).array();
        QCOMPARE(rows.size(), 8);
        QCOMPARE(rows.first().toObject().keys().size(), 8);
        QCOMPARE(rows.last().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("track_type"));

        const QString out = m_dir.filePath(QStringLiteral("activity.csv"));
        a = runCli(forward, {QStringLiteral("activity"), QStringLiteral("export"), QStringLiteral("--out"), out});
        QCOMPARE(a.exitCode, 0);
        QVERIFY2(a.err.contains("Exported 10 activity rows (2024-03-01 to 2024-03-02)"), a.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), ActivityFixture::expectedCsv());

        a = runCli(forward, {QStringLiteral("activity"), QStringLiteral("export"), QStringLiteral("--out"),
                             m_dir.filePath(QStringLiteral("no/such/folder/activity.csv"))});
        QCOMPARE(a.exitCode, 3);
    }

    // --- engine: these need the sync worker -----------------------------------------------------

    void backfillThenStatusAndExport()
    {
        const QString path = workspace(QStringLiteral("backfill.sqlite"));
        QVERIFY(connectWorkspace(path, *m_sim));
        CliResult result = runCli(path, {QStringLiteral("sync"), QStringLiteral("--backfill-days"), QStringLiteral("5"),
                                         QStringLiteral("--streams"), QStringLiteral("activity,features")},
                                  environment(*m_sim));
        QVERIFY2(result.exitCode == 0, result.err.constData());
        QVERIFY2(result.out.contains("Sync completed: "), result.out.constData());
        QVERIFY(result.out.contains("covered days "));

        result = runCli(path, {QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = result.json();
        const QJsonObject last = json.value(QStringLiteral("lastRun")).toObject();
        QCOMPARE(json.value(QStringLiteral("running")).toBool(true), false);
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(last.value(QStringLiteral("kind")).toString(), QStringLiteral("backfill"));
        QVERIFY(last.value(QStringLiteral("rowsIn")).toInteger() > 0);
        QCOMPARE(last.value(QStringLiteral("failedWindows")).toInt(-1), 0);
        QVERIFY(last.contains(QStringLiteral("rowsSkipped")));
        QVERIFY(!last.value(QStringLiteral("startedAt")).toString().isEmpty());
        QVERIFY(!last.value(QStringLiteral("finishedAt")).toString().isEmpty());
        const QDate from = QDate::fromString(json.value(QStringLiteral("coveredFrom")).toString(), Qt::ISODate);
        const QDate to = QDate::fromString(json.value(QStringLiteral("coveredTo")).toString(), Qt::ISODate);
        QVERIFY(from.isValid() && to.isValid());
        QCOMPARE(from.daysTo(to), 4);

        result = runCli(path, {QStringLiteral("activity"), QStringLiteral("export")});
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> lines = result.out.split('\n');
        QCOMPARE(lines.first(), QByteArray("day,app,kind,item,visitor,account,events,minutes\r"));
        QVERIFY(lines.size() > 2);
        // Sorted by the exported text: a second export of the same data is the same bytes.
        QCOMPARE(runCli(path, {QStringLiteral("activity"), QStringLiteral("export")}).out, result.out);
    }

    void aRefusedKeyIsCode6()
    {
        const QString path = workspace(QStringLiteral("refused.sqlite"));
        QVERIFY(connectWorkspace(path, *m_sim));
        const CliResult result = runCli(path, {QStringLiteral("sync"), QStringLiteral("--backfill-days"),
                                               QStringLiteral("1"), QStringLiteral("--json")},
                                        environment(*m_sim, QByteArrayLiteral("not-the-key")));
        QCOMPARE(result.exitCode, 6);
        QCOMPARE(result.json().value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    }

    void anUnreachablePendoIsCode7()
    {
        const QString path = workspace(QStringLiteral("unreachable.sqlite"));
        QProcessEnvironment env;
        {
            SimProcess gone({QStringLiteral("--key"), QString::fromLatin1(key)});
            QVERIFY2(gone.isReady(), qPrintable(gone.error()));
            env = environment(gone);
            QVERIFY(connectWorkspace(path, gone));
        } // the simulator is gone; its port refuses connections
        const CliResult result = runCli(path, {QStringLiteral("sync"), QStringLiteral("--backfill-days"),
                                               QStringLiteral("1"), QStringLiteral("--timeout"), QStringLiteral("5")},
                                        env);
        QCOMPARE(result.exitCode, 7);
    }

    void aWindowThatKeepsFailingIsCode11()
    {
        SimProcess failing({QStringLiteral("--key"), QString::fromLatin1(key), QStringLiteral("--accounts"),
                            QStringLiteral("5")});
        QVERIFY2(failing.isReady(), qPrintable(failing.error()));
        const QString path = workspace(QStringLiteral("failing.sqlite"));
        QVERIFY(connectWorkspace(path, failing));
        QCOMPARE(runCli(path, {QStringLiteral("sync"), QStringLiteral("--backfill-days"), QStringLiteral("2")},
                        environment(failing))
                     .exitCode,
                 0);
        // From now on every aggregation fails: the settle window's activity windows fail after their retries
        // (the catalog refresh fails too, and the run goes on with the catalog it has).
        QVERIFY(failing.admin(QStringLiteral("/_sim/faults"),
                              QJsonObject{{QStringLiteral("rate500"), 1},
                                          {QStringLiteral("pathPrefix"), QStringLiteral("/api/v1/aggregation")}}));
        const CliResult result = runCli(path, {QStringLiteral("sync"), QStringLiteral("--streams"),
                                               QStringLiteral("activity"), QStringLiteral("--json")},
                                        environment(failing));
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("completed_with_failures"));
        QCOMPARE(json.value(QStringLiteral("failedWindows")).toInt(), 4); // 2 days × 2 apps
        QCOMPARE(result.exitCode, 11);
    }

    void aBackfillKilledThreeTimesExportsWhatAnUninterruptedOneDoes()
    {
        SimProcess slow({QStringLiteral("--key"), QString::fromLatin1(key), QStringLiteral("--accounts"),
                         QStringLiteral("12"), QStringLiteral("--seed"), QStringLiteral("3"),
                         QStringLiteral("--fault-slow"), QStringLiteral("1"), QStringLiteral("--slow-ms"),
                         QStringLiteral("40")});
        QVERIFY2(slow.isReady(), qPrintable(slow.error()));
        const QStringList backfill{QStringLiteral("sync"), QStringLiteral("--backfill-days"), QStringLiteral("20")};

        const QString clean = workspace(QStringLiteral("uninterrupted.sqlite"));
        QVERIFY(connectWorkspace(clean, slow));
        QCOMPARE(runCli(clean, backfill, environment(slow)).exitCode, 0);
        const QByteArray expected = runCli(clean, {QStringLiteral("activity"), QStringLiteral("export")}).out;
        QVERIFY(expected.count('\n') > 100);

        const QString path = workspace(QStringLiteral("killed.sqlite"));
        QVERIFY(connectWorkspace(path, slow));
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("killed"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        const auto windows = [&db] {
            QSqlQuery q(db);
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM sync_windows")) && q.next() ? q.value(0).toInt() : 0;
        };
        for (const int killAt : {3, 40, 90}) {
            QProcess process;
            process.setProcessEnvironment(environment(slow));
            process.start(QStringLiteral(BRIDGE_CLI_PATH), QStringList{QStringLiteral("--workspace"), path} + backfill);
            QVERIFY(process.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(windows() >= killAt || process.state() == QProcess::NotRunning, 60000);
            QVERIFY2(process.state() == QProcess::Running, "the backfill ended before it could be killed");
            ::kill(pid_t(process.processId()), SIGKILL);
            QVERIFY(process.waitForFinished());
        }
        CliResult resumed = runCli(path, backfill, environment(slow));
        QCOMPARE(resumed.exitCode, 0);
        QCOMPARE(runCli(path, {QStringLiteral("activity"), QStringLiteral("export")}).out, expected);
        // The same backfill once more changes nothing.
        resumed = runCli(path, backfill, environment(slow));
        QCOMPARE(resumed.exitCode, 0);
        QCOMPARE(runCli(path, {QStringLiteral("activity"), QStringLiteral("export")}).out, expected);
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("killed"));
    }

    void sigintCancelsCleanly()
    {
        // Enough data that the year is still being pulled when the signal comes.
        SimProcess large({QStringLiteral("--key"), QString::fromLatin1(key), QStringLiteral("--accounts"),
                         QStringLiteral("200")});
        QVERIFY2(large.isReady(), qPrintable(large.error()));
        const QString path = workspace(QStringLiteral("canceled.sqlite"));
        QVERIFY(connectWorkspace(path, large));
        QProcess process;
        process.setProcessEnvironment(environment(large));
        process.start(QStringLiteral(BRIDGE_CLI_PATH), {QStringLiteral("--workspace"), path, QStringLiteral("sync"),
                                                        QStringLiteral("--backfill-days"), QStringLiteral("365")});
        QVERIFY(process.waitForStarted());
        // Plain progress lines (not a terminal): wait until windows are being pulled.
        QByteArray out;
        while (!out.contains(" windows") && process.waitForReadyRead(60000))
            out += process.readAllStandardOutput();
        QVERIFY2(out.contains(" windows"), process.readAllStandardError().constData());
        ::kill(pid_t(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QByteArray err = process.readAllStandardError();
        QVERIFY2(err.contains("Stopping the sync"), err.constData());
        QCOMPARE(process.exitCode(), 130);

        const CliResult status = runCli(path, {QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(status.json().value(QStringLiteral("running")).toBool(true), false);
        QCOMPARE(status.json().value(QStringLiteral("lastRun")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("canceled"));
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_cli_sync.moc"
