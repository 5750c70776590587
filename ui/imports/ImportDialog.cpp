#include "ImportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

enum MappingColumn { FileColumn, TargetColumn, SampleColumn };

} // namespace

ImportDialog::ImportDialog(WorkspaceSession &session, RecordKind kind, QWidget *parent)
    : QDialog(parent)
    , m_controller(session)
    , m_fileLabel(new QLabel(tr("No file chosen yet."), this))
    , m_kindCombo(new QComboBox(this))
    , m_mappingTable(new QTableWidget(this))
    , m_previewView(new QTableView(this))
    , m_previewModel(new QStandardItemModel(this))
    , m_summaryLabel(new QLabel(this))
    , m_issuesList(new QListWidget(this))
    , m_skipInvalid(new QCheckBox(tr("Skip invalid rows and write them to a reject file"), this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_importButton(m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole))
{
    setWindowTitle(tr("Import customer records"));
    setObjectName(QStringLiteral("importDialog"));
    resize(960, 680);
    m_controller.setKind(kind);

    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *chooseButton = new QPushButton(tr("Choose file…"), this);
    chooseButton->setObjectName(QStringLiteral("chooseFilePushButton"));
    m_kindCombo->setObjectName(QStringLiteral("kindComboBox"));
    m_kindCombo->addItem(CsFields::kindLabel(RecordKind::Accounts), QVariant::fromValue(RecordKind::Accounts));
    m_kindCombo->addItem(CsFields::kindLabel(RecordKind::Contacts), QVariant::fromValue(RecordKind::Contacts));
    m_kindCombo->setCurrentIndex(kind == RecordKind::Accounts ? 0 : 1);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(chooseButton);
    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("Import as:"), m_kindCombo);

    m_mappingTable->setObjectName(QStringLiteral("mappingTableWidget"));
    m_mappingTable->setColumnCount(3);
    m_mappingTable->setHorizontalHeaderLabels({tr("Column in the file"), tr("Imports as"), tr("First value")});
    m_mappingTable->horizontalHeader()->setSectionResizeMode(FileColumn, QHeaderView::ResizeToContents);
    m_mappingTable->horizontalHeader()->setStretchLastSection(true);
    m_mappingTable->verticalHeader()->hide();
    m_mappingTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappingTable->setSelectionMode(QAbstractItemView::NoSelection);

    m_previewView->setObjectName(QStringLiteral("previewTableView"));
    m_previewView->setModel(m_previewModel);
    m_previewView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *mappingBox = new QGroupBox(tr("Column mapping"), this);
    auto *mappingLayout = new QVBoxLayout(mappingBox);
    mappingLayout->addWidget(m_mappingTable);
    auto *previewBox = new QGroupBox(tr("Preview of the first rows"), this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->addWidget(m_previewView);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(mappingBox);
    splitter->addWidget(previewBox);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({480, 480});

    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    m_summaryLabel->setWordWrap(true);
    m_issuesList->setObjectName(QStringLiteral("issuesListWidget"));
    m_issuesList->setMaximumHeight(160);
    m_skipInvalid->setObjectName(QStringLiteral("skipInvalidCheckBox"));
    m_progress->setObjectName(QStringLiteral("importProgressBar"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_importButton->setObjectName(QStringLiteral("importPushButton"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closePushButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_issuesList);
    layout->addWidget(m_skipInvalid);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(chooseButton, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_kindCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_controller.setKind(m_kindCombo->currentData().value<RecordKind>());
    });
    connect(m_skipInvalid, &QCheckBox::toggled, this, &ImportDialog::updateButtons);
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_controller.state() == ImportController::State::Importing)
            m_controller.cancel();
        else
            reject();
    });
    connect(&m_controller, &ImportController::previewChanged, this, &ImportDialog::rebuildPreview);
    connect(&m_controller, &ImportController::mappingChanged, this, &ImportDialog::rebuildMapping);
    connect(&m_controller, &ImportController::progress, m_progress, &QProgressBar::setValue);
    connect(&m_controller, &ImportController::validated, this, &ImportDialog::showReport);
    connect(&m_controller, &ImportController::imported, this, &ImportDialog::showImported);
    connect(&m_controller, &ImportController::stateChanged, this, &ImportDialog::updateButtons);
    connect(&m_controller, &ImportController::failed, this, [this](const QString &message) {
        m_summaryLabel->setText(message);
        m_issuesList->clear();
        updateButtons();
    });
    updateButtons();
}

void ImportDialog::openFile(const QString &path)
{
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    m_issuesList->clear();
    m_progress->setValue(0);
    m_controller.setFile(path);
}

void ImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose a CSV file"), QString(),
                                                      tr("CSV files (*.csv *.txt);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

int ImportDialog::comboIndexFor(const ColumnTarget &target) const
{
    if (target.kind == ColumnTarget::Kind::Ignore)
        return 0;
    if (target.kind == ColumnTarget::Kind::Custom)
        return 1;
    const QList<FieldSpec> &fields = CsFields::fields(m_controller.kind());
    for (int i = 0; i < fields.size(); ++i) {
        if (fields.at(i).key == target.key)
            return i + 2;
    }
    return 0;
}

ColumnTarget ImportDialog::targetForCombo(int column, int comboIndex) const
{
    if (comboIndex <= 0)
        return ColumnTarget::ignore();
    if (comboIndex == 1)
        return ColumnTarget::custom(m_controller.mapping().headers().at(column).trimmed());
    return ColumnTarget::field(CsFields::fields(m_controller.kind()).at(comboIndex - 2).key);
}

void ImportDialog::rebuildMapping()
{
    const ColumnMapping &mapping = m_controller.mapping();
    const ImportPreview &preview = m_controller.preview();
    if (m_mappingTable->rowCount() != mapping.columnCount() || m_comboKind != m_controller.kind()) {
        m_comboKind = m_controller.kind();
        m_mappingTable->setRowCount(int(mapping.columnCount()));
        for (int column = 0; column < mapping.columnCount(); ++column) {
            auto *combo = new QComboBox(m_mappingTable);
            combo->setObjectName(QStringLiteral("targetComboBox_%1").arg(column));
            combo->addItem(tr("Don't import"));
            combo->addItem(tr("Custom field"));
            for (const FieldSpec &field : CsFields::fields(m_controller.kind()))
                combo->addItem(field.required ? tr("%1 (required)").arg(CsFields::label(field))
                                              : CsFields::label(field));
            connect(combo, &QComboBox::activated, this, [this, column](int index) {
                m_controller.setTarget(column, targetForCombo(column, index));
            });
            m_mappingTable->setCellWidget(column, TargetColumn, combo);
            // Cell widgets do not take part in ResizeToContents; size the column for the widest choice.
            m_mappingTable->setColumnWidth(TargetColumn,
                                           std::max(m_mappingTable->columnWidth(TargetColumn), combo->sizeHint().width()));
        }
    }
    for (int column = 0; column < mapping.columnCount(); ++column) {
        m_mappingTable->setItem(column, FileColumn, new QTableWidgetItem(mapping.headers().at(column)));
        const QString sample = preview.rows.isEmpty() || column >= preview.rows.first().size()
                                   ? QString()
                                   : preview.rows.first().at(column);
        m_mappingTable->setItem(column, SampleColumn, new QTableWidgetItem(sample));
        auto *combo = qobject_cast<QComboBox *>(m_mappingTable->cellWidget(column, TargetColumn));
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(comboIndexFor(mapping.target(column)));
    }
    rebuildPreview();
}

void ImportDialog::rebuildPreview()
{
    const ImportPreview &preview = m_controller.preview();
    const ColumnMapping &mapping = m_controller.mapping();
    m_previewModel->clear();
    QStringList labels;
    for (int column = 0; column < preview.headers.size(); ++column) {
        const ColumnTarget target = column < mapping.columnCount() ? mapping.target(column) : ColumnTarget();
        QString goesTo;
        if (target.kind == ColumnTarget::Kind::Field) {
            const FieldSpec *field = CsFields::find(mapping.kind(), target.key);
            goesTo = field ? CsFields::label(*field) : target.key;
        } else if (target.kind == ColumnTarget::Kind::Custom) {
            goesTo = tr("custom: %1").arg(target.key);
        } else {
            goesTo = tr("not imported");
        }
        labels << tr("%1\n→ %2").arg(preview.headers.at(column), goesTo);
    }
    m_previewModel->setColumnCount(int(labels.size()));
    m_previewModel->setHorizontalHeaderLabels(labels);
    for (const QStringList &row : preview.rows) {
        QList<QStandardItem *> items;
        for (const QString &value : row)
            items << new QStandardItem(value);
        m_previewModel->appendRow(items);
    }
}

void ImportDialog::showReport(const ImportReport &report)
{
    m_issuesList->clear();
    m_progress->setValue(report.canceled ? 0 : 100);
    if (report.canceled) {
        m_summaryLabel->setText(tr("Validation was canceled."));
    } else if (!report.fatalError.isEmpty()) {
        m_summaryLabel->setText(report.fatalError);
    } else if (!report.hasRowErrors()) {
        m_summaryLabel->setText(tr("Rows checked: %L1. All are valid and ready to import.").arg(report.rowsRead));
    } else {
        m_summaryLabel->setText(tr("%L1 of %L2 rows have problems. Fix the file or the mapping, or skip the invalid "
                                   "rows; nothing has been written.")
                                    .arg(report.rejected)
                                    .arg(report.rowsRead));
        for (const RowError &error : report.errors)
            m_issuesList->addItem(error.toString());
        if (report.errorCount > report.errors.size())
            m_issuesList->addItem(tr("Further problems not listed: %L1").arg(report.errorCount - report.errors.size()));
    }
    updateButtons();
}

void ImportDialog::showImported(const ImportReport &report)
{
    if (report.written) {
        QString text = tr("Imported: %L1 new, %L2 updated.").arg(report.inserted).arg(report.updated);
        if (report.rejected > 0)
            text += u' '
                    + tr("Invalid rows skipped: %L1; they are in %2 with the reason for each.")
                          .arg(report.rejected)
                          .arg(QDir::toNativeSeparators(report.rejectFilePath));
        m_summaryLabel->setText(text);
        m_progress->setValue(100);
        Q_EMIT importFinished(m_controller.kind());
    } else {
        m_summaryLabel->setText(report.canceled ? tr("The import was canceled. Nothing was imported.")
                                                : report.fatalError);
        m_progress->setValue(0);
    }
    updateButtons();
}

void ImportDialog::updateButtons()
{
    const ImportController::State state = m_controller.state();
    const bool busy = state == ImportController::State::Validating || state == ImportController::State::Importing;
    m_importButton->setEnabled(m_controller.canImport(m_skipInvalid->isChecked()));
    m_kindCombo->setEnabled(!busy);
    m_mappingTable->setEnabled(state != ImportController::State::Importing);
    m_skipInvalid->setEnabled(state != ImportController::State::Importing);
    m_buttons->button(QDialogButtonBox::Close)
        ->setText(state == ImportController::State::Importing ? tr("Cancel") : tr("Close"));
    if (state == ImportController::State::Validating)
        m_summaryLabel->setText(tr("Checking every row…"));
    else if (state == ImportController::State::Importing)
        m_summaryLabel->setText(tr("Importing…"));
}

void ImportDialog::startImport()
{
    ImportOptions options;
    options.skipInvalid = m_skipInvalid->isChecked();
    options.actor = QStringLiteral("desktop");
    m_progress->setValue(0);
    m_controller.startImport(options);
}
