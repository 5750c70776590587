#include "OutputTarget.h"

#include <QDir>

OutputTarget::OutputTarget(QString path, QTextStream &out, QTextStream &err)
    : m_path(std::move(path))
    , m_out(out)
    , m_err(err)
{
}

QIODevice *OutputTarget::open()
{
    if (m_path.isEmpty()) {
        m_out.flush();
        if (!m_stdout.open(stdout, QIODevice::WriteOnly)) {
            m_err << tr("Cannot write to standard output: %1").arg(m_stdout.errorString()) << u'\n';
            return nullptr;
        }
        return &m_stdout;
    }
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        m_err << tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString()) << u'\n';
        return nullptr;
    }
    return m_file.get();
}

bool OutputTarget::commit()
{
    if (!m_file) {
        m_stdout.flush();
        return true;
    }
    if (m_file->commit())
        return true;
    m_err << tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(m_path), m_file->errorString()) << u'\n';
    return false;
}

void OutputTarget::cancel()
{
    if (m_file)
        m_file->cancelWriting();
}
