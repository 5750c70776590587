#include "MetricsCommands.h"

#include "CliCommands.h"
#include "OutputTarget.h"

#include "analytics/AnalyticsEngine.h"
#include "analytics/AnalyticsReader.h"
#include "analytics/HealthBacktest.h"
#include "analytics/HealthModelStore.h"
#include "analytics/MetricsExport.h"
#include "playbooks/PlaybookEngine.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace {

QString dayText(int day)
{
    return QDate::fromJulianDay(day).toString(Qt::ISODate);
}

QJsonObject summaryJson(const RecomputeSummary &s)
{
    return {{QStringLiteral("ok"), s.ok},
            {QStringLiteral("kind"), s.kind == RecomputeRequest::Kind::Full ? QStringLiteral("full")
                                                                            : QStringLiteral("incremental")},
            {QStringLiteral("accounts"), s.accounts},
            {QStringLiteral("rows"), s.rowsWritten},
            {QStringLiteral("scores"), s.scoresWritten},
            {QStringLiteral("from"), s.toDay >= s.fromDay ? QJsonValue(dayText(s.fromDay)) : QJsonValue()},
            {QStringLiteral("to"), s.toDay >= s.fromDay ? QJsonValue(dayText(s.toDay)) : QJsonValue()},
            {QStringLiteral("readMs"), s.readMs},
            {QStringLiteral("writeMs"), s.writeMs},
            {QStringLiteral("elapsedMs"), s.elapsedMs},
            {QStringLiteral("error"), s.error}};
}

QString summaryLine(const RecomputeSummary &s)
{
    if (!s.ok)
        return MetricsCommands::tr("The recompute did not complete: %1").arg(s.error);
    if (s.toDay < s.fromDay)
        return MetricsCommands::tr("Nothing to compute yet: no activity has been synced.");
    return MetricsCommands::tr("Recomputed %1 (%2): %3 accounts, %4 to %5, %6 rows and %7 health scores in %8 ms.")
        .arg(s.kind == RecomputeRequest::Kind::Full ? MetricsCommands::tr("in full") : MetricsCommands::tr("incrementally"))
        .arg(MetricsCommands::tr("reading %1 ms, writing %2 ms").arg(s.readMs).arg(s.writeMs))
        .arg(QLocale().toString(s.accounts), dayText(s.fromDay), dayText(s.toDay), QLocale().toString(s.rowsWritten),
             QLocale().toString(s.scoresWritten))
        .arg(s.elapsedMs);
}

/** Runs the event loop until the engine is idle; the last run's summary, if any ran. */
std::optional<RecomputeSummary> waitForRuns(AnalyticsEngine &engine)
{
    std::optional<RecomputeSummary> last;
    QObject context;
    QObject::connect(&engine, &AnalyticsEngine::finished, &context,
                     [&last](const RecomputeSummary &summary) { last = summary; });
    engine.waitForIdle();
    return last;
}

} // namespace

MetricsCommands::MetricsCommands(WorkspaceSession &session, MetricsCommandOptions options, QTextStream &out,
                                 QTextStream &err)
    : m_session(session)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

int MetricsCommands::run(const QString &command, const QStringList &args)
{
    const QString sub = args.value(0);
    if (args.size() == 1 && command == QLatin1String("metrics")) {
        if (sub == QLatin1String("export"))
            return exportMetrics();
        if (sub == QLatin1String("recompute"))
            return recompute();
    }
    if (args.size() == 1 && command == QLatin1String("health")) {
        if (sub == QLatin1String("show"))
            return showHealth();
        if (sub == QLatin1String("set"))
            return setHealth();
        if (sub == QLatin1String("backtest"))
            return backtest();
    }
    m_err << (command == QLatin1String("metrics")
                  ? tr("Usage: pendo-bridge-cli metrics export [--account EXTERNAL_ID] [--from YYYY-MM-DD] "
                       "[--to YYYY-MM-DD] [--format csv|json] [--out FILE], or metrics recompute [--full]")
                  : tr("Usage: pendo-bridge-cli health show | health set --model FILE [--effective YYYY-MM-DD] | "
                       "health backtest [--model FILE] [--days N]"))
          << u'\n';
    return ExitUsage;
}

bool MetricsCommands::parseDays(std::optional<int> *from, std::optional<int> *to)
{
    const auto parse = [this](const QString &text, std::optional<int> *day) {
        if (text.isEmpty())
            return true;
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid() || text.size() != 10) {
            m_err << tr("--from and --to take a day as YYYY-MM-DD, not \"%1\".").arg(text) << u'\n';
            return false;
        }
        *day = int(date.toJulianDay());
        return true;
    };
    if (!parse(m_options.from, from) || !parse(m_options.to, to))
        return false;
    if (*from && *to && **from > **to) {
        m_err << tr("--from %1 is after --to %2.").arg(m_options.from, m_options.to) << u'\n';
        return false;
    }
    return true;
}

int MetricsCommands::exportMetrics()
{
    MetricsExportFilter filter;
    filter.accountExternalId = m_options.account;
    if (!parseDays(&filter.fromDay, &filter.toDay))
        return ExitUsage;
    MetricsExport::Format format = MetricsExport::Format::Csv;
    if (m_options.format.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        format = MetricsExport::Format::Json;
    else if (m_options.format.compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0) {
        m_err << tr("--format takes csv or json, not \"%1\".").arg(m_options.format) << u'\n';
        return ExitUsage;
    }
    QSqlDatabase db = m_session.database().connection();
    if (!db.isOpen()) {
        m_err << m_session.database().lastConnectionError().cannotOpen(m_session.path()) << u'\n';
        return ExitWorkspace;
    }
    OutputTarget target(m_options.outFile, m_out, m_err);
    QIODevice *device = target.open();
    if (!device)
        return ExitBadInput;
    const MetricsExport::Result result = MetricsExport::write(db, device, filter, format);
    if (!result.ok()) {
        target.cancel();
        m_err << result.error << u'\n';
        return result.writeFailed ? ExitBadInput : ExitWorkspace;
    }
    if (!target.commit())
        return ExitBadInput;
    if (target.isFile())
        m_err << tr("Exported %1 rows to %2.").arg(QLocale().toString(result.rows),
                                                  QDir::toNativeSeparators(m_options.outFile))
              << u'\n';
    else if (result.rows == 0 && !m_options.account.isEmpty())
        m_err << tr("No calculated fields for account \"%1\" in that range.").arg(m_options.account) << u'\n';
    return ExitOk;
}

int MetricsCommands::recompute()
{
    AnalyticsEngine &engine = m_session.analytics();
    // Without --full: the days from the last computed one on (a change of the inputs makes it full).
    QSqlDatabase db = m_session.database().connection();
    const int last = AnalyticsReader::lastComputedDay(db);
    engine.recompute(m_options.full || last == 0 ? RecomputeRequest::full(QStringLiteral("command line"))
                                                 : RecomputeRequest::incremental(last, QStringLiteral("command line")));
    if (!m_options.json)
        return awaitRecompute(m_session, m_out, m_err, false);
    const std::optional<RecomputeSummary> summary = waitForRuns(engine);
    if (summary)
        m_out << QString::fromUtf8(QJsonDocument(summaryJson(*summary)).toJson(QJsonDocument::Indented));
    return summary && summary->ok ? ExitOk : ExitWorkspace;
}

int MetricsCommands::awaitRecompute(WorkspaceSession &session, QTextStream &out, QTextStream &err, bool quiet)
{
    const std::optional<RecomputeSummary> summary = waitForRuns(session.analytics());
    session.playbooks().waitForIdle(); // the evaluation each completed recompute starts
    if (!summary)
        return ExitOk;
    if (!summary->ok) {
        err << summaryLine(*summary) << u'\n';
        return ExitWorkspace;
    }
    if (!quiet)
        out << summaryLine(*summary) << u'\n';
    return ExitOk;
}

int MetricsCommands::showHealth()
{
    QSqlDatabase db = m_session.database().connection();
    const QList<HealthModelVersion> versions = HealthModelStore::versions(db);
    const HealthModelVersion &current = versions.back();
    if (m_options.json) {
        QJsonArray list;
        for (const HealthModelVersion &v : versions)
            list.append(QJsonObject{{QStringLiteral("version"), v.version},
                                    {QStringLiteral("effective"), v.effectiveDay ? QJsonValue(dayText(v.effectiveDay))
                                                                                 : QJsonValue()},
                                    {QStringLiteral("summary"), v.summary},
                                    {QStringLiteral("actor"), v.actor},
                                    {QStringLiteral("model"), v.model.toJson()}});
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("current"), current.version},
                                                             {QStringLiteral("versions"), list}})
                                       .toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    m_out << tr("Health model version %1 (%2)").arg(current.version).arg(current.summary) << u'\n';
    m_out << tr("Bands: red below %1, yellow below %2, green from %2").arg(current.model.yellowFrom).arg(current.model.greenFrom)
          << u'\n';
    for (const HealthInput &input : current.model.inputs)
        m_out << tr("  %1  weight %2  points 0/40/70/100 at %3 / %4 / %5 / %6")
                     .arg(HealthModel::metricTitle(input.metric), -28)
                     .arg(input.weight)
                     .arg(input.zeroAt)
                     .arg(input.yellowAt)
                     .arg(input.greenAt)
                     .arg(input.fullAt)
              << u'\n';
    for (const HealthModelVersion &v : versions)
        if (v.version > 0)
            m_out << tr("Version %1: %2, effective %3, by %4").arg(v.version).arg(v.summary, dayText(v.effectiveDay), v.actor)
                  << u'\n';
    return ExitOk;
}

namespace {

std::optional<HealthModel> readModel(const QString &path, QTextStream &err)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << MetricsCommands::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()) << u'\n';
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        err << MetricsCommands::tr("%1 is not a health model (JSON object): %2")
                   .arg(QDir::toNativeSeparators(path), parseError.errorString())
            << u'\n';
        return std::nullopt;
    }
    QString error;
    std::optional<HealthModel> model = HealthModel::fromJson(doc.object(), &error);
    if (!model)
        err << MetricsCommands::tr("%1: %2").arg(QDir::toNativeSeparators(path), error) << u'\n';
    return model;
}

} // namespace

int MetricsCommands::setHealth()
{
    if (m_options.modelFile.isEmpty()) {
        m_err << tr("health set needs --model FILE (a JSON health model, as health show --json prints).") << u'\n';
        return ExitUsage;
    }
    const std::optional<HealthModel> model = readModel(m_options.modelFile, m_err);
    if (!model)
        return ExitBadInput;
    QSqlDatabase db = m_session.database().connection();
    int effective = AnalyticsReader::lastComputedDay(db);
    if (!m_options.effective.isEmpty()) {
        const QDate date = QDate::fromString(m_options.effective, Qt::ISODate);
        if (!date.isValid()) {
            m_err << tr("--effective takes a day as YYYY-MM-DD.") << u'\n';
            return ExitUsage;
        }
        effective = int(date.toJulianDay());
    }
    int saved = 0;
    QString error;
    QObject context;
    bool done = false;
    m_session.saveHealthModel(*model, QStringLiteral("cli"), tr("Saved from %1").arg(QFileInfo(m_options.modelFile).fileName()),
                              effective, &context, [&](int version, const QString &problem) {
                                  saved = version;
                                  error = problem;
                                  done = true;
                              });
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    if (saved == 0) {
        m_err << tr("The health model was not saved: %1").arg(error) << u'\n';
        return ExitWorkspace;
    }
    m_out << tr("Saved health model version %1, effective %2; recomputing the scores…").arg(saved).arg(dayText(effective))
          << u'\n';
    return awaitRecompute(m_session, m_out, m_err, false);
}

int MetricsCommands::backtest()
{
    QSqlDatabase db = m_session.database().connection();
    HealthModel model = AnalyticsReader::currentModel(db);
    if (!m_options.modelFile.isEmpty()) {
        const std::optional<HealthModel> read = readModel(m_options.modelFile, m_err);
        if (!read)
            return ExitBadInput;
        model = *read;
    }
    bool ok = true;
    const int days = m_options.days.isEmpty() ? 90 : m_options.days.toInt(&ok);
    if (!ok || days < 1 || days > 3650) {
        m_err << tr("--days takes a number of days from 1 to 3650.") << u'\n';
        return ExitUsage;
    }
    const int last = AnalyticsReader::lastComputedDay(db);
    const BacktestResult result = HealthBacktest::run(db, model, last - days + 1, last);
    if (!result.error.isEmpty()) {
        m_err << result.error << u'\n';
        return ExitBadInput;
    }
    if (m_options.json) {
        QJsonArray changes;
        for (const BandChange &c : result.changes)
            changes.append(QJsonObject{{QStringLiteral("account"), c.account},
                                       {QStringLiteral("day"), dayText(c.day)},
                                       {QStringLiteral("from"), HealthModel::bandName(c.from)},
                                       {QStringLiteral("to"), HealthModel::bandName(c.to)},
                                       {QStringLiteral("stored"), c.stored ? QJsonValue(HealthModel::bandName(*c.stored))
                                                                           : QJsonValue()}});
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("from"), dayText(result.fromDay)},
                                                             {QStringLiteral("to"), dayText(result.toDay)},
                                                             {QStringLiteral("accounts"), int(result.accounts.size())},
                                                             {QStringLiteral("accountsChangingBand"),
                                                              result.accountsChangingBand},
                                                             {QStringLiteral("accountsDiffering"), result.accountsDiffering},
                                                             {QStringLiteral("changes"), changes}})
                                       .toJson(QJsonDocument::Indented));
        return ExitOk;
    }
    m_out << tr("Replayed over %1 to %2: %3 of %4 accounts would have changed band; %5 differ from the stored scores.")
                 .arg(dayText(result.fromDay), dayText(result.toDay))
                 .arg(result.accountsChangingBand)
                 .arg(result.accounts.size())
                 .arg(result.accountsDiffering)
          << u'\n';
    for (const BandChange &c : result.changes)
        m_out << QStringLiteral("  %1  %2  %3 → %4\n")
                     .arg(dayText(c.day), c.account, HealthModel::bandName(c.from), HealthModel::bandName(c.to));
    return ExitOk;
}
