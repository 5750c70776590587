#include "PlaybookEditor.h"

#include "PlaybookActionsEditor.h"

#include "analytics/MetricField.h"
#include "items/DryRunModel.h"
#include "playbooks/PlaybookEngine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QDoubleValidator>
#include <QIntValidator>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <limits>

namespace {

using TriggerKind = PlaybookTrigger::Kind;

const QString desktopActor = QStringLiteral("desktop");

QStringList commaList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts))
        if (const QString trimmed = part.trimmed(); !trimmed.isEmpty())
            items << trimmed;
    return items;
}

std::optional<double> optionalNumber(const QLineEdit *edit)
{
    bool ok = false;
    const double value = QLocale().toDouble(edit->text().trimmed(), &ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

QString numberText(std::optional<double> value)
{
    return value ? QLocale().toString(*value, 'f', 0) : QString();
}

void selectData(QComboBox *combo, const QVariant &data)
{
    const int index = combo->findData(data);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

} // namespace

PlaybookEditor::PlaybookEditor(PlaybookEngine &engine, const Playbook &initial, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_initial(initial)
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_metric(new QComboBox(this))
    , m_op(new QComboBox(this))
    , m_value(new QDoubleSpinBox(this))
    , m_percent(new QDoubleSpinBox(this))
    , m_days(new QSpinBox(this))
    , m_minVolume(new QDoubleSpinBox(this))
    , m_bandTo(new QComboBox(this))
    , m_bandFrom(new QComboBox(this))
    , m_itemId(new QLineEdit(this))
    , m_itemName(new QLineEdit(this))
    , m_owners(new QLineEdit(this))
    , m_arrMin(new QLineEdit(this))
    , m_arrMax(new QLineEdit(this))
    , m_plans(new QLineEdit(this))
    , m_actions(new PlaybookActionsEditor(this))
    , m_cooldown(new QSpinBox(this))
    , m_problems(new QLabel(this))
    , m_dryRunDays(new QSpinBox(this))
    , m_dryRunButton(new QPushButton(tr("Dry Run"), this))
    , m_dryRunSummary(new QLabel(this))
    , m_dryRun(new DryRunModel(this))
    , m_dryRunTable(new QTableView(this))
    , m_save(new QPushButton(tr("Save"), this))
{
    setObjectName(QStringLiteral("playbookEditor"));
    setWindowTitle(initial.id > 0 ? tr("Edit Playbook") : tr("New Playbook"));
    resize(1080, 760);

    m_name->setObjectName(QStringLiteral("playbookNameLineEdit"));
    m_name->setPlaceholderText(tr("e.g. Core-feature usage decline"));
    m_cooldown->setObjectName(QStringLiteral("cooldownSpinBox"));
    m_cooldown->setRange(0, 365);
    m_cooldown->setSuffix(tr(" days"));
    m_cooldown->setToolTip(tr("After a firing, the playbook does not fire again for that account within this time"));
    auto *top = new QFormLayout;
    top->addRow(tr("Name:"), m_name);
    top->addRow(tr("Cool-down:"), m_cooldown);

    auto *actionsBox = new QGroupBox(tr("Actions, in order"), this);
    auto *actionsLayout = new QVBoxLayout(actionsBox);
    actionsLayout->addWidget(m_actions);

    m_problems->setObjectName(QStringLiteral("playbookProblemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);

    m_dryRunDays->setObjectName(QStringLiteral("editorDryRunDaysSpinBox"));
    m_dryRunDays->setRange(7, 365);
    m_dryRunDays->setValue(90);
    m_dryRunDays->setSuffix(tr(" days"));
    m_dryRunButton->setObjectName(QStringLiteral("editorDryRunButton"));
    m_dryRunButton->setToolTip(tr("Replay this draft over the last computed days without storing anything"));
    m_dryRunSummary->setObjectName(QStringLiteral("editorDryRunSummaryLabel"));
    m_dryRunSummary->setWordWrap(true);
    m_dryRunSummary->setText(tr("Dry Run shows which accounts this draft would have fired for, and why."));
    m_dryRunTable->setObjectName(QStringLiteral("editorDryRunTableView"));
    m_dryRunTable->setModel(m_dryRun);
    m_dryRunTable->verticalHeader()->hide();
    m_dryRunTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_dryRunTable->setWordWrap(false);
    m_dryRunTable->horizontalHeader()->setSectionResizeMode(DryRunModel::Evidence, QHeaderView::Stretch);
    m_dryRunTable->hideColumn(DryRunModel::Playbook); // it is this draft
    m_dryRunTable->setColumnWidth(DryRunModel::Account, 180);
    auto *dryBox = new QGroupBox(tr("Dry run"), this);
    auto *dryBar = new QHBoxLayout;
    dryBar->addWidget(new QLabel(tr("Replay the last"), this));
    dryBar->addWidget(m_dryRunDays);
    dryBar->addWidget(m_dryRunButton);
    dryBar->addWidget(m_dryRunSummary, 1);
    auto *dryLayout = new QVBoxLayout(dryBox);
    dryLayout->addLayout(dryBar);
    dryLayout->addWidget(m_dryRunTable, 1);

    m_save->setObjectName(QStringLiteral("savePlaybookButton"));
    m_save->setDefault(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &PlaybookEditor::save);
    connect(m_dryRunButton, &QPushButton::clicked, this, &PlaybookEditor::runDryRun);

    auto *definition = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    left->addLayout(top);
    left->addWidget(buildTrigger());
    left->addWidget(buildScope());
    left->addStretch(1);
    definition->addLayout(left, 5);
    definition->addWidget(actionsBox, 4);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(definition, 3);
    layout->addWidget(dryBox, 2);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);

    load(initial);
    connect(m_name, &QLineEdit::textChanged, this, &PlaybookEditor::revalidate);
    connect(m_cooldown, &QSpinBox::valueChanged, this, &PlaybookEditor::revalidate);
    connect(m_actions, &PlaybookActionsEditor::changed, this, &PlaybookEditor::revalidate);
    for (QLineEdit *edit : {m_itemId, m_itemName, m_owners, m_arrMin, m_arrMax, m_plans})
        connect(edit, &QLineEdit::textChanged, this, &PlaybookEditor::revalidate);
    for (QComboBox *combo : {m_metric, m_op, m_bandTo, m_bandFrom})
        connect(combo, &QComboBox::currentIndexChanged, this, &PlaybookEditor::revalidate);
    for (QDoubleSpinBox *box : {m_value, m_percent, m_minVolume})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PlaybookEditor::revalidate);
    connect(m_days, &QSpinBox::valueChanged, this, &PlaybookEditor::revalidate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateTriggerFields();
        revalidate();
    });
    updateTriggerFields();
    revalidate();

    m_engine.readStages(this, [this](const QList<LifecycleStage> &stages) { showStages(stages); });
}

PlaybookEditor::~PlaybookEditor() = default;

QWidget *PlaybookEditor::buildTrigger()
{
    auto *box = new QGroupBox(tr("When"), this);
    m_triggerForm = new QFormLayout(box);
    m_kind->setObjectName(QStringLiteral("triggerKindComboBox"));
    m_kind->addItem(tr("A metric crosses a threshold"), int(TriggerKind::Threshold));
    m_kind->addItem(tr("A metric declines"), int(TriggerKind::Decline));
    m_kind->addItem(tr("The health band changes"), int(TriggerKind::BandChanged));
    m_kind->addItem(tr("The account reaches first value"), int(TriggerKind::FirstValueReached));
    m_kind->addItem(tr("Onboarding is stuck (no first value)"), int(TriggerKind::FirstValueMissing));
    m_kind->addItem(tr("A feature's use declines"), int(TriggerKind::FeatureDecline));

    m_metric->setObjectName(QStringLiteral("triggerMetricComboBox"));
    for (const MetricFieldInfo &info : MetricFields::all())
        m_metric->addItem(MetricFields::title(info.field), QString::fromLatin1(info.column));
    m_op->setObjectName(QStringLiteral("triggerComparisonComboBox"));
    m_op->addItem(tr("below"), int(PlaybookTrigger::Op::Below));
    m_op->addItem(tr("above"), int(PlaybookTrigger::Op::Above));
    m_op->addItem(tr("at most"), int(PlaybookTrigger::Op::AtMost));
    m_op->addItem(tr("at least"), int(PlaybookTrigger::Op::AtLeast));
    m_value->setObjectName(QStringLiteral("triggerValueSpinBox"));
    m_value->setRange(-1e12, 1e12);
    m_value->setDecimals(2);
    m_value->setToolTip(tr("Ratios such as stickiness or licence use are fractions: 0.5 is 50%"));
    m_percent->setObjectName(QStringLiteral("triggerPercentSpinBox"));
    m_percent->setRange(0, 100);
    m_percent->setSuffix(tr(" %"));
    m_days->setObjectName(QStringLiteral("triggerDaysSpinBox"));
    m_days->setRange(0, 365);
    m_days->setSuffix(tr(" days"));
    m_minVolume->setObjectName(QStringLiteral("triggerMinVolumeSpinBox"));
    m_minVolume->setRange(0, 1e12);
    m_minVolume->setDecimals(0);
    m_minVolume->setToolTip(tr("Not judged unless the earlier window adds up to at least this much, so a tiny "
                               "account does not flap"));
    m_bandTo->setObjectName(QStringLiteral("triggerBandToComboBox"));
    m_bandFrom->setObjectName(QStringLiteral("triggerBandFromComboBox"));
    m_bandFrom->addItem(tr("Any other band"), -1);
    for (HealthBand band : {HealthBand::Red, HealthBand::Yellow, HealthBand::Green}) {
        m_bandTo->addItem(HealthModel::bandName(band), int(band));
        m_bandFrom->addItem(HealthModel::bandName(band), int(band));
    }
    m_itemId->setObjectName(QStringLiteral("triggerItemIdLineEdit"));
    m_itemId->setValidator(new QIntValidator(1, std::numeric_limits<int>::max(), m_itemId));
    m_itemId->setPlaceholderText(tr("The catalog item's id"));
    m_itemName->setObjectName(QStringLiteral("triggerItemNameLineEdit"));
    m_itemName->setPlaceholderText(tr("Shown in the evidence, e.g. Report builder"));

    m_triggerForm->addRow(tr("Trigger:"), m_kind);
    m_triggerForm->addRow(tr("Metric:"), m_metric);
    m_triggerForm->addRow(tr("Is:"), m_op);
    m_triggerForm->addRow(tr("Value:"), m_value);
    m_triggerForm->addRow(tr("Feature id:"), m_itemId);
    m_triggerForm->addRow(tr("Feature name:"), m_itemName);
    m_triggerForm->addRow(tr("Falls by at least:"), m_percent);
    m_triggerForm->addRow(tr("Window:"), m_days);
    m_triggerForm->addRow(tr("Minimum volume:"), m_minVolume);
    m_triggerForm->addRow(tr("Turns:"), m_bandTo);
    m_triggerForm->addRow(tr("From:"), m_bandFrom);
    return box;
}

QWidget *PlaybookEditor::buildScope()
{
    auto *box = new QGroupBox(tr("For accounts"), this);
    auto *form = new QFormLayout(box);
    auto *stages = new QWidget(box);
    stages->setObjectName(QStringLiteral("scopeStagesWidget"));
    m_stageBoxes = new QHBoxLayout(stages);
    m_stageBoxes->setContentsMargins(0, 0, 0, 0);
    m_stageBoxes->addWidget(new QLabel(tr("Loading stages…"), stages));
    m_stageBoxes->addStretch(1);
    m_owners->setObjectName(QStringLiteral("scopeOwnersLineEdit"));
    m_owners->setPlaceholderText(tr("Any owner; or a comma list, e.g. dana, lee"));
    m_plans->setObjectName(QStringLiteral("scopePlansLineEdit"));
    m_plans->setPlaceholderText(tr("Any plan; or a comma list"));
    m_arrMin->setObjectName(QStringLiteral("scopeArrMinLineEdit"));
    m_arrMax->setObjectName(QStringLiteral("scopeArrMaxLineEdit"));
    for (QLineEdit *edit : {m_arrMin, m_arrMax}) {
        edit->setValidator(new QDoubleValidator(0, 1e15, 2, edit));
        edit->setPlaceholderText(tr("No limit"));
    }
    auto *arr = new QHBoxLayout;
    arr->addWidget(m_arrMin);
    arr->addWidget(new QLabel(tr("to"), box));
    arr->addWidget(m_arrMax);
    form->addRow(tr("Stages:"), stages);
    form->addRow(tr("Owners:"), m_owners);
    form->addRow(tr("ARR:"), arr);
    form->addRow(tr("Plans:"), m_plans);
    form->addRow(new QLabel(tr("No stage ticked and empty fields: every account."), box));
    return box;
}

void PlaybookEditor::load(const Playbook &playbook)
{
    const PlaybookTrigger &trigger = playbook.trigger;
    m_name->setText(playbook.name);
    m_cooldown->setValue(playbook.cooldownDays);
    selectData(m_kind, int(trigger.kind));
    selectData(m_metric, trigger.metric);
    selectData(m_op, int(trigger.op));
    m_value->setValue(trigger.value);
    m_percent->setValue(trigger.percent);
    m_days->setValue(trigger.days);
    m_minVolume->setValue(trigger.minVolume);
    selectData(m_bandTo, int(trigger.to));
    selectData(m_bandFrom, trigger.from ? int(*trigger.from) : -1);
    m_itemId->setText(trigger.item > 0 ? QString::number(trigger.item) : QString());
    m_itemName->setText(trigger.itemName);
    m_owners->setText(playbook.scope.owners.join(QStringLiteral(", ")));
    m_plans->setText(playbook.scope.plans.join(QStringLiteral(", ")));
    m_arrMin->setText(numberText(playbook.scope.arrMin));
    m_arrMax->setText(numberText(playbook.scope.arrMax));
    m_actions->setActions(playbook.actions);
}

void PlaybookEditor::showStages(const QList<LifecycleStage> &stages)
{
    while (QLayoutItem *item = m_stageBoxes->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_stageChecks.clear();
    QStringList known;
    for (const LifecycleStage &stage : stages) {
        auto *check = new QCheckBox(stage.name, m_stageBoxes->parentWidget());
        check->setObjectName(QStringLiteral("scopeStage_%1CheckBox").arg(stage.key));
        check->setProperty("stageKey", stage.key);
        check->setChecked(m_initial.scope.stages.contains(stage.key));
        connect(check, &QCheckBox::toggled, this, &PlaybookEditor::revalidate);
        m_stageBoxes->addWidget(check);
        m_stageChecks << check;
        known << stage.key;
    }
    // Keep stages the definition names that the workspace no longer has, so saving does not drop them.
    for (const QString &key : std::as_const(m_initial.scope.stages)) {
        if (known.contains(key))
            continue;
        auto *check = new QCheckBox(key, m_stageBoxes->parentWidget());
        check->setProperty("stageKey", key);
        check->setChecked(true);
        connect(check, &QCheckBox::toggled, this, &PlaybookEditor::revalidate);
        m_stageBoxes->addWidget(check);
        m_stageChecks << check;
    }
    m_stageBoxes->addStretch(1);
    m_actions->setStages(stages);
    revalidate();
}

void PlaybookEditor::updateTriggerFields()
{
    const auto kind = TriggerKind(m_kind->currentData().toInt());
    const bool threshold = kind == TriggerKind::Threshold;
    const bool decline = kind == TriggerKind::Decline, feature = kind == TriggerKind::FeatureDecline;
    const bool band = kind == TriggerKind::BandChanged;
    m_triggerForm->setRowVisible(m_metric, threshold || decline);
    m_triggerForm->setRowVisible(m_op, threshold);
    m_triggerForm->setRowVisible(m_value, threshold);
    m_triggerForm->setRowVisible(m_itemId, feature);
    m_triggerForm->setRowVisible(m_itemName, feature);
    m_triggerForm->setRowVisible(m_percent, decline || feature);
    m_triggerForm->setRowVisible(m_days, decline || feature || kind == TriggerKind::FirstValueMissing);
    m_triggerForm->setRowVisible(m_minVolume, decline || feature);
    m_triggerForm->setRowVisible(m_bandTo, band);
    m_triggerForm->setRowVisible(m_bandFrom, band);
    if (auto *label = qobject_cast<QLabel *>(m_triggerForm->labelForField(m_days)))
        label->setText(kind == TriggerKind::FirstValueMissing ? tr("Stuck after:") : tr("Each window:"));
}

Playbook PlaybookEditor::playbook() const
{
    Playbook playbook = m_initial;
    playbook.name = m_name->text().trimmed();
    playbook.cooldownDays = m_cooldown->value();
    PlaybookTrigger &trigger = playbook.trigger;
    trigger.kind = TriggerKind(m_kind->currentData().toInt());
    switch (trigger.kind) {
    case TriggerKind::Threshold:
        trigger.metric = m_metric->currentData().toString();
        trigger.op = PlaybookTrigger::Op(m_op->currentData().toInt());
        trigger.value = m_value->value();
        break;
    case TriggerKind::Decline:
        trigger.metric = m_metric->currentData().toString();
        [[fallthrough]];
    case TriggerKind::FeatureDecline:
        trigger.percent = m_percent->value();
        trigger.days = m_days->value();
        trigger.minVolume = m_minVolume->value();
        if (trigger.kind == TriggerKind::FeatureDecline) {
            trigger.item = m_itemId->text().toLongLong();
            trigger.itemName = m_itemName->text().trimmed();
        }
        break;
    case TriggerKind::BandChanged: {
        trigger.to = HealthBand(m_bandTo->currentData().toInt());
        const int from = m_bandFrom->currentData().toInt();
        trigger.from = from >= 0 ? std::optional<HealthBand>(HealthBand(from)) : std::nullopt;
        break;
    }
    case TriggerKind::FirstValueMissing:
        trigger.days = m_days->value();
        break;
    case TriggerKind::FirstValueReached:
        break;
    }
    if (!m_stageChecks.isEmpty()) { // before the stages arrive, the stored ones stand
        playbook.scope.stages.clear();
        for (const QCheckBox *check : m_stageChecks)
            if (check->isChecked())
                playbook.scope.stages << check->property("stageKey").toString();
    }
    playbook.scope.owners = commaList(m_owners->text());
    playbook.scope.plans = commaList(m_plans->text());
    playbook.scope.arrMin = optionalNumber(m_arrMin);
    playbook.scope.arrMax = optionalNumber(m_arrMax);
    playbook.actions = m_actions->actions();
    return playbook;
}

void PlaybookEditor::revalidate()
{
    const Playbook draft = playbook();
    m_currentProblems = draft.validate();
    if (draft.scope.arrMin && draft.scope.arrMax && *draft.scope.arrMin > *draft.scope.arrMax)
        m_currentProblems << tr("The ARR range starts above its end.");
    m_problems->setText(m_currentProblems.isEmpty() ? QString() : u"⚠ " + m_currentProblems.join(u"\n⚠ "));
    m_problems->setVisible(!m_currentProblems.isEmpty());
    m_save->setEnabled(m_currentProblems.isEmpty() && !m_busy);
    m_dryRunButton->setEnabled(m_currentProblems.isEmpty() && !m_busy);
}

void PlaybookEditor::runDryRun()
{
    if (!m_currentProblems.isEmpty())
        return;
    m_dryRun->setResults({});
    m_dryRunSummary->setText(tr("Replaying the draft over the last %n day(s)…", nullptr, m_dryRunDays->value()));
    m_dryRunButton->setEnabled(false);
    m_engine.dryRun({playbook()}, m_dryRunDays->value(), this,
                    [this](const QList<DryRunResult> &results, const QString &error) {
                        m_dryRun->setResults(results);
                        m_dryRunSummary->setText(error.isEmpty() ? m_dryRun->summary()
                                                                 : tr("The dry run failed: %1").arg(error));
                        revalidate();
                        Q_EMIT dryRunShown();
                    });
}

void PlaybookEditor::save()
{
    revalidate();
    if (!m_currentProblems.isEmpty() || m_busy)
        return;
    m_busy = true;
    revalidate();
    m_engine.save(playbook(), desktopActor, this, [this](qint64 id, const QString &error) {
        m_busy = false;
        if (!error.isEmpty()) {
            revalidate();
            m_problems->setText(tr("The playbook was not saved: %1").arg(error));
            m_problems->setVisible(true);
            return;
        }
        Q_EMIT saved(id);
        accept();
    });
}
