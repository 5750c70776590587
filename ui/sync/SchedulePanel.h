#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QTimeEdit;
class WorkspaceSession;

/**
 * The in-app schedule: off, hourly, or daily at a chosen time, saved in the workspace's settings,
 * with when the next scheduled sync runs. Renders the session's settings and scheduler; UI thread.
 */
class SchedulePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit SchedulePanel(WorkspaceSession &session, QWidget *parent = nullptr);

private:
    void load();
    void save();
    void showNext(const QDateTime &next);

    WorkspaceSession &m_session;
    QComboBox *m_mode;
    QTimeEdit *m_time;
    QLabel *m_next;
    bool m_loading = false;
};
