#pragma once

#include "ColumnMapping.h"
#include "RowValidator.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class Database;
class QSqlDatabase;
class WriteTransaction;

/** The first rows of a file with the mapping proposed for it, for a preview before importing. */
struct ImportPreview
{
    QChar delimiter;
    QStringList headers;
    QList<QStringList> rows;
    ColumnMapping mapping;
    QString error;
};

struct ImportOptions
{
    /** Import the good rows and write the bad ones to a reject file, instead of all-or-nothing. */
    bool skipInvalid = false;
    /** Where rejected rows go; default: next to the input as NAME.rejects.csv. */
    QString rejectFilePath;
    QString actor = QStringLiteral("import");
};

/** What an import (or a validation pass) found and did. */
struct ImportReport
{
    qint64 rowsRead = 0;
    qint64 validRows = 0;
    qint64 inserted = 0;
    qint64 updated = 0;
    qint64 rejected = 0;
    qint64 errorCount = 0;     // all row errors; `errors` holds the first maxListedErrors
    QList<RowError> errors;
    QString fatalError;        // the file or the workspace could not be used at all
    bool workspaceFailure = false; // fatalError came from the workspace, not the file
    bool written = false;      // the transaction committed
    bool canceled = false;
    QString rejectFilePath;

    static constexpr int maxListedErrors = 1000;
    bool hasRowErrors() const { return errorCount > 0; }
};

/**
 * Imports accounts or contacts from a CSV file into the workspace. Validates the whole file
 * first on the calling thread's own connection; by default writes nothing unless every row is
 * valid, and then writes all rows in one unit of work on the workspace writer (upserting by
 * external id so a re-import never duplicates; the run record and the audit entry commit with
 * the rows). run() waits for that unit, so it belongs in pool jobs and the CLI, never the UI thread.
 */
class CsImporter final
{
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;
    using Canceled = std::function<bool()>;

    CsImporter(Database &database, RecordKind kind);

    static ImportPreview preview(const QString &path, RecordKind kind, int maxRows = 20);

    /** Checks every row against the mapping and the workspace; writes nothing. */
    ImportReport validate(const QString &path, const ColumnMapping &mapping, const Progress &progress = {},
                          const Canceled &canceled = {});

    ImportReport run(const QString &path, const ColumnMapping &mapping, const ImportOptions &options,
                     const Progress &progress = {}, const Canceled &canceled = {});

    /** The writing half of run(), inside the caller's unit of work; false rolls it back. */
    bool write(WriteTransaction &tx, const QString &path, const ColumnMapping &mapping, const ImportOptions &options,
               const Progress &progress, const Canceled &canceled, ImportReport *report);

private:
    struct WriteState;
    bool loadContext(QSqlDatabase &db, ValidationContext *context, QString *error) const;
    QString upsertStatement(const ColumnMapping &mapping) const;
    bool openRejects(WriteState &state, const QString &path, const ImportOptions &options, ImportReport *report);
    bool writeRows(WriteTransaction &tx, WriteState &state, const ColumnMapping &mapping, const ImportOptions &options,
                   const Progress &progress, const Canceled &canceled, ImportReport *report);
    bool recordRun(WriteTransaction &tx, const QString &path, const ImportOptions &options, const ImportReport &report);

    Database &m_database;
    const RecordKind m_kind;
};
