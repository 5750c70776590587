#pragma once

#include "sync/SyncTypes.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

/**
 * Shows a running sync on the command line. On a terminal: one line redrawn in place (percent,
 * windows, rows, ETA), at most a few times a second. Otherwise (a log file, cron, systemd):
 * a plain line at every 10 % step and at least every few seconds while something changes.
 * The engine's warnings and errors go to the error stream in both cases. Main thread.
 */
class SyncProgressPrinter final
{
    Q_DECLARE_TR_FUNCTIONS(SyncProgressPrinter)
public:
    SyncProgressPrinter(QTextStream &out, QTextStream &err, bool terminal);

    void update(const SyncProgress &progress);
    void log(const SyncLogEntry &entry);
    /** Ends the redrawn line so the summary starts on a line of its own. */
    void finish();

    /** "42% · 120/284 windows (3 failed) · 51,200 rows · ETA 1 min 5 s" */
    static QString describe(const SyncProgress &progress);
    /** "1 min 5 s", "12 s", "2 h 3 min". */
    static QString duration(qint64 ms);

private:
    void clearLine();

    QTextStream &m_out;
    QTextStream &m_err;
    const bool m_terminal;
    QElapsedTimer m_sinceLine;
    SyncProgress m_last;
    int m_lastStep = -1;
    qsizetype m_lineWidth = 0;
    QString m_lastPhase;
};
