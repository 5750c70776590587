#include "MainWindow.h"

#include "imports/ImportDialog.h"
#include "pendo/Region.h"
#include "security/CredentialStore.h"
#include "store/WorkspaceSettings.h"
#include "wizards/SetupWizard.h"
#include "wizards/CatalogPage.h"
#include "mappings/MappingDialog.h"
#include "mappings/MappingPage.h"
#include "matching/MatchWorkbench.h"
#include "matching/MatchWorkbenchController.h"
#include "matching/MatchingPage.h"
#include "pendo/PendoClient.h"
#include "sync/CatalogSync.h"
#include "sync/ConfigStore.h"
#include "items/AccountsModel.h"
#include "items/ContactsModel.h"
#include "store/Database.h"
#include "widgets/RecordsView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(Database &database, CredentialStore &credentials, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
    , m_credentials(credentials)
    , m_connectionLabel(new QLabel(this))
    , m_accounts(new AccountsModel(database, this))
    , m_contacts(new ContactsModel(database, this))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Pendo Bridge"));
    resize(1200, 760);

    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_stack->setObjectName(QStringLiteral("viewsStackedWidget"));

    auto *accountsView = new RecordsView(m_accounts, tr("Search accounts by name, id, owner, stage…"), this);
    accountsView->setObjectName(QStringLiteral("accountsView"));
    auto *contactsView = new RecordsView(m_contacts, tr("Search contacts by name, e-mail, account…"), this);
    contactsView->setObjectName(QStringLiteral("contactsView"));
    addView(tr("Accounts"), accountsView);
    addView(tr("Contacts"), contactsView);
    m_matching = new MatchWorkbench(database, this);
    m_matching->setObjectName(QStringLiteral("matchingView"));
    addView(tr("Matching"), m_matching);
    {
        const ConfigStore store(database);
        m_matching->controller().setRules(store.current().matching);
        m_matching->controller().setConfigVersion(store.currentVersion());
    }
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Pendo Bridge"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Pendo Bridge"),
                           tr("<b>Pendo Bridge %1</b><p>Product-usage data from Pendo in a local customer-health "
                              "workspace.</p><p>Workspace: %2</p>")
                               .arg(QStringLiteral(BRIDGE_VERSION), QDir::toNativeSeparators(m_database.path())));
    });

    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    statusBar()->addPermanentWidget(m_connectionLabel);
    updateConnectionLabel();
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
}

void MainWindow::updateStatus()
{
    statusBar()->showMessage(tr("Workspace %1 — %2 accounts, %3 contacts")
                                 .arg(QDir::toNativeSeparators(m_database.path()))
                                 .arg(m_accounts->rowCount())
                                 .arg(m_contacts->rowCount()));
}

void MainWindow::showImportDialog(RecordKind kind, const QString &path)
{
    auto *dialog = new ImportDialog(m_database, kind, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ImportDialog::importFinished, this, &MainWindow::reloadViews);
    dialog->show();
    if (!path.isEmpty())
        dialog->openFile(path);
}

void MainWindow::updateConnectionLabel()
{
    WorkspaceSettings settings(m_database);
    const QString region = settings.value(WorkspaceSettings::region);
    if (region.isEmpty()) {
        m_connectionLabel->setText(tr("Not connected to Pendo"));
        return;
    }
    const RegionInfo *info = RegionTable::find(region);
    m_connectionLabel->setText(tr("Pendo: %1").arg(info ? info->name : settings.value(WorkspaceSettings::baseUrl)));
}

void MainWindow::showSetupWizard()
{
    QString regionProblem;
    const RegionTable regions = RegionTable::fromSettingsAndEnvironment(
        WorkspaceSettings(m_database).value(WorkspaceSettings::regionUrls), &regionProblem);
    if (!regionProblem.isEmpty())
        statusBar()->showMessage(tr("Region addresses ignored: %1").arg(regionProblem), 15000);
    auto *wizard = new SetupWizard(regions, {}, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // After the key and region: read the catalog, then matching, then mappings.
    auto *catalog = new CatalogPage(m_database, [wizard] { return wizard->setupResult(); }, wizard);
    auto *matching = new MatchingPage(m_database, wizard);
    auto *mapping = new MappingPage(m_database, wizard);
    matching->setRules(ConfigStore(m_database).current().matching);
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
        ClientConfig config;
        config.baseUrl = wizard->setupResult().baseUrl;
        config.integrationKey = wizard->setupResult().integrationKey;
        m_wizardClient = std::make_unique<PendoClient>(config);
        mapping->setClient(m_wizardClient.get());
    });
    if (!m_setupDefaults.integrationKey.isEmpty() || !m_setupDefaults.regionKey.isEmpty())
        wizard->prefill(m_setupDefaults);
    connect(wizard, &QDialog::accepted, this, [this, wizard] { finishSetup(wizard->setupResult()); });
    connect(wizard, &QObject::destroyed, this, [this] { m_wizardClient.reset(); });
    wizard->open();
}

void MainWindow::saveMatchingRules(const MatchRules &rules)
{
    ConfigStore store(m_database);
    QString error;
    IntegrationConfig config = store.current(&error);
    config.matching = rules;
    const std::optional<ConfigSaveResult> saved =
        error.isEmpty() ? store.save(config, QStringLiteral("desktop"), tr("Matching rules edited"), &error) : std::nullopt;
    if (!saved) {
        statusBar()->showMessage(tr("The matching rules could not be saved: %1").arg(error), 15000);
        return;
    }
    m_matching->controller().setRules(rules);
    m_matching->controller().setConfigVersion(saved->version);
    if (saved->created)
        statusBar()->showMessage(tr("Matching rules saved as configuration version %1.").arg(saved->version), 10000);
    m_matching->controller().applyRules();
}

void MainWindow::withClient(std::function<void(PendoClient *client)> ready)
{
    WorkspaceSettings settings(m_database);
    const QString region = settings.value(WorkspaceSettings::region);
    const QUrl baseUrl(settings.value(WorkspaceSettings::baseUrl));
    if (region.isEmpty() || baseUrl.isEmpty()) {
        ready(nullptr);
        return;
    }
    m_credentials.read({m_database.path(), region}, this, [this, baseUrl, ready](const CredentialResult &result) {
        if (!result.ok()) {
            statusBar()->showMessage(result.status == CredentialResult::Status::NotFound
                                         ? tr("No stored integration key: use Pendo → Connect to Pendo… first.")
                                         : result.message,
                                     15000);
            ready(nullptr);
            return;
        }
        ClientConfig config;
        config.baseUrl = baseUrl;
        config.integrationKey = result.secret;
        m_client = std::make_unique<PendoClient>(config);
        ready(m_client.get());
    });
}

void MainWindow::showMappings()
{
    withClient([this](PendoClient *client) {
        auto *dialog = new MappingDialog(m_database, client, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::refreshCatalog()
{
    withClient([this](PendoClient *client) {
        if (!client) {
            Q_EMIT catalogRefreshed(tr("not connected"));
            return;
        }
        auto *sync = new CatalogSync(m_database, client, this);
        connect(sync, &CatalogSync::progress, this, [this](const QString &message) { statusBar()->showMessage(message); });
        connect(sync, &CatalogSync::finished, this, [this, sync](const PendoError &error, const QString &storeError) {
            sync->deleteLater();
            const QString problem = error.isError() ? error.message() : storeError;
            statusBar()->showMessage(problem.isEmpty() ? tr("Pendo catalog refreshed.")
                                                       : tr("The catalog was not refreshed: %1").arg(problem),
                                     15000);
            if (problem.isEmpty())
                m_matching->controller().refresh();
            Q_EMIT catalogRefreshed(problem);
        });
        sync->start();
    });
}

void MainWindow::finishSetup(const SetupResult &result)
{
    WorkspaceSettings settings(m_database);
    QString error;
    if (!settings.setValue(WorkspaceSettings::region, result.regionKey, &error)
        || !settings.setValue(WorkspaceSettings::baseUrl, result.baseUrl.toString(), &error)) {
        QMessageBox::warning(this, tr("Connect to Pendo"), tr("The workspace cannot record the region: %1").arg(error));
        return;
    }
    updateConnectionLabel();
    m_matching->controller().refresh();
    m_credentials.write({m_database.path(), result.regionKey}, result.integrationKey, this,
                        [this](const CredentialResult &stored) {
                            if (stored.ok()) {
                                const QString message = tr("Connected to Pendo. The key is in the system keychain.");
                                statusBar()->showMessage(message, 15000);
                                Q_EMIT setupFinished(true, message);
                                return;
                            }
                            const QString message = stored.status == CredentialResult::Status::NoKeychain
                                                        ? stored.message
                                                        : tr("The key works but could not be stored: %1").arg(stored.message);
                            QMessageBox *box = new QMessageBox(QMessageBox::Warning, tr("Connect to Pendo"), message,
                                                               QMessageBox::Ok, this);
                            box->setAttribute(Qt::WA_DeleteOnClose);
                            box->open();
                            Q_EMIT setupFinished(false, message);
                        });
}
