#include "MatchWorkbench.h"

#include "MatchKeyEditor.h"
#include "MatchRateCard.h"
#include "UnmatchedListView.h"
#include "items/UnmatchedModel.h"

#include <QCheckBox>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

MatchWorkbench::MatchWorkbench(WorkspaceSession &session, QWidget *parent)
    : QWidget(parent)
    , m_controller(session)
    , m_accountsModel(new UnmatchedModel(UnmatchedModel::Kind::Accounts, this))
    , m_visitorsModel(new UnmatchedModel(UnmatchedModel::Kind::Visitors, this))
{
    setObjectName(QStringLiteral("matchWorkbench"));

    m_header = new QWidget(this);
    auto *title = new QLabel(tr("Identity matching"), m_header);
    title->setObjectName(QStringLiteral("workbenchTitleLabel"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *intro = hintLabel(tr("How Pendo accounts and visitors attach to your accounts and contacts. The figures "
                               "show the outcome before anything syncs, and every choice here can be changed later."),
                            m_header);
    auto *headerLayout = new QVBoxLayout(m_header);
    headerLayout->setContentsMargins(0, 0, 0, 0);
    headerLayout->addWidget(title);
    headerLayout->addWidget(intro);

    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("previewBusyProgressBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedSize(120, 8);
    m_busyBar->hide();
    m_statusLabel = hintLabel(tr("Not checked yet"), this);
    m_statusLabel->setObjectName(QStringLiteral("previewStatusLabel"));
    m_statusLabel->setWordWrap(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_header, 1);
    auto *busy = new QVBoxLayout;
    busy->addStretch(1);
    busy->addWidget(m_statusLabel, 0, Qt::AlignRight);
    busy->addWidget(m_busyBar, 0, Qt::AlignRight);
    top->addLayout(busy);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();

    m_accountsCard = new MatchRateCard(QStringLiteral("accounts"), tr("Accounts"), this);
    m_visitorsCard = new MatchRateCard(QStringLiteral("visitors"), tr("Visitors → contacts"), this);
    auto *cards = new QHBoxLayout;
    cards->setSpacing(12);
    cards->addWidget(m_accountsCard, 1);
    cards->addWidget(m_visitorsCard, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("workbenchSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(buildRulesPanel());
    splitter->addWidget(buildResultsPanel());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 780});

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addLayout(top);
    layout->addWidget(m_messageLabel);
    layout->addLayout(cards);
    layout->addWidget(splitter, 1);

    connect(&m_controller, &MatchWorkbenchController::rulesChanged, this, &MatchWorkbench::syncRules);
    connect(&m_controller, &MatchWorkbenchController::rulesEdited, this, &MatchWorkbench::rulesEdited);
    connect(&m_controller, &MatchWorkbenchController::fieldsChanged, this, &MatchWorkbench::applyFields);
    connect(&m_controller, &MatchWorkbenchController::previewReady, this, &MatchWorkbench::showPreview);
    connect(&m_controller, &MatchWorkbenchController::busyChanged, this, &MatchWorkbench::updateBusy);
    connect(&m_controller, &MatchWorkbenchController::failed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(&m_controller, &MatchWorkbenchController::contactsCreated, this, [this](qint64 count) {
        showMessage(count == 1 ? tr("Created 1 contact, marked as created by the integration.")
                               : tr("Created %1 contacts, marked as created by the integration.")
                                     .arg(QLocale().toString(count)),
                    false);
        Q_EMIT contactsCreated(count);
    });
    syncRules();
    applyFields();
}

QWidget *MatchWorkbench::buildRulesPanel()
{
    auto *panel = new QWidget;
    panel->setObjectName(QStringLiteral("rulesPanel"));

    auto *accountBox = new QGroupBox(tr("Accounts"), panel);
    accountBox->setObjectName(QStringLiteral("accountRuleGroupBox"));
    m_accountEditor = new MatchKeyEditor(QStringLiteral("account"), {}, accountBox);
    auto *accountLayout = new QVBoxLayout(accountBox);
    accountLayout->addWidget(hintLabel(tr("A Pendo account belongs to the CS account whose field equals its value."),
                                       accountBox));
    accountLayout->addWidget(m_accountEditor);

    auto *contactBox = new QGroupBox(tr("Visitors → contacts"), panel);
    contactBox->setObjectName(QStringLiteral("contactRulesGroupBox"));
    m_contactRowsLayout = new QVBoxLayout;
    m_contactRowsLayout->setSpacing(10);
    m_addContactRuleButton = new QPushButton(tr("Add a rule"), contactBox);
    m_addContactRuleButton->setObjectName(QStringLiteral("addContactRulePushButton"));
    m_addContactRuleButton->setAutoDefault(false);
    m_matchBoth = new QCheckBox(tr("Match visitors to contacts as well as accounts (recommended)"), contactBox);
    m_matchBoth->setObjectName(QStringLiteral("matchBothCheckBox"));
    auto *contactLayout = new QVBoxLayout(contactBox);
    contactLayout->addWidget(hintLabel(tr("Rules are tried in order; the first that finds a contact decides."),
                                       contactBox));
    contactLayout->addLayout(m_contactRowsLayout);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_addContactRuleButton);
    addRow->addStretch(1);
    contactLayout->addLayout(addRow);
    contactLayout->addWidget(m_matchBoth);

    auto *futureBox = new QGroupBox(tr("Future syncs"), panel);
    futureBox->setObjectName(QStringLiteral("futureSyncsGroupBox"));
    m_autoCreate = new QCheckBox(tr("Create contacts for unknown visitors of matched accounts on future syncs"),
                                 futureBox);
    m_autoCreate->setObjectName(QStringLiteral("autoCreateEndUsersCheckBox"));
    auto *autoCreateHint = hintLabel(
        tr("Off by default. When on, each sync adds a contact for a visitor that no rule matches if the visitor's "
           "account is matched, and marks it as created by the integration. Visitors of unmatched accounts are "
           "never added."),
        futureBox);
    autoCreateHint->setObjectName(QStringLiteral("autoCreateHintLabel"));
    autoCreateHint->setContentsMargins(22, 0, 0, 0);
    auto *futureLayout = new QVBoxLayout(futureBox);
    futureLayout->addWidget(m_autoCreate);
    futureLayout->addWidget(autoCreateHint);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 6, 0);
    layout->addWidget(accountBox);
    layout->addWidget(contactBox);
    layout->addWidget(futureBox);
    layout->addStretch(1);

    connect(m_accountEditor, &MatchKeyEditor::keyEdited, &m_controller, &MatchWorkbenchController::setAccountKey);
    connect(m_addContactRuleButton, &QPushButton::clicked, &m_controller,
            [this] { m_controller.addContactKey(); });
    connect(m_matchBoth, &QCheckBox::clicked, &m_controller, &MatchWorkbenchController::setMatchBoth);
    connect(m_autoCreate, &QCheckBox::clicked, &m_controller, &MatchWorkbenchController::setAutoCreateEndUsers);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("rulesScrollArea"));
    scroll->setWidget(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(panel->minimumSizeHint().width() + 20);
    return scroll;
}

QWidget *MatchWorkbench::buildResultsPanel()
{
    auto *panel = new QWidget;
    auto *suggestionsBox = new QGroupBox(tr("Suggestions"), panel);
    suggestionsBox->setObjectName(QStringLiteral("suggestionsGroupBox"));
    m_suggestionsLayout = new QVBoxLayout;
    m_suggestionsLayout->setSpacing(6);

    m_createButton = new QPushButton(suggestionsBox);
    m_createButton->setObjectName(QStringLiteral("createContactsPushButton"));
    m_createButton->setAutoDefault(false);
    m_createButton->setIcon(style()->standardIcon(QStyle::SP_FileDialogNewFolder));
    m_createHint = hintLabel(QString(), suggestionsBox);
    m_createHint->setObjectName(QStringLiteral("createContactsHintLabel"));
    auto *line = new QFrame(suggestionsBox);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    auto *createRow = new QHBoxLayout;
    createRow->addWidget(m_createButton);
    createRow->addWidget(m_createHint, 1);

    auto *suggestionsLayout = new QVBoxLayout(suggestionsBox);
    suggestionsLayout->addLayout(m_suggestionsLayout);
    suggestionsLayout->addWidget(line);
    suggestionsLayout->addLayout(createRow);

    m_accountsView = new UnmatchedListView(m_accountsModel, QStringLiteral("unmatchedAccounts"),
                                           tr("Search by account id or name…"), panel);
    m_visitorsView = new UnmatchedListView(m_visitorsModel, QStringLiteral("unmatchedVisitors"),
                                           tr("Search by visitor id, e-mail or account…"), panel);
    m_tabs = new QTabWidget(panel);
    m_tabs->setObjectName(QStringLiteral("unmatchedTabWidget"));
    m_tabs->addTab(m_accountsView, tr("Unmatched accounts"));
    m_tabs->addTab(m_visitorsView, tr("Unmatched visitors"));

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(suggestionsBox);
    layout->addWidget(m_tabs, 1);

    connect(m_createButton, &QPushButton::clicked, this, &MatchWorkbench::confirmCreateContacts);
    return panel;
}

void MatchWorkbench::setHeaderVisible(bool visible)
{
    m_header->setVisible(visible);
}

void MatchWorkbench::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The first look at the workbench checks the rules; later refreshes come from the owner.
    if (!m_started) {
        m_started = true;
        if (!m_controller.hasPreview() && !m_controller.isBusy())
            m_controller.refresh();
    }
}

void MatchWorkbench::syncRules()
{
    const MatchRules &rules = m_controller.rules();
    m_accountEditor->setKey(rules.account);
    if (m_contactEditors.size() != rules.contact.size())
        rebuildContactRows();
    for (qsizetype i = 0; i < m_contactEditors.size(); ++i)
        m_contactEditors.at(i)->setKey(rules.contact.at(i));
    const QSignalBlocker bothBlocker(m_matchBoth);
    m_matchBoth->setChecked(rules.matchBoth);
    const QSignalBlocker autoBlocker(m_autoCreate);
    m_autoCreate->setChecked(rules.autoCreateEndUsers);
}

void MatchWorkbench::rebuildContactRows()
{
    while (QLayoutItem *item = m_contactRowsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_contactEditors.clear();
    const MatchFieldCatalog &fields = m_controller.fields();
    const int count = int(m_controller.rules().contact.size());
    for (int i = 0; i < count; ++i) {
        const QString suffix = QStringLiteral("_%1").arg(i);
        auto *row = new QWidget;
        row->setObjectName(QStringLiteral("contactRuleRow") + suffix);
        auto *number = new QLabel(QLocale().toString(i + 1), row);
        number->setAlignment(Qt::AlignCenter);
        number->setFixedSize(22, 22);
        number->setStyleSheet(QStringLiteral("border-radius: 11px; background: palette(midlight); font-weight: bold;"));
        number->setToolTip(tr("Tried in this order"));
        auto *editor = new MatchKeyEditor(QStringLiteral("contact"), suffix, row);
        editor->setOptions(fields.pendoVisitor, fields.csContact);
        const auto makeButton = [row, &suffix](QStyle::StandardPixmap icon, const QString &name, const QString &tip) {
            auto *button = new QToolButton(row);
            button->setObjectName(name + suffix);
            button->setIcon(row->style()->standardIcon(icon));
            button->setToolTip(tip);
            button->setAutoRaise(true);
            return button;
        };
        QToolButton *up = makeButton(QStyle::SP_ArrowUp, QStringLiteral("moveContactRuleUpToolButton"),
                                     tr("Try this rule earlier"));
        QToolButton *down = makeButton(QStyle::SP_ArrowDown, QStringLiteral("moveContactRuleDownToolButton"),
                                       tr("Try this rule later"));
        QToolButton *remove = makeButton(QStyle::SP_DialogDiscardButton, QStringLiteral("removeContactRuleToolButton"),
                                         tr("Remove this rule"));
        up->setEnabled(i > 0);
        down->setEnabled(i + 1 < count);
        remove->setEnabled(count > 1);
        auto *buttons = new QVBoxLayout;
        buttons->setSpacing(0);
        buttons->addWidget(up);
        buttons->addWidget(down);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(number, 0, Qt::AlignTop);
        rowLayout->addWidget(editor, 1);
        rowLayout->addLayout(buttons);
        rowLayout->addWidget(remove, 0, Qt::AlignTop);
        m_contactRowsLayout->addWidget(row);
        m_contactEditors.append(editor);

        connect(editor, &MatchKeyEditor::keyEdited, &m_controller,
                [this, i](const MatchKey &key) { m_controller.setContactKey(i, key); });
        // Queued: these rebuild the rows, which deletes the button being clicked.
        connect(up, &QToolButton::clicked, &m_controller, [this, i] { m_controller.moveContactKey(i, i - 1); },
                Qt::QueuedConnection);
        connect(down, &QToolButton::clicked, &m_controller, [this, i] { m_controller.moveContactKey(i, i + 1); },
                Qt::QueuedConnection);
        connect(remove, &QToolButton::clicked, &m_controller, [this, i] { m_controller.removeContactKey(i); },
                Qt::QueuedConnection);
    }
}

void MatchWorkbench::applyFields()
{
    const MatchFieldCatalog &fields = m_controller.fields();
    m_accountEditor->setOptions(fields.pendoAccount, fields.csAccount);
    for (MatchKeyEditor *editor : std::as_const(m_contactEditors))
        editor->setOptions(fields.pendoVisitor, fields.csContact);
    syncRules();
}

void MatchWorkbench::showPreview()
{
    const MatchPreview &preview = m_controller.preview();
    const QLocale locale;
    const QString accountsNote
        = preview.crmAccountsWithoutPendo == 1 ? tr("1 of your accounts has no Pendo account yet.")
          : preview.crmAccountsWithoutPendo > 1
              ? tr("%1 of your accounts have no Pendo account yet.").arg(locale.toString(preview.crmAccountsWithoutPendo))
              : QString();
    m_accountsCard->setCounts(preview.accounts, accountsNote);
    m_visitorsCard->setCounts(preview.contacts, m_controller.rules().matchBoth
                                                    ? QString()
                                                    : tr("Visitors are not matched: the rules match accounts only."));
    m_accountsModel->setItems(preview.unmatchedAccounts, m_controller.accountLabels());
    m_visitorsModel->setItems(preview.unmatchedVisitors, m_controller.contactLabels());
    m_tabs->setTabText(0, tr("Unmatched accounts (%1)").arg(locale.toString(preview.unmatchedAccounts.size())));
    m_tabs->setTabText(1, tr("Unmatched visitors (%1)").arg(locale.toString(preview.unmatchedVisitors.size())));
    rebuildSuggestions();
    updateCreateButton();
    updateBusy(m_controller.isBusy());
}

void MatchWorkbench::rebuildSuggestions()
{
    while (QLayoutItem *item = m_suggestionsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QList<MatchSuggestion> &suggestions = m_controller.preview().suggestions;
    int shown = 0;
    for (const MatchSuggestion &suggestion : suggestions) {
        // Contact creation has its own button with a confirmation below the list.
        if (suggestion.action == MatchSuggestion::Action::CreateContacts)
            continue;
        const QString suffix = QStringLiteral("_%1").arg(shown++);
        auto *row = new QFrame;
        row->setObjectName(QStringLiteral("suggestionFrame") + suffix);
        row->setStyleSheet(QStringLiteral("QFrame#%1 { background: #eef4fc; border: 1px solid #c9dcf2; "
                                          "border-radius: 5px; }")
                               .arg(row->objectName()));
        auto *icon = new QLabel(row);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(20, 20));
        auto *text = new QLabel(suggestion.text, row);
        text->setObjectName(QStringLiteral("suggestionLabel") + suffix);
        text->setWordWrap(true);
        auto *apply = new QPushButton(tr("Apply"), row);
        apply->setObjectName(QStringLiteral("applySuggestionPushButton") + suffix);
        apply->setProperty("suggestionAction", int(suggestion.action));
        apply->setAutoDefault(false);
        apply->setEnabled(!m_controller.isCreatingContacts());
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(8, 6, 8, 6);
        rowLayout->addWidget(icon, 0, Qt::AlignVCenter);
        rowLayout->addWidget(text, 1);
        rowLayout->addWidget(apply, 0, Qt::AlignVCenter);
        m_suggestionsLayout->addWidget(row);
        // Queued: applying previews again, which rebuilds this list and deletes the button.
        connect(apply, &QPushButton::clicked, &m_controller,
                [this, suggestion] { m_controller.applySuggestion(suggestion); }, Qt::QueuedConnection);
    }
    if (shown == 0) {
        auto *none = hintLabel(tr("No suggestions: looser rules would not match more."), nullptr);
        none->setObjectName(QStringLiteral("noSuggestionsLabel"));
        m_suggestionsLayout->addWidget(none);
    }
}

void MatchWorkbench::updateCreateButton()
{
    const qint64 count = m_controller.creatableContactCount();
    m_createButton->setText(count == 1 ? tr("Create 1 contact…")
                                       : tr("Create %1 contacts…").arg(QLocale().toString(count)));
    m_createButton->setEnabled(count > 0 && !m_controller.isBusy());
    m_createHint->setText(count > 0 ? tr("for unmatched visitors whose account matched")
                                    : tr("No unmatched visitor of a matched account needs a contact."));
}

void MatchWorkbench::updateBusy(bool busy)
{
    m_busyBar->setVisible(m_controller.isPreviewing() || m_controller.isCreatingContacts());
    m_accountsCard->setStale(m_controller.isPreviewing());
    m_visitorsCard->setStale(m_controller.isPreviewing());
    if (m_controller.isCreatingContacts())
        m_statusLabel->setText(tr("Creating contacts…"));
    else if (m_controller.isPreviewing())
        m_statusLabel->setText(tr("Checking matches…"));
    else if (m_controller.hasPreview())
        m_statusLabel->setText(tr("Checked in %1 ms").arg(QLocale().toString(m_controller.preview().elapsedMs)));
    m_createButton->setEnabled(!busy && m_controller.creatableContactCount() > 0);
}

void MatchWorkbench::confirmCreateContacts()
{
    const qint64 count = m_controller.creatableContactCount();
    if (count <= 0 || m_controller.isBusy())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Create contacts"),
                                count == 1 ? tr("Create 1 contact for an unmatched visitor of a matched account?")
                                           : tr("Create %1 contacts for unmatched visitors of matched accounts?")
                                                 .arg(QLocale().toString(count)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("createContactsMessageBox"));
    box->setInformativeText(tr("Each becomes a contact of the account its visitor uses, with the visitor's e-mail "
                               "and name, marked as created by the integration. You can edit or delete them like "
                               "any other contact."));
    QPushButton *create = box->addButton(tr("Create contacts"), QMessageBox::AcceptRole);
    create->setObjectName(QStringLiteral("confirmCreatePushButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(create);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, create] {
        if (box->clickedButton() == create)
            m_controller.createContacts();
    });
    box->open();
}

void MatchWorkbench::showMessage(const QString &text, bool error)
{
    m_messageLabel->setText(text);
    m_messageLabel->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QStringLiteral("color: #2e7d32;"));
    m_messageLabel->setVisible(!text.isEmpty());
}

void MatchWorkbench::showPendoId(const QString &pendoId)
{
    const QList<UnmatchedItem> &accounts = m_accountsModel->items();
    const bool isAccount = std::any_of(accounts.cbegin(), accounts.cend(),
                                       [&pendoId](const UnmatchedItem &item) { return item.pendoId == pendoId; });
    UnmatchedListView *list = isAccount ? m_accountsView : m_visitorsView;
    m_tabs->setCurrentWidget(list);
    list->searchEdit()->setText(pendoId);
}
