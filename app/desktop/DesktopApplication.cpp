#include "DesktopApplication.h"

#include "DemoSimulator.h"

#include "domain/Translations.h"
#include "mainwindow/MainWindow.h"
#include "security/CredentialStore.h"
#include "store/Database.h"
#include "store/DemoData.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

DesktopApplication::DesktopApplication() = default;

DesktopApplication::~DesktopApplication()
{
    m_window.reset();
    m_credentials.reset();
    m_simulator.reset();
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
    m_credentials = std::make_unique<KeychainCredentialStore>();
    m_window = std::make_unique<MainWindow>(*m_database, *m_credentials);
    m_window->show();
    if (parser.isSet(demoOption))
        startDemo();
    return -1;
}

void DesktopApplication::startDemo()
{
    m_simulator = std::make_unique<DemoSimulator>(m_demoDir->path());
    QObject::connect(m_simulator.get(), &DemoSimulator::ready, m_window.get(), [this] {
        m_window->statusBar()->showMessage(
            tr("Demo: the Pendo simulator answers on %1; importing its CRM export…").arg(m_simulator->usUrl().toString()));
        SetupResult defaults;
        defaults.integrationKey = QByteArray(DemoSimulator::demoKey);
        m_window->setSetupDefaults(defaults);
        importDemoCustomers(QDir(m_simulator->crmDir()).filePath(QStringLiteral("accounts.csv")),
                            QDir(m_simulator->crmDir()).filePath(QStringLiteral("contacts.csv")));
    });
    QObject::connect(m_simulator.get(), &DemoSimulator::failed, m_window.get(), [this](const QString &message) {
        // Without the simulator the demo still shows the bundled sample customers.
        m_window->statusBar()->showMessage(message);
        importDemoCustomers(DemoData::accountsFile(), DemoData::contactsFile());
    });
    m_simulator->start();
}

void DesktopApplication::importDemoCustomers(const QString &accountsFile, const QString &contactsFile)
{
    auto *watcher = new QFutureWatcher<QString>(m_window.get());
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, m_window.get(), [this, watcher] {
        watcher->deleteLater();
        m_window->reloadViews();
        m_window->statusBar()->showMessage(watcher->result(), 15000);
    });
    Database *database = m_database.get();
    watcher->setFuture(QtConcurrent::run([database, accountsFile, contactsFile] {
        QStringList summary;
        for (const auto &[kind, file] : {std::pair{RecordKind::Accounts, accountsFile},
                                         std::pair{RecordKind::Contacts, contactsFile}}) {
            const ImportPreview preview = CsImporter::preview(file, kind);
            ImportOptions options;
            options.skipInvalid = true;
            options.actor = QStringLiteral("demo");
            options.rejectFilePath = QFileInfo(file).absoluteDir().filePath(recordKindKey(kind) + QStringLiteral(".rejects.csv"));
            const ImportReport report = CsImporter(*database, kind).run(file, preview.mapping, options);
            summary << (report.written ? tr("%1: %2 imported, %3 rejected")
                                             .arg(CsFields::kindLabel(kind))
                                             .arg(report.inserted + report.updated)
                                             .arg(report.rejected)
                                       : tr("%1: %2").arg(CsFields::kindLabel(kind), report.fatalError));
        }
        return tr("Demo customers — %1").arg(summary.join(QStringLiteral("; ")));
    }));
}
