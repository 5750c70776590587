#pragma once

#include "domain/CsRecords.h"

#include <QMainWindow>

class AccountsModel;
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
    explicit MainWindow(Database &database, QWidget *parent = nullptr);

    AccountsModel *accountsModel() const { return m_accounts; }
    ContactsModel *contactsModel() const { return m_contacts; }

public Q_SLOTS:
    /** Opens the import dialog, optionally with a file already chosen. */
    void showImportDialog(RecordKind kind, const QString &path = QString());

private:
    void addView(const QString &title, QWidget *view);
    void reloadAll();
    void updateStatus();

    Database &m_database;
    AccountsModel *m_accounts;
    ContactsModel *m_contacts;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
};
