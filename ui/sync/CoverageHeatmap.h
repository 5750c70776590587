#pragma once

#include "sync/SyncHistory.h"
#include "sync/SyncTypes.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QWidget>

/**
 * A calendar heatmap of sync coverage: one row per stream, one cell per day from the first to
 * the last day of the coverage, coloured by the day's worst window state (synced, provisional,
 * failed or missing, from SyncPresentation's palette), with month marks above and a legend
 * below. Every cell has a tooltip ("Features · 2026-11-20: provisional"). Metric streams merge
 * their mappings' windows into one row. Custom-painted; UI thread.
 */
class CoverageHeatmap final : public QWidget
{
    Q_OBJECT

public:
    explicit CoverageHeatmap(QWidget *parent = nullptr);

    /** Shows `streams` (in that order) over coverage.from … coverage.to. */
    void setCoverage(const SyncHistory::Coverage &coverage, const QList<SyncStream> &streams);

    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    QList<SyncStream> streams() const;
    /** What the cell of `stream` on `day` shows (Missing outside the range or for a stream not shown). */
    SyncHistory::DayState stateAt(SyncStream stream, const QDate &day) const;
    /** The cell under `pos`: its row's stream and its day; false between or outside cells. */
    bool cellAt(const QPoint &pos, SyncStream *stream, QDate *day) const;
    /** The middle of a cell, for tests and for placing tooltips. */
    QPoint cellCenter(SyncStream stream, const QDate &day) const;
    /** The tooltip of the cell under `pos`, empty when there is none. */
    QString toolTipAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    struct Row
    {
        SyncStream stream = SyncStream::Activity;
        QString name;
        QMap<QDate, SyncHistory::DayState> days;
    };
    struct Geometry
    {
        QRectF grid;     // the cells
        double cellWidth = 0;
        int rowHeight = 0;
        int labelWidth = 0;
        int monthsTop = 0;
        int legendTop = 0;
    };

    Geometry geometry() const;
    int dayCount() const;
    void paintMonths(QPainter &painter, const Geometry &g) const;
    void paintRows(QPainter &painter, const Geometry &g) const;
    void paintLegend(QPainter &painter, const Geometry &g) const;

    QDate m_from;
    QDate m_to;
    QList<Row> m_rows;
};
