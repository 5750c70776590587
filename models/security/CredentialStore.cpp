#include "CredentialStore.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace {

const QString serviceName = QStringLiteral("Pendo Bridge");

CredentialResult resultOf(const QKeychain::Job &job)
{
    CredentialResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = CredentialResult::Status::Ok;
        break;
    case QKeychain::EntryNotFound:
        result.status = CredentialResult::Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = CredentialResult::Status::NoKeychain;
        result.message = HeadlessKeySource::noKeychainAdvice();
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = CredentialResult::Status::AccessDenied;
        break;
    default:
        result.status = CredentialResult::Status::Failed;
        break;
    }
    result.message = job.errorString();
    return result;
}

void answerLater(QObject *context, CredentialStore::Callback done, CredentialResult result)
{
    // Keep every store asynchronous, as the keychain is.
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] { done(result); });
}

} // namespace

QString CredentialScope::entryName() const
{
    const QByteArray digest = QCryptographicHash::hash(workspace.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("integration-key/%1/%2").arg(QString::fromLatin1(digest), region);
}

namespace {

/** On Linux the keychain services are reached over the session bus; without one there is no keychain. */
bool keychainUnreachable(QObject *context, const CredentialStore::Callback &done)
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        CredentialResult result;
        result.status = CredentialResult::Status::NoKeychain;
        result.message = HeadlessKeySource::noKeychainAdvice();
        answerLater(context, done, result);
        return true;
    }
#else
    Q_UNUSED(context)
    Q_UNUSED(done)
#endif
    return false;
}

} // namespace

void KeychainCredentialStore::read(const CredentialScope &scope, QObject *context, Callback done)
{
    if (keychainUnreachable(context, done))
        return;
    auto *job = new QKeychain::ReadPasswordJob(serviceName);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(scope.entryName());
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *finished) {
        CredentialResult result = resultOf(*finished);
        if (result.ok())
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        done(result);
    });
    job->start();
}

void KeychainCredentialStore::write(const CredentialScope &scope, const QByteArray &secret, QObject *context,
                                    Callback done)
{
    if (keychainUnreachable(context, done))
        return;
    auto *job = new QKeychain::WritePasswordJob(serviceName);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(scope.entryName());
    job->setBinaryData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) { done(resultOf(*finished)); });
    job->start();
}

void KeychainCredentialStore::remove(const CredentialScope &scope, QObject *context, Callback done)
{
    if (keychainUnreachable(context, done))
        return;
    auto *job = new QKeychain::DeletePasswordJob(serviceName);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(scope.entryName());
    QObject::connect(job, &QKeychain::Job::finished, context,
                     [done = std::move(done)](QKeychain::Job *finished) { done(resultOf(*finished)); });
    job->start();
}

void MemoryCredentialStore::read(const CredentialScope &scope, QObject *context, Callback done)
{
    CredentialResult result;
    if (simulateNoKeychain) {
        result.status = CredentialResult::Status::NoKeychain;
        result.message = HeadlessKeySource::noKeychainAdvice();
    } else if (!m_secrets.contains(scope.entryName())) {
        result.status = CredentialResult::Status::NotFound;
    } else {
        result.secret = m_secrets.value(scope.entryName());
    }
    answerLater(context, std::move(done), result);
}

void MemoryCredentialStore::write(const CredentialScope &scope, const QByteArray &secret, QObject *context,
                                  Callback done)
{
    CredentialResult result;
    if (simulateNoKeychain) {
        result.status = CredentialResult::Status::NoKeychain;
        result.message = HeadlessKeySource::noKeychainAdvice();
    } else {
        m_secrets.insert(scope.entryName(), secret);
    }
    answerLater(context, std::move(done), result);
}

void MemoryCredentialStore::remove(const CredentialScope &scope, QObject *context, Callback done)
{
    m_secrets.remove(scope.entryName());
    answerLater(context, std::move(done), CredentialResult());
}

QByteArray HeadlessKeySource::fromEnvironment()
{
    return qgetenv(environmentVariable).trimmed();
}

QByteArray HeadlessKeySource::fromKeyFile(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = tr("The key file %1 does not exist.").arg(path);
        return {};
    }
    const QFile::Permissions open = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
                                    | QFile::WriteOther | QFile::ExeOther;
    if (info.permissions() & open) {
        *error = tr("The key file %1 can be read by other users; restrict it with 'chmod 600 %1' first.").arg(path);
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the key file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray key = file.readAll().trimmed();
    if (key.isEmpty())
        *error = tr("The key file %1 is empty.").arg(path);
    return key;
}

QString HeadlessKeySource::noKeychainAdvice()
{
    return tr("No keychain service is running on this computer (common on headless Linux), so the integration key "
              "cannot be stored. For this run, provide it in the %1 environment variable, or in a key file that only "
              "you can read (chmod 600) given with --key-file.")
        .arg(QLatin1String(environmentVariable));
}
