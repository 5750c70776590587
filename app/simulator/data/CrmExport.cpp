#include "CrmExport.h"

#include "Hash.h"
#include "Names.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

namespace pendosim {

namespace {

enum Salt : std::uint64_t { SaltCrm = 0xc7a, SaltContacts };

std::string isoDate(int julianDay)
{
    return QDate::fromJulianDay(julianDay).toString(Qt::ISODate).toStdString();
}

/** RFC 4180: quote fields with commas, quotes, line breaks or edge spaces; double inner quotes. */
void appendField(std::string &out, std::string_view field)
{
    const bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos
                       || (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void appendRow(std::string &out, std::initializer_list<std::string_view> fields)
{
    bool first = true;
    for (std::string_view f : fields) {
        if (!first)
            out += ',';
        first = false;
        appendField(out, f);
    }
    out += "\r\n";
}

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

constexpr std::array<std::string_view, 10> kTitles = {"Operations Manager", "Data Analyst",    "Software Engineer",
                                                      "Project Lead",       "Finance Manager", "Marketing Manager",
                                                      "Product Designer",   "Team Lead",       "Consultant",
                                                      "Customer Success Specialist"};

} // namespace

CrmExport::CrmExport(const Dataset &data)
    : m_data(data)
{
    const auto &accounts = data.accounts();
    const auto &visitors = data.visitors();
    const std::uint64_t seed = data.config().seed;
    Rng rng(hashOf(seed, SaltCrm));
    const auto n = static_cast<std::int32_t>(accounts.size());

    // Which accounts get which imperfection: fixed quotas so small datasets show each one.
    std::vector<std::int32_t> order(accounts.size());
    for (std::int32_t i = 0; i < n; ++i)
        order[static_cast<std::size_t>(i)] = i;
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[rng.below(i)]);
    const auto quota = [&](double share) { return n >= 10 ? std::max(1, static_cast<int>(n * share)) : 0; };
    const int missingCount = quota(0.03);
    const int caseCount = quota(0.015);
    const int spaceCount = quota(0.015);
    std::vector<std::string> imperfection(accounts.size());
    std::size_t next = 0;
    for (int k = 0; k < missingCount && next < order.size(); ++k)
        imperfection[static_cast<std::size_t>(order[next++])] = "missing";
    for (int k = 0; k < caseCount && next < order.size(); ++k)
        imperfection[static_cast<std::size_t>(order[next++])] = "case";
    for (int k = 0; k < spaceCount && next < order.size(); ++k)
        imperfection[static_cast<std::size_t>(order[next++])] = "whitespace";
    const std::int32_t duplicateOf = next < order.size() ? order[next++] : -1;

    static constexpr std::array<int, 3> pricePerSeat = {600, 900, 1400};
    const int today = data.today();
    std::vector<std::string> crmIdOf(accounts.size());
    for (std::int32_t i = 0; i < n; ++i) {
        const AccountInfo &a = accounts[static_cast<std::size_t>(i)];
        const std::string &kind = imperfection[static_cast<std::size_t>(i)];
        if (kind == "missing") {
            m_missing.push_back(i);
            continue;
        }
        CrmAccount row;
        row.pendoAccount = i;
        row.imperfection = kind;
        row.externalId = a.id;
        if (kind == "case")
            row.externalId = lower(a.id);
        else if (kind == "whitespace")
            row.externalId = rng.chance(0.5) ? a.id + " " : " " + a.id;
        crmIdOf[static_cast<std::size_t>(i)] = row.externalId;
        row.name = a.name;
        if (rng.chance(0.1) && a.name.find(',') == std::string::npos)
            row.name += ", Inc.";
        row.owner = std::string(names::owners[rng.below(names::owners.size())]);
        row.plan = Dataset::planNames()[a.plan];
        if (rng.chance(0.05))
            row.plan = Dataset::planNames()[a.plan == 0 ? 1 : a.plan - 1]; // the CRM lags a plan change
        row.licensedSeats = a.seats;
        row.arr = static_cast<std::int64_t>(a.seats) * pricePerSeat[a.plan];
        const int renewal = today + rng.range(15, 360);
        row.renewalDate = isoDate(renewal);
        const double u = rng.uniform();
        switch (a.archetype) {
        case Archetype::Onboarding:
            row.lifecycleStage = "onboarding";
            break;
        case Archetype::Growing:
            row.lifecycleStage = u < 0.7 ? "mature" : "adoption";
            break;
        case Archetype::Steady:
            row.lifecycleStage = renewal - today < 90 ? "renewal" : "adoption";
            break;
        case Archetype::Declining:
            row.lifecycleStage = u < 0.3 ? "at_risk" : "adoption"; // mostly not noticed yet
            break;
        case Archetype::Dormant:
            row.lifecycleStage = u < 0.4 ? "at_risk" : u < 0.7 ? "churned" : "renewal";
            break;
        }
        if (rng.chance(0.05))
            row.lifecycleStage.clear();
        row.crmId = a.salesforceId;
        m_accounts.push_back(std::move(row));
    }
    // Accounts the CRM has and Pendo never saw: prospects and customers who never logged in.
    const int crmOnly = n >= 10 ? std::max(1, static_cast<int>(n * 0.02)) : 1;
    for (int k = 0; k < crmOnly; ++k) {
        CrmAccount row;
        const auto &first = names::companyFirst[rng.below(names::companyFirst.size())];
        std::string prefix;
        for (char c : first) {
            if (prefix.size() < 4)
                prefix.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
        }
        row.externalId = prefix + "-" + std::to_string(90000 + n + k);
        row.name = std::string(first) + " " + std::string(names::companySecond[rng.below(names::companySecond.size())]);
        row.owner = std::string(names::owners[rng.below(names::owners.size())]);
        row.plan = Dataset::planNames()[rng.below(3)];
        row.licensedSeats = rng.range(5, 60);
        row.arr = row.licensedSeats * 900;
        row.renewalDate = isoDate(today + rng.range(30, 300));
        row.lifecycleStage = "onboarding";
        row.imperfection = "crm_only";
        m_accounts.push_back(std::move(row));
    }
    if (duplicateOf >= 0) {
        // A second CRM record reusing another record's external id (a regional subsidiary).
        const AccountInfo &a = accounts[static_cast<std::size_t>(duplicateOf)];
        CrmAccount row;
        row.externalId = a.id;
        row.name = a.name + " (EMEA)";
        row.owner = std::string(names::owners[(rng.below(names::owners.size()))]);
        row.plan = Dataset::planNames()[a.plan];
        row.licensedSeats = std::max(3, a.seats / 3);
        row.arr = static_cast<std::int64_t>(row.licensedSeats) * pricePerSeat[a.plan];
        row.renewalDate = isoDate(today + rng.range(30, 300));
        row.lifecycleStage = "adoption";
        row.pendoAccount = duplicateOf;
        row.imperfection = "duplicate";
        m_accounts.push_back(std::move(row));
    }
    std::stable_sort(m_accounts.begin(), m_accounts.end(), [](const CrmAccount &x, const CrmAccount &y) {
        return x.name < y.name;
    });

    Rng contactRng(hashOf(seed, SaltContacts));
    bool plantedEmailOnly = false;
    for (std::uint32_t vi = 0; vi < visitors.size(); ++vi) {
        const VisitorInfo &v = visitors[vi];
        if (v.anonymous || v.account < 0)
            continue;
        const std::string &accountCrmId = crmIdOf[static_cast<std::size_t>(v.account)];
        if (accountCrmId.empty() || !contactRng.chance(0.88))
            continue;
        CrmContact c;
        c.visitor = static_cast<std::int32_t>(vi);
        c.email = data.visitorEmail(vi);
        c.externalId = v.id;
        if (contactRng.chance(0.06) || (!plantedEmailOnly && vi > 0 && vi % 7 == 0)) {
            c.externalId = "C-" + std::to_string(1'000'000 + contactRng.below(9'000'000));
            c.emailOnly = true;
            plantedEmailOnly = true;
        }
        const std::string full = data.visitorName(vi);
        c.name = full;
        if (contactRng.chance(0.05)) {
            const auto space = full.find(' ');
            c.name = full.substr(space + 1) + ", " + full.substr(0, space);
        }
        c.role = v.role == 0 ? "Account Admin" : v.role == 2 ? "Stakeholder"
                                                             : std::string(kTitles[contactRng.below(kTitles.size())]);
        c.accountExternalId = accountCrmId;
        m_contacts.push_back(std::move(c));
    }
    // People the CRM knows who never used the product.
    for (std::int32_t i = 0; i < n; ++i) {
        const std::string &accountCrmId = crmIdOf[static_cast<std::size_t>(i)];
        if (accountCrmId.empty() || !contactRng.chance(0.1))
            continue;
        const AccountInfo &a = accounts[static_cast<std::size_t>(i)];
        CrmContact c;
        const auto &first = names::firstNames[contactRng.below(names::firstNames.size())];
        const auto &last = names::lastNames[contactRng.below(names::lastNames.size())];
        c.name = std::string(first) + " " + std::string(last);
        c.email = lower(std::string(first)) + ".exec" + std::to_string(i) + "@" + a.domain;
        c.externalId = "C-" + std::to_string(1'000'000 + contactRng.below(9'000'000));
        c.role = "Executive Sponsor";
        c.accountExternalId = accountCrmId;
        m_contacts.push_back(std::move(c));
    }
}

std::string CrmExport::accountsCsv() const
{
    std::string out;
    appendRow(out, {"external_id", "name", "owner", "arr", "renewal_date", "licensed_seats", "lifecycle_stage",
                    "plan", "crm_id"});
    for (const CrmAccount &a : m_accounts) {
        const std::string arr = std::to_string(a.arr);
        const std::string seats = std::to_string(a.licensedSeats);
        appendRow(out, {a.externalId, a.name, a.owner, arr, a.renewalDate, seats, a.lifecycleStage, a.plan, a.crmId});
    }
    return out;
}

std::string CrmExport::contactsCsv() const
{
    std::string out;
    appendRow(out, {"external_id", "email", "name", "role", "account_external_id"});
    for (const CrmContact &c : m_contacts)
        appendRow(out, {c.externalId, c.email, c.name, c.role, c.accountExternalId});
    return out;
}

std::string CrmExport::truthJson() const
{
    const Dataset &d = m_data;
    const auto &accounts = d.accounts();
    Object root;
    root.emplace_back("seed", static_cast<std::int64_t>(d.config().seed));
    root.emplace_back("now", d.nowMs());
    root.emplace_back("today", isoDate(d.today()));
    root.emplace_back("timeZone", d.config().timeZone.toStdString());
    root.emplace_back("historyDays", d.config().historyDays);
    root.emplace_back("lateHours", d.config().lateHours);

    Array apps;
    for (const AppInfo &app : d.apps()) {
        Object o;
        o.emplace_back("id", app.id);
        o.emplace_back("name", app.name);
        o.emplace_back("platform", app.platform);
        o.emplace_back("default", app.id == d.defaultAppId());
        apps.emplace_back(std::move(o));
    }
    root.emplace_back("apps", std::move(apps));

    std::vector<const CrmAccount *> crmOf(accounts.size(), nullptr);
    for (const CrmAccount &c : m_accounts) {
        if (c.pendoAccount >= 0 && c.imperfection != "duplicate")
            crmOf[static_cast<std::size_t>(c.pendoAccount)] = &c;
    }
    Array accountList;
    for (std::size_t i = 0; i < accounts.size(); ++i) {
        const AccountInfo &a = accounts[i];
        Object o;
        o.emplace_back("accountId", a.id);
        o.emplace_back("name", a.name);
        o.emplace_back("archetype", archetypeName(a.archetype));
        o.emplace_back("createdDate", isoDate(a.createdDay));
        o.emplace_back("plan", Dataset::planNames()[a.plan]);
        o.emplace_back("seats", static_cast<std::int64_t>(a.seats));
        o.emplace_back("visitors", static_cast<std::int64_t>(a.visitorCount));
        if (a.archetype == Archetype::Declining)
            o.emplace_back("declineStartDate", isoDate(a.declineStartDay));
        if (a.archetype == Archetype::Dormant)
            o.emplace_back("dormantSince", isoDate(a.endDay + 1));
        if (a.archetype == Archetype::Onboarding) {
            o.emplace_back("reachedFirstValue", a.reachesFirstValue);
            o.emplace_back("firstValueDate", a.reachesFirstValue ? Value(isoDate(a.firstValueDay)) : Value());
        }
        Object crm;
        const CrmAccount *c = crmOf[i];
        crm.emplace_back("status", c ? "present" : "missing");
        crm.emplace_back("externalId", c ? Value(c->externalId) : Value());
        crm.emplace_back("imperfection", c ? c->imperfection : std::string("missing"));
        o.emplace_back("crm", std::move(crm));
        accountList.emplace_back(std::move(o));
    }
    root.emplace_back("accounts", std::move(accountList));

    Array core;
    Array firstValue;
    for (const CatalogItem &item : d.items()) {
        if (!item.core && !item.firstValue)
            continue;
        Object o;
        o.emplace_back("id", item.id);
        o.emplace_back("name", item.name);
        o.emplace_back("kind", item.kind == ItemKind::Page ? "page" : item.kind == ItemKind::Feature ? "feature"
                                                                                                   : "trackType");
        o.emplace_back("appId", d.apps()[static_cast<std::size_t>(item.app)].id);
        if (item.firstValue)
            firstValue.emplace_back(Value(Object(o)));
        if (item.core)
            core.emplace_back(std::move(o));
    }
    root.emplace_back("coreEvents", std::move(core));
    root.emplace_back("firstValueEvents", std::move(firstValue));

    Object crm;
    Array missing;
    for (std::int32_t i : m_missing)
        missing.emplace_back(accounts[static_cast<std::size_t>(i)].id);
    crm.emplace_back("missingFromCrm", std::move(missing));
    Array crmOnly;
    Array variants;
    Object duplicate;
    for (const CrmAccount &c : m_accounts) {
        if (c.imperfection == "crm_only")
            crmOnly.emplace_back(c.externalId);
        if (c.imperfection == "case" || c.imperfection == "whitespace") {
            Object v;
            v.emplace_back("pendoId", accounts[static_cast<std::size_t>(c.pendoAccount)].id);
            v.emplace_back("crmExternalId", c.externalId);
            v.emplace_back("kind", c.imperfection);
            variants.emplace_back(std::move(v));
        }
        if (c.imperfection == "duplicate") {
            Array rows;
            for (const CrmAccount &other : m_accounts) {
                if (other.externalId == c.externalId)
                    rows.emplace_back(other.name);
            }
            duplicate.emplace_back("externalId", c.externalId);
            duplicate.emplace_back("names", std::move(rows));
            duplicate.emplace_back("pendoAccountName", accounts[static_cast<std::size_t>(c.pendoAccount)].name);
        }
    }
    crm.emplace_back("crmOnly", std::move(crmOnly));
    crm.emplace_back("idVariants", std::move(variants));
    crm.emplace_back("duplicateExternalId", duplicate.empty() ? Value() : Value(std::move(duplicate)));
    Array emailOnly;
    Array noVisitor;
    std::int64_t matchedById = 0;
    for (const CrmContact &c : m_contacts) {
        if (c.visitor < 0) {
            noVisitor.emplace_back(c.externalId);
            continue;
        }
        if (!c.emailOnly) {
            ++matchedById;
            continue;
        }
        Object o;
        o.emplace_back("visitorId", d.visitors()[static_cast<std::size_t>(c.visitor)].id);
        o.emplace_back("crmExternalId", c.externalId);
        o.emplace_back("email", c.email);
        emailOnly.emplace_back(std::move(o));
    }
    crm.emplace_back("contactsMatchedById", matchedById);
    crm.emplace_back("contactsMatchableByEmailOnly", std::move(emailOnly));
    crm.emplace_back("contactsWithoutVisitor", std::move(noVisitor));
    root.emplace_back("crm", std::move(crm));

    Object special;
    Array anonymousExamples;
    Array dnp;
    Array loners;
    Array twoAccounts;
    std::int64_t anonymousCount = 0;
    for (const VisitorInfo &v : d.visitors()) {
        if (v.anonymous) {
            if (anonymousCount++ < 5)
                anonymousExamples.emplace_back(v.id);
            continue;
        }
        if (v.doNotProcess)
            dnp.emplace_back(v.id);
        if (v.account < 0)
            loners.emplace_back(v.id);
        if (v.secondAccount >= 0) {
            Object o;
            o.emplace_back("visitorId", v.id);
            o.emplace_back("accountIds", Array{Value(accounts[static_cast<std::size_t>(v.account)].id),
                                               Value(accounts[static_cast<std::size_t>(v.secondAccount)].id)});
            twoAccounts.emplace_back(std::move(o));
        }
    }
    special.emplace_back("anonymousCount", anonymousCount);
    special.emplace_back("anonymousExamples", std::move(anonymousExamples));
    special.emplace_back("doNotProcess", std::move(dnp));
    special.emplace_back("withoutAccount", std::move(loners));
    special.emplace_back("inTwoAccounts", std::move(twoAccounts));
    root.emplace_back("visitors", std::move(special));

    for (const GuideInfo &g : d.guides()) {
        if (!g.nps)
            continue;
        Object nps;
        nps.emplace_back("guideId", g.id);
        nps.emplace_back("scorePollId", g.pollIds.at(0));
        nps.emplace_back("textPollId", g.pollIds.at(1));
        root.emplace_back("npsGuide", std::move(nps));
        break;
    }
    return Value(std::move(root)).toJson();
}

static bool writeFile(const QString &path, const std::string &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(content.data(), static_cast<qint64>(content.size())) != static_cast<qint64>(content.size())
        || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write ") + path + QStringLiteral(": ") + file.errorString();
        return false;
    }
    return true;
}

bool CrmExport::writeCsv(const QString &dir, QString *error) const
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QStringLiteral("cannot create directory ") + dir;
        return false;
    }
    const QDir d(dir);
    return writeFile(d.filePath(QStringLiteral("accounts.csv")), accountsCsv(), error)
           && writeFile(d.filePath(QStringLiteral("contacts.csv")), contactsCsv(), error);
}

bool CrmExport::writeTruth(const QString &file, QString *error) const
{
    const QString parent = QFileInfo(file).absolutePath();
    if (!QDir().mkpath(parent)) {
        if (error)
            *error = QStringLiteral("cannot create directory ") + parent;
        return false;
    }
    return writeFile(file, truthJson(), error);
}

} // namespace pendosim
