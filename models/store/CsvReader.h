#pragma once

#include <QChar>
#include <QString>
#include <QStringList>
#include <QStringView>

class QIODevice;
class QTextStream;

#include <memory>

/** One CSV record: its fields, the file line it starts on and, when malformed, why. */
struct CsvRecord
{
    QStringList fields;
    qint64 line = 0;
    QString error;
};

/**
 * Streams RFC 4180 records from a device: quoted fields with embedded delimiters, quotes and
 * newlines, CRLF or LF line ends, a UTF-8 byte-order mark, and a `,` `;` or tab delimiter
 * detected from the header line. Blank lines are skipped. Used on whichever thread reads.
 */
class CsvReader final
{
public:
    /** `delimiter` null = detect from the first line. The device must stay open while reading. */
    explicit CsvReader(QIODevice *device, QChar delimiter = QChar());
    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    /** The next record; false at the end of the data or after a fatal error (see fatalError()). */
    bool next(CsvRecord &record);

    QChar delimiter() const { return m_delimiter; }
    /** An unterminated quote that swallowed the rest of the file; empty otherwise. */
    QString fatalError() const { return m_fatalError; }
    /** Bytes consumed so far, for progress. */
    qint64 position() const;

    static QChar detectDelimiter(QStringView line);
    /** Splits one complete logical line; returns false when a quote is still open at its end. */
    static bool splitLine(QStringView line, QChar delimiter, QStringList *fields, QString *error);

private:
    bool readPhysicalLine(QString *line);

    QIODevice *m_device;
    std::unique_ptr<QTextStream> m_stream;
    QChar m_delimiter;
    qint64 m_lineNumber = 0;
    QString m_fatalError;
    bool m_firstLine = true;
};
