#pragma once

#include "ColumnMapping.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

struct CsvRecord;

/** A problem with one row of a file, named by the file's line number and column. */
struct RowError
{
    qint64 line = 0;
    QString column;
    QString message;

    QString toString() const;
};

/** What a row is checked against: the workspace's lifecycle stages and accounts. */
struct ValidationContext
{
    QHash<QString, qint64> stages;   // normalised key or name → id
    QStringList stageNames;          // for the "known stages" hint
    QHash<QString, qint64> accounts; // account external id → id (contacts only)
};

/** One valid row, converted: standard values keyed by database column, extras as custom fields. */
struct CsRow
{
    qint64 line = 0;
    QString externalId;
    QList<QPair<QString, QVariant>> columns; // database column → typed value (null clears)
    QJsonObject custom;
    qint64 duplicateOfLine = 0; // set when the external id was already used on that line of the file
};

/**
 * Checks and converts the rows of one file: required values, dates, numbers, e-mail addresses,
 * lifecycle stages, account references, field counts and duplicate ids inside the file.
 * Stateful (remembers the ids it has seen); one per pass over a file.
 */
class RowValidator final
{
public:
    RowValidator(ColumnMapping mapping, ValidationContext context);

    /** True with *row filled when the record is valid; otherwise appends the reasons to *errors. */
    bool validate(const CsvRecord &record, CsRow *row, QList<RowError> *errors);

    static bool parseDate(const QString &text, QDate *date);
    static bool parseMoney(const QString &text, double *value);
    static bool parseInteger(const QString &text, qint64 *value);
    static bool isPlausibleEmail(const QString &text);

private:
    ColumnMapping m_mapping;
    ValidationContext m_context;
    QHash<QString, qint64> m_seenIds; // external id → first line
    qsizetype m_idColumn = -1;
};
