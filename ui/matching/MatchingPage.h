#pragma once

#include <QWizardPage>

class WorkspaceSession;
class MatchWorkbench;
class MatchWorkbenchController;
struct MatchRules;

/**
 * Setup wizard page: the match workbench, so the consequences of the matching rules are seen
 * before the first sync. Checks the rules when the page is shown; the wizard's owner reads
 * rules() (or listens to the workbench's rulesEdited()) to save them. UI thread.
 */
class MatchingPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit MatchingPage(WorkspaceSession &session, QWidget *parent = nullptr);

    MatchWorkbench *workbench() const { return m_workbench; }
    MatchWorkbenchController &controller();
    /** The rules as the user left them. */
    const MatchRules &rules() const;
    /** Starts from saved rules (no rulesEdited() follows). */
    void setRules(const MatchRules &rules);

    void initializePage() override;
    bool isComplete() const override;

private:
    MatchWorkbench *m_workbench;
};
