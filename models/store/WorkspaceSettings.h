#pragma once

#include "StoreError.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QVariant>

#include <utility>

class Database;
class WriteTransaction;

/**
 * Typed workspace settings (the Pendo connection, the sync's settle window, concurrency and
 * schedule) kept in the workspace's settings table, never secrets. One table of keys with their
 * type and default; values are read once and cached; changes are written through the workspace
 * writer and announced with changed(key) once they are committed. Lives on the thread that
 * created it (the UI thread in the desktop app).
 */
class WorkspaceSettings final : public QObject
{
    Q_OBJECT

public:
    enum class Key {
        Region,          // "pendo.region": the region key (us, eu, …) or "custom"
        BaseUrl,         // "pendo.base_url": the API address the key was verified against
        RegionUrls,      // "pendo.region_urls": "us=URL,eu=URL" overrides; the environment wins
        SettleDays,      // "sync.settle_days": days re-pulled on every run because Pendo data arrives late
        SyncConcurrency, // "sync.concurrency": requests in flight at once
        ScheduleMode,    // "sync.schedule": off | hourly | daily
        ScheduleTime,    // "sync.schedule_time": HH:mm for the daily schedule (local time)
        TimeZone,        // "pendo.time_zone": the subscription's IANA zone, found from Pendo's day buckets
    };
    Q_ENUM(Key)

    struct Spec
    {
        Key key;
        const char *name;
        QMetaType::Type type;
        QVariant defaultValue;
    };
    /** Every setting, with its stored name, type and default. */
    static const QList<Spec> &table();
    static const Spec &spec(Key key);

    explicit WorkspaceSettings(Database &database, QObject *parent = nullptr);

    /** Reads every setting through this thread's connection (done by the constructor). */
    StoreError reload();

    QVariant value(Key key) const;
    QString text(Key key) const { return value(key).toString(); }
    int integer(Key key) const { return value(key).toInt(); }

    /** Queues the change; the cache and changed() follow once it is committed. */
    QFuture<StoreError> setValue(Key key, const QVariant &value);
    /** Several values in one unit of work. */
    QFuture<StoreError> setValues(const QList<std::pair<Key, QVariant>> &values);
    /** setValues() and wait for the commit; for the CLI and worker threads, never the UI thread. */
    StoreError setValuesAndWait(const QList<std::pair<Key, QVariant>> &values);

    /** Writes inside a larger unit of work; call noteWritten() after it committed. */
    static bool write(WriteTransaction &tx, Key key, const QVariant &value);
    /** Reads one setting (its default when unset) through any connection. */
    static QVariant read(QSqlDatabase db, Key key);
    /** Takes values written by another unit of work into the cache and announces them. */
    void noteWritten(const QList<std::pair<Key, QVariant>> &values);

Q_SIGNALS:
    void changed(WorkspaceSettings::Key key);

private:
    static QVariant convert(const Spec &spec, const QString &stored);

    Database &m_database;
    QHash<Key, QVariant> m_values;
};
