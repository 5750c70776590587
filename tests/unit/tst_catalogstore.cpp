#include "TestSupport.h"

#include "sync/CatalogSnapshot.h"

/** Catalog refreshes: upserts, renames kept, items gone from Pendo marked deleted and restored. */
class TestCatalogStore : public QObject
{
    Q_OBJECT

    static CatalogItem item(const QString &kind, const QString &id, const QString &name, qint64 app = -323232)
    {
        CatalogItem out;
        out.kind = kind;
        out.pendoId = id;
        out.name = name;
        out.appId = app;
        out.hasApp = true;
        return out;
    }

    static bool write(TestWorkspace &ws, const CatalogSnapshot &snapshot, CatalogChanges *changes, QString *error)
    {
        const StoreError failure = ws.write([&](WriteTransaction &tx) { return CatalogStore::write(tx, snapshot, changes); });
        *error = failure.message();
        return !failure;
    }

    static PendoIdentity identity(const QString &id, const QString &account = {})
    {
        PendoIdentity out;
        out.id = id;
        out.accountId = account;
        return out;
    }

private Q_SLOTS:
    void tracksRenamesAndDeletions()
    {
        TestWorkspace ws;
        CatalogSnapshot first;
        first.items = {item(QStringLiteral("feature"), QStringLiteral("f1"), QStringLiteral("Export")),
                       item(QStringLiteral("feature"), QStringLiteral("f2"), QStringLiteral("Share")),
                       item(QStringLiteral("page"), QStringLiteral("p1"), QStringLiteral("Dashboard"), 42)};
        first.refreshedKinds = {QStringLiteral("feature"), QStringLiteral("page")};
        CatalogChanges changes;
        QString error;
        QVERIFY2(write(ws, first, &changes, &error), qPrintable(error));
        QCOMPARE(changes.added, 3);
        QCOMPARE(changes.apps, 2);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT is_default FROM pendo_apps WHERE app_id = -323232")).toInt(), 1);

        CatalogSnapshot second;
        second.items = {item(QStringLiteral("feature"), QStringLiteral("f1"), QStringLiteral("Export to CSV"))};
        second.refreshedKinds = {QStringLiteral("feature")}; // pages were not read this time
        changes = {};
        QVERIFY2(write(ws, second, &changes, &error), qPrintable(error));
        QCOMPARE(changes.renamed, 1);
        QCOMPARE(changes.deleted, 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_catalog_items")).toInt(), 3);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT old_name || ' -> ' || new_name FROM pendo_catalog_renames")).toString(),
                 QStringLiteral("Export -> Export to CSV"));
        QVERIFY(!ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_catalog_items WHERE pendo_id = 'f2'")).isNull());
        QVERIFY(ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_catalog_items WHERE pendo_id = 'p1'")).isNull());

        CatalogSnapshot third;
        third.items = {item(QStringLiteral("feature"), QStringLiteral("f1"), QStringLiteral("Export to CSV")),
                       item(QStringLiteral("feature"), QStringLiteral("f2"), QStringLiteral("Share"))};
        third.refreshedKinds = {QStringLiteral("feature")};
        changes = {};
        QVERIFY2(write(ws, third, &changes, &error), qPrintable(error));
        QCOMPARE(changes.restored, 1);
        QCOMPARE(changes.renamed, 0);
        QVERIFY(ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_catalog_items WHERE pendo_id = 'f2'")).isNull());
    }

    void replacesIdentitiesAndFields()
    {
        TestWorkspace ws;
        CatalogSnapshot snapshot;
        snapshot.identitiesRefreshed = true;
        snapshot.fieldsRefreshed = true;
        snapshot.accounts = {{QStringLiteral("A"), {}, {}, {}, QStringLiteral("{\"agent\":{}}"), false, 10, 4}};
        snapshot.visitors = {{QStringLiteral("V"), QStringLiteral("A"), QStringLiteral("[\"A\"]"), QStringLiteral("v@a.example"),
                              QStringLiteral("{}"), false, 3, 1}};
        snapshot.fields = {{QStringLiteral("visitor"), QStringLiteral("agent"), QStringLiteral("email"), QStringLiteral("string"),
                            QStringLiteral("Email")}};
        CatalogChanges changes;
        QString error;
        QVERIFY2(write(ws, snapshot, &changes, &error), qPrintable(error));
        QVERIFY2(write(ws, snapshot, &changes, &error), qPrintable(error));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_visitors")).toInt(), 1);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT events_30d FROM pendo_accounts")).toInt(), 10);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT display_name FROM pendo_metadata_fields")).toString(), QStringLiteral("Email"));
    }

    void identitiesKeepTheirIntegerIdsAcrossRefreshes()
    {
        TestWorkspace ws;
        CatalogSnapshot snapshot;
        snapshot.identitiesRefreshed = true;
        snapshot.accounts = {identity(QStringLiteral("acme")), identity(QStringLiteral("globex"))};
        snapshot.visitors = {identity(QStringLiteral("v1"), QStringLiteral("acme")),
                             identity(QStringLiteral("v2"), QStringLiteral("globex"))};
        CatalogChanges changes;
        QString error;
        QVERIFY2(write(ws, snapshot, &changes, &error), qPrintable(error));
        QCOMPARE(changes.identitiesAdded, 4);
        const qint64 acme = ws.scalar(QStringLiteral("SELECT id FROM pendo_accounts WHERE account_id = 'acme'")).toLongLong();
        const qint64 v2 = ws.scalar(QStringLiteral("SELECT id FROM pendo_visitors WHERE visitor_id = 'v2'")).toLongLong();
        QVERIFY(acme > 0);
        QVERIFY(v2 > 0);

        // Pendo stops listing globex and v2: their rows stay, marked; the others keep their ids.
        CatalogSnapshot later = snapshot;
        later.accounts = {identity(QStringLiteral("acme")), identity(QStringLiteral("initech"))};
        later.visitors = {identity(QStringLiteral("v1"), QStringLiteral("acme"))};
        changes = {};
        QVERIFY2(write(ws, later, &changes, &error), qPrintable(error));
        QCOMPARE(changes.identitiesAdded, 1);
        QCOMPARE(changes.identitiesGone, 2);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT id FROM pendo_accounts WHERE account_id = 'acme'")).toLongLong(), acme);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_accounts")).toInt(), 3);
        QVERIFY(!ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_visitors WHERE visitor_id = 'v2'")).isNull());
        QVERIFY(ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_visitors WHERE visitor_id = 'v1'")).isNull());

        // v2 comes back: same id, no longer marked.
        changes = {};
        QVERIFY2(write(ws, snapshot, &changes, &error), qPrintable(error));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT id FROM pendo_visitors WHERE visitor_id = 'v2'")).toLongLong(), v2);
        QVERIFY(ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_visitors WHERE visitor_id = 'v2'")).isNull());
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_visitors")).toInt(), 2);
    }

    void appsGetNamesAndAreMarkedWhenGone()
    {
        TestWorkspace ws;
        CatalogSnapshot snapshot;
        snapshot.apps = {{-323232, QStringLiteral("Acme Web"), QStringLiteral("web")},
                         {5767130939129856, QStringLiteral("Acme iOS"), QStringLiteral("ios")}};
        snapshot.appsRefreshed = true;
        CatalogChanges changes;
        QString error;
        QVERIFY2(write(ws, snapshot, &changes, &error), qPrintable(error));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM pendo_apps WHERE app_id = 5767130939129856")).toString(),
                 QStringLiteral("Acme iOS"));
        snapshot.apps.removeLast();
        QVERIFY2(write(ws, snapshot, &changes, &error), qPrintable(error));
        QVERIFY(!ws.scalar(QStringLiteral("SELECT deleted_at FROM pendo_apps WHERE app_id = 5767130939129856")).isNull());
        QCOMPARE(ws.scalar(QStringLiteral("SELECT name FROM pendo_apps WHERE app_id = 5767130939129856")).toString(),
                 QStringLiteral("Acme iOS"));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM pendo_apps")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestCatalogStore)
#include "tst_catalogstore.moc"
