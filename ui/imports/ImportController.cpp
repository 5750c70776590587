#include "ImportController.h"

#include "session/WorkspaceSession.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace {

void runJob(QPromise<ImportReport> &promise, WorkspaceSession *session, RecordKind kind, const QString &path,
            const ColumnMapping &mapping, bool write, const ImportOptions &options)
{
    promise.setProgressRange(0, 100);
    const auto progress = [&promise](qint64 done, qint64 total) {
        promise.setProgressValue(total > 0 ? int(done * 100 / total) : 0);
    };
    const auto canceled = [&promise] { return promise.isCanceled(); };
    promise.addResult(write ? session->importRecords(kind, path, mapping, options, progress, canceled)
                            : session->validateRecords(kind, path, mapping, progress, canceled));
}

} // namespace

ImportController::ImportController(WorkspaceSession &session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_validationDelay.setSingleShot(true);
    m_validationDelay.setInterval(250);
    connect(&m_validationDelay, &QTimer::timeout, this, &ImportController::startValidation);
    connect(&m_watcher, &QFutureWatcher<ImportReport>::finished, this, &ImportController::finishJob);
    connect(&m_watcher, &QFutureWatcher<ImportReport>::progressValueChanged, this, &ImportController::progress);
}

ImportController::~ImportController()
{
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool ImportController::canImport(bool skipInvalid) const
{
    if (m_state != State::Ready || !m_report.fatalError.isEmpty())
        return false;
    if (m_report.validRows == 0)
        return false;
    return skipInvalid || m_report.rejected == 0;
}

void ImportController::setKind(RecordKind kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    if (!m_path.isEmpty())
        setFile(m_path);
}

void ImportController::setFile(const QString &path)
{
    m_path = path;
    m_preview = CsImporter::preview(path, m_kind);
    m_mapping = m_preview.mapping;
    m_report = ImportReport();
    Q_EMIT previewChanged();
    Q_EMIT mappingChanged();
    if (!m_preview.error.isEmpty()) {
        setState(State::NoFile);
        Q_EMIT failed(m_preview.error);
        return;
    }
    scheduleValidation();
}

void ImportController::setTarget(int column, const ColumnTarget &target)
{
    if (column < 0 || column >= m_mapping.columnCount() || m_mapping.target(column) == target)
        return;
    m_mapping.setTarget(column, target);
    Q_EMIT mappingChanged();
    scheduleValidation();
}

void ImportController::scheduleValidation()
{
    if (m_importing)
        return;
    setState(State::Validating);
    m_validationDelay.start();
}

void ImportController::startValidation()
{
    if (m_watcher.isRunning()) {
        m_revalidate = true;
        m_watcher.cancel();
        return;
    }
    const QStringList problems = m_mapping.problems();
    if (!problems.isEmpty()) {
        m_report = ImportReport();
        m_report.fatalError = problems.join(u'\n');
        setState(State::Ready);
        Q_EMIT validated(m_report);
        return;
    }
    m_importing = false;
    m_watcher.setFuture(QtConcurrent::run(&runJob, &m_session, m_kind, m_path, m_mapping, false, ImportOptions()));
}

void ImportController::startImport(const ImportOptions &options)
{
    if (!canImport(options.skipInvalid))
        return;
    m_importing = true;
    setState(State::Importing);
    m_watcher.setFuture(QtConcurrent::run(&runJob, &m_session, m_kind, m_path, m_mapping, true, options));
}

void ImportController::cancel()
{
    m_validationDelay.stop();
    if (m_watcher.isRunning())
        m_watcher.cancel();
}

void ImportController::finishJob()
{
    const bool wasImport = m_importing;
    m_importing = false;
    if (m_revalidate) {
        m_revalidate = false;
        startValidation();
        return;
    }
    const QFuture<ImportReport> future = m_watcher.future();
    if (future.resultCount() == 0) {
        // Canceled before the job produced anything.
        m_report = ImportReport();
        m_report.canceled = true;
    } else {
        m_report = future.result();
    }
    if (wasImport) {
        setState(m_report.written ? State::Done : State::Ready);
        Q_EMIT imported(m_report);
    } else {
        setState(State::Ready);
        Q_EMIT validated(m_report);
    }
}

void ImportController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
