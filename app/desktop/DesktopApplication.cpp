#include "DesktopApplication.h"

#include "domain/Translations.h"
#include "mainwindow/MainWindow.h"
#include "pendo/Clock.h"
#include "security/CredentialStore.h"
#include "session/DemoSimulator.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "store/DemoData.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncEngine.h"
#include "sync/SyncScheduler.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLocale>
#include <QMessageBox>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

namespace {

constexpr int demoBackfillDays = 90;

} // namespace

DesktopApplication::DesktopApplication() = default;

DesktopApplication::~DesktopApplication()
{
    // A demo import still running is canceled (it rolls back) and awaited before its workspace goes.
    m_quitting = true;
    m_demoImport.waitForFinished();
    m_window.reset();
    m_session.reset();
    m_credentials.reset();
    m_simulator.reset();
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

    m_credentials = std::make_unique<KeychainCredentialStore>();
    QString error;
    m_session = WorkspaceSession::open(path, *m_credentials, Clock::system(), &error);
    if (!m_session) {
        QMessageBox::critical(nullptr, tr("Pendo Bridge"), error);
        return 1;
    }
    m_window = std::make_unique<MainWindow>(*m_session);
    // Scheduled syncs run while the window is open (the command line is for cron and systemd).
    m_session->scheduler().setEnabled(true);
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
        // The demo ends on a populated portfolio without a step by hand: the history is pulled at once.
        if (m_simulator && m_simulator->usUrl().isValid() && !m_quitting)
            startDemoBackfill();
    });
    WorkspaceSession *session = m_session.get();
    const std::atomic<bool> *quitting = &m_quitting;
    m_demoImport = QtConcurrent::run([session, quitting, accountsFile, contactsFile] {
        QStringList summary;
        for (const auto &[kind, file] : {std::pair{RecordKind::Accounts, accountsFile},
                                         std::pair{RecordKind::Contacts, contactsFile}}) {
            if (*quitting)
                break;
            const ImportPreview preview = CsImporter::preview(file, kind);
            ImportOptions options;
            options.skipInvalid = true;
            options.actor = QStringLiteral("demo");
            options.rejectFilePath = QFileInfo(file).absoluteDir().filePath(recordKindKey(kind) + QStringLiteral(".rejects.csv"));
            const ImportReport report = session->importRecords(kind, file, preview.mapping, options, {},
                                                               [quitting] { return quitting->load(); });
            summary << (report.written ? tr("%1: %2 imported, %3 rejected")
                                             .arg(CsFields::kindLabel(kind), QLocale().toString(report.inserted + report.updated),
                                                  QLocale().toString(report.rejected))
                                       : tr("%1: %2").arg(CsFields::kindLabel(kind), report.fatalError));
        }
        return tr("Demo customers — %1").arg(summary.join(QStringLiteral("; ")));
    });
    watcher->setFuture(m_demoImport);
}

void DesktopApplication::startDemoBackfill()
{
    // The simulator answers as the US region; the demo key never reaches the keychain.
    m_session->settings()
        .setValues({{WorkspaceSettings::Key::Region, QStringLiteral("us")},
                    {WorkspaceSettings::Key::BaseUrl, m_simulator->usUrl().toString()}})
        .then(m_window.get(), [this](const StoreError &error) {
            if (error) {
                m_window->statusBar()->showMessage(error.cannotWrite(m_session->path()));
                return;
            }
            m_session->keepKeyForThisSession(QStringLiteral("us"), QByteArray(DemoSimulator::demoKey));
            // The main window follows every run (progress, its outcome, fresh views); only a run that
            // does not start is this demo's to report.
            SyncRequest request;
            request.kind = SyncRequest::Kind::Backfill;
            request.backfillDays = demoBackfillDays;
            m_session->startSync(request, m_window.get(), [this](const QString &problem) {
                if (!problem.isEmpty())
                    m_window->statusBar()->showMessage(tr("The demo backfill did not start: %1").arg(problem));
            });
        });
}
