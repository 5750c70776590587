#pragma once

#include <QCoreApplication>
#include <QTextStream>

class WorkspaceSession;

/**
 * `report --out DIR [--account EXTERNAL_ID]`: the portfolio and the account views as PNG files,
 * rendered offscreen exactly as the desktop app draws them, for headless use. Needs the
 * QApplication main() makes for this command. Main thread.
 */
class ReportCommand final
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)
public:
    ReportCommand(WorkspaceSession &session, QString outDir, QString account, QTextStream &out, QTextStream &err);
    int run();

    /** Whether the command line asks for `report` (main() then makes a QApplication). */
    static bool requested(int argc, char *argv[]);

private:
    WorkspaceSession &m_session;
    const QString m_outDir;
    const QString m_account;
    QTextStream &m_out;
    QTextStream &m_err;
};
