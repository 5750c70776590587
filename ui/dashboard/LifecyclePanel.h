#pragma once

#include "playbooks/PlaybookStore.h"

#include <QWidget>

class FiringsModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class StageHistoryModel;

/**
 * An account's lifecycle on its dashboard: the stages it went through (from, entered, left, days
 * in the stage, by whom and why), the playbook firings for it with their evidence, and a control
 * to move it to another stage by hand. Fed with setStages(), setHistory() and setFirings(); a move
 * is asked for through moveRequested(), the owner stores it. UI thread.
 */
class LifecyclePanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LifecyclePanel(QWidget *parent = nullptr);
    ~LifecyclePanel() override;

    void setStages(const QList<LifecycleStage> &stages);
    void setHistory(const QList<StageVisit> &visits);
    void setFirings(const QList<PlaybookFiring> &firings);
    /** A move's outcome: an error, or empty when it was stored (the reason field is then cleared). */
    void showMoveResult(const QString &error);

    StageHistoryModel *historyModel() const { return m_history; }
    FiringsModel *firingsModel() const { return m_firings; }

Q_SIGNALS:
    void moveRequested(const QString &stageKey, const QString &reason);

private:
    void updateMoveButton();

    StageHistoryModel *m_history;
    FiringsModel *m_firings;
    QLabel *m_current;
    QTableView *m_historyView;
    QTableView *m_firingsView;
    QComboBox *m_stage;
    QLineEdit *m_reason;
    QPushButton *m_move;
    QLabel *m_moveStatus;
    QString m_currentKey;
};
