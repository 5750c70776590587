#pragma once

#include "MatchRules.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

/** The CS objects a custom metric can land on. */
enum class CsObject { Account, Contact, Asset, Project };
/** What a stream's custom metric counts per object and day. */
enum class Measure { Events, Minutes, DistinctUsers };
/** The value type of a report or aggregation column, inferred from a preview. */
enum class ValueType { Number, Text, Bool, Timestamp };
/** The Pendo activity streams that can be mapped item by item. */
enum class StreamKind { Features, Pages, Guides, TrackEvents };
/** Which items of a stream are mapped. */
enum class SelectionMode { All, Core, Items };
/** Multi-app subscriptions: keep each app's numbers apart (split by appId) or add them up. */
enum class AppMode { Split, Combined };
/** The PES stickiness ratio. */
enum class Stickiness { DauMau, WauMau, DauWau };

namespace config {
QString key(CsObject object);
QString key(Measure measure);
QString key(ValueType type);
QString key(StreamKind stream);
QString key(SelectionMode mode);
QString key(AppMode mode);
QString key(Stickiness stickiness);
/** The catalog kind ("feature", "page", "guide", "track_type") of a stream's items. */
QString catalogKind(StreamKind stream);
constexpr std::array<StreamKind, 4> allStreams{StreamKind::Features, StreamKind::Pages, StreamKind::Guides,
                                               StreamKind::TrackEvents};
} // namespace config

/** One custom metric a stream feeds: e.g. distinct users per account and day. */
struct MetricTarget
{
    CsObject object = CsObject::Account;
    Measure measure = Measure::Events;
    friend bool operator==(const MetricTarget &, const MetricTarget &) = default;
    friend auto operator<=>(const MetricTarget &, const MetricTarget &) = default;
};

/** How one activity stream (features, pages, guides or track events) lands in the workspace. */
struct StreamMapping
{
    bool enabled = false;
    SelectionMode selection = SelectionMode::All;
    /** SelectionMode::Items: the chosen Pendo item ids per app id (kept sorted). */
    QMap<qint64, QStringList> items;
    /** Daily events and minutes per contact. */
    bool userActivities = false;
    /** Custom metrics on CS objects (kept sorted, no duplicates). */
    QList<MetricTarget> metrics;
    AppMode apps = AppMode::Split;

    bool isSelected(const QString &itemId, qint64 appId, bool isCore) const;
    friend bool operator==(const StreamMapping &, const StreamMapping &) = default;
};

/** A report or aggregation column that becomes a custom metric. */
struct ValueColumn
{
    QString column;
    QString name; // the custom metric's name
    ValueType type = ValueType::Number;
    friend bool operator==(const ValueColumn &, const ValueColumn &) = default;
};

/** A saved Pendo report whose rows become custom metrics of one CS object. */
struct ReportMapping
{
    QString reportId;
    QString reportName; // for people reading the exported file; refreshed from the catalog
    QString idColumn;
    CsObject object = CsObject::Account;
    QList<ValueColumn> values;
    friend bool operator==(const ReportMapping &, const ReportMapping &) = default;
};

/** An aggregation pipeline run per day whose rows become custom metrics of one CS object. */
struct AggregationMapping
{
    QString name;
    QJsonArray pipeline;
    CsObject object = CsObject::Account;
    QString idColumn;
    QList<ValueColumn> values;
    friend bool operator==(const AggregationMapping &, const AggregationMapping &) = default;

    /** The event sources a per-day pipeline may start with. */
    static const QStringList &eventSources();
    /**
     * Checks that `pipeline` is an array of single-key stage objects starting with a `source`
     * stage on an event source with a `timeSeries`. On failure *error names the offending path
     * relative to the pipeline (e.g. "[0].source.timeSeries: …").
     */
    static bool validatePipeline(const QJsonValue &pipeline, QString *error);
};

/** A Pendo item referred to by kind ("feature", "page", "track_type", "guide") and id. */
struct EventRef
{
    QString kind;
    QString id;
    friend bool operator==(const EventRef &, const EventRef &) = default;
    friend bool operator<(const EventRef &a, const EventRef &b)
    {
        return a.kind != b.kind ? a.kind < b.kind : a.id < b.id;
    }
};

/** Product Engagement Score settings. */
struct PesConfig
{
    /** True: the core events are the items Pendo flags isCoreEvent; false: `coreEvents`. */
    bool usePendoCoreEvents = true;
    QList<EventRef> coreEvents; // sorted, no duplicates
    Stickiness stickiness = Stickiness::DauMau;
    friend bool operator==(const PesConfig &, const PesConfig &) = default;
};

/**
 * Which derived data a configuration change invalidates. There is no derived layer yet; the
 * recompute step of the analytics layer consumes this: `identities` → re-resolve matches and
 * everything downstream; `streams` → activities and stream metrics of those streams; `reports` /
 * `aggregations` → custom metrics; `pes` / `firstValue` → PES and milestones. A configuration
 * applies to the whole history, so the day range is always every synced day.
 */
struct RecomputeScope
{
    bool identities = false;
    QList<StreamKind> streams;
    bool reports = false;
    bool aggregations = false;
    bool pes = false;
    bool firstValue = false;

    bool isEmpty() const { return !identities && streams.isEmpty() && !reports && !aggregations && !pes && !firstValue; }
};

/**
 * The whole integration configuration — matching rules, stream mappings, report and aggregation
 * metrics, PES and first-value events — as one value type. Serialises to stable, readable and
 * diffable JSON (sorted keys, sorted sets, indented) and validates incoming JSON with errors that
 * name the path. Saved as versions by ConfigStore. Any thread.
 */
struct IntegrationConfig
{
    static constexpr int formatVersion = 1;

    MatchRules matching;
    std::array<StreamMapping, 4> streams; // indexed by StreamKind
    QList<ReportMapping> reports;
    QList<AggregationMapping> aggregations;
    PesConfig pes;
    QList<EventRef> firstValueEvents; // sorted, no duplicates

    StreamMapping &stream(StreamKind kind) { return streams[std::size_t(kind)]; }
    const StreamMapping &stream(StreamKind kind) const { return streams[std::size_t(kind)]; }

    /** A new workspace: ids then e-mail matching, all features and pages as user activities, Pendo's core events, apps split. */
    static IntegrationConfig defaults();

    /** Sorts and de-duplicates the sets so equal configurations compare and serialise equal. */
    void normalize();

    QJsonObject toJson() const;
    /** The indented export form (UTF-8, trailing newline). */
    QByteArray toJsonBytes() const;
    static std::optional<IntegrationConfig> fromJson(const QJsonObject &json, QString *error);
    static std::optional<IntegrationConfig> fromJsonBytes(const QByteArray &bytes, QString *error);

    /** The sections that differ: "matching", "streams.features", …, "reports", "aggregations", "pes", "firstValueEvents". */
    static QStringList changedSections(const IntegrationConfig &before, const IntegrationConfig &after);
    /** Readable one-line changes per section, e.g. "streams.features: selection, targets". */
    static QStringList describeChanges(const IntegrationConfig &before, const IntegrationConfig &after);
    static RecomputeScope recomputeScope(const IntegrationConfig &before, const IntegrationConfig &after);

    friend bool operator==(const IntegrationConfig &, const IntegrationConfig &) = default;
};
