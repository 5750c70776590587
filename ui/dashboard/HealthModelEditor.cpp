#include "HealthModelEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace {

enum Column { Metric, Weight, ZeroAt, YellowAt, GreenAt, FullAt, ColumnCount };

QDoubleSpinBox *numberBox(double value, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(2);
    box->setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    box->setValue(value);
    box->setFrame(false);
    return box;
}

double number(QTableWidget *table, int row, int column)
{
    return static_cast<QDoubleSpinBox *>(table->cellWidget(row, column))->value();
}

} // namespace

HealthModelEditor::HealthModelEditor(const HealthModel &initial, int version, const QStringList &customMetrics,
                                     QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_yellowFrom(new QDoubleSpinBox(this))
    , m_greenFrom(new QDoubleSpinBox(this))
    , m_summary(new QLineEdit(this))
    , m_problems(new QLabel(this))
    , m_save(new QPushButton(tr("Save as New Version"), this))
{
    setObjectName(QStringLiteral("healthModelEditor"));
    setWindowTitle(tr("Health Score Model"));
    for (const MetricFieldInfo &info : MetricFields::all())
        m_metrics << QString::fromLatin1(info.column);
    for (const QString &custom : customMetrics)
        m_metrics << QStringLiteral("custom:") + custom;
    for (const HealthInput &input : initial.inputs)
        if (!m_metrics.contains(input.metric))
            m_metrics << input.metric;

    const QString edited = version > 0 ? tr("Editing version %1 of the health model.").arg(version)
                                       : tr("Editing the built-in health model.");
    auto *intro = new QLabel(edited + u' ' + tr("Each input earns 0–100 points: 0 at the first value, 40 (yellow) at the "
                                "second, 70 (green) at the third and 100 at the last, in a line between them; the values "
                                "may fall for inputs where less is better. An input without a value on a day drops out "
                                "and the other weights re-normalise. Saving makes a new version that scores the days "
                                "from the last computed one on; earlier days keep their scores."),
                             this);
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("healthInputsTable"));
    m_table->setHorizontalHeaderLabels({tr("Input"), tr("Weight"), tr("0 points at"), tr("Yellow (40) at"),
                                        tr("Green (70) at"), tr("100 points at")});
    m_table->horizontalHeader()->setSectionResizeMode(Metric, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (const HealthInput &input : initial.inputs)
        addInput(input);

    auto *add = new QPushButton(tr("Add Input"), this);
    add->setObjectName(QStringLiteral("addInputButton"));
    auto *remove = new QPushButton(tr("Remove Input"), this);
    remove->setObjectName(QStringLiteral("removeInputButton"));
    connect(add, &QPushButton::clicked, this,
            [this] { addInput({QStringLiteral("mau"), 10, 0, 5, 10, 20}); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0) {
            m_table->removeRow(row);
            revalidate();
        }
    });
    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch(1);

    for (QDoubleSpinBox *box : {m_yellowFrom, m_greenFrom}) {
        box->setRange(0, 100);
        box->setDecimals(1);
        connect(box, &QDoubleSpinBox::valueChanged, this, &HealthModelEditor::revalidate);
    }
    m_yellowFrom->setObjectName(QStringLiteral("yellowFromSpinBox"));
    m_greenFrom->setObjectName(QStringLiteral("greenFromSpinBox"));
    m_yellowFrom->setValue(initial.yellowFrom);
    m_greenFrom->setValue(initial.greenFrom);
    m_summary->setObjectName(QStringLiteral("modelSummaryLineEdit"));
    m_summary->setPlaceholderText(tr("What changed and why, e.g. \"Weigh core adoption more\""));
    auto *form = new QFormLayout;
    form->addRow(tr("Yellow from score:"), m_yellowFrom);
    form->addRow(tr("Green from score:"), m_greenFrom);
    form->addRow(tr("Summary:"), m_summary);

    m_problems->setObjectName(QStringLiteral("modelProblemsLabel"));
    m_problems->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("saveModelButton"));
    auto *backtest = new QPushButton(tr("Backtest Draft…"), this);
    backtest->setObjectName(QStringLiteral("backtestDraftButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(backtest, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(backtest, &QPushButton::clicked, this, [this] {
        if (problems().isEmpty())
            Q_EMIT backtestRequested(model());
    });
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (!problems().isEmpty())
            return;
        Q_EMIT saveRequested(model(), summary());
        accept();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(rowButtons);
    layout->addLayout(form);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(900, 520);
    revalidate();
}

void HealthModelEditor::addInput(const HealthInput &input)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *metric = new QComboBox(m_table);
    metric->setFrame(false);
    for (const QString &key : std::as_const(m_metrics))
        metric->addItem(HealthModel::metricTitle(key), key);
    metric->setCurrentIndex(std::max(0, int(m_metrics.indexOf(input.metric))));
    connect(metric, &QComboBox::currentIndexChanged, this, &HealthModelEditor::revalidate);
    m_table->setCellWidget(row, Metric, metric);
    const double values[] = {input.weight, input.zeroAt, input.yellowAt, input.greenAt, input.fullAt};
    for (int column = Weight; column < ColumnCount; ++column) {
        QDoubleSpinBox *box = numberBox(values[column - Weight], m_table);
        connect(box, &QDoubleSpinBox::valueChanged, this, &HealthModelEditor::revalidate);
        m_table->setCellWidget(row, column, box);
    }
    revalidate();
}

HealthModel HealthModelEditor::model() const
{
    HealthModel model;
    model.yellowFrom = m_yellowFrom->value();
    model.greenFrom = m_greenFrom->value();
    for (int row = 0; row < m_table->rowCount(); ++row) {
        HealthInput input;
        input.metric = static_cast<QComboBox *>(m_table->cellWidget(row, Metric))->currentData().toString();
        input.weight = number(m_table, row, Weight);
        input.zeroAt = number(m_table, row, ZeroAt);
        input.yellowAt = number(m_table, row, YellowAt);
        input.greenAt = number(m_table, row, GreenAt);
        input.fullAt = number(m_table, row, FullAt);
        model.inputs << input;
    }
    return model;
}

QString HealthModelEditor::summary() const
{
    const QString text = m_summary->text().trimmed();
    return text.isEmpty() ? tr("Edited in the health model editor") : text;
}

void HealthModelEditor::revalidate()
{
    if (!m_save)
        return;
    const QStringList found = problems();
    m_problems->setText(found.isEmpty() ? tr("The model is ready to save.") : found.join(u'\n'));
    m_save->setEnabled(found.isEmpty());
}
