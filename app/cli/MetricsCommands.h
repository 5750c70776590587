#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

#include <optional>

class WorkspaceSession;

/** Options of `metrics` and `health`, as the command line gave them. */
struct MetricsCommandOptions
{
    bool json = false;
    QString account; // external id
    QString from, to;
    QString format = QStringLiteral("csv");
    QString outFile;
    QString days;
    QString modelFile;
    QString effective; // YYYY-MM-DD
    bool full = false;
};

/**
 * `metrics export|recompute` and `health show|set|backtest`: the derived layer from the command
 * line — the calculated fields, health scores and bands per account and day, a recompute with
 * its figures, the health model's versions, saving a new one, and replaying one over history.
 * Main thread; a recompute runs the event loop until it ends.
 */
class MetricsCommands final
{
    Q_DECLARE_TR_FUNCTIONS(MetricsCommands)
public:
    MetricsCommands(WorkspaceSession &session, MetricsCommandOptions options, QTextStream &out, QTextStream &err);

    int run(const QString &command, const QStringList &args);
    int exportMetrics();
    int recompute();
    int showHealth();
    int setHealth();
    int backtest();

    /** Waits for the recompute the session started (after a sync) and prints its line; 0 or 4. */
    static int awaitRecompute(WorkspaceSession &session, QTextStream &out, QTextStream &err, bool quiet);

private:
    bool parseDays(std::optional<int> *from, std::optional<int> *to);

    WorkspaceSession &m_session;
    const MetricsCommandOptions m_options;
    QTextStream &m_out;
    QTextStream &m_err;
};
