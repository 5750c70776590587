#include "DashboardPresentation.h"

#include <QLabel>
#include <QLocale>
#include <QPalette>

#include <array>
#include <cmath>

QColor DashboardPresentation::bandColor(HealthBand band)
{
    // The traffic-light colours of the health bands, dark enough for white text.
    switch (band) {
    case HealthBand::Green:
        return QColor(0x1a, 0x85, 0x4a);
    case HealthBand::Yellow:
        return QColor(0xe0, 0xa1, 0x00);
    case HealthBand::Red:
        break;
    }
    return QColor(0xc6, 0x28, 0x28);
}

QColor DashboardPresentation::bandBackground(HealthBand band)
{
    switch (band) {
    case HealthBand::Green:
        return QColor(0xdf, 0xf2, 0xe4);
    case HealthBand::Yellow:
        return QColor(0xfd, 0xf3, 0xd3);
    case HealthBand::Red:
        break;
    }
    return QColor(0xfa, 0xdf, 0xdf);
}

QColor DashboardPresentation::bandInk(HealthBand band)
{
    return band == HealthBand::Yellow ? QColor(0x8a, 0x62, 0x00) : bandColor(band);
}

QColor DashboardPresentation::bandText(HealthBand band)
{
    return band == HealthBand::Yellow ? QColor(0x2b, 0x22, 0x00) : QColor(Qt::white);
}

QColor DashboardPresentation::seriesColor(int index)
{
    // Blue, orange, teal, purple, grey: apart from the band colours and from each other.
    static const std::array<QColor, 5> colors{QColor(0x2b, 0x6c, 0xb0), QColor(0xe0, 0x7b, 0x1a),
                                              QColor(0x1b, 0x9e, 0x9a), QColor(0x7b, 0x4f, 0xa6),
                                              QColor(0x6b, 0x72, 0x80)};
    return colors.at(std::size_t(std::max(0, index)) % colors.size());
}

QColor DashboardPresentation::highlightColor()
{
    return seriesColor(1);
}

QColor DashboardPresentation::markerColor()
{
    return QColor(0x44, 0x4b, 0x5a);
}

QColor DashboardPresentation::panelBackground()
{
    return QColor(0xf4, 0xf6, 0xf8);
}

QString DashboardPresentation::day(int julianDay)
{
    return julianDay > 0 ? date(QDate::fromJulianDay(julianDay)) : QString();
}

QString DashboardPresentation::date(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString DashboardPresentation::money(double amount)
{
    return QLocale().toString(amount, 'f', 0);
}

QString DashboardPresentation::signedNumber(double value)
{
    const long rounded = std::lround(value);
    if (rounded > 0)
        return QStringLiteral("+") + QLocale().toString(qint64(rounded));
    if (rounded < 0)
        return QStringLiteral("−") + QLocale().toString(qint64(-rounded));
    return QLocale().toString(0);
}

void DashboardPresentation::paintChip(QLabel *label, std::optional<HealthBand> band)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::Window, band ? bandColor(*band) : panelBackground());
    if (band)
        palette.setColor(QPalette::WindowText, bandText(*band));
    else
        palette.setColor(QPalette::WindowText, QPalette().color(QPalette::WindowText));
    label->setPalette(palette);
    label->setAutoFillBackground(true);
}

QFont DashboardPresentation::scaledFont(const QWidget *widget, double factor, bool bold)
{
    QFont font = widget->font();
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    else
        font.setPixelSize(std::max(1, int(std::lround(font.pixelSize() * factor))));
    font.setBold(bold);
    return font;
}
