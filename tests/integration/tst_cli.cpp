#include "CliProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

/** pendo-bridge-cli as a script would run it: exit codes, human and JSON output, idempotency. */
class TestCli : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    Result cli(const QStringList &args)
    {
        return runCli(m_dir.filePath(QStringLiteral("ws.sqlite")), args);
    }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(content);
        return path;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        QFile::remove(m_dir.filePath(QStringLiteral("ws.sqlite")));
    }

    void helpDocumentsExitCodes()
    {
        const Result result = cli({QStringLiteral("--help")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("Exit codes:"));
        QVERIFY(result.out.contains("import accounts FILE"));
        QCOMPARE(cli({QStringLiteral("frobnicate")}).exitCode, 1);
    }

    void importsAndReimportsWithoutDuplicates()
    {
        const QString accounts = write(QStringLiteral("accounts.csv"),
                                       "Account ID,Account Name,ARR\nA-1,Acme,1000\nA-2,\"Beta, Inc.\",2000\n");
        Result result = cli({QStringLiteral("import"), QStringLiteral("accounts"), accounts});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("Imported 2 accounts from accounts.csv: 2 new, 0 updated."), result.out.constData());

        result = cli({QStringLiteral("import"), QStringLiteral("accounts"), accounts, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("inserted")).toInt(), 0);
        QCOMPARE(json.value(QStringLiteral("updated")).toInt(), 2);
        QCOMPARE(json.value(QStringLiteral("ok")).toBool(), true);

        const QString contacts = write(QStringLiteral("contacts.csv"), "id,email,account id\nU-1,u1@acme.example,A-1\n");
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("contacts"), contacts}).exitCode, 0);

        result = cli({QStringLiteral("workspace"), QStringLiteral("info"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(result.json().value(QStringLiteral("accounts")).toInt(), 2);
        QCOMPARE(result.json().value(QStringLiteral("contacts")).toInt(), 1);
        QCOMPARE(result.json().value(QStringLiteral("imports")).toInt(), 3);
    }

    void invalidRowsExitTwoAndListTheLines()
    {
        const QString file = write(QStringLiteral("bad.csv"), "id,name,seats\nA,Alpha,3\nB,Beta,many\nC,Gamma,4\n");
        Result result = cli({QStringLiteral("import"), QStringLiteral("accounts"), file});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains("line 3, column 'seats': bad whole number 'many'"), result.err.constData());
        QVERIFY(result.err.contains("nothing was imported"));

        result = cli({QStringLiteral("import"), QStringLiteral("accounts"), file, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 2);
        const QJsonObject json = result.json();
        QCOMPARE(json.value(QStringLiteral("written")).toBool(), false);
        QCOMPARE(json.value(QStringLiteral("errors")).toArray().first().toObject().value(QStringLiteral("line")).toInt(), 3);
        QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("info"), QStringLiteral("--json")})
                     .json()
                     .value(QStringLiteral("accounts"))
                     .toInt(),
                 0);

        result = cli({QStringLiteral("import"), QStringLiteral("accounts"), file, QStringLiteral("--skip-invalid"),
                      QStringLiteral("--reject-file"), m_dir.filePath(QStringLiteral("r.csv"))});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("Invalid rows skipped: 1;"));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("r.csv"))));
    }

    void mapOverridesTheHeader()
    {
        const QString file = write(QStringLiteral("odd.csv"), "Code,Label\nX-1,Xenon\n");
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("accounts"), file}).exitCode, 3);
        const Result result = cli({QStringLiteral("import"), QStringLiteral("accounts"), file, QStringLiteral("--map"),
                                   QStringLiteral("Code=external_id"), QStringLiteral("--map"),
                                   QStringLiteral("Label=name")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("accounts"), file, QStringLiteral("--map"),
                      QStringLiteral("Nope=name")})
                     .exitCode,
                 3);
    }

    void missingFileAndNewerWorkspace()
    {
        Result result = cli({QStringLiteral("import"), QStringLiteral("accounts"), m_dir.filePath(QStringLiteral("no.csv"))});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains("Cannot open"));

        QCOMPARE(cli({QStringLiteral("workspace"), QStringLiteral("info")}).exitCode, 0);
        // Mark the workspace as written by a future version, as a newer build would.
        {
            QFile file(m_dir.filePath(QStringLiteral("ws.sqlite")));
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek(60)); // SQLite header: user_version at offset 60, big-endian
            const char future[4] = {0, 0, 0x03, char(0xE7)}; // 999
            QCOMPARE(file.write(future, 4), 4);
        }
        result = cli({QStringLiteral("workspace"), QStringLiteral("info")});
        QCOMPARE(result.exitCode, 4);
        QVERIFY2(result.err.contains("newer version of Pendo Bridge"), result.err.constData());
    }

    void regionAddressesLiveInTheWorkspace()
    {
        Result result = cli({QStringLiteral("workspace"), QStringLiteral("region-urls"), QStringLiteral("us=http://proxy.example.com")});
        QCOMPARE(result.exitCode, 3);
        QVERIFY(result.err.contains("must use HTTPS"));
        result = cli({QStringLiteral("workspace"), QStringLiteral("region-urls"), QStringLiteral("eu=https://eu-proxy.example.com")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("eu=https://eu-proxy.example.com"));
    }

    void demoFillsTheWorkspace()
    {
        const Result result = cli({QStringLiteral("demo"), QStringLiteral("--offline")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains("Demo customers imported: 30 accounts, 251 contacts."), result.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
