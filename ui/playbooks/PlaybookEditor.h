#pragma once

#include "playbooks/PlaybookStore.h"

#include <QDialog>

class DryRunModel;
class PlaybookActionsEditor;
class PlaybookEngine;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

/**
 * Edits one playbook (a new one when its id is 0): name, the trigger with the fields of its kind,
 * the accounts it applies to, the ordered actions and the cool-down. The problems
 * Playbook::validate() finds are listed and keep Save disabled. Dry Run replays the draft through
 * the engine over the chosen days and lists, inside the dialog, which accounts would fire when and
 * why, before anything is saved. Save stores it through the engine and closes on success. UI thread.
 */
class PlaybookEditor final : public QDialog
{
    Q_OBJECT

public:
    PlaybookEditor(PlaybookEngine &engine, const Playbook &initial, QWidget *parent = nullptr);
    ~PlaybookEditor() override;

    /** The playbook as the fields describe it now. */
    Playbook playbook() const;
    QStringList problems() const { return m_currentProblems; }
    DryRunModel *dryRunModel() const { return m_dryRun; }
    PlaybookActionsEditor *actionsEditor() const { return m_actions; }

public Q_SLOTS:
    void runDryRun();
    void save();

Q_SIGNALS:
    /** Stored with this id (the dialog then closes). */
    void saved(qint64 id);
    /** A dry run's answer is shown. */
    void dryRunShown();

private:
    QWidget *buildTrigger();
    QWidget *buildScope();
    void load(const Playbook &playbook);
    void showStages(const QList<LifecycleStage> &stages);
    void updateTriggerFields();
    void revalidate();

    PlaybookEngine &m_engine;
    Playbook m_initial;
    QStringList m_currentProblems;
    bool m_busy = false;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QFormLayout *m_triggerForm = nullptr;
    QComboBox *m_metric;
    QComboBox *m_op;
    QDoubleSpinBox *m_value;
    QDoubleSpinBox *m_percent;
    QSpinBox *m_days;
    QDoubleSpinBox *m_minVolume;
    QComboBox *m_bandTo;
    QComboBox *m_bandFrom;
    QLineEdit *m_itemId;
    QLineEdit *m_itemName;
    QHBoxLayout *m_stageBoxes = nullptr;
    QList<QCheckBox *> m_stageChecks;
    QLineEdit *m_owners;
    QLineEdit *m_arrMin;
    QLineEdit *m_arrMax;
    QLineEdit *m_plans;
    PlaybookActionsEditor *m_actions;
    QSpinBox *m_cooldown;
    QLabel *m_problems;
    QSpinBox *m_dryRunDays;
    QPushButton *m_dryRunButton;
    QLabel *m_dryRunSummary;
    DryRunModel *m_dryRun;
    QTableView *m_dryRunTable;
    QPushButton *m_save;
};
