#pragma once

#include <QWidget>

class AccountView;
class DashboardController;
class HealthBacktestView;
class PortfolioView;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class WorkspaceSession;
struct PortfolioSnapshot;

/**
 * The main window's health view: the portfolio, and an account's view in its place when one is
 * opened (Back returns), with the recompute's state and the health model backtest. Renders what
 * its DashboardController reads; UI thread.
 */
class DashboardPage final : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(WorkspaceSession &session, QWidget *parent = nullptr);
    ~DashboardPage() override;

    DashboardController &controller() const { return *m_controller; }
    PortfolioView *portfolio() const { return m_portfolio; }
    AccountView *account() const { return m_account; }

public Q_SLOTS:
    void showPortfolio();
    void openAccount(qint64 accountId);

private:
    void showSnapshot(const PortfolioSnapshot &snapshot);
    void showBacktest();

    DashboardController *m_controller;
    QStackedWidget *m_stack;
    PortfolioView *m_portfolio;
    AccountView *m_account;
    QWidget *m_accountPage;
    QPushButton *m_back;
    QLabel *m_status;
    QSpinBox *m_backtestDays;
    HealthBacktestView *m_backtestView = nullptr;
};
