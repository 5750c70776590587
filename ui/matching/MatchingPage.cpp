#include "MatchingPage.h"

#include "MatchWorkbench.h"

#include <QVBoxLayout>

MatchingPage::MatchingPage(WorkspaceSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_workbench(new MatchWorkbench(session, this))
{
    setObjectName(QStringLiteral("matchingWizardPage"));
    setTitle(tr("Match Pendo to your customers"));
    setSubTitle(tr("Check how Pendo accounts and visitors attach to your accounts and contacts before the first "
                   "sync. Every choice can be changed later."));
    m_workbench->setHeaderVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_workbench);
    // Creating contacts writes to the workspace; leaving the page waits until it is done.
    connect(&m_workbench->controller(), &MatchWorkbenchController::busyChanged, this,
            &MatchingPage::completeChanged);
}

MatchWorkbenchController &MatchingPage::controller()
{
    return m_workbench->controller();
}

const MatchRules &MatchingPage::rules() const
{
    return m_workbench->controller().rules();
}

void MatchingPage::setRules(const MatchRules &rules)
{
    m_workbench->controller().setRules(rules);
}

void MatchingPage::initializePage()
{
    m_workbench->controller().refresh();
}

bool MatchingPage::isComplete() const
{
    return !m_workbench->controller().isCreatingContacts();
}
