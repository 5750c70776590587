#include "sync/SyncLogModel.h"
#include "sync/SyncPresentation.h"
#include "sync/SyncRunsModel.h"
#include "sync/SyncUnmatchedModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

/** The sync monitor's item models and the words and colours they share. */
class TestSyncModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsModel()
    {
        SyncRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SyncRunSummary failed;
        failed.runId = 9;
        failed.kind = SyncRequest::Kind::Scheduled;
        failed.status = SyncStatus::Failed;
        failed.error = QStringLiteral("The key was refused");
        failed.startedAt = QStringLiteral("2026-03-02T08:00:00.000Z");
        failed.skippedReasons = {{QStringLiteral("no visitor id"), 3}, {QStringLiteral("unknown app"), 1}};
        failed.rowsSkipped = 4;
        SyncRunSummary completed;
        completed.runId = 8;
        completed.status = SyncStatus::Completed;
        completed.startedAt = QStringLiteral("2026-03-01T08:00:00.000Z");
        completed.finishedAt = QStringLiteral("2026-03-01T09:02:00.000Z");
        completed.durationMs = 62 * 60 * 1000;
        completed.windowsTotal = 1200;
        completed.windowsDone = 1200;
        model.setItems({failed, completed});

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(SyncRunsModel::ColumnCount));
        QCOMPARE(model.index(0, SyncRunsModel::Kind).data().toString(), QStringLiteral("Scheduled"));
        QCOMPARE(model.index(0, SyncRunsModel::Duration).data().toString(), QString()); // not finished
        QCOMPARE(model.index(0, SyncRunsModel::Status).data(Qt::ToolTipRole).toString(), failed.error);
        QCOMPARE(model.index(0, SyncRunsModel::RowsSkipped).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("no visitor id: 3\nunknown app: 1"));
        QCOMPARE(model.index(0, 0).data(SyncRunsModel::RunIdRole).toLongLong(), 9);
        QCOMPARE(model.index(1, SyncRunsModel::Duration).data().toString(), QStringLiteral("1 h 2 min"));
        QCOMPARE(model.index(1, SyncRunsModel::Windows).data(Qt::UserRole).toInt(), 1200);
        QCOMPARE(model.headerData(SyncRunsModel::RowsIn, Qt::Horizontal).toString(), QStringLiteral("Rows in"));
        model.setItems({});
        QCOMPARE(model.rowCount(), 0);
    }

    void logModelDropsTheOldestLines()
    {
        SyncLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMaxLines(20);
        for (int i = 0; i < 55; ++i) {
            SyncLogEntry entry;
            entry.level = i % 10 == 0 ? SyncLogEntry::Level::Error : SyncLogEntry::Level::Info;
            entry.stream = QStringLiteral("aggregation:weekly_logins");
            entry.errorClass = QStringLiteral("timeout");
            entry.message = QStringLiteral("line %1").arg(i);
            model.append(entry);
            QVERIFY(model.rowCount() <= 20);
        }
        QCOMPARE(model.index(model.rowCount() - 1, SyncLogModel::Message).data().toString(), QStringLiteral("line 54"));
        QCOMPARE(model.index(0, SyncLogModel::Stream).data().toString(), QStringLiteral("Aggregation: weekly_logins"));
        QCOMPARE(model.index(0, SyncLogModel::Message).data(Qt::ToolTipRole).toString().endsWith(QStringLiteral("(timeout)")),
                 true);

        QList<SyncLogEntry> many(30);
        many.last().message = QStringLiteral("last");
        model.setItems(many);
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.items().last().message, QStringLiteral("last"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void unmatchedModel()
    {
        SyncUnmatchedModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        SyncHistory::UnmatchedId visitor;
        visitor.object = QStringLiteral("contact");
        visitor.pendoId = QStringLiteral("v-1");
        visitor.accountId = QStringLiteral("a-1");
        visitor.reason = QStringLiteral("ambiguous");
        visitor.events = 12345;
        visitor.minutes = 60;
        visitor.activeDays = 7;
        visitor.lastDay = QDate(2026, 3, 1);
        SyncHistory::UnmatchedId account;
        account.object = QStringLiteral("account");
        account.pendoId = QStringLiteral("a-9");
        account.reason = QStringLiteral("unmatched");
        model.setItems({visitor, account});

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, SyncUnmatchedModel::Object).data().toString(), QStringLiteral("Visitor"));
        QCOMPARE(model.index(1, SyncUnmatchedModel::Object).data().toString(), QStringLiteral("Account"));
        QCOMPARE(model.index(0, SyncUnmatchedModel::Reason).data().toString(), QStringLiteral("Ambiguous"));
        QCOMPARE(model.index(0, SyncUnmatchedModel::Events).data(Qt::UserRole).toLongLong(), 12345);
        QCOMPARE(model.index(0, SyncUnmatchedModel::LastDay).data().toString(), QStringLiteral("2026-03-01"));
        QCOMPARE(model.index(1, SyncUnmatchedModel::LastDay).data().toString(), QString());
        QCOMPARE(model.index(1, 3).data(SyncUnmatchedModel::PendoIdRole).toString(), QStringLiteral("a-9"));
        QVERIFY(!model.index(0, 0).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void durations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 s");
        QTest::newRow("negative") << qint64(-5000) << QStringLiteral("0 s");
        QTest::newRow("seconds") << qint64(44600) << QStringLiteral("45 s");
        QTest::newRow("whole minutes") << qint64(180000) << QStringLiteral("3 min");
        QTest::newRow("minutes") << qint64(200000) << QStringLiteral("3 min 20 s");
        QTest::newRow("hours") << qint64(3 * 3600000 + 5 * 60000) << QStringLiteral("3 h 5 min");
        QTest::newRow("whole hours") << qint64(7200000) << QStringLiteral("2 h");
    }

    void durations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(SyncPresentation::duration(ms), text);
    }

    void paletteHasOneDistinctColourPerState()
    {
        QList<QRgb> colours;
        for (const SyncHistory::DayState state : SyncPresentation::legendStates()) {
            const QColor colour = SyncPresentation::stateColor(state);
            QVERIFY(colour.isValid());
            QVERIFY(!colours.contains(colour.rgb()));
            colours << colour.rgb();
        }
        QCOMPARE(colours.size(), 4);
    }

    void windowKeysBelongToTheirStream()
    {
        QCOMPARE(SyncPresentation::streamOfWindow(QStringLiteral("aggregation:x")), SyncStream::Aggregations);
        QCOMPARE(SyncPresentation::streamOfWindow(QStringLiteral("report:r1")), SyncStream::Reports);
        QCOMPARE(SyncPresentation::streamOfWindow(QStringLiteral("track_events")), SyncStream::TrackEvents);
        QVERIFY(!SyncPresentation::streamOfWindow(QStringLiteral("nonsense")));
    }
};

QTEST_MAIN(TestSyncModels)
#include "tst_syncmodels.moc"
