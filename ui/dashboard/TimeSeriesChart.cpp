#include "TimeSeriesChart.h"

#include "DashboardPresentation.h"

#include <QAbstractItemModel>
#include <QAreaSeries>
#include <QChart>
#include <QDate>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsSimpleTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMap>
#include <QPen>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace {

/** The chart's x coordinate of a day: its local midnight, as the date axis reads it. */
double xOf(int day)
{
    return double(QDate::fromJulianDay(day).startOfDay().toMSecsSinceEpoch());
}

void hideFromLegend(QChart *chart, QAbstractSeries *series)
{
    for (QLegendMarker *marker : chart->legend()->markers(series))
        marker->setVisible(false);
}

} // namespace

TimeSeriesChart::TimeSeriesChart(QWidget *parent)
    : ChartWidget(parent)
    , m_xAxis(new QDateTimeAxis(this))
    , m_yAxis(new QValueAxis(this))
{
    m_xAxis->setTickCount(7);
    m_yAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    connect(chart(), &QChart::plotAreaChanged, this, &TimeSeriesChart::placeMarkerLabels);
}

TimeSeriesChart::~TimeSeriesChart()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
}

void TimeSeriesChart::setSeries(const QList<ChartSeries> &series)
{
    m_series = series;
    rebuild();
}

void TimeSeriesChart::setModel(QAbstractItemModel *model, int dayColumn, const QList<int> &valueColumns)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    m_dayColumn = dayColumn;
    m_valueColumns = valueColumns;
    if (model) {
        const auto reread = [this] { readModel(); };
        m_modelConnections << connect(model, &QAbstractItemModel::modelReset, this, reread)
                           << connect(model, &QAbstractItemModel::dataChanged, this, reread)
                           << connect(model, &QAbstractItemModel::rowsInserted, this, reread)
                           << connect(model, &QAbstractItemModel::rowsRemoved, this, reread)
                           << connect(model, &QAbstractItemModel::layoutChanged, this, reread);
    }
    readModel();
}

void TimeSeriesChart::readModel()
{
    QList<ChartSeries> series;
    if (m_model) {
        const int rows = m_model->rowCount();
        for (const int column : std::as_const(m_valueColumns)) {
            ChartSeries line;
            line.name = m_model->headerData(column, Qt::Horizontal).toString();
            line.points.reserve(rows);
            for (int row = 0; row < rows; ++row) {
                const QVariant day = m_model->index(row, m_dayColumn).data(Qt::EditRole);
                const QVariant value = m_model->index(row, column).data(Qt::EditRole);
                if (day.isValid() && value.isValid())
                    line.points.append(QPointF(day.toDouble(), value.toDouble()));
            }
            std::sort(line.points.begin(), line.points.end(),
                      [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); });
            series.append(line);
        }
    }
    m_series = series;
    rebuild();
}

void TimeSeriesChart::setBands(const std::optional<ChartBands> &bands)
{
    m_bands = bands;
    rebuild();
}

void TimeSeriesChart::setMarkers(const QList<ChartMarker> &markers)
{
    m_markers = markers;
    rebuild();
}

void TimeSeriesChart::setYRange(const std::optional<std::pair<double, double>> &range)
{
    m_fixedY = range;
    applyRange();
}

void TimeSeriesChart::setYLabelFormat(const QString &format)
{
    m_yAxis->setLabelFormat(format);
}

void TimeSeriesChart::setXRange(int fromDay, int toDay)
{
    m_window = std::make_pair(std::min(fromDay, toDay), std::max(fromDay, toDay));
    applyRange();
}

void TimeSeriesChart::resetXRange()
{
    m_window.reset();
    applyRange();
}

std::pair<double, double> TimeSeriesChart::yRange() const
{
    return {m_yAxis->min(), m_yAxis->max()};
}

std::pair<int, int> TimeSeriesChart::dataDays() const
{
    int first = std::numeric_limits<int>::max();
    int last = std::numeric_limits<int>::min();
    for (const ChartSeries &line : m_series) {
        if (line.points.isEmpty())
            continue;
        first = std::min(first, int(line.points.constFirst().x()));
        last = std::max(last, int(line.points.constLast().x()));
    }
    for (const ChartMarker &marker : m_markers) {
        first = std::min(first, marker.day);
        last = std::max(last, marker.day);
    }
    if (first > last) {
        const int today = int(QDate::currentDate().toJulianDay());
        return {today - 29, today};
    }
    return {first, last};
}

void TimeSeriesChart::rebuild()
{
    QChart *c = chart();
    c->removeAllSeries(); // deletes them, and with them their points
    m_lines.clear();
    m_bandAreas.clear();
    m_markerLines.clear();
    qDeleteAll(m_markerLabels);
    m_markerLabels.clear();

    const auto attach = [this, c](QAbstractSeries *series) {
        c->addSeries(series);
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    };

    if (m_bands) {
        const QList<std::tuple<HealthBand, double, double>> bands{
            {HealthBand::Red, 0.0, m_bands->yellowFrom},
            {HealthBand::Yellow, m_bands->yellowFrom, m_bands->greenFrom},
            {HealthBand::Green, m_bands->greenFrom, m_bands->top}};
        for (const auto &[band, low, high] : bands) {
            auto *area = new QAreaSeries;
            area->setUpperSeries(new QLineSeries(area));
            area->setLowerSeries(new QLineSeries(area));
            area->setName(DashboardPresentation::bandName(band));
            area->setPen(Qt::NoPen);
            area->setBrush(DashboardPresentation::bandBackground(band));
            area->setProperty("low", low);
            area->setProperty("high", high);
            attach(area);
            hideFromLegend(c, area);
            m_bandAreas.append(area);
        }
    }

    for (int i = 0; i < m_series.size(); ++i) {
        auto *line = new QLineSeries;
        line->setName(m_series.at(i).name);
        QPen pen(DashboardPresentation::seriesColor(i));
        pen.setWidthF(2.0);
        line->setPen(pen);
        QList<QPointF> points;
        points.reserve(m_series.at(i).points.size());
        for (const QPointF &p : m_series.at(i).points)
            points.append(QPointF(xOf(int(p.x())), p.y()));
        line->replace(points);
        attach(line);
        m_lines.append(line);
    }

    for (const ChartMarker &marker : std::as_const(m_markers)) {
        auto *line = new QLineSeries;
        line->setName(marker.label);
        QPen pen(DashboardPresentation::markerColor());
        pen.setStyle(Qt::DashLine);
        pen.setWidthF(1.5);
        line->setPen(pen);
        attach(line);
        hideFromLegend(c, line);
        m_markerLines.append(line);
        auto *label = new QGraphicsSimpleTextItem(marker.label, c);
        label->setBrush(DashboardPresentation::markerColor());
        label->setZValue(10);
        m_markerLabels.append(label);
    }

    c->legend()->setVisible(m_lines.size() > 1);
    applyRange();
}

void TimeSeriesChart::applyRange()
{
    const auto [dataFirst, dataLast] = dataDays();
    m_xFrom = m_window ? m_window->first : dataFirst;
    m_xTo = m_window ? m_window->second : dataLast;
    const int axisTo = m_xTo > m_xFrom ? m_xTo : m_xFrom + 1;
    m_xAxis->setRange(QDate::fromJulianDay(m_xFrom).startOfDay(), QDate::fromJulianDay(axisTo).startOfDay());
    m_xAxis->setFormat(m_xTo - m_xFrom > 120 ? QStringLiteral("MMM yyyy") : QStringLiteral("MMM d"));

    double low = 0, high = 0;
    if (m_fixedY) {
        std::tie(low, high) = *m_fixedY;
    } else if (m_bands) {
        high = m_bands->top;
    } else {
        for (const ChartSeries &line : std::as_const(m_series)) {
            for (const QPointF &p : line.points) {
                if (p.x() < m_xFrom || p.x() > m_xTo || std::isnan(p.y()))
                    continue;
                low = std::min(low, p.y());
                high = std::max(high, p.y());
            }
        }
        if (high <= low)
            high = low + 1;
    }
    m_yAxis->setRange(low, high);
    m_yAxis->setTickCount(5);
    if (!m_fixedY && !m_bands) {
        m_yAxis->applyNiceNumbers();
        // Whole numbers (counts) over a small range: one tick per unit, never "1, 1, 2, 2".
        const double span = m_yAxis->max() - m_yAxis->min();
        if (m_yAxis->labelFormat() == QLatin1String("%.0f") && span < m_yAxis->tickCount() - 1) {
            const double bottom = std::floor(m_yAxis->min());
            const double top = std::max(bottom + 1, std::ceil(m_yAxis->max()));
            m_yAxis->setRange(bottom, top);
            m_yAxis->setTickCount(int(top - bottom) + 1);
        }
    }

    const double x0 = xOf(m_xFrom), x1 = xOf(axisTo);
    for (QAreaSeries *area : std::as_const(m_bandAreas)) {
        const double bandLow = area->property("low").toDouble();
        const double bandHigh = area->property("high").toDouble();
        area->upperSeries()->replace({QPointF(x0, bandHigh), QPointF(x1, bandHigh)});
        area->lowerSeries()->replace({QPointF(x0, bandLow), QPointF(x1, bandLow)});
    }
    for (int i = 0; i < m_markerLines.size(); ++i) {
        const int day = m_markers.at(i).day;
        if (day < m_xFrom || day > m_xTo)
            m_markerLines.at(i)->clear();
        else
            m_markerLines.at(i)->replace({QPointF(xOf(day), m_yAxis->min()), QPointF(xOf(day), m_yAxis->max())});
    }
    placeMarkerLabels();
}

void TimeSeriesChart::placeMarkerLabels()
{
    const QRectF plot = chart()->plotArea();
    for (int i = 0; i < m_markerLabels.size() && i < m_markerLines.size(); ++i) {
        QGraphicsSimpleTextItem *label = m_markerLabels.at(i);
        const int day = m_markers.at(i).day;
        if (day < m_xFrom || day > m_xTo || plot.isEmpty()) {
            label->setVisible(false);
            continue;
        }
        const QPointF at = chart()->mapToPosition(QPointF(xOf(day), m_yAxis->max()), m_markerLines.at(i));
        double x = at.x() + 4;
        // A label near the right edge goes to the left of its line.
        if (x + label->boundingRect().width() > plot.right())
            x = at.x() - 4 - label->boundingRect().width();
        label->setPos(x, plot.top() + 2 + (i % 2) * label->boundingRect().height());
        label->setVisible(true);
    }
}

QList<QStringList> TimeSeriesChart::tableData() const
{
    QStringList header{tr("date")};
    for (const ChartSeries &line : m_series)
        header << line.name;
    QMap<int, QList<double>> days;
    for (int i = 0; i < m_series.size(); ++i) {
        for (const QPointF &p : m_series.at(i).points) {
            const int day = int(p.x());
            if (day < m_xFrom || day > m_xTo)
                continue;
            QList<double> &values = days[day];
            if (values.isEmpty())
                values.fill(std::numeric_limits<double>::quiet_NaN(), m_series.size());
            values[i] = p.y();
        }
    }
    QList<QStringList> rows{header};
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        QStringList row{QDate::fromJulianDay(it.key()).toString(Qt::ISODate)};
        for (const double value : it.value())
            row << csvNumber(value);
        rows.append(row);
    }
    return rows;
}
