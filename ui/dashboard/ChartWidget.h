#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QWidget>

class QAction;

class QChart;
class QChartView;

/**
 * The base of the dashboards' charts: owns the chart view (QtCharts today; the subclasses keep the
 * library out of their interfaces so it can be swapped), the title, and the exports every chart
 * offers, as methods and in its context menu ("Export as PNG…", "Export data as CSV…"). The CSV
 * holds the data the chart shows, header first, numbers in C locale and days as ISO dates.
 * UI thread.
 */
class ChartWidget : public QWidget
{
    Q_OBJECT

public:
    ~ChartWidget() override;

    void setTitle(const QString &title);
    QString title() const;

    /** The picture of the chart as it is shown; false with a reason when the file cannot be written. */
    bool exportPng(const QString &path, QString *error = nullptr);
    bool exportCsv(const QString &path, QString *error = nullptr) const;
    /** The rows exportCsv() writes, header first. */
    virtual QList<QStringList> tableData() const = 0;

    QAction *exportPngAction() const { return m_exportPng; }
    QAction *exportCsvAction() const { return m_exportCsv; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    explicit ChartWidget(QWidget *parent = nullptr);

    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_view; }
    /** A number for the CSV: C locale, no thousands separators, empty when missing. */
    static QString csvNumber(double value);

private:
    void exportPngInteractively();
    void exportCsvInteractively();
    void reportFailure(const QString &error);

    QChartView *m_view = nullptr;
    QChart *m_chart = nullptr;
    QAction *m_exportPng = nullptr;
    QAction *m_exportCsv = nullptr;
};
