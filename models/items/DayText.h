#pragma once

#include <QDate>
#include <QLocale>
#include <QString>

#include <optional>

/** A Julian day as the item models show it: the locale's short date, or empty for none. */
inline QString dayText(std::optional<int> day)
{
    return day ? QLocale().toString(QDate::fromJulianDay(*day), QLocale::ShortFormat) : QString();
}

/** Today as a Julian day, for "overdue" and "time in stage" when no day is pushed in. */
inline int todayDay()
{
    return int(QDate::currentDate().toJulianDay());
}
