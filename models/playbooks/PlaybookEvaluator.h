#pragma once

#include "Playbook.h"

#include "analytics/MetricField.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

/** What the rules know of a CS account besides its metrics. */
struct PlaybookAccount
{
    qint64 id = 0;
    QString externalId;
    QString name;
    QString owner;
    QString stage; // lifecycle stage key, empty when none
    QString plan;  // custom field "plan"
    std::optional<double> arr;
    std::optional<int> firstActiveDay, firstValueDay; // all apps
};

/**
 * The history the rules read: for each CS account, the calculated fields it needs (one app
 * slice), the health band and the milestones over the days fromDay..toDay, and which of those
 * days are final. Loaded once per evaluation (one pass over account_metrics with the native
 * statement), then read by any number of rules without the database. Any thread; read-only once
 * loaded.
 */
class PlaybookHistory final
{
public:
    /**
     * Loads days fromDay..toDay (the caller adds each rule's lookback) of the fields `fields` for
     * `app` (0: all apps), the bands and, for the items named, their daily events. `toDay` is
     * clamped to the last computed day.
     */
    static std::unique_ptr<PlaybookHistory> load(QSqlDatabase &db, int fromDay, int toDay,
                                                 const QList<MetricField> &fields, const QList<qint64> &items,
                                                 qint64 app, QString *error);
    /** For tests and benchmarks: an empty history of `accounts` over the days, filled through set(). */
    PlaybookHistory(QList<PlaybookAccount> accounts, int fromDay, int toDay);

    int fromDay() const { return m_fromDay; }
    int toDay() const { return m_toDay; }
    int dayCount() const { return m_toDay - m_fromDay + 1; }
    const QList<PlaybookAccount> &accounts() const { return m_accounts; }
    int indexOf(qint64 accountId) const { return m_indexOf.value(accountId, -1); }

    /** The value of a field for an account on a day; NaN when none (no row, NULL, or outside). */
    double value(int account, MetricField field, int day) const;
    double itemEvents(int account, qint64 item, int day) const;
    /** The band on a day, or nullopt. */
    std::optional<HealthBand> band(int account, int day) const;
    /**
     * Whether the day is final: its activity synced and settled (not provisional, not failed, not
     * missing inside the synced range). Rules never judge a day whose window holds an unsettled one.
     */
    bool isSettled(int day) const;
    /**
     * Whether a rule may judge `day`: it is loaded, and no day of day − lookback .. day is
     * unsettled (days before the loaded range have no data to wait for).
     */
    bool windowSettled(int day, int lookback) const;

    // Filling (load(), tests, benchmarks).
    void set(int account, MetricField field, int day, double value);
    void setItemEvents(int account, qint64 item, int day, double events);
    void setBand(int account, int day, HealthBand band);
    void setUnsettled(int day);

private:
    std::vector<double> &column(MetricField field);
    std::vector<double> &itemColumn(qint64 item);

    QList<PlaybookAccount> m_accounts;
    QHash<qint64, int> m_indexOf;
    int m_fromDay = 0, m_toDay = -1;
    std::vector<std::vector<double>> m_fields; // [field][account * days + d], empty when not loaded
    QHash<qint64, std::vector<double>> m_items;
    std::vector<signed char> m_bands; // [account * days + d], -1 none
    std::vector<char> m_unsettled;    // [d]
};

/** Why a rule fired for an account on a day: the values, the windows and a sentence. */
struct PlaybookEvidence
{
    int day = 0;
    QString text;
    QJsonObject values; // e.g. {"metric":"core_events","current":12.3,"baseline":30.1,"change":-59.1,...}
};

/** Where a replay starts for one account: its open firing and its last firing day. */
struct PlaybookAccountState
{
    bool open = false; // an open or snoozed firing
    std::optional<int> snoozedUntil;
    std::optional<int> lastFiredDay;
};

/** What a replay decided, in day order per account. */
struct PlaybookEvent
{
    enum class Kind { Fire, Resolve, Unsnooze };
    Kind kind = Kind::Fire;
    int account = 0; // index in the history
    int day = 0;
    PlaybookEvidence evidence; // Fire only
};

/**
 * Judges triggers and replays playbooks over a history. One rule per account per day:
 * - the trigger holds and the account has no open firing and is out of the cool-down → Fire;
 * - the trigger no longer holds and the account has an open firing → Resolve (the next firing
 *   may come after the cool-down);
 * - a snoozed firing whose snooze ended while the trigger still holds → Unsnooze.
 * The real evaluation and the dry run both go through replay(), so a dry run over some days
 * lists what a real run over the same days fires. Stateless; any thread.
 */
namespace PlaybookEvaluator {
/** The trigger's evidence if it holds for the account on the day (the day's window must be settled). */
std::optional<PlaybookEvidence> evaluate(const PlaybookTrigger &trigger, const PlaybookHistory &history, int account,
                                         int day);
bool inScope(const PlaybookScope &scope, const PlaybookAccount &account);
/**
 * Replays `playbook` over fromDay..toDay, from `states` (indexed like the history's accounts;
 * empty: no firing anywhere yet), which it updates. Stops before the first day whose window is not
 * settled and returns, in *lastDay, the last day it judged (fromDay − 1 if none).
 */
QList<PlaybookEvent> replay(const Playbook &playbook, const PlaybookHistory &history, int fromDay, int toDay,
                            std::vector<PlaybookAccountState> &states, int *lastDay = nullptr);
/** Whether a lifecycle goal's condition held on each of the goal's holdDays days up to `day`. */
bool goalReached(const LifecycleGoal &goal, const PlaybookHistory &history, int account, int day);
} // namespace PlaybookEvaluator
