#pragma once

#include "playbooks/PlaybookStore.h"

#include <QList>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

/**
 * The ordered actions of a playbook being edited: a list (add, remove, move up and down) and the
 * fields of the selected action's kind beside it. Owns the list of actions; emits changed() after
 * every edit. UI thread.
 */
class PlaybookActionsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit PlaybookActionsEditor(QWidget *parent = nullptr);
    ~PlaybookActionsEditor() override;

    void setActions(const QList<PlaybookAction> &actions);
    const QList<PlaybookAction> &actions() const { return m_actions; }
    /** The lifecycle stages a stage action may move to. */
    void setStages(const QList<LifecycleStage> &stages);

    /** Appends an action of `kind` with starting values and selects it. */
    void addAction(PlaybookAction::Kind kind);
    void removeCurrent();
    void moveCurrent(int by);
    void select(int row);
    int currentRow() const;

Q_SIGNALS:
    void changed();

private:
    void showCurrent();
    void storeCurrent();
    void refreshItem(int row);
    void fillStageCombo(const QString &current);
    void updateButtons();

    QList<PlaybookAction> m_actions;
    QList<LifecycleStage> m_stages;
    bool m_showing = false;
    QListWidget *m_list;
    QComboBox *m_newKind;
    QPushButton *m_remove;
    QPushButton *m_up;
    QPushButton *m_down;
    QWidget *m_fieldsBox;
    QFormLayout *m_form;
    QLabel *m_kindLabel;
    QLineEdit *m_title;
    QPlainTextEdit *m_body;
    QSpinBox *m_dueDays;
    QLineEdit *m_assignee;
    QComboBox *m_stage;
    QLineEdit *m_tag;
    QCheckBox *m_removeTag;
    QLineEdit *m_field;
    QLineEdit *m_value;
    QLineEdit *m_url;
    QLineEdit *m_recipient;
};
