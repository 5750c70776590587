#include "SyncMonitor.h"

#include "CoverageHeatmap.h"
#include "SchedulePanel.h"
#include "SyncLogModel.h"
#include "SyncPresentation.h"
#include "SyncRunsModel.h"
#include "SyncUnmatchedModel.h"
#include "ui_SyncMonitor.h"

#include <QHeaderView>
#include <QLabel>
#include <QIdentityProxyModel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>

namespace {

/** Colours log lines by level from the sync palette. */
class LogLevelColours final : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole) {
            const QColor colour = SyncPresentation::levelColor(
                SyncLogEntry::Level(index.data(SyncLogModel::LevelRole).toInt()));
            if (colour.isValid())
                return colour;
        }
        return QIdentityProxyModel::data(index, role);
    }
};

void setUpTable(QTableView *view)
{
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 6);
    view->horizontalHeader()->setHighlightSections(false);
    view->setAlternatingRowColors(true);
}

} // namespace

SyncMonitor::SyncMonitor(WorkspaceSession &session, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SyncMonitor>())
    , m_controller(session)
{
    m_ui->setupUi(this);
    setObjectName(QStringLiteral("syncMonitor"));
    m_ui->backfillDaysSpinBox->setMaximum(syncs::maxBackfillDays);
    // Room for running figures, so the row does not jump when a run starts.
    const int figureWidth = fontMetrics().horizontalAdvance(tr("about 59 min 59 s left"));
    for (QLabel *figure : {m_ui->phaseLabel, m_ui->etaLabel, m_ui->elapsedLabel, m_ui->windowsLabel, m_ui->rowsLabel,
                           m_ui->requestsLabel})
        figure->setMinimumWidth(figureWidth);
    setUpViews();
    // The schedule sits under the run's buttons: what runs by itself, and when.
    m_ui->currentRunLayout->insertWidget(1, new SchedulePanel(session, m_ui->currentRunGroupBox));

    connect(m_ui->syncNowPushButton, &QPushButton::clicked, &m_controller, &SyncMonitorController::syncNow);
    connect(m_ui->backfillPushButton, &QPushButton::clicked, this,
            [this] { m_controller.requestBackfill(m_ui->backfillDaysSpinBox->value()); });
    connect(m_ui->cancelSyncPushButton, &QPushButton::clicked, &m_controller, &SyncMonitorController::cancel);
    connect(m_ui->openMatchingPushButton, &QPushButton::clicked, this, &SyncMonitor::openSelectedUnmatched);
    connect(m_ui->unmatchedTableView, &QTableView::doubleClicked, this, &SyncMonitor::openUnmatched);

    connect(&m_controller, &SyncMonitorController::progressChanged, this, &SyncMonitor::renderProgress);
    connect(&m_controller, &SyncMonitorController::stateChanged, this, &SyncMonitor::renderProgress);
    connect(&m_controller, &SyncMonitorController::actionsChanged, this, &SyncMonitor::renderActions);
    connect(&m_controller, &SyncMonitorController::loaded, this, &SyncMonitor::renderSnapshot);
    connect(&m_controller, &SyncMonitorController::estimateReady, this, &SyncMonitor::confirmBackfill);
    connect(&m_controller, &SyncMonitorController::message, this, &SyncMonitor::showMessage);
    connect(&m_controller, &SyncMonitorController::runFinished, this,
            [this](const SyncRunSummary &summary) { showMessage(summary.statusText(), summary.status == SyncStatus::Failed); });

    renderProgress();
    renderActions();
    renderSnapshot();
}

SyncMonitor::~SyncMonitor() = default;

CoverageHeatmap *SyncMonitor::heatmap() const
{
    return m_ui->coverageHeatmap;
}

void SyncMonitor::setUpViews()
{
    auto *log = new LogLevelColours(this);
    log->setSourceModel(m_controller.logModel());
    m_ui->syncLogView->setModel(log);
    setUpTable(m_ui->syncLogView);
    m_ui->syncLogView->horizontalHeader()->setStretchLastSection(true);
    m_ui->syncLogView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->syncLogView->horizontalHeader()->setSectionResizeMode(SyncLogModel::Message, QHeaderView::Stretch);
    // Follow new lines while the view is scrolled to the end; leave it alone when the user scrolled up.
    connect(m_controller.logModel(), &QAbstractItemModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_ui->syncLogView->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2 * m_ui->syncLogView->verticalHeader()->defaultSectionSize())
            m_ui->syncLogView->scrollToBottom();
    });

    m_ui->runHistoryTableView->setModel(m_controller.runsModel());
    setUpTable(m_ui->runHistoryTableView);
    m_ui->runHistoryTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->runHistoryTableView->horizontalHeader()->setStretchLastSection(true);

    m_unmatchedProxy = new QSortFilterProxyModel(this);
    m_unmatchedProxy->setSourceModel(m_controller.unmatchedModel());
    m_unmatchedProxy->setSortRole(Qt::UserRole);
    m_ui->unmatchedTableView->setModel(m_unmatchedProxy);
    setUpTable(m_ui->unmatchedTableView);
    m_ui->unmatchedTableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->unmatchedTableView->horizontalHeader()->setStretchLastSection(true);
    m_ui->unmatchedTableView->sortByColumn(SyncUnmatchedModel::Events, Qt::DescendingOrder);
    connect(m_ui->unmatchedTableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SyncMonitor::renderActions);
}

void SyncMonitor::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_controller.reload();
}

void SyncMonitor::renderProgress()
{
    const SyncProgress &progress = m_controller.progress();
    const QLocale locale;
    QProgressBar *bar = m_ui->syncProgressBar;
    const int percent = m_controller.percent();
    if (percent < 0) {
        bar->setRange(0, 0); // busy until the plan says how many windows there are
    } else {
        bar->setRange(0, 100);
        bar->setValue(percent);
    }
    bar->setFormat(m_controller.isRunning() ? tr("%p%") : tr("No sync running"));

    const bool running = m_controller.isRunning();
    m_ui->phaseLabel->setText(m_controller.phaseText());
    m_ui->etaLabel->setText(running ? m_controller.etaText() : tr("—"));
    m_ui->elapsedLabel->setText(running ? SyncPresentation::duration(progress.elapsedMs) : tr("—"));
    if (!running) {
        m_ui->windowsLabel->setText(tr("—"));
        m_ui->rowsLabel->setText(tr("—"));
        m_ui->requestsLabel->setText(tr("—"));
        return;
    }
    const QString windows = tr("%1 of %2").arg(locale.toString(progress.windowsDone), locale.toString(progress.windowsTotal));
    m_ui->windowsLabel->setText(progress.windowsFailed > 0
                                    ? tr("%1 (%n failed)", nullptr, progress.windowsFailed).arg(windows)
                                    : windows);
    m_ui->rowsLabel->setText(tr("%1 in, %2 skipped").arg(locale.toString(progress.rowsIn), locale.toString(progress.rowsSkipped)));
    m_ui->requestsLabel->setText(
        tr("%1 (%2 in flight)").arg(locale.toString(progress.requests), locale.toString(progress.requestsInFlight)));
}

void SyncMonitor::renderActions()
{
    m_ui->syncNowPushButton->setEnabled(m_controller.canSyncNow());
    m_ui->backfillPushButton->setEnabled(m_controller.canBackfill());
    m_ui->backfillDaysSpinBox->setEnabled(m_controller.canBackfill());
    m_ui->cancelSyncPushButton->setEnabled(m_controller.canCancel());
    m_ui->backfillPushButton->setText(m_controller.isEstimating() ? tr("Estimating…") : tr("Backfill…"));
    m_ui->openMatchingPushButton->setEnabled(m_ui->unmatchedTableView->currentIndex().isValid());
}

void SyncMonitor::renderSnapshot()
{
    const SyncMonitorSnapshot &snapshot = m_controller.snapshot();
    const QLocale locale;
    m_ui->coverageHeatmap->setCoverage(snapshot.coverage, snapshot.streams);
    m_ui->coverageGroupBox->setTitle(tr("Coverage — the last %n days", nullptr, m_controller.coverageDays()));
    if (!snapshot.coverage.coveredFrom.isValid()) {
        m_ui->coverageSummaryLabel->setText(tr("No activity synced yet in this range."));
    } else {
        QString summary = tr("Activity synced from %1 to %2.")
                              .arg(locale.toString(snapshot.coverage.coveredFrom, QLocale::ShortFormat),
                                   locale.toString(snapshot.coverage.coveredTo, QLocale::ShortFormat));
        if (snapshot.coverage.failedWindows > 0)
            summary += u' ' + tr("%n failed windows are pulled again by the next run.", nullptr,
                                 snapshot.coverage.failedWindows);
        m_ui->coverageSummaryLabel->setText(summary);
    }
    const int history = m_ui->monitorTabWidget->indexOf(m_ui->historyTab);
    const int unmatched = m_ui->monitorTabWidget->indexOf(m_ui->unmatchedTab);
    m_ui->monitorTabWidget->setTabText(history, tr("History (%1)").arg(locale.toString(snapshot.runs.size())));
    m_ui->monitorTabWidget->setTabText(unmatched,
                                       tr("Unmatched (%1)").arg(locale.toString(snapshot.unmatched.size())));
    renderActions();
}

void SyncMonitor::showMessage(const QString &text, bool error)
{
    QPalette palette = m_ui->messageLabel->palette();
    const QColor colour = SyncPresentation::levelColor(error ? SyncLogEntry::Level::Error : SyncLogEntry::Level::Info);
    palette.setColor(QPalette::WindowText, colour.isValid() ? colour : this->palette().color(QPalette::WindowText));
    m_ui->messageLabel->setPalette(palette);
    m_ui->messageLabel->setText(text);
}

void SyncMonitor::confirmBackfill(const SyncEstimate &estimate)
{
    const QLocale locale;
    const int days = m_controller.pendingBackfillDays();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Backfill"),
                                tr("Backfill the last %n days?", nullptr, days), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("backfillConfirmMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QString details;
    if (estimate.windows == 0) {
        details = tr("Every day from %1 to %2 is already synced: there is nothing to pull.")
                      .arg(locale.toString(estimate.fromDay, QLocale::ShortFormat),
                           locale.toString(estimate.toDay, QLocale::ShortFormat));
    } else {
        details = tr("Days: %1 – %2\nWindows to pull: %3 (%4 already synced are skipped)\nApps: %5\n"
                     "Requests: about %6\nEstimated time: %7")
                      .arg(locale.toString(estimate.fromDay, QLocale::ShortFormat),
                           locale.toString(estimate.toDay, QLocale::ShortFormat), locale.toString(estimate.windows),
                           locale.toString(estimate.windowsSkipped), locale.toString(estimate.apps),
                           locale.toString(estimate.requests),
                           estimate.durationMs < 1000 ? tr("under a second")
                                                      : tr("about %1").arg(SyncPresentation::duration(estimate.durationMs)));
    }
    box->setInformativeText(details);
    QPushButton *start = box->addButton(tr("Start Backfill"), QMessageBox::AcceptRole);
    start->setObjectName(QStringLiteral("startBackfillPushButton"));
    start->setEnabled(estimate.windows > 0);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelBackfillPushButton"));
    box->setDefaultButton(estimate.windows > 0 ? start : cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, start](QAbstractButton *button) {
        if (button == start)
            m_controller.confirmBackfill();
        else
            m_controller.discardBackfill();
    });
    connect(box, &QDialog::rejected, &m_controller, &SyncMonitorController::discardBackfill);
    box->open();
}

void SyncMonitor::openSelectedUnmatched()
{
    openUnmatched(m_ui->unmatchedTableView->currentIndex());
}

void SyncMonitor::openUnmatched(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const QString id = index.data(SyncUnmatchedModel::PendoIdRole).toString();
    if (!id.isEmpty())
        Q_EMIT openMatchingRequested(id);
}
