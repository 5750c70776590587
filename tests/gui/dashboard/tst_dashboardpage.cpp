#include "GuiTestSupport.h"
#include "TestSupport.h"

#include "analytics/AnalyticsEngine.h"
#include "analytics/HealthModelStore.h"
#include "dashboard/AccountPanels.h"
#include "dashboard/AccountView.h"
#include "dashboard/DashboardController.h"
#include "dashboard/DashboardPage.h"
#include "dashboard/HealthBacktestView.h"
#include "dashboard/HealthModelEditor.h"
#include "dashboard/PortfolioView.h"
#include "items/PortfolioFilter.h"
#include "items/PortfolioModel.h"
#include "session/WorkspaceSession.h"
#include "store/WriteTransaction.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QDate>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTest>

namespace {

const int lastDay = int(QDate(2026, 11, 30).toJulianDay());

/** Three matched accounts with 60 days of activity: one busy, one quiet, one stopped 40 days ago. */
bool fill(TestWorkspace &ws)
{
    return !ws.write([](WriteTransaction &tx) {
        const QString now = QStringLiteral("'2026-11-30T00:00:00Z'");
        QStringList sql{
            QStringLiteral("INSERT INTO accounts (id, external_id, name, owner, arr, licensed_seats, created_at, "
                           "updated_at) VALUES (1, 'B-1', 'Busy Corp', 'dana', 50000, 4, %1, %1), "
                           "(2, 'Q-2', 'Quiet Ltd', 'lee', 20000, 10, %1, %1), "
                           "(3, 'S-3', 'Stopped Inc', 'dana', 9000, 5, %1, %1)")
                .arg(now),
            QStringLiteral("INSERT INTO pendo_accounts (id, account_id, refreshed_at) VALUES (1, 'p1', %1), "
                           "(2, 'p2', %1), (3, 'p3', %1)")
                .arg(now),
            QStringLiteral("INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, config_version, "
                           "resolved_at) VALUES ('account', 1, 'matched', 1, 1, %1), "
                           "('account', 2, 'matched', 2, 1, %1), ('account', 3, 'matched', 3, 1, %1)")
                .arg(now),
            QStringLiteral("INSERT INTO pendo_visitors (id, visitor_id, refreshed_at) VALUES (1, 'v1', %1), "
                           "(2, 'v2', %1), (3, 'v3', %1), (4, 'v4', %1), (5, 'v5', %1)")
                .arg(now)};
        QStringList rows;
        for (int d = lastDay - 59; d <= lastDay; ++d) {
            for (int v = 1; v <= 3; ++v) // Busy: three visitors every day
                rows << QStringLiteral("(0, -323232, %1, %2, 1, 0, 20, 5)").arg(d).arg(v);
            if (d % 9 == 0) // Quiet: one visitor now and then
                rows << QStringLiteral("(0, -323232, %1, 4, 2, 0, 3, 1)").arg(d);
            if (d < lastDay - 40) // Stopped
                rows << QStringLiteral("(0, -323232, %1, 5, 3, 0, 8, 2)").arg(d);
        }
        sql << QStringLiteral("INSERT INTO pendo_activity VALUES ") + rows.join(u',');
        for (const QString &s : sql)
            if (!tx.exec(s))
                return false;
        return true;
    });
}

} // namespace

/**
 * The health view of the main window on a real workspace: after a recompute the portfolio shows
 * every account with its stored score, a double-click opens the account read from the workspace,
 * Back returns, and a backtest of the current model runs on a worker thread.
 */
class TestDashboardPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void itemModelsHoldTheirContracts()
    {
        AccountUsersModel users;
        QAbstractItemModelTester usersTester(&users, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ContactUsage one;
        one.contactId = 1;
        one.name = QStringLiteral("One");
        one.lastSeenDay = lastDay;
        one.activeDays30d = 4;
        ContactUsage two = one;
        two.contactId = 2;
        two.lastSeenDay.reset();
        users.setContacts({one, two});
        QCOMPARE(users.rowCount(), 2);
        QCOMPARE(users.index(1, AccountUsersModel::LastSeen).data().toString().isEmpty(), false);
        users.setContacts({});
        QCOMPARE(users.rowCount(), 0);

        BandChangesModel changes;
        QAbstractItemModelTester changesTester(&changes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        changes.setChanges({BandChange{1, QStringLiteral("Acme"), lastDay, HealthBand::Yellow, HealthBand::Red,
                                       HealthBand::Yellow}});
        QCOMPARE(changes.rowCount(), 1);
        QCOMPARE(changes.index(0, BandChangesModel::To).data().toString(), QStringLiteral("Red"));
        changes.setChanges({});
        QCOMPARE(changes.rowCount(), 0);
    }

    void portfolioAccountAndBacktest()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(fill(ws));

        DashboardPage page(ws.session());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *status = requireChild<QLabel>(&page, QStringLiteral("recomputeStatusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("No account health yet")), 5000);

        // A recompute (as after a sync) reloads the portfolio by itself.
        QSignalSpy portfolio(&page.controller(), &DashboardController::portfolioReady);
        ws.session().analytics().recompute(RecomputeRequest::full(QStringLiteral("test")));
        QVERIFY(portfolio.wait(10000));
        PortfolioModel *model = page.portfolio()->model();
        QCOMPARE(model->rowCount(), 3);
        QSqlQuery q(ws.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT account_id, score FROM health_scores WHERE day = %1").arg(lastDay)));
        int checked = 0;
        while (q.next()) {
            const int row = model->rowOf(q.value(0).toLongLong());
            QVERIFY(row >= 0);
            QCOMPARE(*model->row(row).score, q.value(1).toDouble());
            ++checked;
        }
        QCOMPARE(checked, 3);
        const int busy = model->rowOf(1), stopped = model->rowOf(3);
        QVERIFY(*model->row(busy).score > *model->row(stopped).score);
        QCOMPARE(model->row(stopped).band, HealthBand::Red); // 40 days without activity
        QCOMPARE(model->row(busy).mau, 3.0);

        // Double-click opens the account, read from the workspace.
        QTableView *table = page.portfolio()->table();
        const QModelIndex busyIndex = page.portfolio()->filter()->mapFromSource(model->index(busy, PortfolioModel::Name));
        QSignalSpy opened(&page.controller(), &DashboardController::accountReady);
        Q_EMIT table->activated(busyIndex);
        QVERIFY(opened.wait(5000));
        QVERIFY(page.account()->isVisible());
        const AccountDetail &detail = page.account()->detail();
        QVERIFY(detail.found);
        QCOMPARE(detail.summary.name, QStringLiteral("Busy Corp"));
        QCOMPARE(detail.series.size(), 60);
        QCOMPARE(detail.series.back().value(MetricField::Mau), 3.0);
        QCOMPARE(detail.explanation.score, *model->row(busy).score);
        saveScreenshot(&page, "dashboard-account");

        requireChild<QPushButton>(&page, QStringLiteral("backToPortfolioButton"))->click();
        QVERIFY(page.portfolio()->isVisible());
        QCOMPARE(page.controller().currentAccount(), 0);

        // The backtest of the current model over 30 days: the stored scores came from it, so no day differs.
        requireChild<QPushButton>(&page, QStringLiteral("backtestButton"))->click();
        auto *backtest = requireChild<HealthBacktestView>(&page, QStringLiteral("healthBacktestView"));
        QVERIFY(backtest->isVisible());
        QSignalSpy replayed(&page.controller(), &DashboardController::backtestReady);
        QVERIFY(replayed.wait(5000));
        const BacktestResult result = replayed.front().front().value<BacktestResult>();
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.accounts.size(), 3);
        QCOMPARE(result.accountsDiffering, 0);
        saveScreenshot(backtest, "dashboard-backtest");
    }

    /**
     * The model editor: an invalid draft cannot be saved; a draft's backtest shows the band
     * changes it would make; saving stores a new version effective from the last computed day,
     * the recompute scores that day with it and leaves earlier days on the old version.
     */
    void modelEditorBacktestsAndSavesANewVersion()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        QVERIFY(fill(ws));
        QSignalSpy computed(&ws.session().analytics(), &AnalyticsEngine::finished);
        ws.session().analytics().recompute(RecomputeRequest::full(QStringLiteral("test")));
        QVERIFY(computed.wait(10000));

        DashboardPage page(ws.session());
        page.resize(1280, 800);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto *modelStatus = requireChild<QLabel>(&page, QStringLiteral("modelStatusLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(modelStatus->text(), QStringLiteral("Built-in health model"), 5000);
        QCOMPARE(page.portfolio()->model()->rowCount(), 3);
        const HealthBand busyBefore = page.portfolio()->model()->row(page.portfolio()->model()->rowOf(1)).band;
        QCOMPARE(busyBefore, HealthBand::Green);

        requireChild<QPushButton>(&page, QStringLiteral("editModelButton"))->click();
        HealthModelEditor *editor = page.modelEditor();
        QVERIFY(editor);
        QVERIFY(editor->isVisible());
        const HealthModel before = editor->model();
        QVERIFY(!before.inputs.isEmpty());
        auto *save = requireChild<QPushButton>(editor, QStringLiteral("saveModelButton"));
        auto *yellow = requireChild<QDoubleSpinBox>(editor, QStringLiteral("yellowFromSpinBox"));
        auto *green = requireChild<QDoubleSpinBox>(editor, QStringLiteral("greenFromSpinBox"));
        QVERIFY(save->isEnabled());

        // Yellow above green is refused, with the reason shown.
        yellow->setValue(90);
        green->setValue(80);
        QVERIFY(!save->isEnabled());
        QVERIFY(!requireChild<QLabel>(editor, QStringLiteral("modelProblemsLabel"))->text().isEmpty());

        // A stricter model: green only from 99 points. Its backtest turns the busy account yellow.
        yellow->setValue(40);
        green->setValue(99);
        QVERIFY(save->isEnabled());
        QSignalSpy replayed(&page.controller(), &DashboardController::backtestReady);
        requireChild<QPushButton>(editor, QStringLiteral("backtestDraftButton"))->click();
        QVERIFY(replayed.wait(5000));
        const BacktestResult result = replayed.front().front().value<BacktestResult>();
        QVERIFY(result.error.isEmpty());
        QVERIFY(result.accountsDiffering >= 1);
        saveScreenshot(editor, "dashboard-model-editor");

        requireChild<QLineEdit>(editor, QStringLiteral("modelSummaryLineEdit"))->setText(QStringLiteral("Stricter green"));
        QSignalSpy reloaded(&page.controller(), &DashboardController::portfolioReady);
        save->click();
        QTRY_COMPARE_WITH_TIMEOUT(modelStatus->text(), QStringLiteral("Health model version 1"), 10000);

        QSqlDatabase db = ws.database().connection();
        const QList<HealthModelVersion> versions = HealthModelStore::versions(db);
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions.back().version, 1);
        QCOMPARE(versions.back().effectiveDay, lastDay);
        QCOMPARE(versions.back().summary, QStringLiteral("Stricter green"));
        QCOMPARE(versions.back().actor, QStringLiteral("desktop"));
        QCOMPARE(versions.back().model.greenFrom, 99.0);
        QSqlQuery q(ws.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT day = %1, model_version, COUNT(*) FROM health_scores "
                                      "GROUP BY 1, 2 ORDER BY 1, 2").arg(lastDay)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0); // earlier days: still the built-in version
        QCOMPARE(q.value(1).toInt(), 0);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1); // the last day: the new version
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toInt(), 3);
        QVERIFY(!q.next());
        const PortfolioModel *model = page.portfolio()->model();
        QCOMPARE(model->row(model->rowOf(1)).band, HealthBand::Yellow);
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
