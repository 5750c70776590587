#pragma once

#include "MetricField.h"

#include <QHash>
#include <QList>

#include <cstdint>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

/** How the PES stickiness component is measured (IntegrationConfig's PesConfig::stickiness). */
enum class PesStickinessRatio { DauMau, WauMau, DauWau };

/** The frame of one computation: the days, the apps and the core events. */
struct FieldSetup
{
    int loadFrom = 0; // the first day whose rows are fed (≤ fromDay − 60 unless it is the first day of data)
    int fromDay = 0;  // the first day whose fields are produced
    int toDay = 0;    // the last day (inclusive): the last synced day
    QList<qint64> apps;      // the Pendo apps of the subscription
    bool splitApps = true;   // also produce a row per app beside the all-apps row (app 0)
    QHash<qint64, int> coreItemsPerApp; // number of core events per app (features and pages)
    int coreItemCount = 0;              // core events in all: addCoreUse() takes an index below it
    PesStickinessRatio pesStickiness = PesStickinessRatio::DauMau;
};

/** What is known about the days before `loadFrom`, from the last computation (incremental runs). */
struct FieldSeeds
{
    /** First day each visitor was active in an account and app (0: all apps). */
    std::function<std::optional<int>(int account, qint64 app, quint32 visitor)> visitorFirst;
};

/** A visitor's activity in an account up to the last day, for contact-level fields. */
struct VisitorSummary
{
    int account = 0; // dense account index
    quint32 visitor = 0;
    int firstDay = 0;
    int lastDay = 0;
    int activeDays30d = 0;
    qint64 events30d = 0;
    qint64 minutes30d = 0;
};

/** An account's use of a feature or page in the 30 days up to the last day. */
struct ItemSummary
{
    int account = 0;
    quint32 item = 0;
    qint64 events30d = 0;
    int visitors30d = 0;
    int lastUsedDay = 0;
};

/** First and last active day and first-value day of an account and app. */
struct Milestones
{
    int account = 0;
    qint64 app = 0;
    std::optional<int> firstActive, lastActive, firstValue;
};

/**
 * Computes the calculated fields of many accounts at once from a stream of activity rows fed in
 * ascending day order, without keeping the rows: per account and app it keeps a few arrays over
 * the days, and per visitor only its first and last active day. Each field is exact:
 *
 * - **DAU / WAU / MAU** on day d: distinct visitors with any activity on d, in d−6..d, in
 *   d−29..d. Each active day a of a visitor covers [a, a+W−1]; a new day adds only the part of
 *   its interval that the visitor's previous active day did not cover, so a visitor is counted
 *   once per day however many days (or apps) it was active in the window.
 * - **events, minutes** of the day, and **events_30d, minutes_30d** over d−29..d.
 * - **dau_mau** = (Σ DAU over d−29..d ÷ 30) ÷ MAU(d); **wau_mau** = (Σ WAU over d−29..d ÷ 30) ÷
 *   MAU(d): Pendo's definition (mean daily actives over all 30 calendar days, missing days 0,
 *   over unique monthly actives), not the noisy ratio of one day.
 * - **core_adoption** = core events (features and pages marked core) used by anyone in the
 *   account in d−29..d ÷ core events of the app (all apps: of every app).
 * - **licence_utilisation** = MAU ÷ licensed seats (no value without seats).
 * - **days_since_active** = d − the last day ≤ d with activity.
 * - **PES adoption** = 100 × Σ over visitors of (core events the visitor used in d−29..d) ÷
 *   (core events × MAU): the average share of core events adopted by the active visitors.
 * - **PES stickiness** = 100 × the configured ratio: dau_mau, wau_mau, or (Σ DAU ÷ Σ WAU over
 *   d−29..d) for DAU/WAU.
 * - **PES growth** from the quick ratio q = (new + recovered) ÷ dropped visitors over the window:
 *   new = first active in d−29..d; recovered = active in d−29..d, not in d−59..d−30, and active
 *   before; dropped = active in d−59..d−30, not in d−29..d. Shown 0–100 as 100 × q ÷ (1 + q), so
 *   1 (as many gained as lost) is 50; no loss with gains is 100; no change at all is 50 while
 *   anyone is active.
 * - **PES** = the mean of the components that have a value.
 * - **core_events, core_events_30d**: events on core features and pages on d and over d−29..d
 *   (no value when the app has no core events), the volume the usage-decline playbooks watch.
 *
 * Rows start at the account's first active day (or fromDay) and run to toDay. Accounts are
 * dense indices the caller maps. Not thread-safe; one computation per object.
 */
class CalculatedFields final
{
public:
    CalculatedFields(FieldSetup setup, int accountCount, FieldSeeds seeds = {});
    ~CalculatedFields();

    void setSeats(int account, int seats);
    /** The last active day before loadFrom (incremental runs). */
    void seedLastActive(int account, qint64 app, int day);
    void seedFirstActive(int account, qint64 app, int day);
    void seedFirstValue(int account, qint64 app, int day);

    // Feed rows day by day (ascending); any order within a day.
    void addActivity(int account, qint64 app, int day, quint32 visitor, qint64 events, qint64 minutes);
    /** A core event (by its index, 0 ≤ core < coreItemCount) used by a visitor. */
    void addCoreUse(int account, qint64 app, int day, quint32 visitor, int core, qint64 events = 0);
    /** A first-value event used. */
    void addFirstValue(int account, qint64 app, int day);
    /** Any feature or page used on one of the last 30 days (toDay − 29 on), for item usage. */
    void addItemUse(int account, int day, quint32 visitor, quint32 item, qint64 events);

    /** Produces the rows of every account and app, ascending by (account, app, day). */
    void forEachRow(const std::function<void(const MetricRow &row)> &visit) const;
    std::vector<Milestones> milestones() const;
    /** Visitors whose first day in an account and app was found in the fed rows. */
    void forEachNewVisitorFirst(const std::function<void(int account, qint64 app, quint32 visitor, int day)> &visit) const;
    /** All-apps activity per (account, visitor) seen in the fed rows. */
    std::vector<VisitorSummary> visitorSummaries() const;
    std::vector<ItemSummary> itemSummaries() const;
    /** The slices (0 = all apps, then each app when split). */
    QList<qint64> sliceApps() const;

private:
    struct Slice;
    struct VisitorState;
    int sliceOf(qint64 app) const;
    Slice &slice(int account, int s);
    void addVisitorDay(Slice &sl, int account, int s, qint64 app, int day, quint32 visitor);

    FieldSetup m_setup;
    FieldSeeds m_seeds;
    int m_accountCount = 0;
    int m_days = 0;
    QList<qint64> m_sliceApps;
    std::vector<std::unique_ptr<Slice>> m_slices; // [account * slices + s], made on first use
    std::vector<int> m_seats;
    // visitor state: per slice, indexed by visitor ref for its first account; other accounts in the map
    struct Primary
    {
        int account = -1;
        int first = 0;
        int last = 0;
    };
    std::vector<std::vector<Primary>> m_primary;
    std::vector<std::unordered_map<std::uint64_t, std::pair<int, int>>> m_secondary; // per slice
    // Last day a visitor used a core event: per slice, dense by (visitor, core) for the visitor's first
    // account, in a map per (account·slices+s) for any other.
    std::vector<std::vector<int>> m_coreVisitorDense;
    std::vector<std::unordered_map<std::uint64_t, int>> m_coreVisitorLast;
    struct VisitorAgg
    {
        int activeDays30 = 0;
        qint64 events30 = 0, minutes30 = 0;
        int lastCounted = -1;
    };
    std::unordered_map<std::uint64_t, VisitorAgg> m_visitorAgg; // (account, visitor), all apps, last 30 days
    struct ItemAgg
    {
        qint64 events = 0;
        int lastUsed = 0;
        std::vector<quint32> visitors;
    };
    std::unordered_map<std::uint64_t, ItemAgg> m_itemAgg; // (account, item)
    std::vector<std::tuple<int, qint64, quint32, int>> m_newFirsts;
};
