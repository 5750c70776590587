#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QProcess>
#include <QUrl>

/**
 * For `pendo-bridge --demo`: runs pendo-sim on free loopback ports (one per Pendo region, the
 * subscription in the US), points the regions at it, and has it write a CRM export of the same
 * customers. Stops the simulator when destroyed. Main thread; never blocks it. The desktop demo
 * and `pendo-bridge-cli demo` both use it.
 */
class DemoSimulator final : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *demoKey = "pendo-bridge-demo-key";
    static constexpr int defaultAccounts = 200;

    explicit DemoSimulator(QString workDir, QObject *parent = nullptr);
    ~DemoSimulator() override;

    /** Simulated customers (default 200); before start(). */
    void setAccounts(int accounts) { m_accounts = accounts; }
    void start();
    QString crmDir() const;
    QUrl usUrl() const { return m_usUrl; }

    /** pendo-sim next to this program (installed) or in the build tree. */
    static QString findExecutable();

Q_SIGNALS:
    void ready();
    void failed(const QString &message);

private:
    void readLines();

    const QString m_workDir;
    QProcess m_process;
    QStringList m_overrides;
    QUrl m_usUrl;
    int m_accounts = defaultAccounts;
    bool m_ready = false;
};
