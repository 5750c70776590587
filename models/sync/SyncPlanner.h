#pragma once

#include "IntegrationConfig.h"
#include "SyncTypes.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QTimeZone>

/** One window of a run: a stream's data of one app on one day (a report: its snapshot of the day). */
struct SyncWindow
{
    SyncStream stream = SyncStream::Activity;
    qint64 appId = 0;  // 0 for aggregations and reports (their pipeline says which apps)
    QDate day;
    int mapping = -1;  // Aggregations / Reports: the index of the mapping in the configuration
    QString key;       // the checkpoint's stream key: "features", "aggregation:NAME", "report:ID"
    bool provisional = false; // younger than the settle window: pulled again next run
    int attempts = 0;         // earlier failed attempts (from the checkpoint)
};

/** What a run pulls. */
struct SyncPlan
{
    QList<SyncWindow> windows; // newest day first
    QList<SyncStream> streams;
    QList<qint64> apps;
    QDate from;
    QDate to;
    QDate today;
    int skipped = 0; // windows in range already synced for good
    QList<qint64> resumes; // interrupted or canceled runs whose ranges this run covers
};

/** A recorded checkpoint, as the planner needs it. */
struct WindowCheckpoint
{
    QString status; // synced, provisional, failed
    int attempts = 0;
};

/**
 * Decides which windows a run pulls: stream × app × day in the subscription's time zone, skipping
 * windows already synced for good, always including the settle window, provisional and failed
 * windows, and the ranges of runs that were interrupted or canceled. The planning itself is a
 * pure function of its inputs; read() gathers them from the workspace. Any thread.
 */
namespace SyncPlanner {

struct Inputs
{
    SyncRequest request;
    QDate today;
    int settleDays = 2;
    QList<qint64> apps;
    IntegrationConfig config;
    /** Keyed by checkpointKey(). */
    QHash<QString, WindowCheckpoint> checkpoints;
    /** The newest day any activity window was synced (null: never). */
    QDate lastCovered;
    struct Resume
    {
        qint64 runId = 0;
        QDate from;
        QDate to;
        QList<SyncStream> streams;
    };
    QList<Resume> resumes;
};

QString checkpointKey(const QString &streamKey, qint64 appId, const QDate &day);
/** The streams a request covers under a configuration (Activity always, when anything is pulled). */
QList<SyncStream> streamsFor(const SyncRequest &request, const IntegrationConfig &config);
SyncPlan plan(const Inputs &inputs);

/** Today in the subscription's zone. */
QDate today(qint64 nowMs, const QTimeZone &zone);
/** The zone stored in the workspace (UTC when not known yet). */
QTimeZone workspaceZone(QSqlDatabase db);
/** Gathers the inputs from the workspace; false with *error when they cannot be read. */
bool read(QSqlDatabase db, const SyncRequest &request, qint64 nowMs, Inputs *inputs, QString *error);
/** What `request` would pull and roughly how long it takes (from earlier runs' pace). */
SyncEstimate estimate(QSqlDatabase db, const SyncRequest &request, qint64 nowMs);

} // namespace SyncPlanner
