#include "CsvReader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QTextStream>

CsvReader::CsvReader(QIODevice *device, QChar delimiter)
    : m_device(device)
    , m_stream(std::make_unique<QTextStream>(device))
    , m_delimiter(delimiter)
{
    m_stream->setEncoding(QStringConverter::Utf8);
    m_stream->setAutoDetectUnicode(true);
}

CsvReader::~CsvReader() = default;

qint64 CsvReader::position() const
{
    // QTextStream::pos() re-decodes its buffer on every call; the device position is cheap and close enough.
    return m_device->pos();
}

bool CsvReader::readPhysicalLine(QString *line)
{
    if (m_stream->atEnd())
        return false;
    *line = m_stream->readLine();
    ++m_lineNumber;
    if (m_firstLine) {
        m_firstLine = false;
        if (line->startsWith(QChar(0xFEFF)))
            line->remove(0, 1);
    }
    return true;
}

QChar CsvReader::detectDelimiter(QStringView line)
{
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    bool quoted = false;
    for (const QChar c : line) {
        if (c == u'"')
            quoted = !quoted;
        else if (!quoted) {
            commas += c == u',';
            semicolons += c == u';';
            tabs += c == u'\t';
        }
    }
    if (semicolons > commas && semicolons >= tabs)
        return u';';
    if (tabs > commas && tabs > semicolons)
        return u'\t';
    return u',';
}

bool CsvReader::splitLine(QStringView line, QChar delimiter, QStringList *fields, QString *error)
{
    fields->clear();
    QString field;
    enum class State { FieldStart, Unquoted, Quoted, AfterQuote } state = State::FieldStart;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        switch (state) {
        case State::FieldStart:
            if (c == u'"') {
                state = State::Quoted;
                break;
            }
            state = State::Unquoted;
            Q_FALLTHROUGH();
        case State::Unquoted:
            if (c == delimiter) {
                *fields << field;
                field.clear();
                state = State::FieldStart;
            } else {
                field.append(c);
            }
            break;
        case State::Quoted:
            if (c == u'"') {
                if (i + 1 < line.size() && line.at(i + 1) == u'"') {
                    field.append(u'"');
                    ++i;
                } else {
                    state = State::AfterQuote;
                }
            } else {
                field.append(c);
            }
            break;
        case State::AfterQuote:
            if (c == delimiter) {
                *fields << field;
                field.clear();
                state = State::FieldStart;
            } else if (error->isEmpty()) {
                *error = QCoreApplication::translate("CsvReader",
                                                     "unexpected character '%1' after a closing quote in field %2")
                             .arg(c)
                             .arg(fields->size() + 1);
                field.append(c);
            } else {
                field.append(c);
            }
            break;
        }
    }
    if (state == State::Quoted)
        return false;
    *fields << field;
    return true;
}

bool CsvReader::next(CsvRecord &record)
{
    if (!m_fatalError.isEmpty())
        return false;
    QString line;
    do {
        if (!readPhysicalLine(&line))
            return false;
    } while (line.trimmed().isEmpty());

    if (m_delimiter.isNull())
        m_delimiter = detectDelimiter(line);

    record.line = m_lineNumber;
    record.error.clear();
    // A quoted field may hold line breaks: keep appending physical lines until it closes.
    while (!splitLine(line, m_delimiter, &record.fields, &record.error)) {
        QString continuation;
        if (!readPhysicalLine(&continuation)) {
            m_fatalError = QCoreApplication::translate("CsvReader",
                                                       "line %1: a quoted field is never closed; the rest of the "
                                                       "file was read into it")
                               .arg(record.line);
            return false;
        }
        line.append(u'\n');
        line.append(continuation);
        record.error.clear();
    }
    return true;
}
