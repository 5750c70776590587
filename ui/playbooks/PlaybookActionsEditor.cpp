#include "PlaybookActionsEditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {

using Kind = PlaybookAction::Kind;

QString kindTitle(Kind kind)
{
    switch (kind) {
    case Kind::Task:
        return PlaybookActionsEditor::tr("Create a task");
    case Kind::Stage:
        return PlaybookActionsEditor::tr("Move to a lifecycle stage");
    case Kind::Tag:
        return PlaybookActionsEditor::tr("Add or remove a tag");
    case Kind::Field:
        return PlaybookActionsEditor::tr("Set an account field");
    case Kind::Webhook:
        return PlaybookActionsEditor::tr("Call a webhook");
    case Kind::Email:
        return PlaybookActionsEditor::tr("Write an e-mail for review");
    }
    return {};
}

const QList<Kind> allKinds{Kind::Task, Kind::Stage, Kind::Tag, Kind::Field, Kind::Webhook, Kind::Email};

} // namespace

PlaybookActionsEditor::PlaybookActionsEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_newKind(new QComboBox(this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_up(new QPushButton(tr("Move Up"), this))
    , m_down(new QPushButton(tr("Move Down"), this))
    , m_fieldsBox(new QWidget(this))
    , m_form(new QFormLayout(m_fieldsBox))
    , m_kindLabel(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_dueDays(new QSpinBox(this))
    , m_assignee(new QLineEdit(this))
    , m_stage(new QComboBox(this))
    , m_tag(new QLineEdit(this))
    , m_removeTag(new QCheckBox(tr("Remove the tag instead of adding it"), this))
    , m_field(new QLineEdit(this))
    , m_value(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_recipient(new QLineEdit(this))
{
    setObjectName(QStringLiteral("playbookActionsEditor"));
    m_list->setObjectName(QStringLiteral("actionsListWidget"));
    m_newKind->setObjectName(QStringLiteral("newActionKindComboBox"));
    m_remove->setObjectName(QStringLiteral("removeActionButton"));
    m_up->setObjectName(QStringLiteral("moveActionUpButton"));
    m_down->setObjectName(QStringLiteral("moveActionDownButton"));
    m_title->setObjectName(QStringLiteral("actionTitleLineEdit"));
    m_body->setObjectName(QStringLiteral("actionBodyTextEdit"));
    m_dueDays->setObjectName(QStringLiteral("actionDueDaysSpinBox"));
    m_assignee->setObjectName(QStringLiteral("actionAssigneeLineEdit"));
    m_stage->setObjectName(QStringLiteral("actionStageComboBox"));
    m_tag->setObjectName(QStringLiteral("actionTagLineEdit"));
    m_removeTag->setObjectName(QStringLiteral("actionRemoveTagCheckBox"));
    m_field->setObjectName(QStringLiteral("actionFieldLineEdit"));
    m_value->setObjectName(QStringLiteral("actionValueLineEdit"));
    m_url->setObjectName(QStringLiteral("actionUrlLineEdit"));
    m_recipient->setObjectName(QStringLiteral("actionRecipientLineEdit"));

    for (Kind kind : allKinds)
        m_newKind->addItem(kindTitle(kind), int(kind));
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(QStringLiteral("addActionButton"));
    m_dueDays->setRange(0, 365);
    m_dueDays->setSuffix(tr(" days after firing"));
    m_body->setPlaceholderText(tr("{account}, {owner}, {playbook}, {day} and {evidence} are filled in"));
    m_body->setMaximumHeight(m_body->fontMetrics().height() * 6);
    m_assignee->setPlaceholderText(tr("The account owner"));
    m_recipient->setPlaceholderText(tr("The account owner"));
    m_url->setPlaceholderText(tr("https://…"));
    m_title->setPlaceholderText(tr("e.g. Call {account} about falling usage"));

    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->addRow(m_kindLabel);
    m_form->addRow(tr("Title:"), m_title);
    m_form->addRow(tr("Text:"), m_body);
    m_form->addRow(tr("Due:"), m_dueDays);
    m_form->addRow(tr("Assignee:"), m_assignee);
    m_form->addRow(tr("Stage:"), m_stage);
    m_form->addRow(tr("Tag:"), m_tag);
    m_form->addRow(QString(), m_removeTag);
    m_form->addRow(tr("Field:"), m_field);
    m_form->addRow(tr("Value:"), m_value);
    m_form->addRow(tr("URL:"), m_url);
    m_form->addRow(tr("Recipient:"), m_recipient);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(new QLabel(tr("New action:"), this));
    listButtons->addWidget(m_newKind, 1);
    listButtons->addWidget(add);
    auto *orderButtons = new QHBoxLayout;
    orderButtons->addWidget(m_up);
    orderButtons->addWidget(m_down);
    orderButtons->addWidget(m_remove);
    orderButtons->addStretch(1);
    // The list above the fields: the fields get the whole width for titles, bodies and URLs.
    m_list->setMaximumHeight(m_list->fontMetrics().height() * 8);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    layout->addLayout(orderButtons);
    layout->addLayout(listButtons);
    layout->addWidget(m_fieldsBox);
    layout->addStretch(1);

    connect(add, &QPushButton::clicked, this, [this] { addAction(Kind(m_newKind->currentData().toInt())); });
    connect(m_remove, &QPushButton::clicked, this, &PlaybookActionsEditor::removeCurrent);
    connect(m_up, &QPushButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showCurrent();
        updateButtons();
    });
    for (QLineEdit *edit : {m_title, m_assignee, m_tag, m_field, m_value, m_url, m_recipient})
        connect(edit, &QLineEdit::textEdited, this, &PlaybookActionsEditor::storeCurrent);
    connect(m_body, &QPlainTextEdit::textChanged, this, &PlaybookActionsEditor::storeCurrent);
    connect(m_dueDays, &QSpinBox::valueChanged, this, &PlaybookActionsEditor::storeCurrent);
    connect(m_stage, &QComboBox::currentIndexChanged, this, &PlaybookActionsEditor::storeCurrent);
    connect(m_removeTag, &QCheckBox::toggled, this, &PlaybookActionsEditor::storeCurrent);
    showCurrent();
    updateButtons();
}

PlaybookActionsEditor::~PlaybookActionsEditor() = default;

void PlaybookActionsEditor::setActions(const QList<PlaybookAction> &actions)
{
    m_actions = actions;
    m_list->clear();
    for (int i = 0; i < m_actions.size(); ++i) {
        m_list->addItem(QString());
        refreshItem(i);
    }
    select(m_actions.isEmpty() ? -1 : 0);
    Q_EMIT changed();
}

void PlaybookActionsEditor::setStages(const QList<LifecycleStage> &stages)
{
    m_stages = stages;
    showCurrent();
}

void PlaybookActionsEditor::addAction(Kind kind)
{
    PlaybookAction action;
    action.kind = kind;
    if (kind == Kind::Task) {
        action.title = tr("Follow up with {account}");
        action.body = QStringLiteral("{evidence}");
    } else if (kind == Kind::Email) {
        action.title = tr("{account}: {playbook}");
        action.body = QStringLiteral("{evidence}");
    } else if (kind == Kind::Stage && !m_stages.isEmpty()) {
        action.stage = m_stages.constFirst().key;
    }
    m_actions.append(action);
    m_list->addItem(QString());
    refreshItem(int(m_actions.size()) - 1);
    select(int(m_actions.size()) - 1);
    Q_EMIT changed();
}

void PlaybookActionsEditor::removeCurrent()
{
    const int row = currentRow();
    if (row < 0)
        return;
    m_actions.removeAt(row);
    delete m_list->takeItem(row);
    select(std::min(row, int(m_actions.size()) - 1));
    Q_EMIT changed();
}

void PlaybookActionsEditor::moveCurrent(int by)
{
    const int row = currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_actions.size())
        return;
    m_actions.move(row, to);
    refreshItem(row);
    refreshItem(to);
    select(to);
    Q_EMIT changed();
}

void PlaybookActionsEditor::select(int row)
{
    m_list->setCurrentRow(row);
    showCurrent();
    updateButtons();
}

int PlaybookActionsEditor::currentRow() const
{
    return m_list->currentRow();
}

void PlaybookActionsEditor::refreshItem(int row)
{
    const PlaybookAction &action = m_actions.at(row);
    m_list->item(row)->setText(tr("%1. %2").arg(row + 1).arg(action.describe()));
    const QStringList problems = action.validate();
    m_list->item(row)->setToolTip(problems.join(u'\n'));
}

void PlaybookActionsEditor::fillStageCombo(const QString &current)
{
    m_stage->clear();
    for (const LifecycleStage &stage : std::as_const(m_stages))
        m_stage->addItem(stage.name, stage.key);
    if (!current.isEmpty() && m_stage->findData(current) < 0)
        m_stage->addItem(current, current); // a stage the list does not know (yet)
    m_stage->setCurrentIndex(current.isEmpty() ? -1 : m_stage->findData(current));
}

void PlaybookActionsEditor::showCurrent()
{
    const int row = currentRow();
    m_fieldsBox->setEnabled(row >= 0);
    const PlaybookAction action = row >= 0 ? m_actions.at(row) : PlaybookAction{};
    m_showing = true;
    m_kindLabel->setText(row >= 0 ? QStringLiteral("<b>%1</b>").arg(kindTitle(action.kind).toHtmlEscaped())
                                  : tr("Add an action: each firing runs them in this order."));
    m_title->setText(action.title);
    m_body->setPlainText(action.body);
    m_dueDays->setValue(action.dueDays);
    m_assignee->setText(action.assignee);
    fillStageCombo(action.stage);
    m_tag->setText(action.tag);
    m_removeTag->setChecked(action.remove);
    m_field->setText(action.field);
    m_value->setText(action.value);
    m_url->setText(action.url);
    m_recipient->setText(action.recipient);
    m_showing = false;

    const bool any = row >= 0;
    const Kind kind = action.kind;
    const bool task = any && kind == Kind::Task, email = any && kind == Kind::Email;
    m_form->setRowVisible(m_title, task || email);
    m_form->setRowVisible(m_body, task || email);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_title)))
        label->setText(email ? tr("Subject:") : tr("Title:"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_body)))
        label->setText(email ? tr("Body:") : tr("Text:"));
    m_form->setRowVisible(m_dueDays, task);
    m_form->setRowVisible(m_assignee, task);
    m_form->setRowVisible(m_stage, any && kind == Kind::Stage);
    m_form->setRowVisible(m_tag, any && kind == Kind::Tag);
    m_form->setRowVisible(m_removeTag, any && kind == Kind::Tag);
    m_form->setRowVisible(m_field, any && kind == Kind::Field);
    m_form->setRowVisible(m_value, any && kind == Kind::Field);
    m_form->setRowVisible(m_url, any && kind == Kind::Webhook);
    m_form->setRowVisible(m_recipient, email);
}

void PlaybookActionsEditor::storeCurrent()
{
    const int row = currentRow();
    if (m_showing || row < 0)
        return;
    PlaybookAction &action = m_actions[row];
    action.title = m_title->text();
    action.body = m_body->toPlainText();
    action.dueDays = m_dueDays->value();
    action.assignee = m_assignee->text().trimmed();
    action.stage = m_stage->currentData().toString();
    action.tag = m_tag->text().trimmed();
    action.remove = m_removeTag->isChecked();
    action.field = m_field->text().trimmed();
    action.value = m_value->text();
    action.url = m_url->text().trimmed();
    action.recipient = m_recipient->text().trimmed();
    refreshItem(row);
    Q_EMIT changed();
}

void PlaybookActionsEditor::updateButtons()
{
    const int row = currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < m_actions.size());
}
