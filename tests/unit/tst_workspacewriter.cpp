#include "FakeClock.h"
#include "TestSupport.h"

#include "store/AuditLog.h"
#include "store/WorkspaceSettings.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlError>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

/**
 * The one writer: writes from every kind of thread take turns instead of failing with "busy",
 * readers never wait for it, the UI thread's loop keeps turning, failures are typed and roll
 * the whole unit back; settings are typed and announce their changes.
 */
class TestWorkspaceWriter : public QObject
{
    Q_OBJECT

    static bool insertNote(WriteTransaction &tx, const QString &who)
    {
        AuditEntry entry;
        entry.actor = who;
        entry.action = QStringLiteral("test.write");
        return AuditLog::record(tx, entry);
    }

    static int notesBy(TestWorkspace &ws, const QString &who)
    {
        return ws.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE actor = '%1'").arg(who)).toInt();
    }

private Q_SLOTS:
    void everyThreadsWriteLandsWhileALongTransactionRuns()
    {
        TestWorkspace ws;
        QVERIFY2(ws.isOpen(), qPrintable(ws.error()));
        WorkspaceWriter &writer = ws.database().writer();

        // A worker thread's long unit of work: it holds the write transaction until told to finish.
        QSemaphore longStarted;
        QSemaphore finishLong;
        std::atomic<bool> longTimedOut{false};
        StoreError longResult;
        QThread *longWorker = QThread::create([&] {
            longResult = writer.runAndWait(QStringLiteral("long"), [&](WriteTransaction &tx) {
                for (int i = 0; i < 1000; ++i)
                    if (!insertNote(tx, QStringLiteral("long")))
                        return tx.error();
                longStarted.release();
                if (!finishLong.tryAcquire(1, 20000))
                    longTimedOut = true;
                return StoreError();
            });
        });
        longWorker->start();
        QTRY_VERIFY_WITH_TIMEOUT(longStarted.available() == 1, 10000);

        // While it runs: a write from the UI thread (queued, reacting to its completion), one from
        // a pool thread and one from another worker thread (both waiting for theirs).
        std::optional<StoreError> uiResult;
        writer.submit(QStringLiteral("ui"), [](WriteTransaction &tx) {
                  return insertNote(tx, QStringLiteral("ui")) ? StoreError() : tx.error();
              })
            .then(this, [&uiResult](const StoreError &error) { uiResult = error; });
        QFuture<StoreError> pool = QtConcurrent::run([&writer] {
            return writer.runAndWait(QStringLiteral("pool"), [](WriteTransaction &tx) {
                return insertNote(tx, QStringLiteral("pool")) ? StoreError() : tx.error();
            });
        });
        StoreError workerResult = StoreError::failed(QStringLiteral("not run"));
        QThread *worker = QThread::create([&] {
            workerResult = writer.runAndWait(QStringLiteral("worker"), [](WriteTransaction &tx) {
                return insertNote(tx, QStringLiteral("worker")) ? StoreError() : tx.error();
            });
        });
        worker->start();

        // The UI thread's loop keeps turning: a 10 ms timer measured in this loop for 600 ms,
        // longer than SQLite's busy time-out would ever let a blocked write wait here.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worstGap = 0;
        int ticks = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worstGap = std::max(worstGap, now - last);
            last = now;
            ++ticks;
        });
        tick.start();
        // A reader on the UI thread's own connection answers at once and sees the committed state only.
        QElapsedTimer readTime;
        readTime.start();
        QCOMPARE(notesBy(ws, QStringLiteral("long")), 0);
        const qint64 readMs = readTime.elapsed();
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= 600, 5000);
        tick.stop();
        qInfo("UI loop while the long unit held the writer: %d ticks, worst gap %lld ms; a read took %lld ms", ticks,
              worstGap, readMs);
        QVERIFY2(worstGap < 250, qPrintable(QStringLiteral("the UI loop stalled for %1 ms").arg(worstGap)));
        QVERIFY(readMs < 250);
        // Nothing queued behind the long unit has run yet: writes take turns.
        QVERIFY(!uiResult.has_value());
        QVERIFY(!pool.isFinished());

        finishLong.release();
        QTRY_VERIFY_WITH_TIMEOUT(uiResult.has_value(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(pool.isFinished(), 10000);
        QVERIFY(worker->wait(10000));
        QVERIFY(longWorker->wait(10000));
        delete worker;
        delete longWorker;

        QVERIFY(!longTimedOut);
        QVERIFY2(!longResult, qPrintable(longResult.message()));
        QVERIFY2(!*uiResult, qPrintable(uiResult->message()));
        QVERIFY2(!pool.result(), qPrintable(pool.result().message()));
        QVERIFY2(!workerResult, qPrintable(workerResult.message()));
        QCOMPARE(notesBy(ws, QStringLiteral("long")), 1000);
        QCOMPARE(notesBy(ws, QStringLiteral("ui")), 1);
        QCOMPARE(notesBy(ws, QStringLiteral("pool")), 1);
        QCOMPARE(notesBy(ws, QStringLiteral("worker")), 1);
    }

    void aFailedUnitRollsBackEveryRepositorysWrites()
    {
        TestWorkspace ws;
        const StoreError error = ws.database().writer().runAndWait(QStringLiteral("doomed"), [](WriteTransaction &tx) {
            if (!insertNote(tx, QStringLiteral("doomed")) || !WorkspaceSettings::write(tx, WorkspaceSettings::Key::Region,
                                                                                      QStringLiteral("eu")))
                return tx.error();
            tx.exec(QStringLiteral("INSERT INTO no_such_table VALUES (1)"));
            return tx.error();
        });
        QCOMPARE(error.kind(), StoreError::Kind::Failed);
        QVERIFY2(error.message().contains(QStringLiteral("no_such_table")), qPrintable(error.message()));
        QCOMPARE(notesBy(ws, QStringLiteral("doomed")), 0);
        QCOMPARE(ws.scalar(QStringLiteral("SELECT COUNT(*) FROM settings")).toInt(), 0);
        // The writer goes on with the next unit.
        QVERIFY(!ws.write([](WriteTransaction &tx) { return insertNote(tx, QStringLiteral("after")); }));
        QCOMPARE(notesBy(ws, QStringLiteral("after")), 1);
    }

    void aFullDiskIsTypedAndLosesNothing()
    {
        TestWorkspace ws;
        QVERIFY(!ws.write([](WriteTransaction &tx) { return insertNote(tx, QStringLiteral("before")); }));
        // Cap the file at its current size: the next growth fails as a full disk would.
        const StoreError error = ws.database().writer().runAndWait(QStringLiteral("full"), [](WriteTransaction &tx) {
            QSqlQuery pages(tx.db());
            if (!pages.exec(QStringLiteral("PRAGMA page_count")) || !pages.next())
                return StoreError::failed(pages.lastError().text());
            tx.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages.value(0).toLongLong()));
            QSqlQuery big(tx.db());
            big.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, details) VALUES ('x', 'big', 'b', ?)"));
            big.addBindValue(QString(200000, u'x'));
            tx.exec(big);
            return tx.error();
        });
        QCOMPARE(error.kind(), StoreError::Kind::DiskFull);
        QVERIFY2(error.cannotWrite(ws.path()).contains(QStringLiteral("the disk is full")),
                 qPrintable(error.cannotWrite(ws.path())));
        QCOMPARE(notesBy(ws, QStringLiteral("before")), 1);
        QCOMPARE(notesBy(ws, QStringLiteral("big")), 0);
    }

    void anotherProgramHoldingTheLockMakesTheUnitWaitThenSayBusy()
    {
        TestWorkspace ws;
        ws.database().writer().setBusyWaitMs(300);
        QVERIFY(!ws.write([](WriteTransaction &tx) { return tx.exec(QStringLiteral("PRAGMA busy_timeout = 0")); }));
        // Another program's connection takes the write lock and keeps it.
        const QString name = QStringLiteral("other-program");
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            other.setDatabaseName(ws.path());
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("PRAGMA busy_timeout = 0")));
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
            QSqlQuery(other).exec(QStringLiteral("INSERT INTO settings VALUES ('x', 'y', 'z')"));
            const StoreError error = ws.database().writer().runAndWait(QStringLiteral("blocked"), [](WriteTransaction &tx) {
                return insertNote(tx, QStringLiteral("blocked")) ? StoreError() : tx.error();
            });
            QCOMPARE(error.kind(), StoreError::Kind::Busy);
            QVERIFY(error.cannotWrite(ws.path()).contains(QStringLiteral("another program")));
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(name);
        // Once the other program let go, the same unit goes through.
        QVERIFY(!ws.write([](WriteTransaction &tx) { return insertNote(tx, QStringLiteral("blocked")); }));
        QCOMPARE(notesBy(ws, QStringLiteral("blocked")), 1);
    }

    void connectionsBelongToTheirThreadAndCloseWithIt()
    {
        TestWorkspace ws;
        QString workerConnection;
        QThread *worker = QThread::create([&] { workerConnection = ws.database().connection().connectionName(); });
        worker->start();
        QVERIFY(worker->wait(5000));
        delete worker;
        QVERIFY(!workerConnection.isEmpty());
        // The thread finished: its connection was closed and removed on it.
        QVERIFY(!QSqlDatabase::contains(workerConnection));
        // Names are never reused, even when the OS reuses a thread id.
        QString second;
        QThread *again = QThread::create([&] { second = ws.database().connection().connectionName(); });
        again->start();
        QVERIFY(again->wait(5000));
        delete again;
        QVERIFY(second != workerConnection);
        QCOMPARE(ws.database().connection().connectionName(), ws.database().connection().connectionName());
    }

    void settingsAreTypedWithDefaultsAndAnnounceCommittedChanges()
    {
        TestWorkspace ws;
        WorkspaceSettings &settings = ws.session().settings();
        QCOMPARE(settings.integer(WorkspaceSettings::Key::SettleDays), 2);
        QCOMPARE(settings.integer(WorkspaceSettings::Key::SyncConcurrency), 4);
        QCOMPARE(settings.text(WorkspaceSettings::Key::ScheduleMode), QStringLiteral("off"));
        QSet<QString> names;
        for (const WorkspaceSettings::Spec &spec : WorkspaceSettings::table())
            names.insert(QString::fromLatin1(spec.name));
        QCOMPARE(names.size(), int(WorkspaceSettings::table().size()));

        QSignalSpy changed(&settings, &WorkspaceSettings::changed);
        QFuture<StoreError> done = settings.setValue(WorkspaceSettings::Key::SettleDays, 3);
        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, 5000);
        QVERIFY(done.isFinished());
        QVERIFY(!done.result());
        QCOMPARE(changed.first().first().value<WorkspaceSettings::Key>(), WorkspaceSettings::Key::SettleDays);
        QCOMPARE(settings.integer(WorkspaceSettings::Key::SettleDays), 3);
        QCOMPARE(WorkspaceSettings::read(ws.database().connection(), WorkspaceSettings::Key::SettleDays).toInt(), 3);
        // Setting the same value again announces nothing.
        settings.setValue(WorkspaceSettings::Key::SettleDays, 3);
        QVERIFY(!QTest::qWaitFor([&] { return changed.size() > 1; }, 300));
        // A stored value that is not of the setting's type reads as the default.
        QVERIFY(!ws.write([](WriteTransaction &tx) {
            return tx.exec(QStringLiteral("UPDATE settings SET value = 'many' WHERE setting_key = 'sync.settle_days'"));
        }));
        QVERIFY(!settings.reload());
        QCOMPARE(settings.integer(WorkspaceSettings::Key::SettleDays), 2);
    }

    void theTransactionsClockStampsEveryRow()
    {
        FakeClock clock;
        clock.setNowMs(QDateTime(QDate(2026, 6, 1), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        TestWorkspace ws(clock);
        QVERIFY(!ws.write([](WriteTransaction &tx) {
            return insertNote(tx, QStringLiteral("stamp"))
                   && WorkspaceSettings::write(tx, WorkspaceSettings::Key::Region, QStringLiteral("us"));
        }));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT at FROM audit_log WHERE actor = 'stamp'")).toString(),
                 QStringLiteral("2026-06-01T12:00:00.000Z"));
        QCOMPARE(ws.scalar(QStringLiteral("SELECT updated_at FROM settings")).toString(),
                 QStringLiteral("2026-06-01T12:00:00.000Z"));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceWriter)
#include "tst_workspacewriter.moc"
