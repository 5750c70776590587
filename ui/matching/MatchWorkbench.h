#pragma once

#include "MatchWorkbenchController.h"

#include <QList>
#include <QWidget>

class MatchKeyEditor;
class WorkspaceSession;
class MatchRateCard;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QVBoxLayout;
class UnmatchedListView;
class UnmatchedModel;

/**
 * The match workbench: edit how Pendo accounts and visitors attach to CS accounts and contacts
 * and see the consequences before anything syncs — match rate per object, the unmatched and
 * ambiguous objects with their activity, suggestions with one-click apply, contact creation for
 * visitors of matched accounts, and the auto-create option for future syncs. Owns its
 * controller; the rules are saved by whoever listens to rulesEdited(). UI thread.
 */
class MatchWorkbench final : public QWidget
{
    Q_OBJECT

public:
    explicit MatchWorkbench(WorkspaceSession &session, QWidget *parent = nullptr);

    MatchWorkbenchController &controller() { return m_controller; }
    UnmatchedModel *unmatchedAccountsModel() const { return m_accountsModel; }
    UnmatchedModel *unmatchedVisitorsModel() const { return m_visitorsModel; }
    UnmatchedListView *unmatchedAccountsView() const { return m_accountsView; }
    UnmatchedListView *unmatchedVisitorsView() const { return m_visitorsView; }

    /**
     * Shows one Pendo account or visitor: its list's tab, searched for the id (the visitors list
     * unless the id is an unmatched account).
     */
    void showPendoId(const QString &pendoId);

    /** Hides the title and introduction (a wizard page shows its own). */
    void setHeaderVisible(bool visible);

Q_SIGNALS:
    /** The user changed the rules; save them (forwarded from the controller). */
    void rulesEdited(const MatchRules &rules);
    /** Contacts were created; contact views should reload. */
    void contactsCreated(qint64 count);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildRulesPanel();
    QWidget *buildResultsPanel();
    void syncRules();
    void rebuildContactRows();
    void applyFields();
    void showPreview();
    void rebuildSuggestions();
    void updateBusy(bool busy);
    void updateCreateButton();
    void confirmCreateContacts();
    void showMessage(const QString &text, bool error);

    MatchWorkbenchController m_controller;
    UnmatchedModel *m_accountsModel;
    UnmatchedModel *m_visitorsModel;
    QWidget *m_header = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QLabel *m_messageLabel = nullptr;
    MatchRateCard *m_accountsCard = nullptr;
    MatchRateCard *m_visitorsCard = nullptr;
    MatchKeyEditor *m_accountEditor = nullptr;
    QVBoxLayout *m_contactRowsLayout = nullptr;
    QList<MatchKeyEditor *> m_contactEditors;
    QPushButton *m_addContactRuleButton = nullptr;
    QCheckBox *m_matchBoth = nullptr;
    QCheckBox *m_autoCreate = nullptr;
    QVBoxLayout *m_suggestionsLayout = nullptr;
    QPushButton *m_createButton = nullptr;
    QLabel *m_createHint = nullptr;
    QTabWidget *m_tabs = nullptr;
    UnmatchedListView *m_accountsView = nullptr;
    UnmatchedListView *m_visitorsView = nullptr;
    bool m_started = false;
};
