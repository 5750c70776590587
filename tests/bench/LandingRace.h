#pragma once

#include "sync/SyncTypes.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <utility>
#include <vector>

class Database;

/** The raw answers of one activity window as the engine asked for them: its keyset pages in order. */
struct SampleWindow
{
    SyncStream stream = SyncStream::Activity;
    qint64 appId = 0;
    QDate day;
    std::vector<QByteArray> pages;
};

/** What one contender did with the sample, and where its time went. */
struct RaceResult
{
    qint64 rows = 0;
    qint64 events = 0; // the sum of every landed row's events: both contenders must agree
    double seconds = 0;
    std::vector<std::pair<const char *, double>> parts; // seconds per step, in order
    QString error;

    double rowsPerSecond() const { return seconds > 0 ? rows / seconds : 0; }
};

/**
 * Lands the same in-memory window bodies two ways, timing only the work on the bytes (no network):
 * the engine's decode, id mapping, normalizing and landing in units of the workspace writer, and a
 * bare simdjson + sqlite3 baseline. Runs on the calling thread (never a GUI thread: it waits for the
 * writer).
 */
namespace LandingRace {

/** The engine's path into `database` (a fresh workspace whose catalog has been refreshed). */
RaceResult engine(Database &database, const std::vector<SampleWindow> &sample);
/** The baseline into a new plain SQLite file at `path`, with the workspace's pragmas. */
RaceResult bare(const QString &path, const std::vector<SampleWindow> &sample);

} // namespace LandingRace
