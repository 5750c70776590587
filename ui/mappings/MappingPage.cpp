#include "MappingPage.h"

#include "MappingEditor.h"

#include <QLabel>
#include <QVBoxLayout>

MappingPage::MappingPage(Database &database, QWidget *parent)
    : QWizardPage(parent)
    , m_editor(new MappingEditor(database, this))
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
    QString error;
    if (!m_editor->controller().save(QStringLiteral("desktop"), tr("Mappings chosen in the setup wizard"), &error)) {
        m_errorLabel->setText(tr("The mappings could not be saved: %1").arg(error));
        m_errorLabel->show();
        return false;
    }
    m_errorLabel->hide();
    return true;
}
