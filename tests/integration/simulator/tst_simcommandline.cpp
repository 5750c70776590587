// pendo-sim as a program: its help text and --exit-with-parent.
#include "ProcFs.h"

#include <QProcess>
#include <QStringDecoder>
#include <QTest>

#include <csignal>

/** The pendo-sim executable run as other programs run it. */
class TestSimCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void helpIsUtf8();
    void exitsWhenItsParentIsKilled();
    void staysWithoutTheOption();
    void cleanup();

private:
    /** Starts pendo-sim in the background of a shell that then waits; returns the simulator's pid. */
    qint64 startUnderShell(QProcess &shell, const QStringList &options);

    QList<qint64> m_leftovers;
};

void TestSimCommandLine::helpIsUtf8()
{
    QProcess sim;
    sim.start(QStringLiteral(PENDO_SIM_EXECUTABLE), {QStringLiteral("--help")});
    QVERIFY(sim.waitForFinished(30000));
    QCOMPARE(sim.exitStatus(), QProcess::NormalExit);
    QCOMPARE(sim.exitCode(), 0);
    const QByteArray bytes = sim.readAllStandardOutput();
    QVERIFY(bytes.contains("--exit-with-parent"));

    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    QVERIFY2(!utf8.hasError(), "the help is not valid UTF-8");
    QVERIFY2(text.contains(QStringLiteral("(us, us1, eu, jp, au, \u2026)")), bytes.constData());
    // UTF-8 read as Latin-1 or Windows-1252 turns "…" into these.
    QVERIFY(!text.contains(QStringLiteral("\u00e2\u0080\u00a6")));
    QVERIFY(!text.contains(QStringLiteral("\u00e2\u20ac\u00a6")));
    QVERIFY(!text.contains(QStringLiteral("\u00e2\u00a6")));
    QVERIFY(!text.contains(QChar(0x00e2)));
}

qint64 TestSimCommandLine::startUnderShell(QProcess &shell, const QStringList &options)
{
    // The shell prints the simulator's pid and waits for it, as a launcher script would.
    const QString script = QStringLiteral("\"$0\" --port 0 --accounts 5 --history-days 10 %1 >/dev/null 2>&1 & "
                                          "echo $!; wait")
                               .arg(options.join(u' '));
    shell.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral(PENDO_SIM_EXECUTABLE)});
    if (!shell.waitForStarted(10000))
        return 0;
    while (!shell.canReadLine()) {
        if (!shell.waitForReadyRead(10000))
            return 0;
    }
    const qint64 pid = shell.readLine().trimmed().toLongLong();
    if (pid > 0)
        m_leftovers << pid;
    return pid;
}

void TestSimCommandLine::exitsWhenItsParentIsKilled()
{
    QProcess shell;
    const qint64 sim = startUnderShell(shell, {QStringLiteral("--exit-with-parent")});
    QVERIFY(sim > 0);
    QTRY_VERIFY_WITH_TIMEOUT(procfs::isListening(sim), 30000);
    QCOMPARE(procfs::parentOf(sim), shell.processId());

    QCOMPARE(::kill(pid_t(shell.processId()), SIGKILL), 0);
    QVERIFY(shell.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!procfs::isRunning(sim), 5000);
}

void TestSimCommandLine::staysWithoutTheOption()
{
    // The control: orphaned without --exit-with-parent, the simulator keeps serving.
    QProcess shell;
    const qint64 sim = startUnderShell(shell, {});
    QVERIFY(sim > 0);
    QTRY_VERIFY_WITH_TIMEOUT(procfs::isListening(sim), 30000);
    const qint64 shellPid = shell.processId();

    QCOMPARE(::kill(pid_t(shellPid), SIGKILL), 0);
    QVERIFY(shell.waitForFinished(10000));
    QTRY_VERIFY_WITH_TIMEOUT(procfs::parentOf(sim) != shellPid, 5000);
    QVERIFY(procfs::isRunning(sim));
    QVERIFY(procfs::isListening(sim));
}

void TestSimCommandLine::cleanup()
{
    for (const qint64 pid : std::as_const(m_leftovers)) {
        if (procfs::isRunning(pid) && procfs::commandName(pid) == "pendo-sim")
            ::kill(pid_t(pid), SIGKILL);
    }
    m_leftovers.clear();
}

QTEST_GUILESS_MAIN(TestSimCommandLine)
#include "tst_simcommandline.moc"
