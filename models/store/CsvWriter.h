#pragma once

#include <QStringList>

class QIODevice;
class QTextStream;

#include <memory>

/** Writes RFC 4180 records (quoting only where needed, CRLF line ends) as UTF-8. */
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *device, QChar delimiter = u',');
    ~CsvWriter();
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    void write(const QStringList &fields);
    /** Flushes; false when the device refused the data (e.g. the disk is full). */
    bool flush();

    static QString quote(const QString &field, QChar delimiter = u',');

private:
    std::unique_ptr<QTextStream> m_stream;
    QChar m_delimiter;
};
