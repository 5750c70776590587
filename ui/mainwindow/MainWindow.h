#pragma once

#include "domain/CsRecords.h"
#include "sync/MatchRules.h"
#include "wizards/SetupResult.h"

#include <QMainWindow>

#include <functional>
#include <memory>

class AccountsModel;
class MatchWorkbench;
class PendoClient;
class CredentialStore;
class QLabel;
class ContactsModel;
class Database;
class QListWidget;
class QStackedWidget;
class RecordsView;

/**
 * The desktop shell: navigation on the left (Accounts, Contacts; later views add themselves),
 * the current view on the right, File → Import… for CS records. UI thread.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Database &database, CredentialStore &credentials, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountsModel *accountsModel() const { return m_accounts; }
    ContactsModel *contactsModel() const { return m_contacts; }

public Q_SLOTS:
    /** Opens the import dialog, optionally with a file already chosen. */
    void showImportDialog(RecordKind kind, const QString &path = QString());
    /** Reloads every view from the workspace (after imports or syncs done elsewhere). */
    void reloadViews();
    /** Pendo → Connect to Pendo…: the setup wizard, pre-filled with the defaults if any. */
    void showSetupWizard();
    /** Values the wizard starts with (the demo pre-fills the simulator's key). */
    void setSetupDefaults(const SetupResult &defaults) { m_setupDefaults = defaults; }
    /** Records a finished setup: region in the workspace, key in the credential store. */
    void finishSetup(const SetupResult &result);
    /** Pendo → Mappings…: the mapping editor, with previews through the stored key. */
    void showMappings();
    /** Pendo → Refresh catalog: reads the catalog and identities again with the stored key. */
    void refreshCatalog();
    /** Saves edited matching rules as a new configuration version and re-resolves identities. */
    void saveMatchingRules(const MatchRules &rules);

Q_SIGNALS:
    /** The outcome of storing the key after setup, for the status line and tests. */
    void setupFinished(bool keyStored, const QString &message);
    /** A catalog refresh from the menu ended (empty message on success). */
    void catalogRefreshed(const QString &problem);

private:
    void addView(const QString &title, QWidget *view);
    void updateStatus();

    void updateConnectionLabel();
    /** Reads the stored key, then calls `ready` with a client for the workspace's Pendo (or reports why not). */
    void withClient(std::function<void(PendoClient *client)> ready);

    Database &m_database;
    CredentialStore &m_credentials;
    SetupResult m_setupDefaults;
    QLabel *m_connectionLabel;
    std::unique_ptr<PendoClient> m_client;
    std::unique_ptr<PendoClient> m_wizardClient;
    MatchWorkbench *m_matching = nullptr;
    AccountsModel *m_accounts;
    ContactsModel *m_contacts;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
};
