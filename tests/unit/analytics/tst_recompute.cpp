#include "analytics/AnalyticsReader.h"
#include "analytics/HealthBacktest.h"
#include "analytics/HealthModelStore.h"
#include "analytics/MetricsExport.h"
#include "analytics/Recompute.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QBuffer>
#include <QDate>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr qint64 app = -323232;
const int d0 = int(QDate(2026, 6, 1).toJulianDay());

/**
 * A small workspace: CS accounts 1 (4 seats) and 2, Pendo accounts p1 → 1, p2 → 2 and p3
 * unmatched; visitors 1..8 (refs), of which 1 and 2 are matched to contacts of account 1.
 */
QStringList baseRows()
{
    const QString now = QStringLiteral("'2026-06-01T00:00:00Z'");
    QStringList sql;
    sql << QStringLiteral("INSERT INTO accounts (id, external_id, name, owner, arr, licensed_seats, created_at, "
                          "updated_at) VALUES (1, 'A-1', 'Acme', 'dana', 12000, 4, %1, %1), "
                          "(2, 'B-2', 'Beta', 'lee', 5000, NULL, %1, %1)")
               .arg(now);
    sql << QStringLiteral("INSERT INTO contacts (id, external_id, account_id, email, name, created_at, updated_at) "
                          "VALUES (11, 'c-11', 1, 'one@acme.test', 'One', %1, %1), "
                          "(12, 'c-12', 1, 'two@acme.test', 'Two', %1, %1)")
               .arg(now);
    sql << QStringLiteral("INSERT INTO pendo_accounts (id, account_id, refreshed_at) VALUES (1, 'p1', %1), "
                          "(2, 'p2', %1), (3, 'p3', %1)")
               .arg(now);
    QStringList visitors;
    for (int v = 1; v <= 8; ++v)
        visitors << QStringLiteral("(%1, 'v%1', %2)").arg(v).arg(now);
    sql << QStringLiteral("INSERT INTO pendo_visitors (id, visitor_id, refreshed_at) VALUES ") + visitors.join(u',');
    sql << QStringLiteral("INSERT INTO match_resolutions (object, pendo_ref, status, cs_id, config_version, "
                          "resolved_at) VALUES ('account', 1, 'matched', 1, 1, %1), ('account', 2, 'matched', 2, 1, %1), "
                          "('account', 3, 'unmatched', NULL, 1, %1), ('contact', 1, 'matched', 11, 1, %1), "
                          "('contact', 2, 'matched', 12, 1, %1)")
               .arg(now);
    sql << QStringLiteral("INSERT INTO pendo_catalog_items (id, kind, pendo_id, app_id, name, is_core, first_seen_at, "
                          "last_seen_at) VALUES (1, 'feature', 'f-core', -323232, 'Export', 1, %1, %1), "
                          "(2, 'feature', 'f-other', -323232, 'Settings', 0, %1, %1)")
               .arg(now);
    sql << QStringLiteral("INSERT INTO pendo_metric_values (source, day, metric, object, object_key, value) VALUES "
                          "('report:r1', %1, 'nps', 'account', 'p1', 30), ('report:r1', %1, 'nps', 'account', 'p3', 99)")
               .arg(d0 + 10);
    return sql;
}

/** Deterministic activity: visitor v of Pendo account a is active on day d when the hash says so. */
QStringList activityRows(int fromDay, int toDay, int salt = 0)
{
    QStringList values;
    for (int d = fromDay; d <= toDay; ++d)
        for (int v = 1; v <= 8; ++v) {
            const int account = v <= 4 ? 1 : v <= 6 ? 2 : 3;
            if ((v * 31 + d * 17 + salt) % 5 >= 2 && !(v == 1 && d > 70)) // visitor 1 stops after day 70
                values << QStringLiteral("(0, %1, %2, %3, %4, 0, %5, %6)")
                              .arg(app)
                              .arg(d0 + d)
                              .arg(v)
                              .arg(account)
                              .arg(10 + v)
                              .arg(v);
            if ((v + d) % 3 == 0)
                values << QStringLiteral("(1, %1, %2, %3, %4, %5, 3, 1)").arg(app).arg(d0 + d).arg(v).arg(account).arg(
                    1 + (v + d) % 2);
        }
    QStringList sql;
    sql << QStringLiteral("DELETE FROM pendo_activity WHERE day BETWEEN %1 AND %2").arg(d0 + fromDay).arg(d0 + toDay);
    sql << QStringLiteral("INSERT INTO pendo_activity (kind, app_id, day, visitor_ref, account_ref, item_ref, events, "
                          "minutes) VALUES ") +
               values.join(u',');
    return sql;
}

bool write(Database &db, const QStringList &sql)
{
    return !db.writer().runAndWait(QStringLiteral("test"), [&sql](WriteTransaction &tx) {
        for (const QString &s : sql)
            if (!tx.exec(s))
                return tx.error();
        return StoreError();
    });
}

/** Every derived table's rows as text, for comparing two recomputes. */
QStringList dump(Database &db)
{
    QStringList out;
    QSqlDatabase c = db.connection();
    for (const char *sql : {"SELECT * FROM account_metrics ORDER BY 1, 2, 3", "SELECT * FROM health_scores ORDER BY 1, 2",
                            "SELECT * FROM account_milestones ORDER BY 1, 2", "SELECT * FROM contact_activity ORDER BY 1, 2",
                            "SELECT * FROM account_item_usage ORDER BY 1, 2",
                            "SELECT * FROM account_custom_metrics ORDER BY 1, 2, 3"}) {
        QSqlQuery q(c);
        if (!q.exec(QString::fromLatin1(sql)))
            return {QStringLiteral("failed: ") + QString::fromLatin1(sql)};
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << (q.value(i).isNull() ? QStringLiteral("null") : QString::number(q.value(i).toDouble(), 'g', 12));
            out << QString::fromLatin1(sql).section(u' ', 3, 3) + QLatin1Char(':') + row.join(u',');
        }
    }
    return out;
}

double metric(Database &db, qint64 account, int day, const char *column)
{
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM account_metrics WHERE account_id = ? AND app_id = 0 AND day = ?")
                  .arg(QLatin1String(column)));
    q.addBindValue(account);
    q.addBindValue(d0 + day);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).isNull() ? MetricRow::missing() : q.value(0).toDouble();
}

} // namespace

/**
 * The recompute on a real workspace: matches decide who counts (unmatched Pendo accounts
 * nobody, unmatched visitors of matched accounts yes), an incremental recompute after new and
 * re-pulled days equals a full one, health scores follow the model versions in effect, custom
 * metrics land on the matched account, and the readers and the export give the stored numbers.
 */
class TestRecompute : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    std::unique_ptr<Database> workspace(const QString &name)
    {
        auto db = std::make_unique<Database>(m_dir.filePath(name));
        QString error;
        if (!db->open(&error))
            qWarning("%s", qPrintable(error));
        return db;
    }

private Q_SLOTS:
    void matchesDecideWhoCounts()
    {
        auto db = workspace(QStringLiteral("who.sqlite"));
        QVERIFY(write(*db, baseRows()));
        // Day 0: visitors 3 (p1, no contact), 5 (p2) and 7 (p3, unmatched account) are active.
        QVERIFY(write(*db, {QStringLiteral("INSERT INTO pendo_activity VALUES (0, %1, %2, 3, 1, 0, 5, 1), "
                                           "(0, %1, %2, 5, 2, 0, 5, 1), (0, %1, %2, 7, 3, 0, 5, 1)")
                                .arg(app)
                                .arg(d0)}));
        const RecomputeSummary s = Recompute::run(*db, RecomputeRequest::full(QStringLiteral("test")));
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(metric(*db, 1, 0, "mau"), 1.0); // an unmatched visitor of a matched account counts
        QCOMPARE(metric(*db, 2, 0, "mau"), 1.0);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT SUM(mau) FROM account_metrics WHERE app_id = 0")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2); // p3's visitor counts for nobody
        QCOMPARE(metric(*db, 1, 0, "licence_utilisation"), 0.25);
        QVERIFY(std::isnan(metric(*db, 2, 0, "licence_utilisation")));
    }

    void incrementalEqualsFull()
    {
        auto incremental = workspace(QStringLiteral("incremental.sqlite"));
        QVERIFY(write(*incremental, baseRows() + activityRows(0, 99)));
        RecomputeSummary s = Recompute::run(*incremental, RecomputeRequest::full(QStringLiteral("test")));
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(s.kind, RecomputeRequest::Kind::Full);
        // A later sync: days 98 and 99 re-pulled with other numbers (the settle window), 100..149 new.
        QVERIFY(write(*incremental, activityRows(98, 99, 3) + activityRows(100, 149)));
        s = Recompute::run(*incremental, RecomputeRequest::incremental(d0 + 98, QStringLiteral("sync")));
        QVERIFY2(s.ok, qPrintable(s.error));
        QCOMPARE(s.kind, RecomputeRequest::Kind::Incremental);
        QCOMPARE(s.fromDay, d0 + 98);
        const QStringList afterIncremental = dump(*incremental);

        s = Recompute::run(*incremental, RecomputeRequest::full(QStringLiteral("test")));
        QVERIFY2(s.ok, qPrintable(s.error));
        const QStringList afterFull = dump(*incremental);
        QVERIFY(afterFull.size() > 600); // 2 accounts × 150 days of fields and scores, and the rest
        QCOMPARE(afterIncremental.size(), afterFull.size());
        for (qsizetype i = 0; i < afterFull.size(); ++i)
            QCOMPARE(afterIncremental.at(i), afterFull.at(i));
        // Visitor 1 stopped after day 70: the contact's last seen day says so.
        QSqlQuery q(incremental->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT last_seen_day FROM contact_activity WHERE contact_id = 11")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() <= d0 + 70);
    }

    void changedMatchesMakeAnIncrementalRunFull()
    {
        auto db = workspace(QStringLiteral("rematch.sqlite"));
        QVERIFY(write(*db, baseRows() + activityRows(0, 99)));
        QVERIFY(Recompute::run(*db, RecomputeRequest::full(QStringLiteral("test"))).ok);
        QVERIFY(write(*db, {QStringLiteral("UPDATE match_resolutions SET status = 'matched', cs_id = 2 "
                                           "WHERE object = 'account' AND pendo_ref = 3")}));
        const RecomputeSummary s = Recompute::run(*db, RecomputeRequest::incremental(d0 + 99, QStringLiteral("sync")));
        QVERIFY(s.ok);
        QCOMPARE(s.kind, RecomputeRequest::Kind::Full); // history changed: p3's visitors now count for account 2
        QCOMPARE(s.fromDay, d0);
    }

    void healthScoresFollowTheModelVersions()
    {
        auto db = workspace(QStringLiteral("health.sqlite"));
        QVERIFY(write(*db, baseRows() + activityRows(0, 59)));
        QVERIFY(Recompute::run(*db, RecomputeRequest::full(QStringLiteral("test"))).ok);
        // A model that only looks at MAU, effective from day 40.
        HealthModel mauOnly;
        mauOnly.inputs = {{QStringLiteral("mau"), 1, 0, 1, 2, 4}};
        QVERIFY(!db->writer().runAndWait(QStringLiteral("model"), [&](WriteTransaction &tx) {
            return HealthModelStore::save(tx, mauOnly, QStringLiteral("test"), QStringLiteral("MAU only"), d0 + 40)
                       ? StoreError()
                       : tx.error();
        }));
        QVERIFY(Recompute::run(*db, RecomputeRequest::full(QStringLiteral("health model"))).ok);
        QSqlDatabase c = db->connection();
        QSqlQuery q(c);
        QVERIFY(q.exec(QStringLiteral("SELECT day, model_version, score FROM health_scores WHERE account_id = 1 "
                                      "ORDER BY day")));
        int before = 0, after = 0;
        while (q.next()) {
            const int day = q.value(0).toInt() - d0;
            QCOMPARE(q.value(1).toInt(), day < 40 ? 0 : 1);
            if (day >= 40) {
                const double mau = metric(*db, 1, day, "mau");
                QCOMPARE(q.value(2).toDouble(), mauOnly.inputs.front().points(mau));
                ++after;
            } else {
                ++before;
            }
        }
        QCOMPARE(before, 40);
        QCOMPARE(after, 20);

        // The account view: the series, the trend with the model change marked, the explanation.
        const AccountDetail detail = AnalyticsReader::accountDetail(c, 1);
        QVERIFY(detail.found);
        QCOMPARE(detail.series.size(), 60);
        QCOMPARE(detail.health.size(), 60);
        QCOMPARE(detail.modelChanges.size(), 1);
        QCOMPARE(detail.modelChanges.front().effectiveDay, d0 + 40);
        QVERIFY(detail.explanation.scored);
        QCOMPARE(detail.explanation.score, detail.health.back().score);
        QCOMPARE(detail.contacts.size(), 2);
        QCOMPARE(detail.items.size(), 2);
        QCOMPARE(detail.summary.name, QStringLiteral("Acme"));
        QCOMPARE(*detail.summary.score, detail.health.back().score);
        QCOMPARE(*detail.summary.scoreDelta7, detail.health.back().score - detail.health.at(52).score);

        // Replaying the built-in model over the last 30 days differs from the stored MAU-only scores.
        const BacktestResult replay = HealthBacktest::run(c, HealthModel::defaults(), d0 + 30, d0 + 59);
        QVERIFY(replay.error.isEmpty());
        QCOMPARE(replay.accounts.size(), 2);
        const QList<PortfolioRow> portfolio = AnalyticsReader::portfolio(c);
        QCOMPARE(portfolio.size(), 2);
        QCOMPARE(portfolio.at(0).externalId, QStringLiteral("A-1"));
    }

    void customMetricsLandOnTheMatchedAccount()
    {
        auto db = workspace(QStringLiteral("custom.sqlite"));
        QVERIFY(write(*db, baseRows() + activityRows(0, 20)));
        QVERIFY(Recompute::run(*db, RecomputeRequest::full(QStringLiteral("test"))).ok);
        QSqlQuery q(db->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT account_id, metric, day, value FROM account_custom_metrics")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QCOMPARE(q.value(1).toString(), QStringLiteral("report:r1/nps"));
        QCOMPARE(q.value(2).toInt(), d0 + 10);
        QCOMPARE(q.value(3).toDouble(), 30.0);
        QVERIFY(!q.next()); // p3 is unmatched: its value lands nowhere
    }

    void exportNamesItsColumnsPlainly()
    {
        auto db = workspace(QStringLiteral("export.sqlite"));
        QVERIFY(write(*db, baseRows()));
        QVERIFY(write(*db, {QStringLiteral("INSERT INTO pendo_activity VALUES (0, %1, %2, 3, 1, 0, 5, 1)").arg(app).arg(d0)}));
        QVERIFY(Recompute::run(*db, RecomputeRequest::full(QStringLiteral("test"))).ok);
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QSqlDatabase c = db->connection();
        MetricsExportFilter filter;
        filter.accountExternalId = QStringLiteral("A-1");
        const MetricsExport::Result result = MetricsExport::write(c, &buffer, filter, MetricsExport::Format::Csv);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.rows, 1);
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.at(0).trimmed(),
                 QByteArray("account,app,day,dau,wau,mau,events,minutes,events_30d,minutes_30d,dau_mau,wau_mau,"
                            "core_adoption,licence_utilisation,days_since_active,pes_adoption,pes_stickiness,"
                            "pes_growth,pes,core_events,core_events_30d,health_score,health_band"));
        // One visitor on one day; one core feature, unused; 4 seats.
        const QList<QByteArray> cells = lines.at(1).trimmed().split(',');
        QCOMPARE(cells.size(), 23);
        QCOMPARE(cells.mid(0, 10), (QList<QByteArray>{"A-1", "all", "2026-06-01", "1", "1", "1", "5", "1", "5", "1"}));
        QCOMPARE(cells.at(10), QByteArray("0.033333")); // (1 / 30) / 1
        QCOMPARE(cells.at(12), QByteArray("0"));        // core adoption
        QCOMPARE(cells.at(13), QByteArray("0.25"));
        QCOMPARE(cells.at(17), QByteArray("100"));      // growth: a new visitor, nobody lost
        QCOMPARE(cells.at(19), QByteArray("0")); // core-feature events: the core feature was not used
        QCOMPARE(cells.at(20), QByteArray("0"));
        QVERIFY(!cells.at(21).isEmpty());       // health score
    }
};

QTEST_GUILESS_MAIN(TestRecompute)
#include "tst_recompute.moc"
