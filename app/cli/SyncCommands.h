#pragma once

#include "sync/SyncTypes.h"

#include <QCoreApplication>
#include <QDate>
#include <QTextStream>

class PendoCommands;
class WorkspaceSession;

/** Exit codes of the sync commands; documented in --help and the README. */
enum SyncExitCode : int {
    ExitFailedWindows = 11, // the run completed, but some windows failed (the next run pulls them again)
    ExitSyncFailed = 12,    // the run did not complete for another reason (another run holds the workspace, …)
    ExitCanceled = 130,     // stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it)
};

/** Options of `sync`, `status` and `activity export`, as the command line gave them. */
struct SyncCommandOptions
{
    bool json = false;
    QString backfillDays; // empty: a manual run
    bool streamsGiven = false;
    QString streams;
    QString from;
    QString to;
    QString format = QStringLiteral("csv");
    QString outFile; // empty: standard output
};

/**
 * `sync`, `status` and `activity export`: run the workspace's sync engine with progress on the
 * terminal (or plain lines in logs), stop it cleanly on SIGINT/SIGTERM, report the last run and
 * the covered days, and export the raw activity. Runs the main event loop while a sync runs.
 * Main thread.
 */
class SyncCommands final
{
    Q_DECLARE_TR_FUNCTIONS(SyncCommands)
public:
    SyncCommands(WorkspaceSession &session, PendoCommands &pendo, SyncCommandOptions options, QTextStream &out,
                 QTextStream &err);

    int sync();
    int status();
    int exportActivity();

    /**
     * Runs `request` with the key already kept in the session, printing progress and the summary
     * line (or the summary's JSON); returns the exit code. `demo` uses it too.
     */
    int run(const SyncRequest &request, SyncRunSummary *summary = nullptr);

    /** The exit code a finished run maps to (0, 11, 12, 130, or the Pendo and workspace codes). */
    static int exitCodeFor(const SyncRunSummary &summary);

private:
    std::optional<SyncRequest> requestFromOptions();
    void printSummary(const SyncRunSummary &summary, int exitCode);

    WorkspaceSession &m_session;
    PendoCommands &m_pendo;
    const SyncCommandOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
};
