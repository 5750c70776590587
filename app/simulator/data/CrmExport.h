#pragma once

#include "Dataset.h"

#include <QString>

#include <string>
#include <vector>

namespace pendosim {

/** One row of the CRM's accounts.csv. */
struct CrmAccount
{
    std::string externalId;
    std::string name;
    std::string owner;
    std::int64_t arr = 0;
    std::string renewalDate; // YYYY-MM-DD
    int licensedSeats = 0;
    std::string lifecycleStage;
    std::string plan;
    std::string crmId;
    std::int32_t pendoAccount = -1; // -1: a CRM-only account
    std::string imperfection;        // "", "case", "whitespace", "duplicate", "crm_only"
};

/** One row of the CRM's contacts.csv. */
struct CrmContact
{
    std::string externalId;
    std::string email;
    std::string name;
    std::string role;
    std::string accountExternalId;
    std::int32_t visitor = -1;
    bool emailOnly = false; // the CRM's id differs from the visitor id; only the email matches
};

/**
 * The same customers as a CRM would export them, with the imperfections of real exports planted
 * deterministically from the seed (missing and extra accounts, ids differing by case or
 * whitespace, contacts matchable only by email, a duplicated external id), plus the ground truth
 * of what was planted. Computed once from the dataset; used on one thread.
 */
class CrmExport final
{
public:
    explicit CrmExport(const Dataset &data);

    const std::vector<CrmAccount> &accounts() const { return m_accounts; }
    const std::vector<CrmContact> &contacts() const { return m_contacts; }
    std::vector<std::int32_t> missingAccounts() const { return m_missing; }

    std::string accountsCsv() const;
    std::string contactsCsv() const;
    /** The ground truth as JSON. */
    std::string truthJson() const;

    bool writeCsv(const QString &dir, QString *error) const;
    bool writeTruth(const QString &file, QString *error) const;

private:
    const Dataset &m_data;
    std::vector<CrmAccount> m_accounts;
    std::vector<CrmContact> m_contacts;
    std::vector<std::int32_t> m_missing; // Pendo accounts the CRM does not have
};

} // namespace pendosim
