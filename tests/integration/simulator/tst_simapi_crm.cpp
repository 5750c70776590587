// pendo-sim's CRM export and ground truth, the stories the dataset plants, and the executable itself.
#include "CrmExport.h"
#include "SimTestSupport.h"

#include <QDate>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace simtest;
using pendosim::Archetype;
using pendosim::CrmExport;
using pendosim::Dataset;
using pendosim::ItemKind;
using pendosim::Value;

namespace {

/** RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF line ends. */
std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
        } else {
            field += c;
        }
    }
    if (!field.empty() || !row.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string normalised(std::string s)
{
    const auto b = s.find_first_not_of(' ');
    const auto e = s.find_last_not_of(' ');
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    for (char &c : s)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

/** Feature events of an account's visitors over [from, to) days, core features only or first-value only. */
std::int64_t accountFeatureEvents(const Dataset &d, std::uint32_t account, int from, int to, bool firstValueOnly)
{
    const auto &a = d.accounts()[account];
    std::vector<pendosim::ItemUse> uses;
    std::int64_t total = 0;
    for (std::uint32_t vi = a.firstVisitor; vi < a.firstVisitor + a.visitorCount; ++vi) {
        for (int day = from; day < to; ++day) {
            if (d.dayActivity(vi, day, 1u << int(ItemKind::Feature), ~0u, uses) != static_cast<int>(account))
                continue;
            for (const auto &use : uses) {
                const auto &item = d.items()[use.item];
                if (firstValueOnly ? item.firstValue : item.core)
                    total += use.events;
            }
        }
    }
    return total;
}

} // namespace

class TestSimCrm final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void accountsCsv();
    void contactsCsv();
    void truthMatchesExport();
    void archetypeStories();
    void executableExports();
    void executableServesOnPortZero();
    void helpListsEveryFlag();

private:
    std::unique_ptr<Dataset> m_data;
    std::unique_ptr<CrmExport> m_crm;
    std::vector<std::vector<std::string>> m_accounts;
    std::vector<std::vector<std::string>> m_contacts;
    std::optional<Value> m_truth;
};

void TestSimCrm::initTestCase()
{
    pendosim::DatasetConfig config = smallConfig(11);
    config.accounts = 80;
    config.visitorsPerAccount = 5;
    config.historyDays = 200;
    m_data = std::make_unique<Dataset>(config);
    m_crm = std::make_unique<CrmExport>(*m_data);
    m_accounts = parseCsv(m_crm->accountsCsv());
    m_contacts = parseCsv(m_crm->contactsCsv());
    std::string error;
    m_truth = pendosim::parseJson(m_crm->truthJson(), &error);
    QVERIFY2(m_truth, error.c_str());
}

void TestSimCrm::accountsCsv()
{
    QCOMPARE(m_accounts.front(), (std::vector<std::string>{"external_id", "name", "owner", "arr", "renewal_date",
                                                           "licensed_seats", "lifecycle_stage", "plan", "crm_id"}));
    const std::set<std::string> stages = {"onboarding", "adoption", "mature", "renewal", "at_risk", "churned", ""};
    const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    std::set<std::string> pendoIds;
    for (const auto &a : m_data->accounts())
        pendoIds.insert(a.id);
    std::map<std::string, int> exact;
    std::set<std::string> matchedNormalised;
    int crmOnly = 0, variants = 0, commaNames = 0;
    for (std::size_t i = 1; i < m_accounts.size(); ++i) {
        const auto &row = m_accounts[i];
        QCOMPARE(row.size(), std::size_t(9));
        ++exact[row[0]];
        QVERIFY(stages.count(row[6]));
        QVERIFY(date.match(QString::fromStdString(row[4])).hasMatch());
        QVERIFY(QDate::fromString(QString::fromStdString(row[4]), Qt::ISODate).isValid());
        bool ok = false;
        QVERIFY(QString::fromStdString(row[3]).toLongLong(&ok) > 0 && ok);
        QVERIFY(QString::fromStdString(row[5]).toInt(&ok) > 0 && ok);
        commaNames += row[1].find(',') != std::string::npos ? 1 : 0;
        if (pendoIds.count(row[0]))
            continue;
        const std::string key = normalised(row[0]);
        bool variant = false;
        for (const auto &id : pendoIds)
            variant = variant || normalised(id) == key;
        if (variant)
            ++variants;
        else
            ++crmOnly;
    }
    QVERIFY(commaNames > 0); // RFC 4180 quoting is exercised
    QVERIFY(crmOnly >= 1);
    QVERIFY(variants >= 2); // one differing by case, one by whitespace
    int duplicated = 0;
    for (const auto &[id, count] : exact)
        duplicated += count > 1 ? 1 : 0;
    QCOMPARE(duplicated, 1);
    // About 3% of Pendo accounts are missing: no row matches them even loosely.
    std::set<std::string> crmKeys;
    for (std::size_t i = 1; i < m_accounts.size(); ++i)
        crmKeys.insert(normalised(m_accounts[i][0]));
    int missing = 0;
    for (const auto &id : pendoIds)
        missing += crmKeys.count(normalised(id)) ? 0 : 1;
    QCOMPARE(missing, static_cast<int>(m_crm->missingAccounts().size()));
    QVERIFY(missing >= 1 && missing <= 6);
}

void TestSimCrm::contactsCsv()
{
    QCOMPARE(m_contacts.front(),
             (std::vector<std::string>{"external_id", "email", "name", "role", "account_external_id"}));
    std::set<std::string> accountIds;
    for (std::size_t i = 1; i < m_accounts.size(); ++i)
        accountIds.insert(m_accounts[i][0]);
    int byId = 0, byEmailOnly = 0, noVisitor = 0;
    for (std::size_t i = 1; i < m_contacts.size(); ++i) {
        const auto &row = m_contacts[i];
        QCOMPARE(row.size(), std::size_t(5));
        QVERIFY(accountIds.count(row[4]));
        QVERIFY(row[1].find('@') != std::string::npos);
        const std::int32_t vi = m_data->visitorIndex(row[0]);
        if (vi >= 0) {
            ++byId;
            QCOMPARE(row[1], m_data->visitorEmail(static_cast<std::uint32_t>(vi)));
            continue;
        }
        bool emailMatch = false;
        for (std::uint32_t v = 0; v < m_data->visitors().size() && !emailMatch; ++v)
            emailMatch = !m_data->visitors()[v].anonymous && m_data->visitorEmail(v) == row[1];
        (emailMatch ? byEmailOnly : noVisitor) += 1;
    }
    QVERIFY(byId > byEmailOnly);
    QVERIFY(byEmailOnly >= 1);
    const Value *planted = m_truth->path("crm.contactsMatchableByEmailOnly");
    QCOMPARE(static_cast<int>(planted->toArray().size()), byEmailOnly);
    QCOMPARE(static_cast<int>(m_truth->path("crm.contactsWithoutVisitor")->toArray().size()), noVisitor);
}

void TestSimCrm::truthMatchesExport()
{
    const Value &t = *m_truth;
    QCOMPARE(t.find("accounts")->toArray().size(), m_data->accounts().size());
    std::set<std::string> archetypes;
    for (const Value &a : t.find("accounts")->toArray())
        archetypes.insert(a.find("archetype")->toString());
    QCOMPARE(archetypes, (std::set<std::string>{"growing", "steady", "declining", "onboarding", "dormant"}));

    QCOMPARE(t.path("crm.missingFromCrm")->toArray().size(), m_crm->missingAccounts().size());
    for (const Value &v : t.path("crm.idVariants")->toArray()) {
        QVERIFY(v.find("pendoId")->toString() != v.find("crmExternalId")->toString());
        QCOMPARE(normalised(v.find("pendoId")->toString()), normalised(v.find("crmExternalId")->toString()));
    }
    std::set<std::string> kinds;
    for (const Value &v : t.path("crm.idVariants")->toArray())
        kinds.insert(v.find("kind")->toString());
    QCOMPARE(kinds, (std::set<std::string>{"case", "whitespace"}));
    const Value *duplicate = t.path("crm.duplicateExternalId");
    QVERIFY(duplicate && duplicate->isObject());
    QCOMPARE(duplicate->find("names")->toArray().size(), std::size_t(2));
    QCOMPARE(t.path("crm.crmOnly")->toArray().empty(), false);

    // Core events in the truth are exactly the catalog's isCoreEvent items.
    std::set<std::string> core;
    for (const Value &c : t.find("coreEvents")->toArray())
        core.insert(c.find("id")->toString());
    std::set<std::string> catalogCore;
    for (const auto &item : m_data->items()) {
        if (item.core)
            catalogCore.insert(item.id);
    }
    QCOMPARE(core, catalogCore);
    QCOMPARE(t.find("firstValueEvents")->toArray().size(), std::size_t(2));
    for (const Value &f : t.find("firstValueEvents")->toArray())
        QVERIFY(core.count(f.find("id")->toString()));

    const Value *special = t.find("visitors");
    QVERIFY(special->find("anonymousCount")->toInt() > 0);
    QVERIFY(!special->find("doNotProcess")->toArray().empty());
    QVERIFY(!special->find("withoutAccount")->toArray().empty());
    QVERIFY(!special->find("inTwoAccounts")->toArray().empty());
    QVERIFY(t.path("npsGuide.guideId"));
}

void TestSimCrm::archetypeStories()
{
    const Dataset &d = *m_data;
    const int today = d.today();
    int checkedDeclining = 0, reached = 0, stuck = 0;
    for (std::uint32_t i = 0; i < d.accounts().size(); ++i) {
        const auto &a = d.accounts()[i];
        switch (a.archetype) {
        case Archetype::Declining: {
            // Core-feature use in the last 20 days is well below the 30 days before the decline began.
            const double before = accountFeatureEvents(d, i, a.declineStartDay - 30, a.declineStartDay, false) / 30.0;
            const double after = accountFeatureEvents(d, i, today - 20, today, false) / 20.0;
            QVERIFY2(after < 0.6 * before, a.id.c_str());
            ++checkedDeclining;
            break;
        }
        case Archetype::Onboarding: {
            QVERIFY(a.createdDay > today - 90);
            const std::int64_t firstValue = accountFeatureEvents(d, i, a.createdDay, today, true);
            if (a.reachesFirstValue) {
                QVERIFY2(firstValue > 0, a.id.c_str());
                QCOMPARE(accountFeatureEvents(d, i, a.createdDay, a.firstValueDay, true), std::int64_t(0));
                ++reached;
            } else {
                QCOMPARE(firstValue, std::int64_t(0));
                ++stuck;
            }
            break;
        }
        case Archetype::Dormant:
            QVERIFY(d.accountLastVisit(i) < d.dayStartMs(a.endDay + 1) || d.accountLastVisit(i) > 0);
            QVERIFY(accountFeatureEvents(d, i, a.endDay - 20, a.endDay, false) >
                    accountFeatureEvents(d, i, today - 20, today, false));
            break;
        default:
            break;
        }
    }
    QVERIFY(checkedDeclining > 0);
    QVERIFY(reached > 0);
    QVERIFY(stuck > 0);
}

void TestSimCrm::executableExports()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QProcess process;
    process.start(QStringLiteral(PENDO_SIM_EXECUTABLE),
                  {QStringLiteral("--seed"), QStringLiteral("11"), QStringLiteral("--accounts"), QStringLiteral("80"),
                   QStringLiteral("--visitors-per-account"), QStringLiteral("5"), QStringLiteral("--history-days"),
                   QStringLiteral("200"), QStringLiteral("--now"), QString::number(kNow),
                   QStringLiteral("--export-crm"), dir.filePath(QStringLiteral("crm")),
                   QStringLiteral("--export-truth"), dir.filePath(QStringLiteral("truth.json")),
                   QStringLiteral("--no-serve")});
    QVERIFY(process.waitForFinished(60'000));
    QCOMPARE(process.exitCode(), 0);
    const auto read = [&](const QString &name) {
        QFile f(dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
    };
    // Same flags, same seed: the files are the ones computed in process, byte for byte.
    QCOMPARE(read(QStringLiteral("crm/accounts.csv")), m_crm->accountsCsv());
    QCOMPARE(read(QStringLiteral("crm/contacts.csv")), m_crm->contactsCsv());
    QCOMPARE(read(QStringLiteral("truth.json")), m_crm->truthJson());
}

void TestSimCrm::executableServesOnPortZero()
{
    QProcess process;
    process.start(QStringLiteral(PENDO_SIM_EXECUTABLE),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--regions"), QStringLiteral("us,eu"),
                   QStringLiteral("--subscription-region"), QStringLiteral("eu"), QStringLiteral("--key"),
                   QStringLiteral("k1"), QStringLiteral("--accounts"), QStringLiteral("10"), QStringLiteral("--now"),
                   QStringLiteral("2024-03-20T15:30:00Z")});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() && process.bytesAvailable() > 0
                                 && process.peek(4096).count('\n') >= 2,
                             30'000);
    QList<std::pair<std::string, std::string>> listeners;
    for (int i = 0; i < 2; ++i) {
        const QByteArray line = process.readLine().trimmed();
        std::string error;
        const auto json = pendosim::parseJson(line.toStdString(), &error);
        QVERIFY2(json, line.constData());
        listeners.append({json->find("listening")->toString(), json->find("region")->toString()});
    }
    QCOMPARE(listeners.at(0).second, std::string("us"));
    QCOMPARE(listeners.at(1).second, std::string("eu"));
    QVERIFY(QString::fromStdString(listeners.at(0).first).startsWith(QStringLiteral("http://127.0.0.1:")));

    QNetworkAccessManager nam;
    const auto verify = [&](const std::string &base) {
        QNetworkRequest request(QUrl(QString::fromStdString(base) + QStringLiteral("/api/v1/token/verify")));
        request.setRawHeader("x-pendo-integration-key", "k1");
        return SimFixture::wait(nam.get(request));
    };
    const Reply us = verify(listeners.at(0).first);
    QCOMPARE(us.status, 403); // the subscription lives in eu
    QVERIFY(us.body.isEmpty());
    const Reply eu = verify(listeners.at(1).first);
    QCOMPARE(eu.status, 200);
    QCOMPARE(eu.body, QByteArray(R"({"valid":true,"writeAccess":true})"));

    process.terminate();
    QVERIFY(process.waitForFinished(10'000));
}

void TestSimCrm::helpListsEveryFlag()
{
    QProcess process;
    process.start(QStringLiteral(PENDO_SIM_EXECUTABLE), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    for (const char *flag : {"--port", "--regions", "--subscription-region", "--key", "--read-only-key", "--seed",
                             "--accounts", "--visitors-per-account", "--apps", "--features", "--pages", "--guides",
                             "--track-types", "--history-days", "--timezone", "--now", "--late-hours", "--fault-429",
                             "--fault-500", "--fault-502", "--fault-503", "--fault-slow", "--fault-hang",
                             "--fault-truncate", "--fault-malformed", "--export-crm", "--export-truth",
                             "--export-visitor-days", "--no-serve"})
        QVERIFY2(help.contains(flag), flag);

    QProcess bad;
    bad.start(QStringLiteral(PENDO_SIM_EXECUTABLE), {QStringLiteral("--accounts"), QStringLiteral("zero")});
    QVERIFY(bad.waitForFinished(30'000));
    QCOMPARE(bad.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestSimCrm)
#include "tst_simapi_crm.moc"
