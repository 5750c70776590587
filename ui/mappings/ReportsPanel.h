#pragma once

#include "sync/DryRun.h"

#include <QPointer>
#include <QWidget>

class ColumnMappingWidget;
class MappingController;
class PendoClient;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

/**
 * Saved reports → custom metrics: pick a report, preview its rows (types inferred), choose the
 * id column and value columns, and keep the mapping. Preview needs a Pendo client. UI thread.
 */
class ReportsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ReportsPanel(MappingController &controller, QWidget *parent = nullptr);
    void setClient(PendoClient *client);

private:
    void reloadReports();
    void syncMappedList();
    void preview();
    void showStoredMapping();
    void keepMapping();

    MappingController &m_controller;
    QPointer<ReportPreview> m_preview;
    QComboBox *m_reportCombo;
    QPushButton *m_previewButton;
    QLabel *m_statusLabel;
    QTableWidget *m_previewTable;
    ColumnMappingWidget *m_columns;
    QPushButton *m_keepButton;
    QListWidget *m_mappedList;
    QPushButton *m_removeButton;
};
