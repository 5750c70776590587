// A simulator never outlives the program that started it: the desktop demo and the test helper.
#include "ProcFs.h"
#include "SimProcess.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

namespace {

/** Set in the environment of this test's own executable when it runs as a helper process. */
constexpr char kHelperVariable[] = "BRIDGE_SIMLIFETIME_HELPER";

/** The helper: starts pendo-sim through SimProcess, prints its pid and waits to be killed. */
int runHelper(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SimProcess sim(
        {QStringLiteral("--accounts"), QStringLiteral("5"), QStringLiteral("--history-days"), QStringLiteral("10")});
    if (!sim.isReady()) {
        std::fprintf(stderr, "%s\n", sim.error().toUtf8().constData());
        return 2;
    }
    std::printf("%lld\n", static_cast<long long>(sim.pid()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

/** Killing the parent (SIGKILL, so nothing of it runs) ends its simulator too. */
class TestSimLifetime : public QObject
{
    Q_OBJECT

private slots:
    void demoSimulatorDiesWithTheApp();
    void testSimulatorDiesWithTheTest();
    void cleanup();

private:
    QList<qint64> m_simulators;
};

void TestSimLifetime::demoSimulatorDiesWithTheApp()
{
    // A throw-away home: the app writes its settings, workspace and demo files there only.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    for (const char *xdg : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"}) {
        const QString dir = home.filePath(QString::fromLatin1(xdg).toLower());
        QVERIFY(QDir().mkpath(dir));
        environment.insert(QString::fromLatin1(xdg), dir);
    }
    environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    QVERIFY(QDir().mkpath(home.filePath(QStringLiteral("tmp"))));
    environment.insert(QStringLiteral("TMPDIR"), home.filePath(QStringLiteral("tmp")));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no real keyring
    environment.remove(QStringLiteral("PENDO_BRIDGE_REGION_URLS"));

    QProcess app;
    app.setProcessEnvironment(environment);
    app.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    app.start(QStringLiteral(BRIDGE_DESKTOP_PATH), {QStringLiteral("--demo")});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    const qint64 appPid = app.processId();

    qint64 sim = 0;
    const auto simulatorListening = [&] {
        const QList<qint64> children = procfs::childrenNamed(appPid, "pendo-sim");
        sim = children.isEmpty() ? 0 : children.front();
        return sim != 0 && procfs::isListening(sim);
    };
    QTRY_VERIFY_WITH_TIMEOUT(simulatorListening(), 60000);
    m_simulators << sim;

    QCOMPARE(::kill(pid_t(appPid), SIGKILL), 0);
    QVERIFY(app.waitForFinished(10000));
    QCOMPARE(app.exitStatus(), QProcess::CrashExit);
    QTRY_VERIFY_WITH_TIMEOUT(!procfs::isRunning(sim), 5000);
}

void TestSimLifetime::testSimulatorDiesWithTheTest()
{
    // A test that crashes while its SimProcess lives: here a helper process killed outright.
    QProcess helper;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kHelperVariable), QStringLiteral("1"));
    helper.setProcessEnvironment(environment);
    helper.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    helper.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(helper.waitForStarted(10000));
    while (!helper.canReadLine())
        QVERIFY2(helper.waitForReadyRead(60000), "the helper printed no simulator pid");
    const qint64 sim = helper.readLine().trimmed().toLongLong();
    QVERIFY(sim > 0);
    m_simulators << sim;
    QCOMPARE(procfs::parentOf(sim), helper.processId());
    QVERIFY(procfs::isListening(sim));

    QCOMPARE(::kill(pid_t(helper.processId()), SIGKILL), 0);
    QVERIFY(helper.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!procfs::isRunning(sim), 5000);
}

void TestSimLifetime::cleanup()
{
    // Whatever a failed check left behind.
    for (const qint64 pid : std::as_const(m_simulators)) {
        if (procfs::isRunning(pid) && procfs::commandName(pid) == "pendo-sim")
            ::kill(pid_t(pid), SIGKILL);
    }
    m_simulators.clear();
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet(kHelperVariable))
        return runHelper(argc, argv);
    QCoreApplication app(argc, argv);
    TestSimLifetime test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_simlifetime.moc"
