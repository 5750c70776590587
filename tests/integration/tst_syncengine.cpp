#include "SimProcess.h"
#include "TestSupport.h"

#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncEngine.h"
#include "sync/SyncHistory.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

namespace {

const QString key = QStringLiteral("pendo-sim-key");

QStringList smallSubscription()
{
    return {QStringLiteral("--accounts"), QStringLiteral("12"), QStringLiteral("--visitors-per-account"),
            QStringLiteral("4"), QStringLiteral("--features"), QStringLiteral("8"), QStringLiteral("--pages"),
            QStringLiteral("5"), QStringLiteral("--history-days"), QStringLiteral("60")};
}

/** Every raw activity row with Pendo's own ids, sorted: what two equal workspaces must agree on. */
QString activityDump(QSqlDatabase db)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT a.day, a.app_id, a.kind, COALESCE(i.pendo_id, ''), v.visitor_id, "
                          "COALESCE(ac.account_id, ''), a.events, a.minutes FROM pendo_activity a "
                          "JOIN pendo_visitors v ON v.id = a.visitor_ref "
                          "LEFT JOIN pendo_accounts ac ON ac.id = a.account_ref "
                          "LEFT JOIN pendo_catalog_items i ON i.id = a.item_ref "
                          "ORDER BY 1, 2, 3, 4, 5, 6"));
    QString out;
    while (q.next()) {
        for (int c = 0; c < 8; ++c)
            out += q.value(c).toString() + QLatin1Char(c == 7 ? '\n' : ',');
    }
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

private Q_SLOTS:
    void backfillLandsEveryWindowAndARerunChangesNothing()
    {
        SimProcess sim(smallSubscription());
        QVERIFY2(sim.isReady(), qPrintable(sim.error()));
        TestWorkspace workspace;
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
        QVERIFY(!before.isEmpty());

        const SyncRunSummary second = runSync(workspace.session(), sim.url(), request);
        QCOMPARE(syncs::key(second.status), QStringLiteral("completed"));
        QCOMPARE(second.windowsTotal, 12); // only the settle window (2 days) is pulled again
        QCOMPARE(activityDump(workspace.database().connection()), before);
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
