#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

class CredentialStore;
class DemoSimulator;
class MainWindow;
class WorkspaceSession;

/**
 * Composition root of the desktop program: parses the command line, opens the workspace session
 * (or a fresh demo workspace), builds the main window and wires it to the session. Owns them for
 * the process's lifetime and takes them down in order: background jobs first, then the window,
 * then the session (whose writer finishes its queue). UI thread.
 */
class DesktopApplication final
{
    Q_DECLARE_TR_FUNCTIONS(DesktopApplication)
public:
    DesktopApplication();
    ~DesktopApplication();

    /** Returns an exit code to leave with at once, or -1 to enter the event loop. */
    int start(const QStringList &arguments);

private:
    void startDemo();
    void importDemoCustomers(const QString &accountsFile, const QString &contactsFile);
    void startDemoBackfill();

    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<DemoSimulator> m_simulator;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<MainWindow> m_window;
    QFuture<QString> m_demoImport;
    std::atomic<bool> m_quitting{false};
};
