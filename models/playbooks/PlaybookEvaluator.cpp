#include "PlaybookEvaluator.h"

#include "store/NativeStatement.h"
#include "store/SqlDialect.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <cmath>
#include <limits>

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QString tr(const char *text)
{
    return QCoreApplication::translate("PlaybookEvaluator", text);
}

QString isoDay(int day)
{
    return QDate::fromJulianDay(day).toString(Qt::ISODate);
}

QString number(double value)
{
    return QLocale().toString(value, 'f', std::abs(value) >= 100 || value == std::floor(value) ? 0 : 2);
}

QJsonArray window(int from, int to)
{
    return {isoDay(from), isoDay(to)};
}

/** Mean over [from, to] of a day series, or NaN when any day has no value. Also the total. */
struct WindowSum
{
    double total = 0;
    bool complete = true;
};

template <typename Read>
WindowSum windowSum(int from, int to, Read read)
{
    WindowSum sum;
    for (int d = from; d <= to; ++d) {
        const double v = read(d);
        if (std::isnan(v)) {
            sum.complete = false;
            return sum;
        }
        sum.total += v;
    }
    return sum;
}

std::optional<PlaybookEvidence> decline(const PlaybookTrigger &t, int day, const QString &what,
                                        const std::function<double(int)> &read)
{
    const WindowSum current = windowSum(day - t.days + 1, day, read);
    if (!current.complete)
        return std::nullopt;
    const WindowSum baseline = windowSum(day - 2 * t.days + 1, day - t.days, read);
    if (!baseline.complete || baseline.total <= 0 || baseline.total < t.minVolume)
        return std::nullopt;
    const double change = 100.0 * (current.total - baseline.total) / baseline.total;
    if (-change < t.percent)
        return std::nullopt;
    PlaybookEvidence e;
    e.day = day;
    const double currentMean = current.total / t.days, baselineMean = baseline.total / t.days;
    e.values = {{QStringLiteral("current"), currentMean},
                {QStringLiteral("baseline"), baselineMean},
                {QStringLiteral("currentTotal"), current.total},
                {QStringLiteral("baselineTotal"), baseline.total},
                {QStringLiteral("change"), change},
                {QStringLiteral("window"), window(day - t.days + 1, day)},
                {QStringLiteral("baselineWindow"), window(day - 2 * t.days + 1, day - t.days)}};
    e.text = tr("%1: %2 a day from %3 to %4 against %5 a day from %6 to %7 (%8%).")
                 .arg(what, number(currentMean), isoDay(day - t.days + 1), isoDay(day), number(baselineMean),
                      isoDay(day - 2 * t.days + 1), isoDay(day - t.days))
                 .arg(QLocale().toString(change, 'f', 1));
    return e;
}

} // namespace

// --- History ------------------------------------------------------------------------------------

PlaybookHistory::PlaybookHistory(QList<PlaybookAccount> accounts, int fromDay, int toDay)
    : m_accounts(std::move(accounts))
    , m_fromDay(fromDay)
    , m_toDay(std::max(fromDay - 1, toDay))
    , m_fields(std::size_t(metricFieldCount))
    , m_bands(std::size_t(m_accounts.size()) * std::size_t(std::max(0, dayCount())), -1)
    , m_unsettled(std::size_t(std::max(0, dayCount())), 0)
{
    for (int i = 0; i < m_accounts.size(); ++i)
        m_indexOf.insert(m_accounts[i].id, i);
}

std::vector<double> &PlaybookHistory::column(MetricField field)
{
    std::vector<double> &c = m_fields[std::size_t(field)];
    if (c.empty())
        c.assign(std::size_t(m_accounts.size()) * std::size_t(std::max(0, dayCount())), kNaN);
    return c;
}

std::vector<double> &PlaybookHistory::itemColumn(qint64 item)
{
    std::vector<double> &c = m_items[item];
    if (c.empty())
        c.assign(std::size_t(m_accounts.size()) * std::size_t(std::max(0, dayCount())), kNaN);
    return c;
}

double PlaybookHistory::value(int account, MetricField field, int day) const
{
    const std::vector<double> &c = m_fields[std::size_t(field)];
    if (c.empty() || day < m_fromDay || day > m_toDay || account < 0 || account >= m_accounts.size())
        return kNaN;
    return c[std::size_t(account) * std::size_t(dayCount()) + std::size_t(day - m_fromDay)];
}

double PlaybookHistory::itemEvents(int account, qint64 item, int day) const
{
    const auto it = m_items.constFind(item);
    if (it == m_items.constEnd() || day < m_fromDay || day > m_toDay || account < 0 || account >= m_accounts.size())
        return kNaN;
    return (*it)[std::size_t(account) * std::size_t(dayCount()) + std::size_t(day - m_fromDay)];
}

std::optional<HealthBand> PlaybookHistory::band(int account, int day) const
{
    if (day < m_fromDay || day > m_toDay || account < 0 || account >= m_accounts.size())
        return std::nullopt;
    const signed char b = m_bands[std::size_t(account) * std::size_t(dayCount()) + std::size_t(day - m_fromDay)];
    return b < 0 ? std::nullopt : std::optional<HealthBand>(HealthBand(b));
}

bool PlaybookHistory::isSettled(int day) const
{
    return day >= m_fromDay && day <= m_toDay && !m_unsettled[std::size_t(day - m_fromDay)];
}

bool PlaybookHistory::windowSettled(int day, int lookback) const
{
    if (day < m_fromDay || day > m_toDay)
        return false;
    for (int d = std::max(m_fromDay, day - lookback); d <= day; ++d)
        if (m_unsettled[std::size_t(d - m_fromDay)])
            return false;
    return true;
}

void PlaybookHistory::set(int account, MetricField field, int day, double value)
{
    if (day < m_fromDay || day > m_toDay)
        return;
    column(field)[std::size_t(account) * std::size_t(dayCount()) + std::size_t(day - m_fromDay)] = value;
}

void PlaybookHistory::setItemEvents(int account, qint64 item, int day, double events)
{
    if (day < m_fromDay || day > m_toDay)
        return;
    itemColumn(item)[std::size_t(account) * std::size_t(dayCount()) + std::size_t(day - m_fromDay)] = events;
}

void PlaybookHistory::setBand(int account, int day, HealthBand band)
{
    if (day < m_fromDay || day > m_toDay)
        return;
    m_bands[std::size_t(account) * std::size_t(dayCount()) + std::size_t(day - m_fromDay)] = static_cast<signed char>(band);
}

void PlaybookHistory::setUnsettled(int day)
{
    if (day >= m_fromDay && day <= m_toDay)
        m_unsettled[std::size_t(day - m_fromDay)] = 1;
}

std::unique_ptr<PlaybookHistory> PlaybookHistory::load(QSqlDatabase &db, int fromDay, int toDay,
                                                       const QList<MetricField> &fields, const QList<qint64> &items,
                                                       qint64 app, QString *error)
{
    const auto fail = [error](const QString &what) {
        if (error)
            *error = what;
        return nullptr;
    };
    QSqlQuery last(db);
    if (!last.exec(QStringLiteral("SELECT MAX(to_day) FROM analytics_runs WHERE status = 'completed'")))
        return fail(last.lastError().text());
    const int computed = last.next() ? last.value(0).toInt() : 0;
    last.finish();
    toDay = std::min(toDay, computed);

    QList<PlaybookAccount> accounts;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT a.id, a.external_id, a.name, a.owner, s.stage_key, a.custom_fields, a.arr, "
                               "m.first_active_day, m.first_value_day FROM accounts a "
                               "LEFT JOIN lifecycle_stages s ON s.id = a.lifecycle_stage_id "
                               "LEFT JOIN account_milestones m ON m.account_id = a.id AND m.app_id = 0 "
                               "ORDER BY a.id")))
        return fail(q.lastError().text());
    while (q.next()) {
        PlaybookAccount a;
        a.id = q.value(0).toLongLong();
        a.externalId = q.value(1).toString();
        a.name = q.value(2).toString();
        a.owner = q.value(3).toString();
        a.stage = q.value(4).toString();
        const QJsonObject custom = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        a.plan = custom.value(QStringLiteral("plan")).toVariant().toString();
        if (!q.value(6).isNull())
            a.arr = q.value(6).toDouble();
        if (!q.value(7).isNull())
            a.firstActiveDay = q.value(7).toInt();
        if (!q.value(8).isNull())
            a.firstValueDay = q.value(8).toInt();
        accounts << a;
    }
    q.finish();
    auto history = std::make_unique<PlaybookHistory>(accounts, fromDay, toDay);
    if (toDay < fromDay)
        return history;

    auto *native = static_cast<sqlite3 *>(SqlDialect::sqliteHandle(db));
    if (!native)
        return fail(tr("The playbook history needs the workspace's SQLite connection."));
    // One seek per account along the primary key (account_id, app_id, day): only the days asked for are read.
    QByteArray sql = "SELECT day";
    for (const MetricField f : fields)
        sql += ", " + QByteArray(MetricFields::info(f).column);
    sql += " FROM account_metrics WHERE account_id = ?1 AND app_id = ?2 AND day BETWEEN ?3 AND ?4";
    NativeStatement metrics(native, sql.constData());
    NativeStatement bands(native, "SELECT day, band FROM health_scores WHERE account_id = ?1 AND day BETWEEN ?2 AND ?3");
    if (!metrics.ok() || !bands.ok())
        return fail(metrics.error().message());
    for (const MetricField f : fields)
        history->column(f); // loaded fields read as NaN where no row, not as "not loaded"
    const std::size_t days = std::size_t(history->dayCount());
    for (int a = 0; a < accounts.size(); ++a) {
        const qint64 id = accounts[a].id;
        metrics.bind(1, id);
        metrics.bind(2, app);
        metrics.bind(3, fromDay);
        metrics.bind(4, toDay);
        const std::size_t base = std::size_t(a) * days;
        while (metrics.next()) {
            const std::size_t d = std::size_t(metrics.integer(0) - fromDay);
            for (int i = 0; i < fields.size(); ++i)
                if (!metrics.isNull(i + 1))
                    history->m_fields[std::size_t(fields[i])][base + d] = metrics.real(i + 1);
        }
        if (metrics.failed())
            return fail(metrics.error().message());
        metrics.reset();
        bands.bind(1, id);
        bands.bind(2, fromDay);
        bands.bind(3, toDay);
        while (bands.next())
            history->m_bands[base + std::size_t(bands.integer(0) - fromDay)] = static_cast<signed char>(bands.integer(1));
        if (bands.failed())
            return fail(bands.error().message());
        bands.reset();
    }

    // Items: the daily events of each named feature or page, per matched CS account.
    for (const qint64 item : items) {
        std::vector<double> &column = history->itemColumn(item);
        NativeStatement rows(native, "SELECT r.cs_id, p.day, SUM(p.events) FROM pendo_activity p "
                                     "JOIN match_resolutions r ON r.object = 'account' AND r.pendo_ref = p.account_ref "
                                     "AND r.status = 'matched' WHERE p.item_ref = ?1 AND p.day BETWEEN ?2 AND ?3 "
                                     "AND (?4 = 0 OR p.app_id = ?4) GROUP BY r.cs_id, p.day");
        if (!rows.ok())
            return fail(rows.error().message());
        rows.bind(1, item);
        rows.bind(2, fromDay);
        rows.bind(3, toDay);
        rows.bind(4, app);
        while (rows.next()) {
            const int a = history->indexOf(rows.integer(0));
            if (a >= 0)
                column[std::size_t(a) * days + std::size_t(rows.integer(1) - fromDay)] = rows.real(2);
        }
        if (rows.failed())
            return fail(rows.error().message());
        // A day of an account with activity but none on the item is 0, not missing.
        const std::vector<double> &events = history->column(MetricField::Events);
        for (std::size_t i = 0; i < column.size(); ++i)
            if (std::isnan(column[i]) && !events.empty() && !std::isnan(events[i]))
                column[i] = 0;
    }

    // Settled days: every activity window of the day synced, and no day missing inside the synced range.
    QSqlQuery w(db);
    w.prepare(QStringLiteral("SELECT day, SUM(CASE WHEN status = 'synced' THEN 0 ELSE 1 END) FROM sync_windows "
                             "WHERE stream = 'activity' AND day BETWEEN ? AND ? GROUP BY day ORDER BY day"));
    w.addBindValue(fromDay);
    w.addBindValue(toDay);
    if (!w.exec())
        return fail(w.lastError().text());
    std::vector<char> seen(days, 0);
    int firstSeen = 0;
    while (w.next()) {
        const int day = w.value(0).toInt();
        seen[std::size_t(day - fromDay)] = 1;
        if (!firstSeen)
            firstSeen = day;
        if (w.value(1).toInt() > 0)
            history->setUnsettled(day);
    }
    for (int day = firstSeen ? firstSeen : toDay + 1; day <= toDay; ++day)
        if (!seen[std::size_t(day - fromDay)])
            history->setUnsettled(day);
    return history;
}

// --- Evaluation ---------------------------------------------------------------------------------

std::optional<PlaybookEvidence> PlaybookEvaluator::evaluate(const PlaybookTrigger &t, const PlaybookHistory &h,
                                                            int account, int day)
{
    using Kind = PlaybookTrigger::Kind;
    switch (t.kind) {
    case Kind::Threshold: {
        const std::optional<MetricField> field = MetricFields::fromColumn(t.metric);
        if (!field)
            return std::nullopt;
        const double v = h.value(account, *field, day);
        if (!t.compare(v))
            return std::nullopt;
        PlaybookEvidence e;
        e.day = day;
        e.values = {{QStringLiteral("metric"), t.metric},
                    {QStringLiteral("value"), v},
                    {QStringLiteral("threshold"), t.value},
                    {QStringLiteral("op"), PlaybookTrigger::opKey(t.op)}};
        e.text = tr("%1 was %2 on %3 (%4).")
                     .arg(MetricFields::title(*field), MetricFields::format(*field, v), isoDay(day), t.describe());
        e.values.insert(QStringLiteral("day"), isoDay(day));
        return e;
    }
    case Kind::Decline: {
        const std::optional<MetricField> field = MetricFields::fromColumn(t.metric);
        if (!field)
            return std::nullopt;
        std::optional<PlaybookEvidence> e = decline(t, day, MetricFields::title(*field), [&](int d) {
            return h.value(account, *field, d);
        });
        if (e)
            e->values.insert(QStringLiteral("metric"), t.metric);
        return e;
    }
    case Kind::FeatureDecline: {
        const QString what = t.itemName.isEmpty() ? tr("Events of feature %1").arg(t.item) : t.itemName;
        std::optional<PlaybookEvidence> e =
            decline(t, day, what, [&](int d) { return h.itemEvents(account, t.item, d); });
        if (e)
            e->values.insert(QStringLiteral("item"), t.item);
        return e;
    }
    case Kind::BandChanged: {
        const std::optional<HealthBand> now = h.band(account, day), before = h.band(account, day - 1);
        if (!now || !before || *now != t.to || *before == t.to || (t.from && *before != *t.from))
            return std::nullopt;
        PlaybookEvidence e;
        e.day = day;
        e.values = {{QStringLiteral("from"), int(*before)}, {QStringLiteral("to"), int(*now)},
                    {QStringLiteral("day"), isoDay(day)}};
        e.text = tr("Health went from %1 to %2 on %3.").arg(HealthModel::bandName(*before), HealthModel::bandName(*now), isoDay(day));
        return e;
    }
    case Kind::FirstValueReached: {
        const PlaybookAccount &a = h.accounts()[account];
        if (!a.firstValueDay || *a.firstValueDay != day)
            return std::nullopt;
        PlaybookEvidence e;
        e.day = day;
        e.values = {{QStringLiteral("firstValueDay"), isoDay(day)}};
        e.text = tr("First value reached on %1.").arg(isoDay(day));
        return e;
    }
    case Kind::FirstValueMissing: {
        const PlaybookAccount &a = h.accounts()[account];
        if (!a.firstActiveDay || day - *a.firstActiveDay < t.days || (a.firstValueDay && *a.firstValueDay <= day))
            return std::nullopt;
        PlaybookEvidence e;
        e.day = day;
        e.values = {{QStringLiteral("firstActiveDay"), isoDay(*a.firstActiveDay)},
                    {QStringLiteral("daysSinceStart"), day - *a.firstActiveDay}};
        e.text = tr("Active since %1 (%2 days) without reaching first value.")
                     .arg(isoDay(*a.firstActiveDay))
                     .arg(day - *a.firstActiveDay);
        return e;
    }
    }
    return std::nullopt;
}

bool PlaybookEvaluator::inScope(const PlaybookScope &scope, const PlaybookAccount &a)
{
    if (!scope.stages.isEmpty() && !scope.stages.contains(a.stage))
        return false;
    if (!scope.owners.isEmpty() && !scope.owners.contains(a.owner, Qt::CaseInsensitive))
        return false;
    if (!scope.plans.isEmpty() && !scope.plans.contains(a.plan, Qt::CaseInsensitive))
        return false;
    if ((scope.arrMin || scope.arrMax) && !a.arr)
        return false;
    if (scope.arrMin && *a.arr < *scope.arrMin)
        return false;
    if (scope.arrMax && *a.arr > *scope.arrMax)
        return false;
    return true;
}

QList<PlaybookEvent> PlaybookEvaluator::replay(const Playbook &playbook, const PlaybookHistory &history, int fromDay,
                                               int toDay, std::vector<PlaybookAccountState> &states, int *lastDay)
{
    QList<PlaybookEvent> events;
    const int accounts = int(history.accounts().size());
    states.resize(std::size_t(accounts));
    std::vector<char> scoped(static_cast<std::size_t>(accounts));
    for (int a = 0; a < accounts; ++a)
        scoped[std::size_t(a)] = inScope(playbook.scope, history.accounts()[a]);
    const int lookback = playbook.trigger.lookbackDays();
    int judged = fromDay - 1;
    for (int day = fromDay; day <= toDay; ++day) {
        if (!history.windowSettled(day, lookback))
            break; // the firing waits for the day to settle
        for (int a = 0; a < accounts; ++a) {
            PlaybookAccountState &st = states[std::size_t(a)];
            std::optional<PlaybookEvidence> evidence;
            if (scoped[std::size_t(a)])
                evidence = evaluate(playbook.trigger, history, a, day);
            if (evidence) {
                if (st.open) {
                    if (st.snoozedUntil && day > *st.snoozedUntil) {
                        st.snoozedUntil.reset();
                        events.append({PlaybookEvent::Kind::Unsnooze, a, day, {}});
                    }
                } else if (!st.lastFiredDay || day - *st.lastFiredDay >= playbook.cooldownDays) {
                    st.open = true;
                    st.lastFiredDay = day;
                    events.append({PlaybookEvent::Kind::Fire, a, day, *evidence});
                }
            } else if (st.open) {
                st.open = false;
                st.snoozedUntil.reset();
                events.append({PlaybookEvent::Kind::Resolve, a, day, {}});
            }
        }
        judged = day;
    }
    if (lastDay)
        *lastDay = judged;
    return events;
}

bool PlaybookEvaluator::goalReached(const LifecycleGoal &goal, const PlaybookHistory &history, int account, int day)
{
    for (int d = day - goal.holdDays + 1; d <= day; ++d)
        if (!evaluate(goal.condition, history, account, d))
            return false;
    return true;
}
