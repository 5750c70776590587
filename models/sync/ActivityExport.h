#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QSqlDatabase>
#include <QStringList>

#include <optional>

class QIODevice;

/**
 * Writes the raw daily activity rollups (pendo_activity) with Pendo's own ids instead of the
 * workspace's integer refs: `day,app,kind,item,visitor,account,events,minutes`, sorted by those
 * exported values. Two workspaces holding the same data therefore export byte-identical files,
 * whatever order their syncs landed it in.
 *
 * Rows stream out one day at a time: one cursor per (kind, app) walks the primary key in day
 * order, and only the rows of the day being written are held and sorted in memory. Reads through
 * the caller's connection, on the caller's thread.
 */
class ActivityExport final
{
    Q_DECLARE_TR_FUNCTIONS(ActivityExport)
public:
    /** CSV (RFC 4180, CRLF) or a JSON array with one object per line. */
    enum class Format { Csv, Json };

    struct Options
    {
        /** Both included; a null date leaves that end open. */
        QDate from;
        QDate to;
        Format format = Format::Csv;
    };

    struct Result
    {
        qint64 rows = 0;
        QDate firstDay; // null when nothing was written
        QDate lastDay;
        QString error; // empty on success
        bool writeFailed = false; // the device refused data (else: the workspace could not be read)
        bool ok() const { return error.isEmpty(); }
    };

    static Result write(QSqlDatabase db, QIODevice *device, const Options &options);

    /** "day", "app", "kind", "item", "visitor", "account", "events", "minutes". */
    static const QStringList &columns();
    /** pendo_activity.kind → "activity", "feature", "page", "guide", "track_type"; empty when unknown. */
    static QString kindKey(int kind);
    /** "csv" or "json". */
    static std::optional<Format> formatFromKey(const QString &key);
};
