#pragma once

#include "analytics/AnalyticsReader.h"
#include "analytics/HealthBacktest.h"
#include "analytics/Recompute.h"

#include <QFutureWatcher>
#include <QObject>

class WorkspaceSession;

/** What one portfolio read gave: the rows, the day they are as of, and the current model's band cut-offs. */
struct PortfolioSnapshot
{
    QList<PortfolioRow> rows;
    int asOfDay = 0;
    double yellowFrom = 40, greenFrom = 70;
    HealthModel model;         // the current health model
    int modelVersion = 0;
    QStringList customMetrics; // "<source>/<metric>" keys a model input may name
    QString error;
};

/**
 * The logic behind the dashboards: reads the portfolio, an account's detail and health backtests
 * from the workspace on worker threads (each read on its own connection), drops answers a newer
 * request made stale, and reloads what is shown when a recompute finishes. Lives on the UI
 * thread and never blocks it; the views only render what it hands them. The destructor waits
 * for reads still running.
 */
class DashboardController final : public QObject
{
    Q_OBJECT

public:
    explicit DashboardController(WorkspaceSession &session, QObject *parent = nullptr);
    ~DashboardController() override;

    /** The account shown, 0 for none. */
    qint64 currentAccount() const { return m_account; }
    bool isRecomputing() const { return m_recomputing; }

public Q_SLOTS:
    void reloadPortfolio();
    void openAccount(qint64 accountId);
    void closeAccount() { m_account = 0; }
    /** Replays `model` (the current one when none is given) over the last `days` computed days. */
    void runBacktest(const std::optional<HealthModel> &model, int days);

Q_SIGNALS:
    void portfolioReady(const PortfolioSnapshot &snapshot);
    void accountReady(const AccountDetail &detail);
    void backtestReady(const BacktestResult &result);
    /** A recompute runs (with its phase and progress) or ended (running false, and how). */
    void recomputeChanged(bool running, const QString &message);

private:
    WorkspaceSession &m_session;
    QFutureWatcher<PortfolioSnapshot> m_portfolio;
    QFutureWatcher<AccountDetail> m_detail;
    QFutureWatcher<BacktestResult> m_backtest;
    qint64 m_account = 0;
    qint64 m_requestedAccount = 0;
    qint64 m_readingAccount = 0;
    bool m_portfolioAgain = false;
    bool m_recomputing = false;
};
