// Reading and validating incoming configuration JSON; writing it lives in IntegrationConfig.cpp.
#include "IntegrationConfig.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSet>

namespace {

/**
 * The values a setting can take and the noun naming the setting in "unknown …" errors. The noun
 * is marked for translation here and translated only when an error is reported.
 */
template<typename E, std::size_t N> struct Choices
{
    std::array<E, N> values;
    const char *noun;
};

constexpr Choices<CsObject, 4> objectChoices {
    {CsObject::Account, CsObject::Contact, CsObject::Asset, CsObject::Project},
    QT_TRANSLATE_NOOP("IntegrationConfig", "object")};
constexpr Choices<Measure, 3> measureChoices {{Measure::Events, Measure::Minutes, Measure::DistinctUsers},
                                              QT_TRANSLATE_NOOP("IntegrationConfig", "measure")};
constexpr Choices<ValueType, 4> typeChoices {
    {ValueType::Number, ValueType::Text, ValueType::Bool, ValueType::Timestamp},
    QT_TRANSLATE_NOOP("IntegrationConfig", "type")};
constexpr Choices<SelectionMode, 3> selectionChoices {{SelectionMode::All, SelectionMode::Core, SelectionMode::Items},
                                                      QT_TRANSLATE_NOOP("IntegrationConfig", "selection")};
constexpr Choices<AppMode, 2> appModeChoices {{AppMode::Split, AppMode::Combined},
                                              QT_TRANSLATE_NOOP("IntegrationConfig", "app mode")};
constexpr Choices<Stickiness, 3> stickinessChoices {{Stickiness::DauMau, Stickiness::WauMau, Stickiness::DauWau},
                                                    QT_TRANSLATE_NOOP("IntegrationConfig", "stickiness")};

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
                return fail(path, QCoreApplication::translate("IntegrationConfig", "unknown key '%1'").arg(it.key()));
        }
        return true;
    }

    bool object(const QJsonValue &value, const QString &path, QJsonObject *out)
    {
        if (!value.isObject())
            return fail(path, QCoreApplication::translate("IntegrationConfig", "expected an object"));
        *out = value.toObject();
        return true;
    }

    bool array(const QJsonValue &value, const QString &path, QJsonArray *out)
    {
        if (!value.isArray())
            return fail(path, QCoreApplication::translate("IntegrationConfig", "expected a list"));
        *out = value.toArray();
        return true;
    }

    bool boolean(const QJsonObject &object, const QString &key, const QString &path, bool *out)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return true; // keep the default
        if (!value.isBool())
            return fail(path + u'.' + key, QCoreApplication::translate("IntegrationConfig", "expected true or false"));
        *out = value.toBool();
        return true;
    }

    bool string(const QJsonObject &object, const QString &key, const QString &path, QString *out, bool required)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() && !required)
            return true;
        if (!value.isString())
            return fail(path + u'.' + key, QCoreApplication::translate("IntegrationConfig", "expected text"));
        if (required && value.toString().trimmed().isEmpty())
            return fail(path + u'.' + key, QCoreApplication::translate("IntegrationConfig", "must not be empty"));
        *out = value.toString();
        return true;
    }

    template<typename E, std::size_t N>
    bool choice(const QJsonObject &object, const QString &key, const QString &path, const Choices<E, N> &choices,
                E *out, bool required = false)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                return fail(path + u'.' + key, QCoreApplication::translate("IntegrationConfig", "missing"));
            return true;
        }
        const QString text = value.toString();
        for (E candidate : choices.values) {
            if (config::key(candidate) == text) {
                *out = candidate;
                return true;
            }
        }
        QStringList names;
        for (E candidate : choices.values)
            names << config::key(candidate);
        return fail(
            path + u'.' + key,
            QCoreApplication::translate("IntegrationConfig", "unknown %1 '%2' (use %3)")
                .arg(QCoreApplication::translate("IntegrationConfig", choices.noun),
                     value.isString() ? text : QCoreApplication::translate("IntegrationConfig", "non-text value"),
                     names.join(QStringLiteral(", "))));
    }
};

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
        if (!reader.object(array.at(i), at, &object)
            || !reader.keys(object, at, {QStringLiteral("kind"), QStringLiteral("id")})
            || !reader.string(object, QStringLiteral("kind"), at, &event.kind, true)
            || !reader.string(object, QStringLiteral("id"), at, &event.id, true))
            return false;
        if (!kinds.contains(event.kind))
            return reader.fail(at + QStringLiteral(".kind"),
                               QCoreApplication::translate("IntegrationConfig", "unknown kind '%1' (use %2)")
                                   .arg(event.kind, kinds.join(QStringLiteral(", "))));
        out->append(event);
    }
    return true;
}

bool readValues(Reader &reader, const QJsonObject &parent, const QString &path, QList<ValueColumn> *out)
{
    QJsonArray array;
    if (!reader.array(parent.value(QStringLiteral("values")), path + QStringLiteral(".values"), &array))
        return false;
    if (array.isEmpty())
        return reader.fail(path + QStringLiteral(".values"),
                           QCoreApplication::translate("IntegrationConfig", "map at least one value column"));
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
            || !reader.choice(object, QStringLiteral("type"), at, typeChoices, &value.type))
            return false;
        if (names.contains(value.name))
            return reader.fail(
                at + QStringLiteral(".name"),
                QCoreApplication::translate("IntegrationConfig", "the metric name '%1' is used twice").arg(value.name));
        names.insert(value.name);
        out->append(value);
    }
    return true;
}

bool readStream(Reader &reader, const QJsonValue &value, const QString &path, StreamMapping *out)
{
    QJsonObject object;
    if (!reader.object(value, path, &object)
        || !reader.keys(object, path,
                        {QStringLiteral("enabled"), QStringLiteral("selection"), QStringLiteral("items"),
                         QStringLiteral("userActivities"), QStringLiteral("targets"), QStringLiteral("apps")})
        || !reader.boolean(object, QStringLiteral("enabled"), path, &out->enabled)
        || !reader.choice(object, QStringLiteral("selection"), path, selectionChoices, &out->selection)
        || !reader.boolean(object, QStringLiteral("userActivities"), path, &out->userActivities)
        || !reader.choice(object, QStringLiteral("apps"), path, appModeChoices, &out->apps))
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
                return reader.fail(
                    at, QCoreApplication::translate("IntegrationConfig", "'%1' is not an app id").arg(it.key()));
            QJsonArray ids;
            if (!reader.array(it.value(), at, &ids))
                return false;
            QStringList list;
            for (qsizetype i = 0; i < ids.size(); ++i) {
                if (!ids.at(i).isString() || ids.at(i).toString().isEmpty())
                    return reader.fail(at + QStringLiteral("[%1]").arg(i),
                                       QCoreApplication::translate("IntegrationConfig", "expected an item id"));
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
                || !reader.choice(target, QStringLiteral("object"), at, objectChoices, &metric.object, true)
                || !reader.choice(target, QStringLiteral("measure"), at, measureChoices, &metric.measure, true))
                return false;
            out->metrics.append(metric);
        }
    }
    return true;
}

const QStringList &eventKinds()
{
    static const QStringList kinds {QStringLiteral("feature"), QStringLiteral("page"), QStringLiteral("track_type"),
                                    QStringLiteral("guide")};
    return kinds;
}

} // namespace

const QStringList &AggregationMapping::eventSources()
{
    static const QStringList sources {QStringLiteral("events"),        QStringLiteral("pageEvents"),
                                      QStringLiteral("featureEvents"), QStringLiteral("trackEvents"),
                                      QStringLiteral("guideEvents"),   QStringLiteral("pollEvents"),
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
        return done(reader.fail(
            QString(), QCoreApplication::translate("IntegrationConfig", "the pipeline must be a list of stages")));
    const QJsonArray stages = pipeline.toArray();
    if (stages.isEmpty())
        return done(
            reader.fail(QString(), QCoreApplication::translate("IntegrationConfig", "the pipeline has no stages")));
    for (qsizetype i = 0; i < stages.size(); ++i) {
        const QString at = QStringLiteral("[%1]").arg(i);
        QJsonObject stage;
        if (!reader.object(stages.at(i), at, &stage))
            return done(false);
        if (stage.size() != 1)
            return done(reader.fail(
                at,
                QCoreApplication::translate("IntegrationConfig", "a stage has exactly one operator, found %1")
                    .arg(stage.size())));
        const QString op = stage.begin().key();
        if (i == 0 && op != QLatin1String("source"))
            return done(reader.fail(
                at,
                QCoreApplication::translate("IntegrationConfig", "the first stage must be a 'source', not '%1'")
                    .arg(op)));
        if (i > 0 && op == QLatin1String("source"))
            return done(reader.fail(
                at, QCoreApplication::translate("IntegrationConfig", "only the first stage can be a 'source'")));
    }
    const QString at = QStringLiteral("[0].source");
    QJsonObject source;
    if (!reader.object(stages.at(0).toObject().value(QStringLiteral("source")), at, &source))
        return done(false);
    QStringList names = source.keys();
    names.removeAll(QStringLiteral("timeSeries"));
    if (names.size() != 1)
        return done(reader.fail(
            at, QCoreApplication::translate("IntegrationConfig", "name exactly one source (e.g. featureEvents)")));
    if (!eventSources().contains(names.first()))
        return done(
            reader.fail(at + u'.' + names.first(),
                        QCoreApplication::translate("IntegrationConfig",
                                                    "'%1' is not an event source; a per-day metric needs one of %2")
                            .arg(names.first(), eventSources().join(QStringLiteral(", ")))));
    QJsonObject timeSeries;
    if (!source.contains(QStringLiteral("timeSeries")))
        return done(
            reader.fail(at + QStringLiteral(".timeSeries"),
                        QCoreApplication::translate("IntegrationConfig", "an event source needs a timeSeries")));
    if (!reader.object(source.value(QStringLiteral("timeSeries")), at + QStringLiteral(".timeSeries"), &timeSeries))
        return done(false);
    if (!timeSeries.value(QStringLiteral("period")).isString())
        return done(reader.fail(at + QStringLiteral(".timeSeries.period"),
                                QCoreApplication::translate("IntegrationConfig", "missing (use dayRange)")));
    return done(true);
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
    if (!reader.keys(json, QString(),
                     {QStringLiteral("formatVersion"), QStringLiteral("matching"), QStringLiteral("streams"),
                      QStringLiteral("reports"), QStringLiteral("aggregations"), QStringLiteral("pes"),
                      QStringLiteral("firstValueEvents")}))
        return fail();
    const QJsonValue version = json.value(QStringLiteral("formatVersion"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1) {
        reader.fail(QStringLiteral("formatVersion"),
                    QCoreApplication::translate("IntegrationConfig", "missing or not a version number"));
        return fail();
    }
    if (version.toInt() > formatVersion) {
        reader.fail(QStringLiteral("formatVersion"),
                    QCoreApplication::translate(
                        "IntegrationConfig", "version %1 was written by a newer Pendo Bridge; this one reads up to %2")
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
                || !reader.keys(object, at,
                                {QStringLiteral("reportId"), QStringLiteral("reportName"), QStringLiteral("idColumn"),
                                 QStringLiteral("object"), QStringLiteral("values")})
                || !reader.string(object, QStringLiteral("reportId"), at, &report.reportId, true)
                || !reader.string(object, QStringLiteral("reportName"), at, &report.reportName, false)
                || !reader.string(object, QStringLiteral("idColumn"), at, &report.idColumn, true)
                || !reader.choice(object, QStringLiteral("object"), at, objectChoices, &report.object, true)
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
                || !reader.keys(object, at,
                                {QStringLiteral("name"), QStringLiteral("pipeline"), QStringLiteral("idColumn"),
                                 QStringLiteral("object"), QStringLiteral("values")})
                || !reader.string(object, QStringLiteral("name"), at, &aggregation.name, true))
                return fail();
            if (names.contains(aggregation.name)) {
                reader.fail(at + QStringLiteral(".name"),
                            QCoreApplication::translate("IntegrationConfig", "the name '%1' is used twice")
                                .arg(aggregation.name));
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
                || !reader.choice(object, QStringLiteral("object"), at, objectChoices, &aggregation.object, true)
                || !readValues(reader, object, at, &aggregation.values))
                return fail();
            config.aggregations.append(aggregation);
        }
    }

    if (json.contains(QStringLiteral("pes"))) {
        QJsonObject pes;
        if (!reader.object(json.value(QStringLiteral("pes")), QStringLiteral("pes"), &pes)
            || !reader.keys(pes, QStringLiteral("pes"), {QStringLiteral("coreEvents"), QStringLiteral("stickiness")})
            || !reader.choice(pes, QStringLiteral("stickiness"), QStringLiteral("pes"), stickinessChoices,
                              &config.pes.stickiness))
            return fail();
        const QJsonValue core = pes.value(QStringLiteral("coreEvents"));
        if (core.isString()) {
            if (core.toString() != QLatin1String("pendo")) {
                reader.fail(QStringLiteral("pes.coreEvents"),
                            QCoreApplication::translate("IntegrationConfig",
                                                        "use \"pendo\" (Pendo's core events) or a list of events"));
                return fail();
            }
            config.pes.usePendoCoreEvents = true;
        } else if (!core.isUndefined()) {
            config.pes.usePendoCoreEvents = false;
            if (!readEvents(reader, core, QStringLiteral("pes.coreEvents"), eventKinds().mid(0, 3),
                            &config.pes.coreEvents))
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
            *error = QCoreApplication::translate("IntegrationConfig", "not valid JSON at line %1: %2")
                         .arg(line)
                         .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        if (error)
            *error = QCoreApplication::translate("IntegrationConfig", "the configuration must be a JSON object");
        return std::nullopt;
    }
    return fromJson(document.object(), error);
}
