#include "IntegrationConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace config {

QString key(CsObject object)
{
    switch (object) {
    case CsObject::Account: return QStringLiteral("account");
    case CsObject::Contact: return QStringLiteral("contact");
    case CsObject::Asset: return QStringLiteral("asset");
    case CsObject::Project: return QStringLiteral("project");
    }
    return {};
}

QString key(Measure measure)
{
    switch (measure) {
    case Measure::Events: return QStringLiteral("events");
    case Measure::Minutes: return QStringLiteral("minutes");
    case Measure::DistinctUsers: return QStringLiteral("distinctUsers");
    }
    return {};
}

QString key(ValueType type)
{
    switch (type) {
    case ValueType::Number: return QStringLiteral("number");
    case ValueType::Text: return QStringLiteral("text");
    case ValueType::Bool: return QStringLiteral("bool");
    case ValueType::Timestamp: return QStringLiteral("timestamp");
    }
    return {};
}

QString key(StreamKind stream)
{
    switch (stream) {
    case StreamKind::Features: return QStringLiteral("features");
    case StreamKind::Pages: return QStringLiteral("pages");
    case StreamKind::Guides: return QStringLiteral("guides");
    case StreamKind::TrackEvents: return QStringLiteral("trackEvents");
    }
    return {};
}

QString key(SelectionMode mode)
{
    switch (mode) {
    case SelectionMode::All: return QStringLiteral("all");
    case SelectionMode::Core: return QStringLiteral("core");
    case SelectionMode::Items: return QStringLiteral("items");
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
    case Stickiness::DauMau: return QStringLiteral("dau/mau");
    case Stickiness::WauMau: return QStringLiteral("wau/mau");
    case Stickiness::DauWau: return QStringLiteral("dau/wau");
    }
    return {};
}

QString catalogKind(StreamKind stream)
{
    switch (stream) {
    case StreamKind::Features: return QStringLiteral("feature");
    case StreamKind::Pages: return QStringLiteral("page");
    case StreamKind::Guides: return QStringLiteral("guide");
    case StreamKind::TrackEvents: return QStringLiteral("track_type");
    }
    return {};
}

} // namespace config

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("IntegrationConfig", text);
}

/** Walks incoming JSON keeping the first error, prefixed with the path where it was found. */
class Reader
{
public:
    QString error;

    bool fail(const QString &path, const QString &message)
    {
        if (error.isEmpty())
            error = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
        return false;
    }

    bool keys(const QJsonObject &object, const QString &path, const QStringList &allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!allowed.contains(it.key()))
                return fail(path, tr("unknown key '%1'").arg(it.key()));
        }
        return true;
    }

    bool object(const QJsonValue &value, const QString &path, QJsonObject *out)
    {
        if (!value.isObject())
            return fail(path, tr("expected an object"));
        *out = value.toObject();
        return true;
    }

    bool array(const QJsonValue &value, const QString &path, QJsonArray *out)
    {
        if (!value.isArray())
            return fail(path, tr("expected a list"));
        *out = value.toArray();
        return true;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool *out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return true; // keep the default
        if (!value.isBool())
            return fail(path + u'.' + key, tr("expected true or false"));
        *out = value.toBool();
        return true;
    }

    bool string(const QJsonObject &object, const QString &key, const QString &path, QString *out, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return true;
        if (!value.isString())
            return fail(path + u'.' + key, tr("expected text"));
        if (required && value.toString().trimmed().isEmpty())
            return fail(path + u'.' + key, tr("must not be empty"));
        *out = value.toString();
        return true;
    }

    template<typename E, std::size_t N>
    bool choice(const QJsonObject &object, const QString &key, const QString &path, const std::array<E, N> &values,
                const char *what, E *out, bool required = false)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                return fail(path + u'.' + key, tr("missing"));
            return true;
        }
        const QString text = value.toString();
        for (E candidate : values) {
            if (config::key(candidate) == text) {
                *out = candidate;
                return true;
            }
        }
        QStringList names;
        for (E candidate : values)
            names << config::key(candidate);
        return fail(path + u'.' + key, tr("unknown %1 '%2' (use %3)")
                                           .arg(tr(what), value.isString() ? text : tr("non-text value"),
                                                names.join(QStringLiteral(", "))));
    }
};

constexpr std::array<CsObject, 4> allObjects{CsObject::Account, CsObject::Contact, CsObject::Asset, CsObject::Project};
constexpr std::array<Measure, 3> allMeasures{Measure::Events, Measure::Minutes, Measure::DistinctUsers};
constexpr std::array<ValueType, 4> allTypes{ValueType::Number, ValueType::Text, ValueType::Bool, ValueType::Timestamp};
constexpr std::array<SelectionMode, 3> allModes{SelectionMode::All, SelectionMode::Core, SelectionMode::Items};
constexpr std::array<AppMode, 2> allAppModes{AppMode::Split, AppMode::Combined};
constexpr std::array<Stickiness, 3> allStickiness{Stickiness::DauMau, Stickiness::WauMau, Stickiness::DauWau};

template<typename T>
void sortUnique(QList<T> &list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
}

QJsonArray eventsJson(const QList<EventRef> &events)
{
    QJsonArray array;
    for (const EventRef &event : events)
        array.append(QJsonObject{{QStringLiteral("kind"), event.kind}, {QStringLiteral("id"), event.id}});
    return array;
}

bool readEvents(Reader &reader, const QJsonValue &value, const QString &path, const QStringList &kinds,
                QList<EventRef> *out)
{
    QJsonArray array;
    if (!reader.array(value, path, &array))
        return false;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = path + QStringLiteral("[%1]").arg(i);
        QJsonObject object;
        EventRef event;
        if (!reader.object(array.at(i), at, &object) || !reader.keys(object, at, {QStringLiteral("kind"), QStringLiteral("id")})
            || !reader.string(object, QStringLiteral("kind"), at, &event.kind, true)
            || !reader.string(object, QStringLiteral("id"), at, &event.id, true))
            return false;
        if (!kinds.contains(event.kind))
            return reader.fail(at + QStringLiteral(".kind"), tr("unknown kind '%1' (use %2)")
                                                                 .arg(event.kind, kinds.join(QStringLiteral(", "))));
        out->append(event);
    }
    return true;
}

QJsonArray valuesJson(const QList<ValueColumn> &values)
{
    QJsonArray array;
    for (const ValueColumn &value : values)
        array.append(QJsonObject{{QStringLiteral("column"), value.column},
                                 {QStringLiteral("name"), value.name},
                                 {QStringLiteral("type"), config::key(value.type)}});
    return array;
}

bool readValues(Reader &reader, const QJsonObject &parent, const QString &path, QList<ValueColumn> *out)
{
    QJsonArray array;
    if (!reader.array(parent.value(QStringLiteral("values")), path + QStringLiteral(".values"), &array))
        return false;
    if (array.isEmpty())
        return reader.fail(path + QStringLiteral(".values"), tr("map at least one value column"));
    QSet<QString> names;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = path + QStringLiteral(".values[%1]").arg(i);
        QJsonObject object;
        ValueColumn value;
        if (!reader.object(array.at(i), at, &object)
            || !reader.keys(object, at, {QStringLiteral("column"), QStringLiteral("name"), QStringLiteral("type")})
            || !reader.string(object, QStringLiteral("column"), at, &value.column, true))
            return false;
        value.name = value.column;
        if (!reader.string(object, QStringLiteral("name"), at, &value.name, false)
            || !reader.choice(object, QStringLiteral("type"), at, allTypes, "type", &value.type))
            return false;
        if (names.contains(value.name))
            return reader.fail(at + QStringLiteral(".name"), tr("the metric name '%1' is used twice").arg(value.name));
        names.insert(value.name);
        out->append(value);
    }
    return true;
}

QJsonObject streamJson(const StreamMapping &stream)
{
    QJsonObject items;
    for (auto it = stream.items.cbegin(); it != stream.items.cend(); ++it)
        items.insert(QString::number(it.key()), QJsonArray::fromStringList(it.value()));
    QJsonArray targets;
    for (const MetricTarget &target : stream.metrics)
        targets.append(QJsonObject{{QStringLiteral("object"), config::key(target.object)},
                                   {QStringLiteral("measure"), config::key(target.measure)}});
    return QJsonObject{{QStringLiteral("enabled"), stream.enabled},
                       {QStringLiteral("selection"), config::key(stream.selection)},
                       {QStringLiteral("items"), items},
                       {QStringLiteral("userActivities"), stream.userActivities},
                       {QStringLiteral("targets"), targets},
                       {QStringLiteral("apps"), config::key(stream.apps)}};
}

bool readStream(Reader &reader, const QJsonValue &value, const QString &path, StreamMapping *out)
{
    QJsonObject object;
    if (!reader.object(value, path, &object)
        || !reader.keys(object, path, {QStringLiteral("enabled"), QStringLiteral("selection"), QStringLiteral("items"),
                                       QStringLiteral("userActivities"), QStringLiteral("targets"), QStringLiteral("apps")})
        || !reader.boolean(object, QStringLiteral("enabled"), path, &out->enabled)
        || !reader.choice(object, QStringLiteral("selection"), path, allModes, "selection", &out->selection)
        || !reader.boolean(object, QStringLiteral("userActivities"), path, &out->userActivities)
        || !reader.choice(object, QStringLiteral("apps"), path, allAppModes, "app mode", &out->apps))
        return false;
    if (object.contains(QStringLiteral("items"))) {
        QJsonObject items;
        if (!reader.object(object.value(QStringLiteral("items")), path + QStringLiteral(".items"), &items))
            return false;
        for (auto it = items.begin(); it != items.end(); ++it) {
            const QString at = path + QStringLiteral(".items.") + it.key();
            bool ok = false;
            const qint64 appId = it.key().toLongLong(&ok);
            if (!ok)
                return reader.fail(at, tr("'%1' is not an app id").arg(it.key()));
            QJsonArray ids;
            if (!reader.array(it.value(), at, &ids))
                return false;
            QStringList list;
            for (qsizetype i = 0; i < ids.size(); ++i) {
                if (!ids.at(i).isString() || ids.at(i).toString().isEmpty())
                    return reader.fail(at + QStringLiteral("[%1]").arg(i), tr("expected an item id"));
                list << ids.at(i).toString();
            }
            out->items.insert(appId, list);
        }
    }
    if (object.contains(QStringLiteral("targets"))) {
        QJsonArray targets;
        if (!reader.array(object.value(QStringLiteral("targets")), path + QStringLiteral(".targets"), &targets))
            return false;
        out->metrics.clear();
        for (qsizetype i = 0; i < targets.size(); ++i) {
            const QString at = path + QStringLiteral(".targets[%1]").arg(i);
            QJsonObject target;
            MetricTarget metric;
            if (!reader.object(targets.at(i), at, &target)
                || !reader.keys(target, at, {QStringLiteral("object"), QStringLiteral("measure")})
                || !reader.choice(target, QStringLiteral("object"), at, allObjects, "object", &metric.object, true)
                || !reader.choice(target, QStringLiteral("measure"), at, allMeasures, "measure", &metric.measure, true))
                return false;
            out->metrics.append(metric);
        }
    }
    return true;
}

const QStringList &eventKinds()
{
    static const QStringList kinds{QStringLiteral("feature"), QStringLiteral("page"), QStringLiteral("track_type"),
                                   QStringLiteral("guide")};
    return kinds;
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
    QStringList order{QStringLiteral("matching")};
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
    case SelectionMode::All: return true;
    case SelectionMode::Core: return isCore;
    case SelectionMode::Items: return items.value(appId).contains(itemId);
    }
    return false;
}

const QStringList &AggregationMapping::eventSources()
{
    static const QStringList sources{QStringLiteral("events"),      QStringLiteral("pageEvents"),
                                     QStringLiteral("featureEvents"), QStringLiteral("trackEvents"),
                                     QStringLiteral("guideEvents"), QStringLiteral("pollEvents"),
                                     QStringLiteral("singleEvents")};
    return sources;
}

bool AggregationMapping::validatePipeline(const QJsonValue &pipeline, QString *error)
{
    Reader reader;
    const auto done = [&](bool ok) {
        if (!ok && error)
            *error = reader.error;
        return ok;
    };
    if (!pipeline.isArray())
        return done(reader.fail(QString(), tr("the pipeline must be a list of stages")));
    const QJsonArray stages = pipeline.toArray();
    if (stages.isEmpty())
        return done(reader.fail(QString(), tr("the pipeline has no stages")));
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const QString at = QStringLiteral("[%1]").arg(i);
        QJsonObject stage;
        if (!reader.object(stages.at(i), at, &stage))
            return done(false);
        if (stage.size() != 1)
            return done(reader.fail(at, tr("a stage has exactly one operator, found %1").arg(stage.size())));
        const QString op = stage.begin().key();
        if (i == 0 && op != QLatin1String("source"))
            return done(reader.fail(at, tr("the first stage must be a 'source', not '%1'").arg(op)));
        if (i > 0 && op == QLatin1String("source"))
            return done(reader.fail(at, tr("only the first stage can be a 'source'")));
    }
    const QString at = QStringLiteral("[0].source");
    QJsonObject source;
    if (!reader.object(stages.at(0).toObject().value(QStringLiteral("source")), at, &source))
        return done(false);
    QStringList names = source.keys();
    names.removeAll(QStringLiteral("timeSeries"));
    if (names.size() != 1)
        return done(reader.fail(at, tr("name exactly one source (e.g. featureEvents)")));
    if (!eventSources().contains(names.first()))
        return done(reader.fail(at + u'.' + names.first(),
                                tr("'%1' is not an event source; a per-day metric needs one of %2")
                                    .arg(names.first(), eventSources().join(QStringLiteral(", ")))));
    QJsonObject timeSeries;
    if (!source.contains(QStringLiteral("timeSeries")))
        return done(reader.fail(at + QStringLiteral(".timeSeries"), tr("an event source needs a timeSeries")));
    if (!reader.object(source.value(QStringLiteral("timeSeries")), at + QStringLiteral(".timeSeries"), &timeSeries))
        return done(false);
    if (!timeSeries.value(QStringLiteral("period")).isString())
        return done(reader.fail(at + QStringLiteral(".timeSeries.period"), tr("missing (use dayRange)")));
    return done(true);
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
        reportsJson.append(QJsonObject{{QStringLiteral("reportId"), report.reportId},
                                       {QStringLiteral("reportName"), report.reportName},
                                       {QStringLiteral("idColumn"), report.idColumn},
                                       {QStringLiteral("object"), config::key(report.object)},
                                       {QStringLiteral("values"), valuesJson(report.values)}});
    QJsonArray aggregationsJson;
    for (const AggregationMapping &aggregation : copy.aggregations)
        aggregationsJson.append(QJsonObject{{QStringLiteral("name"), aggregation.name},
                                            {QStringLiteral("pipeline"), aggregation.pipeline},
                                            {QStringLiteral("idColumn"), aggregation.idColumn},
                                            {QStringLiteral("object"), config::key(aggregation.object)},
                                            {QStringLiteral("values"), valuesJson(aggregation.values)}});
    QJsonObject pesJson{{QStringLiteral("stickiness"), config::key(copy.pes.stickiness)}};
    if (copy.pes.usePendoCoreEvents)
        pesJson.insert(QStringLiteral("coreEvents"), QStringLiteral("pendo"));
    else
        pesJson.insert(QStringLiteral("coreEvents"), eventsJson(copy.pes.coreEvents));
    return QJsonObject{{QStringLiteral("formatVersion"), formatVersion},
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

std::optional<IntegrationConfig> IntegrationConfig::fromJson(const QJsonObject &json, QString *error)
{
    Reader reader;
    IntegrationConfig config; // missing sections keep their (empty) defaults
    const auto fail = [&]() -> std::optional<IntegrationConfig> {
        if (error)
            *error = reader.error;
        return std::nullopt;
    };
    if (!reader.keys(json, QString(), {QStringLiteral("formatVersion"), QStringLiteral("matching"),
                                       QStringLiteral("streams"), QStringLiteral("reports"),
                                       QStringLiteral("aggregations"), QStringLiteral("pes"),
                                       QStringLiteral("firstValueEvents")}))
        return fail();
    const QJsonValue version = json.value(QStringLiteral("formatVersion"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1) {
        reader.fail(QStringLiteral("formatVersion"), tr("missing or not a version number"));
        return fail();
    }
    if (version.toInt() > formatVersion) {
        reader.fail(QStringLiteral("formatVersion"),
                    tr("version %1 was written by a newer Pendo Bridge; this one reads up to %2")
                        .arg(version.toInt())
                        .arg(formatVersion));
        return fail();
    }

    if (json.contains(QStringLiteral("matching"))) {
        QJsonObject matching;
        if (!reader.object(json.value(QStringLiteral("matching")), QStringLiteral("matching"), &matching))
            return fail();
        QString matchError;
        config.matching = MatchRules::fromJson(matching, &matchError);
        if (!matchError.isEmpty()) {
            reader.fail(QStringLiteral("matching"), matchError);
            return fail();
        }
    }

    if (json.contains(QStringLiteral("streams"))) {
        QJsonObject streams;
        if (!reader.object(json.value(QStringLiteral("streams")), QStringLiteral("streams"), &streams))
            return fail();
        QStringList names;
        for (StreamKind kind : config::allStreams)
            names << config::key(kind);
        if (!reader.keys(streams, QStringLiteral("streams"), names))
            return fail();
        for (StreamKind kind : config::allStreams) {
            if (streams.contains(config::key(kind))
                && !readStream(reader, streams.value(config::key(kind)), QStringLiteral("streams.") + config::key(kind),
                               &config.stream(kind)))
                return fail();
        }
    }

    if (json.contains(QStringLiteral("reports"))) {
        QJsonArray reports;
        if (!reader.array(json.value(QStringLiteral("reports")), QStringLiteral("reports"), &reports))
            return fail();
        for (qsizetype i = 0; i < reports.size(); ++i) {
            const QString at = QStringLiteral("reports[%1]").arg(i);
            QJsonObject object;
            ReportMapping report;
            if (!reader.object(reports.at(i), at, &object)
                || !reader.keys(object, at, {QStringLiteral("reportId"), QStringLiteral("reportName"),
                                             QStringLiteral("idColumn"), QStringLiteral("object"), QStringLiteral("values")})
                || !reader.string(object, QStringLiteral("reportId"), at, &report.reportId, true)
                || !reader.string(object, QStringLiteral("reportName"), at, &report.reportName, false)
                || !reader.string(object, QStringLiteral("idColumn"), at, &report.idColumn, true)
                || !reader.choice(object, QStringLiteral("object"), at, allObjects, "object", &report.object, true)
                || !readValues(reader, object, at, &report.values))
                return fail();
            config.reports.append(report);
        }
    }

    if (json.contains(QStringLiteral("aggregations"))) {
        QJsonArray aggregations;
        if (!reader.array(json.value(QStringLiteral("aggregations")), QStringLiteral("aggregations"), &aggregations))
            return fail();
        QSet<QString> names;
        for (qsizetype i = 0; i < aggregations.size(); ++i) {
            const QString at = QStringLiteral("aggregations[%1]").arg(i);
            QJsonObject object;
            AggregationMapping aggregation;
            if (!reader.object(aggregations.at(i), at, &object)
                || !reader.keys(object, at, {QStringLiteral("name"), QStringLiteral("pipeline"), QStringLiteral("idColumn"),
                                             QStringLiteral("object"), QStringLiteral("values")})
                || !reader.string(object, QStringLiteral("name"), at, &aggregation.name, true))
                return fail();
            if (names.contains(aggregation.name)) {
                reader.fail(at + QStringLiteral(".name"), tr("the name '%1' is used twice").arg(aggregation.name));
                return fail();
            }
            names.insert(aggregation.name);
            QString pipelineError;
            if (!AggregationMapping::validatePipeline(object.value(QStringLiteral("pipeline")), &pipelineError)) {
                const QString path = at + QStringLiteral(".pipeline");
                reader.error = pipelineError.startsWith(u'[') ? QString(path + pipelineError)
                                                               : QString(path + QStringLiteral(": ") + pipelineError);
                return fail();
            }
            aggregation.pipeline = object.value(QStringLiteral("pipeline")).toArray();
            if (!reader.string(object, QStringLiteral("idColumn"), at, &aggregation.idColumn, true)
                || !reader.choice(object, QStringLiteral("object"), at, allObjects, "object", &aggregation.object, true)
                || !readValues(reader, object, at, &aggregation.values))
                return fail();
            config.aggregations.append(aggregation);
        }
    }

    if (json.contains(QStringLiteral("pes"))) {
        QJsonObject pes;
        if (!reader.object(json.value(QStringLiteral("pes")), QStringLiteral("pes"), &pes)
            || !reader.keys(pes, QStringLiteral("pes"), {QStringLiteral("coreEvents"), QStringLiteral("stickiness")})
            || !reader.choice(pes, QStringLiteral("stickiness"), QStringLiteral("pes"), allStickiness, "stickiness",
                              &config.pes.stickiness))
            return fail();
        const QJsonValue core = pes.value(QStringLiteral("coreEvents"));
        if (core.isString()) {
            if (core.toString() != QLatin1String("pendo")) {
                reader.fail(QStringLiteral("pes.coreEvents"),
                            tr("use \"pendo\" (Pendo's core events) or a list of events"));
                return fail();
            }
            config.pes.usePendoCoreEvents = true;
        } else if (!core.isUndefined()) {
            config.pes.usePendoCoreEvents = false;
            if (!readEvents(reader, core, QStringLiteral("pes.coreEvents"), eventKinds().mid(0, 3), &config.pes.coreEvents))
                return fail();
        }
    }

    if (json.contains(QStringLiteral("firstValueEvents"))
        && !readEvents(reader, json.value(QStringLiteral("firstValueEvents")), QStringLiteral("firstValueEvents"),
                       eventKinds(), &config.firstValueEvents))
        return fail();

    config.normalize();
    return config;
}

std::optional<IntegrationConfig> IntegrationConfig::fromJsonBytes(const QByteArray &bytes, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Report a line so the user can find the mistake in an exported file.
        const int line = int(bytes.left(parseError.offset).count('\n')) + 1;
        if (error)
            *error = tr("not valid JSON at line %1: %2").arg(line).arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = tr("the configuration must be a JSON object");
        return std::nullopt;
    }
    return fromJson(document.object(), error);
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
            lines << tr("%1: %2 → %3 entries").arg(section).arg(old.toArray().size()).arg(now.toArray().size());
            if (old.toArray().size() == now.toArray().size())
                lines.last() = tr("%1: entries edited").arg(section);
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
