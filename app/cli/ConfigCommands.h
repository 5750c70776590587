#pragma once

#include <QStringList>
#include <QTextStream>

class Database;

/**
 * `config export FILE` and `config import FILE`: the whole integration configuration as
 * readable, diffable JSON. FILE may be "-" for standard output / input. An import is validated
 * completely and saved as one new version (actor "cli"), or not at all. Returns an ExitCode of
 * pendo-bridge-cli. Main thread.
 */
int runConfigCommand(Database &db, const QStringList &args, bool json, QTextStream &out, QTextStream &err);
