#include "CsImporter.h"

#include "CsvReader.h"
#include "CsvWriter.h"
#include "AuditLog.h"
#include "Database.h"
#include "WorkspaceWriter.h"
#include "WriteTransaction.h"
#include "pendo/Clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>

namespace {

constexpr int progressEveryRows = 512;

QString tableOf(RecordKind kind)
{
    return kind == RecordKind::Accounts ? QStringLiteral("accounts") : QStringLiteral("contacts");
}

/** An open file positioned after its header record. */
struct FileScan
{
    QFile file;
    std::unique_ptr<CsvReader> reader;
    CsvRecord header;
    QString error;

    bool open(const QString &path)
    {
        file.setFileName(path);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QCoreApplication::translate("CsImporter", "Cannot open %1: %2")
                        .arg(QDir::toNativeSeparators(path), file.errorString());
            return false;
        }
        reader = std::make_unique<CsvReader>(&file);
        if (!reader->next(header)) {
            error = reader->fatalError().isEmpty()
                ? QCoreApplication::translate("CsImporter", "%1 is empty: it has no header line.")
                      .arg(QDir::toNativeSeparators(path))
                : reader->fatalError();
            return false;
        }
        for (QString &name : header.fields)
            name = name.trimmed();
        return true;
    }
};

QString databaseError(const StoreError &error)
{
    if (error.kind() == StoreError::Kind::DiskFull)
        return QCoreApplication::translate(
            "CsImporter", "The disk is full. Nothing was imported; the workspace is as it was before.");
    return QCoreApplication::translate("CsImporter",
                                       "The workspace refused the import: %1. Nothing was imported; the workspace is "
                                       "as it was before.")
        .arg(error.message());
}

} // namespace

CsImporter::CsImporter(Database &database, RecordKind kind)
    : m_database(database)
    , m_kind(kind)
{
}

ImportPreview CsImporter::preview(const QString &path, RecordKind kind, int maxRows)
{
    ImportPreview preview;
    FileScan scan;
    if (!scan.open(path)) {
        preview.error = scan.error;
        return preview;
    }
    preview.delimiter = scan.reader->delimiter();
    preview.headers = scan.header.fields;
    preview.mapping = ColumnMapping::autoMap(kind, preview.headers);
    CsvRecord record;
    while (preview.rows.size() < maxRows && scan.reader->next(record))
        preview.rows.append(record.fields);
    if (!scan.reader->fatalError().isEmpty())
        preview.error = scan.reader->fatalError();
    return preview;
}

bool CsImporter::loadContext(QSqlDatabase &db, ValidationContext *context, QString *error) const
{
    QSqlQuery stages(db);
    if (!stages.exec(QStringLiteral("SELECT id, stage_key, name FROM lifecycle_stages ORDER BY position"))) {
        *error = stages.lastError().text();
        return false;
    }
    while (stages.next()) {
        const qint64 id = stages.value(0).toLongLong();
        context->stages.insert(CsFields::normaliseHeader(stages.value(1).toString()), id);
        context->stages.insert(CsFields::normaliseHeader(stages.value(2).toString()), id);
        context->stageNames << stages.value(2).toString();
    }
    if (m_kind == RecordKind::Contacts) {
        QSqlQuery accounts(db);
        accounts.setForwardOnly(true);
        if (!accounts.exec(QStringLiteral("SELECT external_id, id FROM accounts"))) {
            *error = accounts.lastError().text();
            return false;
        }
        while (accounts.next())
            context->accounts.insert(accounts.value(0).toString(), accounts.value(1).toLongLong());
    }
    return true;
}

ImportReport CsImporter::validate(const QString &path, const ColumnMapping &mapping, const Progress &progress,
                                  const Canceled &canceled)
{
    ImportReport report;
    ScopedConnection connection(m_database);
    if (!connection.isValid()) {
        report.fatalError
            = connection.storeError().cannotOpen(m_database.path());
        report.workspaceFailure = true;
        return report;
    }
    ValidationContext context;
    QString error;
    if (!loadContext(connection.db(), &context, &error)) {
        report.fatalError = QCoreApplication::translate("CsImporter", "Cannot read the workspace: %1").arg(error);
        report.workspaceFailure = true;
        return report;
    }
    FileScan scan;
    if (!scan.open(path)) {
        report.fatalError = scan.error;
        return report;
    }
    if (scan.header.fields != mapping.headers()) {
        report.fatalError = QCoreApplication::translate(
            "CsImporter", "The file's columns are not the ones the mapping was made for; preview it again.");
        return report;
    }
    if (const QStringList problems = mapping.problems(); !problems.isEmpty()) {
        report.fatalError = problems.join(u' ');
        return report;
    }

    const qint64 total = scan.file.size();
    RowValidator validator(mapping, context);
    CsvRecord record;
    CsRow row;
    QList<RowError> rowErrors;
    while (scan.reader->next(record)) {
        ++report.rowsRead;
        rowErrors.clear();
        if (validator.validate(record, &row, &rowErrors))
            ++report.validRows;
        report.errorCount += rowErrors.size();
        for (const RowError &rowError : std::as_const(rowErrors)) {
            if (report.errors.size() < ImportReport::maxListedErrors)
                report.errors.append(rowError);
        }
        if (report.rowsRead % progressEveryRows == 0) {
            if (progress)
                progress(scan.reader->position(), total);
            if (canceled && canceled()) {
                report.canceled = true;
                return report;
            }
        }
    }
    if (!scan.reader->fatalError().isEmpty())
        report.fatalError = scan.reader->fatalError();
    report.rejected = report.rowsRead - report.validRows;
    if (progress)
        progress(total, total);
    return report;
}

ImportReport CsImporter::run(const QString &path, const ColumnMapping &mapping, const ImportOptions &options,
                             const Progress &progress, const Canceled &canceled)
{
    // Validate the whole file first, so an all-or-nothing import never begins a doomed transaction.
    const Progress firstHalf
        = progress ? Progress([&](qint64 done, qint64 total) { progress(done, total * 2); }) : Progress();
    ImportReport report = validate(path, mapping, firstHalf, canceled);
    if (!report.fatalError.isEmpty() || report.canceled)
        return report;
    if (report.rejected > 0 && !options.skipInvalid)
        return report;

    const Progress secondHalf
        = progress ? Progress([&](qint64 done, qint64 total) { progress(total + done, total * 2); }) : Progress();
    const StoreError failure
        = m_database.writer().runAndWait(QStringLiteral("import.") + recordKindKey(m_kind), [&](WriteTransaction &tx) {
              if (write(tx, path, mapping, options, secondHalf, canceled, &report))
                  return StoreError();
              return tx.error() ? tx.error() : StoreError::canceled(report.fatalError);
          });
    if (failure) {
        report.inserted = report.updated = 0;
        // A step that failed for its own reason (the file, a cancel, the reject file) said why;
        // anything the database refused is described from its typed error.
        if (report.fatalError.isEmpty()) {
            report.fatalError = databaseError(failure);
            report.workspaceFailure = true;
        }
        return report;
    }
    report.written = true;
    return report;
}

/** What one write keeps between its steps. */
struct CsImporter::WriteState
{
    FileScan scan;
    std::unique_ptr<QSaveFile> rejectFile;
    std::unique_ptr<CsvWriter> rejects;
    QSet<QString> existing;
    ValidationContext context;
    QString sql;
};

QString CsImporter::upsertStatement(const ColumnMapping &mapping) const
{
    // The statement updates only the columns this file maps, so a file without an "owner"
    // column leaves owners alone; custom fields are merged, not replaced.
    const QString table = tableOf(m_kind);
    QStringList columns;
    for (qsizetype column = 0; column < mapping.columnCount(); ++column) {
        const ColumnTarget &target = mapping.target(column);
        if (target.kind != ColumnTarget::Kind::Field || target.key == QLatin1String("external_id"))
            continue;
        const FieldSpec *field = CsFields::find(m_kind, target.key);
        if (field->type == FieldType::LifecycleStage)
            columns << QStringLiteral("lifecycle_stage_id");
        else if (field->type == FieldType::AccountReference)
            columns << QStringLiteral("account_id");
        else
            columns << field->key;
    }
    QStringList insertColumns {QStringLiteral("external_id")};
    QStringList placeholders {QStringLiteral(":external_id")};
    QStringList updates;
    for (qsizetype i = 0; i < columns.size(); ++i) {
        insertColumns << columns.at(i);
        placeholders << QStringLiteral(":v%1").arg(i);
        updates << QStringLiteral("%1 = excluded.%1").arg(columns.at(i));
    }
    insertColumns << QStringLiteral("custom_fields") << QStringLiteral("created_by") << QStringLiteral("created_at")
                  << QStringLiteral("updated_at");
    placeholders << QStringLiteral(":custom_fields") << QStringLiteral(":created_by") << QStringLiteral(":now")
                 << QStringLiteral(":now");
    updates << QStringLiteral("custom_fields = %1")
                   .arg(m_database.dialect().jsonMergeExpression(table + QStringLiteral(".custom_fields"),
                                                                 QStringLiteral("excluded.custom_fields")))
            << QStringLiteral("updated_at = excluded.updated_at");
    return QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (external_id) DO UPDATE SET %4")
        .arg(table, insertColumns.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", ")),
             updates.join(QStringLiteral(", ")));
}

bool CsImporter::openRejects(WriteState &state, const QString &path, const ImportOptions &options,
                             ImportReport *report)
{
    if (report->rejected == 0)
        return true;
    report->rejectFilePath = options.rejectFilePath.isEmpty()
        ? QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".rejects.csv"))
        : options.rejectFilePath;
    state.rejectFile = std::make_unique<QSaveFile>(report->rejectFilePath);
    if (!state.rejectFile->open(QIODevice::WriteOnly)) {
        report->fatalError = QCoreApplication::translate("CsImporter", "Cannot write the reject file %1: %2")
                                 .arg(QDir::toNativeSeparators(report->rejectFilePath), state.rejectFile->errorString());
        return false;
    }
    state.rejects = std::make_unique<CsvWriter>(state.rejectFile.get(), state.scan.reader->delimiter());
    state.rejects->write(state.scan.header.fields
                         + QStringList {QStringLiteral("reject_line"), QStringLiteral("reject_reason")});
    return true;
}

bool CsImporter::write(WriteTransaction &tx, const QString &path, const ColumnMapping &mapping,
                       const ImportOptions &options, const Progress &progress, const Canceled &canceled,
                       ImportReport *report)
{
    WriteState state;
    QString error;
    if (!loadContext(tx.db(), &state.context, &error)) {
        report->fatalError = QCoreApplication::translate("CsImporter", "Cannot read the workspace: %1").arg(error);
        report->workspaceFailure = true;
        return false;
    }
    {
        QSqlQuery query(tx.db());
        query.setForwardOnly(true);
        if (!tx.exec(query, QStringLiteral("SELECT external_id FROM %1").arg(tableOf(m_kind))))
            return false;
        while (query.next())
            state.existing.insert(query.value(0).toString());
    }
    state.sql = upsertStatement(mapping);
    if (!state.scan.open(path)) {
        report->fatalError = state.scan.error;
        return false;
    }
    if (!openRejects(state, path, options, report))
        return false;
    const bool ok = writeRows(tx, state, mapping, options, progress, canceled, report)
                    && recordRun(tx, path, options, *report);
    if (!ok) {
        if (state.rejectFile)
            state.rejectFile->cancelWriting();
        return false;
    }
    if (state.rejects && (!state.rejects->flush() || !state.rejectFile->commit())) {
        report->fatalError
            = QCoreApplication::translate("CsImporter", "Cannot write the reject file %1: %2. Nothing was imported.")
                  .arg(QDir::toNativeSeparators(report->rejectFilePath), state.rejectFile->errorString());
        return false;
    }
    if (progress)
        progress(state.scan.file.size(), state.scan.file.size());
    return true;
}

bool CsImporter::writeRows(WriteTransaction &tx, WriteState &state, const ColumnMapping &mapping,
                           const ImportOptions &options, const Progress &progress, const Canceled &canceled,
                           ImportReport *report)
{
    QSqlQuery upsert(tx.db());
    if (!upsert.prepare(state.sql)) {
        tx.fail(StoreError::fromSql(upsert.lastError()));
        return false;
    }
    // Rows skipped for reusing an id stay on record, so matching can call that id ambiguous.
    const QString fileName = QFileInfo(state.scan.file.fileName()).fileName();
    QSqlQuery forgetDuplicates(tx.db());
    forgetDuplicates.prepare(QStringLiteral("DELETE FROM import_duplicates WHERE kind = :kind AND file_name = :file"));
    forgetDuplicates.bindValue(QStringLiteral(":kind"), recordKindKey(m_kind));
    forgetDuplicates.bindValue(QStringLiteral(":file"), fileName);
    if (!tx.exec(forgetDuplicates))
        return false;
    QSqlQuery keepDuplicate(tx.db());
    keepDuplicate.prepare(
        QStringLiteral("INSERT INTO import_duplicates (kind, external_id, file_name, line, row_values, "
                       "recorded_at) VALUES (?, ?, ?, ?, ?, ?)"));

    const QString nowText = tx.nowText();
    const qint64 total = state.scan.file.size();
    RowValidator validator(mapping, state.context);
    CsvRecord record;
    CsRow row;
    QList<RowError> rowErrors;
    qint64 rowsSeen = 0;
    while (state.scan.reader->next(record)) {
        ++rowsSeen;
        rowErrors.clear();
        if (!validator.validate(record, &row, &rowErrors)) {
            QStringList reasons;
            for (const RowError &rowError : std::as_const(rowErrors))
                reasons << (rowError.column.isEmpty() ? rowError.message
                                                      : rowError.column + QStringLiteral(": ") + rowError.message);
            state.rejects->write(record.fields
                                 + QStringList {QString::number(record.line), reasons.join(QStringLiteral("; "))});
            if (row.duplicateOfLine > 0) {
                QJsonObject values;
                for (qsizetype i = 0; i < record.fields.size() && i < state.scan.header.fields.size(); ++i)
                    values.insert(state.scan.header.fields.at(i), record.fields.at(i));
                keepDuplicate.addBindValue(recordKindKey(m_kind));
                keepDuplicate.addBindValue(row.externalId);
                keepDuplicate.addBindValue(fileName);
                keepDuplicate.addBindValue(record.line);
                keepDuplicate.addBindValue(QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)));
                keepDuplicate.addBindValue(nowText);
                if (!tx.exec(keepDuplicate))
                    return false;
            }
            continue;
        }
        upsert.bindValue(QStringLiteral(":external_id"), row.externalId);
        for (qsizetype i = 0; i < row.columns.size(); ++i)
            upsert.bindValue(QStringLiteral(":v%1").arg(i), row.columns.at(i).second);
        upsert.bindValue(QStringLiteral(":custom_fields"),
                         QString::fromUtf8(QJsonDocument(row.custom).toJson(QJsonDocument::Compact)));
        upsert.bindValue(QStringLiteral(":created_by"), options.actor);
        upsert.bindValue(QStringLiteral(":now"), nowText);
        if (!tx.exec(upsert))
            return false;
        if (state.existing.contains(row.externalId))
            ++report->updated;
        else
            ++report->inserted;
        if (rowsSeen % progressEveryRows == 0) {
            if (progress)
                progress(state.scan.reader->position(), total);
            if (canceled && canceled()) {
                report->canceled = true;
                report->fatalError
                    = QCoreApplication::translate("CsImporter", "The import was canceled. Nothing was imported.");
                return false;
            }
        }
    }
    if (!state.scan.reader->fatalError().isEmpty()) {
        report->fatalError = state.scan.reader->fatalError();
        return false;
    }
    return true;
}

bool CsImporter::recordRun(WriteTransaction &tx, const QString &path, const ImportOptions &options,
                           const ImportReport &report)
{
    QSqlQuery log(tx.db());
    log.prepare(QStringLiteral("INSERT INTO import_runs (kind, file_name, started_at, finished_at, rows_read, "
                               "inserted, updated, rejected, actor) VALUES (:kind, :file, :started, :finished, "
                               ":rows, :inserted, :updated, :rejected, :actor)"));
    log.bindValue(QStringLiteral(":kind"), recordKindKey(m_kind));
    log.bindValue(QStringLiteral(":file"), QFileInfo(path).fileName());
    log.bindValue(QStringLiteral(":started"), tx.nowText());
    log.bindValue(QStringLiteral(":finished"),
                  QDateTime::fromMSecsSinceEpoch(tx.clock().nowMs(), Qt::UTC).toString(Qt::ISODateWithMs));
    log.bindValue(QStringLiteral(":rows"), report.rowsRead);
    log.bindValue(QStringLiteral(":inserted"), report.inserted);
    log.bindValue(QStringLiteral(":updated"), report.updated);
    log.bindValue(QStringLiteral(":rejected"), report.rejected);
    log.bindValue(QStringLiteral(":actor"), options.actor);
    if (!tx.exec(log))
        return false;

    AuditEntry audit;
    audit.actor = options.actor;
    audit.action = QStringLiteral("import.") + recordKindKey(m_kind);
    audit.objectType = QStringLiteral("file");
    audit.objectId = QFileInfo(path).fileName();
    audit.details = {{QStringLiteral("file"), QFileInfo(path).fileName()},
                     {QStringLiteral("rows"), report.rowsRead},
                     {QStringLiteral("inserted"), report.inserted},
                     {QStringLiteral("updated"), report.updated},
                     {QStringLiteral("rejected"), report.rejected}};
    return AuditLog::record(tx, audit);
}
