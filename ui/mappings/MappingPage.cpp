#include "MappingPage.h"

#include "MappingEditor.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

MappingPage::MappingPage(WorkspaceSession &session, QWidget *parent)
    : QWizardPage(parent)
    , m_editor(new MappingEditor(session, this))
    , m_errorLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mappingWizardPage"));
    setTitle(tr("Map Pendo data"));
    setSubTitle(tr("Choose which features, pages, guides and events become activities and metrics. The defaults map "
                   "all features and pages as user activities; you can change this at any time."));
    m_errorLabel->setObjectName(QStringLiteral("mappingErrorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_errorLabel->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_errorLabel);
    MappingController &controller = m_editor->controller();
    connect(&controller, &MappingController::saved, this, [this] {
        m_errorLabel->hide();
        if (!wizard() || wizard()->currentPage() != this)
            return;
        if (wizard()->nextId() == -1)
            wizard()->accept(); // Finish was pressed on this, the last page
        else
            wizard()->next();
    });
    connect(&controller, &MappingController::saveFailed, this, [this](const QString &error) {
        m_errorLabel->setText(tr("The mappings could not be saved: %1").arg(error));
        m_errorLabel->show();
    });
}

void MappingPage::setClient(PendoClient *client)
{
    m_editor->setClient(client);
}

void MappingPage::initializePage()
{
    // Going Back and Next again keeps the user's edits.
    if (!m_loaded) {
        m_editor->controller().load();
        m_loaded = true;
    }
}

bool MappingPage::validatePage()
{
    // The save is queued to the workspace's writer; the page moves on once what it shows is saved.
    const MappingController &controller = m_editor->controller();
    if (!controller.isDirty() && controller.baseVersion() > 0)
        return true;
    m_editor->controller().save(QStringLiteral("desktop"), tr("Mappings chosen in the setup wizard"));
    return false;
}
