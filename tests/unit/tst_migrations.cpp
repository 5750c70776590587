#include "TestSupport.h"

#include "store/Migrations.h"

#include <QSqlError>
#include <QSqlRecord>

#include <unistd.h>

/** Fresh workspaces, upgrades from every earlier schema, refusal of newer or foreign files, typed errors, statement splitting. */
class TestMigrations : public QObject
{
    Q_OBJECT

    static QByteArray fileBytes(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /** Reads a file with a plain connection (no migrations, no pragmas). */
    template <typename Fn>
    static void withPlainConnection(const QString &path, Fn fn)
    {
        const QString name = QStringLiteral("plain-") + path;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            if (db.open())
                fn(db);
        }
        QSqlDatabase::removeDatabase(name);
    }

    static int schemaVersionOf(const QString &path)
    {
        int version = -1;
        withPlainConnection(path, [&](QSqlDatabase &db) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next())
                version = query.value(0).toInt();
        });
        return version;
    }

    static QHash<QString, QList<QVariantMap>> readAll(const QString &path)
    {
        QHash<QString, QList<QVariantMap>> tables;
        withPlainConnection(path, [&](QSqlDatabase &db) {
            for (const QString &table : db.tables()) {
                QSqlQuery query(db);
                if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(table)))
                    continue;
                QList<QVariantMap> &rows = tables[table];
                while (query.next()) {
                    QVariantMap row;
                    for (int i = 0; i < query.record().count(); ++i)
                        row.insert(query.record().fieldName(i), query.value(i));
                    rows.append(row);
                }
            }
        });
        return tables;
    }

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

    void upgradesEveryEarlierFixtureKeepingEveryRow_data()
    {
        QTest::addColumn<int>("version");
        for (int version = 1; version < Migrations::latestVersion(); ++version)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(version))) << version;
    }

    void upgradesEveryEarlierFixtureKeepingEveryRow()
    {
        QFETCH(int, version);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        const QString fixture = QStringLiteral(BRIDGE_TEST_DATA_DIR "/workspace-v%1.sqlite").arg(version);
        QVERIFY2(QFile::exists(fixture), qPrintable(fixture));
        QVERIFY(QFile::copy(fixture, path));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

        // Every row of every table as the old program left it, by column name.
        const QHash<QString, QList<QVariantMap>> before = readAll(path);
        QCOMPARE(schemaVersionOf(path), version);
        QVERIFY(!before.value(QStringLiteral("accounts")).isEmpty());

        {
            Database db(path);
            QString error;
            QVERIFY2(db.open(&error), qPrintable(error));
        }
        QCOMPARE(schemaVersionOf(path), Migrations::latestVersion());
        const QHash<QString, QList<QVariantMap>> after = readAll(path);
        for (auto table = before.cbegin(); table != before.cend(); ++table) {
            if (version < 4 && table.key() == QLatin1String("match_resolutions"))
                continue; // re-keyed by integer id in version 4: checked below
            QList<QVariantMap> rows = after.value(table.key());
            // Every old row is there with every old column unchanged (new columns may be added).
            for (QVariantMap old : table.value()) {
                // Version 7 renamed the default stage Growth to Mature on purpose (same id).
                if (table.key() == QLatin1String("lifecycle_stages") && old.value(QStringLiteral("stage_key")).toString() == QLatin1String("growth")) {
                    old.insert(QStringLiteral("stage_key"), QStringLiteral("mature"));
                    old.insert(QStringLiteral("name"), QStringLiteral("Mature"));
                }
                const auto same = std::find_if(rows.begin(), rows.end(), [&old](const QVariantMap &row) {
                    for (auto column = old.cbegin(); column != old.cend(); ++column)
                        if (row.value(column.key()) != column.value())
                            return false;
                    return true;
                });
                QVERIFY2(same != rows.end(), qPrintable(QStringLiteral("a row of %1 was lost").arg(table.key())));
                rows.erase(same);
            }
            // Rows the upgrade added are identities restored for kept resolutions, marked gone.
            for (const QVariantMap &added : std::as_const(rows))
                QVERIFY2(!added.value(QStringLiteral("deleted_at")).isNull(), qPrintable(table.key()));
        }

        if (version >= 4)
            return; // resolutions were already keyed by integer id, and compared above like every row
        // Resolutions now refer to the dictionaries' integer ids; each old row is still there,
        // also the one whose visitor an earlier refresh had dropped (restored, marked gone).
        const QList<QVariantMap> oldResolutions = before.value(QStringLiteral("match_resolutions"));
        Database db(path);
        QString error;
        QVERIFY2(db.open(&error), qPrintable(error));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*) FROM match_resolutions")) && query.next());
        QCOMPARE(query.value(0).toInt(), int(oldResolutions.size()));
        for (const QVariantMap &old : oldResolutions) {
            const bool account = old.value(QStringLiteral("object")).toString() == QLatin1String("account");
            query.prepare(QStringLiteral("SELECT r.status, r.cs_id, r.candidates, r.config_version FROM match_resolutions r "
                                         "JOIN %1 d ON d.id = r.pendo_ref WHERE r.object = ? AND d.%2 = ?")
                              .arg(account ? QStringLiteral("pendo_accounts") : QStringLiteral("pendo_visitors"),
                                   account ? QStringLiteral("account_id") : QStringLiteral("visitor_id")));
            query.addBindValue(old.value(QStringLiteral("object")));
            query.addBindValue(old.value(QStringLiteral("pendo_id")));
            QVERIFY(query.exec());
            QVERIFY2(query.next(), qPrintable(old.value(QStringLiteral("pendo_id")).toString()));
            QCOMPARE(query.value(0), old.value(QStringLiteral("status")));
            QCOMPARE(query.value(1), old.value(QStringLiteral("cs_id")));
            QCOMPARE(query.value(2), old.value(QStringLiteral("candidates")));
            QCOMPARE(query.value(3), old.value(QStringLiteral("config_version")));
        }
        if (version == 3) {
            QVERIFY(query.exec(QStringLiteral("SELECT deleted_at FROM pendo_visitors WHERE visitor_id = "
                                              "'gone@fixture.example'")));
            QVERIFY(query.next());
            QVERIFY(!query.value(0).isNull());
        }
    }

    void refusesANewerWorkspaceWithoutTouchingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.sqlite"));
        {
            Database db(path);
            QString error;
            QVERIFY(db.open(&error));
            QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA user_version = 999"));
            QSqlQuery(db.connection()).exec(QStringLiteral("PRAGMA journal_mode = DELETE"));
        }
        const QByteArray bytes = fileBytes(path);
        QVERIFY(!bytes.isEmpty());
        Database db(path);
        const StoreError refused = db.open();
        QCOMPARE(refused.kind(), StoreError::Kind::SchemaTooNew);
        const QString sentence = refused.cannotOpen(path);
        QVERIFY2(sentence.startsWith(QStringLiteral("Cannot open the workspace ")), qPrintable(sentence));
        QVERIFY2(sentence.contains(QStringLiteral("newer version")), qPrintable(sentence));
        QVERIFY2(sentence.contains(QStringLiteral("999")), qPrintable(sentence));
        // Not a byte changed: not even the journal mode.
        QCOMPARE(fileBytes(path), bytes);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }

    void namesTheReasonAWorkspaceCannotBeOpened_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("readOnly");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not a workspace") << QByteArray("this is a spreadsheet, not a database\n").repeated(200) << false
                                         << int(StoreError::Kind::Corrupt) << QStringLiteral("not a Pendo Bridge workspace");
        if (::geteuid() != 0) // root may write to anything
            QTest::newRow("read-only") << QByteArray() << true << int(StoreError::Kind::ReadOnly)
                                       << QStringLiteral("read-only");
    }

    void namesTheReasonAWorkspaceCannotBeOpened()
    {
        QFETCH(QByteArray, content);
        QFETCH(bool, readOnly);
        QFETCH(int, kind);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("w.sqlite"));
        if (content.isEmpty()) {
            Database db(path);
            QVERIFY(!db.open());
        } else {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        if (readOnly)
            QFile::setPermissions(path, QFile::ReadOwner);
        const QByteArray bytes = fileBytes(path);
        Database db(path);
        const StoreError error = db.open();
        QCOMPARE(int(error.kind()), kind);
        const QString sentence = error.cannotOpen(path);
        QVERIFY2(sentence.startsWith(QStringLiteral("Cannot open the workspace ")), qPrintable(sentence));
        QVERIFY2(sentence.contains(reason), qPrintable(sentence));
        QCOMPARE(fileBytes(path), bytes);
    }

    void storeErrorsAreTypedFromSqliteCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("busy") << QStringLiteral("5") << int(StoreError::Kind::Busy);
        QTest::newRow("busy snapshot") << QStringLiteral("517") << int(StoreError::Kind::Busy);
        QTest::newRow("locked") << QStringLiteral("6") << int(StoreError::Kind::Busy);
        QTest::newRow("read-only") << QStringLiteral("8") << int(StoreError::Kind::ReadOnly);
        QTest::newRow("read-only db moved") << QStringLiteral("1032") << int(StoreError::Kind::ReadOnly);
        QTest::newRow("corrupt") << QStringLiteral("11") << int(StoreError::Kind::Corrupt);
        QTest::newRow("not a database") << QStringLiteral("26") << int(StoreError::Kind::Corrupt);
        QTest::newRow("full") << QStringLiteral("13") << int(StoreError::Kind::DiskFull);
        QTest::newRow("cannot open") << QStringLiteral("14") << int(StoreError::Kind::CannotOpen);
        QTest::newRow("constraint") << QStringLiteral("19") << int(StoreError::Kind::Failed);
    }

    void storeErrorsAreTypedFromSqliteCodes()
    {
        QFETCH(QString, code);
        QFETCH(int, kind);
        const StoreError error = StoreError::fromSql(QSqlError(QStringLiteral("driver"), QStringLiteral("db text"),
                                                               QSqlError::StatementError, code));
        QCOMPARE(int(error.kind()), kind);
        QVERIFY(!error.reason().isEmpty());
        QVERIFY(error.message().contains(QStringLiteral("db text")));
    }

    void failedMigrationLeavesThePreviousVersion()
    {
        // A v1 database that already holds a table named like one v2 creates: v2 fails and rolls back.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clash.sqlite"));
        Database db(path);
        QSqlDatabase connection = db.connection();
        QVERIFY(!Migrations::applyUpTo(connection, db.dialect(), 1));
        QVERIFY(QSqlQuery(connection).exec(QStringLiteral("CREATE TABLE import_runs (x INTEGER)")));
        const StoreError error = Migrations::apply(connection, db.dialect());
        QVERIFY(error);
        QVERIFY2(error.message().contains(QStringLiteral("schema version 2")), qPrintable(error.message()));
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
        QTest::newRow("trigger body") << QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b SET y = 1; "
                                                        "DELETE FROM c; END;\nSELECT 1;")
                                      << QStringList{QStringLiteral("CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE b "
                                                                    "SET y = 1; DELETE FROM c; END"),
                                                     QStringLiteral("SELECT 1")};
        QTest::newRow("quoted identifier") << QStringLiteral("CREATE TABLE \"a;b\" (x); SELECT 2")
                                           << QStringList{QStringLiteral("CREATE TABLE \"a;b\" (x)"),
                                                          QStringLiteral("SELECT 2")};
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
