#include "MainWindow.h"

#include "dashboard/DashboardController.h"
#include "dashboard/DashboardPage.h"
#include "imports/ImportDialog.h"
#include "playbooks/PlaybooksPage.h"
#include "pendo/Region.h"
#include "session/WorkspaceSession.h"
#include "wizards/SetupWizard.h"
#include "wizards/CatalogPage.h"
#include "mappings/MappingDialog.h"
#include "mappings/MappingPage.h"
#include "matching/MatchWorkbench.h"
#include "matching/MatchWorkbenchController.h"
#include "matching/MatchingPage.h"
#include "pendo/PendoClient.h"
#include "items/AccountsModel.h"
#include "items/ContactsModel.h"
#include "widgets/RecordsView.h"
#include "sync/SyncEngine.h"
#include "sync/SyncMonitor.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(WorkspaceSession &session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_connectionLabel(new QLabel(this))
    , m_syncLabel(new QLabel(this))
    , m_workspaceLabel(new QLabel(this))
    , m_accounts(new AccountsModel(session.database(), this))
    , m_contacts(new ContactsModel(session.database(), this))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Pendo Bridge"));
    resize(1200, 760);

    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_stack->setObjectName(QStringLiteral("viewsStackedWidget"));

    m_dashboard = new DashboardPage(session, this);
    addView(tr("Portfolio"), m_dashboard);
    m_playbooks = new PlaybooksPage(session.playbooks(), this);
    addView(tr("Playbooks"), m_playbooks);
    auto *accountsView = new RecordsView(m_accounts, tr("Search accounts by name, id, owner, stage…"), this);
    accountsView->setObjectName(QStringLiteral("accountsView"));
    auto *contactsView = new RecordsView(m_contacts, tr("Search contacts by name, e-mail, account…"), this);
    contactsView->setObjectName(QStringLiteral("contactsView"));
    addView(tr("Accounts"), accountsView);
    addView(tr("Contacts"), contactsView);
    m_matching = new MatchWorkbench(session, this);
    m_matching->setObjectName(QStringLiteral("matchingView"));
    addView(tr("Matching"), m_matching);
    m_matching->controller().setRules(session.currentConfig().matching);
    m_matching->controller().setConfigVersion(session.configVersion());
    connect(m_matching, &MatchWorkbench::rulesEdited, this, &MainWindow::saveMatchingRules);
    connect(m_matching, &MatchWorkbench::contactsCreated, this, &MainWindow::reloadViews);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({170, 1030});
    setCentralWidget(splitter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *importAccounts = file->addAction(tr("Import &Accounts…"));
    importAccounts->setObjectName(QStringLiteral("importAccountsAction"));
    importAccounts->setShortcut(QKeySequence(tr("Ctrl+I")));
    connect(importAccounts, &QAction::triggered, this, [this] { showImportDialog(RecordKind::Accounts); });
    QAction *importContacts = file->addAction(tr("Import &Contacts…"));
    importContacts->setObjectName(QStringLiteral("importContactsAction"));
    connect(importContacts, &QAction::triggered, this, [this] { showImportDialog(RecordKind::Contacts); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *pendo = menuBar()->addMenu(tr("&Pendo"));
    QAction *connectAction = pendo->addAction(tr("&Connect to Pendo…"));
    connectAction->setObjectName(QStringLiteral("connectPendoAction"));
    connect(connectAction, &QAction::triggered, this, &MainWindow::showSetupWizard);
    QAction *refreshAction = pendo->addAction(tr("&Refresh Catalog"));
    refreshAction->setObjectName(QStringLiteral("refreshCatalogAction"));
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refreshCatalog);
    QAction *mappingsAction = pendo->addAction(tr("&Mappings…"));
    mappingsAction->setObjectName(QStringLiteral("mappingsAction"));
    connect(mappingsAction, &QAction::triggered, this, &MainWindow::showMappings);
    pendo->addSeparator();
    m_syncNowAction = pendo->addAction(tr("Sync &Now"));
    m_syncNowAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNowAction->setShortcut(QKeySequence(tr("Ctrl+Shift+S")));
    connect(m_syncNowAction, &QAction::triggered, this, &MainWindow::syncNow);
    QAction *monitorAction = pendo->addAction(tr("&Sync Monitor…"));
    monitorAction->setObjectName(QStringLiteral("syncMonitorAction"));
    connect(monitorAction, &QAction::triggered, this, &MainWindow::showSyncMonitor);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Pendo Bridge"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Pendo Bridge"),
                           tr("<b>Pendo Bridge %1</b><p>Product-usage data from Pendo in a local customer-health "
                              "workspace.</p><p>Workspace: %2</p>")
                               .arg(QStringLiteral(BRIDGE_VERSION), QDir::toNativeSeparators(m_session.path())));
    });

    // What the workspace holds, under any passing message (a message shows over it, then it returns).
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceStatusLabel"));
    statusBar()->addWidget(m_workspaceLabel, 1);
    m_syncLabel->setObjectName(QStringLiteral("syncStatusLabel"));
    m_syncLabel->hide();
    statusBar()->addPermanentWidget(m_syncLabel);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    SyncEngine &engine = m_session.syncEngine();
    connect(&engine, &SyncEngine::started, this, [this] { showSyncProgress(SyncProgress()); });
    connect(&engine, &SyncEngine::progress, this, &MainWindow::showSyncProgress);
    connect(&engine, &SyncEngine::finished, this, &MainWindow::finishSync);
    updateConnectionLabel();
    connect(&m_session, &WorkspaceSession::connectionChanged, this, &MainWindow::updateConnectionLabel);
    connect(&m_session, &WorkspaceSession::catalogProgress, this,
            [this](const QString &message) { statusBar()->showMessage(message); });
    connect(&m_session, &WorkspaceSession::catalogRefreshed, this, [this](const QString &problem) {
        statusBar()->showMessage(problem.isEmpty() ? tr("Pendo catalog refreshed.")
                                                   : tr("The catalog was not refreshed: %1").arg(problem),
                                 15000);
        if (problem.isEmpty())
            m_matching->controller().refresh();
        Q_EMIT catalogRefreshed(problem);
    });
    connect(m_accounts, &QueryTableModel::loaded, this, &MainWindow::updateStatus);
    connect(m_contacts, &QueryTableModel::loaded, this, &MainWindow::updateStatus);
    updateStatus();
    reloadViews();
}

MainWindow::~MainWindow() = default;

void MainWindow::addView(const QString &title, QWidget *view)
{
    m_navigation->addItem(title);
    m_stack->addWidget(view);
}

void MainWindow::reloadViews()
{
    m_accounts->reload();
    m_contacts->reload();
    m_dashboard->controller().reloadPortfolio();
    m_playbooks->reload();
}

void MainWindow::updateStatus()
{
    const QLocale locale;
    m_workspaceLabel->setText(tr("Workspace %1 — %2 accounts, %3 contacts")
                                 .arg(QDir::toNativeSeparators(m_session.path()),
                                      locale.toString(m_accounts->rowCount()), locale.toString(m_contacts->rowCount())));
}

void MainWindow::showImportDialog(RecordKind kind, const QString &path)
{
    auto *dialog = new ImportDialog(m_session, kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importFinished, this, &MainWindow::reloadViews);
    dialog->show();
    if (!path.isEmpty())
        dialog->openFile(path);
}

void MainWindow::updateConnectionLabel()
{
    if (!m_session.isConnected()) {
        m_connectionLabel->setText(tr("Not connected to Pendo"));
        return;
    }
    m_connectionLabel->setText(m_session.hasSessionKey() ? tr("Pendo: %1 (key kept until you quit)").arg(m_session.connectionName())
                                                         : tr("Pendo: %1").arg(m_session.connectionName()));
}

void MainWindow::showSyncMonitor()
{
    if (!m_syncMonitor) {
        // A window of its own, so it can sit beside the views while a long backfill runs.
        m_syncMonitor = new SyncMonitor(m_session, this);
        m_syncMonitor->setWindowFlag(Qt::Window);
        m_syncMonitor->resize(1180, 740);
        connect(m_syncMonitor, &SyncMonitor::openMatchingRequested, this, &MainWindow::showMatching);
    }
    m_syncMonitor->show();
    m_syncMonitor->raise();
    m_syncMonitor->activateWindow();
}

void MainWindow::syncNow()
{
    SyncRequest request;
    request.kind = SyncRequest::Kind::Manual;
    m_session.startSync(request, this, [this](const QString &problem) {
        if (!problem.isEmpty())
            statusBar()->showMessage(tr("The sync did not start: %1").arg(problem), 15000);
    });
}

void MainWindow::showMatching(const QString &pendoId)
{
    m_navigation->setCurrentRow(m_stack->indexOf(m_matching));
    m_matching->showPendoId(pendoId);
    raise();
    activateWindow();
}

void MainWindow::showSyncProgress(const SyncProgress &progress)
{
    m_syncNowAction->setEnabled(false);
    const QString phase = progress.phase.isEmpty() ? tr("starting") : progress.phase;
    m_syncLabel->setText(progress.windowsTotal > 0
                             ? tr("Syncing: %1% — %2").arg(progress.windowsDone * 100 / progress.windowsTotal).arg(phase)
                             : tr("Syncing: %1").arg(phase));
    m_syncLabel->show();
}

void MainWindow::finishSync(const SyncRunSummary &summary)
{
    m_syncNowAction->setEnabled(true);
    m_syncLabel->hide();
    statusBar()->showMessage(tr("Sync: %1").arg(summary.statusText()), 15000);
    reloadViews();
}

void MainWindow::showSetupWizard()
{
    QString regionProblem;
    const RegionTable regions = m_session.regions(&regionProblem);
    if (!regionProblem.isEmpty())
        statusBar()->showMessage(tr("Region addresses ignored: %1").arg(regionProblem), 15000);
    auto *wizard = new SetupWizard(regions, {}, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // After the key and region: read the catalog, then matching, then mappings.
    auto *catalog = new CatalogPage(m_session, [wizard] { return wizard->setupResult(); }, wizard);
    auto *matching = new MatchingPage(m_session, wizard);
    auto *mapping = new MappingPage(m_session, wizard);
    matching->setRules(m_session.currentConfig().matching);
    wizard->setPage(SetupWizard::CatalogPageId, catalog);
    wizard->setPage(SetupWizard::MatchingPageId, matching);
    wizard->setPage(SetupWizard::MappingPageId, mapping);
    connect(wizard, &QWizard::currentIdChanged, this, [this, wizard, matching, mapping](int id) {
        // The workbench and the editor need room: grow the wizard once it reaches them.
        if (id == SetupWizard::MatchingPageId || id == SetupWizard::MappingPageId)
            wizard->resize(wizard->size().expandedTo(QSize(1150, 820)));
        if (id != SetupWizard::MappingPageId)
            return;
        saveMatchingRules(matching->rules());
        mapping->setClient(m_session.clientFor(wizard->setupResult().baseUrl, wizard->setupResult().integrationKey));
    });
    if (!m_setupDefaults.integrationKey.isEmpty() || !m_setupDefaults.regionKey.isEmpty())
        wizard->prefill(m_setupDefaults);
    connect(wizard, &QDialog::accepted, this, [this, wizard] { finishSetup(wizard->setupResult()); });
    wizard->open();
}

void MainWindow::saveMatchingRules(const MatchRules &rules)
{
    // The rules are saved as a new configuration version and re-resolved in one unit of work.
    m_session.saveMatchingRules(
        rules, QStringLiteral("desktop"), this,
        [this, rules](const std::optional<ConfigSaveResult> &saved, const QString &error) {
            if (!saved) {
                statusBar()->showMessage(tr("The matching rules could not be saved: %1").arg(error), 15000);
                return;
            }
            m_matching->controller().setRules(rules);
            m_matching->controller().setConfigVersion(saved->version);
            if (saved->created)
                statusBar()->showMessage(tr("Matching rules saved as configuration version %1.").arg(saved->version),
                                         10000);
            m_matching->controller().refresh();
        });
}

void MainWindow::showMappings()
{
    m_session.withClient(this, [this](PendoClient *client, const QString &problem) {
        if (!client && !problem.isEmpty())
            statusBar()->showMessage(problem, 15000);
        auto *dialog = new MappingDialog(m_session, client, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::refreshCatalog()
{
    m_session.refreshCatalog();
}

void MainWindow::finishSetup(const SetupResult &result)
{
    m_session.connectPendo(result.regionKey, result.baseUrl, result.integrationKey, this,
                           [this, result](const ConnectOutcome &outcome) {
                               if (!outcome.settingsSaved) {
                                   QMessageBox::warning(this, tr("Connect to Pendo"), outcome.message);
                                   Q_EMIT setupFinished(false, outcome.message);
                                   return;
                               }
                               m_matching->controller().refresh();
                               switch (outcome.key) {
                               case ConnectOutcome::Key::Stored:
                                   statusBar()->showMessage(outcome.message, 15000);
                                   Q_EMIT setupFinished(true, outcome.message);
                                   return;
                               case ConnectOutcome::Key::NoKeychain:
                                   offerSessionKey(result, outcome.message);
                                   return;
                               case ConnectOutcome::Key::Failed:
                                   break;
                               }
                               auto *box = new QMessageBox(QMessageBox::Warning, tr("Connect to Pendo"),
                                                           outcome.message, QMessageBox::Ok, this);
                               box->setAttribute(Qt::WA_DeleteOnClose);
                               box->open();
                               Q_EMIT setupFinished(false, outcome.message);
                           });
}

void MainWindow::offerSessionKey(const SetupResult &result, const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Connect to Pendo"), message, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("sessionKeyMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *keep = box->addButton(tr("Keep for This Session"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepForSessionPushButton"));
    box->addButton(tr("Don't Keep"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, keep, result](QAbstractButton *button) {
        if (button == keep) {
            m_session.keepKeyForThisSession(result.regionKey, result.integrationKey);
            const QString kept = tr("Connected to Pendo. The key is kept until you quit Pendo Bridge.");
            statusBar()->showMessage(kept, 15000);
            Q_EMIT setupFinished(true, kept);
        } else {
            const QString notKept = tr("Connected to Pendo, but the key was not kept: you will be asked for it again.");
            statusBar()->showMessage(notKept, 15000);
            Q_EMIT setupFinished(false, notKept);
        }
    });
    box->open();
}
