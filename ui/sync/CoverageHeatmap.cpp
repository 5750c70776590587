#include "CoverageHeatmap.h"

#include "SyncPresentation.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace {

constexpr int margin = 6;
constexpr int labelGap = 10;
constexpr int minRowHeight = 20;
constexpr int swatch = 12;

} // namespace

CoverageHeatmap::CoverageHeatmap(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void CoverageHeatmap::setCoverage(const SyncHistory::Coverage &coverage, const QList<SyncStream> &streams)
{
    m_from = coverage.from;
    m_to = coverage.to;
    m_rows.clear();
    for (const SyncStream stream : streams)
        m_rows.append(Row{stream, syncs::displayName(stream), {}});
    for (auto it = coverage.days.cbegin(); it != coverage.days.cend(); ++it) {
        const auto stream = SyncPresentation::streamOfWindow(it.key());
        if (!stream)
            continue;
        for (Row &row : m_rows) {
            if (row.stream != *stream)
                continue;
            // A metric stream's row shows the worst state of its mappings' windows on each day.
            for (auto day = it->cbegin(); day != it->cend(); ++day) {
                SyncHistory::DayState &slot = row.days[day.key()];
                if (SyncHistory::severity(day.value()) > SyncHistory::severity(slot))
                    slot = day.value();
            }
        }
    }
    updateGeometry();
    update();
}

QList<SyncStream> CoverageHeatmap::streams() const
{
    QList<SyncStream> out;
    for (const Row &row : m_rows)
        out << row.stream;
    return out;
}

SyncHistory::DayState CoverageHeatmap::stateAt(SyncStream stream, const QDate &day) const
{
    if (!m_from.isValid() || day < m_from || day > m_to)
        return SyncHistory::DayState::Missing;
    for (const Row &row : m_rows) {
        if (row.stream == stream)
            return row.days.value(day, SyncHistory::DayState::Missing);
    }
    return SyncHistory::DayState::Missing;
}

int CoverageHeatmap::dayCount() const
{
    return m_from.isValid() && m_to.isValid() ? int(m_from.daysTo(m_to)) + 1 : 0;
}

CoverageHeatmap::Geometry CoverageHeatmap::geometry() const
{
    const QFontMetrics metrics = fontMetrics();
    Geometry g;
    g.rowHeight = std::max(minRowHeight, metrics.height() + 6);
    for (const Row &row : m_rows)
        g.labelWidth = std::max(g.labelWidth, metrics.horizontalAdvance(row.name));
    g.labelWidth += labelGap;
    g.monthsTop = margin;
    const int gridTop = g.monthsTop + metrics.height() + 4;
    const int days = std::max(1, dayCount());
    const double gridWidth = std::max(1, width() - 2 * margin - g.labelWidth);
    g.cellWidth = gridWidth / days;
    g.grid = QRectF(margin + g.labelWidth, gridTop, gridWidth, double(g.rowHeight) * m_rows.size());
    g.legendTop = int(g.grid.bottom()) + 8;
    return g;
}

QSize CoverageHeatmap::sizeHint() const
{
    const QFontMetrics metrics = fontMetrics();
    const int rowHeight = std::max(minRowHeight, metrics.height() + 6);
    const int rows = std::max<int>(1, int(m_rows.size()));
    const int height = margin + metrics.height() + 4 + rows * rowHeight + 8 + metrics.height() + 4 + margin;
    return {900, height};
}

QSize CoverageHeatmap::minimumSizeHint() const
{
    return {400, sizeHint().height()};
}

bool CoverageHeatmap::cellAt(const QPoint &pos, SyncStream *stream, QDate *day) const
{
    const Geometry g = geometry();
    if (m_rows.isEmpty() || dayCount() == 0 || !g.grid.contains(pos))
        return false;
    const int row = std::clamp(int((pos.y() - g.grid.top()) / g.rowHeight), 0, int(m_rows.size()) - 1);
    const int column = std::clamp(int((pos.x() - g.grid.left()) / g.cellWidth), 0, dayCount() - 1);
    if (stream)
        *stream = m_rows.at(row).stream;
    if (day)
        *day = m_from.addDays(column);
    return true;
}

QPoint CoverageHeatmap::cellCenter(SyncStream stream, const QDate &day) const
{
    const Geometry g = geometry();
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).stream != stream)
            continue;
        const double x = g.grid.left() + (double(m_from.daysTo(day)) + 0.5) * g.cellWidth;
        const double y = g.grid.top() + (row + 0.5) * g.rowHeight;
        return QPointF(x, y).toPoint();
    }
    return {-1, -1};
}

QString CoverageHeatmap::toolTipAt(const QPoint &pos) const
{
    SyncStream stream;
    QDate day;
    if (!cellAt(pos, &stream, &day))
        return {};
    return tr("%1 · %2: %3")
        .arg(syncs::displayName(stream), day.toString(Qt::ISODate), SyncPresentation::stateName(stateAt(stream, day)));
}

bool CoverageHeatmap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QWidget::event(event);
}

void CoverageHeatmap::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    const Geometry g = geometry();
    if (m_rows.isEmpty() || dayCount() == 0) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Nothing synced yet."));
        return;
    }
    paintMonths(painter, g);
    paintRows(painter, g);
    paintLegend(painter, g);
}

void CoverageHeatmap::paintMonths(QPainter &painter, const Geometry &g) const
{
    const QLocale locale;
    const QFontMetrics metrics = fontMetrics();
    painter.setPen(palette().color(QPalette::WindowText));
    int lastLabelEnd = -1;
    for (QDate day = m_from; day <= m_to; day = day.addDays(1)) {
        if (day.day() != 1 && day != m_from)
            continue;
        const double x = g.grid.left() + double(m_from.daysTo(day)) * g.cellWidth;
        // January shows its year, so a 365-day strip says where one year ends.
        const QString label = day.month() == 1 ? QString::number(day.year())
                                               : locale.monthName(day.month(), QLocale::ShortFormat);
        const int left = int(x) + 2;
        // A month that starts too near the end (or the last label) keeps its line but not its name.
        const bool fits = left > lastLabelEnd && left + metrics.horizontalAdvance(label) <= g.grid.right();
        painter.save();
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(QPointF(x, g.monthsTop + 2), QPointF(x, g.grid.bottom()));
        painter.restore();
        if (!fits)
            continue;
        painter.drawText(QPoint(left, g.monthsTop + metrics.ascent()), label);
        lastLabelEnd = left + metrics.horizontalAdvance(label) + 4;
    }
}

void CoverageHeatmap::paintRows(QPainter &painter, const Geometry &g) const
{
    const QFontMetrics metrics = fontMetrics();
    // Narrow cells touch; from 4 px on a gap keeps single days apart.
    const double gap = g.cellWidth >= 4 ? 1 : 0;
    const int days = dayCount();
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row &row = m_rows.at(r);
        const double top = g.grid.top() + r * g.rowHeight;
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect labelRect(margin, int(top), g.labelWidth - labelGap, g.rowHeight);
        painter.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(row.name, Qt::ElideRight, labelRect.width()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(SyncPresentation::stateColor(SyncHistory::DayState::Missing));
        painter.drawRect(QRectF(g.grid.left(), top + 2, g.grid.width(), g.rowHeight - 4));
        for (auto it = row.days.cbegin(); it != row.days.cend(); ++it) {
            const qint64 column = m_from.daysTo(it.key());
            if (column < 0 || column >= days || it.value() == SyncHistory::DayState::Missing)
                continue;
            painter.setBrush(SyncPresentation::stateColor(it.value()));
            painter.drawRect(QRectF(g.grid.left() + double(column) * g.cellWidth, top + 2, g.cellWidth - gap,
                                    g.rowHeight - 4));
        }
    }
}

void CoverageHeatmap::paintLegend(QPainter &painter, const Geometry &g) const
{
    const QFontMetrics metrics = fontMetrics();
    int x = int(g.grid.left());
    const int top = g.legendTop;
    for (const SyncHistory::DayState state : SyncPresentation::legendStates()) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(SyncPresentation::stateColor(state));
        painter.drawRect(QRect(x, top + (metrics.height() - swatch) / 2, swatch, swatch));
        x += swatch + 4;
        const QString name = SyncPresentation::stateName(state);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QPoint(x, top + metrics.ascent()), name);
        x += metrics.horizontalAdvance(name) + 16;
    }
    const QString range = tr("%1 – %2").arg(QLocale().toString(m_from, QLocale::ShortFormat),
                                             QLocale().toString(m_to, QLocale::ShortFormat));
    painter.drawText(QRect(x, top, int(g.grid.right()) - x, metrics.height()), Qt::AlignRight | Qt::AlignVCenter,
                     range);
}
