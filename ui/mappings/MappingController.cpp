#include "MappingController.h"

#include "session/WorkspaceSession.h"
#include "store/Database.h"

#include <QtConcurrent>

EventRef eventRefOf(const MappableItem &item)
{
    return EventRef{item.kind, item.pendoId};
}

MappingController::MappingController(WorkspaceSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_config(IntegrationConfig::defaults())
    , m_saved(m_config)
{
    connect(&m_watcher, &QFutureWatcher<LoadResult>::finished, this, &MappingController::finishLoad);
}

MappingController::~MappingController()
{
    m_watcher.waitForFinished();
}

void MappingController::load()
{
    ConfigStore store(m_session.database());
    QString error;
    m_baseVersion = store.currentVersion(&error);
    m_saved = store.current(&error);
    m_saved.normalize();
    m_config = m_saved;
    if (!error.isEmpty()) {
        Q_EMIT loadFailed(error);
        return;
    }
    Q_EMIT configChanged();
    if (m_watcher.isRunning())
        return;
    Database *database = &m_session.database();
    // The catalog can hold thousands of items; read it off the UI thread.
    m_watcher.setFuture(QtConcurrent::run([database] {
        LoadResult result;
        ScopedConnection connection(*database);
        if (!connection.isValid()) {
            result.error = connection.error();
            return result;
        }
        mappingcatalog::read(connection.db(), &result.catalog, &result.error);
        return result;
    }));
}

void MappingController::finishLoad()
{
    LoadResult result = m_watcher.result();
    if (!result.error.isEmpty()) {
        Q_EMIT loadFailed(result.error);
        return;
    }
    m_catalog = std::move(result.catalog);
    Q_EMIT loaded();
    Q_EMIT configChanged();
}

bool MappingController::isDirty() const
{
    return m_config.toJsonBytes() != m_saved.toJsonBytes();
}

void MappingController::setConfig(const IntegrationConfig &config)
{
    m_config = config;
    changed();
}

void MappingController::changed()
{
    m_config.normalize();
    Q_EMIT configChanged();
}

QList<MappableItem> MappingController::streamItems(StreamKind stream) const
{
    return m_catalog.itemsOf({config::catalogKind(stream)});
}

void MappingController::setStreamEnabled(StreamKind stream, bool enabled)
{
    m_config.stream(stream).enabled = enabled;
    changed();
}

void MappingController::selectAll(StreamKind stream)
{
    m_config.stream(stream).selection = SelectionMode::All;
    m_config.stream(stream).items.clear();
    changed();
}

void MappingController::selectCoreOnly(StreamKind stream)
{
    m_config.stream(stream).selection = SelectionMode::Core;
    m_config.stream(stream).items.clear();
    changed();
}

void MappingController::selectNone(StreamKind stream)
{
    StreamMapping &mapping = m_config.stream(stream);
    mapping.selection = SelectionMode::Items;
    mapping.items.clear();
    changed();
}

bool MappingController::isItemSelected(StreamKind stream, const MappableItem &item) const
{
    return m_config.stream(stream).isSelected(item.pendoId, item.appId, item.isCore);
}

void MappingController::setItemSelected(StreamKind stream, const MappableItem &item, bool selected)
{
    StreamMapping &mapping = m_config.stream(stream);
    if (mapping.isSelected(item.pendoId, item.appId, item.isCore) == selected)
        return;
    if (mapping.selection != SelectionMode::Items) {
        // Turn the rule (all / core) into the explicit list it stands for, then edit that.
        QMap<qint64, QStringList> items;
        for (const MappableItem &candidate : streamItems(stream)) {
            if (mapping.isSelected(candidate.pendoId, candidate.appId, candidate.isCore))
                items[candidate.appId].append(candidate.pendoId);
        }
        mapping.selection = SelectionMode::Items;
        mapping.items = items;
    }
    if (selected)
        mapping.items[item.appId].append(item.pendoId);
    else
        mapping.items[item.appId].removeAll(item.pendoId);
    changed();
}

int MappingController::selectedCount(StreamKind stream) const
{
    int count = 0;
    for (const MappableItem &item : streamItems(stream))
        count += isItemSelected(stream, item) ? 1 : 0;
    return count;
}

int MappingController::itemCount(StreamKind stream) const
{
    return int(streamItems(stream).size());
}

void MappingController::setUserActivities(StreamKind stream, bool on)
{
    m_config.stream(stream).userActivities = on;
    changed();
}

void MappingController::setMetricTarget(StreamKind stream, MetricTarget target, bool on)
{
    QList<MetricTarget> &metrics = m_config.stream(stream).metrics;
    metrics.removeAll(target);
    if (on)
        metrics.append(target);
    changed();
}

void MappingController::setAppMode(StreamKind stream, AppMode mode)
{
    m_config.stream(stream).apps = mode;
    changed();
}

void MappingController::setReportMapping(const ReportMapping &mapping)
{
    for (ReportMapping &existing : m_config.reports) {
        if (existing.reportId == mapping.reportId) {
            existing = mapping;
            changed();
            return;
        }
    }
    m_config.reports.append(mapping);
    changed();
}

void MappingController::removeReportMapping(const QString &reportId)
{
    m_config.reports.removeIf([&](const ReportMapping &mapping) { return mapping.reportId == reportId; });
    changed();
}

void MappingController::setAggregationMapping(const AggregationMapping &mapping)
{
    for (AggregationMapping &existing : m_config.aggregations) {
        if (existing.name == mapping.name) {
            existing = mapping;
            changed();
            return;
        }
    }
    m_config.aggregations.append(mapping);
    changed();
}

void MappingController::removeAggregationMapping(const QString &name)
{
    m_config.aggregations.removeIf([&](const AggregationMapping &mapping) { return mapping.name == name; });
    changed();
}

void MappingController::setUsePendoCoreEvents(bool on)
{
    if (!on && m_config.pes.usePendoCoreEvents) {
        // Start the explicit list from what Pendo flags, so switching changes nothing yet.
        for (const MappableItem &item : m_catalog.itemsOf({QStringLiteral("feature"), QStringLiteral("page"),
                                                           QStringLiteral("track_type")})) {
            if (item.isCore)
                m_config.pes.coreEvents.append(eventRefOf(item));
        }
    }
    m_config.pes.usePendoCoreEvents = on;
    changed();
}

bool MappingController::isCoreEvent(const MappableItem &item) const
{
    if (m_config.pes.usePendoCoreEvents)
        return item.isCore;
    return m_config.pes.coreEvents.contains(eventRefOf(item));
}

void MappingController::setCoreEvent(const EventRef &event, bool on)
{
    m_config.pes.coreEvents.removeAll(event);
    if (on)
        m_config.pes.coreEvents.append(event);
    changed();
}

void MappingController::setStickiness(Stickiness stickiness)
{
    m_config.pes.stickiness = stickiness;
    changed();
}

void MappingController::setFirstValueEvent(const EventRef &event, bool on)
{
    m_config.firstValueEvents.removeAll(event);
    if (on)
        m_config.firstValueEvents.append(event);
    changed();
}

void MappingController::save(const QString &actor, const QString &summary)
{
    if (m_saving)
        return;
    m_saving = true;
    const IntegrationConfig saving = m_config;
    m_session.saveConfig(saving, actor, summary, this,
                         [this, saving](const std::optional<ConfigSaveResult> &result, const QString &error) {
                             m_saving = false;
                             if (!result) {
                                 Q_EMIT saveFailed(error);
                                 return;
                             }
                             m_saved = saving;
                             m_baseVersion = result->version;
                             Q_EMIT saved(*result);
                             Q_EMIT configChanged();
                         });
}
