#include "RegionPage.h"

#include "StatusFrame.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

RegionPage::RegionPage(SetupResult &result, RegionTable regions, QStringList regionKeys, QWidget *parent)
    : QWizardPage(parent)
    , m_result(result)
    , m_controller(std::move(regions), std::move(regionKeys))
    , m_regionBox(new QGroupBox(tr("Region of your Pendo subscription"), this))
    , m_regionGroup(new QButtonGroup(this))
    , m_customEdit(new QLineEdit(this))
    , m_customProblemLabel(new QLabel(this))
    , m_detectButton(new QPushButton(tr("&Detect automatically"), this))
    , m_verifyButton(new QPushButton(tr("&Verify"), this))
    , m_busyWidget(new QWidget(this))
    , m_busyBar(new QProgressBar(this))
    , m_busyLabel(new QLabel(this))
    , m_cancelButton(new QPushButton(tr("Cancel check"), this))
    , m_status(new StatusFrame(this))
{
    setObjectName(QStringLiteral("regionWizardPage"));
    setTitle(tr("Find your subscription"));
    setSubTitle(tr("Each Pendo subscription lives in one region, and its key works only there. Choose the region and "
                   "press Verify, or let Pendo Bridge detect it."));

    m_regionBox->setObjectName(QStringLiteral("regionGroupBox"));
    auto *grid = new QGridLayout(m_regionBox);
    grid->setColumnStretch(1, 1);
    grid->setHorizontalSpacing(24);
    int row = 0;
    for (const QString &key : m_controller.regionKeys()) {
        auto *radio = new QRadioButton(m_controller.regionName(key), m_regionBox);
        radio->setObjectName(QStringLiteral("regionRadioButton_") + key);
        auto *host = new QLabel(m_controller.regionAddress(key), m_regionBox);
        host->setObjectName(QStringLiteral("regionHostLabel_") + key);
        host->setForegroundRole(QPalette::PlaceholderText);
        host->setBuddy(radio);
        m_regionGroup->addButton(radio);
        m_regionOfButton.insert(radio, key);
        grid->addWidget(radio, row, 0);
        grid->addWidget(host, row, 1);
        ++row;
    }
    auto *customRadio = new QRadioButton(tr("Custom URL"), m_regionBox);
    customRadio->setObjectName(QStringLiteral("customUrlRadioButton"));
    m_regionGroup->addButton(customRadio);
    m_regionOfButton.insert(customRadio, RegionPageController::customKey());
    m_customEdit->setObjectName(QStringLiteral("customUrlLineEdit"));
    m_customEdit->setPlaceholderText(tr("https://pendo.example.com"));
    m_customEdit->setToolTip(tr("For subscriptions with an address of their own, or a company proxy in front of "
                                "Pendo."));
    m_customProblemLabel->setObjectName(QStringLiteral("customUrlProblemLabel"));
    m_customProblemLabel->setWordWrap(true);
    m_customProblemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_customProblemLabel->hide();
    grid->addWidget(customRadio, row, 0);
    grid->addWidget(m_customEdit, row, 1);
    grid->addWidget(m_customProblemLabel, row + 1, 1);

    m_detectButton->setObjectName(QStringLiteral("detectPushButton"));
    m_detectButton->setToolTip(tr("Tries the key in every region at once and selects the one that accepts it."));
    m_detectButton->setAutoDefault(false);
    m_verifyButton->setObjectName(QStringLiteral("verifyPushButton"));
    m_verifyButton->setToolTip(tr("Checks the key with the selected region."));
    m_verifyButton->setAutoDefault(false);
    auto *detectHelp = new QLabel(tr("Not sure? Detect automatically tries the key in every region at once."), this);
    detectHelp->setObjectName(QStringLiteral("detectHelpLabel"));
    detectHelp->setWordWrap(true);
    detectHelp->setForegroundRole(QPalette::PlaceholderText);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_verifyButton);
    actions->addWidget(m_detectButton);
    actions->addWidget(detectHelp, 1);

    m_busyWidget->setObjectName(QStringLiteral("checkBusyWidget"));
    m_busyBar->setObjectName(QStringLiteral("checkProgressBar"));
    m_busyBar->setRange(0, 0); // a busy indicator: the answer time is unknown
    m_busyBar->setTextVisible(false);
    m_busyBar->setMaximumWidth(140);
    m_busyLabel->setObjectName(QStringLiteral("checkProgressLabel"));
    m_busyLabel->setWordWrap(true);
    m_cancelButton->setObjectName(QStringLiteral("cancelCheckPushButton"));
    m_cancelButton->setAutoDefault(false);
    auto *busy = new QHBoxLayout(m_busyWidget);
    busy->setContentsMargins(0, 0, 0, 0);
    busy->addWidget(m_busyBar);
    busy->addWidget(m_busyLabel, 1);
    busy->addWidget(m_cancelButton);
    m_busyWidget->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_regionBox);
    layout->addLayout(actions);
    layout->addWidget(m_busyWidget);
    layout->addWidget(m_status);
    layout->addStretch(1);

    connect(m_regionGroup, &QButtonGroup::buttonToggled, this, &RegionPage::onRegionToggled);
    connect(m_customEdit, &QLineEdit::textEdited, this, [this, customRadio](const QString &text) {
        customRadio->setChecked(true);
        m_controller.setCustomUrlText(text);
    });
    connect(m_customEdit, &QLineEdit::returnPressed, &m_controller, &RegionPageController::verify);
    connect(m_verifyButton, &QPushButton::clicked, &m_controller, &RegionPageController::verify);
    connect(m_detectButton, &QPushButton::clicked, &m_controller, &RegionPageController::detect);
    connect(m_cancelButton, &QPushButton::clicked, &m_controller, &RegionPageController::cancel);
    connect(&m_controller, &RegionPageController::stateChanged, this, &RegionPage::render);
    connect(&m_controller, &RegionPageController::selectionChanged, this, [this] {
        showSelection();
        render();
    });
    connect(&m_controller, &RegionPageController::progress, this,
            [this](int, int, const QString &message) { m_busyLabel->setText(message); });

    showSelection();
    render();
}

void RegionPage::preselect(const QString &regionKey, const QUrl &customUrl)
{
    if (regionKey == RegionPageController::customKey()) {
        const QString text = customUrl.toString();
        m_customEdit->setText(text);
        m_controller.setCustomUrlText(text);
    }
    m_controller.selectRegion(regionKey);
}

void RegionPage::onRegionToggled(QAbstractButton *button, bool checked)
{
    if (!checked)
        return;
    const QString key = m_regionOfButton.value(button);
    if (key == RegionPageController::customKey()) {
        m_controller.setCustomUrlText(m_customEdit->text());
        m_customEdit->setFocus();
    }
    m_controller.selectRegion(key);
}

void RegionPage::showSelection()
{
    const QString selected = m_controller.selection();
    for (auto it = m_regionOfButton.cbegin(); it != m_regionOfButton.cend(); ++it) {
        if (it.value() == selected && !it.key()->isChecked())
            it.key()->setChecked(true);
    }
}

void RegionPage::render()
{
    const bool busy = m_controller.isBusy();
    m_regionBox->setEnabled(!busy);
    m_verifyButton->setEnabled(m_controller.canVerify());
    m_detectButton->setEnabled(m_controller.canDetect());

    const bool customSelected = m_controller.selection() == RegionPageController::customKey();
    const QString problem = customSelected ? m_controller.customUrlProblem() : QString();
    m_customProblemLabel->setText(problem);
    m_customProblemLabel->setVisible(!problem.isEmpty());

    m_busyWidget->setVisible(busy);
    if (busy) {
        m_busyLabel->setText(m_controller.statusMessage());
        m_cancelButton->setFocus();
    }

    switch (m_controller.state()) {
    case RegionPageController::State::Idle:
    case RegionPageController::State::Verifying:
    case RegionPageController::State::Detecting:
        m_status->clear();
        break;
    case RegionPageController::State::Verified:
        m_status->showStatus(StatusFrame::Tone::Success, m_controller.statusMessage(), m_controller.statusHint());
        break;
    case RegionPageController::State::Failed:
        m_status->showStatus(StatusFrame::Tone::Error, m_controller.statusMessage(), m_controller.statusHint());
        break;
    case RegionPageController::State::Canceled:
        m_status->showStatus(StatusFrame::Tone::Info, m_controller.statusMessage(), m_controller.statusHint());
        break;
    }
    Q_EMIT completeChanged();
}

void RegionPage::initializePage()
{
    m_controller.setKey(m_result.integrationKey);
    render();
}

void RegionPage::cleanupPage()
{
    // Going back while a check runs: its answer would no longer belong to this page.
    m_controller.cancel();
    QWizardPage::cleanupPage();
}

bool RegionPage::isComplete() const
{
    return m_controller.isVerified();
}

bool RegionPage::validatePage()
{
    return m_controller.fill(m_result);
}
