#pragma once

#include <QDialog>

class WorkspaceSession;
class MappingEditor;
class PendoClient;
class QDialogButtonBox;
class QLabel;

/**
 * The standing mapping editor (Pendo → Mappings…): edits the workspace's configuration and
 * saves it as a new version; shows the version it started from. UI thread.
 */
class MappingDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit MappingDialog(WorkspaceSession &session, PendoClient *client = nullptr, QWidget *parent = nullptr);

    MappingEditor &editor() { return *m_editor; }
    /** Saves (a new version when something changed); a failure is shown when it comes back. */
    void save();

public Q_SLOTS:
    void reject() override;

private:
    void updateState();

    MappingEditor *m_editor;
    QLabel *m_versionLabel;
    QDialogButtonBox *m_buttons;
    bool m_closeAfterSave = false;
};
