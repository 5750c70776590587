#include "DesktopApplication.h"

#include "domain/Translations.h"
#include "mainwindow/MainWindow.h"
#include "store/Database.h"
#include "store/DemoData.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

DesktopApplication::DesktopApplication() = default;

DesktopApplication::~DesktopApplication()
{
    m_window.reset();
    m_database.reset();
}

int DesktopApplication::start(const QStringList &arguments)
{
    installTranslations(*QCoreApplication::instance());

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Pendo product-usage data in a local customer-health workspace."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"),
                                             tr("Open the workspace file PATH (created when missing)."),
                                             QStringLiteral("PATH"));
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Open a fresh demo workspace filled with sample customers."));
    parser.addOption(workspaceOption);
    parser.addOption(demoOption);
    parser.process(arguments);

    QString path;
    if (parser.isSet(demoOption)) {
        m_demoDir = std::make_unique<QTemporaryDir>();
        path = m_demoDir->filePath(QStringLiteral("demo-workspace.sqlite"));
    } else if (parser.isSet(workspaceOption)) {
        path = QFileInfo(parser.value(workspaceOption)).absoluteFilePath();
    } else {
        path = Database::defaultWorkspacePath();
    }

    m_database = std::make_unique<Database>(path);
    QString error;
    if (!m_database->open(&error)) {
        QMessageBox::critical(nullptr, tr("Pendo Bridge"), tr("The workspace cannot be opened.\n\n%1").arg(error));
        return 1;
    }
    if (parser.isSet(demoOption)) {
        ImportReport accounts;
        ImportReport contacts;
        if (!DemoData::seed(*m_database, &accounts, &contacts, &error)) {
            QMessageBox::critical(nullptr, tr("Pendo Bridge"), tr("The demo workspace cannot be filled.\n\n%1")
                                                                    .arg(error));
            return 1;
        }
    }
    m_window = std::make_unique<MainWindow>(*m_database);
    m_window->show();
    return -1;
}
