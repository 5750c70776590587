#pragma once

#include "analytics/HealthModel.h"

#include <QColor>
#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <optional>

class QLabel;
class QWidget;

/**
 * How the dashboards show health and metrics: the one palette for bands, chart series and
 * highlights, and the words for days and money. Every dashboard widget and chart takes its
 * colours from here, so a colour changes in one place. Stateless; UI thread.
 */
class DashboardPresentation
{
    Q_DECLARE_TR_FUNCTIONS(DashboardPresentation)

public:
    /** The strong colour of a band: score chips, tiles, band markers. */
    static QColor bandColor(HealthBand band);
    /** The pale colour of a band: chart band backgrounds, highlighted table rows. */
    static QColor bandBackground(HealthBand band);
    /** Text in the band's colour that reads on a light background (tile figures). */
    static QColor bandInk(HealthBand band);
    /** Text that reads on bandColor(band). */
    static QColor bandText(HealthBand band);
    /** The colour of the `index`th line or bar series of a chart. */
    static QColor seriesColor(int index);
    /** Bars that stand out (core features). */
    static QColor highlightColor();
    /** Model-change markers and other annotations. */
    static QColor markerColor();
    /** Tiles and panels behind their content. */
    static QColor panelBackground();

    static QString bandName(HealthBand band) { return HealthModel::bandName(band); }
    /** The bands in legend order (best first). */
    static QList<HealthBand> bands() { return {HealthBand::Green, HealthBand::Yellow, HealthBand::Red}; }

    /** A Julian day in the user's short date format; empty for 0. */
    static QString day(int julianDay);
    static QString date(const QDate &date);
    /** An amount of ARR without decimals ("125,000"). */
    static QString money(double amount);
    /** "+5", "−3", "0". */
    static QString signedNumber(double value);

    /** Gives `label` the band's chip colours (filled background, readable text). */
    static void paintChip(QLabel *label, std::optional<HealthBand> band);
    /** A font `factor` times the widget's own size, bold when asked: headings that scale with DPI. */
    static QFont scaledFont(const QWidget *widget, double factor, bool bold);
};
