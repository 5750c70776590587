#include "MetricField.h"

#include <QLocale>

const std::array<MetricFieldInfo, metricFieldCount> &MetricFields::all()
{
    static const std::array<MetricFieldInfo, metricFieldCount> fields{{
        {MetricField::Dau, "dau", QT_TR_NOOP("DAU"), MetricUnit::Count, true},
        {MetricField::Wau, "wau", QT_TR_NOOP("WAU"), MetricUnit::Count, true},
        {MetricField::Mau, "mau", QT_TR_NOOP("MAU"), MetricUnit::Count, true},
        {MetricField::Events, "events", QT_TR_NOOP("Events"), MetricUnit::Count, true},
        {MetricField::Minutes, "minutes", QT_TR_NOOP("Minutes"), MetricUnit::Count, true},
        {MetricField::Events30d, "events_30d", QT_TR_NOOP("Events (30 days)"), MetricUnit::Count, true},
        {MetricField::Minutes30d, "minutes_30d", QT_TR_NOOP("Minutes (30 days)"), MetricUnit::Count, true},
        {MetricField::DauMau, "dau_mau", QT_TR_NOOP("Stickiness (DAU/MAU)"), MetricUnit::Ratio, true},
        {MetricField::WauMau, "wau_mau", QT_TR_NOOP("Stickiness (WAU/MAU)"), MetricUnit::Ratio, true},
        {MetricField::CoreAdoption, "core_adoption", QT_TR_NOOP("Core-feature adoption"), MetricUnit::Ratio, true},
        {MetricField::LicenceUtilisation, "licence_utilisation", QT_TR_NOOP("Licence utilisation"),
         MetricUnit::Ratio, true},
        {MetricField::DaysSinceActive, "days_since_active", QT_TR_NOOP("Days since last activity"),
         MetricUnit::Days, false},
        {MetricField::PesAdoption, "pes_adoption", QT_TR_NOOP("PES adoption"), MetricUnit::Score, true},
        {MetricField::PesStickiness, "pes_stickiness", QT_TR_NOOP("PES stickiness"), MetricUnit::Score, true},
        {MetricField::PesGrowth, "pes_growth", QT_TR_NOOP("PES growth"), MetricUnit::Score, true},
        {MetricField::Pes, "pes", QT_TR_NOOP("PES"), MetricUnit::Score, true},
        {MetricField::CoreEvents, "core_events", QT_TR_NOOP("Core-feature events"), MetricUnit::Count, true},
        {MetricField::CoreEvents30d, "core_events_30d", QT_TR_NOOP("Core-feature events (30 days)"),
         MetricUnit::Count, true},
    }};
    return fields;
}

QString MetricFields::column(MetricField field)
{
    return QString::fromLatin1(info(field).column);
}

QString MetricFields::title(MetricField field)
{
    return tr(info(field).title);
}

std::optional<MetricField> MetricFields::fromColumn(QStringView column)
{
    for (const MetricFieldInfo &info : all())
        if (column == QLatin1StringView(info.column))
            return info.field;
    return std::nullopt;
}

QString MetricFields::format(MetricField field, double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    const QLocale locale;
    switch (info(field).unit) {
    case MetricUnit::Count:
        return locale.toString(qint64(std::llround(value)));
    case MetricUnit::Ratio:
        return tr("%1%").arg(locale.toString(value * 100.0, 'f', value < 0.1 ? 1 : 0));
    case MetricUnit::Score:
        return locale.toString(value, 'f', 0);
    case MetricUnit::Days:
        return tr("%1 d", "days, abbreviated").arg(locale.toString(qint64(std::llround(value))));
    }
    return {};
}
