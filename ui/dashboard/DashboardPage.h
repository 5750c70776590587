#pragma once

#include "DashboardController.h"

#include <QWidget>

class AccountView;
class DashboardController;
class HealthBacktestView;
class HealthModelEditor;
class PortfolioView;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class WorkspaceSession;

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
    /** The open model editor, if any (for tests). */
    HealthModelEditor *modelEditor() const;
    AccountView *account() const { return m_account; }

public Q_SLOTS:
    void showPortfolio();
    void openAccount(qint64 accountId);

private:
    void showSnapshot(const PortfolioSnapshot &snapshot);
    void showBacktest();
    void editModel();
    void showBacktestView();
    void backtestDraft(const HealthModel &model);
    /** The open account's stage history and firings, from the playbooks engine. */
    void loadLifecycle();
    void moveStage(const QString &stageKey, const QString &reason);

    DashboardController *m_controller;
    QStackedWidget *m_stack;
    PortfolioView *m_portfolio;
    AccountView *m_account;
    QWidget *m_accountPage;
    QPushButton *m_back;
    QLabel *m_status;
    QSpinBox *m_backtestDays;
    HealthBacktestView *m_backtestView = nullptr;
    QLabel *m_modelStatus;
    WorkspaceSession &m_session;
    PortfolioSnapshot m_snapshot; // the last one shown: the editor starts from its model
};
