#include "SyncCommands.h"

#include "CliCommands.h"
#include "MetricsCommands.h"
#include "OutputTarget.h"
#include "PendoCommands.h"
#include "SyncProgressPrinter.h"
#include "TerminationSignals.h"

#include "pendo/PendoError.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "sync/ActivityExport.h"
#include "sync/SyncEngine.h"
#include "sync/SyncHistory.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

#include <optional>
#include <unistd.h>

namespace {

std::optional<PendoError> pendoErrorFromCode(const QString &code)
{
    for (int kind = int(PendoError::Kind::InvalidKeyOrRegion); kind <= int(PendoError::Kind::Canceled); ++kind) {
        const PendoError error(static_cast<PendoError::Kind>(kind));
        if (error.code() == code)
            return error;
    }
    return std::nullopt;
}

QJsonValue dayValue(const QDate &day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue();
}

QDate parseDay(const QString &text, bool *ok)
{
    *ok = true;
    if (text.isEmpty())
        return {};
    const QDate day = QDate::fromString(text, Qt::ISODate);
    *ok = day.isValid() && text.size() == 10;
    return day;
}

/** The first day still provisional (pulled again by every run until it is older than the settle window). */
QDate provisionalFrom(const SyncHistory::Coverage &coverage)
{
    QDate first;
    for (auto stream = coverage.days.cbegin(); stream != coverage.days.cend(); ++stream)
        for (auto day = stream->cbegin(); day != stream->cend(); ++day)
            if (day.value() == SyncHistory::DayState::Provisional && (!first.isValid() || day.key() < first))
                first = day.key();
    return first;
}

} // namespace

SyncCommands::SyncCommands(WorkspaceSession &session, PendoCommands &pendo, SyncCommandOptions options,
                           QTextStream &out, QTextStream &err)
    : m_session(session)
    , m_pendo(pendo)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

int SyncCommands::exitCodeFor(const SyncRunSummary &summary)
{
    switch (summary.status) {
    case SyncStatus::Completed:
        return ExitOk;
    case SyncStatus::CompletedWithFailures:
        return ExitFailedWindows;
    case SyncStatus::Canceled:
        return ExitCanceled;
    case SyncStatus::Running:
    case SyncStatus::Interrupted:
        return ExitSyncFailed;
    case SyncStatus::Failed:
        break;
    }
    if (const std::optional<PendoError> pendo = pendoErrorFromCode(summary.errorClass)) {
        if (pendo->kind() == PendoError::Kind::Canceled)
            return ExitCanceled;
        const int code = PendoCommands::exitCodeFor(*pendo);
        // A check of `doctor` did not fail here: Pendo refused a request of the sync.
        return code == ExitChecksFailed ? ExitPendoFailing : code;
    }
    if (StoreError::isCode(summary.errorClass))
        return ExitWorkspace;
    return ExitSyncFailed;
}

std::optional<SyncRequest> SyncCommands::requestFromOptions()
{
    SyncRequest request;
    request.kind = SyncRequest::Kind::Manual;
    if (!m_options.backfillDays.isEmpty()) {
        bool ok = false;
        const int days = m_options.backfillDays.toInt(&ok);
        if (!ok || days < 1 || days > syncs::maxBackfillDays) {
            m_err << tr("--backfill-days takes a number of days from 1 to %1, not \"%2\".")
                         .arg(syncs::maxBackfillDays)
                         .arg(m_options.backfillDays)
                  << u'\n';
            return std::nullopt;
        }
        request.kind = SyncRequest::Kind::Backfill;
        request.backfillDays = days;
    }
    if (m_options.streamsGiven) {
        QString error;
        const std::optional<QList<SyncStream>> streams = syncs::parseStreams(m_options.streams, &error);
        if (!streams) {
            m_err << tr("--streams: %1").arg(error) << u'\n';
            return std::nullopt;
        }
        if (streams->isEmpty()) {
            m_err << tr("--streams needs at least one stream, e.g. --streams activity,features") << u'\n';
            return std::nullopt;
        }
        request.streams = *streams;
    }
    return request;
}

int SyncCommands::sync()
{
    const std::optional<SyncRequest> request = requestFromOptions();
    if (!request)
        return ExitUsage;
    if (!m_session.isConnected()) {
        m_err << tr("This workspace is not connected to Pendo yet: run 'pendo-bridge-cli connect --region R' first.")
              << u'\n';
        return ExitNoKey;
    }
    const QByteArray key = m_pendo.storedOrGivenKey();
    if (key.isEmpty())
        return ExitNoKey;
    m_session.keepKeyForThisSession(m_session.regionKey(), key);
    return run(*request);
}

int SyncCommands::run(const SyncRequest &request, SyncRunSummary *result)
{
    SyncEngine &engine = m_session.syncEngine();
    SyncProgressPrinter printer(m_out, m_err, !m_options.json && ::isatty(STDOUT_FILENO));
    TerminationSignals termination;
    QObject context; // every connection below ends with this scope
    bool stopRequested = false;
    std::optional<SyncRunSummary> summary;
    QString notStarted;

    QObject::connect(&termination, &TerminationSignals::requested, &context, [&](int signalNumber) {
        if (stopRequested)
            return;
        stopRequested = true;
        printer.finish();
        m_err << tr("Stopping the sync (signal %1); finished windows are kept and the next run resumes the rest…")
                     .arg(signalNumber)
              << u'\n'
              << Qt::flush;
        engine.cancel();
    });
    if (!m_options.json)
        QObject::connect(&engine, &SyncEngine::progress, &context,
                         [&printer](const SyncProgress &progress) { printer.update(progress); });
    QObject::connect(&engine, &SyncEngine::logged, &context,
                     [&printer](const SyncLogEntry &entry) { printer.log(entry); });
    QObject::connect(&engine, &SyncEngine::finished, &context, [&summary](const SyncRunSummary &finished) {
        summary = finished;
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(0, &context, [&] {
        m_session.startSync(request, &context, [&](const QString &problem) {
            if (!problem.isEmpty()) {
                notStarted = problem;
                QCoreApplication::exit(0);
            } else if (stopRequested) {
                engine.cancel(); // the signal came while the key was being read
            }
        });
    });
    QCoreApplication::exec();
    printer.finish();

    if (!summary) {
        if (m_options.json)
            m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                                                 {QStringLiteral("error"), notStarted},
                                                                 {QStringLiteral("exitCode"), ExitSyncFailed}})
                                           .toJson(QJsonDocument::Indented));
        m_err << tr("The sync did not start: %1").arg(notStarted) << u'\n';
        return stopRequested ? ExitCanceled : ExitSyncFailed;
    }
    // Asked to stop: 130 however far the run got (its finished windows are kept either way).
    const int code = stopRequested ? ExitCanceled : exitCodeFor(*summary);
    printSummary(*summary, code);
    // The sync's recompute of the days it touched (none after a cancel that landed nothing).
    if (!stopRequested && MetricsCommands::awaitRecompute(m_session, m_err, m_err, m_options.json) != 0 && code == 0)
        return ExitWorkspace;
    if (result)
        *result = *summary;
    return code;
}

void SyncCommands::printSummary(const SyncRunSummary &summary, int exitCode)
{
    const SyncHistory::Coverage coverage = SyncHistory::coverage(m_session.database().connection());
    const QDate provisional = provisionalFrom(coverage);
    if (m_options.json) {
        QJsonObject json = summary.toJson();
        json.insert(QStringLiteral("coveredFrom"), dayValue(coverage.coveredFrom));
        json.insert(QStringLiteral("coveredTo"), dayValue(coverage.coveredTo));
        json.insert(QStringLiteral("provisionalFrom"), dayValue(provisional));
        json.insert(QStringLiteral("exitCode"), exitCode);
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)) << Qt::flush;
        return;
    }
    const QLocale locale;
    QString covered = coverage.coveredFrom.isValid()
                          ? tr("%1 to %2").arg(coverage.coveredFrom.toString(Qt::ISODate),
                                               coverage.coveredTo.toString(Qt::ISODate))
                          : tr("none yet");
    if (provisional.isValid())
        covered += tr(" (provisional from %1)").arg(provisional.toString(Qt::ISODate));
    QTextStream &stream = exitCode == ExitOk || exitCode == ExitFailedWindows ? m_out : m_err;
    stream << tr("Sync %1: %2 rows in, %3 skipped, %4 failed windows; covered days %5.")
                  .arg(summary.statusText(), locale.toString(summary.rowsIn), locale.toString(summary.rowsSkipped))
                  .arg(summary.windowsFailed)
                  .arg(covered)
           << u'\n';
    if (summary.windowsFailed > 0)
        stream << tr("Failed windows are pulled again by the next run.") << u'\n';
    stream << Qt::flush;
}

int SyncCommands::status()
{
    QSqlDatabase db = m_session.database().connection();
    if (!db.isOpen()) {
        m_err << m_session.database().lastConnectionError().cannotOpen(m_session.path()) << u'\n';
        return ExitWorkspace;
    }
    const std::optional<SyncRunSummary> last = SyncHistory::lastRun(db);
    const SyncHistory::Coverage coverage = SyncHistory::coverage(db);
    const QDate provisional = provisionalFrom(coverage);
    // Runs are numbered in order and one runs at a time per workspace: only the newest can be running.
    const bool running = last && last->status == SyncStatus::Running;

    if (m_options.json) {
        m_out << QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("running"), running},
                                      {QStringLiteral("lastRun"), last ? QJsonValue(last->toJson()) : QJsonValue()},
                                      {QStringLiteral("coveredFrom"), dayValue(coverage.coveredFrom)},
                                      {QStringLiteral("coveredTo"), dayValue(coverage.coveredTo)},
                                      {QStringLiteral("provisionalFrom"), dayValue(provisional)},
                                      {QStringLiteral("failedWindows"), coverage.failedWindows}})
                .toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    if (!last) {
        m_out << tr("No sync has run in this workspace yet: run 'pendo-bridge-cli sync'.") << u'\n';
        return ExitOk;
    }
    const QLocale locale;
    m_out << tr("Last run:        #%1 %2, %3").arg(last->runId).arg(SyncRequest::kindKey(last->kind), last->statusText())
          << u'\n';
    m_out << tr("Started:         %1").arg(last->startedAt) << u'\n';
    if (!last->finishedAt.isEmpty())
        m_out << tr("Finished:        %1 (%2)").arg(last->finishedAt, SyncProgressPrinter::duration(last->durationMs))
              << u'\n';
    m_out << tr("Rows:            %1 in, %2 skipped").arg(locale.toString(last->rowsIn), locale.toString(last->rowsSkipped))
          << u'\n';
    m_out << tr("Failed windows:  %1 in the last run, %2 waiting to be pulled again")
                 .arg(last->windowsFailed)
                 .arg(coverage.failedWindows)
          << u'\n';
    m_out << tr("Covered days:    %1")
                 .arg(coverage.coveredFrom.isValid() ? tr("%1 to %2").arg(coverage.coveredFrom.toString(Qt::ISODate),
                                                                          coverage.coveredTo.toString(Qt::ISODate))
                                                     : tr("none yet"))
          << u'\n';
    if (provisional.isValid())
        m_out << tr("Provisional:     from %1 (pulled again until older than the settle window)")
                     .arg(provisional.toString(Qt::ISODate))
              << u'\n';
    m_out << tr("Running now:     %1").arg(running ? tr("yes") : tr("no")) << u'\n';
    return ExitOk;
}

int SyncCommands::exportActivity()
{
    ActivityExport::Options options;
    bool fromOk = false;
    bool toOk = false;
    options.from = parseDay(m_options.from, &fromOk);
    options.to = parseDay(m_options.to, &toOk);
    const std::optional<ActivityExport::Format> format = ActivityExport::formatFromKey(m_options.format);
    if (!fromOk || !toOk) {
        m_err << tr("--from and --to take a day as YYYY-MM-DD.") << u'\n';
        return ExitUsage;
    }
    if (options.from.isValid() && options.to.isValid() && options.from > options.to) {
        m_err << tr("--from %1 is after --to %2.").arg(m_options.from, m_options.to) << u'\n';
        return ExitUsage;
    }
    if (!format) {
        m_err << tr("--format takes csv or json, not \"%1\".").arg(m_options.format) << u'\n';
        return ExitUsage;
    }
    options.format = *format;

    QSqlDatabase db = m_session.database().connection();
    if (!db.isOpen()) {
        m_err << m_session.database().lastConnectionError().cannotOpen(m_session.path()) << u'\n';
        return ExitWorkspace;
    }
    OutputTarget target(m_options.outFile, m_out, m_err);
    QIODevice *device = target.open();
    if (!device)
        return ExitBadInput;
    const ActivityExport::Result result = ActivityExport::write(db, device, options);
    if (!result.ok()) {
        target.cancel();
        m_err << result.error << u'\n';
        return result.writeFailed ? ExitBadInput : ExitWorkspace;
    }
    if (!target.commit())
        return ExitBadInput;
    if (!target.isFile())
        return ExitOk;
    m_err << (result.rows > 0 ? tr("Exported %1 activity rows (%2 to %3) to %4.")
                                    .arg(QLocale().toString(result.rows), result.firstDay.toString(Qt::ISODate),
                                         result.lastDay.toString(Qt::ISODate),
                                         QDir::toNativeSeparators(m_options.outFile))
                              : tr("No activity in that range; %1 holds no rows.")
                                    .arg(QDir::toNativeSeparators(m_options.outFile)))
          << u'\n';
    return ExitOk;
}
