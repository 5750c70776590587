#pragma once

#include "sync/IntegrationConfig.h"

#include <QWidget>

class CatalogChecklistFilter;
class CatalogChecklistModel;
class MappingController;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QTableView;

/**
 * The mapping of one activity stream: which items (searchable, per app, select all / core
 * only), where they land (user activities, custom metrics per object and measure) and whether
 * apps stay separate. Edits go straight to the controller. UI thread.
 */
class StreamPanel final : public QWidget
{
    Q_OBJECT

public:
    StreamPanel(MappingController &controller, StreamKind stream, QWidget *parent = nullptr);

private:
    void reloadItems();
    void syncFromConfig();

    MappingController &m_controller;
    const StreamKind m_stream;
    CatalogChecklistModel *m_model;
    CatalogChecklistFilter *m_filter;
    QCheckBox *m_enabledCheck;
    QLineEdit *m_searchEdit;
    QComboBox *m_appCombo;
    QLabel *m_countLabel;
    QTableView *m_table;
    QCheckBox *m_activitiesCheck;
    QList<QPair<MetricTarget, QCheckBox *>> m_metricChecks;
    QRadioButton *m_splitRadio;
    QRadioButton *m_combinedRadio;
    QWidget *m_body;
};
