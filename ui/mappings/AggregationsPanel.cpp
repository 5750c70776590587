#include "AggregationsPanel.h"

#include "ColumnMappingWidget.h"
#include "MappingController.h"

#include <QDateEdit>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

const char *const examplePipeline =
    "[\n"
    "  {\"source\": {\"featureEvents\": null,\n"
    "              \"timeSeries\": {\"period\": \"dayRange\", \"first\": \"now()\", \"count\": -1}}},\n"
    "  {\"group\": {\"group\": [\"accountId\", \"day\"],\n"
    "             \"fields\": {\"featureClicks\": {\"sum\": \"numEvents\"},\n"
    "                        \"activeUsers\": {\"count\": \"visitorId\"}}}}\n"
    "]\n";

/** A titled box that `content` fills, with `button` below it on the right. */
QGroupBox *boxWithButton(const QString &title, QWidget *content, QPushButton *button, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content, 1);
    layout->addWidget(button, 0, Qt::AlignRight);
    return box;
}

} // namespace

AggregationsPanel::AggregationsPanel(MappingController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_nameEdit(new QLineEdit(this))
    , m_pipelineEdit(new QPlainTextEdit(this))
    , m_validationLabel(new QLabel(this))
    , m_dayEdit(new QDateEdit(QDate::currentDate().addDays(-1), this))
    , m_accountEdit(new QLineEdit(this))
    , m_dryRunButton(new QPushButton(tr("Dry run"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_statusLabel(new QLabel(this))
    , m_resultTable(new QTableWidget(this))
    , m_columns(new ColumnMappingWidget(this))
    , m_keepButton(new QPushButton(tr("Map this aggregation"), this))
    , m_mappedList(new QListWidget(this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("aggregationsPanelWidget"));
    m_nameEdit->setObjectName(QStringLiteral("aggregationNameLineEdit"));
    m_nameEdit->setPlaceholderText(tr("e.g. Feature clicks"));
    m_pipelineEdit->setObjectName(QStringLiteral("pipelineTextEdit"));
    m_pipelineEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pipelineEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_pipelineEdit->setPlainText(QString::fromUtf8(examplePipeline));
    m_validationLabel->setObjectName(QStringLiteral("pipelineStatusLabel"));
    m_validationLabel->setWordWrap(true);
    m_dayEdit->setObjectName(QStringLiteral("dryRunDateEdit"));
    m_dayEdit->setCalendarPopup(true);
    m_dayEdit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_accountEdit->setObjectName(QStringLiteral("dryRunAccountLineEdit"));
    m_accountEdit->setPlaceholderText(tr("Pendo account id"));
    m_accountEdit->setMinimumWidth(m_accountEdit->fontMetrics().horizontalAdvance(QLatin1Char(u'M')) * 10);
    m_dryRunButton->setObjectName(QStringLiteral("dryRunPushButton"));
    m_cancelButton->setObjectName(QStringLiteral("cancelDryRunPushButton"));
    m_statusLabel->setObjectName(QStringLiteral("dryRunStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_resultTable->setObjectName(QStringLiteral("resultTableWidget"));
    m_resultTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keepButton->setObjectName(QStringLiteral("keepMappingPushButton"));
    m_mappedList->setObjectName(QStringLiteral("mappedAggregationsListWidget"));
    m_mappedList->setWordWrap(true);
    m_removeButton->setObjectName(QStringLiteral("removeMappingPushButton"));
    for (QPushButton *button : {m_dryRunButton, m_cancelButton, m_keepButton, m_removeButton})
        button->setAutoDefault(false);

    auto *editorBox = new QGroupBox(tr("Pipeline"), this);
    auto *form = new QFormLayout;
    form->addRow(tr("Metric set name:"), m_nameEdit);
    auto *editorLayout = new QVBoxLayout(editorBox);
    editorLayout->addLayout(form);
    editorLayout->addWidget(m_pipelineEdit, 1);
    editorLayout->addWidget(m_validationLabel);

    auto *mappedBox = boxWithButton(tr("Mapped aggregations"), m_mappedList, m_removeButton, this);

    auto *upper = new QHBoxLayout;
    upper->addWidget(editorBox, 4);
    upper->addWidget(mappedBox, 1);

    auto *runRow = new QHBoxLayout;
    runRow->addWidget(new QLabel(tr("Day:"), this));
    runRow->addWidget(m_dayEdit);
    runRow->addWidget(new QLabel(tr("Account:"), this));
    runRow->addWidget(m_accountEdit, 1);
    runRow->addWidget(m_dryRunButton);
    runRow->addWidget(m_cancelButton);

    auto *resultBox = new QGroupBox(tr("Dry run"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    resultLayout->addLayout(runRow);
    resultLayout->addWidget(m_statusLabel);
    resultLayout->addWidget(m_resultTable, 1);

    auto *columnsBox = boxWithButton(tr("Columns"), m_columns, m_keepButton, this);

    auto *lower = new QHBoxLayout;
    lower->addWidget(resultBox, 2);
    lower->addWidget(columnsBox, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(upper, 1);
    layout->addLayout(lower, 1);

    connect(m_pipelineEdit, &QPlainTextEdit::textChanged, this, &AggregationsPanel::validate);
    connect(m_accountEdit, &QLineEdit::textChanged, this, &AggregationsPanel::validate);
    connect(m_dryRunButton, &QPushButton::clicked, this, &AggregationsPanel::startDryRun);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_dryRun)
            m_dryRun->cancel();
    });
    connect(m_keepButton, &QPushButton::clicked, this, &AggregationsPanel::keepMapping);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_mappedList->currentItem())
            m_controller.removeAggregationMapping(item->data(Qt::UserRole).toString());
    });
    connect(m_mappedList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { editMapping(item->data(Qt::UserRole).toString()); });
    connect(m_mappedList, &QListWidget::currentRowChanged, this,
            [this] { m_removeButton->setEnabled(m_mappedList->currentItem() != nullptr); });
    connect(&m_controller, &MappingController::configChanged, this, &AggregationsPanel::syncMappedList);
    setClient(nullptr);
    setBusy(false);
    validate();
    syncMappedList();
}

void AggregationsPanel::setClient(PendoClient *client)
{
    delete m_dryRun;
    if (client) {
        m_dryRun = new AggregationDryRun(*client, this);
        m_dryRun->setTimeZone(m_zone);
        connect(m_dryRun, &AggregationDryRun::finished, this, [this](const PreviewResult &result) {
            setBusy(false);
            m_statusLabel->setText(result.rows.isEmpty()
                                       ? tr("No rows for this account on this day. Try a day the account was active.")
                                       : tr("Rows: %L1. The columns were inferred from them.").arg(result.rows.size()));
            ColumnMappingWidget::fillPreview(m_resultTable, result);
            if (!result.columns.isEmpty())
                m_columns->setColumns(result.columns);
        });
        connect(m_dryRun, &AggregationDryRun::failed, this, [this](const QString &message) {
            setBusy(false);
            m_statusLabel->setText(tr("Pendo refused the pipeline: %1").arg(message));
        });
        connect(m_dryRun, &AggregationDryRun::canceled, this, [this] {
            setBusy(false);
            m_statusLabel->setText(tr("Dry run canceled."));
        });
    }
    setBusy(false);
}

void AggregationsPanel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (m_dryRun)
        m_dryRun->setTimeZone(zone);
}

void AggregationsPanel::validate()
{
    QString error;
    m_valid = dryrun::parsePipeline(m_pipelineEdit->toPlainText(), &error).has_value();
    m_validationLabel->setText(m_valid ? tr("✓ The pipeline is valid.") : error);
    m_validationLabel->setStyleSheet(m_valid ? QStringLiteral("color: #1b6e3a;") : QStringLiteral("color: #b3261e;"));
    setBusy(m_dryRun && m_dryRun->isRunning());
}

void AggregationsPanel::setBusy(bool busy)
{
    m_dryRunButton->setEnabled(!busy && m_valid && m_dryRun && !m_accountEdit->text().trimmed().isEmpty());
    m_dryRunButton->setToolTip(m_dryRun ? QString() : tr("Connect to Pendo to run a dry run."));
    m_cancelButton->setVisible(busy);
    m_pipelineEdit->setReadOnly(busy);
    if (busy)
        m_statusLabel->setText(tr("Running the pipeline in Pendo for one day and one account…"));
}

void AggregationsPanel::startDryRun()
{
    if (!m_dryRun)
        return;
    QString error;
    if (!m_dryRun->start(m_pipelineEdit->toPlainText(), m_dayEdit->date(), m_accountEdit->text(), &error)) {
        m_statusLabel->setText(error);
        return;
    }
    setBusy(true);
}

void AggregationsPanel::syncMappedList()
{
    m_mappedList->clear();
    for (const AggregationMapping &mapping : m_controller.config().aggregations) {
        auto *item = new QListWidgetItem(tr("%1 — values: %2").arg(mapping.name).arg(mapping.values.size()),
                                         m_mappedList);
        item->setData(Qt::UserRole, mapping.name);
        item->setToolTip(tr("Double-click to edit"));
    }
    m_removeButton->setEnabled(false);
}

void AggregationsPanel::editMapping(const QString &name)
{
    for (const AggregationMapping &mapping : m_controller.config().aggregations) {
        if (mapping.name == name) {
            m_nameEdit->setText(mapping.name);
            m_pipelineEdit->setPlainText(QString::fromUtf8(QJsonDocument(mapping.pipeline).toJson(QJsonDocument::Indented)));
            m_columns->setMapping(mapping.object, mapping.idColumn, mapping.values);
            return;
        }
    }
}

void AggregationsPanel::keepMapping()
{
    AggregationMapping mapping;
    mapping.name = m_nameEdit->text().trimmed();
    QString error;
    const auto pipeline = dryrun::parsePipeline(m_pipelineEdit->toPlainText(), &error);
    if (mapping.name.isEmpty())
        error = tr("Give the metric set a name.");
    if (!pipeline || mapping.name.isEmpty()
        || !m_columns->mapping(&mapping.object, &mapping.idColumn, &mapping.values, &error)) {
        m_statusLabel->setText(error);
        return;
    }
    mapping.pipeline = *pipeline;
    m_controller.setAggregationMapping(mapping);
    m_statusLabel->setText(tr("“%1” is mapped.").arg(mapping.name));
}
