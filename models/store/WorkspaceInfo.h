#pragma once

#include <QString>

class Database;

/** A summary of a workspace for status lines and `workspace info`. */
struct WorkspaceInfo
{
    QString path;
    int schemaVersion = 0;
    qint64 accounts = 0;
    qint64 contacts = 0;
    qint64 imports = 0;

    /** Reads the summary on the calling thread's connection; false with *error on failure. */
    static bool read(Database &database, WorkspaceInfo *info, QString *error);
};
