#pragma once

#include <QWizardPage>

class WorkspaceSession;
class MappingEditor;
class PendoClient;

/**
 * Setup wizard page: how Pendo data lands (the mapping editor). Starts from the workspace's
 * current configuration (the defaults in a new workspace) and saves it as a new version on
 * Next when something changed. UI thread.
 */
class MappingPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit MappingPage(WorkspaceSession &session, QWidget *parent = nullptr);

    MappingEditor &editor() { return *m_editor; }
    void setClient(PendoClient *client);

    void initializePage() override;
    bool validatePage() override;

private:
    MappingEditor *m_editor;
    class QLabel *m_errorLabel;
    bool m_loaded = false;
};
