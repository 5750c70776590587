#pragma once

#include "MappingController.h"

#include <QTimeZone>
#include <QWidget>

class AggregationsPanel;
class PendoClient;
class QLabel;
class QListWidget;
class QStackedWidget;
class ReportsPanel;

/**
 * The mapping editor: a list of streams (Features, Pages, Guides, Track Events, Reports,
 * Aggregations, PES, First-value events) and the panel of the chosen one. Owns its controller;
 * used both inside the setup wizard (MappingPage) and as a standing editor (MappingDialog).
 * Previews and dry runs need a Pendo client (setClient); without one they are disabled. UI thread.
 */
class MappingEditor final : public QWidget
{
    Q_OBJECT

public:
    enum Section { FeaturesSection, PagesSection, GuidesSection, TrackEventsSection, ReportsSection,
                   AggregationsSection, PesSection, FirstValueSection };

    explicit MappingEditor(WorkspaceSession &session, QWidget *parent = nullptr);

    MappingController &controller() { return *m_controller; }
    void setClient(PendoClient *client);
    void setTimeZone(const QTimeZone &zone);
    void showSection(Section section);

private:
    void updateSummaries();

    MappingController *m_controller;
    QListWidget *m_sectionList;
    QStackedWidget *m_stack;
    ReportsPanel *m_reports;
    AggregationsPanel *m_aggregations;
    QLabel *m_loadLabel;
};
