#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

/** Which secret: the integration key of one region of one workspace. */
struct CredentialScope
{
    QString workspace; // the workspace file's absolute path
    QString region;    // "us", "eu", …, or "custom"

    /** The keychain entry name; the workspace path is hashed so it does not leak into the keychain UI. */
    QString entryName() const;
};

/** The outcome of a keychain operation. */
struct CredentialResult
{
    enum class Status { Ok, NotFound, NoKeychain, AccessDenied, Failed };
    Status status = Status::Ok;
    QByteArray secret;
    QString message;

    bool ok() const { return status == Status::Ok; }
};

/**
 * Where integration keys are kept. The desktop uses the OS keychain; tests use an in-memory fake.
 * There is deliberately no plain-text fallback. Asynchronous; callbacks run on the caller's thread.
 */
class CredentialStore
{
public:
    using Callback = std::function<void(const CredentialResult &)>;
    virtual ~CredentialStore() = default;
    virtual void read(const CredentialScope &scope, QObject *context, Callback done) = 0;
    virtual void write(const CredentialScope &scope, const QByteArray &secret, QObject *context, Callback done) = 0;
    virtual void remove(const CredentialScope &scope, QObject *context, Callback done) = 0;
};

/** The OS keychain through QtKeychain (Secret Service/KWallet, macOS Keychain, Windows Credential Manager). */
class KeychainCredentialStore final : public CredentialStore
{
public:
    void read(const CredentialScope &scope, QObject *context, Callback done) override;
    void write(const CredentialScope &scope, const QByteArray &secret, QObject *context, Callback done) override;
    void remove(const CredentialScope &scope, QObject *context, Callback done) override;
};

/** Keeps secrets in memory only; for tests and for a single headless run. */
class MemoryCredentialStore final : public CredentialStore
{
public:
    void read(const CredentialScope &scope, QObject *context, Callback done) override;
    void write(const CredentialScope &scope, const QByteArray &secret, QObject *context, Callback done) override;
    void remove(const CredentialScope &scope, QObject *context, Callback done) override;
    /** Makes every call answer as if no keychain service were running. */
    bool simulateNoKeychain = false;

private:
    QHash<QString, QByteArray> m_secrets;
};

/** Keys for headless runs: the PENDO_INTEGRATION_KEY variable or a key file only its owner can read. */
class HeadlessKeySource final
{
    Q_DECLARE_TR_FUNCTIONS(HeadlessKeySource)
public:
    static constexpr const char *environmentVariable = "PENDO_INTEGRATION_KEY";

    static QByteArray fromEnvironment();
    /** Refuses (with *error) a file that group or others may read or write. */
    static QByteArray fromKeyFile(const QString &path, QString *error);
    /** What to tell a user when no keychain service is running. */
    static QString noKeychainAdvice();
};
