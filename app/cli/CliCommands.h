#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

class Database;

/** Exit codes of pendo-bridge-cli; documented in --help. */
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 1,
    ExitInvalidRows = 2,
    ExitBadInput = 3,
    ExitWorkspace = 4,
};

/**
 * The headless commands. Parses the command line, opens the workspace and runs one command,
 * writing human text or JSON to stdout and problems to stderr. Main thread.
 */
class CliCommands final
{
    Q_DECLARE_TR_FUNCTIONS(CliCommands)
public:
    CliCommands();
    int run(const QStringList &arguments);

private:
    int importRecords(Database &database, const QStringList &args);
    int workspaceInfo(Database &database);
    int seedDemo(Database &database);
    void printJson(const QJsonObject &object);
    QString helpText() const;

    QTextStream m_out;
    QTextStream m_err;
    bool m_json = false;
    bool m_skipInvalid = false;
    QString m_rejectFile;
    QStringList m_mapSpecs;
};
