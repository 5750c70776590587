#include "GuiTestSupport.h"
#include "SyncTestSupport.h"

#include "mainwindow/MainWindow.h"
#include "matching/MatchWorkbench.h"
#include "matching/UnmatchedListView.h"
#include "sync/CoverageHeatmap.h"
#include "sync/SyncEngine.h"
#include "sync/SyncLogModel.h"
#include "sync/SyncMonitor.h"
#include "sync/SyncPresentation.h"
#include "sync/SyncRunsModel.h"
#include "sync/SyncScheduler.h"
#include "store/WorkspaceSettings.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimeEdit>
#include <QTabWidget>
#include <QTableView>

/** The sync monitor, driven by recorded sync rows and by the engine's signals sent from the test. */
class TestSyncMonitor : public QObject
{
    Q_OBJECT

private:
    static void showAndLoad(SyncMonitor &monitor)
    {
        QSignalSpy loaded(&monitor.controller(), &SyncMonitorController::loaded);
        monitor.resize(1180, 740);
        monitor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&monitor));
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1 && !monitor.controller().isLoading(), 5000);
    }

private Q_SLOTS:
    void historyRowsComeFromRecordedRuns()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        SyncRows::Run older;
        older.id = 1;
        QVERIFY(SyncRows::insertRun(ws, older));
        SyncRows::Run backfill;
        backfill.id = 2;
        backfill.kind = QStringLiteral("backfill");
        backfill.status = QStringLiteral("completed_with_failures");
        backfill.backfillDays = 30;
        backfill.windowsTotal = 60;
        backfill.windowsDone = 60;
        backfill.windowsFailed = 3;
        backfill.rowsSkipped = 5;
        backfill.skippedReasons = QStringLiteral("{\"no visitor id\": 5}");
        backfill.unmatchedVisitors = 4;
        backfill.unmatchedAccounts = 1;
        backfill.startedAt = QStringLiteral("2026-03-03T08:00:00.000Z");
        backfill.finishedAt = QStringLiteral("2026-03-03T08:45:00.000Z");
        QVERIFY(SyncRows::insertRun(ws, backfill));

        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        auto *table = requireChild<QTableView>(&monitor, QStringLiteral("runHistoryTableView"));
        QAbstractItemModel *model = table->model();
        QCOMPARE(model->rowCount(), 2);
        // Newest first.
        QCOMPARE(model->index(0, SyncRunsModel::Kind).data().toString(), QStringLiteral("Backfill (30 days)"));
        QCOMPARE(model->index(0, SyncRunsModel::Windows).data().toString(), QStringLiteral("60 / 60"));
        QCOMPARE(model->index(0, SyncRunsModel::Failed).data().toString(), QStringLiteral("3"));
        QCOMPARE(model->index(0, SyncRunsModel::Duration).data().toString(), QStringLiteral("45 min"));
        QCOMPARE(model->index(0, SyncRunsModel::RowsSkipped).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("no visitor id: 5"));
        QCOMPARE(model->index(0, SyncRunsModel::Unmatched).data().toString(), QStringLiteral("5"));
        QVERIFY(model->index(0, SyncRunsModel::Status).data().toString().contains(QStringLiteral("3")));
        QCOMPARE(model->index(1, SyncRunsModel::Kind).data().toString(), QStringLiteral("Manual"));
        QCOMPARE(model->index(1, SyncRunsModel::Duration).data().toString(), QStringLiteral("3 min 20 s"));
        auto *tabs = requireChild<QTabWidget>(&monitor, QStringLiteral("monitorTabWidget"));
        QCOMPARE(tabs->tabText(1), QStringLiteral("History (2)"));
    }

    void heatmapShowsTheWorstStateOfEachDay()
    {
        TestWorkspace ws;
        const QDate today = SyncRows::today(ws);
        QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("activity"), 1, today.addDays(-3), QStringLiteral("synced")));
        QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("features"), 1, today.addDays(-1), QStringLiteral("synced")));
        QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("features"), 2, today.addDays(-1),
                                       QStringLiteral("provisional")));
        QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("pages"), 1, today.addDays(-10), QStringLiteral("failed")));
        QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("aggregation:weekly_logins"), 0, today.addDays(-2),
                                       QStringLiteral("failed")));
        // Outside the last 365 days: not shown.
        QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("activity"), 1, today.addDays(-400), QStringLiteral("synced")));

        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        auto *heatmap = requireChild<CoverageHeatmap>(&monitor, QStringLiteral("coverageHeatmap"));
        using State = SyncHistory::DayState;
        QCOMPARE(heatmap->from(), today.addDays(-364));
        QCOMPARE(heatmap->to(), today);
        QCOMPARE(heatmap->stateAt(SyncStream::Activity, today.addDays(-3)), State::Synced);
        QCOMPARE(heatmap->stateAt(SyncStream::Activity, today.addDays(-4)), State::Missing);
        QCOMPARE(heatmap->stateAt(SyncStream::Features, today.addDays(-1)), State::Provisional);
        QCOMPARE(heatmap->stateAt(SyncStream::Pages, today.addDays(-10)), State::Failed);
        QCOMPARE(heatmap->stateAt(SyncStream::Aggregations, today.addDays(-2)), State::Failed);
        QCOMPARE(heatmap->stateAt(SyncStream::Activity, today.addDays(-400)), State::Missing);
        QVERIFY(heatmap->streams().contains(SyncStream::Aggregations));

        const QPoint cell = heatmap->cellCenter(SyncStream::Features, today.addDays(-1));
        QCOMPARE(heatmap->toolTipAt(cell),
                 QStringLiteral("Features · %1: provisional").arg(today.addDays(-1).toString(Qt::ISODate)));
        SyncStream stream;
        QDate day;
        QVERIFY(heatmap->cellAt(heatmap->cellCenter(SyncStream::Pages, today.addDays(-10)), &stream, &day));
        QCOMPARE(stream, SyncStream::Pages);
        QCOMPARE(day, today.addDays(-10));
        QVERIFY(heatmap->toolTipAt(QPoint(1, 1)).isEmpty());
        QVERIFY(requireChild<QLabel>(&monitor, QStringLiteral("coverageSummaryLabel"))->text().contains(QStringLiteral("2 failed")));
    }

    void progressSignalsDriveTheCurrentRun()
    {
        TestWorkspace ws;
        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        SyncEngine &engine = ws.session().syncEngine();
        auto *bar = requireChild<QProgressBar>(&monitor, QStringLiteral("syncProgressBar"));
        auto *syncNow = requireChild<QPushButton>(&monitor, QStringLiteral("syncNowPushButton"));
        auto *backfill = requireChild<QPushButton>(&monitor, QStringLiteral("backfillPushButton"));
        auto *cancel = requireChild<QPushButton>(&monitor, QStringLiteral("cancelSyncPushButton"));
        auto *eta = requireChild<QLabel>(&monitor, QStringLiteral("etaLabel"));
        QVERIFY(syncNow->isEnabled());
        QVERIFY(backfill->isEnabled());
        QVERIFY(!cancel->isEnabled());

        Q_EMIT engine.started(7, SyncRequest::Kind::Manual);
        QVERIFY(!syncNow->isEnabled());
        QVERIFY(!backfill->isEnabled());
        QVERIFY(cancel->isEnabled());
        // Before the plan is known the bar is busy and the time left unknown.
        QCOMPARE(bar->maximum(), 0);
        QCOMPARE(eta->text(), QStringLiteral("estimating…"));

        SyncProgress progress;
        progress.runId = 7;
        progress.phase = QStringLiteral("Pulling activity");
        progress.windowsTotal = 40;
        progress.windowsDone = 10;
        progress.windowsFailed = 1;
        progress.rowsIn = 5000;
        progress.requests = 12;
        progress.requestsInFlight = 4;
        progress.etaMs = 125000;
        progress.elapsedMs = 42000;
        Q_EMIT engine.progress(progress);
        QCOMPARE(bar->maximum(), 100);
        QCOMPARE(bar->value(), 25);
        QCOMPARE(eta->text(), QStringLiteral("about 2 min 5 s left"));
        QCOMPARE(requireChild<QLabel>(&monitor, QStringLiteral("phaseLabel"))->text(), QStringLiteral("Pulling activity"));
        QCOMPARE(requireChild<QLabel>(&monitor, QStringLiteral("windowsLabel"))->text(),
                 QStringLiteral("10 of 40 (1 failed)"));
        QCOMPARE(requireChild<QLabel>(&monitor, QStringLiteral("requestsLabel"))->text(), QStringLiteral("12 (4 in flight)"));

        SyncLogEntry entry;
        entry.runId = 7;
        entry.at = QStringLiteral("2026-03-02T08:00:01.000Z");
        entry.level = SyncLogEntry::Level::Warning;
        entry.stream = QStringLiteral("features");
        entry.day = QDate(2026, 3, 1);
        entry.message = QStringLiteral("window split into hours after a time-out");
        Q_EMIT engine.logged(entry);
        QAbstractItemModel *log = requireChild<QTableView>(&monitor, QStringLiteral("syncLogView"))->model();
        QCOMPARE(log->rowCount(), 1);
        QCOMPARE(log->index(0, SyncLogModel::Stream).data().toString(), QStringLiteral("Features"));
        QCOMPARE(log->index(0, SyncLogModel::Message).data().toString(), entry.message);
        QVERIFY(log->index(0, SyncLogModel::Message).data(Qt::ForegroundRole).isValid());
        saveScreenshot(&monitor, "sync-monitor-running");

        QSignalSpy states(&monitor.controller(), &SyncMonitorController::stateChanged);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QCOMPARE(states.count(), 1);
        QCOMPARE(monitor.controller().state(), SyncMonitorController::State::Canceling);
        QVERIFY(!cancel->isEnabled());
        QVERIFY(!syncNow->isEnabled());
        QCOMPARE(requireChild<QLabel>(&monitor, QStringLiteral("phaseLabel"))->text(), QStringLiteral("Canceling…"));

        SyncRunSummary summary;
        summary.runId = 7;
        summary.status = SyncStatus::Canceled;
        QSignalSpy reloaded(&monitor.controller(), &SyncMonitorController::loaded);
        Q_EMIT engine.finished(summary);
        QCOMPARE(monitor.controller().state(), SyncMonitorController::State::Idle);
        QVERIFY(syncNow->isEnabled());
        QVERIFY(!cancel->isEnabled());
        QCOMPARE(bar->value(), 0);
        // A finished run reloads history and coverage.
        QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 5000);
    }

    void theScheduleIsSavedAndShowsTheNextRun()
    {
        TestWorkspace ws;
        ws.session().scheduler().setEnabled(true);
        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        auto *mode = requireChild<QComboBox>(&monitor, QStringLiteral("scheduleComboBox"));
        auto *time = requireChild<QTimeEdit>(&monitor, QStringLiteral("scheduleTimeEdit"));
        auto *next = requireChild<QLabel>(&monitor, QStringLiteral("nextScheduledSyncLabel"));
        QCOMPARE(mode->currentData().toString(), QStringLiteral("off"));
        QVERIFY(!time->isEnabled());
        QVERIFY(next->text().startsWith(QStringLiteral("Off")));
        time->setTime(QTime(5, 30));
        mode->setCurrentIndex(mode->findData(QStringLiteral("daily")));
        QVERIFY(time->isEnabled());
        QTRY_COMPARE(ws.session().settings().text(WorkspaceSettings::Key::ScheduleMode), QStringLiteral("daily"));
        QTRY_COMPARE(ws.session().settings().text(WorkspaceSettings::Key::ScheduleTime), QStringLiteral("05:30"));
        // Never ran: the next 05:30 local time.
        const QDateTime due = ws.session().scheduler().nextDue();
        QCOMPARE(due.toLocalTime().time(), QTime(5, 30));
        QVERIFY(due > QDateTime::currentDateTime());
        QTRY_VERIFY(next->text().startsWith(QStringLiteral("Next:")));
        // Stored in the workspace: a new session reads it back.
        QSqlQuery q(ws.database().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT value FROM settings WHERE setting_key = 'sync.schedule'")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("daily"));
    }

    void logKeepsTheNewestLines()
    {
        TestWorkspace ws;
        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        monitor.controller().logModel()->setMaxLines(50);
        SyncEngine &engine = ws.session().syncEngine();
        Q_EMIT engine.started(3, SyncRequest::Kind::Scheduled);
        for (int i = 0; i < 120; ++i) {
            SyncLogEntry entry;
            entry.message = QStringLiteral("line %1").arg(i);
            Q_EMIT engine.logged(entry);
        }
        const QList<SyncLogEntry> &lines = monitor.controller().logModel()->items();
        QVERIFY(lines.size() <= 50);
        QCOMPARE(lines.last().message, QStringLiteral("line 119"));
    }

    void backfillConfirmationShowsTheEstimateAndCancelStartsNothing()
    {
        TestWorkspace ws;
        QVERIFY(SyncRows::insertApp(ws, 1));
        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        QSignalSpy started(&ws.session().syncEngine(), &SyncEngine::started);
        QSignalSpy estimated(&monitor.controller(), &SyncMonitorController::estimateReady);

        requireChild<QSpinBox>(&monitor, QStringLiteral("backfillDaysSpinBox"))->setValue(30);
        QTest::mouseClick(requireChild<QPushButton>(&monitor, QStringLiteral("backfillPushButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(estimated.count(), 1, 5000);
        const SyncEstimate estimate = estimated.at(0).at(0).value<SyncEstimate>();
        QVERIFY(estimate.windows > 0);
        QCOMPARE(monitor.controller().pendingBackfillDays(), 30);

        QMessageBox *box = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((box = monitor.findChild<QMessageBox *>(QStringLiteral("backfillConfirmMessageBox")))
                                     && box->isVisible(),
                                 5000);
        QCOMPARE(box->text(), QStringLiteral("Backfill the last 30 days?"));
        QVERIFY2(box->informativeText().contains(QStringLiteral("Windows to pull: %1 ").arg(QLocale().toString(estimate.windows))),
                 qPrintable(box->informativeText()));
        QVERIFY(box->informativeText().contains(QStringLiteral("Requests: about %1").arg(QLocale().toString(estimate.requests))));
        QVERIFY(box->informativeText().contains(
            estimate.durationMs < 1000 ? QStringLiteral("Estimated time: under a second")
                                       : QStringLiteral("Estimated time: about %1").arg(SyncPresentation::duration(estimate.durationMs))));
        saveScreenshot(box, "sync-monitor-backfill-confirmation");

        QPointer<QMessageBox> guard(box);
        QTest::mouseClick(requireChild<QPushButton>(box, QStringLiteral("cancelBackfillPushButton")), Qt::LeftButton);
        QTRY_VERIFY(!guard);
        QVERIFY(!monitor.controller().pendingEstimate());
        QCOMPARE(monitor.controller().state(), SyncMonitorController::State::Idle);
        QCOMPARE(started.count(), 0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM sync_runs")).toInt(), 0);
    }

    void confirmedBackfillAsksTheSessionToStart()
    {
        TestWorkspace ws;
        QVERIFY(SyncRows::insertApp(ws, 1));
        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        QSignalSpy messages(&monitor.controller(), &SyncMonitorController::message);
        // The modal way a user meets it: answered from a timer once it is up.
        QTimer::singleShot(0, &monitor, [&monitor] {
            QTRY_VERIFY_WITH_TIMEOUT(monitor.findChild<QMessageBox *>(QStringLiteral("backfillConfirmMessageBox")), 5000);
            auto *box = monitor.findChild<QMessageBox *>(QStringLiteral("backfillConfirmMessageBox"));
            QTest::mouseClick(requireChild<QPushButton>(box, QStringLiteral("startBackfillPushButton")), Qt::LeftButton);
        });
        monitor.controller().requestBackfill(7);
        // This workspace is not connected: the session refuses and the monitor says why.
        QTRY_COMPARE_WITH_TIMEOUT(messages.count(), 1, 5000);
        QCOMPARE(messages.at(0).at(1).toBool(), true);
        QVERIFY(messages.at(0).at(0).toString().contains(QStringLiteral("not connected")));
        QCOMPARE(monitor.controller().state(), SyncMonitorController::State::Idle);
        QVERIFY(requireChild<QPushButton>(&monitor, QStringLiteral("syncNowPushButton"))->isEnabled());
    }

    void doubleClickingAnUnmatchedIdAsksForTheWorkbench()
    {
        TestWorkspace ws;
        const QDate today = SyncRows::today(ws);
        QVERIFY(SyncRows::insertUnmatchedVisitor(ws, 1, QStringLiteral("visitor-quiet"), QStringLiteral("acct-1"), 3, today));
        QVERIFY(SyncRows::insertUnmatchedVisitor(ws, 2, QStringLiteral("visitor-busy"), QStringLiteral("acct-2"), 900,
                                                 today.addDays(-1)));
        SyncMonitor monitor(ws.session());
        showAndLoad(monitor);
        auto *tabs = requireChild<QTabWidget>(&monitor, QStringLiteral("monitorTabWidget"));
        tabs->setCurrentIndex(2);
        QCOMPARE(tabs->tabText(2), QStringLiteral("Unmatched (2)"));
        auto *table = requireChild<QTableView>(&monitor, QStringLiteral("unmatchedTableView"));
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(table->model()->index(0, 1).data().toString(), QStringLiteral("visitor-busy"));
        QCOMPARE(table->model()->index(0, 2).data().toString(), QStringLiteral("acct-2"));

        QSignalSpy open(&monitor, &SyncMonitor::openMatchingRequested);
        QVERIFY(QTest::qWaitForWindowExposed(table->window()));
        const QRect cell = table->visualRect(table->model()->index(0, 1));
        QVERIFY(table->viewport()->rect().contains(cell.center()));
        // A double-click is a click followed by the second press: the view compares both presses' index.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("visitor-busy"));

        auto *button = requireChild<QPushButton>(&monitor, QStringLiteral("openMatchingPushButton"));
        table->setCurrentIndex(table->model()->index(1, 0));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(open.count(), 2);
        QCOMPARE(open.at(1).at(0).toString(), QStringLiteral("visitor-quiet"));
        saveScreenshot(&monitor, "sync-monitor-unmatched");
    }

    void mainWindowOpensTheMonitorAndTheWorkbench()
    {
        TestWorkspace ws;
        const QDate today = SyncRows::today(ws);
        for (int back = 0; back < 200; ++back) {
            const QString status = back < 2 ? QStringLiteral("provisional")
                                   : back % 37 == 5 ? QStringLiteral("failed")
                                                    : QStringLiteral("synced");
            QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("activity"), 1, today.addDays(-back), status));
            if (back < 90)
                QVERIFY(SyncRows::insertWindow(ws, QStringLiteral("features"), 1, today.addDays(-back), status));
        }
        SyncRows::Run run;
        QVERIFY(SyncRows::insertRun(ws, run));
        MainWindow window(ws.session());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        requireChild<QAction>(&window, QStringLiteral("syncMonitorAction"))->trigger();
        auto *monitor = window.findChild<SyncMonitor *>(QStringLiteral("syncMonitor"));
        QVERIFY(monitor);
        QVERIFY(monitor->isVisible());
        QVERIFY(monitor->isWindow());
        QTRY_COMPARE_WITH_TIMEOUT(monitor->heatmap()->stateAt(SyncStream::Activity, today.addDays(-5)),
                                  SyncHistory::DayState::Failed, 5000);
        saveScreenshot(monitor, "sync-monitor-window");
        // A second trigger shows the same window.
        requireChild<QAction>(&window, QStringLiteral("syncMonitorAction"))->trigger();
        QCOMPARE(window.findChildren<SyncMonitor *>().size(), 1);

        Q_EMIT monitor->openMatchingRequested(QStringLiteral("visitor-9"));
        auto *stack = requireChild<QStackedWidget>(&window, QStringLiteral("viewsStackedWidget"));
        QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("matchingView"));
        auto *search = requireChild<QLineEdit>(&window, QStringLiteral("unmatchedVisitorsSearchLineEdit"));
        QCOMPARE(search->text(), QStringLiteral("visitor-9"));

        // The status line follows a run from wherever it started.
        SyncProgress progress;
        progress.phase = QStringLiteral("Pulling activity");
        progress.windowsTotal = 4;
        progress.windowsDone = 1;
        Q_EMIT ws.session().syncEngine().progress(progress);
        auto *note = requireChild<QLabel>(&window, QStringLiteral("syncStatusLabel"));
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("Syncing: 25% — Pulling activity"));
        QVERIFY(!requireChild<QAction>(&window, QStringLiteral("syncNowAction"))->isEnabled());
        SyncRunSummary done;
        done.status = SyncStatus::Completed;
        Q_EMIT ws.session().syncEngine().finished(done);
        QVERIFY(!note->isVisible());
        QVERIFY(requireChild<QAction>(&window, QStringLiteral("syncNowAction"))->isEnabled());
        // The run's outcome stays on the status line while the views reload under it.
        auto *workspaceNote = requireChild<QLabel>(&window, QStringLiteral("workspaceStatusLabel"));
        QTRY_VERIFY(workspaceNote->text().startsWith(QStringLiteral("Workspace ")));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Sync: completed"));
    }
};

QTEST_MAIN(TestSyncMonitor)
#include "tst_syncmonitor.moc"
