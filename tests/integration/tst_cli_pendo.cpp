#include "CliProcess.h"
#include "SimProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray key = QByteArrayLiteral("cli-secret-7d3e-91ab-integration");

} // namespace

/**
 * `connect` and `doctor` as a new user runs them, against pendo-sim answering for every region
 * with the subscription in the EU; and proof that the key never reaches any output or log.
 */
class TestCliPendo : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    Result cli(const QStringList &args, const QByteArray &stdinData = {}, bool keyInEnvironment = false)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PENDO_BRIDGE_REGION_URLS"), m_sim->regionOverrides());
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true"));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain service, as on a headless server
        env.remove(QStringLiteral("PENDO_INTEGRATION_KEY"));
        if (keyInEnvironment)
            env.insert(QStringLiteral("PENDO_INTEGRATION_KEY"), QString::fromLatin1(key));
        const Result result = runCli(m_dir.filePath(QStringLiteral("ws.sqlite")), args, env, stdinData);
        m_allOutput += result.out + result.err;
        return result;
    }

    std::unique_ptr<SimProcess> m_sim;
    QTemporaryDir m_dir;
    QByteArray m_allOutput;

private Q_SLOTS:
    void initTestCase()
    {
        m_sim = std::make_unique<SimProcess>(QStringList{
            QStringLiteral("--regions"), QStringLiteral("us,us1,eu,jp,au"), QStringLiteral("--subscription-region"),
            QStringLiteral("eu"), QStringLiteral("--key"), QString::fromLatin1(key), QStringLiteral("--accounts"),
            QStringLiteral("20"), QStringLiteral("--seed"), QStringLiteral("5")});
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
        QCOMPARE(m_sim->urls().size(), 5);
    }

    void connectInTheWrongRegionSaysSoAndPointsToDetection()
    {
        const Result result = cli({QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("us")}, key + '\n');
        QCOMPARE(result.exitCode, 6);
        QVERIFY2(result.err.contains("did not accept the integration key in this region"), result.err.constData());
        QVERIFY(result.err.contains("Detect automatically"));
        QVERIFY(result.err.contains("pendo-bridge-cli doctor"));
    }

    void connectInTheRightRegionRemembersItButCannotStoreWithoutKeychain()
    {
        const Result result = cli({QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("eu")}, key + '\n');
        QCOMPARE(result.exitCode, 10);
        QVERIFY2(result.out.contains("Connected to Pendo (eu"), result.out.constData());
        QVERIFY(result.err.contains("No keychain service is running"));
        QVERIFY(result.err.contains("PENDO_INTEGRATION_KEY"));

        const Result noKeychain = cli({QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("eu"),
                                       QStringLiteral("--no-keychain")},
                                      {}, true);
        QCOMPARE(noKeychain.exitCode, 0);
    }

    void keyFileMustBePrivate()
    {
        const QString path = m_dir.filePath(QStringLiteral("pendo.key"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(key + '\n');
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        Result result = cli({QStringLiteral("doctor"), QStringLiteral("--key-file"), path});
        QCOMPARE(result.exitCode, 5);
        QVERIFY2(result.err.contains("chmod 600"), result.err.constData());
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        result = cli({QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("eu"), QStringLiteral("--key-file"),
                      path, QStringLiteral("--no-keychain")});
        QCOMPARE(result.exitCode, 0);
    }

    void doctorFindsTheRegionAppsAndTimeZone()
    {
        const Result result = cli({QStringLiteral("doctor"), QStringLiteral("--json")}, {}, true);
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json.value(QStringLiteral("region")).toString(), QStringLiteral("eu"));
        QCOMPARE(json.value(QStringLiteral("writeAccess")).toBool(), true);
        const QJsonArray apps = json.value(QStringLiteral("apps")).toArray();
        QCOMPARE(apps.size(), 2);
        QVERIFY(apps.contains(QJsonValue(qint64(-323232))));
        QCOMPARE(json.value(QStringLiteral("timezone")).toString(), QStringLiteral("America/New_York"));
        QCOMPARE(json.value(QStringLiteral("aggregations")).toObject().value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(json.value(QStringLiteral("reports")).toObject().value(QStringLiteral("ok")).toBool(), true);
        const QJsonObject regions = json.value(QStringLiteral("regions")).toObject();
        QCOMPARE(regions.size(), 5);
        QCOMPARE(regions.value(QStringLiteral("eu")).toObject().value(QStringLiteral("outcome")).toString(),
                 QStringLiteral("accepted"));
        for (const QString &other : {QStringLiteral("us"), QStringLiteral("us1"), QStringLiteral("jp"), QStringLiteral("au")})
            QCOMPARE(regions.value(other).toObject().value(QStringLiteral("outcome")).toString(),
                     QStringLiteral("invalid-key-or-region"));

        const Result human = cli({QStringLiteral("doctor")}, {}, true);
        QCOMPARE(human.exitCode, 0);
        QVERIFY2(human.out.contains("Pendo region:  Europe"), human.out.constData());
        QVERIFY(human.out.contains("-323232 (default web app)"));
        QVERIFY(human.out.contains("Time zone:     America/New_York"));
    }

    void doctorExitCodesPerFailureClass()
    {
        Result result = cli({QStringLiteral("doctor")});
        QCOMPARE(result.exitCode, 5); // no key anywhere

        const QString keyFile = m_dir.filePath(QStringLiteral("wrong.key"));
        QFile file(keyFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("wrong-key");
        file.close();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        result = cli({QStringLiteral("doctor"), QStringLiteral("--key-file"), keyFile, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 6);
        QCOMPARE(QJsonDocument::fromJson(result.out).object().value(QStringLiteral("region")).isNull(), true);

        result = cli({QStringLiteral("doctor"), QStringLiteral("--base-url"), QStringLiteral("http://127.0.0.1:1"),
                      QStringLiteral("--timeout"), QStringLiteral("5")},
                     {}, true);
        QCOMPARE(result.exitCode, 7);
    }

    void theKeyNeverAppearsInAnyOutputOrLog()
    {
        QVERIFY(!m_allOutput.isEmpty());
        QVERIFY2(m_allOutput.contains("bridge.net"), "debug logging of the network layer was on");
        QVERIFY(!m_allOutput.contains(key));
        QVERIFY(!m_allOutput.contains(key.left(16)));
        // Nor in the workspace file.
        QFile workspace(m_dir.filePath(QStringLiteral("ws.sqlite")));
        QVERIFY(workspace.open(QIODevice::ReadOnly));
        QVERIFY(!workspace.readAll().contains(key));
    }
};

QTEST_GUILESS_MAIN(TestCliPendo)
#include "tst_cli_pendo.moc"
