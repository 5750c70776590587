#pragma once

#include "store/CsImporter.h"

#include <QFutureWatcher>
#include <QObject>
#include <QTimer>

class WorkspaceSession;

/**
 * The logic behind the import dialog: previews a file, keeps the column mapping, validates
 * and imports on a worker thread with progress and cancellation. Lives on the UI thread and
 * never blocks it; the dialog only renders its state.
 */
class ImportController final : public QObject
{
    Q_OBJECT

public:
    enum class State { NoFile, Validating, Ready, Importing, Done };
    Q_ENUM(State)

    explicit ImportController(WorkspaceSession &session, QObject *parent = nullptr);
    ~ImportController() override;

    RecordKind kind() const { return m_kind; }
    QString filePath() const { return m_path; }
    const ImportPreview &preview() const { return m_preview; }
    const ColumnMapping &mapping() const { return m_mapping; }
    const ImportReport &report() const { return m_report; }
    State state() const { return m_state; }
    /** Whether Import may be pressed with the given "skip invalid rows" choice. */
    bool canImport(bool skipInvalid) const;

public Q_SLOTS:
    void setKind(RecordKind kind);
    void setFile(const QString &path);
    void setTarget(int column, const ColumnTarget &target);
    void startImport(const ImportOptions &options);
    void cancel();

Q_SIGNALS:
    void previewChanged();
    void mappingChanged();
    void stateChanged(ImportController::State state);
    void progress(int percent);
    void validated(const ImportReport &report);
    void imported(const ImportReport &report);
    void failed(const QString &message);

private:
    void scheduleValidation();
    void startValidation();
    void finishJob();
    void setState(State state);

    WorkspaceSession &m_session;
    RecordKind m_kind = RecordKind::Accounts;
    QString m_path;
    ImportPreview m_preview;
    ColumnMapping m_mapping;
    ImportReport m_report;
    State m_state = State::NoFile;
    bool m_importing = false;
    bool m_revalidate = false;
    QFutureWatcher<ImportReport> m_watcher;
    QTimer m_validationDelay;
};
