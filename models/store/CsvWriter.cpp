#include "CsvWriter.h"

#include <QTextStream>

CsvWriter::CsvWriter(QIODevice *device, QChar delimiter)
    : m_stream(std::make_unique<QTextStream>(device))
    , m_delimiter(delimiter)
{
    m_stream->setEncoding(QStringConverter::Utf8);
}

CsvWriter::~CsvWriter()
{
    m_stream->flush();
}

QString CsvWriter::quote(const QString &field, QChar delimiter)
{
    const bool needsQuotes = field.contains(delimiter) || field.contains(u'"') || field.contains(u'\n')
                             || field.contains(u'\r') || field.startsWith(u' ') || field.endsWith(u' ');
    if (!needsQuotes)
        return field;
    QString quoted = field;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

void CsvWriter::write(const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            *m_stream << m_delimiter;
        *m_stream << quote(fields.at(i), m_delimiter);
    }
    *m_stream << "\r\n";
}

bool CsvWriter::flush()
{
    m_stream->flush();
    return m_stream->status() == QTextStream::Ok;
}
