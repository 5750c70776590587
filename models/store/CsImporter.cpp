#include "CsImporter.h"

#include "CsvReader.h"
#include "CsvWriter.h"
#include "Database.h"

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

QString databaseError(const Database &database, const QSqlError &error)
{
    if (database.dialect().isDiskFull(error.nativeErrorCode()))
        return QCoreApplication::translate(
            "CsImporter", "The disk is full. Nothing was imported; the workspace is as it was before.");
    return QCoreApplication::translate(
               "CsImporter",
               "The workspace refused the import (%1). Nothing was imported; the workspace is as it was before.")
        .arg(error.text());
}

QString timestamp(const QDateTime &when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
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
            = QCoreApplication::translate("CsImporter", "Cannot open the workspace: %1").arg(connection.error());
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
    write(path, mapping, options, secondHalf, canceled, &report);
    return report;
}

bool CsImporter::write(const QString &path, const ColumnMapping &mapping, const ImportOptions &options,
                       const Progress &progress, const Canceled &canceled, ImportReport *report)
{
    ScopedConnection connection(m_database);
    QSqlDatabase &db = connection.db();
    ValidationContext context;
    QString error;
    if (!connection.isValid() || !loadContext(db, &context, &error)) {
        report->fatalError = QCoreApplication::translate("CsImporter", "Cannot open the workspace: %1")
                                 .arg(connection.isValid() ? error : connection.error());
        report->workspaceFailure = true;
        return false;
    }
    const QString table = tableOf(m_kind);
    QSet<QString> existing;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(QStringLiteral("SELECT external_id FROM %1").arg(table))) {
            report->fatalError = databaseError(m_database, query.lastError());
            report->workspaceFailure = true;
            return false;
        }
        while (query.next())
            existing.insert(query.value(0).toString());
    }

    // The statement updates only the columns this file maps, so a file without an "owner"
    // column leaves owners alone; custom fields are merged, not replaced.
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
    const QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (external_id) DO UPDATE SET %4")
                            .arg(table, insertColumns.join(QStringLiteral(", ")),
                                 placeholders.join(QStringLiteral(", ")), updates.join(QStringLiteral(", ")));

    const QDateTime now = options.now.isValid() ? options.now : QDateTime::currentDateTimeUtc();
    const QString nowText = timestamp(now);
    const QString startedText = timestamp(QDateTime::currentDateTimeUtc());

    FileScan scan;
    if (!scan.open(path)) {
        report->fatalError = scan.error;
        return false;
    }

    std::unique_ptr<QSaveFile> rejectFile;
    std::unique_ptr<CsvWriter> rejects;
    if (report->rejected > 0) {
        report->rejectFilePath = options.rejectFilePath.isEmpty()
            ? QFileInfo(path).dir().filePath(QFileInfo(path).completeBaseName() + QStringLiteral(".rejects.csv"))
            : options.rejectFilePath;
        rejectFile = std::make_unique<QSaveFile>(report->rejectFilePath);
        if (!rejectFile->open(QIODevice::WriteOnly)) {
            report->fatalError = QCoreApplication::translate("CsImporter", "Cannot write the reject file %1: %2")
                                     .arg(QDir::toNativeSeparators(report->rejectFilePath), rejectFile->errorString());
            return false;
        }
        rejects = std::make_unique<CsvWriter>(rejectFile.get(), scan.reader->delimiter());
        rejects->write(scan.header.fields
                       + QStringList {QStringLiteral("reject_line"), QStringLiteral("reject_reason")});
    }

    if (!db.transaction()) {
        report->fatalError = databaseError(m_database, db.lastError());
        report->workspaceFailure = true;
        return false;
    }
    auto abandon = [&](const QString &message, bool workspaceFailure) {
        db.rollback();
        report->fatalError = message;
        report->workspaceFailure = workspaceFailure;
        report->inserted = report->updated = 0;
        if (rejectFile)
            rejectFile->cancelWriting();
        return false;
    };

    QSqlQuery upsert(db);
    if (!upsert.prepare(sql))
        return abandon(databaseError(m_database, upsert.lastError()), true);
    // Rows skipped for reusing an id stay on record, so matching can call that id ambiguous.
    QSqlQuery forgetDuplicates(db);
    forgetDuplicates.prepare(QStringLiteral("DELETE FROM import_duplicates WHERE kind = :kind AND file_name = :file"));
    forgetDuplicates.bindValue(QStringLiteral(":kind"), recordKindKey(m_kind));
    forgetDuplicates.bindValue(QStringLiteral(":file"), QFileInfo(path).fileName());
    if (!forgetDuplicates.exec())
        return abandon(databaseError(m_database, forgetDuplicates.lastError()), true);
    QSqlQuery keepDuplicate(db);
    keepDuplicate.prepare(
        QStringLiteral("INSERT INTO import_duplicates (kind, external_id, file_name, line, row_values, "
                       "recorded_at) VALUES (?, ?, ?, ?, ?, ?)"));

    const qint64 total = scan.file.size();
    RowValidator validator(mapping, context);
    CsvRecord record;
    CsRow row;
    QList<RowError> rowErrors;
    qint64 rowsSeen = 0;
    while (scan.reader->next(record)) {
        ++rowsSeen;
        rowErrors.clear();
        if (!validator.validate(record, &row, &rowErrors)) {
            QStringList reasons;
            for (const RowError &rowError : std::as_const(rowErrors))
                reasons << (rowError.column.isEmpty() ? rowError.message
                                                      : rowError.column + QStringLiteral(": ") + rowError.message);
            rejects->write(record.fields
                           + QStringList {QString::number(record.line), reasons.join(QStringLiteral("; "))});
            if (row.duplicateOfLine > 0) {
                QJsonObject values;
                for (qsizetype i = 0; i < record.fields.size() && i < scan.header.fields.size(); ++i)
                    values.insert(scan.header.fields.at(i), record.fields.at(i));
                keepDuplicate.addBindValue(recordKindKey(m_kind));
                keepDuplicate.addBindValue(row.externalId);
                keepDuplicate.addBindValue(QFileInfo(path).fileName());
                keepDuplicate.addBindValue(record.line);
                keepDuplicate.addBindValue(QString::fromUtf8(QJsonDocument(values).toJson(QJsonDocument::Compact)));
                keepDuplicate.addBindValue(nowText);
                if (!keepDuplicate.exec())
                    return abandon(databaseError(m_database, keepDuplicate.lastError()), true);
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
        if (!upsert.exec())
            return abandon(databaseError(m_database, upsert.lastError()), true);
        if (existing.contains(row.externalId))
            ++report->updated;
        else
            ++report->inserted;
        if (rowsSeen % progressEveryRows == 0) {
            if (progress)
                progress(scan.reader->position(), total);
            if (canceled && canceled()) {
                report->canceled = true;
                return abandon(
                    QCoreApplication::translate("CsImporter", "The import was canceled. Nothing was imported."), false);
            }
        }
    }
    if (!scan.reader->fatalError().isEmpty())
        return abandon(scan.reader->fatalError(), false);

    QSqlQuery log(db);
    log.prepare(QStringLiteral("INSERT INTO import_runs (kind, file_name, started_at, finished_at, rows_read, "
                               "inserted, updated, rejected, actor) VALUES (:kind, :file, :started, :finished, "
                               ":rows, :inserted, :updated, :rejected, :actor)"));
    log.bindValue(QStringLiteral(":kind"), recordKindKey(m_kind));
    log.bindValue(QStringLiteral(":file"), QFileInfo(path).fileName());
    log.bindValue(QStringLiteral(":started"), startedText);
    log.bindValue(QStringLiteral(":finished"), timestamp(QDateTime::currentDateTimeUtc()));
    log.bindValue(QStringLiteral(":rows"), report->rowsRead);
    log.bindValue(QStringLiteral(":inserted"), report->inserted);
    log.bindValue(QStringLiteral(":updated"), report->updated);
    log.bindValue(QStringLiteral(":rejected"), report->rejected);
    log.bindValue(QStringLiteral(":actor"), options.actor);
    if (!log.exec())
        return abandon(databaseError(m_database, log.lastError()), true);

    const QJsonObject details {{QStringLiteral("file"), QFileInfo(path).fileName()},
                               {QStringLiteral("rows"), report->rowsRead},
                               {QStringLiteral("inserted"), report->inserted},
                               {QStringLiteral("updated"), report->updated},
                               {QStringLiteral("rejected"), report->rejected}};
    QSqlQuery audit(db);
    audit.prepare(QStringLiteral("INSERT INTO audit_log (at, actor, action, object_type, object_id, details) "
                                 "VALUES (:at, :actor, :action, 'file', :file, :details)"));
    audit.bindValue(QStringLiteral(":at"), nowText);
    audit.bindValue(QStringLiteral(":actor"), options.actor);
    audit.bindValue(QStringLiteral(":action"), QString(QStringLiteral("import.") + recordKindKey(m_kind)));
    audit.bindValue(QStringLiteral(":file"), QFileInfo(path).fileName());
    audit.bindValue(QStringLiteral(":details"),
                    QString(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))));
    if (!audit.exec())
        return abandon(databaseError(m_database, audit.lastError()), true);

    if (rejects && (!rejects->flush() || !rejectFile->commit())) {
        rejects.reset();
        return abandon(
            QCoreApplication::translate("CsImporter", "Cannot write the reject file %1: %2. Nothing was imported.")
                .arg(QDir::toNativeSeparators(report->rejectFilePath), rejectFile->errorString()),
            false);
    }
    if (!db.commit()) {
        const QSqlError commitError = db.lastError();
        db.rollback();
        report->inserted = report->updated = 0;
        report->fatalError = databaseError(m_database, commitError);
        report->workspaceFailure = true;
        return false;
    }
    report->written = true;
    if (progress)
        progress(total, total);
    return true;
}
