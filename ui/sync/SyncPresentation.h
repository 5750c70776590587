#pragma once

#include "sync/SyncHistory.h"
#include "sync/SyncTypes.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <optional>

/**
 * How the sync monitor shows sync values: the one palette for coverage states and log levels,
 * and the words for kinds, states and durations. Every sync view takes its colours from here, so
 * a colour changes in one place. Stateless; any thread (the colours are only used on the UI thread).
 */
class SyncPresentation
{
    Q_DECLARE_TR_FUNCTIONS(SyncPresentation)

public:
    /** The fill of a coverage cell. */
    static QColor stateColor(SyncHistory::DayState state);
    /** The text colour of a log line; invalid for the default colour. */
    static QColor levelColor(SyncLogEntry::Level level);
    /** The states in legend order. */
    static QList<SyncHistory::DayState> legendStates();

    /** "synced", "provisional", "failed", "missing". */
    static QString stateName(SyncHistory::DayState state);
    /** "Manual", "Scheduled", "Backfill". */
    static QString kindName(SyncRequest::Kind kind);
    /** "Info", "Warning", "Error". */
    static QString levelName(SyncLogEntry::Level level);
    /** The stream of a window's checkpoint key: "features", or "aggregation:NAME" for Aggregations. */
    static std::optional<SyncStream> streamOfWindow(const QString &windowKey);
    /** A stream key as people read it: "Features", "Aggregation: weekly_logins". */
    static QString streamName(const QString &streamKey);
    /** "45 s", "3 min 20 s", "2 h 5 min". */
    static QString duration(qint64 ms);
    /** An ISO 8601 UTC time as local date and time in the user's short format. */
    static QString localTime(const QString &isoUtc);
};
