#pragma once

#include "ChartWidget.h"

#include <QList>
#include <QPointF>
#include <QPointer>

#include <optional>

class QAbstractItemModel;
class QAreaSeries;
class QDateTimeAxis;
class QGraphicsSimpleTextItem;
class QLineSeries;
class QValueAxis;

/** One line of a time series chart: (Julian day, value) points, ascending by day. */
struct ChartSeries
{
    QString name;
    QList<QPointF> points;
};

/** A vertical mark on a day with a short label (a health model change). */
struct ChartMarker
{
    int day = 0;
    QString label;
};

/** The score cut-offs of the health bands drawn behind a chart (score < yellowFrom: red, …). */
struct ChartBands
{
    double yellowFrom = 40;
    double greenFrom = 70;
    double top = 100;
};

/**
 * Lines over days, pushed in as series or read from an item model (a day column and value
 * columns, named by their headers, re-read when the model changes). Optional red/yellow/green
 * band background and vertical markers with labels. The x range can be narrowed to a window of
 * days (the y axis then fits the data shown, unless fixed); the CSV export holds the days in the
 * window. UI thread.
 */
class TimeSeriesChart final : public ChartWidget
{
    Q_OBJECT

public:
    explicit TimeSeriesChart(QWidget *parent = nullptr);
    ~TimeSeriesChart() override;

    void setSeries(const QList<ChartSeries> &series);
    const QList<ChartSeries> &series() const { return m_series; }
    /** Lines from `model`: `dayColumn` holds Julian days (DisplayRole or EditRole numbers). */
    void setModel(QAbstractItemModel *model, int dayColumn, const QList<int> &valueColumns);

    void setBands(const std::optional<ChartBands> &bands);
    void setMarkers(const QList<ChartMarker> &markers);
    const QList<ChartMarker> &markers() const { return m_markers; }
    /** A fixed value range for the y axis; nullopt fits the axis to the data shown. */
    void setYRange(const std::optional<std::pair<double, double>> &range);
    /** printf format of the y axis labels ("%.0f", "%.0f%%"). */
    void setYLabelFormat(const QString &format);

    /** Shows the days fromDay … toDay only (both included). */
    void setXRange(int fromDay, int toDay);
    /** Shows every day of the data. */
    void resetXRange();
    int xFrom() const { return m_xFrom; }
    int xTo() const { return m_xTo; }
    /** The y axis range shown now. */
    std::pair<double, double> yRange() const;

    QList<QStringList> tableData() const override;

private:
    void rebuild();
    void readModel();
    void applyRange();
    void placeMarkerLabels();
    std::pair<int, int> dataDays() const;

    QDateTimeAxis *m_xAxis = nullptr;
    QValueAxis *m_yAxis = nullptr;
    QList<ChartSeries> m_series;
    QList<QLineSeries *> m_lines;
    QList<QAreaSeries *> m_bandAreas;
    QList<QLineSeries *> m_markerLines;
    QList<QGraphicsSimpleTextItem *> m_markerLabels;
    std::optional<ChartBands> m_bands;
    QList<ChartMarker> m_markers;
    std::optional<std::pair<double, double>> m_fixedY;
    std::optional<std::pair<int, int>> m_window;
    int m_xFrom = 0;
    int m_xTo = 0;

    QPointer<QAbstractItemModel> m_model;
    int m_dayColumn = 0;
    QList<int> m_valueColumns;
    QList<QMetaObject::Connection> m_modelConnections;
};
