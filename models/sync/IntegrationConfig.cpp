#include "IntegrationConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <algorithm>

namespace config {

QString key(CsObject object)
{
    switch (object) {
    case CsObject::Account:
        return QStringLiteral("account");
    case CsObject::Contact:
        return QStringLiteral("contact");
    case CsObject::Asset:
        return QStringLiteral("asset");
    case CsObject::Project:
        return QStringLiteral("project");
    }
    return {};
}

QString key(Measure measure)
{
    switch (measure) {
    case Measure::Events:
        return QStringLiteral("events");
    case Measure::Minutes:
        return QStringLiteral("minutes");
    case Measure::DistinctUsers:
        return QStringLiteral("distinctUsers");
    }
    return {};
}

QString key(ValueType type)
{
    switch (type) {
    case ValueType::Number:
        return QStringLiteral("number");
    case ValueType::Text:
        return QStringLiteral("text");
    case ValueType::Bool:
        return QStringLiteral("bool");
    case ValueType::Timestamp:
        return QStringLiteral("timestamp");
    }
    return {};
}

QString key(StreamKind stream)
{
    switch (stream) {
    case StreamKind::Features:
        return QStringLiteral("features");
    case StreamKind::Pages:
        return QStringLiteral("pages");
    case StreamKind::Guides:
        return QStringLiteral("guides");
    case StreamKind::TrackEvents:
        return QStringLiteral("trackEvents");
    }
    return {};
}

QString key(SelectionMode mode)
{
    switch (mode) {
    case SelectionMode::All:
        return QStringLiteral("all");
    case SelectionMode::Core:
        return QStringLiteral("core");
    case SelectionMode::Items:
        return QStringLiteral("items");
    }
    return {};
}

QString key(AppMode mode)
{
    return mode == AppMode::Split ? QStringLiteral("split") : QStringLiteral("combined");
}

QString key(Stickiness stickiness)
{
    switch (stickiness) {
    case Stickiness::DauMau:
        return QStringLiteral("dau/mau");
    case Stickiness::WauMau:
        return QStringLiteral("wau/mau");
    case Stickiness::DauWau:
        return QStringLiteral("dau/wau");
    }
    return {};
}

QString catalogKind(StreamKind stream)
{
    switch (stream) {
    case StreamKind::Features:
        return QStringLiteral("feature");
    case StreamKind::Pages:
        return QStringLiteral("page");
    case StreamKind::Guides:
        return QStringLiteral("guide");
    case StreamKind::TrackEvents:
        return QStringLiteral("track_type");
    }
    return {};
}

} // namespace config

namespace {

template<typename T> void sortUnique(QList<T> &list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

QJsonArray eventsJson(const QList<EventRef> &events)
{
    QJsonArray array;
    for (const EventRef &event : events)
        array.append(QJsonObject {{QStringLiteral("kind"), event.kind}, {QStringLiteral("id"), event.id}});
    return array;
}

QJsonArray valuesJson(const QList<ValueColumn> &values)
{
    QJsonArray array;
    for (const ValueColumn &value : values)
        array.append(QJsonObject {{QStringLiteral("column"), value.column},
                                  {QStringLiteral("name"), value.name},
                                  {QStringLiteral("type"), config::key(value.type)}});
    return array;
}

QJsonObject streamJson(const StreamMapping &stream)
{
    QJsonObject items;
    for (auto it = stream.items.cbegin(); it != stream.items.cend(); ++it)
        items.insert(QString::number(it.key()), QJsonArray::fromStringList(it.value()));
    QJsonArray targets;
    for (const MetricTarget &target : stream.metrics)
        targets.append(QJsonObject {{QStringLiteral("object"), config::key(target.object)},
                                    {QStringLiteral("measure"), config::key(target.measure)}});
    return QJsonObject {{QStringLiteral("enabled"), stream.enabled},
                        {QStringLiteral("selection"), config::key(stream.selection)},
                        {QStringLiteral("items"), items},
                        {QStringLiteral("userActivities"), stream.userActivities},
                        {QStringLiteral("targets"), targets},
                        {QStringLiteral("apps"), config::key(stream.apps)}};
}

QJsonObject sectionsOf(const IntegrationConfig &config)
{
    const QJsonObject json = config.toJson();
    QJsonObject sections;
    sections.insert(QStringLiteral("matching"), json.value(QStringLiteral("matching")));
    const QJsonObject streams = json.value(QStringLiteral("streams")).toObject();
    for (StreamKind kind : config::allStreams)
        sections.insert(QStringLiteral("streams.") + config::key(kind), streams.value(config::key(kind)));
    for (const char *name : {"reports", "aggregations", "pes", "firstValueEvents"})
        sections.insert(QLatin1String(name), json.value(QLatin1String(name)));
    return sections;
}

QStringList sectionOrder()
{
    QStringList order {QStringLiteral("matching")};
    for (StreamKind kind : config::allStreams)
        order << QStringLiteral("streams.") + config::key(kind);
    order << QStringLiteral("reports") << QStringLiteral("aggregations") << QStringLiteral("pes")
          << QStringLiteral("firstValueEvents");
    return order;
}

} // namespace

bool StreamMapping::isSelected(const QString &itemId, qint64 appId, bool isCore) const
{
    switch (selection) {
    case SelectionMode::All:
        return true;
    case SelectionMode::Core:
        return isCore;
    case SelectionMode::Items:
        return items.value(appId).contains(itemId);
    }
    return false;
}

IntegrationConfig IntegrationConfig::defaults()
{
    IntegrationConfig config;
    for (StreamKind kind : {StreamKind::Features, StreamKind::Pages}) {
        StreamMapping &stream = config.stream(kind);
        stream.enabled = true;
        stream.selection = SelectionMode::All;
        stream.userActivities = true;
    }
    return config;
}

void IntegrationConfig::normalize()
{
    for (StreamMapping &stream : streams) {
        if (stream.selection != SelectionMode::Items)
            stream.items.clear();
        for (auto it = stream.items.begin(); it != stream.items.end();) {
            it->sort();
            it->removeDuplicates();
            it = it->isEmpty() ? stream.items.erase(it) : std::next(it);
        }
        sortUnique(stream.metrics);
    }
    sortUnique(pes.coreEvents);
    if (pes.usePendoCoreEvents)
        pes.coreEvents.clear();
    sortUnique(firstValueEvents);
}

QJsonObject IntegrationConfig::toJson() const
{
    IntegrationConfig copy = *this;
    copy.normalize();
    QJsonObject streamsJson;
    for (StreamKind kind : config::allStreams)
        streamsJson.insert(config::key(kind), streamJson(copy.stream(kind)));
    QJsonArray reportsJson;
    for (const ReportMapping &report : copy.reports)
        reportsJson.append(QJsonObject {{QStringLiteral("reportId"), report.reportId},
                                        {QStringLiteral("reportName"), report.reportName},
                                        {QStringLiteral("idColumn"), report.idColumn},
                                        {QStringLiteral("object"), config::key(report.object)},
                                        {QStringLiteral("values"), valuesJson(report.values)}});
    QJsonArray aggregationsJson;
    for (const AggregationMapping &aggregation : copy.aggregations)
        aggregationsJson.append(QJsonObject {{QStringLiteral("name"), aggregation.name},
                                             {QStringLiteral("pipeline"), aggregation.pipeline},
                                             {QStringLiteral("idColumn"), aggregation.idColumn},
                                             {QStringLiteral("object"), config::key(aggregation.object)},
                                             {QStringLiteral("values"), valuesJson(aggregation.values)}});
    QJsonObject pesJson {{QStringLiteral("stickiness"), config::key(copy.pes.stickiness)}};
    if (copy.pes.usePendoCoreEvents)
        pesJson.insert(QStringLiteral("coreEvents"), QStringLiteral("pendo"));
    else
        pesJson.insert(QStringLiteral("coreEvents"), eventsJson(copy.pes.coreEvents));
    return QJsonObject {{QStringLiteral("formatVersion"), formatVersion},
                        {QStringLiteral("matching"), copy.matching.toJson()},
                        {QStringLiteral("streams"), streamsJson},
                        {QStringLiteral("reports"), reportsJson},
                        {QStringLiteral("aggregations"), aggregationsJson},
                        {QStringLiteral("pes"), pesJson},
                        {QStringLiteral("firstValueEvents"), eventsJson(copy.firstValueEvents)}};
}

QByteArray IntegrationConfig::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Indented);
}

QStringList IntegrationConfig::changedSections(const IntegrationConfig &before, const IntegrationConfig &after)
{
    const QJsonObject a = sectionsOf(before);
    const QJsonObject b = sectionsOf(after);
    QStringList changed;
    for (const QString &section : sectionOrder()) {
        if (a.value(section) != b.value(section))
            changed << section;
    }
    return changed;
}

QStringList IntegrationConfig::describeChanges(const IntegrationConfig &before, const IntegrationConfig &after)
{
    const QJsonObject a = sectionsOf(before);
    const QJsonObject b = sectionsOf(after);
    QStringList lines;
    for (const QString &section : changedSections(before, after)) {
        const QJsonValue old = a.value(section);
        const QJsonValue now = b.value(section);
        if (old.isArray() && now.isArray()) {
            lines << QCoreApplication::translate("IntegrationConfig", "%1: %2 → %3 entries")
                         .arg(section)
                         .arg(old.toArray().size())
                         .arg(now.toArray().size());
            if (old.toArray().size() == now.toArray().size())
                lines.last() = QCoreApplication::translate("IntegrationConfig", "%1: entries edited").arg(section);
            continue;
        }
        const QJsonObject o = old.toObject();
        const QJsonObject n = now.toObject();
        QStringList keys = o.keys() + n.keys();
        keys.removeDuplicates();
        keys.sort();
        QStringList fields;
        for (const QString &key : keys) {
            if (o.value(key) != n.value(key))
                fields << key;
        }
        lines << section + QStringLiteral(": ") + fields.join(QStringLiteral(", "));
    }
    return lines;
}

RecomputeScope IntegrationConfig::recomputeScope(const IntegrationConfig &before, const IntegrationConfig &after)
{
    RecomputeScope scope;
    for (const QString &section : changedSections(before, after)) {
        if (section == QLatin1String("matching"))
            scope.identities = true;
        else if (section == QLatin1String("reports"))
            scope.reports = true;
        else if (section == QLatin1String("aggregations"))
            scope.aggregations = true;
        else if (section == QLatin1String("pes"))
            scope.pes = true;
        else if (section == QLatin1String("firstValueEvents"))
            scope.firstValue = true;
        else {
            for (StreamKind kind : config::allStreams) {
                if (section == QStringLiteral("streams.") + config::key(kind))
                    scope.streams << kind;
            }
        }
    }
    // PES adoption reads the mapped streams; a stream change moves it too.
    if (!scope.streams.isEmpty())
        scope.pes = true;
    return scope;
}
