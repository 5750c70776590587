#pragma once

#include "RegionPageController.h"
#include "SetupResult.h"

#include <QHash>
#include <QWizardPage>

class QAbstractButton;
class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class StatusFrame;

/**
 * Setup wizard page 2: where the subscription lives. Offers the regions with their hosts and a
 * custom URL, checks the key there (Verify) or finds the region itself (Detect automatically).
 * Next stays disabled until the key is verified; a running check shows progress and can be
 * canceled. Renders RegionPageController, which does the work. UI thread.
 */
class RegionPage final : public QWizardPage
{
    Q_OBJECT

public:
    RegionPage(SetupResult &result, RegionTable regions, QStringList regionKeys = {}, QWidget *parent = nullptr);

    RegionPageController &controller() { return m_controller; }
    /** Pre-selects a region, or RegionPageController::customKey() with the custom URL. */
    void preselect(const QString &regionKey, const QUrl &customUrl = {});

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void render();
    void showSelection();
    void onRegionToggled(QAbstractButton *button, bool checked);

    SetupResult &m_result;
    RegionPageController m_controller;
    QGroupBox *m_regionBox;
    QButtonGroup *m_regionGroup;
    QHash<QAbstractButton *, QString> m_regionOfButton;
    QLineEdit *m_customEdit;
    QLabel *m_customProblemLabel;
    QPushButton *m_detectButton;
    QPushButton *m_verifyButton;
    QWidget *m_busyWidget;
    QProgressBar *m_busyBar;
    QLabel *m_busyLabel;
    QPushButton *m_cancelButton;
    StatusFrame *m_status;
};
