#include "CliProcess.h"
#include "SimProcess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QByteArray key = QByteArrayLiteral("acceptance-key-5c0e");
const QStringList simArguments{QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--accounts"),
                               QStringLiteral("100"), QStringLiteral("--key"), QString::fromLatin1(key),
                               QStringLiteral("--now"), QStringLiteral("2026-11-18T15:00:00Z")};

} // namespace

/**
 * The CRM export of pendo-sim imported, the catalog refreshed from pendo-sim, and the match
 * preview compared with what the simulator says it planted: missing accounts, case variants,
 * e-mail-only contacts, and the duplicated external id reported as ambiguous.
 */
class TestMatchAcceptance : public QObject
{
    Q_OBJECT

    using Result = CliResult;

    Result cli(const QStringList &args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PENDO_BRIDGE_REGION_URLS"), m_sim->regionOverrides());
        env.insert(QStringLiteral("PENDO_INTEGRATION_KEY"), QString::fromLatin1(key));
        return runCli(m_dir.filePath(QStringLiteral("w.sqlite")), args, env);
    }

    static QSet<QString> column(const QString &csvPath, int index)
    {
        QSet<QString> values;
        QFile file(csvPath);
        if (!file.open(QIODevice::ReadOnly))
            return values;
        file.readLine();
        while (!file.atEnd())
            values.insert(QString::fromUtf8(file.readLine()).trimmed().split(u',').value(index));
        return values;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SimProcess> m_sim;
    QJsonObject m_truth;

private Q_SLOTS:
    void initTestCase()
    {
        QProcess exporter;
        exporter.start(QStringLiteral(BRIDGE_SIM_PATH),
                       simArguments + QStringList{QStringLiteral("--export-crm"), m_dir.filePath(QStringLiteral("crm")),
                                                  QStringLiteral("--export-truth"), m_dir.filePath(QStringLiteral("truth.json")),
                                                  QStringLiteral("--no-serve")});
        QVERIFY(exporter.waitForFinished(60000));
        QCOMPARE(exporter.exitCode(), 0);
        QFile truth(m_dir.filePath(QStringLiteral("truth.json")));
        QVERIFY(truth.open(QIODevice::ReadOnly));
        m_truth = QJsonDocument::fromJson(truth.readAll()).object();
        QVERIFY(!m_truth.isEmpty());

        m_sim = std::make_unique<SimProcess>(simArguments);
        QVERIFY2(m_sim->isReady(), qPrintable(m_sim->error()));

        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("accounts"), m_dir.filePath(QStringLiteral("crm/accounts.csv")),
                      QStringLiteral("--skip-invalid")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("import"), QStringLiteral("contacts"), m_dir.filePath(QStringLiteral("crm/contacts.csv")),
                      QStringLiteral("--skip-invalid")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("connect"), QStringLiteral("--region"), QStringLiteral("us"),
                      QStringLiteral("--no-keychain")})
                     .exitCode,
                 0);
        const Result refresh = cli({QStringLiteral("catalog"), QStringLiteral("refresh"), QStringLiteral("--json")});
        QVERIFY2(refresh.exitCode == 0, refresh.err.constData());
        QCOMPARE(refresh.json().value(QStringLiteral("accounts")).toInt(), m_truth.value(QStringLiteral("accounts")).toArray().size());
    }

    void accountRatesAgreeWithThePlantedImperfections()
    {
        const Result result = cli({QStringLiteral("match"), QStringLiteral("preview"), QStringLiteral("--json")});
        QVERIFY2(result.exitCode == 0, result.err.constData());
        const QJsonObject preview = result.json();
        const QJsonObject accounts = preview.value(QStringLiteral("accounts")).toObject();
        const QJsonObject crm = m_truth.value(QStringLiteral("crm")).toObject();

        const int pendoAccounts = int(m_truth.value(QStringLiteral("accounts")).toArray().size());
        const int missing = int(crm.value(QStringLiteral("missingFromCrm")).toArray().size());
        int caseVariants = 0;
        for (const QJsonValue &variant : crm.value(QStringLiteral("idVariants")).toArray())
            caseVariants += variant.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("case");
        QVERIFY(missing > 0);
        QVERIFY(caseVariants > 0);

        // Default rules: ids compared after trimming, case kept. Whitespace variants match; case variants don't.
        QCOMPARE(accounts.value(QStringLiteral("total")).toInt(), pendoAccounts);
        QCOMPARE(accounts.value(QStringLiteral("unmatched")).toInt(), missing + caseVariants);
        QCOMPARE(accounts.value(QStringLiteral("ambiguous")).toInt(), 1);
        QCOMPARE(accounts.value(QStringLiteral("matched")).toInt(), pendoAccounts - missing - caseVariants - 1);
        QCOMPARE(accounts.value(QStringLiteral("rate")).toDouble(),
                 double(pendoAccounts - missing - caseVariants - 1) / pendoAccounts);
        QCOMPARE(preview.value(QStringLiteral("crmAccountsWithoutPendo")).toInt(),
                 int(crm.value(QStringLiteral("crmOnly")).toArray().size()) + caseVariants);

        const QString duplicated = crm.value(QStringLiteral("duplicateExternalId")).toObject().value(QStringLiteral("externalId")).toString();
        bool duplicateReported = false;
        QSet<QString> unmatched;
        for (const QJsonValue &value : preview.value(QStringLiteral("unmatchedAccounts")).toArray()) {
            const QJsonObject item = value.toObject();
            unmatched.insert(item.value(QStringLiteral("pendoId")).toString());
            if (item.value(QStringLiteral("pendoId")).toString() == duplicated) {
                duplicateReported = item.value(QStringLiteral("ambiguous")).toBool();
                QCOMPARE(item.value(QStringLiteral("candidates")).toArray().size(), 2);
            }
        }
        QVERIFY2(duplicateReported, qPrintable(duplicated));
        for (const QJsonValue &id : crm.value(QStringLiteral("missingFromCrm")).toArray())
            QVERIFY(unmatched.contains(id.toString()));

        bool caseSuggestion = false;
        for (const QJsonValue &value : preview.value(QStringLiteral("suggestions")).toArray()) {
            const QJsonObject suggestion = value.toObject();
            if (suggestion.value(QStringLiteral("action")).toString() == QLatin1String("case-insensitive-accounts")) {
                caseSuggestion = true;
                QCOMPARE(suggestion.value(QStringLiteral("count")).toInt(), caseVariants);
            }
        }
        QVERIFY(caseSuggestion);
    }

    void contactRatesAgreeWithThePlantedImperfections()
    {
        const QJsonObject preview = cli({QStringLiteral("match"), QStringLiteral("preview"), QStringLiteral("--json")}).json();
        const QJsonObject contacts = preview.value(QStringLiteral("contacts")).toObject();
        const QJsonObject crm = m_truth.value(QStringLiteral("crm")).toObject();
        const QJsonArray emailOnly = crm.value(QStringLiteral("contactsMatchableByEmailOnly")).toArray();
        QVERIFY(!emailOnly.isEmpty());

        // Do-Not-Process visitors are never matched, even when the CRM knows them.
        QSet<QString> doNotProcess;
        for (const QJsonValue &id : m_truth.value(QStringLiteral("visitors")).toObject().value(QStringLiteral("doNotProcess")).toArray())
            doNotProcess.insert(id.toString());
        const QSet<QString> contactIds = column(m_dir.filePath(QStringLiteral("crm/contacts.csv")), 0);
        int excluded = 0;
        for (const QString &id : doNotProcess)
            excluded += contactIds.contains(id);
        for (const QJsonValue &value : emailOnly)
            excluded += doNotProcess.contains(value.toObject().value(QStringLiteral("visitorId")).toString());

        const int expected = crm.value(QStringLiteral("contactsMatchedById")).toInt() + int(emailOnly.size()) - excluded;
        QCOMPARE(contacts.value(QStringLiteral("matched")).toInt(), expected);
        QCOMPARE(contacts.value(QStringLiteral("ambiguous")).toInt(), 0);

        // Without the e-mail rule exactly the e-mail-only contacts fall out again.
        const QString rulesFile = m_dir.filePath(QStringLiteral("config.json"));
        QCOMPARE(cli({QStringLiteral("config"), QStringLiteral("export"), rulesFile}).exitCode, 0);
        QFile file(rulesFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject matching = config.value(QStringLiteral("matching")).toObject();
        QJsonArray contactRules = matching.value(QStringLiteral("contact")).toArray();
        QCOMPARE(contactRules.size(), 2);
        contactRules.removeLast();
        matching.insert(QStringLiteral("contact"), contactRules);
        config.insert(QStringLiteral("matching"), matching);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(config).toJson());
        file.close();
        const Result imported = cli({QStringLiteral("config"), QStringLiteral("import"), rulesFile});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        const QJsonObject idOnly = cli({QStringLiteral("match"), QStringLiteral("preview"), QStringLiteral("--json")}).json();
        int emailOnlyExcluded = 0;
        for (const QJsonValue &value : emailOnly)
            emailOnlyExcluded += doNotProcess.contains(value.toObject().value(QStringLiteral("visitorId")).toString());
        QCOMPARE(idOnly.value(QStringLiteral("contacts")).toObject().value(QStringLiteral("matched")).toInt(),
                 expected - int(emailOnly.size()) + emailOnlyExcluded);
        bool emailSuggestion = false;
        for (const QJsonValue &value : idOnly.value(QStringLiteral("suggestions")).toArray())
            emailSuggestion |= value.toObject().value(QStringLiteral("action")).toString() == QLatin1String("add-email-rule");
        QVERIFY(emailSuggestion);
    }

    void applyAndCreateContacts()
    {
        const Result applied = cli({QStringLiteral("match"), QStringLiteral("apply"), QStringLiteral("--json")});
        QVERIFY2(applied.exitCode == 0, applied.err.constData());
        const qint64 unmatchedBefore =
            applied.json().value(QStringLiteral("contacts")).toObject().value(QStringLiteral("unmatched")).toInteger();
        const Result created = cli({QStringLiteral("contacts"), QStringLiteral("create-unmatched"), QStringLiteral("--json")});
        QVERIFY2(created.exitCode == 0, created.err.constData());
        const qint64 count = created.json().value(QStringLiteral("created")).toInteger();
        QVERIFY(count > 0);
        const QJsonObject after = cli({QStringLiteral("match"), QStringLiteral("preview"), QStringLiteral("--json")}).json();
        QCOMPARE(after.value(QStringLiteral("contacts")).toObject().value(QStringLiteral("unmatched")).toInteger(),
                 unmatchedBefore - count);
    }
};

QTEST_GUILESS_MAIN(TestMatchAcceptance)
#include "tst_match_acceptance.moc"
