#include "DashboardController.h"

#include "analytics/AnalyticsEngine.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"

#include <QDate>
#include <QLocale>
#include <QtConcurrent>

namespace {

PortfolioSnapshot readPortfolio(Database *database)
{
    PortfolioSnapshot snapshot;
    ScopedConnection connection(*database);
    if (!connection.isValid()) {
        snapshot.error = connection.error();
        return snapshot;
    }
    snapshot.rows = AnalyticsReader::portfolio(connection.db(), &snapshot.error);
    snapshot.asOfDay = AnalyticsReader::lastComputedDay(connection.db());
    snapshot.model = AnalyticsReader::currentModel(connection.db(), &snapshot.modelVersion);
    snapshot.yellowFrom = snapshot.model.yellowFrom;
    snapshot.greenFrom = snapshot.model.greenFrom;
    snapshot.customMetrics = AnalyticsReader::customMetricKeys(connection.db());
    return snapshot;
}

AccountDetail readDetail(Database *database, qint64 accountId)
{
    ScopedConnection connection(*database);
    if (!connection.isValid())
        return {};
    return AnalyticsReader::accountDetail(connection.db(), accountId);
}

BacktestResult readBacktest(Database *database, std::optional<HealthModel> model, int days)
{
    ScopedConnection connection(*database);
    if (!connection.isValid()) {
        BacktestResult result;
        result.error = connection.error();
        return result;
    }
    const int last = AnalyticsReader::lastComputedDay(connection.db());
    const HealthModel replayed = model ? *model : AnalyticsReader::currentModel(connection.db());
    return HealthBacktest::run(connection.db(), replayed, last - days + 1, last);
}

} // namespace

DashboardController::DashboardController(WorkspaceSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    connect(&m_portfolio, &QFutureWatcher<PortfolioSnapshot>::finished, this, [this] {
        if (m_portfolioAgain) {
            m_portfolioAgain = false;
            reloadPortfolio();
            return;
        }
        Q_EMIT portfolioReady(m_portfolio.result());
    });
    connect(&m_detail, &QFutureWatcher<AccountDetail>::finished, this, [this] {
        if (m_requestedAccount != m_readingAccount) {
            openAccount(m_requestedAccount); // a newer account was asked for meanwhile
            return;
        }
        m_account = m_readingAccount;
        Q_EMIT accountReady(m_detail.result());
    });
    connect(&m_backtest, &QFutureWatcher<BacktestResult>::finished, this,
            [this] { Q_EMIT backtestReady(m_backtest.result()); });

    AnalyticsEngine &engine = session.analytics();
    connect(&engine, &AnalyticsEngine::started, this, [this] {
        m_recomputing = true;
        Q_EMIT recomputeChanged(true, tr("Recomputing account health…"));
    });
    connect(&engine, &AnalyticsEngine::progress, this, [this](int done, int total, const QString &phase) {
        Q_EMIT recomputeChanged(true, total > 0 ? tr("%1 (%2%)").arg(phase).arg(done * 100 / total) : phase);
    });
    connect(&engine, &AnalyticsEngine::finished, this, [this](const RecomputeSummary &summary) {
        m_recomputing = false;
        Q_EMIT recomputeChanged(false, summary.ok ? tr("Account health recomputed for %L1 accounts.").arg(summary.accounts)
                                                  : summary.error);
        if (!summary.ok)
            return;
        reloadPortfolio();
        if (m_account != 0)
            openAccount(m_account);
    });
}

DashboardController::~DashboardController()
{
    m_portfolio.waitForFinished();
    m_detail.waitForFinished();
    m_backtest.waitForFinished();
}

void DashboardController::reloadPortfolio()
{
    if (m_portfolio.isRunning()) {
        m_portfolioAgain = true;
        return;
    }
    m_portfolio.setFuture(QtConcurrent::run(&readPortfolio, &m_session.database()));
}

void DashboardController::openAccount(qint64 accountId)
{
    m_requestedAccount = accountId;
    if (m_detail.isRunning())
        return; // the finished handler asks again for the newest account
    m_readingAccount = accountId;
    m_detail.setFuture(QtConcurrent::run(&readDetail, &m_session.database(), accountId));
}

void DashboardController::runBacktest(const std::optional<HealthModel> &model, int days)
{
    if (m_backtest.isRunning())
        return;
    m_backtest.setFuture(QtConcurrent::run(&readBacktest, &m_session.database(), model, days));
}
