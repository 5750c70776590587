#include "CliCommands.h"

#include "ConfigCommands.h"
#include "DemoCommand.h"
#include "MatchCommands.h"
#include "MetricsCommands.h"
#include "PlaybookCommands.h"
#include "PendoCommands.h"
#include "ReportCommand.h"
#include "SyncCommands.h"

#include "store/ColumnMapping.h"
#include "store/CsImporter.h"
#include "store/Database.h"
#include "store/DemoData.h"
#include "store/WorkspaceInfo.h"
#include "store/WorkspaceSettings.h"
#include "pendo/Region.h"
#include "pendo/Clock.h"
#include "security/CredentialStore.h"
#include "session/WorkspaceSession.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cstdio>

namespace {

QJsonObject reportToJson(RecordKind kind, const QString &file, const ImportReport &report)
{
    QJsonArray errors;
    for (const RowError &error : report.errors)
        errors.append(QJsonObject{{QStringLiteral("line"), error.line},
                                  {QStringLiteral("column"), error.column},
                                  {QStringLiteral("message"), error.message}});
    QJsonObject object{{QStringLiteral("ok"), report.written},
                       {QStringLiteral("kind"), recordKindKey(kind)},
                       {QStringLiteral("file"), file},
                       {QStringLiteral("rowsRead"), report.rowsRead},
                       {QStringLiteral("validRows"), report.validRows},
                       {QStringLiteral("inserted"), report.inserted},
                       {QStringLiteral("updated"), report.updated},
                       {QStringLiteral("rejected"), report.rejected},
                       {QStringLiteral("written"), report.written},
                       {QStringLiteral("errorCount"), report.errorCount},
                       {QStringLiteral("errors"), errors}};
    if (!report.fatalError.isEmpty())
        object.insert(QStringLiteral("fatalError"), report.fatalError);
    if (!report.rejectFilePath.isEmpty())
        object.insert(QStringLiteral("rejectFile"), report.rejectFilePath);
    return object;
}

} // namespace

CliCommands::CliCommands()
    : m_out(stdout)
    , m_err(stderr)
{
}

QString CliCommands::helpText() const
{
    return tr("Usage: pendo-bridge-cli [--workspace PATH] [--json] COMMAND ...\n"
              "\n"
              "Commands:\n"
              "  import accounts FILE     Import or update accounts from a CSV file\n"
              "  import contacts FILE     Import or update contacts from a CSV file\n"
              "      --skip-invalid       Import the valid rows; write the others to a reject file\n"
              "      --reject-file PATH   Where rejected rows go (default FILE.rejects.csv)\n"
              "      --map COLUMN=FIELD   Override the automatic column mapping (repeatable);\n"
              "                           FIELD is a field key, custom:NAME or ignore\n"
              "  workspace info           Show the workspace's location, schema and record counts\n"
              "  workspace region-urls SPEC  Point regions at other API addresses, \"us=URL,eu=URL\"\n"
              "                           (proxies, resellers; \"\" resets); PENDO_BRIDGE_REGION_URLS wins\n"
              "  connect --region R       Verify an integration key in region R (us, us1, eu, jp, au),\n"
              "                           remember the region and store the key in the system keychain.\n"
              "                           The key comes from --key-file, %2, or standard input.\n"
              "      --base-url URL       A custom API address instead of a region (reseller or proxy)\n"
              "  doctor                   Try the key in every region and report which accepts it, write\n"
              "                           access, apps, whether aggregations and reports answer, and the\n"
              "                           subscription's time zone\n"
              "      --key-file PATH      Read the key from a file only you can read (chmod 600)\n"
              "      --no-keychain        Neither read nor store the key in the system keychain\n"
              "      --timeout SECONDS    Per-request time-out (default 30)\n"
              "  catalog refresh          Read apps, features, pages, guides, track types, reports, metadata\n"
              "                           schemas and Pendo's accounts and visitors into the workspace\n"
              "  match preview            Match rates with the current rules (nothing is written)\n"
              "  match apply              Resolve Pendo accounts and visitors to CS accounts and contacts\n"
              "  contacts create-unmatched  Create contacts for unmatched visitors of matched accounts\n"
              "  config export FILE       Write the whole integration configuration as readable JSON\n"
              "  config import FILE       Validate a configuration file and save it as a new version\n"
              "  sync                     Pull Pendo activity since the last run (the settle window again)\n"
              "      --backfill-days N    Backfill the last N days (1-365, today included) instead\n"
              "      --streams LIST       Only these streams: activity, features, pages, guides,\n"
              "                           track_events, aggregations, reports (comma-separated)\n"
              "                           Progress: a redrawn line on a terminal, plain lines in logs.\n"
              "                           SIGINT or SIGTERM stops the run cleanly; the next run resumes it.\n"
              "  status                   The last run (status, rows, failed windows, start, finish), the\n"
              "                           covered days and whether a run is going now\n"
              "  activity export          Raw daily activity with Pendo's ids, sorted, to standard output:\n"
              "                           day,app,kind,item,visitor,account,events,minutes\n"
              "      --from YYYY-MM-DD    First day (default: the first synced day)\n"
              "      --to YYYY-MM-DD      Last day (default: the last synced day)\n"
              "      --format csv|json    CSV (default) or a JSON array of objects, one per line\n"
              "      --out FILE           Write to FILE instead (replaced only when complete)\n"
              "  metrics export           Calculated fields, health score and band per account, app and day:\n"
              "                           account,app,day,dau,wau,mau,events,minutes,events_30d,minutes_30d,\n"
              "                           dau_mau,wau_mau,core_adoption,licence_utilisation,days_since_active,\n"
              "                           pes_adoption,pes_stickiness,pes_growth,pes,core_events,core_events_30d,\n"
              "                           health_score,health_band\n"
              "      --account ID         Only this account (its external id)\n"
              "      --from/--to YYYY-MM-DD, --format csv|json, --out FILE  as for activity export\n"
              "  metrics recompute        Recompute the calculated fields and health scores (a sync does\n"
              "                           this by itself); --full recomputes the whole history\n"
              "  health show              The health model: inputs, weights, thresholds, versions\n"
              "  health set --model FILE  Save a health model (JSON, as health show --json prints it) as a\n"
              "                           new version, effective from --effective YYYY-MM-DD (default: the\n"
              "                           last computed day); earlier days keep the scores they had\n"
              "  health backtest          Replay a model (--model FILE, default the current one) over the\n"
              "                           last --days N days (default 90): which accounts change band, when\n"
              "  playbooks list           The playbooks: id, name, trigger, scope, actions, open firings\n"
              "  playbooks dry-run ID...  Replay playbooks over the last --days N days (default 90) without\n"
              "                           storing anything: which accounts would fire, when and why;\n"
              "                           --all for every playbook\n"
              "  playbooks run [ID...]    Evaluate the enabled playbooks and lifecycle goals now (a sync does\n"
              "                           this by itself) and run their actions; --from YYYY-MM-DD: the first\n"
              "                           day for playbooks never judged (judged days are never judged again)\n"
              "  playbooks enable|disable ID...   Switch playbooks on or off\n"
              "  playbooks firings|tasks  Firings with their evidence, open tasks; --account ID\n"
              "  playbooks export [--out FILE] / import FILE   The playbooks and goals as JSON\n"
              "  report --out DIR         The portfolio and every account view as PNG pictures, drawn as the\n"
              "                           desktop app draws them (no display needed); --account ID for one\n"
              "  demo                     Start pendo-sim, import its CRM export, connect (the key kept for\n"
              "                           this run only), refresh the catalog, match and backfill; without\n"
              "                           --workspace a new workspace in a temporary folder\n"
              "      --days N             Days to backfill (default 90)\n"
              "      --accounts N         Simulated customers (default 200)\n"
              "      --offline            No simulator: only fill the bundled demo customers\n"
              "\n"
              "Options:\n"
              "  --workspace PATH         The workspace file (default: %1)\n"
              "  --json                   Machine-readable output on stdout\n"
              "  -h, --help               This help\n"
              "  -v, --version            The version\n"
              "\n"
              "Account fields: external_id, name, owner, arr, renewal_date, licensed_seats, lifecycle_stage;\n"
              "other columns are kept as custom fields. Contact fields: external_id, email, name, role,\n"
              "account_external_id. Imports are all-or-nothing unless --skip-invalid is given, and a\n"
              "re-import updates records by external id instead of duplicating them.\n"
              "\n"
              "Exit codes:\n"
              "  0  success\n"
              "  1  usage error\n"
              "  2  the file has invalid rows; nothing was written (the rows are listed)\n"
              "  3  the file cannot be read, or its columns cannot be mapped\n"
              "  4  the workspace cannot be opened or written (newer version, disk full, ...)\n"
              "  5  no integration key was given or found\n"
              "  6  Pendo refused the key (wrong key, revoked, or another region's key)\n"
              "  7  Pendo cannot be reached (connection refused, DNS, TLS, time-out)\n"
              "  8  Pendo answered with errors (rate limit, server errors, broken answers)\n"
              "  9  the key works but a check failed (apps, aggregations, reports, time zone)\n"
              " 10  the key works but could not be stored (no keychain service)\n"
              " 11  the sync completed, but some windows failed (the next run pulls them again)\n"
              " 12  the sync did not complete for another reason (another run holds the workspace, ...)\n"
              "130  the sync was stopped by SIGINT or SIGTERM (finished windows are kept)\n"
              "  3  is also the code of an export file that cannot be written\n")
        .arg(QDir::toNativeSeparators(Database::defaultWorkspacePath()),
             QLatin1String(HeadlessKeySource::environmentVariable));
}

void CliCommands::printJson(const QJsonObject &object)
{
    m_out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    m_out.flush();
}

int CliCommands::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    const QCommandLineOption workspaceOption(QStringLiteral("workspace"), QString(), QStringLiteral("path"));
    const QCommandLineOption jsonOption(QStringLiteral("json"));
    const QCommandLineOption skipOption(QStringLiteral("skip-invalid"));
    const QCommandLineOption rejectOption(QStringLiteral("reject-file"), QString(), QStringLiteral("path"));
    const QCommandLineOption mapOption(QStringLiteral("map"), QString(), QStringLiteral("column=field"));
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption versionOption(QStringList{QStringLiteral("v"), QStringLiteral("version")});
    const QCommandLineOption regionOption(QStringLiteral("region"), QString(), QStringLiteral("region"));
    const QCommandLineOption baseUrlOption(QStringLiteral("base-url"), QString(), QStringLiteral("url"));
    const QCommandLineOption keyFileOption(QStringLiteral("key-file"), QString(), QStringLiteral("path"));
    const QCommandLineOption noKeychainOption(QStringLiteral("no-keychain"));
    const QCommandLineOption timeoutOption(QStringLiteral("timeout"), QString(), QStringLiteral("seconds"));
    const QCommandLineOption backfillOption(QStringLiteral("backfill-days"), QString(), QStringLiteral("days"));
    const QCommandLineOption streamsOption(QStringLiteral("streams"), QString(), QStringLiteral("list"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QString(), QStringLiteral("day"));
    const QCommandLineOption toOption(QStringLiteral("to"), QString(), QStringLiteral("day"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QString(), QStringLiteral("format"));
    const QCommandLineOption outOption(QStringLiteral("out"), QString(), QStringLiteral("file"));
    const QCommandLineOption daysOption(QStringLiteral("days"), QString(), QStringLiteral("days"));
    const QCommandLineOption accountsOption(QStringLiteral("accounts"), QString(), QStringLiteral("count"));
    const QCommandLineOption offlineOption(QStringLiteral("offline"));
    const QCommandLineOption accountOption(QStringLiteral("account"), QString(), QStringLiteral("external-id"));
    const QCommandLineOption modelOption(QStringLiteral("model"), QString(), QStringLiteral("file"));
    const QCommandLineOption effectiveOption(QStringLiteral("effective"), QString(), QStringLiteral("day"));
    const QCommandLineOption fullOption(QStringLiteral("full"));
    const QCommandLineOption allOption(QStringLiteral("all"));
    parser.addOptions({workspaceOption, jsonOption, skipOption, rejectOption, mapOption, helpOption, versionOption,
                       regionOption, baseUrlOption, keyFileOption, noKeychainOption, timeoutOption, backfillOption,
                       streamsOption, fromOption, toOption, formatOption, outOption, daysOption, accountsOption,
                       offlineOption, accountOption, modelOption, effectiveOption, fullOption});
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << u'\n' << tr("Run 'pendo-bridge-cli --help' for usage.") << u'\n';
        return ExitUsage;
    }
    if (parser.isSet(helpOption)) {
        m_out << helpText();
        return ExitOk;
    }
    if (parser.isSet(versionOption)) {
        m_out << QStringLiteral("pendo-bridge-cli %1\n").arg(QStringLiteral(BRIDGE_VERSION));
        return ExitOk;
    }
    m_json = parser.isSet(jsonOption);
    m_skipInvalid = parser.isSet(skipOption);
    m_rejectFile = parser.value(rejectOption);
    m_mapSpecs = parser.values(mapOption);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty()) {
        m_err << helpText();
        return ExitUsage;
    }
    const QString command = args.first();
    const QStringList commands{QStringLiteral("import"), QStringLiteral("workspace"), QStringLiteral("demo"),
                               QStringLiteral("connect"), QStringLiteral("doctor"), QStringLiteral("catalog"),
                               QStringLiteral("match"), QStringLiteral("contacts"), QStringLiteral("config"),
                               QStringLiteral("sync"), QStringLiteral("status"), QStringLiteral("activity"),
                               QStringLiteral("metrics"), QStringLiteral("health"), QStringLiteral("report"),
                               QStringLiteral("playbooks")};
    if (!commands.contains(command)) {
        m_err << tr("Unknown command '%1'. Run 'pendo-bridge-cli --help' for usage.").arg(command) << u'\n';
        return ExitUsage;
    }

    if (command == QLatin1String("activity") && (args.value(1) != QLatin1String("export") || args.size() != 2)) {
        m_err << tr("Usage: pendo-bridge-cli activity export [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json] "
                    "[--out FILE]")
              << u'\n';
        return ExitUsage;
    }
    const bool simulatedDemo = command == QLatin1String("demo") && !parser.isSet(offlineOption);
    QString path = parser.isSet(workspaceOption) ? QFileInfo(parser.value(workspaceOption)).absoluteFilePath()
                                                 : Database::defaultWorkspacePath();
    if (simulatedDemo && !parser.isSet(workspaceOption)) {
        // A demo never touches the real workspace; its own stays for a look afterwards.
        QTemporaryDir demoDir(QDir::temp().filePath(QStringLiteral("pendo-bridge-demo-XXXXXX")));
        if (!demoDir.isValid()) {
            m_err << tr("Cannot create a folder for the demo workspace: %1").arg(demoDir.errorString()) << u'\n';
            return ExitWorkspace;
        }
        demoDir.setAutoRemove(false);
        path = demoDir.filePath(QStringLiteral("demo-workspace.sqlite"));
    }
    KeychainCredentialStore keychain;
    QString error;
    const std::unique_ptr<WorkspaceSession> session = WorkspaceSession::open(path, keychain, Clock::system(), &error);
    if (!session) {
        if (m_json)
            printJson({{QStringLiteral("ok"), false}, {QStringLiteral("fatalError"), error}});
        m_err << error << u'\n';
        return ExitWorkspace;
    }
    Database &database = session->database();

    if (command == QLatin1String("import"))
        return importRecords(database, args.mid(1));
    if (command == QLatin1String("demo") && !simulatedDemo)
        return seedDemo(database);
    if (simulatedDemo) {
        DemoOptions options;
        if (parser.isSet(daysOption))
            options.days = parser.value(daysOption);
        options.accounts = parser.value(accountsOption);
        options.json = m_json;
        return DemoCommand(*session, options, m_out, m_err).run();
    }
    if (command == QLatin1String("report")) {
        if (args.size() != 1) {
            m_err << tr("Usage: pendo-bridge-cli report --out DIR [--account EXTERNAL_ID]") << u'\n';
            return ExitUsage;
        }
        return ReportCommand(*session, parser.value(outOption), parser.value(accountOption), m_out, m_err).run();
    }
    if (command == QLatin1String("metrics") || command == QLatin1String("health")) {
        MetricsCommandOptions options;
        options.json = m_json;
        options.account = parser.value(accountOption);
        options.from = parser.value(fromOption);
        options.to = parser.value(toOption);
        if (parser.isSet(formatOption))
            options.format = parser.value(formatOption);
        options.outFile = parser.value(outOption);
        options.days = parser.value(daysOption);
        options.modelFile = parser.value(modelOption);
        options.effective = parser.value(effectiveOption);
        options.full = parser.isSet(fullOption);
        return MetricsCommands(*session, options, m_out, m_err).run(command, args.mid(1));
    }
    if (command == QLatin1String("playbooks")) {
        PlaybookCommandOptions options;
        options.json = m_json;
        options.all = parser.isSet(allOption);
        options.days = parser.value(daysOption);
        options.from = parser.value(fromOption);
        options.outFile = parser.value(outOption);
        options.account = parser.value(accountOption);
        return PlaybookCommands(*session, options, m_out, m_err).run(args.mid(1));
    }
    if (command == QLatin1String("config"))
        return runConfigCommand(database, args.mid(1), m_json, m_out, m_err);
    if (command == QLatin1String("match") || command == QLatin1String("contacts")) {
        MatchCommands match(database, m_json, m_out, m_err);
        const QString sub = args.value(1);
        if (command == QLatin1String("match") && sub == QLatin1String("preview"))
            return match.preview();
        if (command == QLatin1String("match") && sub == QLatin1String("apply"))
            return match.apply();
        if (command == QLatin1String("contacts") && sub == QLatin1String("create-unmatched"))
            return match.createUnmatchedContacts();
        m_err << tr("Usage: pendo-bridge-cli match preview|apply, or contacts create-unmatched") << u'\n';
        return ExitUsage;
    }
    if (command == QLatin1String("catalog") && args.value(1) != QLatin1String("refresh")) {
        m_err << tr("Usage: pendo-bridge-cli catalog refresh") << u'\n';
        return ExitUsage;
    }
    if (command == QLatin1String("connect") || command == QLatin1String("doctor") || command == QLatin1String("catalog")
        || command == QLatin1String("sync") || command == QLatin1String("status") || command == QLatin1String("activity")) {
        PendoCommandOptions options;
        options.region = parser.value(regionOption);
        options.baseUrl = parser.value(baseUrlOption);
        options.keyFile = parser.value(keyFileOption);
        options.noKeychain = parser.isSet(noKeychainOption);
        options.json = m_json;
        if (parser.isSet(timeoutOption))
            options.timeoutSeconds = std::max(1, parser.value(timeoutOption).toInt());
        PendoCommands pendo(*session, options, m_out, m_err);
        if (command == QLatin1String("sync") || command == QLatin1String("status")
            || command == QLatin1String("activity")) {
            SyncCommandOptions syncOptions;
            syncOptions.json = m_json;
            syncOptions.backfillDays = parser.value(backfillOption);
            syncOptions.streamsGiven = parser.isSet(streamsOption);
            syncOptions.streams = parser.value(streamsOption);
            syncOptions.from = parser.value(fromOption);
            syncOptions.to = parser.value(toOption);
            if (parser.isSet(formatOption))
                syncOptions.format = parser.value(formatOption);
            syncOptions.outFile = parser.value(outOption);
            SyncCommands sync(*session, pendo, syncOptions, m_out, m_err);
            if (command == QLatin1String("sync"))
                return sync.sync();
            return command == QLatin1String("status") ? sync.status() : sync.exportActivity();
        }
        if (command == QLatin1String("catalog"))
            return pendo.catalogRefresh();
        return command == QLatin1String("connect") ? pendo.connect() : pendo.doctor();
    }
    if (args.value(1) == QLatin1String("info"))
        return workspaceInfo(database);
    if (args.value(1) == QLatin1String("region-urls") && args.size() == 3) {
        if (!args.at(2).isEmpty()) {
            RegionTable check;
            if (!check.applyOverrides(args.at(2), &error)) {
                m_err << error << u'\n';
                return ExitBadInput;
            }
        }
        if (const StoreError failure
            = session->settings().setValuesAndWait({{WorkspaceSettings::Key::RegionUrls, args.at(2)}})) {
            m_err << failure.cannotWrite(session->path()) << u'\n';
            return ExitWorkspace;
        }
        m_out << (args.at(2).isEmpty() ? tr("Region addresses reset to Pendo's own.")
                                       : tr("Region addresses set: %1").arg(args.at(2)))
              << u'\n';
        return ExitOk;
    }
    m_err << tr("Usage: pendo-bridge-cli workspace info | workspace region-urls \"us=URL,eu=URL\"") << u'\n';
    return ExitUsage;
}

int CliCommands::importRecords(Database &database, const QStringList &args)
{
    RecordKind kind;
    if (args.size() != 2 || !recordKindFromKey(args.at(0), &kind)) {
        m_err << tr("Usage: pendo-bridge-cli import accounts|contacts FILE [--skip-invalid] [--reject-file PATH] "
                    "[--map COLUMN=FIELD]")
              << u'\n';
        return ExitUsage;
    }
    const QString file = args.at(1);
    const ImportPreview preview = CsImporter::preview(file, kind);
    ImportReport report;
    if (!preview.error.isEmpty()) {
        report.fatalError = preview.error;
    } else {
        ColumnMapping mapping = preview.mapping;
        QString error;
        for (const QString &spec : std::as_const(m_mapSpecs)) {
            if (!mapping.apply(spec, &error)) {
                report.fatalError = tr("--map %1: %2").arg(spec, error);
                break;
            }
        }
        if (report.fatalError.isEmpty()) {
            ImportOptions options;
            options.skipInvalid = m_skipInvalid;
            options.rejectFilePath = m_rejectFile;
            options.actor = QStringLiteral("cli");
            report = CsImporter(database, kind).run(file, mapping, options);
        }
    }

    if (m_json)
        printJson(reportToJson(kind, file, report));

    const QString fileName = QFileInfo(file).fileName();
    if (!report.fatalError.isEmpty()) {
        m_err << tr("%1: %2").arg(fileName, report.fatalError) << u'\n';
        return report.workspaceFailure ? ExitWorkspace : ExitBadInput;
    }
    if (!report.written) {
        m_err << tr("%1: %2 of %3 rows have problems; nothing was imported.")
                     .arg(fileName)
                     .arg(report.rejected)
                     .arg(report.rowsRead)
              << u'\n';
        for (const RowError &error : std::as_const(report.errors))
            m_err << QStringLiteral("  ") << error.toString() << u'\n';
        if (report.errorCount > report.errors.size())
            m_err << tr("  ... and %1 more").arg(report.errorCount - report.errors.size()) << u'\n';
        m_err << tr("Fix the rows, or import the valid ones with --skip-invalid.") << u'\n';
        return ExitInvalidRows;
    }
    if (!m_json) {
        m_out << tr("Imported %1 %2 from %3: %4 new, %5 updated.")
                     .arg(report.inserted + report.updated)
                     .arg(recordKindKey(kind), fileName)
                     .arg(report.inserted)
                     .arg(report.updated)
              << u'\n';
        if (report.rejected > 0)
            m_out << tr("Invalid rows skipped: %1; they are in %2 with the reason for each.")
                         .arg(report.rejected)
                         .arg(QDir::toNativeSeparators(report.rejectFilePath))
                  << u'\n';
    }
    return ExitOk;
}

int CliCommands::workspaceInfo(Database &database)
{
    WorkspaceInfo info;
    QString error;
    if (!WorkspaceInfo::read(database, &info, &error)) {
        m_err << error << u'\n';
        return ExitWorkspace;
    }
    if (m_json) {
        printJson({{QStringLiteral("path"), info.path},
                   {QStringLiteral("schemaVersion"), info.schemaVersion},
                   {QStringLiteral("accounts"), info.accounts},
                   {QStringLiteral("contacts"), info.contacts},
                   {QStringLiteral("imports"), info.imports}});
    } else {
        m_out << tr("Workspace:      %1\n"
                    "Schema version: %2\n"
                    "Accounts:       %3\n"
                    "Contacts:       %4\n"
                    "Imports:        %5\n")
                     .arg(QDir::toNativeSeparators(info.path))
                     .arg(info.schemaVersion)
                     .arg(info.accounts)
                     .arg(info.contacts)
                     .arg(info.imports);
    }
    return ExitOk;
}

int CliCommands::seedDemo(Database &database)
{
    ImportReport accounts;
    ImportReport contacts;
    QString error;
    if (!DemoData::seed(database, &accounts, &contacts, &error)) {
        m_err << tr("Cannot fill the demo workspace: %1").arg(error) << u'\n';
        return ExitWorkspace;
    }
    m_out << tr("Demo customers imported: %1 accounts, %2 contacts.")
                 .arg(accounts.inserted + accounts.updated)
                 .arg(contacts.inserted + contacts.updated)
          << u'\n';
    return workspaceInfo(database);
}
