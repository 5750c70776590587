#pragma once

#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include "pendo/Region.h"

#include <optional>

class WorkspaceSession;
class PendoError;

/** Exit codes of the Pendo commands (connect, doctor); documented in --help. */
enum PendoExitCode : int {
    ExitNoKey = 5,
    ExitKeyRejected = 6,
    ExitUnreachable = 7,
    ExitPendoFailing = 8,
    ExitChecksFailed = 9,
    ExitKeyNotStored = 10,
};

/** Options the Pendo commands share. */
struct PendoCommandOptions
{
    QString region;
    QString baseUrl;
    QString keyFile;
    /** A key the program already has (the demo's); used before every other source. */
    QByteArray key;
    bool noKeychain = false;
    bool json = false;
    int timeoutSeconds = 30;
};

/**
 * `connect` and `doctor`: verify a key, store it in the keychain, remember the region, and
 * diagnose what a key can do. Runs the main event loop until the answer is in. Main thread.
 */
class PendoCommands final
{
    Q_DECLARE_TR_FUNCTIONS(PendoCommands)
public:
    PendoCommands(WorkspaceSession &session, PendoCommandOptions options, QTextStream &out, QTextStream &err);

    int connect();
    int doctor();
    /** Reads the catalog, metadata schemas and identities into the workspace's raw layer. */
    int catalogRefresh();

    static int exitCodeFor(const PendoError &error);

    /** The key from --key-file, the environment or the keychain; empty (with the reason printed) when none. */
    QByteArray storedOrGivenKey();

private:
    QByteArray keyFromFileOrEnvironment(QString *error) const;
    QByteArray keyFromStandardInput() const;
    /** The region table with the workspace's and the environment's overrides; nullopt (reason printed) when invalid. */
    std::optional<RegionTable> regionTable();
    /** Reads the stored key for the workspace's region; empty when none. */
    QByteArray keyFromKeychain(QString *message);

    WorkspaceSession &m_session;
    const PendoCommandOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
};
