#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

class WorkspaceSession;

/** Options of `playbooks`, as the command line gave them. */
struct PlaybookCommandOptions
{
    bool json = false;
    bool all = false;
    QString days;
    QString from; // YYYY-MM-DD: `run` judges from this day
    QString outFile;
    QString account; // external id, for `firings` and `tasks`
};

/**
 * `playbooks list|show|dry-run|run|enable|disable|firings|tasks|export|import`: the playbooks
 * from the command line. `run` evaluates the enabled playbooks and lifecycle goals as the app does
 * after a sync and runs the actions; `dry-run` replays without storing anything. Main thread;
 * blocking.
 */
class PlaybookCommands final
{
    Q_DECLARE_TR_FUNCTIONS(PlaybookCommands)
public:
    PlaybookCommands(WorkspaceSession &session, PlaybookCommandOptions options, QTextStream &out, QTextStream &err);

    int run(const QStringList &args);

private:
    int list();
    int dryRun(const QStringList &ids);
    int evaluate(const QStringList &ids);
    int setEnabled(const QStringList &ids, bool enabled);
    int firings();
    int tasks();
    int exportAll();
    int importFile(const QString &path);
    bool parseDays(int *days);

    WorkspaceSession &m_session;
    const PlaybookCommandOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
};
