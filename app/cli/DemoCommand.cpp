#include "DemoCommand.h"

#include "CliCommands.h"
#include "session/DemoSimulator.h"
#include "PendoCommands.h"
#include "SyncCommands.h"

#include "analytics/AnalyticsReader.h"
#include "session/WorkspaceSession.h"
#include "store/CsImporter.h"
#include "store/Database.h"
#include "store/WorkspaceSettings.h"
#include "sync/SyncHistory.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTemporaryDir>
#include <QTimer>

namespace {

constexpr int listedRejects = 3;
constexpr int maxAccounts = 100000;

QJsonObject importJson(const ImportReport &report)
{
    return QJsonObject{{QStringLiteral("imported"), report.inserted + report.updated},
                       {QStringLiteral("rejected"), report.rejected},
                       {QStringLiteral("written"), report.written}};
}

QJsonObject rateJson(const MatchCounts &counts)
{
    return QJsonObject{{QStringLiteral("matched"), counts.matched},
                       {QStringLiteral("total"), counts.total()},
                       {QStringLiteral("rate"), counts.rate()}};
}

QString percent(const MatchCounts &counts)
{
    return QStringLiteral("%1%").arg(counts.rate() * 100.0, 0, 'f', 1);
}

} // namespace

DemoCommand::DemoCommand(WorkspaceSession &session, DemoOptions options, QTextStream &out, QTextStream &err)
    : m_session(session)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

void DemoCommand::reportImport(const QString &label, const ImportReport &report)
{
    QTextStream &steps = m_options.json ? m_err : m_out;
    if (!report.written) {
        m_err << tr("%1: not imported: %2").arg(label, report.fatalError) << u'\n';
        return;
    }
    steps << tr("%1: %2 imported, %3 invalid rows skipped")
                 .arg(label, QLocale().toString(report.inserted + report.updated), QLocale().toString(report.rejected))
          << u'\n';
    for (const RowError &error : report.errors.mid(0, listedRejects))
        steps << QStringLiteral("  ") << error.toString() << u'\n';
    if (report.errorCount > listedRejects)
        steps << tr("  … and %1 more").arg(report.errorCount - listedRejects) << u'\n';
}

int DemoCommand::run()
{
    bool ok = false;
    const int days = m_options.days.toInt(&ok);
    if (!ok || days < 1 || days > syncs::maxBackfillDays) {
        m_err << tr("--days takes a number of days from 1 to %1, not \"%2\".")
                     .arg(syncs::maxBackfillDays)
                     .arg(m_options.days)
              << u'\n';
        return ExitUsage;
    }
    int accounts = DemoSimulator::defaultAccounts;
    if (!m_options.accounts.isEmpty()) {
        accounts = m_options.accounts.toInt(&ok);
        if (!ok || accounts < 1 || accounts > maxAccounts) {
            m_err << tr("--accounts takes a number from 1 to %1, not \"%2\".").arg(maxAccounts).arg(m_options.accounts)
                  << u'\n';
            return ExitUsage;
        }
    }
    QTextStream &steps = m_options.json ? m_err : m_out;

    // 1. The simulator, every region on loopback; its CRM export in a folder of its own.
    QTemporaryDir crm;
    DemoSimulator simulator(crm.path());
    simulator.setAccounts(accounts);
    QString simulatorProblem;
    QObject::connect(&simulator, &DemoSimulator::ready, &simulator, [] { QCoreApplication::exit(0); });
    QObject::connect(&simulator, &DemoSimulator::failed, &simulator, [&simulatorProblem](const QString &message) {
        simulatorProblem = message;
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(0, &simulator, [&simulator] { simulator.start(); });
    QCoreApplication::exec();
    if (!simulatorProblem.isEmpty()) {
        m_err << simulatorProblem << u'\n';
        return ExitUnreachable;
    }
    steps << tr("== Pendo simulator with %1 customers on %2 (every region on loopback)")
                 .arg(accounts)
                 .arg(simulator.usUrl().toString())
          << u'\n';

    // 2. The CRM export: the valid rows in, the others explained.
    steps << tr("== Importing the CRM export (invalid rows are skipped and listed)") << u'\n';
    ImportReport imported[2];
    const std::pair<RecordKind, const char *> files[] = {{RecordKind::Accounts, "accounts.csv"},
                                                         {RecordKind::Contacts, "contacts.csv"}};
    for (int i = 0; i < 2; ++i) {
        const QString file = QDir(simulator.crmDir()).filePath(QLatin1String(files[i].second));
        const ImportPreview preview = CsImporter::preview(file, files[i].first);
        ImportOptions options;
        options.skipInvalid = true;
        options.actor = QStringLiteral("demo");
        options.rejectFilePath = QDir(crm.path()).filePath(recordKindKey(files[i].first) + QStringLiteral(".rejects.csv"));
        if (preview.error.isEmpty())
            imported[i] = m_session.importRecords(files[i].first, file, preview.mapping, options);
        else
            imported[i].fatalError = preview.error;
        reportImport(CsFields::kindLabel(files[i].first), imported[i]);
        if (!imported[i].written)
            return imported[i].workspaceFailure ? ExitWorkspace : ExitBadInput;
    }

    // 3. The connection: the simulator's US region; the key stays in this process only.
    const QByteArray key(DemoSimulator::demoKey);
    if (const StoreError failure = m_session.settings().setValuesAndWait(
            {{WorkspaceSettings::Key::Region, QStringLiteral("us")},
             {WorkspaceSettings::Key::BaseUrl, simulator.usUrl().toString()}})) {
        m_err << failure.cannotWrite(m_session.path()) << u'\n';
        return ExitWorkspace;
    }
    m_session.keepKeyForThisSession(QStringLiteral("us"), key);
    steps << tr("== Connected to the simulated US region; the key is kept for this run only (no keychain)") << u'\n';

    // 4. The catalog and Pendo's identities, then matching.
    PendoCommandOptions pendoOptions;
    pendoOptions.key = key;
    pendoOptions.noKeychain = true;
    PendoCommands pendo(m_session, pendoOptions, steps, m_err);
    steps << tr("== Refreshing the catalog") << u'\n' << Qt::flush;
    if (const int code = pendo.catalogRefresh(); code != ExitOk)
        return code;
    QString error;
    MatchPreview matched;
    if (!m_session.applyMatching(m_session.currentConfig().matching, m_session.configVersion(), &matched, &error)) {
        m_err << tr("Matching failed: %1").arg(error) << u'\n';
        return ExitWorkspace;
    }
    steps << tr("== Matching: %1 of Pendo accounts and %2 of visitors reach a CRM account or contact")
                 .arg(percent(matched.accounts), percent(matched.contacts))
          << u'\n';

    // 5. The backfill, with the progress of any sync.
    steps << tr("== Backfilling %n day(s) of history", nullptr, days) << u'\n' << Qt::flush;
    SyncRequest request;
    request.kind = SyncRequest::Kind::Backfill;
    request.backfillDays = days;
    request.refreshCatalog = false; // refreshed a moment ago
    SyncCommandOptions syncOptions;
    SyncCommands sync(m_session, pendo, syncOptions, steps, m_err);
    SyncRunSummary summary;
    const int code = sync.run(request, &summary);
    QSqlDatabase db = m_session.database().connection();
    const SyncHistory::Coverage coverage = SyncHistory::coverage(db);
    // The portfolio the recompute after the backfill left: accounts per health band.
    int bands[3] = {0, 0, 0};
    int unscored = 0;
    double mau = 0;
    for (const PortfolioRow &row : AnalyticsReader::portfolio(db)) {
        mau += row.mau;
        if (row.score)
            ++bands[int(row.band)];
        else
            ++unscored;
    }
    const int lastDay = AnalyticsReader::lastComputedDay(db);

    if (m_options.json) {
        m_out << QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{QStringLiteral("workspace"), m_session.path()},
                            {QStringLiteral("accounts"), importJson(imported[0])},
                            {QStringLiteral("contacts"), importJson(imported[1])},
                            {QStringLiteral("matching"), QJsonObject{{QStringLiteral("accounts"), rateJson(matched.accounts)},
                                                                     {QStringLiteral("visitors"), rateJson(matched.contacts)}}},
                            {QStringLiteral("run"), summary.toJson()},
                            {QStringLiteral("coveredFrom"), coverage.coveredFrom.isValid()
                                                                ? QJsonValue(coverage.coveredFrom.toString(Qt::ISODate))
                                                                : QJsonValue()},
                            {QStringLiteral("coveredTo"), coverage.coveredTo.isValid()
                                                              ? QJsonValue(coverage.coveredTo.toString(Qt::ISODate))
                                                              : QJsonValue()},
                            {QStringLiteral("health"), QJsonObject{{QStringLiteral("green"), bands[2]},
                                                                   {QStringLiteral("yellow"), bands[1]},
                                                                   {QStringLiteral("red"), bands[0]},
                                                                   {QStringLiteral("unscored"), unscored},
                                                                   {QStringLiteral("mau"), mau}}},
                            {QStringLiteral("exitCode"), code}})
                .toJson(QJsonDocument::Indented));
        return code;
    }
    const QLocale locale;
    m_out << u'\n' << tr("Demo summary") << u'\n';
    m_out << tr("  CRM records:   %1 accounts and %2 contacts imported (%3 and %4 invalid rows skipped)")
                 .arg(locale.toString(imported[0].inserted + imported[0].updated),
                      locale.toString(imported[1].inserted + imported[1].updated),
                      locale.toString(imported[0].rejected), locale.toString(imported[1].rejected))
          << u'\n';
    m_out << tr("  Match rate:    %1 of Pendo accounts, %2 of visitors")
                 .arg(percent(matched.accounts), percent(matched.contacts))
          << u'\n';
    m_out << tr("  Backfill:      %1; %2 rows in, %3 skipped")
                 .arg(summary.statusText(), locale.toString(summary.rowsIn), locale.toString(summary.rowsSkipped))
          << u'\n';
    m_out << tr("  Covered days:  %1")
                 .arg(coverage.coveredFrom.isValid() ? tr("%1 to %2").arg(coverage.coveredFrom.toString(Qt::ISODate),
                                                                          coverage.coveredTo.toString(Qt::ISODate))
                                                     : tr("none"))
          << u'\n';
    if (lastDay > 0)
        m_out << tr("  Health:        %1 green, %2 yellow, %3 red accounts (%4 without activity) on %5; MAU %6")
                     .arg(bands[2])
                     .arg(bands[1])
                     .arg(bands[0])
                     .arg(unscored)
                     .arg(QDate::fromJulianDay(lastDay).toString(Qt::ISODate), locale.toString(qint64(mau)))
              << u'\n';
    m_out << tr("  Workspace:     %1").arg(QDir::toNativeSeparators(m_session.path())) << u'\n';
    return code;
}
