#include "KeyPage.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

KeyPage::KeyPage(SetupResult &result, QWidget *parent)
    : QWizardPage(parent)
    , m_result(result)
    , m_keyEdit(new QLineEdit(this))
    , m_showButton(new QPushButton(tr("Show"), this))
    , m_problemLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("keyWizardPage"));
    setTitle(tr("Connect to Pendo"));
    setSubTitle(tr("Pendo Bridge reads your product-usage data from Pendo with an integration key."));

    auto *where = new QLabel(this);
    where->setObjectName(QStringLiteral("keyHelpLabel"));
    where->setWordWrap(true);
    where->setTextFormat(Qt::RichText);
    where->setText(tr("<p>A Pendo administrator creates integration keys in Pendo under <b>Settings → Integrations → "
                      "Integration Keys</b>, with <b>Add Integration Key</b>. Pendo shows a new key only once, so "
                      "copy it right away.</p>"
                      "<p><b>A read-only key is enough:</b> leave <i>Allow Write Access</i> unticked. Pendo Bridge "
                      "only reads from Pendo and never changes anything there.</p>"));

    m_keyEdit->setObjectName(QStringLiteral("keyLineEdit"));
    m_keyEdit->setEchoMode(QLineEdit::Password);
    m_keyEdit->setPlaceholderText(tr("Paste the integration key here"));
    m_keyEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText
                                   | Qt::ImhNoAutoUppercase);
    m_keyEdit->setClearButtonEnabled(true);
    m_keyEdit->setMinimumWidth(360);

    m_showButton->setObjectName(QStringLiteral("showKeyPushButton"));
    m_showButton->setCheckable(true);
    m_showButton->setToolTip(tr("Show or hide the key"));
    m_showButton->setAutoDefault(false);

    m_problemLabel->setObjectName(QStringLiteral("keyProblemLabel"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problemLabel->hide();

    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyEdit, 1);
    keyRow->addWidget(m_showButton);
    auto *keyField = new QVBoxLayout;
    keyField->setSpacing(4);
    keyField->addLayout(keyRow);
    keyField->addWidget(m_problemLabel);
    auto *form = new QFormLayout;
    auto *keyLabel = new QLabel(tr("&Integration key:"), this);
    keyLabel->setBuddy(m_keyEdit);
    form->addRow(keyLabel, keyField);

    auto *storage = new QLabel(tr("The next page checks the key with Pendo. Pendo Bridge keeps the key in your "
                                  "system's secure credential store, never in a file or a log."),
                               this);
    storage->setObjectName(QStringLiteral("keyStorageLabel"));
    storage->setWordWrap(true);
    storage->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(where);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addWidget(storage);
    layout->addStretch(1);

    connect(m_keyEdit, &QLineEdit::textChanged, &m_controller, &KeyPageController::setText);
    connect(&m_controller, &KeyPageController::changed, this, [this] {
        updateProblem();
        Q_EMIT completeChanged();
    });
    connect(m_showButton, &QPushButton::toggled, this, &KeyPage::setKeyVisible);
}

void KeyPage::setKey(const QString &key)
{
    m_keyEdit->setText(key);
}

void KeyPage::forgetKey()
{
    m_keyEdit->clear();
    m_showButton->setChecked(false);
}

void KeyPage::setKeyVisible(bool visible)
{
    m_keyEdit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    m_showButton->setText(visible ? tr("Hide") : tr("Show"));
}

void KeyPage::updateProblem()
{
    const QString problem = m_controller.problem();
    m_problemLabel->setText(problem);
    m_problemLabel->setVisible(!problem.isEmpty());
}

bool KeyPage::isComplete() const
{
    return m_controller.isAcceptable();
}

bool KeyPage::validatePage()
{
    if (!m_controller.isAcceptable())
        return false;
    m_result.integrationKey = m_controller.key();
    return true;
}
