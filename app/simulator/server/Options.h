#pragma once

#include "Dataset.h"
#include "Faults.h"
#include "SimServer.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace pendosim {

/** Everything pendo-sim's command line can set. */
struct SimOptions
{
    DatasetConfig dataset;
    ServerConfig server;
    FaultConfig faults;
    QString exportCrmDir;
    QString exportTruthFile;
    QString exportVisitorDaysFile;
    bool serve = true;
    bool exitWithParent = false;
};

/**
 * Parses pendo-sim's arguments (args[0] is the program). Returns nullopt and sets *message to
 * the help text (with *helpRequested) or to an error. "now" defaults to nowMsFallback.
 */
std::optional<SimOptions> parseSimOptions(const QStringList &args, std::int64_t nowMsFallback, QString *message,
                                          bool *helpRequested);

/** "2024-05-01T12:00:00Z", "2024-05-01T08:00:00-04:00" or epoch milliseconds; nullopt if neither. */
std::optional<std::int64_t> parseInstant(const QString &text);

} // namespace pendosim
