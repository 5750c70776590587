#pragma once

#include "domain/CsRecords.h"
#include "sync/MatchRules.h"
#include "wizards/SetupResult.h"

#include <QMainWindow>


class AccountsModel;
class DashboardPage;
class MatchWorkbench;
class PlaybooksPage;
class QAction;
class SyncMonitor;
struct SyncProgress;
struct SyncRunSummary;
class QLabel;
class ContactsModel;
class QListWidget;
class QStackedWidget;
class RecordsView;
class WorkspaceSession;

/**
 * The desktop shell: navigation on the left (Portfolio, Playbooks, Accounts, Contacts, Matching; later views add
 * themselves), the current view on the right, File → Import… for CS records, the Pendo menu.
 * It shows and forwards: every piece of work (clients, catalog refresh, settings, configuration)
 * is the workspace session's. UI thread.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(WorkspaceSession &session, QWidget *parent = nullptr);
    ~MainWindow() override;

    AccountsModel *accountsModel() const { return m_accounts; }
    DashboardPage *dashboard() const { return m_dashboard; }
    PlaybooksPage *playbooks() const { return m_playbooks; }
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
    /** Records a finished setup through the session: region in the workspace, key in the keychain. */
    void finishSetup(const SetupResult &result);
    /** Pendo → Mappings…: the mapping editor, with previews through the stored key. */
    void showMappings();
    /** Pendo → Refresh catalog: reads the catalog and identities again with the stored key. */
    void refreshCatalog();
    /** Pendo → Sync Monitor…: the one monitor window, created on first use. */
    void showSyncMonitor();
    /** Pendo → Sync Now: a manual run through the session; the status line follows it. */
    void syncNow();
    /** The matching view, showing one Pendo visitor or account (from the sync monitor). */
    void showMatching(const QString &pendoId);
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
    void showSyncProgress(const SyncProgress &progress);
    void finishSync(const SyncRunSummary &summary);
    /** Without a keychain: offers to keep the key until the app is closed. */
    void offerSessionKey(const SetupResult &result, const QString &message);

    WorkspaceSession &m_session;
    DashboardPage *m_dashboard = nullptr;
    PlaybooksPage *m_playbooks = nullptr;
    SetupResult m_setupDefaults;
    QLabel *m_connectionLabel;
    MatchWorkbench *m_matching = nullptr;
    SyncMonitor *m_syncMonitor = nullptr;
    QAction *m_syncNowAction = nullptr;
    QLabel *m_syncLabel;
    QLabel *m_workspaceLabel;
    AccountsModel *m_accounts;
    ContactsModel *m_contacts;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
};
