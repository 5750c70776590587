#pragma once

#include "SetupResult.h"

#include <QPointer>
#include <QWizardPage>

#include <functional>

class CatalogSync;
class WorkspaceSession;
class QLabel;
class QProgressBar;
class QPushButton;
class StatusFrame;

/**
 * Setup step after the key and region: reads the subscription's catalog (apps, features, pages,
 * guides, track types, reports, metadata schemas) and its accounts and visitors, so the matching
 * and mapping pages can show real consequences. Runs in the background; Back cancels it; a
 * failure can be retried. UI thread.
 */
class CatalogPage final : public QWizardPage
{
    Q_OBJECT

public:
    /** `connection` gives the verified base URL and key when the page is entered. */
    CatalogPage(WorkspaceSession &session, std::function<SetupResult()> connection, QWidget *parent = nullptr);
    ~CatalogPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

Q_SIGNALS:
    void refreshed();

private:
    void start();
    void stop();

    WorkspaceSession &m_session;
    const std::function<SetupResult()> m_connection;
    QPointer<CatalogSync> m_sync;
    QLabel *m_progress;
    QProgressBar *m_busy;
    StatusFrame *m_status;
    QPushButton *m_retry;
    bool m_done = false;
};
