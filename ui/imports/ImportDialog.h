#pragma once

#include "ImportController.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTableWidget;

/**
 * File → Import…: previews a CSV file, lets the user correct the column mapping, shows every
 * validation problem before anything is written, then imports with a progress bar.
 * UI thread; the work runs in ImportController's worker jobs.
 */
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(WorkspaceSession &session, RecordKind kind, QWidget *parent = nullptr);

    ImportController &controller() { return m_controller; }
    /** Loads a file directly (also used by tests instead of the file chooser). */
    void openFile(const QString &path);

Q_SIGNALS:
    /** Rows were written; views should reload. */
    void importFinished(RecordKind kind);

private:
    void chooseFile();
    void rebuildMapping();
    void rebuildPreview();
    void showReport(const ImportReport &report);
    void showImported(const ImportReport &report);
    void updateButtons();
    void startImport();
    int comboIndexFor(const ColumnTarget &target) const;
    ColumnTarget targetForCombo(int column, int comboIndex) const;

    ImportController m_controller;
    QLabel *m_fileLabel;
    QComboBox *m_kindCombo;
    QTableWidget *m_mappingTable;
    QTableView *m_previewView;
    QStandardItemModel *m_previewModel;
    QLabel *m_summaryLabel;
    QListWidget *m_issuesList;
    QCheckBox *m_skipInvalid;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_importButton;
    RecordKind m_comboKind = RecordKind::Accounts;
};
