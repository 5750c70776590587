#include "MatchKeyEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>

#include <algorithm>

MatchKeyEditor::MatchKeyEditor(const QString &name, const QString &suffix, QWidget *parent)
    : QWidget(parent)
    , m_pendoField(new QComboBox(this))
    , m_csField(new QComboBox(this))
    , m_trim(new QCheckBox(tr("Trim spaces"), this))
    , m_ignoreCase(new QCheckBox(tr("Ignore case"), this))
{
    setObjectName(name + QStringLiteral("KeyEditor") + suffix);
    m_pendoField->setObjectName(name + QStringLiteral("PendoFieldComboBox") + suffix);
    m_pendoField->setToolTip(tr("The value Pendo has for the object"));
    m_pendoField->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pendoField->setMinimumContentsLength(10);
    m_csField->setObjectName(name + QStringLiteral("CsFieldComboBox") + suffix);
    m_csField->setToolTip(tr("The field of your customer records it must equal"));
    m_csField->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_csField->setMinimumContentsLength(10);
    m_trim->setObjectName(name + QStringLiteral("TrimCheckBox") + suffix);
    m_trim->setToolTip(tr("Ignore spaces before and after the value"));
    m_ignoreCase->setObjectName(name + QStringLiteral("IgnoreCaseCheckBox") + suffix);
    m_ignoreCase->setToolTip(tr("Treat \"ACME-1\" and \"acme-1\" as the same value"));

    auto *pendoLabel = new QLabel(tr("Pendo"), this);
    pendoLabel->setBuddy(m_pendoField);
    pendoLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *equals = new QLabel(tr("equals"), this);
    equals->setBuddy(m_csField);
    equals->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(8);
    layout->setVerticalSpacing(4);
    layout->addWidget(pendoLabel, 0, 0);
    layout->addWidget(m_pendoField, 0, 1);
    layout->addWidget(equals, 0, 2);
    layout->addWidget(m_csField, 0, 3);
    auto *checks = new QHBoxLayout;
    checks->setSpacing(16);
    checks->addWidget(m_trim);
    checks->addWidget(m_ignoreCase);
    checks->addStretch(1);
    layout->addLayout(checks, 1, 1, 1, 3);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(3, 1);

    const auto emitEdited = [this] { Q_EMIT keyEdited(key()); };
    connect(m_pendoField, &QComboBox::activated, this, emitEdited);
    connect(m_csField, &QComboBox::activated, this, emitEdited);
    connect(m_trim, &QCheckBox::clicked, this, emitEdited);
    connect(m_ignoreCase, &QCheckBox::clicked, this, emitEdited);
    setOptions(MatchFieldCatalog::defaults().pendoAccount, MatchFieldCatalog::defaults().csAccount);
}

void MatchKeyEditor::setOptions(const QList<MatchFieldOption> &pendoFields, const QList<MatchFieldOption> &csFields)
{
    const MatchKey current = key();
    m_pendoFields = pendoFields;
    m_csFields = csFields;
    fill(m_pendoField, m_pendoFields, current.pendoField);
    fill(m_csField, m_csFields, current.csField);
}

void MatchKeyEditor::fill(QComboBox *combo, const QList<MatchFieldOption> &options, const QString &current)
{
    QList<MatchFieldOption> wanted = options;
    const auto isCurrent = [&current](const MatchFieldOption &option) { return option.key == current; };
    if (!current.isEmpty() && std::none_of(wanted.cbegin(), wanted.cend(), isCurrent))
        wanted.append({current, MatchFieldCatalog::labelFor(current)});
    const QSignalBlocker blocker(combo);
    // Refill only when the choices differ: this also runs from the combo's own activated().
    bool same = combo->count() == wanted.size();
    for (int i = 0; same && i < combo->count(); ++i)
        same = combo->itemData(i).toString() == wanted.at(i).key && combo->itemText(i) == wanted.at(i).label;
    if (!same) {
        combo->clear();
        for (const MatchFieldOption &option : std::as_const(wanted))
            combo->addItem(option.label, option.key);
    }
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void MatchKeyEditor::setKey(const MatchKey &key)
{
    fill(m_pendoField, m_pendoFields, key.pendoField);
    fill(m_csField, m_csFields, key.csField);
    const QSignalBlocker trimBlocker(m_trim);
    const QSignalBlocker caseBlocker(m_ignoreCase);
    m_trim->setChecked(key.trim);
    m_ignoreCase->setChecked(key.caseInsensitive);
}

MatchKey MatchKeyEditor::key() const
{
    return MatchKey{m_pendoField->currentData().toString(), m_csField->currentData().toString(), m_trim->isChecked(),
                    m_ignoreCase->isChecked()};
}
