#include "MainWindow.h"

#include "imports/ImportDialog.h"
#include "items/AccountsModel.h"
#include "items/ContactsModel.h"
#include "store/Database.h"
#include "widgets/RecordsView.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>

MainWindow::MainWindow(Database &database, QWidget *parent)
    : QMainWindow(parent)
    , m_database(database)
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

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Pendo Bridge"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Pendo Bridge"),
                           tr("<b>Pendo Bridge %1</b><p>Product-usage data from Pendo in a local customer-health "
                              "workspace.</p><p>Workspace: %2</p>")
                               .arg(QStringLiteral(BRIDGE_VERSION), QDir::toNativeSeparators(m_database.path())));
    });

    connect(m_accounts, &QueryTableModel::loaded, this, &MainWindow::updateStatus);
    connect(m_contacts, &QueryTableModel::loaded, this, &MainWindow::updateStatus);
    updateStatus();
    reloadAll();
}

void MainWindow::addView(const QString &title, QWidget *view)
{
    m_navigation->addItem(title);
    m_stack->addWidget(view);
}

void MainWindow::reloadAll()
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
    connect(dialog, &ImportDialog::importFinished, this, &MainWindow::reloadAll);
    dialog->show();
    if (!path.isEmpty())
        dialog->openFile(path);
}
