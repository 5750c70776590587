#pragma once

#include "analytics/AnalyticsReader.h"

#include <QWidget>

class AccountUsersModel;
class BarChart;
class DashboardTile;
class ExplanationPanel;
class LifecyclePanel;
class QComboBox;
class QGridLayout;
class QLabel;
class QScrollArea;
class QSortFilterProxyModel;
class QTableView;
class TimeSeriesChart;

/**
 * One account's dashboard, from an AccountDetail read elsewhere and pushed in with setDetail():
 * the header (owner, stage, score and band, renewal, ARR, first value), DAU/WAU/MAU over the last
 * 30, 90 or 365 days, the health score trend over the band background with the health model's
 * changes marked, the PES components, feature adoption (the most used and the core features),
 * the users, the score's explanation, the custom metrics and the lifecycle (stage history,
 * playbook firings, a stage move). Everything sits in a scroll area,
 * readable from 1280×800 up. UI thread.
 */
class AccountView final : public QWidget
{
    Q_OBJECT

public:
    explicit AccountView(QWidget *parent = nullptr);
    ~AccountView() override;

    void setDetail(const AccountDetail &detail);
    const AccountDetail &detail() const { return m_detail; }
    /** The score cut-offs of the current health model, for the trend's band background (40/70 by default). */
    void setHealthBands(double yellowFrom, double greenFrom);
    /** The days the time charts show, ending on the last computed day: 30, 90 or 365. */
    void setRangeDays(int days);
    int rangeDays() const;
    static QList<int> rangeChoices() { return {30, 90, 365}; }
    /** The features shown besides the core ones (the most used first). */
    static constexpr int topFeatureCount = 10;

    TimeSeriesChart *activityChart() const { return m_activity; }
    TimeSeriesChart *healthChart() const { return m_health; }
    BarChart *featureChart() const { return m_features; }
    ExplanationPanel *explanationPanel() const { return m_explanation; }
    QList<TimeSeriesChart *> customCharts() const { return m_customCharts; }
    /** The stage history, the account's firings and the stage move; its owner feeds it. */
    LifecyclePanel *lifecyclePanel() const { return m_lifecycle; }
    /** The height the whole dashboard needs at `width`, without scrolling (for reports). */
    int fullHeight(int width) const;

private:
    QWidget *buildHeader();
    QWidget *buildPes();
    QWidget *buildUsers();
    void showHeader();
    void showActivity();
    void showHealth();
    void showPes();
    void showFeatures();
    void showCustomMetrics();
    void applyRange();

    AccountDetail m_detail;
    double m_yellowFrom = 40;
    double m_greenFrom = 70;
    QScrollArea *m_scroll = nullptr;
    QWidget *m_content = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_scoreChip = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_notFound = nullptr;
    QComboBox *m_range = nullptr;
    TimeSeriesChart *m_activity = nullptr;
    TimeSeriesChart *m_health = nullptr;
    QList<DashboardTile *> m_pesTiles;
    ExplanationPanel *m_explanation = nullptr;
    BarChart *m_features = nullptr;
    AccountUsersModel *m_users = nullptr;
    QSortFilterProxyModel *m_usersSort = nullptr;
    QTableView *m_usersTable = nullptr;
    QWidget *m_customBox = nullptr;
    QGridLayout *m_customGrid = nullptr;
    QLabel *m_noCustom = nullptr;
    QList<TimeSeriesChart *> m_customCharts;
    LifecyclePanel *m_lifecycle = nullptr;
};
