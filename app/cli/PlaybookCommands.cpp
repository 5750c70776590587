#include "PlaybookCommands.h"

#include "CliCommands.h"
#include "OutputTarget.h"

#include "playbooks/PlaybookRunner.h"
#include "playbooks/PlaybookStore.h"
#include "session/WorkspaceSession.h"
#include "store/Database.h"
#include "store/WorkspaceWriter.h"
#include "store/WriteTransaction.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace {

QString dayText(int day)
{
    return day > 0 ? QDate::fromJulianDay(day).toString(Qt::ISODate) : QString();
}

QJsonValue optionalDay(std::optional<int> day)
{
    return day ? QJsonValue(dayText(*day)) : QJsonValue();
}

void printJson(QTextStream &out, const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

} // namespace

PlaybookCommands::PlaybookCommands(WorkspaceSession &session, PlaybookCommandOptions options, QTextStream &out,
                                   QTextStream &err)
    : m_session(session)
    , m_options(std::move(options))
    , m_out(out)
    , m_err(err)
{
}

int PlaybookCommands::run(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list") && rest.isEmpty())
        return list();
    if (sub == QLatin1String("dry-run") && (m_options.all ? rest.isEmpty() : !rest.isEmpty()))
        return dryRun(rest);
    if (sub == QLatin1String("run"))
        return evaluate(rest);
    if ((sub == QLatin1String("enable") || sub == QLatin1String("disable")) && !rest.isEmpty())
        return setEnabled(rest, sub == QLatin1String("enable"));
    if (sub == QLatin1String("firings") && rest.isEmpty())
        return firings();
    if (sub == QLatin1String("tasks") && rest.isEmpty())
        return tasks();
    if (sub == QLatin1String("export") && rest.isEmpty())
        return exportAll();
    if (sub == QLatin1String("import") && rest.size() == 1)
        return importFile(rest.first());
    m_err << tr("Usage: pendo-bridge-cli playbooks list | dry-run ID... --days N | dry-run --all --days N | "
                "run [ID...] [--from YYYY-MM-DD] | enable ID... | disable ID... | firings [--account ID] | "
                "tasks [--account ID] | export [--out FILE] | import FILE   (each with --json)")
          << u'\n';
    return ExitUsage;
}

int PlaybookCommands::list()
{
    QSqlDatabase db = m_session.database().connection();
    QString error;
    const QList<Playbook> playbooks = PlaybookStore::playbooks(db, &error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return ExitWorkspace;
    }
    const QList<PlaybookFiring> open = PlaybookStore::firings(db, std::nullopt, true);
    const auto openCount = [&open](qint64 id) {
        return int(std::count_if(open.begin(), open.end(), [id](const PlaybookFiring &f) { return f.playbookId == id; }));
    };
    if (m_options.json) {
        QJsonArray list;
        for (const Playbook &p : playbooks) {
            QJsonObject json = p.toJson();
            json.insert(QStringLiteral("id"), p.id);
            json.insert(QStringLiteral("trigger_text"), p.trigger.describe());
            json.insert(QStringLiteral("scope_text"), p.scope.describe());
            json.insert(QStringLiteral("evaluatedThrough"), optionalDay(p.evaluatedThrough));
            json.insert(QStringLiteral("openFirings"), openCount(p.id));
            list.append(json);
        }
        printJson(m_out, list);
        return ExitOk;
    }
    for (const Playbook &p : playbooks) {
        m_out << tr("%1  %2  [%3]").arg(p.id, 3).arg(p.name, p.enabled ? tr("enabled") : tr("disabled")) << u'\n'
              << tr("     when: %1").arg(p.trigger.describe()) << u'\n'
              << tr("     for:  %1").arg(p.scope.describe()) << u'\n';
        for (const PlaybookAction &a : p.actions)
            m_out << tr("     then: %1").arg(a.describe()) << u'\n';
        m_out << tr("     open firings: %1; judged through %2")
                     .arg(openCount(p.id))
                     .arg(p.evaluatedThrough ? dayText(*p.evaluatedThrough) : tr("never"))
              << u'\n';
    }
    return ExitOk;
}

bool PlaybookCommands::parseDays(int *days)
{
    bool ok = false;
    *days = m_options.days.isEmpty() ? 90 : m_options.days.toInt(&ok);
    if (!m_options.days.isEmpty() && (!ok || *days < 1 || *days > 365)) {
        m_err << tr("--days takes 1 to 365 days, not '%1'.").arg(m_options.days) << u'\n';
        return false;
    }
    return true;
}

int PlaybookCommands::dryRun(const QStringList &ids)
{
    int days = 0;
    if (!parseDays(&days))
        return ExitUsage;
    QSqlDatabase db = m_session.database().connection();
    QList<Playbook> chosen;
    for (const QString &id : ids) {
        QString error;
        const std::optional<Playbook> p = PlaybookStore::playbook(db, id.toLongLong(), &error);
        if (!p) {
            m_err << error << u'\n';
            return ExitBadInput;
        }
        chosen << *p;
    }
    if (m_options.all)
        chosen = PlaybookStore::playbooks(db);
    QString error;
    const QList<DryRunResult> results = PlaybookRunner::dryRun(m_session.database(), chosen, days, &error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return ExitWorkspace;
    }
    if (m_options.json) {
        QJsonArray list;
        for (const DryRunResult &r : results) {
            QJsonArray firings;
            for (const DryRunFiring &f : r.firings) {
                QJsonObject evidence = f.evidence.values;
                evidence.insert(QStringLiteral("text"), f.evidence.text);
                firings.append(QJsonObject{{QStringLiteral("account"), f.externalId},
                                           {QStringLiteral("name"), f.accountName},
                                           {QStringLiteral("day"), dayText(f.day)},
                                           {QStringLiteral("evidence"), evidence}});
            }
            list.append(QJsonObject{{QStringLiteral("id"), r.playbookId},
                                    {QStringLiteral("name"), r.name},
                                    {QStringLiteral("from"), dayText(r.fromDay)},
                                    {QStringLiteral("to"), dayText(r.toDay)},
                                    {QStringLiteral("judgedThrough"), dayText(r.lastDay)},
                                    {QStringLiteral("error"), r.error},
                                    {QStringLiteral("firings"), firings}});
        }
        printJson(m_out, list);
        return ExitOk;
    }
    for (const DryRunResult &r : results) {
        m_out << tr("%1 (%2): %3 firings from %4 to %5")
                     .arg(r.name)
                     .arg(r.playbookId)
                     .arg(r.firings.size())
                     .arg(dayText(r.fromDay), dayText(r.toDay))
              << u'\n';
        if (!r.error.isEmpty())
            m_out << tr("  not run: %1").arg(r.error) << u'\n';
        if (r.lastDay < r.toDay)
            m_out << tr("  days after %1 are not settled yet: not judged").arg(dayText(r.lastDay)) << u'\n';
        for (const DryRunFiring &f : r.firings)
            m_out << tr("  %1  %2 (%3): %4").arg(dayText(f.day), f.accountName, f.externalId, f.evidence.text) << u'\n';
    }
    return ExitOk;
}

int PlaybookCommands::evaluate(const QStringList &ids)
{
    PlaybookRunOptions options;
    options.actor = QStringLiteral("cli");
    for (const QString &id : ids)
        options.only << id.toLongLong();
    if (!m_options.from.isEmpty()) {
        const QDate from = QDate::fromString(m_options.from, Qt::ISODate);
        if (!from.isValid()) {
            m_err << tr("--from takes a day as YYYY-MM-DD, not '%1'.").arg(m_options.from) << u'\n';
            return ExitUsage;
        }
        options.fromDay = int(from.toJulianDay());
    }
    const PlaybookRunSummary s = PlaybookRunner::run(m_session.database(), options);
    if (m_options.json) {
        printJson(m_out, QJsonObject{{QStringLiteral("ok"), s.ok},
                                     {QStringLiteral("error"), s.error},
                                     {QStringLiteral("playbooks"), s.playbooks},
                                     {QStringLiteral("accounts"), s.accounts},
                                     {QStringLiteral("from"), dayText(s.fromDay)},
                                     {QStringLiteral("to"), dayText(s.toDay)},
                                     {QStringLiteral("waitingDays"), s.waitingDays},
                                     {QStringLiteral("fired"), s.fired},
                                     {QStringLiteral("resolved"), s.resolved},
                                     {QStringLiteral("stageMoves"), s.stageMoves},
                                     {QStringLiteral("actionsDone"), s.actionsDone},
                                     {QStringLiteral("actionsRetrying"), s.actionsRetrying},
                                     {QStringLiteral("actionsFailed"), s.actionsFailed},
                                     {QStringLiteral("elapsedMs"), s.elapsedMs}});
    } else if (s.ok) {
        m_out << tr("%1 playbooks over %2 accounts: %3 fired, %4 resolved, %5 stage moves; actions %6 done, %7 to retry, "
                    "%8 failed (%9 ms)")
                     .arg(s.playbooks)
                     .arg(s.accounts)
                     .arg(s.fired)
                     .arg(s.resolved)
                     .arg(s.stageMoves)
                     .arg(s.actionsDone)
                     .arg(s.actionsRetrying)
                     .arg(s.actionsFailed)
                     .arg(s.elapsedMs)
              << u'\n';
        if (s.waitingDays > 0)
            m_out << tr("%1 computed days are not settled yet (provisional or failed sync): their firings wait.")
                         .arg(s.waitingDays)
                  << u'\n';
    }
    if (!s.ok)
        m_err << s.error << u'\n';
    return s.ok ? ExitOk : ExitWorkspace;
}

int PlaybookCommands::setEnabled(const QStringList &ids, bool enabled)
{
    const StoreError error = m_session.database().writer().runAndWait(
        QStringLiteral("playbook.enable"), [&](WriteTransaction &tx) {
            for (const QString &id : ids)
                if (!PlaybookStore::setEnabled(tx, id.toLongLong(), enabled, QStringLiteral("cli")))
                    return tx.error();
            return StoreError();
        });
    if (error) {
        m_err << error.message() << u'\n';
        return ExitBadInput;
    }
    return ExitOk;
}

namespace {

std::optional<qint64> accountId(QSqlDatabase &db, const QString &externalId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id FROM accounts WHERE external_id = ?"));
    q.addBindValue(externalId);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

} // namespace

int PlaybookCommands::firings()
{
    QSqlDatabase db = m_session.database().connection();
    std::optional<qint64> account;
    if (!m_options.account.isEmpty() && !(account = accountId(db, m_options.account))) {
        m_err << tr("There is no account '%1'.").arg(m_options.account) << u'\n';
        return ExitBadInput;
    }
    const QList<PlaybookFiring> list = PlaybookStore::firings(db, account, false);
    if (m_options.json) {
        QJsonArray out;
        for (const PlaybookFiring &f : list)
            out.append(QJsonObject{{QStringLiteral("id"), f.id},
                                   {QStringLiteral("playbook"), f.playbookName},
                                   {QStringLiteral("account"), f.accountName},
                                   {QStringLiteral("day"), dayText(f.day)},
                                   {QStringLiteral("status"), f.status},
                                   {QStringLiteral("evidence"), f.evidence},
                                   {QStringLiteral("actionsDone"), f.actionsDone},
                                   {QStringLiteral("actionsPending"), f.actionsPending},
                                   {QStringLiteral("actionsFailed"), f.actionsFailed},
                                   {QStringLiteral("lastActionError"), f.lastActionError}});
        printJson(m_out, out);
        return ExitOk;
    }
    for (const PlaybookFiring &f : list)
        m_out << tr("%1  %2  %3  [%4]  %5").arg(dayText(f.day), f.playbookName, f.accountName, f.status, f.evidenceText)
              << u'\n';
    return ExitOk;
}

int PlaybookCommands::tasks()
{
    QSqlDatabase db = m_session.database().connection();
    TaskFilter filter;
    if (!m_options.account.isEmpty() && !(filter.accountId = accountId(db, m_options.account))) {
        m_err << tr("There is no account '%1'.").arg(m_options.account) << u'\n';
        return ExitBadInput;
    }
    const QList<PlaybookTask> list = PlaybookStore::tasks(db, filter);
    if (m_options.json) {
        QJsonArray out;
        for (const PlaybookTask &t : list)
            out.append(QJsonObject{{QStringLiteral("id"), t.id},
                                   {QStringLiteral("account"), t.accountName},
                                   {QStringLiteral("title"), t.title},
                                   {QStringLiteral("body"), t.body},
                                   {QStringLiteral("assignee"), t.assignee},
                                   {QStringLiteral("due"), optionalDay(t.dueDay)},
                                   {QStringLiteral("status"), t.status}});
        printJson(m_out, out);
        return ExitOk;
    }
    for (const PlaybookTask &t : list)
        m_out << tr("%1  due %2  %3  (%4)").arg(t.title, t.dueDay ? dayText(*t.dueDay) : tr("—"), t.accountName, t.assignee)
              << u'\n';
    return ExitOk;
}

int PlaybookCommands::exportAll()
{
    QSqlDatabase db = m_session.database().connection();
    QString error;
    const QJsonObject json = PlaybookStore::exportJson(db, &error);
    if (!error.isEmpty()) {
        m_err << error << u'\n';
        return ExitWorkspace;
    }
    OutputTarget target(m_options.outFile, m_out, m_err);
    QIODevice *device = target.open();
    if (!device)
        return ExitWorkspace;
    device->write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return target.commit() ? ExitOk : ExitWorkspace;
}

int PlaybookCommands::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_err << tr("Cannot read %1: %2").arg(path, file.errorString()) << u'\n';
        return ExitBadInput;
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        m_err << tr("%1 is not a JSON object: %2 at offset %3").arg(path, parse.errorString()).arg(parse.offset) << u'\n';
        return ExitBadInput;
    }
    int imported = 0;
    QString problem;
    const StoreError error = m_session.database().writer().runAndWait(
        QStringLiteral("playbooks.import"), [&](WriteTransaction &tx) {
            if (PlaybookStore::importJson(tx, doc.object(), QStringLiteral("cli"), &imported, &problem))
                return StoreError();
            return problem.isEmpty() ? tx.error() : StoreError::failed(problem);
        });
    if (error) {
        m_err << tr("Nothing was imported: %1").arg(error.message()) << u'\n';
        return ExitBadInput;
    }
    m_out << tr("Imported %1 playbooks.").arg(imported) << u'\n';
    return ExitOk;
}
