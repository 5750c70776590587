#include "MappingDialog.h"

#include "MappingEditor.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

MappingDialog::MappingDialog(WorkspaceSession &session, PendoClient *client, QWidget *parent)
    : QDialog(parent)
    , m_editor(new MappingEditor(session, this))
    , m_versionLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("mappingDialog"));
    setWindowTitle(tr("Mappings"));
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    m_buttons->setObjectName(QStringLiteral("mappingDialogButtonBox"));
    m_buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("savePushButton"));
    m_editor->setClient(client);

    auto *footer = new QHBoxLayout;
    footer->addWidget(m_versionLabel, 1);
    footer->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addLayout(footer);
    resize(1100, 720);

    connect(m_buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this, &MappingDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &MappingDialog::reject);
    connect(&m_editor->controller(), &MappingController::configChanged, this, &MappingDialog::updateState);
    connect(&m_editor->controller(), &MappingController::saved, this, [this] {
        updateState();
        if (m_closeAfterSave)
            QDialog::reject();
    });
    connect(&m_editor->controller(), &MappingController::saveFailed, this, [this](const QString &error) {
        m_closeAfterSave = false;
        updateState();
        QMessageBox::warning(this, tr("Mappings"), tr("The mappings could not be saved: %1").arg(error));
    });
    m_editor->controller().load();
    updateState();
}

void MappingDialog::save()
{
    m_editor->controller().save(QStringLiteral("desktop"), QString());
    updateState();
}

void MappingDialog::reject()
{
    if (m_editor->controller().isDirty()) {
        const auto answer = QMessageBox::question(this, tr("Mappings"), tr("Save your changes to the mappings?"),
                                                  QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
        if (answer == QMessageBox::Cancel)
            return;
        if (answer == QMessageBox::Save) {
            m_closeAfterSave = true;
            save(); // closes once the workspace has committed it
            return;
        }
    }
    QDialog::reject();
}

void MappingDialog::updateState()
{
    const MappingController &controller = m_editor->controller();
    const int version = controller.baseVersion();
    QString text = version == 0 ? tr("Default mappings (not saved yet)") : tr("Configuration version %1").arg(version);
    if (controller.isDirty())
        text += tr(" — unsaved changes");
    m_versionLabel->setText(text);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!controller.isSaving() && (controller.isDirty() || version == 0));
}
