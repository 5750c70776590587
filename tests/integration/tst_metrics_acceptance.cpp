#include "CliProcess.h"
#include "SimProcess.h"

#include "store/CsvReader.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <map>
#include <set>
#include <tuple>

namespace {

const QByteArray key = QByteArrayLiteral("metrics-acceptance-7d2a");
constexpr int backfillDays = 60;
/** pendo-sim's default --late-hours: how long after its end an hour's data is complete. */
constexpr int lateHours = 6;
const QString allApps = QStringLiteral("all");

/** (CS external id, "all" or the Pendo app id, julian day). */
using MetricKey = std::tuple<QString, QString, int>;

struct Counts
{
    int dau = 0, wau = 0, mau = 0;
    bool operator==(const Counts &o) const { return dau == o.dau && wau == o.wau && mau == o.mau; }
};

using Metrics = std::map<MetricKey, Counts>;

QString describe(const MetricKey &k)
{
    return std::get<0>(k) + u' ' + std::get<1>(k) + u' ' + QDate::fromJulianDay(std::get<2>(k)).toString(Qt::ISODate);
}

QString describe(const Counts &c)
{
    return QStringLiteral("dau %1 wau %2 mau %3").arg(c.dau).arg(c.wau).arg(c.mau);
}

/**
 * Every difference between two sets of metrics, both ways; only (account, app, day) rows with an
 * active visitor in the 30 days need to be present, rows of nothing but zeros may be.
 */
QStringList differences(const Metrics &expected, const Metrics &actual, const QString &actualName)
{
    QStringList out;
    for (const auto &[k, c] : expected) {
        const auto found = actual.find(k);
        if (found == actual.end())
            out << describe(k) + QStringLiteral(": missing from ") + actualName + QStringLiteral(" (truth ")
                    + describe(c) + u')';
        else if (!(found->second == c))
            out << describe(k) + QStringLiteral(": truth ") + describe(c) + u' ' + actualName + u' '
                    + describe(found->second);
    }
    for (const auto &[k, c] : actual) {
        if (!expected.count(k) && !(c == Counts {}))
            out << describe(k) + u' ' + actualName + u' ' + describe(c)
                    + QStringLiteral(", but no activity in the truth");
    }
    return out;
}

} // namespace

/**
 * DAU, WAU and MAU per CS account, app and day, from pendo-sim through a real backfill, the matches
 * and the recompute to `metrics export`, against the same counts computed here from the simulator's
 * own visitor-day truth (--export-visitor-days) and the workspace's account matches. The truth is
 * also held against the raw rows the sync landed, so a difference in the export points at the
 * analytics, not at the sync.
 */
class TestMetricsAcceptance : public QObject
{
    Q_OBJECT

    CliResult cli(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PENDO_BRIDGE_REGION_URLS"), m_sim->regionOverrides());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // no keychain, as on a server
        env.insert(QStringLiteral("PENDO_INTEGRATION_KEY"), QString::fromLatin1(key));
        return runCli(workspace(), args, env);
    }

    QString workspace() const { return m_dir.filePath(QStringLiteral("w.sqlite")); }

    /** The truth's rows: Pendo visitor, Pendo account ("" for none), Pendo app id, julian day. */
    struct VisitorDay
    {
        QString visitor, account, app;
        int day = 0;
    };

    /** DAU/WAU/MAU per matched CS account, app and app "all", for every day in [m_from, m_to]. */
    Metrics truthMetrics() const
    {
        // Per (account, app): each visitor's active days.
        std::map<std::pair<QString, QString>, std::map<QString, std::set<int>>> active;
        for (const VisitorDay &row : m_truth) {
            const auto cs = m_csAccountOf.find(row.account);
            if (cs == m_csAccountOf.end())
                continue; // no account, or a Pendo account matched to no CS account: counts for nobody
            active[{cs->second, row.app}][row.visitor].insert(row.day);
            active[{cs->second, allApps}][row.visitor].insert(row.day);
        }
        Metrics out;
        for (const auto &[accountApp, visitors] : active) {
            for (int day = m_from; day <= m_to; ++day) {
                Counts c;
                for (const auto &[visitor, days] : visitors) {
                    const auto last = days.upper_bound(day); // first active day after `day`
                    if (last == days.begin())
                        continue;
                    const int latest = *std::prev(last);
                    c.dau += latest == day;
                    c.wau += latest >= day - 6;
                    c.mau += latest >= day - 29;
                }
                if (c.mau > 0)
                    out[{accountApp.first, accountApp.second, day}] = c;
            }
        }
        return out;
    }

    QSqlDatabase openWorkspace()
    {
        QSqlDatabase db = QSqlDatabase::database(QStringLiteral("acceptance"), false);
        if (!db.isValid()) {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("acceptance"));
            db.setDatabaseName(workspace());
        }
        if (!db.isOpen() && !db.open())
            qWarning("cannot open the workspace: %s", qPrintable(db.lastError().text()));
        return db;
    }

    QTemporaryDir m_dir;
    QStringList m_simArguments;
    std::unique_ptr<SimProcess> m_sim;
    QJsonObject m_plantedTruth;
    std::vector<VisitorDay> m_truth;
    std::map<QString, QString> m_csAccountOf; // matched Pendo account id → CS external id
    QSet<QString> m_matchedCsAccounts;
    int m_from = 0, m_to = 0; // the days compared
    Metrics m_expected;

private Q_SLOTS:
    void initTestCase()
    {
        // "now" fixed for the exports and the server alike, near the clock: the command line syncs up to
        // its own today, which must be the simulator's today.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime fixedNow(now.date(), QTime(now.time().hour(), now.time().minute()), QTimeZone::utc());
        m_simArguments = {QStringLiteral("--seed"), QStringLiteral("21"),          QStringLiteral("--accounts"),
                          QStringLiteral("60"),     QStringLiteral("--key"),       QString::fromLatin1(key),
                          QStringLiteral("--now"),  fixedNow.toString(Qt::ISODate)};
        const QString visitorDays = m_dir.filePath(QStringLiteral("visitor-days.csv"));
        QProcess exporter;
        exporter.start(
            QStringLiteral(BRIDGE_SIM_PATH),
            m_simArguments
                + QStringList {QStringLiteral("--export-crm"), m_dir.filePath(QStringLiteral("crm")),
                               QStringLiteral("--export-truth"), m_dir.filePath(QStringLiteral("truth.json")),
                               QStringLiteral("--export-visitor-days"), visitorDays, QStringLiteral("--no-serve")});
        QVERIFY(exporter.waitForFinished(60000));
        QCOMPARE(exporter.exitCode(), 0);
        QFile planted(m_dir.filePath(QStringLiteral("truth.json")));
        QVERIFY(planted.open(QIODevice::ReadOnly));
        m_plantedTruth = QJsonDocument::fromJson(planted.readAll()).object();
        QVERIFY(!m_plantedTruth.isEmpty());

        QFile file(visitorDays);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file, u',');
        CsvRecord record;
        QVERIFY(reader.next(record));
        QCOMPARE(record.fields,
                 (QStringList {QStringLiteral("visitor"), QStringLiteral("account"), QStringLiteral("app"),
                               QStringLiteral("day")}));
        while (reader.next(record)) {
            QCOMPARE(record.fields.size(), 4);
            const QDate day = QDate::fromString(record.fields.at(3), Qt::ISODate);
            QVERIFY(day.isValid());
            m_truth.push_back({record.fields.at(0), record.fields.at(1), record.fields.at(2), int(day.toJulianDay())});
        }
        QVERIFY(m_truth.size() > 1000);

        m_sim = std::make_unique<SimProcess>(m_simArguments);
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
        for (const char *kind : {"accounts", "contacts"}) {
            const CliResult imported = cli({QStringLiteral("import"), QString::fromLatin1(kind),
                                            m_dir.filePath(QStringLiteral("crm/%1.csv").arg(QLatin1String(kind))),
                                            QStringLiteral("--skip-invalid")});
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
        }
        CliResult step = cli({QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("us"),
                              QStringLiteral("--no-keychain")});
        QVERIFY2(step.exitCode == 0, step.err.constData());
        step = cli({QStringLiteral("catalog"), QStringLiteral("refresh")});
        QVERIFY2(step.exitCode == 0, step.err.constData());
        step = cli({QStringLiteral("match"), QStringLiteral("apply")});
        QVERIFY2(step.exitCode == 0, step.err.constData());
        step = cli({QStringLiteral("sync"), QStringLiteral("--backfill-days"), QString::number(backfillDays),
                    QStringLiteral("--json")});
        QVERIFY2(step.exitCode == 0, step.err.constData());

        QSqlDatabase db = openWorkspace();
        QVERIFY(db.isOpen());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT p.account_id, a.external_id FROM match_resolutions m "
                                      "JOIN pendo_accounts p ON p.id = m.pendo_ref JOIN accounts a ON a.id = m.cs_id "
                                      "WHERE m.object = 'account' AND m.status = 'matched'")));
        while (q.next()) {
            m_csAccountOf[q.value(0).toString()] = q.value(1).toString();
            m_matchedCsAccounts.insert(q.value(1).toString());
        }
        QVERIFY(m_csAccountOf.size() > 40);

        // The synced activity days, and of those the ones whose 30-day window is synced and final.
        QVERIFY(q.exec(QStringLiteral("SELECT MIN(day), MAX(day), COUNT(DISTINCT day) FROM sync_windows "
                                      "WHERE stream = 'activity' AND status IN ('synced', 'provisional')")));
        QVERIFY(q.next());
        const int firstSynced = q.value(0).toInt(), lastSynced = q.value(1).toInt();
        QCOMPARE(q.value(2).toInt(), lastSynced - firstSynced + 1);
        QCOMPARE(lastSynced - firstSynced + 1, backfillDays);
        // pendo-sim shows an hour's rows in full only `lateHours` after the hour ends (before that each
        // row appears with a probability and with part of its counts), and nothing after "now". So a
        // day is complete once its last hour is that old: today never is, yesterday only from 06:00
        // local on. The sync marks the last two days provisional whatever their state; the ones that
        // are complete in the simulator are compared too, the others are left out.
        const QTimeZone zone("America/New_York");
        int lastComplete = lastSynced;
        while (QDateTime(QDate::fromJulianDay(lastComplete + 1), QTime(0, 0), zone).addSecs(lateHours * 3600)
               > fixedNow)
            --lastComplete;
        m_from = firstSynced + 29;
        m_to = lastComplete;
        QVERIFY2(m_to - m_from >= 25, qPrintable(QStringLiteral("%1 days to compare").arg(m_to - m_from + 1)));
        m_expected = truthMetrics();
        QVERIFY(m_expected.size() > 1000);
        qInfo("comparing %s .. %s: %zu (account, app, day) rows with activity, %zu matched Pendo accounts",
              qPrintable(QDate::fromJulianDay(m_from).toString(Qt::ISODate)),
              qPrintable(QDate::fromJulianDay(m_to).toString(Qt::ISODate)), m_expected.size(), m_csAccountOf.size());
    }

    /** The cross-check of the sync: the kind-0 rows it landed are the truth's, row for row, on complete days. */
    void landedActivityIsTheTruth()
    {
        const int first = m_from - 29;
        std::set<std::tuple<QString, QString, QString, int>> truth, landed;
        for (const VisitorDay &row : m_truth) {
            if (row.day >= first && row.day <= m_to)
                truth.insert({row.visitor, row.account, row.app, row.day});
        }
        QSqlQuery q(openWorkspace());
        QVERIFY(q.exec(QStringLiteral("SELECT v.visitor_id, COALESCE(p.account_id, ''), a.app_id, a.day "
                                      "FROM pendo_activity a JOIN pendo_visitors v ON v.id = a.visitor_ref "
                                      "LEFT JOIN pendo_accounts p ON p.id = a.account_ref "
                                      "WHERE a.kind = 0 AND a.day BETWEEN %1 AND %2")
                           .arg(first)
                           .arg(m_to)));
        while (q.next())
            landed.insert({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toInt()});
        QVERIFY(truth.size() > 1000);
        QStringList differ;
        for (const auto &row : truth) {
            if (!landed.count(row) && differ.size() < 10)
                differ << QStringLiteral("not landed: %1 %2 %3 %4")
                              .arg(std::get<0>(row), std::get<1>(row), std::get<2>(row))
                              .arg(std::get<3>(row));
        }
        for (const auto &row : landed) {
            if (!truth.count(row) && differ.size() < 20)
                differ << QStringLiteral("not in the truth: %1 %2 %3 %4")
                              .arg(std::get<0>(row), std::get<1>(row), std::get<2>(row))
                              .arg(std::get<3>(row));
        }
        QVERIFY2(differ.isEmpty(), qPrintable(differ.join(u'\n')));
        QCOMPARE(landed.size(), truth.size());
    }

    /** The counts of this test against COUNT(DISTINCT) over the landed rows and the matches. */
    void truthCountsAgreeWithSqlOverTheLandedRows()
    {
        Metrics sql;
        QSqlQuery q(openWorkspace());
        const QString query = QStringLiteral(
            "WITH RECURSIVE calendar(day) AS (SELECT %1 UNION ALL SELECT day + 1 FROM calendar WHERE day < %2), "
            "matched AS (SELECT a.kind, a.app_id, a.day, a.visitor_ref, c.external_id AS account "
            "  FROM pendo_activity a JOIN match_resolutions m ON m.object = 'account' AND m.status = 'matched' "
            "  AND m.pendo_ref = a.account_ref JOIN accounts c ON c.id = m.cs_id WHERE a.kind = 0) "
            "SELECT x.account, %3, d.day, COUNT(DISTINCT CASE WHEN x.day = d.day THEN x.visitor_ref END), "
            "  COUNT(DISTINCT CASE WHEN x.day >= d.day - 6 THEN x.visitor_ref END), COUNT(DISTINCT x.visitor_ref) "
            "FROM calendar d JOIN matched x ON x.day BETWEEN d.day - 29 AND d.day GROUP BY 1, 2, 3");
        for (const QString &app : {QStringLiteral("'all'"), QStringLiteral("x.app_id")}) {
            QVERIFY2(q.exec(query.arg(m_from).arg(m_to).arg(app)), qPrintable(q.lastError().text()));
            while (q.next())
                sql[{q.value(0).toString(), q.value(1).toString(), q.value(2).toInt()}]
                    = {q.value(3).toInt(), q.value(4).toInt(), q.value(5).toInt()};
        }
        const QStringList differ = differences(m_expected, sql, QStringLiteral("SQL"));
        QVERIFY2(differ.isEmpty(), qPrintable(differ.mid(0, 20).join(u'\n')));
        QCOMPARE(sql.size(), m_expected.size());
    }

    /** A Pendo account no CS account matches (the CRM lacks it) has activity, and it counts for nobody. */
    void anUnmatchedAccountCountsForNobody()
    {
        QSet<QString> unmatchedActive;
        for (const VisitorDay &row : m_truth) {
            if (!row.account.isEmpty() && !m_csAccountOf.count(row.account) && row.day >= m_from - 29
                && row.day <= m_to)
                unmatchedActive.insert(row.account);
        }
        QVERIFY2(!unmatchedActive.isEmpty(), "no unmatched Pendo account was active in the compared days");
        // The truth planted them as missing from the CRM, or as ids that differ only by case.
        QSet<QString> planted;
        const QJsonObject crm = m_plantedTruth.value(QStringLiteral("crm")).toObject();
        for (const QJsonValue &id : crm.value(QStringLiteral("missingFromCrm")).toArray())
            planted.insert(id.toString());
        for (const QJsonValue &v : crm.value(QStringLiteral("idVariants")).toArray())
            planted.insert(v.toObject().value(QStringLiteral("pendoId")).toString());
        planted.insert(
            crm.value(QStringLiteral("duplicateExternalId")).toObject().value(QStringLiteral("externalId")).toString());
        QSet<QString> caseVariants; // CS accounts of their own, whose Pendo account stays unmatched
        for (const QJsonValue &v : crm.value(QStringLiteral("idVariants")).toArray()) {
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("case"))
                caseVariants.insert(v.toObject().value(QStringLiteral("crmExternalId")).toString());
        }
        for (const QString &id : unmatchedActive)
            QVERIFY2(planted.contains(id), qPrintable(id));
        // Its visitors are nowhere in the counts, neither under its own id nor under the CS account that
        // differs from it only by case.
        for (const auto &[k, c] : m_expected) {
            QVERIFY2(!unmatchedActive.contains(std::get<0>(k)), qPrintable(describe(k)));
            QVERIFY2(!caseVariants.contains(std::get<0>(k)), qPrintable(describe(k)));
        }
    }

    /** A visitor in two matched accounts counts in each account on the days attributed to it. */
    void aVisitorInTwoAccountsCountsInEach()
    {
        int checked = 0;
        for (const QJsonValue &value : m_plantedTruth.value(QStringLiteral("visitors"))
                                           .toObject()
                                           .value(QStringLiteral("inTwoAccounts"))
                                           .toArray()) {
            const QString visitor = value.toObject().value(QStringLiteral("visitorId")).toString();
            std::map<QString, std::set<int>> daysByAccount;
            for (const VisitorDay &row : m_truth) {
                if (row.visitor == visitor && row.day >= m_from && row.day <= m_to && m_csAccountOf.count(row.account))
                    daysByAccount[m_csAccountOf.at(row.account)].insert(row.day);
            }
            if (daysByAccount.size() < 2)
                continue;
            // On each of its days it is in the DAU of that day's account, and in both accounts' MAU.
            for (const auto &[account, days] : daysByAccount) {
                for (int day : days) {
                    const auto found = m_expected.find({account, allApps, day});
                    QVERIFY(found != m_expected.end() && found->second.dau >= 1);
                }
            }
            ++checked;
        }
        QVERIFY2(checked > 0, "no visitor in two matched accounts was active in both within the compared days");
    }

    /** The product's own numbers: `metrics export`, every (account, app, day) both ways. */
    void exportedMetricsAreTheTruth()
    {
        const QString out = m_dir.filePath(QStringLiteral("metrics.csv"));
        const CliResult exported = cli(
            {QStringLiteral("metrics"), QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
             QStringLiteral("--from"), QDate::fromJulianDay(m_from).toString(Qt::ISODate), QStringLiteral("--to"),
             QDate::fromJulianDay(m_to).toString(Qt::ISODate), QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        CsvReader reader(&file, u',');
        CsvRecord record;
        QVERIFY(reader.next(record));
        const QStringList header = record.fields;
        const QStringList contract
            = QStringLiteral(
                  "account,app,day,dau,wau,mau,events,minutes,events_30d,minutes_30d,dau_mau,wau_mau,core_adoption,"
                  "licence_utilisation,days_since_active,pes_adoption,pes_stickiness,pes_growth,pes,core_events,"
                  "core_events_30d,health_score,"
                  "health_band")
                  .split(u',');
        QCOMPARE(header, contract);
        const int account = 0, app = 1, day = 2, dau = 3, wau = 4, mau = 5;
        Metrics actual;
        QStringList problems;
        while (reader.next(record)) {
            QCOMPARE(record.fields.size(), contract.size());
            const QDate date = QDate::fromString(record.fields.at(day), Qt::ISODate);
            QVERIFY2(date.isValid(), qPrintable(record.fields.at(day)));
            const MetricKey k {record.fields.at(account), record.fields.at(app), int(date.toJulianDay())};
            if (std::get<2>(k) < m_from || std::get<2>(k) > m_to)
                problems << describe(k) + QStringLiteral(": outside the asked days");
            if (!m_matchedCsAccounts.contains(std::get<0>(k)) && record.fields.at(mau).toInt() != 0)
                problems << describe(k) + QStringLiteral(": activity for a CS account no Pendo account matches");
            if (!actual
                     .emplace(k,
                              Counts {record.fields.at(dau).toInt(), record.fields.at(wau).toInt(),
                                      record.fields.at(mau).toInt()})
                     .second)
                problems << describe(k) + QStringLiteral(": twice");
        }
        problems += differences(m_expected, actual, QStringLiteral("export"));
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("%1 problems, the first:\n").arg(problems.size())
                            + problems.mid(0, 25).join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestMetricsAcceptance)
#include "tst_metrics_acceptance.moc"
