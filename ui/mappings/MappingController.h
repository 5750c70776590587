#pragma once

#include "sync/ConfigStore.h"
#include "sync/IntegrationConfig.h"
#include "sync/IntegrationConfigCatalog.h"

#include <QFutureWatcher>
#include <QObject>

#include <optional>

class WorkspaceSession;

/**
 * The logic behind the mapping editor: a working copy of the integration configuration, the
 * catalog it chooses from (read on a worker thread), and every edit the editor offers as a
 * method, so tests drive it without widgets. Saving writes a new configuration version. Lives on
 * the UI thread.
 */
class MappingController final : public QObject
{
    Q_OBJECT

public:
    explicit MappingController(WorkspaceSession &session, QObject *parent = nullptr);
    ~MappingController() override;

    /** Reads the current configuration, then the catalog in the background; loaded() follows. */
    void load();
    bool isLoading() const { return m_watcher.isRunning(); }

    const IntegrationConfig &config() const { return m_config; }
    const MappingCatalog &catalog() const { return m_catalog; }
    int baseVersion() const { return m_baseVersion; }
    /** Whether the working copy differs from the saved configuration. */
    bool isDirty() const;

    /** Replaces the working copy (e.g. when a wizard starts from a prepared configuration). */
    void setConfig(const IntegrationConfig &config);

    // Streams
    void setStreamEnabled(StreamKind stream, bool enabled);
    void selectAll(StreamKind stream);
    void selectCoreOnly(StreamKind stream);
    void selectNone(StreamKind stream);
    void setItemSelected(StreamKind stream, const MappableItem &item, bool selected);
    bool isItemSelected(StreamKind stream, const MappableItem &item) const;
    void setUserActivities(StreamKind stream, bool on);
    void setMetricTarget(StreamKind stream, MetricTarget target, bool on);
    void setAppMode(StreamKind stream, AppMode mode);
    /** "12 of 40 selected" style counts of the catalog items of a stream. */
    int selectedCount(StreamKind stream) const;
    int itemCount(StreamKind stream) const;

    // Reports and aggregations (keyed by report id / name; replaced when present)
    void setReportMapping(const ReportMapping &mapping);
    void removeReportMapping(const QString &reportId);
    void setAggregationMapping(const AggregationMapping &mapping);
    void removeAggregationMapping(const QString &name);

    // PES and first-value events
    void setUsePendoCoreEvents(bool on);
    void setCoreEvent(const EventRef &event, bool on);
    bool isCoreEvent(const MappableItem &item) const;
    void setStickiness(Stickiness stickiness);
    void setFirstValueEvent(const EventRef &event, bool on);

    /**
     * Saves the working copy as a new version (nothing when unchanged) without blocking; saved()
     * or saveFailed() follows once the workspace has committed it.
     */
    void save(const QString &actor, const QString &summary);
    bool isSaving() const { return m_saving; }

Q_SIGNALS:
    void loaded();
    void loadFailed(const QString &message);
    /** The working copy changed (any edit, a load or a save). */
    void configChanged();
    void saved(const ConfigSaveResult &result);
    void saveFailed(const QString &message);

private:
    struct LoadResult
    {
        MappingCatalog catalog;
        QString error;
    };
    void finishLoad();
    void changed();
    QList<MappableItem> streamItems(StreamKind stream) const;

    WorkspaceSession &m_session;
    bool m_saving = false;
    IntegrationConfig m_config;
    IntegrationConfig m_saved;
    int m_baseVersion = 0;
    MappingCatalog m_catalog;
    QFutureWatcher<LoadResult> m_watcher;
};

/** An EventRef for a catalog item. */
EventRef eventRefOf(const MappableItem &item);
