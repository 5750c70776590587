#include "ChartWidget.h"

#include "store/CsvWriter.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>
#include <QVBoxLayout>

#include <cmath>

ChartWidget::ChartWidget(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation); // a dashboard that opens at once, not one that wipes in

    m_view = new QChartView(m_chart, this); // takes the chart
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setObjectName(QStringLiteral("chartView"));
    // The chart view hands the context menu to this widget, which lists the exports.
    m_view->setContextMenuPolicy(Qt::NoContextMenu);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    m_exportPng = new QAction(tr("Export as PNG…"), this);
    m_exportPng->setObjectName(QStringLiteral("exportPngAction"));
    connect(m_exportPng, &QAction::triggered, this, &ChartWidget::exportPngInteractively);
    m_exportCsv = new QAction(tr("Export data as CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("exportCsvAction"));
    connect(m_exportCsv, &QAction::triggered, this, &ChartWidget::exportCsvInteractively);
    addAction(m_exportPng);
    addAction(m_exportCsv);
    setContextMenuPolicy(Qt::ActionsContextMenu);
}

ChartWidget::~ChartWidget() = default;

void ChartWidget::setTitle(const QString &title)
{
    m_chart->setTitle(title);
    QFont font = this->font();
    font.setBold(true);
    m_chart->setTitleFont(font);
}

QString ChartWidget::title() const
{
    return m_chart->title();
}

QSize ChartWidget::sizeHint() const
{
    const int line = fontMetrics().height();
    return QSize(line * 30, line * 16);
}

QSize ChartWidget::minimumSizeHint() const
{
    const int line = fontMetrics().height();
    return QSize(line * 16, line * 11);
}

bool ChartWidget::exportPng(const QString &path, QString *error)
{
    const QPixmap picture = grab();
    if (picture.isNull() || !picture.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write the picture to %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool ChartWidget::exportCsv(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    CsvWriter writer(&file);
    for (const QStringList &row : tableData())
        writer.write(row);
    if (!writer.flush() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

QString ChartWidget::csvNumber(double value)
{
    if (std::isnan(value))
        return {};
    return QString::number(value, 'g', 12);
}

namespace {

QString suggestedName(const QString &title, const QString &suffix)
{
    QString name = title.isEmpty() ? QStringLiteral("chart") : title.toLower();
    for (QChar &c : name) {
        if (!c.isLetterOrNumber())
            c = u'-';
    }
    return QDir::home().filePath(name + suffix);
}

} // namespace

void ChartWidget::exportPngInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as PNG"),
                                                      suggestedName(title(), QStringLiteral(".png")),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPng(path, &error))
        reportFailure(error);
}

void ChartWidget::exportCsvInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart data as CSV"),
                                                      suggestedName(title(), QStringLiteral(".csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCsv(path, &error))
        reportFailure(error);
}

void ChartWidget::reportFailure(const QString &error)
{
    QMessageBox::warning(this, tr("Export"), error);
}
