#include "TestSupport.h"

#include "store/Migrations.h"

#include <QSqlError>

/** Fresh workspaces, upgrades from a v1 fixture, refusal of newer files, statement splitting. */
class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshWorkspaceIsAtLatestVersion()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(Migrations::latestVersion() >= 2);
        QCOMPARE(ws.scalar(QStringLiteral("PRAGMA user_version")).toInt(), Migrations::latestVersion());
        QCOMPARE(ws.scalar(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(ws.scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM lifecycle_stages")).toInt(), 6);
        for (const char *table : {"accounts", "contacts", "assets", "settings", "audit_log", "import_runs"})
            QVERIFY2(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '%1'")
                                   .arg(QLatin1String(table)))
                             .toInt()
                         == 1,
                     table);
    }

    void reopeningIsANoOp()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        {
            Database db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
            QSqlQuery(db.connection()).exec(QStringLiteral("INSERT INTO settings VALUES ('k', 'v', 'now')"));
        }
        Database again(path);
        QString error;
        QVERIFY2(again.open(&error), qPrintable(error));
        QSqlQuery query(again.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT value FROM settings WHERE setting_key = 'k'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("v"));
    }

    void upgradesTheVersionOneFixtureKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v1.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(BRIDGE_TEST_DATA_DIR "/workspace-v1.sqlite"), path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

        Database db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), Migrations::latestVersion());
        QVERIFY(query.exec(QStringLiteral("SELECT name, owner, arr, custom_fields FROM accounts WHERE external_id = "
                                          "'ACC-1'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("Fixture Corp"));
        QCOMPARE(query.value(1).toString(), QStringLiteral("Maya Chen"));
        QCOMPARE(query.value(2).toDouble(), 48000.0);
        QCOMPARE(query.value(3).toString(), QStringLiteral("{\"plan\":\"Growth\"}"));
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM contacts WHERE account_id = 1")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        // Version 2 added the import log: it exists and is usable after the upgrade.
        QVERIFY2(query.exec(QStringLiteral("INSERT INTO import_runs (kind, file_name, started_at, finished_at, "
                                           "rows_read, inserted, updated, rejected, actor) VALUES ('accounts', "
                                           "'a.csv', 'x', 'y', 1, 1, 0, 0, 'test')")),
                 qPrintable(query.lastError().text()));
    }

    void refusesANewerWorkspace()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            Database db(path);
            QString error;
            QVERIFY(db.open(&error));
            QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA user_version = 999"));
        }
        Database db(path);
        QString error;
        QVERIFY(!db.open(&error));
        QVERIFY2(error.contains(QStringLiteral("newer version")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("999")), qPrintable(error));
        // The file is left untouched.
        QCOMPARE(QSqlQuery(db.connection()).exec(QStringLiteral("SELECT 1")), true);
        QSqlQuery version(db.connection());
        QVERIFY(version.exec(QStringLiteral("PRAGMA user_version")) && version.next());
        QCOMPARE(version.value(0).toInt(), 999);
    }

    void failedMigrationLeavesThePreviousVersion()
    {
        // A v1 database that already holds a table named like one v2 creates: v2 fails and rolls back.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clash.sqlite"));
        Database db(path);
        QSqlDatabase connection = db.connection();
        QString error;
        QVERIFY2(Migrations::applyUpTo(connection, db.dialect(), 1, &error), qPrintable(error));
        QVERIFY(QSqlQuery(connection).exec(QStringLiteral("CREATE TABLE import_runs (x INTEGER)")));
        QVERIFY(!Migrations::apply(connection, db.dialect(), &error));
        QVERIFY2(error.contains(QStringLiteral("schema version 2")), qPrintable(error));
        QSqlQuery query(connection);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = 'accounts_name_idx'")));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void splitStatements_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("two") << QStringLiteral("CREATE TABLE a (x);\nCREATE TABLE b (y);")
                             << QStringList{QStringLiteral("CREATE TABLE a (x)"), QStringLiteral("CREATE TABLE b (y)")};
        QTest::newRow("semicolon in string") << QStringLiteral("INSERT INTO t VALUES ('a;b'); SELECT 1")
                                             << QStringList{QStringLiteral("INSERT INTO t VALUES ('a;b')"),
                                                            QStringLiteral("SELECT 1")};
        QTest::newRow("comments") << QStringLiteral("-- a; comment\nSELECT 1; /* b; */ SELECT 2;")
                                  << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")};
        QTest::newRow("empty") << QStringLiteral(" ;\n; ") << QStringList{};
    }

    void splitStatements()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, expected);
        QCOMPARE(Migrations::splitStatements(script), expected);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
