#pragma once

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <memory>

/**
 * Where an export goes: standard output, or a file that is replaced only once the export is
 * complete (a failed one leaves no half-written file). Main thread.
 */
class OutputTarget final
{
    Q_DECLARE_TR_FUNCTIONS(OutputTarget)
public:
    /** An empty path means standard output. */
    OutputTarget(QString path, QTextStream &out, QTextStream &err);

    bool isFile() const { return !m_path.isEmpty(); }
    /** The device to write to; nullptr (the reason printed) when it cannot be opened. */
    QIODevice *open();
    /** Keeps the file (false and the reason printed when it cannot be); standard output is flushed. */
    bool commit();
    /** Drops a file that was being written. */
    void cancel();

private:
    QString m_path;
    QTextStream &m_out;
    QTextStream &m_err;
    QFile m_stdout;
    std::unique_ptr<QSaveFile> m_file;
};
