#pragma once

#include "SyncMonitorController.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SyncMonitor;
}

class CoverageHeatmap;
class QMessageBox;
class QSortFilterProxyModel;
class WorkspaceSession;

/**
 * The sync monitor: the current run (progress, phase, time left, windows, rows, requests) with
 * Sync Now, Backfill… (confirmed with the engine's estimate) and Cancel; the coverage heatmap;
 * the live log, the run history and the unmatched report, whose ids open in the matching
 * workbench. Renders its controller's state and forwards the buttons to it. UI thread.
 */
class SyncMonitor final : public QWidget
{
    Q_OBJECT

public:
    explicit SyncMonitor(WorkspaceSession &session, QWidget *parent = nullptr);
    ~SyncMonitor() override;

    SyncMonitorController &controller() { return m_controller; }
    CoverageHeatmap *heatmap() const;

Q_SIGNALS:
    /** The user wants to match this Pendo visitor or account. */
    void openMatchingRequested(const QString &pendoId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setUpViews();
    void renderProgress();
    void renderActions();
    void renderSnapshot();
    void showMessage(const QString &text, bool error);
    void confirmBackfill(const SyncEstimate &estimate);
    void openSelectedUnmatched();
    void openUnmatched(const QModelIndex &index);

    const std::unique_ptr<Ui::SyncMonitor> m_ui;
    SyncMonitorController m_controller;
    QSortFilterProxyModel *m_unmatchedProxy = nullptr;
};
