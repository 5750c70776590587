// The visitor-day ground truth (--export-visitor-days) against the dataset's own event scan, run
// through the same aggregation pipeline the sync sends.
#include "Aggregation.h"
#include "Json.h"
#include "VisitorDays.h"

#include <QDate>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <string>

using pendosim::Dataset;
using pendosim::DatasetConfig;
using pendosim::Value;
using pendosim::VisitorDayExport;

namespace {

/** 2026-03-09 15:30 EDT, the day after the switch to daylight-saving time. */
constexpr std::int64_t kNow = 1773084600000;

DatasetConfig config()
{
    DatasetConfig c;
    c.seed = 11;
    c.accounts = 30;
    c.visitorsPerAccount = 8;
    c.apps = 2;
    c.historyDays = 90;
    c.nowMs = kNow;
    return c;
}

std::string isoDate(int julianDay)
{
    return QDate::fromJulianDay(julianDay).toString(Qt::ISODate).toStdString();
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find('\n', at);
        out.push_back(text.substr(at, end - at));
        at = end == std::string::npos ? text.size() : end + 1;
    }
    return out;
}

std::vector<std::string> fields(const std::string &line)
{
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == ',')
            out.emplace_back();
        else
            out.back() += c;
    }
    return out;
}

} // namespace

class TestSimVisitorDays final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void headerOrderAndFields();
    void agreesWithTheEventsSourceBehindIdentified();
    void anonymousAndDoNotProcessVisitorsAreLeftOut();
    void visitorsInTwoAccountsHaveOneAccountADay();
    void theLateHoursAreListedInFull();
    void writtenFileIsTheSameText();

private:
    /** Rows "visitor,account,app,day" of `[from, to]` as the events source reports them for one app. */
    std::set<std::string> scanned(std::int64_t appId, int from, int to, bool identifiedOnly) const;
    std::set<std::string> exported(int from, int to) const;

    std::unique_ptr<Dataset> m_data;
    std::string m_csv;
    std::vector<std::vector<std::string>> m_rows; // without the header
};

void TestSimVisitorDays::initTestCase()
{
    m_data = std::make_unique<Dataset>(config());
    m_csv = VisitorDayExport(*m_data).csv();
    const std::vector<std::string> all = lines(m_csv);
    QVERIFY(all.size() > 1000);
    for (std::size_t i = 1; i < all.size(); ++i)
        m_rows.push_back(fields(all[i]));
}

std::set<std::string> TestSimVisitorDays::scanned(std::int64_t appId, int from, int to, bool identifiedOnly) const
{
    // The sync's activity pipeline (WindowFetch), over several days at once and grouped by day too.
    const std::string pipeline = R"j([{"source":{"events":{"appId":)j" + std::to_string(appId)
        + R"j(},"timeSeries":{"period":"dayRange","first":)j" + std::to_string(m_data->dayStartMs(from))
        + R"j(,"count":)j" + std::to_string(to - from + 1) + "}}},"
        + (identifiedOnly ? R"j({"identified":"visitorId"},)j" : "")
        + R"j({"eval":{"accountId":"if(isNull(accountId), \"\", accountId)"}},
        {"group":{"group":["visitorId","accountId","day"],"fields":{"numEvents":{"sum":"numEvents"}}}}])j";
    const std::string body
        = R"j({"response":{"mimeType":"application/json"},"request":{"pipeline":)j" + pipeline + "}}";
    std::string text;
    const auto error = pendosim::runAggregation(*m_data, body, [&](std::string_view chunk) { text += chunk; });
    if (error)
        qFatal("aggregation failed: %s", error->body.c_str());
    std::string parseError;
    const std::optional<Value> document = pendosim::parseJson(text, &parseError);
    if (!document)
        qFatal("not JSON: %s", parseError.c_str());
    std::set<std::string> out;
    for (const Value &row : document->find("results")->toArray()) {
        const int day = m_data->dayOf(row.find("day")->toInt());
        out.insert(row.find("visitorId")->toString() + ',' + row.find("accountId")->toString() + ','
                   + std::to_string(appId) + ',' + isoDate(day));
    }
    return out;
}

std::set<std::string> TestSimVisitorDays::exported(int from, int to) const
{
    std::set<std::string> out;
    const std::string first = isoDate(from), last = isoDate(to);
    for (const auto &row : m_rows) {
        if (row[3] >= first && row[3] <= last)
            out.insert(row[0] + ',' + row[1] + ',' + row[2] + ',' + row[3]);
    }
    return out;
}

void TestSimVisitorDays::headerOrderAndFields()
{
    QVERIFY(m_csv.starts_with("visitor,account,app,day\n"));
    std::set<std::string> apps;
    for (auto id : m_data->appIds())
        apps.insert(std::to_string(id));
    const std::string first = isoDate(m_data->historyStart()), last = isoDate(m_data->today());
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        const auto &row = m_rows[i];
        QCOMPARE(row.size(), 4u);
        QVERIFY(m_data->visitorIndex(row[0]) >= 0);
        QVERIFY(row[1].empty() || m_data->accountIndex(row[1]) >= 0);
        QVERIFY(apps.count(row[2]));
        QVERIFY(row[3] >= first && row[3] <= last);
        QVERIFY(QDate::fromString(QString::fromStdString(row[3]), Qt::ISODate).isValid());
        if (i > 0)
            QVERIFY2(m_rows[i - 1] < row, row[0].c_str()); // sorted, and no row twice
    }
}

void TestSimVisitorDays::agreesWithTheEventsSourceBehindIdentified()
{
    // Days whose every hour is older than the late-data horizon: the API reports them in full.
    const int to = m_data->today() - 1, from = to - 20;
    std::set<std::string> expected;
    for (auto appId : m_data->appIds())
        expected.merge(scanned(appId, from, to, true));
    const std::set<std::string> actual = exported(from, to);
    QVERIFY(expected.size() > 500);
    QCOMPARE(actual.size(), expected.size());
    QVERIFY(actual == expected);
    // Both apps and visitors without an account take part.
    QVERIFY(std::any_of(actual.begin(), actual.end(), [&](const std::string &r) {
        return r.find(',' + std::to_string(m_data->appIds().at(1)) + ',') != std::string::npos;
    }));
    QVERIFY(std::any_of(actual.begin(), actual.end(),
                        [](const std::string &r) { return r.find(",,") != std::string::npos; }));
}

void TestSimVisitorDays::anonymousAndDoNotProcessVisitorsAreLeftOut()
{
    std::set<std::string> listed;
    for (const auto &row : m_rows)
        listed.insert(row[0]);
    int anonymous = 0, doNotProcess = 0;
    for (const auto &v : m_data->visitors()) {
        if (v.anonymous)
            ++anonymous;
        if (v.doNotProcess)
            ++doNotProcess;
        if (v.anonymous || v.doNotProcess)
            QVERIFY2(!listed.count(v.id), v.id.c_str());
    }
    QVERIFY(anonymous > 0);
    QVERIFY(doNotProcess > 0);
    // Anonymous visitors do have event rows: it is the identified step that drops them.
    const int from = m_data->historyStart(), to = m_data->today() - 1;
    const std::set<std::string> all = scanned(m_data->defaultAppId(), from, to, false);
    QVERIFY(std::any_of(all.begin(), all.end(), [](const std::string &r) { return r.starts_with("_PENDO_T_"); }));
}

void TestSimVisitorDays::visitorsInTwoAccountsHaveOneAccountADay()
{
    int checked = 0;
    for (const auto &v : m_data->visitors()) {
        if (v.secondAccount < 0)
            continue;
        std::set<std::string> accounts;
        std::set<std::string> appDays;
        for (const auto &row : m_rows) {
            if (row[0] != v.id)
                continue;
            accounts.insert(row[1]);
            QVERIFY2(appDays.insert(row[2] + ' ' + row[3]).second, (v.id + ' ' + row[3]).c_str());
        }
        const std::set<std::string> both
            = {m_data->accounts()[std::size_t(v.account)].id, m_data->accounts()[std::size_t(v.secondAccount)].id};
        QVERIFY(accounts == both);
        ++checked;
    }
    QVERIFY(checked > 0);
}

void TestSimVisitorDays::theLateHoursAreListedInFull()
{
    // Today is still being processed: the API shows part of it; the truth has all that happened.
    const int today = m_data->today();
    std::set<std::string> reported;
    for (auto appId : m_data->appIds())
        reported.merge(scanned(appId, today, today, true));
    const std::set<std::string> truth = exported(today, today);
    QVERIFY(!reported.empty());
    QVERIFY(std::includes(truth.begin(), truth.end(), reported.begin(), reported.end()));
    QVERIFY(truth.size() > reported.size());
}

void TestSimVisitorDays::writtenFileIsTheSameText()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/visitor-days.csv"));
    QString error;
    QVERIFY2(VisitorDayExport(*m_data).write(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().toStdString() == m_csv);
}

QTEST_GUILESS_MAIN(TestSimVisitorDays)
#include "tst_simvisitordays.moc"
