#include "DashboardPage.h"

#include "AccountView.h"
#include "DashboardController.h"
#include "HealthBacktestView.h"
#include "HealthModelEditor.h"
#include "LifecyclePanel.h"
#include "PortfolioView.h"

#include "analytics/AnalyticsReader.h"
#include "playbooks/PlaybookEngine.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

DashboardPage::DashboardPage(WorkspaceSession &session, QWidget *parent)
    : QWidget(parent)
    , m_controller(new DashboardController(session, this))
    , m_stack(new QStackedWidget(this))
    , m_portfolio(new PortfolioView(this))
    , m_account(new AccountView(this))
    , m_accountPage(new QWidget(this))
    , m_back(new QPushButton(tr("← Portfolio"), this))
    , m_status(new QLabel(this))
    , m_backtestDays(new QSpinBox(this))
    , m_modelStatus(new QLabel(this))
    , m_session(session)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_portfolio->setObjectName(QStringLiteral("portfolioView"));
    m_account->setObjectName(QStringLiteral("accountView"));
    m_back->setObjectName(QStringLiteral("backToPortfolioButton"));
    m_status->setObjectName(QStringLiteral("recomputeStatusLabel"));
    m_backtestDays->setObjectName(QStringLiteral("backtestDaysSpinBox"));
    m_backtestDays->setRange(7, 365);
    m_backtestDays->setValue(90);
    m_backtestDays->setSuffix(tr(" days"));
    m_backtestDays->setToolTip(tr("How far back the backtest replays the current health model"));

    auto *backtest = new QPushButton(tr("Backtest Model…"), this);
    backtest->setObjectName(QStringLiteral("backtestButton"));
    backtest->setToolTip(tr("Replay the health model over past days: which accounts change band, and when"));
    auto *edit = new QPushButton(tr("Edit Model…"), this);
    edit->setObjectName(QStringLiteral("editModelButton"));
    edit->setToolTip(tr("Change the health score's inputs, weights and thresholds as a new model version"));
    m_modelStatus->setObjectName(QStringLiteral("modelStatusLabel"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_status, 1);
    bar->addWidget(m_modelStatus);
    bar->addWidget(edit);
    bar->addWidget(m_backtestDays);
    bar->addWidget(backtest);

    auto *accountLayout = new QVBoxLayout(m_accountPage);
    accountLayout->setContentsMargins(0, 0, 0, 0);
    auto *accountBar = new QHBoxLayout;
    accountBar->addWidget(m_back);
    accountBar->addStretch(1);
    accountLayout->addLayout(accountBar);
    accountLayout->addWidget(m_account, 1);

    m_stack->addWidget(m_portfolio);
    m_stack->addWidget(m_accountPage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);

    connect(m_portfolio, &PortfolioView::accountActivated, this, &DashboardPage::openAccount);
    connect(m_back, &QPushButton::clicked, this, &DashboardPage::showPortfolio);
    connect(backtest, &QPushButton::clicked, this, &DashboardPage::showBacktest);
    connect(edit, &QPushButton::clicked, this, &DashboardPage::editModel);
    connect(m_controller, &DashboardController::portfolioReady, this, &DashboardPage::showSnapshot);
    connect(m_controller, &DashboardController::accountReady, this, [this](const AccountDetail &detail) {
        m_account->setDetail(detail);
        m_stack->setCurrentWidget(m_accountPage);
        loadLifecycle();
    });
    connect(m_account->lifecyclePanel(), &LifecyclePanel::moveRequested, this, &DashboardPage::moveStage);
    connect(&session.playbooks(), &PlaybookEngine::changed, this, [this] {
        if (m_controller->currentAccount() > 0)
            loadLifecycle();
    });
    session.playbooks().readStages(this, [this](const QList<LifecycleStage> &stages) {
        m_account->lifecyclePanel()->setStages(stages);
    });
    connect(m_controller, &DashboardController::recomputeChanged, this,
            [this](bool, const QString &message) { m_status->setText(message); });
    connect(m_controller, &DashboardController::backtestReady, this, [this](const BacktestResult &result) {
        if (m_backtestView)
            m_backtestView->setResult(result);
    });
    m_controller->reloadPortfolio();
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::showSnapshot(const PortfolioSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_modelStatus->setText(snapshot.modelVersion > 0 ? tr("Health model version %1").arg(snapshot.modelVersion)
                                                     : tr("Built-in health model"));
    m_portfolio->setRows(snapshot.rows);
    m_account->setHealthBands(snapshot.yellowFrom, snapshot.greenFrom);
    if (snapshot.asOfDay > 0)
        m_portfolio->setAsOf(QDate::fromJulianDay(snapshot.asOfDay));
    if (!snapshot.error.isEmpty())
        m_status->setText(tr("The portfolio cannot be read: %1").arg(snapshot.error));
    else if (!m_controller->isRecomputing())
        m_status->setText(snapshot.asOfDay > 0 ? QString()
                                               : tr("No account health yet: sync Pendo activity to compute it."));
}

void DashboardPage::showPortfolio()
{
    m_controller->closeAccount();
    m_stack->setCurrentWidget(m_portfolio);
}

void DashboardPage::openAccount(qint64 accountId)
{
    m_controller->openAccount(accountId);
}

HealthModelEditor *DashboardPage::modelEditor() const
{
    return findChild<HealthModelEditor *>(QString(), Qt::FindDirectChildrenOnly);
}

void DashboardPage::editModel()
{
    if (HealthModelEditor *open = modelEditor()) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *editor = new HealthModelEditor(m_snapshot.model, m_snapshot.modelVersion, m_snapshot.customMetrics, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &HealthModelEditor::backtestRequested, this, &DashboardPage::backtestDraft);
    connect(editor, &HealthModelEditor::saveRequested, this, [this](const HealthModel &model, const QString &summary) {
        // The new version scores from the last computed day on; earlier days keep their scores.
        const int effectiveDay =
            m_snapshot.asOfDay > 0 ? m_snapshot.asOfDay : int(QDate::currentDate().toJulianDay());
        m_status->setText(tr("Saving the health model…"));
        m_session.saveHealthModel(model, QStringLiteral("desktop"), summary, effectiveDay, this,
                                  [this](int version, const QString &error) {
                                      if (!error.isEmpty())
                                          m_status->setText(tr("The health model was not saved: %1").arg(error));
                                      else
                                          m_status->setText(tr("Health model version %1 saved; recomputing.").arg(version));
                                  });
    });
    editor->show();
}

void DashboardPage::backtestDraft(const HealthModel &model)
{
    showBacktestView();
    m_controller->runBacktest(model, m_backtestDays->value());
}

void DashboardPage::showBacktestView()
{
    if (!m_backtestView) {
        m_backtestView = new HealthBacktestView(this);
        m_backtestView->setObjectName(QStringLiteral("healthBacktestView"));
    }
    m_backtestView->setResult({});
    m_backtestView->show();
    m_backtestView->raise();
}

void DashboardPage::showBacktest()
{
    showBacktestView();
    // The current model over the chosen days; the model editor hands its draft the same way.
    m_controller->runBacktest(std::nullopt, m_backtestDays->value());
}

void DashboardPage::loadLifecycle()
{
    const qint64 accountId = m_controller->currentAccount();
    if (accountId <= 0)
        return;
    PlaybookEngine &engine = m_session.playbooks();
    engine.readStageHistory(accountId, this, [this, accountId](const QList<StageVisit> &visits) {
        if (m_controller->currentAccount() == accountId)
            m_account->lifecyclePanel()->setHistory(visits);
    });
    engine.readFirings(accountId, false, this,
                       [this, accountId](const QList<PlaybookFiring> &firings, const QString &) {
                           if (m_controller->currentAccount() == accountId)
                               m_account->lifecyclePanel()->setFirings(firings);
                       });
}

void DashboardPage::moveStage(const QString &stageKey, const QString &reason)
{
    const qint64 accountId = m_controller->currentAccount();
    if (accountId <= 0)
        return;
    const QString why = reason.isEmpty() ? tr("Moved by hand") : reason;
    m_session.playbooks().moveStage(accountId, stageKey, QStringLiteral("desktop"), why, this,
                                    [this](const QString &error) {
                                        m_account->lifecyclePanel()->showMoveResult(error);
                                        // On success the engine's changed() reloads the history.
                                    });
}
