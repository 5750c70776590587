#include "ReportsPanel.h"

#include "ColumnMappingWidget.h"
#include "MappingController.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

ReportsPanel::ReportsPanel(MappingController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_reportCombo(new QComboBox(this))
    , m_previewButton(new QPushButton(tr("Preview"), this))
    , m_statusLabel(new QLabel(this))
    , m_previewTable(new QTableWidget(this))
    , m_columns(new ColumnMappingWidget(this))
    , m_keepButton(new QPushButton(tr("Map this report"), this))
    , m_mappedList(new QListWidget(this))
    , m_removeButton(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("reportsPanelWidget"));
    m_reportCombo->setObjectName(QStringLiteral("reportComboBox"));
    m_reportCombo->setMinimumContentsLength(30);
    m_previewButton->setObjectName(QStringLiteral("previewPushButton"));
    m_previewButton->setAutoDefault(false);
    m_statusLabel->setObjectName(QStringLiteral("previewStatusLabel"));
    m_statusLabel->setWordWrap(true);
    m_previewTable->setObjectName(QStringLiteral("previewTableWidget"));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_keepButton->setObjectName(QStringLiteral("keepMappingPushButton"));
    m_keepButton->setAutoDefault(false);
    m_mappedList->setObjectName(QStringLiteral("mappedReportsListWidget"));
    m_mappedList->setWordWrap(true);
    m_removeButton->setObjectName(QStringLiteral("removeMappingPushButton"));
    m_removeButton->setAutoDefault(false);

    auto *intro = new QLabel(tr("Turn the rows of a saved Pendo report into custom metrics: preview the report, "
                                "choose the column with the account or visitor id and the columns to keep."),
                             this);
    intro->setWordWrap(true);
    auto *picker = new QHBoxLayout;
    picker->addWidget(new QLabel(tr("Report:"), this));
    picker->addWidget(m_reportCombo, 1);
    picker->addWidget(m_previewButton);

    auto *mapped = new QGroupBox(tr("Mapped reports"), this);
    auto *mappedLayout = new QVBoxLayout(mapped);
    mappedLayout->addWidget(m_mappedList);
    mappedLayout->addWidget(m_removeButton, 0, Qt::AlignRight);

    auto *columnsBox = new QGroupBox(tr("Columns"), this);
    auto *columnsLayout = new QVBoxLayout(columnsBox);
    columnsLayout->addWidget(m_columns, 1);
    columnsLayout->addWidget(m_keepButton, 0, Qt::AlignRight);

    auto *lower = new QHBoxLayout;
    lower->addWidget(columnsBox, 3);
    lower->addWidget(mapped, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(intro);
    layout->addLayout(picker);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_previewTable, 2);
    layout->addLayout(lower, 3);

    connect(m_previewButton, &QPushButton::clicked, this, &ReportsPanel::preview);
    connect(m_keepButton, &QPushButton::clicked, this, &ReportsPanel::keepMapping);
    connect(m_reportCombo, &QComboBox::currentIndexChanged, this, &ReportsPanel::showStoredMapping);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_mappedList->currentItem())
            m_controller.removeReportMapping(item->data(Qt::UserRole).toString());
    });
    connect(m_mappedList, &QListWidget::currentRowChanged, this, [this] {
        if (QListWidgetItem *item = m_mappedList->currentItem())
            m_reportCombo->setCurrentIndex(m_reportCombo->findData(item->data(Qt::UserRole)));
        m_removeButton->setEnabled(m_mappedList->currentItem() != nullptr);
    });
    connect(&m_controller, &MappingController::loaded, this, &ReportsPanel::reloadReports);
    connect(&m_controller, &MappingController::configChanged, this, &ReportsPanel::syncMappedList);
    setClient(nullptr);
    reloadReports();
    syncMappedList();
}

void ReportsPanel::setClient(PendoClient *client)
{
    delete m_preview;
    if (client) {
        m_preview = new ReportPreview(*client, this);
        connect(m_preview, &ReportPreview::finished, this, [this](const QString &, const PreviewResult &result) {
            m_previewButton->setEnabled(true);
            m_statusLabel->setText(tr("Rows in the report: %L1.").arg(result.rows.size()));
            ColumnMappingWidget::fillPreview(m_previewTable, result);
            m_columns->setColumns(result.columns);
        });
        connect(m_preview, &ReportPreview::failed, this, [this](const QString &, const QString &message) {
            m_previewButton->setEnabled(true);
            m_statusLabel->setText(tr("The preview failed: %1").arg(message));
        });
    }
    m_previewButton->setEnabled(client != nullptr);
    m_previewButton->setToolTip(client ? QString() : tr("Connect to Pendo to preview reports."));
}

void ReportsPanel::reloadReports()
{
    const QString current = m_reportCombo->currentData().toString();
    m_reportCombo->clear();
    for (const MappableItem &report : m_controller.catalog().itemsOf({QStringLiteral("report")}))
        m_reportCombo->addItem(report.name, report.pendoId);
    if (m_reportCombo->count() == 0)
        m_statusLabel->setText(tr("No saved reports in the catalog yet — refresh the Pendo catalog."));
    const int index = m_reportCombo->findData(current);
    if (index >= 0)
        m_reportCombo->setCurrentIndex(index);
}

void ReportsPanel::syncMappedList()
{
    const QString current = m_mappedList->currentItem() ? m_mappedList->currentItem()->data(Qt::UserRole).toString() : QString();
    m_mappedList->clear();
    for (const ReportMapping &mapping : m_controller.config().reports) {
        QStringList names;
        for (const ValueColumn &value : mapping.values)
            names << value.name;
        auto *item = new QListWidgetItem(tr("%1 → %2").arg(mapping.reportName.isEmpty() ? mapping.reportId : mapping.reportName,
                                                            names.join(QStringLiteral(", "))),
                                         m_mappedList);
        item->setData(Qt::UserRole, mapping.reportId);
        item->setToolTip(item->text());
        if (mapping.reportId == current)
            m_mappedList->setCurrentItem(item);
    }
    m_removeButton->setEnabled(m_mappedList->currentItem() != nullptr);
}

void ReportsPanel::showStoredMapping()
{
    const QString reportId = m_reportCombo->currentData().toString();
    m_previewTable->clear();
    m_previewTable->setRowCount(0);
    m_previewTable->setColumnCount(0);
    for (const ReportMapping &mapping : m_controller.config().reports) {
        if (mapping.reportId == reportId) {
            m_columns->setMapping(mapping.object, mapping.idColumn, mapping.values);
            return;
        }
    }
    m_columns->clear();
}

void ReportsPanel::preview()
{
    const QString reportId = m_reportCombo->currentData().toString();
    if (!m_preview || reportId.isEmpty())
        return;
    m_previewButton->setEnabled(false);
    m_statusLabel->setText(tr("Reading the report from Pendo…"));
    m_preview->start(reportId);
}

void ReportsPanel::keepMapping()
{
    ReportMapping mapping;
    mapping.reportId = m_reportCombo->currentData().toString();
    mapping.reportName = m_reportCombo->currentText();
    QString error;
    if (mapping.reportId.isEmpty()) {
        m_statusLabel->setText(tr("Choose a report first."));
        return;
    }
    if (!m_columns->mapping(&mapping.object, &mapping.idColumn, &mapping.values, &error)) {
        m_statusLabel->setText(error);
        return;
    }
    m_controller.setReportMapping(mapping);
    m_statusLabel->setText(tr("“%1” is mapped.").arg(mapping.reportName));
}
