#pragma once

#include <QCoreApplication>
#include <QTextStream>

class WorkspaceSession;
struct ImportReport;

/** Options of `demo`. */
struct DemoOptions
{
    QString days = QStringLiteral("90");
    QString accounts;
    bool json = false;
};

/**
 * `demo`: the whole story on one workspace without a window — pendo-sim on loopback, its CRM
 * export imported (invalid rows skipped and explained), the connection (the key kept for this
 * run only, never the keychain), a catalog refresh, matching, and a backfill with progress, then
 * a summary. Each step runs to its end before the next starts. Main thread.
 */
class DemoCommand final
{
    Q_DECLARE_TR_FUNCTIONS(DemoCommand)
public:
    DemoCommand(WorkspaceSession &session, DemoOptions options, QTextStream &out, QTextStream &err);

    int run();

private:
    /** Prints what an import did, with the first reasons rows were skipped. */
    void reportImport(const QString &label, const ImportReport &report);

    WorkspaceSession &m_session;
    const DemoOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
};
