#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

/**
 * The streams a sync pulls, one window per (stream, app, day). `Activity` is every event of a
 * visitor (pages, features and untagged) per day: the active-visitor input of DAU/WAU/MAU and
 * PES, pulled whenever anything is. Features, pages, guides and track events follow the
 * integration configuration; `Aggregations` runs each mapped aggregation per day and `Reports`
 * reads each mapped saved report once per run.
 */
enum class SyncStream { Activity, Features, Pages, Guides, TrackEvents, Aggregations, Reports };

namespace syncs {
/** "activity", "features", "pages", "guides", "track_events", "aggregations", "reports". */
QString key(SyncStream stream);
std::optional<SyncStream> streamFromKey(const QString &key);
/** The activity kind stored in pendo_activity.kind (0 activity … 4 track type); -1 for metric streams. */
int activityKind(SyncStream stream);
/** The stream's name for people ("Features"). */
QString displayName(SyncStream stream);
const QList<SyncStream> &allStreams();
/** Parses "features,pages" (also "track-events"); *error names the unknown entry. */
std::optional<QList<SyncStream>> parseStreams(const QString &list, QString *error);

/** The most days a backfill may reach back. */
constexpr int maxBackfillDays = 365;
/** Days a first sync (nothing synced yet) covers when it is not a backfill. */
constexpr int firstSyncDays = 30;
} // namespace syncs

/** What a run is asked to do. */
struct SyncRequest
{
    enum class Kind { Scheduled, Manual, Backfill };
    Kind kind = Kind::Manual;
    /** Backfill: days before today (1…365) to cover, today included. */
    int backfillDays = 0;
    /** Restricts the run to these streams (empty: every configured stream). */
    QList<SyncStream> streams;
    /** Refresh the catalog (apps, items, identities) before pulling activity. */
    bool refreshCatalog = true;

    static QString kindKey(Kind kind); // "scheduled", "manual", "backfill"
};

/** How a run ended (or that it still runs). */
enum class SyncStatus { Running, Completed, CompletedWithFailures, Failed, Canceled, Interrupted };

namespace syncs {
QString key(SyncStatus status); // "running", "completed", "completed_with_failures", …
std::optional<SyncStatus> statusFromKey(const QString &key);
} // namespace syncs

/** A run's state while it runs: sent with SyncEngine::progress(). */
struct SyncProgress
{
    qint64 runId = 0;
    QString phase; // for people: "Refreshing the catalog", "Pulling activity", "Matching" …
    int windowsTotal = 0;
    int windowsDone = 0; // landed or failed for good
    int windowsFailed = 0;
    qint64 rowsIn = 0;
    qint64 rowsSkipped = 0;
    int requests = 0;
    int requestsInFlight = 0;
    /** Estimated time left, -1 while unknown. */
    qint64 etaMs = -1;
    qint64 elapsedMs = 0;
};

/** One line of a run's log. */
struct SyncLogEntry
{
    qint64 runId = 0;
    QString at; // ISO 8601 UTC
    enum class Level { Info, Warning, Error };
    Level level = Level::Info;
    QString stream; // syncs::key() or empty
    qint64 appId = 0;
    QDate day;      // null when not about one window
    QString errorClass;
    QString message;

    static QString levelKey(Level level);
};

/** A run as the history shows it, and as `status --json` prints it. */
struct SyncRunSummary
{
    qint64 runId = 0;
    SyncRequest::Kind kind = SyncRequest::Kind::Manual;
    SyncStatus status = SyncStatus::Running;
    QStringList streams;
    QDate fromDay;
    QDate toDay;
    int backfillDays = 0;
    QString startedAt;
    QString finishedAt;
    qint64 durationMs = 0;
    int windowsTotal = 0;
    int windowsDone = 0;
    int windowsFailed = 0;
    int windowsSplit = 0;
    qint64 rowsIn = 0;
    qint64 rowsSkipped = 0;
    /** Why rows were skipped, e.g. {"no visitor id": 3}. */
    QMap<QString, qint64> skippedReasons;
    int requests = 0;
    int unmatchedVisitors = 0;
    int unmatchedAccounts = 0;
    QString errorClass; // PendoError::code() or a store error reason key
    QString error;      // the sentence for people

    /** "completed", "completed with 3 failed windows", "failed: …", for people. */
    QString statusText() const;
    QJsonObject toJson() const;
};

/** The (account, day) ranges a run changed: what the analytics recompute has to redo. */
struct SyncTouched
{
    /** pendo_accounts.id values whose activity changed (0: visitors without an account). */
    QList<qint64> accountRefs;
    QDate fromDay;
    QDate toDay;
    bool isEmpty() const { return !fromDay.isValid(); }
};

/** What a run would do, for the backfill confirmation. */
struct SyncEstimate
{
    int windows = 0;        // windows to pull (already synced, settled days are skipped)
    int windowsSkipped = 0; // already synced
    int requests = 0;
    qint64 durationMs = 0;
    int apps = 0;
    QList<SyncStream> streams;
    QDate fromDay;
    QDate toDay;
};

Q_DECLARE_METATYPE(SyncProgress)
Q_DECLARE_METATYPE(SyncLogEntry)
Q_DECLARE_METATYPE(SyncRunSummary)
Q_DECLARE_METATYPE(SyncTouched)
