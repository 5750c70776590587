#include "CliProcess.h"
#include "SimProcess.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

namespace {

const QByteArray key = QByteArrayLiteral("playbooks-acceptance-51c9");
constexpr int backfillDays = 150; // 90 days replayed, each looking 60 days back

QJsonArray jsonArray(const QByteArray &out)
{
    return QJsonDocument::fromJson(out).array();
}

} // namespace

/**
 * The starter "core-feature usage decline" playbook (core-feature events over the last 30 days
 * at least 30% below the 30 days before) on pendo-sim data, through a real 150-day backfill and
 * recompute: its dry run over 90 days lists the declining-archetype accounts the simulator
 * planted and none of the growing ones, and a real run over the same days fires for exactly the
 * accounts and days the dry run listed, with their tasks.
 */
class TestPlaybooksAcceptance : public QObject
{
    Q_OBJECT

    CliResult cli(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PENDO_BRIDGE_REGION_URLS"), m_sim->regionOverrides());
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.insert(QStringLiteral("PENDO_INTEGRATION_KEY"), QString::fromLatin1(key));
        return runCli(m_dir.filePath(QStringLiteral("w.sqlite")), args, env);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim;
    QSet<QString> m_declining, m_growing; // CS external ids of matched accounts by planted archetype
    QString m_playbookId;

private Q_SLOTS:
    void initTestCase()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime fixedNow(now.date(), QTime(now.time().hour(), now.time().minute()), QTimeZone::utc());
        const QStringList simArguments{QStringLiteral("--seed"),     QStringLiteral("21"),
                                       QStringLiteral("--accounts"), QStringLiteral("60"),
                                       QStringLiteral("--key"),      QString::fromLatin1(key),
                                       QStringLiteral("--now"),      fixedNow.toString(Qt::ISODate)};
        QProcess exporter;
        exporter.start(QStringLiteral(BRIDGE_SIM_PATH),
                       simArguments
                           + QStringList{QStringLiteral("--export-crm"), m_dir.filePath(QStringLiteral("crm")),
                                         QStringLiteral("--export-truth"), m_dir.filePath(QStringLiteral("truth.json")),
                                         QStringLiteral("--no-serve")});
        QVERIFY(exporter.waitForFinished(60000));
        QCOMPARE(exporter.exitCode(), 0);
        QFile truthFile(m_dir.filePath(QStringLiteral("truth.json")));
        QVERIFY(truthFile.open(QIODevice::ReadOnly));
        const QJsonObject truth = QJsonDocument::fromJson(truthFile.readAll()).object();

        m_sim = std::make_unique<SimProcess>(simArguments);
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));
        for (const char *kind : {"accounts", "contacts"}) {
            const CliResult imported = cli({QStringLiteral("import"), QString::fromLatin1(kind),
                                            m_dir.filePath(QStringLiteral("crm/%1.csv").arg(QLatin1String(kind))),
                                            QStringLiteral("--skip-invalid")});
            QVERIFY2(imported.exitCode == 0, imported.err.constData());
        }
        for (const QStringList &step :
             {QStringList{QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("us"),
                          QStringLiteral("--no-keychain")},
              QStringList{QStringLiteral("catalog"), QStringLiteral("refresh")},
              QStringList{QStringLiteral("match"), QStringLiteral("apply")},
              QStringList{QStringLiteral("sync"), QStringLiteral("--backfill-days"), QString::number(backfillDays)}}) {
            const CliResult result = cli(step);
            QVERIFY2(result.exitCode == 0, qPrintable(step.join(u' ') + u' ' + QString::fromUtf8(result.err)));
        }

        // The planted archetypes of the accounts that matched (the export leaves a few CRM rows out on purpose).
        const CliResult matched = cli({QStringLiteral("metrics"), QStringLiteral("export")});
        QVERIFY2(matched.exitCode == 0, matched.err.constData());
        QSet<QString> withMetrics;
        const QList<QByteArray> lines = matched.out.split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) // after the header; the account is the first column
            if (!lines[i].trimmed().isEmpty())
                withMetrics.insert(QString::fromUtf8(lines[i].left(lines[i].indexOf(','))));
        for (const QJsonValue &value : truth.value(QStringLiteral("accounts")).toArray()) {
            const QJsonObject a = value.toObject();
            const QString external = a.value(QStringLiteral("crm")).toObject().value(QStringLiteral("externalId")).toString();
            if (!withMetrics.contains(external))
                continue;
            const QString archetype = a.value(QStringLiteral("archetype")).toString();
            if (archetype == QLatin1String("declining"))
                m_declining.insert(external);
            else if (archetype == QLatin1String("growing"))
                m_growing.insert(external);
        }
        QVERIFY2(m_declining.size() >= 5 && m_growing.size() >= 5,
                 qPrintable(QStringLiteral("%1 declining, %2 growing").arg(m_declining.size()).arg(m_growing.size())));

        // The starter set is there, disabled; `list` gives each playbook's id and name.
        const CliResult list = cli({QStringLiteral("playbooks"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(list.exitCode == 0, list.err.constData());
        const QJsonArray playbooks = jsonArray(list.out);
        QCOMPARE(playbooks.size(), 5);
        for (const QJsonValue &p : playbooks) {
            QVERIFY(!p.toObject().value(QStringLiteral("enabled")).toBool());
            if (p.toObject().value(QStringLiteral("starterKey")).toString() == QLatin1String("core-usage-decline"))
                m_playbookId = QString::number(p.toObject().value(QStringLiteral("id")).toInteger());
        }
        QVERIFY(!m_playbookId.isEmpty());
    }

    void dryRunListsTheDecliningAccountsAndNoGrowingOne()
    {
        const CliResult dry = cli({QStringLiteral("playbooks"), QStringLiteral("dry-run"), m_playbookId,
                                   QStringLiteral("--days"), QStringLiteral("90"), QStringLiteral("--json")});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QJsonArray results = jsonArray(dry.out);
        QCOMPARE(results.size(), 1);
        QSet<QString> fired;
        for (const QJsonValue &f : results.at(0).toObject().value(QStringLiteral("firings")).toArray()) {
            const QJsonObject firing = f.toObject();
            fired.insert(firing.value(QStringLiteral("account")).toString());
            // The evidence names the windows and the fall.
            const QJsonObject evidence = firing.value(QStringLiteral("evidence")).toObject();
            QVERIFY(evidence.value(QStringLiteral("change")).toDouble() <= -30.0);
            QVERIFY(evidence.value(QStringLiteral("baselineTotal")).toDouble() >= 30.0);
            QVERIFY(!evidence.value(QStringLiteral("text")).toString().isEmpty());
        }
        const QSet<QString> missed = m_declining - fired;
        QVERIFY2(missed.isEmpty(), qPrintable(QStringLiteral("declining accounts that did not fire: ")
                                              + QStringList(missed.values()).join(u',')));
        const QSet<QString> growingFired = m_growing & fired;
        QVERIFY2(growingFired.isEmpty(), qPrintable(QStringLiteral("growing accounts that fired: ")
                                                    + QStringList(growingFired.values()).join(u',')));
        qInfo("dry run: %lld accounts fired, %lld declining planted, %lld growing planted", qlonglong(fired.size()),
              qlonglong(m_declining.size()), qlonglong(m_growing.size()));
    }

    void aRealRunOverTheSameDaysFiresWhatTheDryRunListed()
    {
        const CliResult dry = cli({QStringLiteral("playbooks"), QStringLiteral("dry-run"), m_playbookId,
                                   QStringLiteral("--days"), QStringLiteral("90"), QStringLiteral("--json")});
        QVERIFY2(dry.exitCode == 0, dry.err.constData());
        const QJsonObject result = jsonArray(dry.out).at(0).toObject();
        QSet<QString> expected;
        for (const QJsonValue &f : result.value(QStringLiteral("firings")).toArray())
            expected.insert(f.toObject().value(QStringLiteral("account")).toString() + u'@'
                            + f.toObject().value(QStringLiteral("day")).toString());
        QVERIFY(!expected.isEmpty());

        QCOMPARE(cli({QStringLiteral("playbooks"), QStringLiteral("enable"), m_playbookId}).exitCode, 0);
        const CliResult run = cli({QStringLiteral("playbooks"), QStringLiteral("run"), m_playbookId, QStringLiteral("--from"),
                                   result.value(QStringLiteral("from")).toString(), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QCOMPARE(run.json().value(QStringLiteral("fired")).toInt(), int(expected.size()));

        const CliResult firings = cli({QStringLiteral("playbooks"), QStringLiteral("firings"), QStringLiteral("--json")});
        QVERIFY2(firings.exitCode == 0, firings.err.constData());
        QSet<QString> actual;
        QHash<QString, QString> nameOf; // account name → external id, through the dry run
        for (const QJsonValue &f : result.value(QStringLiteral("firings")).toArray())
            nameOf.insert(f.toObject().value(QStringLiteral("name")).toString(),
                          f.toObject().value(QStringLiteral("account")).toString());
        for (const QJsonValue &f : jsonArray(firings.out))
            actual.insert(nameOf.value(f.toObject().value(QStringLiteral("account")).toString()) + u'@'
                          + f.toObject().value(QStringLiteral("day")).toString());
        QCOMPARE(actual, expected);

        // Each firing ran its action: one open task per firing, for the account's owner.
        const CliResult tasks = cli({QStringLiteral("playbooks"), QStringLiteral("tasks"), QStringLiteral("--json")});
        QVERIFY2(tasks.exitCode == 0, tasks.err.constData());
        QCOMPARE(jsonArray(tasks.out).size(), int(expected.size()));

        // A second run over the same days adds nothing: one open firing per account, and the cool-down.
        const CliResult again = cli({QStringLiteral("playbooks"), QStringLiteral("run"), m_playbookId,
                                     QStringLiteral("--from"), result.value(QStringLiteral("from")).toString(),
                                     QStringLiteral("--json")});
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(again.json().value(QStringLiteral("fired")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlaybooksAcceptance)
#include "tst_playbooks_acceptance.moc"
