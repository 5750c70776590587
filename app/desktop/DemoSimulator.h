#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QProcess>
#include <QUrl>

/**
 * For `pendo-bridge --demo`: runs pendo-sim on free loopback ports (one per Pendo region, the
 * subscription in the US), points the regions at it, and has it write a CRM export of the same
 * customers. Stops the simulator when destroyed. UI thread; never blocks it.
 */
class DemoSimulator final : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *demoKey = "pendo-bridge-demo-key";

    explicit DemoSimulator(QString workDir, QObject *parent = nullptr);
    ~DemoSimulator() override;

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
    bool m_ready = false;
};
