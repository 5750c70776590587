#pragma once

#include "KeyPageController.h"
#include "SetupResult.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

/**
 * Setup wizard page 1: the integration key. Explains where a key comes from, takes it masked
 * (with Show/Hide) and puts it into the wizard's result on Next. UI thread.
 */
class KeyPage final : public QWizardPage
{
    Q_OBJECT

public:
    KeyPage(SetupResult &result, QWidget *parent = nullptr);

    KeyPageController &controller() { return m_controller; }
    /** Pre-fills the key (demo mode); the user still sees it masked. */
    void setKey(const QString &key);
    /** Forgets the typed key (the wizard was canceled). */
    void forgetKey();

    bool isComplete() const override;
    bool validatePage() override;

private:
    void setKeyVisible(bool visible);
    void updateProblem();

    SetupResult &m_result;
    KeyPageController m_controller;
    QLineEdit *m_keyEdit;
    QPushButton *m_showButton;
    QLabel *m_problemLabel;
};
