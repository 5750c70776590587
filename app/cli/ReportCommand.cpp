#include "ReportCommand.h"

#include "CliCommands.h"

#include "analytics/AnalyticsReader.h"
#include "dashboard/DashboardReport.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"

#include <QDir>
#include <QElapsedTimer>

#include <cstring>

ReportCommand::ReportCommand(WorkspaceSession &session, QString outDir, QString account, QTextStream &out,
                             QTextStream &err)
    : m_session(session)
    , m_outDir(std::move(outDir))
    , m_account(std::move(account))
    , m_out(out)
    , m_err(err)
{
}

bool ReportCommand::requested(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "report") == 0)
            return true;
    return false;
}

int ReportCommand::run()
{
    if (m_outDir.isEmpty()) {
        m_err << tr("Usage: pendo-bridge-cli report --out DIR [--account EXTERNAL_ID]") << u'\n';
        return ExitUsage;
    }
    QElapsedTimer timer;
    timer.start();
    QSqlDatabase db = m_session.database().connection();
    QString error;
    const QList<PortfolioRow> rows = AnalyticsReader::portfolio(db, &error);
    if (!error.isEmpty()) {
        m_err << tr("The portfolio cannot be read: %1").arg(error) << u'\n';
        return ExitWorkspace;
    }
    QList<AccountDetail> accounts;
    for (const PortfolioRow &row : rows) {
        if (!m_account.isEmpty() && row.externalId != m_account)
            continue;
        accounts << AnalyticsReader::accountDetail(db, row.accountId, &error);
        if (!error.isEmpty()) {
            m_err << tr("Account %1 cannot be read: %2").arg(row.externalId, error) << u'\n';
            return ExitWorkspace;
        }
    }
    if (!m_account.isEmpty() && accounts.isEmpty()) {
        m_err << tr("No account with the external id \"%1\".").arg(m_account) << u'\n';
        return ExitBadInput;
    }
    if (!DashboardReport::write(m_outDir, rows, accounts, &error)) {
        m_err << error << u'\n';
        return ExitBadInput;
    }
    m_out << tr("Wrote the portfolio (%1 accounts) and %2 account view(s) to %3 in %4 ms.")
                 .arg(rows.size())
                 .arg(accounts.size())
                 .arg(QDir::toNativeSeparators(m_outDir))
                 .arg(timer.elapsed())
          << u'\n';
    return ExitOk;
}
