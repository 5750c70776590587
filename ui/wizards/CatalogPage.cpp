#include "CatalogPage.h"

#include "StatusFrame.h"

#include "session/WorkspaceSession.h"
#include "sync/CatalogSync.h"

#include <QHash>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

CatalogPage::CatalogPage(WorkspaceSession &session, std::function<SetupResult()> connection, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_connection(std::move(connection))
    , m_progress(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_status(new StatusFrame(this))
    , m_retry(new QPushButton(tr("Try again"), this))
{
    setTitle(tr("Read your Pendo catalog"));
    setSubTitle(tr("Pendo Bridge reads your apps, features, pages, guides, track events, reports and the accounts "
                   "and visitors Pendo knows, so the next steps can show what will match and what will be mapped."));
    m_progress->setObjectName(QStringLiteral("catalogProgressLabel"));
    m_busy->setObjectName(QStringLiteral("catalogBusyProgressBar"));
    m_busy->setRange(0, 0);
    m_status->setObjectName(QStringLiteral("catalogStatusFrame"));
    m_retry->setObjectName(QStringLiteral("catalogRetryPushButton"));
    m_retry->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addWidget(m_retry, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_retry, &QPushButton::clicked, this, &CatalogPage::start);
}

CatalogPage::~CatalogPage()
{
    stop();
}

void CatalogPage::initializePage()
{
    start();
}

void CatalogPage::cleanupPage()
{
    stop();
    m_done = false;
}

bool CatalogPage::isComplete() const
{
    return m_done;
}

void CatalogPage::stop()
{
    if (m_sync) {
        m_sync->disconnect(this);
        m_sync->cancel();
        m_sync->deleteLater();
    }
}

void CatalogPage::start()
{
    stop();
    m_done = false;
    Q_EMIT completeChanged();
    const SetupResult connection = m_connection();
    m_sync = m_session.createCatalogSync(m_session.clientFor(connection.baseUrl, connection.integrationKey), this);
    m_retry->hide();
    m_status->clear();
    m_busy->show();
    m_progress->setText(tr("Connecting…"));
    connect(m_sync, &CatalogSync::progress, m_progress, &QLabel::setText);
    connect(m_sync, &CatalogSync::finished, this, [this](const PendoError &error, const QString &storeError) {
        m_busy->hide();
        m_progress->clear();
        if (error.isError()) {
            m_status->showStatus(StatusFrame::Tone::Error, error.message(), error.hint());
            m_retry->show();
        } else if (!storeError.isEmpty()) {
            m_status->showStatus(StatusFrame::Tone::Error, tr("The workspace could not store the catalog: %1").arg(storeError));
            m_retry->show();
        } else {
            QHash<QString, int> kinds;
            for (const CatalogItem &item : m_sync->snapshot().items)
                ++kinds[item.kind];
            const CatalogChanges &changes = m_sync->changes();
            m_status->showStatus(StatusFrame::Tone::Success,
                                 tr("Read %L1 features, %L2 pages, %L3 guides, %L4 track events and %L5 reports in %L6 apps.")
                                     .arg(kinds.value(QStringLiteral("feature")))
                                     .arg(kinds.value(QStringLiteral("page")))
                                     .arg(kinds.value(QStringLiteral("guide")))
                                     .arg(kinds.value(QStringLiteral("track_type")))
                                     .arg(kinds.value(QStringLiteral("report")))
                                     .arg(changes.apps),
                                 tr("Pendo knows %L1 accounts and %L2 visitors. Next: how they match your customers.")
                                     .arg(changes.accounts)
                                     .arg(changes.visitors));
            m_done = true;
            Q_EMIT refreshed();
        }
        m_sync->deleteLater();
        Q_EMIT completeChanged();
    });
    m_sync->start();
}
