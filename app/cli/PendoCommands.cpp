#include "PendoCommands.h"

#include "pendo/KeyDoctor.h"
#include "pendo/PendoClient.h"
#include "pendo/RegionProbe.h"
#include "security/CredentialStore.h"
#include "store/Database.h"
#include "session/WorkspaceSession.h"
#include "store/WorkspaceSettings.h"
#include "sync/CatalogSync.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <cstdio>
#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace {

/** Runs `start` inside the main event loop; it calls `done(code)` once, which ends the loop. */
int runLoop(const std::function<void(std::function<void(int)>)> &start)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [start] { start([](int code) { QCoreApplication::exit(code); }); });
    return QCoreApplication::exec();
}

QString appLabel(qint64 app)
{
    return app == -323232 ? QStringLiteral("%1 (default web app)").arg(app) : QString::number(app);
}

} // namespace

PendoCommands::PendoCommands(WorkspaceSession &session, PendoCommandOptions options, QTextStream &out, QTextStream &err)
    : m_session(session)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

int PendoCommands::exitCodeFor(const PendoError &error)
{
    switch (error.kind()) {
    case PendoError::Kind::None:
        return 0;
    case PendoError::Kind::InvalidKeyOrRegion:
    case PendoError::Kind::Unauthorized:
        return ExitKeyRejected;
    case PendoError::Kind::ConnectionRefused:
    case PendoError::Kind::HostNotFound:
    case PendoError::Kind::TlsFailure:
    case PendoError::Kind::Timeout:
    case PendoError::Kind::NetworkError:
    case PendoError::Kind::RedirectRefused:
        return ExitUnreachable;
    case PendoError::Kind::RateLimited:
    case PendoError::Kind::ServerError:
    case PendoError::Kind::HtmlErrorPage:
    case PendoError::Kind::TruncatedBody:
    case PendoError::Kind::MalformedJson:
        return ExitPendoFailing;
    default:
        return ExitChecksFailed;
    }
}

QByteArray PendoCommands::keyFromFileOrEnvironment(QString *error) const
{
    if (!m_options.key.isEmpty())
        return m_options.key;
    if (!m_options.keyFile.isEmpty())
        return HeadlessKeySource::fromKeyFile(m_options.keyFile, error);
    return HeadlessKeySource::fromEnvironment();
}

QByteArray PendoCommands::keyFromStandardInput() const
{
#ifdef Q_OS_UNIX
    if (isatty(STDIN_FILENO)) {
        std::fputs(qPrintable(tr("Integration key: ")), stderr);
        std::fflush(stderr);
        termios saved {};
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
        char line[4096] = {};
        const bool read = std::fgets(line, sizeof line, stdin) != nullptr;
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        std::fputs("\n", stderr);
        return read ? QByteArray(line).trimmed() : QByteArray();
    }
#endif
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return {};
    return input.readAll().trimmed();
}

QByteArray PendoCommands::keyFromKeychain(QString *message)
{
    const QString region = m_session.regionKey();
    if (region.isEmpty() || m_options.noKeychain)
        return {};
    QByteArray key;
    runLoop([&](std::function<void(int)> done) {
        m_session.credentials().read({m_session.path(), region}, QCoreApplication::instance(), [&, done](const CredentialResult &result) {
            if (result.ok())
                key = result.secret;
            else if (result.status != CredentialResult::Status::NotFound)
                *message = result.message;
            done(0);
        });
    });
    return key;
}

std::optional<RegionTable> PendoCommands::regionTable()
{
    QString error;
    RegionTable regions = m_session.regions(&error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return std::nullopt;
    }
    return regions;
}

QByteArray PendoCommands::storedOrGivenKey()
{
    QString error;
    QByteArray key = keyFromFileOrEnvironment(&error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return {};
    }
    QString keychainMessage;
    if (key.isEmpty())
        key = keyFromKeychain(&keychainMessage);
    if (key.isEmpty()) {
        m_err << tr("No integration key: set %1, pass --key-file, or store one with 'pendo-bridge-cli connect'.")
                     .arg(QLatin1String(HeadlessKeySource::environmentVariable))
              << u'\n';
        if (!keychainMessage.isEmpty())
            m_err << keychainMessage << u'\n';
    }
    return key;
}

int PendoCommands::connect()
{
    QString error;
    std::optional<RegionTable> regions = regionTable();
    if (!regions)
        return 1;
    QUrl custom;
    if (!m_options.baseUrl.isEmpty()) {
        custom = QUrl(m_options.baseUrl);
        if (!RegionTable::isAcceptableBaseUrl(custom, &error)) {
            m_err << error << u'\n';
            return 1;
        }
    } else if (!RegionTable::find(m_options.region)) {
        m_err << tr("Choose a region with --region us|us1|eu|jp|au, or give --base-url URL.") << u'\n';
        return 1;
    }

    QByteArray key = keyFromFileOrEnvironment(&error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return ExitNoKey;
    }
    if (key.isEmpty())
        key = keyFromStandardInput();
    if (key.isEmpty()) {
        m_err << tr("No integration key given: pass it on standard input, in %1, or with --key-file.")
                     .arg(QLatin1String(HeadlessKeySource::environmentVariable))
              << u'\n';
        return ExitNoKey;
    }

    const QString regionKey = custom.isValid() ? QStringLiteral("custom") : m_options.region;
    RegionProbe probe(*regions, key);
    probe.setTimeout(std::chrono::seconds(m_options.timeoutSeconds));
    runLoop([&](std::function<void(int)> done) {
        QObject::connect(&probe, &RegionProbe::finished, QCoreApplication::instance(), [done] { done(0); });
        if (custom.isValid())
            probe.startCustom(custom);
        else
            probe.start({m_options.region});
    });
    const RegionOutcome outcome = probe.outcomes().value(0);
    if (!outcome.accepted) {
        m_err << tr("Not connected: %1").arg(outcome.error.message()) << u'\n';
        if (!outcome.error.hint().isEmpty())
            m_err << outcome.error.hint() << u'\n';
        if (outcome.error.kind() == PendoError::Kind::InvalidKeyOrRegion)
            m_err << tr("To try the key in every region, run: pendo-bridge-cli doctor") << u'\n';
        return exitCodeFor(outcome.error);
    }

    if (const StoreError failure = m_session.settings().setValuesAndWait(
            {{WorkspaceSettings::Key::Region, regionKey}, {WorkspaceSettings::Key::BaseUrl, outcome.baseUrl.toString()}})) {
        m_err << tr("The key works, but the workspace cannot record the region: %1").arg(failure.message()) << u'\n';
        return 4;
    }
    m_out << tr("Connected to Pendo (%1, %2) with a %3 key.")
                 .arg(regionKey, outcome.baseUrl.toString(),
                      outcome.writeAccess ? tr("read-write") : tr("read-only"))
          << u'\n';

    if (m_options.noKeychain) {
        m_out << tr("The key was not stored (--no-keychain); provide it in %1 or with --key-file when you sync.")
                     .arg(QLatin1String(HeadlessKeySource::environmentVariable))
              << u'\n';
        return 0;
    }
    CredentialResult stored;
    runLoop([&](std::function<void(int)> done) {
        m_session.credentials().write({m_session.path(), regionKey}, key, QCoreApplication::instance(),
                    [&, done](const CredentialResult &result) {
                        stored = result;
                        done(0);
                    });
    });
    if (stored.ok()) {
        m_out << tr("The key is stored in the system keychain.") << u'\n';
        return 0;
    }
    m_err << tr("The key was verified but not stored: %1").arg(stored.message) << u'\n';
    return ExitKeyNotStored;
}

int PendoCommands::doctor()
{
    std::optional<RegionTable> regions = regionTable();
    if (!regions)
        return 1;
    const QByteArray key = storedOrGivenKey();
    if (key.isEmpty())
        return ExitNoKey;

    KeyDoctor doctor(*regions, key);
    doctor.setTimeout(std::chrono::seconds(m_options.timeoutSeconds));
    if (!m_options.json)
        QObject::connect(&doctor, &KeyDoctor::progress, QCoreApplication::instance(),
                         [this](const QString &message) { m_err << message << u'\n' << Qt::flush; });
    runLoop([&](std::function<void(int)> done) {
        QObject::connect(&doctor, &KeyDoctor::finished, QCoreApplication::instance(), [done] { done(0); });
        if (!m_options.baseUrl.isEmpty())
            doctor.startCustom(QUrl(m_options.baseUrl));
        else
            doctor.start();
    });
    const DoctorReport &report = doctor.report();
    const int code = exitCodeFor(report.worstError());

    if (m_options.json) {
        QJsonObject json = report.toJson();
        json.insert(QStringLiteral("exitCode"), code);
        m_out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)) << Qt::flush;
        return code;
    }

    m_out << tr("Region  Answer") << u'\n';
    for (const RegionOutcome &outcome : report.regions) {
        const QString answer = outcome.accepted ? tr("accepts the key")
                               : outcome.error.kind() == PendoError::Kind::InvalidKeyOrRegion
                                   ? tr("rejects the key (not this key's region, or a wrong key)")
                                   : outcome.error.message();
        m_out << outcome.region.leftJustified(8) << answer << u'\n';
    }
    m_out << u'\n';
    if (report.region.isEmpty()) {
        const PendoError worst = report.worstError();
        m_out << tr("No region accepts this key.") << u'\n' << worst.hint() << u'\n';
        return code;
    }
    const RegionInfo *info = RegionTable::find(report.region);
    m_out << tr("Pendo region:  %1 (%2)").arg(info ? info->name : report.region, report.baseUrl.toString()) << u'\n';
    m_out << tr("Write access:  %1")
                 .arg(report.writeAccess ? tr("yes (a read-only key would be enough)") : tr("no (read-only key; enough "
                                                                                         "for Pendo Bridge)"))
          << u'\n';
    QStringList apps;
    for (qint64 app : report.apps)
        apps << appLabel(app);
    m_out << tr("Apps:          %1").arg(report.appsError.isError() ? report.appsError.message()
                                                                      : apps.join(QStringLiteral(", ")))
          << u'\n';
    m_out << tr("Aggregations:  %1").arg(report.aggregationsOk ? tr("answer") : report.aggregationsError.message())
          << u'\n';
    m_out << tr("Reports:       %1")
                 .arg(report.reportsOk ? tr("answer (%1 saved reports)").arg(report.reportCount)
                                       : report.reportsError.message())
          << u'\n';
    if (report.timeZoneKnown) {
        const QJsonObject offsets = report.toJson().value(QStringLiteral("utcOffsets")).toObject();
        m_out << tr("Time zone:     %1 (day buckets start at %2 in January, %3 in July)")
                     .arg(report.timeZone, offsets.value(QStringLiteral("january")).toString(),
                          offsets.value(QStringLiteral("july")).toString())
              << u'\n';
    } else {
        m_out << tr("Time zone:     unknown (%1)").arg(report.timeZoneError.message()) << u'\n';
    }
    return code;
}

int PendoCommands::catalogRefresh()
{
    const QUrl baseUrl = m_options.baseUrl.isEmpty() ? m_session.baseUrl() : QUrl(m_options.baseUrl);
    if (!baseUrl.isValid() || baseUrl.isEmpty()) {
        m_err << tr("This workspace is not connected to Pendo yet: run 'pendo-bridge-cli connect --region R' first.")
              << u'\n';
        return ExitNoKey;
    }
    const QByteArray key = storedOrGivenKey();
    if (key.isEmpty())
        return ExitNoKey;

    const std::unique_ptr<PendoClient> client
        = m_session.createClient(baseUrl, key, std::chrono::seconds(std::max(m_options.timeoutSeconds, 60)));
    const std::unique_ptr<CatalogSync> catalog(m_session.createCatalogSync(client.get(), nullptr));
    CatalogSync &sync = *catalog;
    PendoError failure;
    QString storeError;
    if (!m_options.json)
        QObject::connect(&sync, &CatalogSync::progress, QCoreApplication::instance(),
                         [this](const QString &message) { m_err << message << u'\n' << Qt::flush; });
    runLoop([&](std::function<void(int)> done) {
        QObject::connect(&sync, &CatalogSync::finished, QCoreApplication::instance(),
                         [&, done](const PendoError &pendoError, const QString &writeError) {
                             failure = pendoError;
                             storeError = writeError;
                             done(0);
                         });
        sync.start();
    });
    if (failure.isError()) {
        m_err << tr("The catalog was not refreshed: %1").arg(failure.message()) << u'\n' << failure.hint() << u'\n';
        return exitCodeFor(failure);
    }
    if (!storeError.isEmpty()) {
        m_err << tr("The catalog was read but the workspace refused it: %1").arg(storeError) << u'\n';
        return 4;
    }
    QHash<QString, int> kinds;
    for (const CatalogItem &item : sync.snapshot().items)
        ++kinds[item.kind];
    const CatalogChanges &changes = sync.changes();
    if (m_options.json) {
        QJsonObject items;
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            items.insert(it.key(), it.value());
        m_out << QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("items"), items},
                                                             {QStringLiteral("apps"), changes.apps},
                                                             {QStringLiteral("added"), changes.added},
                                                             {QStringLiteral("renamed"), changes.renamed},
                                                             {QStringLiteral("deleted"), changes.deleted},
                                                             {QStringLiteral("restored"), changes.restored},
                                                             {QStringLiteral("accounts"), changes.accounts},
                                                             {QStringLiteral("visitors"), changes.visitors},
                                                             {QStringLiteral("metadataFields"),
                                                              sync.snapshot().fields.size()}})
                                       .toJson(QJsonDocument::Indented));
        return 0;
    }
    m_out << tr("Catalog refreshed: %1 features, %2 pages, %3 guides, %4 track types, %5 reports in %6 apps.")
                 .arg(kinds.value(QStringLiteral("feature")))
                 .arg(kinds.value(QStringLiteral("page")))
                 .arg(kinds.value(QStringLiteral("guide")))
                 .arg(kinds.value(QStringLiteral("track_type")))
                 .arg(kinds.value(QStringLiteral("report")))
                 .arg(changes.apps)
          << u'\n';
    m_out << tr("Changes: %1 new, %2 renamed, %3 no longer in Pendo (kept, marked deleted), %4 back again.")
                 .arg(changes.added)
                 .arg(changes.renamed)
                 .arg(changes.deleted)
                 .arg(changes.restored)
          << u'\n';
    m_out << tr("Pendo identities: %1 accounts, %2 visitors; %3 metadata fields.")
                 .arg(changes.accounts)
                 .arg(changes.visitors)
                 .arg(sync.snapshot().fields.size())
          << u'\n';
    return 0;
}
