#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class CredentialStore;
class Database;
class DemoSimulator;
class MainWindow;

/**
 * Composition root of the desktop program: parses the command line, opens the workspace (or a
 * fresh demo workspace), builds the main window. Owns them for the process's lifetime; UI thread.
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

    std::unique_ptr<QTemporaryDir> m_demoDir;
    std::unique_ptr<DemoSimulator> m_simulator;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<MainWindow> m_window;
};
