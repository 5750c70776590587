#include "TestSupport.h"

#include "store/AuditLog.h"
#include "store/CsImporter.h"
#include "store/WorkspaceSettings.h"
#include "sync/CatalogSnapshot.h"
#include "sync/ConfigStore.h"
#include "sync/Matcher.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlRecord>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>

/*
 * A process killed (SIGKILL) in the middle of a unit of work that spans several repositories
 * leaves the workspace exactly as it was before that unit. This executable is also its own
 * child: `--child WORKSPACE STAGE` opens the workspace, runs one unit (a catalog refresh, a
 * configuration save, a matching apply, a settings change, an audit entry) and, at STAGE, says
 * so on standard output and waits for a line on standard input: "commit" lets it finish, and the
 * parent kills it otherwise.
 */

namespace {

CatalogSnapshot snapshotFor(int generation)
{
    CatalogSnapshot snapshot;
    for (int i = 0; i < 50; ++i) {
        CatalogItem item;
        item.kind = QStringLiteral("feature");
        item.pendoId = QStringLiteral("feature-%1").arg(i);
        item.name = QStringLiteral("Feature %1 (generation %2)").arg(i).arg(generation);
        item.appId = -323232;
        item.hasApp = true;
        snapshot.items.append(item);
    }
    snapshot.refreshedKinds = {QStringLiteral("feature")};
    snapshot.identitiesRefreshed = true;
    for (int i = 0; i < 200 + generation * 10; ++i) {
        PendoIdentity account;
        account.id = QStringLiteral("account-%1").arg(i);
        account.events30d = generation * 100 + i;
        snapshot.accounts.append(account);
        PendoIdentity visitor;
        visitor.id = QStringLiteral("visitor-%1@example.com").arg(i);
        visitor.accountId = account.id;
        visitor.email = visitor.id;
        snapshot.visitors.append(visitor);
    }
    return snapshot;
}

void pauseAt(const char *stage, const char *wanted)
{
    if (qstrcmp(stage, wanted) != 0)
        return;
    std::cout << "AT " << stage << std::endl;
    std::string line;
    std::getline(std::cin, line); // the parent kills us here, or says "commit"
}

int childMain(const QString &path, const QByteArray &stage)
{
    MemoryCredentialStore credentials;
    QString error;
    auto session = WorkspaceSession::open(path, credentials, Clock::system(), &error);
    if (!session) {
        std::cerr << qPrintable(error) << std::endl;
        return 3;
    }
    const StoreError result = session->database().writer().runAndWait(QStringLiteral("multi"), [&](WriteTransaction &tx) {
        CatalogChanges changes;
        if (!CatalogStore::write(tx, snapshotFor(2), &changes))
            return tx.error();
        pauseAt(stage.constData(), "after-catalog");
        IntegrationConfig config = IntegrationConfig::defaults();
        config.matching.account.caseInsensitive = !config.matching.account.caseInsensitive;
        const auto saved = ConfigStore::save(tx, config, QStringLiteral("child"), QStringLiteral("in a unit"));
        if (!saved || !Matcher::apply(tx, config.matching, saved->version, nullptr))
            return tx.error();
        pauseAt(stage.constData(), "after-config");
        if (!WorkspaceSettings::write(tx, WorkspaceSettings::Key::SettleDays, 5))
            return tx.error();
        AuditEntry entry;
        entry.actor = QStringLiteral("child");
        entry.action = QStringLiteral("test.unit");
        if (!AuditLog::record(tx, entry))
            return tx.error();
        pauseAt(stage.constData(), "before-commit");
        return StoreError();
    });
    std::cout << (result ? "FAILED " : "COMMITTED") << qPrintable(result.message()) << std::endl;
    return result ? 4 : 0;
}

} // namespace

class TestUnitOfWorkKill : public QObject
{
    Q_OBJECT

    /** Every table's rows as text, in a stable order. */
    static QStringList dumpAll(TestWorkspace &ws)
    {
        QStringList out;
        QSqlDatabase db = ws.database().connection();
        QStringList tables = db.tables();
        tables.sort();
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery query(db);
            if (!query.exec(QStringLiteral("SELECT * FROM %1").arg(table))) {
                out << table + QStringLiteral(": unreadable");
                continue;
            }
            QStringList rows;
            while (query.next()) {
                QStringList values;
                for (int i = 0; i < query.record().count(); ++i)
                    values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
                rows << table + u':' + values.join(u'|');
            }
            rows.sort();
            out << rows;
        }
        return out;
    }

    /** A workspace with a first catalog, a configuration and resolutions already in it. */
    static void seed(TestWorkspace &ws)
    {
        QVERIFY(!ws.write([](WriteTransaction &tx) {
            CatalogChanges changes;
            IntegrationConfig config = IntegrationConfig::defaults();
            auto saved = CatalogStore::write(tx, snapshotFor(1), &changes)
                ? ConfigStore::save(tx, config, QStringLiteral("seed"), QString())
                : std::nullopt;
            return saved && Matcher::apply(tx, config.matching, saved->version, nullptr);
        }));
    }

    static QByteArray runChild(QProcess &child, const QString &path, const QString &stage)
    {
        child.setProgram(QCoreApplication::applicationFilePath());
        child.setArguments({QStringLiteral("--child"), path, stage});
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start();
        if (!child.waitForStarted(10000))
            return {};
        QByteArray said;
        QElapsedTimer timer;
        timer.start();
        while (!said.contains('\n') && timer.elapsed() < 20000 && child.state() == QProcess::Running) {
            child.waitForReadyRead(200);
            said += child.readAllStandardOutput();
        }
        return said.trimmed();
    }

private Q_SLOTS:
    void killedMidUnitLeavesTheWorkspaceAsBefore_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::newRow("after the catalog") << QStringLiteral("after-catalog");
        QTest::newRow("after config and matching") << QStringLiteral("after-config");
        QTest::newRow("just before commit") << QStringLiteral("before-commit");
    }

    void killedMidUnitLeavesTheWorkspaceAsBefore()
    {
        QFETCH(QString, stage);
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        seed(ws);
        const QStringList before = dumpAll(ws);
        QVERIFY(before.size() > 400);

        QProcess child;
        const QByteArray said = runChild(child, ws.path(), stage);
        QCOMPARE(said, QByteArray("AT ") + stage.toUtf8());
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        // The workspace opens (the WAL is recovered) and is exactly as before the unit.
        ws.database().releaseThreadConnection();
        QCOMPARE(dumpAll(ws), before);
        QCOMPARE(ws.scalar(QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
    }

    void anUninterruptedUnitCommitsEverything()
    {
        TestWorkspace ws;
        seed(ws);
        const QStringList before = dumpAll(ws);
        QProcess child;
        QCOMPARE(runChild(child, ws.path(), QStringLiteral("before-commit")), QByteArray("AT before-commit"));
        child.write("commit\n");
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(20000));
        QCOMPARE(child.exitCode(), 0);
        QVERIFY(child.readAllStandardOutput().contains("COMMITTED"));
        ws.database().releaseThreadConnection();
        QVERIFY(dumpAll(ws) != before);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_accounts")).toInt(), 220);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM config_versions")).toInt(), 2);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT value FROM settings WHERE setting_key = 'sync.settle_days'")).toInt(), 5);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'test.unit'")).toInt(), 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT MAX(config_version) FROM match_resolutions")).toInt(), 2);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--child") == 0)
        return childMain(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]));
    TestUnitOfWorkKill test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_unitofwork_kill.moc"
