#pragma once

#include "analytics/HealthModel.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

/**
 * What makes a playbook fire for an account on a day. Every kind reads the calculated fields
 * (all apps, or one app when `app` is set), the health bands or the milestones of that day and
 * the days before it; `lookbackDays()` says how far back, so a day is only judged when all of
 * those days are final.
 *
 * - **threshold**: `metric` below / above / at least / at most `value` on the day.
 * - **decline**: the mean of `metric` over the last `days` days fell by at least `percent` % against
 *   the mean over the `days` days before them. Not judged unless the account has data on every
 *   day of both windows and the earlier window adds up to at least `minVolume` (so a tiny account
 *   does not flap between 2 and 1 events).
 * - **bandChanged**: the health band is `to` on the day and was another band the day before
 *   (optionally only from `from`).
 * - **firstValueReached**: the day is the account's first-value day.
 * - **firstValueMissing**: at least `days` days since the account's first active day and no
 *   first-value event yet (stuck onboarding); stops holding when the event comes.
 * - **featureDecline**: like decline, on the daily events of one feature or page (`item`).
 */
struct PlaybookTrigger
{
    enum class Kind { Threshold, Decline, BandChanged, FirstValueReached, FirstValueMissing, FeatureDecline };
    enum class Op { Below, Above, AtMost, AtLeast };

    Kind kind = Kind::Threshold;
    QString metric = QStringLiteral("mau"); // a calculated field's column name
    Op op = Op::Below;
    double value = 0;
    double percent = 30; // decline kinds
    int days = 30;       // decline kinds: each window; firstValueMissing: days since the start
    double minVolume = 0;
    std::optional<HealthBand> from; // bandChanged
    HealthBand to = HealthBand::Red;
    qint64 item = 0; // featureDecline: the catalog item's id (pendo_catalog_items.id)
    QString itemName; // featureDecline: shown in the evidence
    qint64 app = 0;   // 0: all apps together

    /** Days before the judged one whose data the trigger reads (0: only the day itself). */
    int lookbackDays() const;
    QJsonObject toJson() const;
    static std::optional<PlaybookTrigger> fromJson(const QJsonObject &json, QString *error);
    /** Problems that keep it from being saved, as sentences. */
    QStringList validate() const;
    /** A sentence: "Core-feature events fell ≥ 30% vs the previous 30 days". */
    QString describe() const;

    static QString kindKey(Kind kind);
    static std::optional<Kind> kindFromKey(const QString &key);
    static QString opKey(Op op);
    static std::optional<Op> opFromKey(const QString &key);
    bool compare(double actual) const;

    bool operator==(const PlaybookTrigger &) const = default;
};

/** Which accounts a playbook applies to: every list empty / bound unset means no restriction. */
struct PlaybookScope
{
    QStringList stages; // lifecycle stage keys
    QStringList owners;
    std::optional<double> arrMin, arrMax;
    QStringList plans; // accounts' custom field "plan"

    bool isEmpty() const { return stages.isEmpty() && owners.isEmpty() && !arrMin && !arrMax && plans.isEmpty(); }
    QJsonObject toJson() const;
    static PlaybookScope fromJson(const QJsonObject &json);
    QString describe() const;

    bool operator==(const PlaybookScope &) const = default;
};

/**
 * One step a firing takes. Texts may hold {account}, {owner}, {playbook}, {day} and {evidence},
 * replaced when the action runs.
 *
 * - **task**: a task titled `title` with `body`, due `dueDays` after the firing day, for the
 *   account owner (or `assignee` when set).
 * - **stage**: moves the account to lifecycle stage `stage` (a key).
 * - **tag**: adds `tag` (or removes it when `remove`).
 * - **field**: sets the account's custom field `field` to `value`.
 * - **webhook**: POSTs the firing as JSON to `url`, retried on failure.
 * - **email**: writes an e-mail to `recipient` (default: the owner) into the outbox for review.
 */
struct PlaybookAction
{
    enum class Kind { Task, Stage, Tag, Field, Webhook, Email };

    Kind kind = Kind::Task;
    QString title;
    QString body;
    int dueDays = 7;
    QString assignee;
    QString stage;
    QString tag;
    bool remove = false;
    QString field;
    QString value;
    QString url;
    QString recipient;

    QJsonObject toJson() const;
    static std::optional<PlaybookAction> fromJson(const QJsonObject &json, QString *error);
    QStringList validate() const;
    QString describe() const;
    static QString kindKey(Kind kind);
    static std::optional<Kind> kindFromKey(const QString &key);

    bool operator==(const PlaybookAction &) const = default;
};

/**
 * A playbook: a trigger, the accounts it applies to, the actions of each firing and how often it
 * may fire. An account has at most one open firing per playbook; after a firing, the playbook
 * does not fire again for that account within `cooldownDays` of it.
 */
struct Playbook
{
    Q_DECLARE_TR_FUNCTIONS(Playbook)

public:
    qint64 id = 0; // 0: not saved yet
    QString name;
    bool enabled = false;
    QString starterKey; // set on the starter set's playbooks
    PlaybookTrigger trigger;
    PlaybookScope scope;
    QList<PlaybookAction> actions;
    int cooldownDays = 30;
    std::optional<int> evaluatedThrough; // the last day evaluated (stored state, not definition)

    /** The definition (trigger, scope, actions, cool-down) as stored in `playbooks.definition`. */
    QJsonObject definitionJson() const;
    bool setDefinition(const QJsonObject &json, QString *error);
    /** The whole playbook for export: name, enabled and the definition. */
    QJsonObject toJson() const;
    static std::optional<Playbook> fromJson(const QJsonObject &json, QString *error);
    QStringList validate() const;

    bool sameDefinition(const Playbook &other) const
    {
        return trigger == other.trigger && scope == other.scope && actions == other.actions
               && cooldownDays == other.cooldownDays;
    }
};

/** A lifecycle goal: an account in `fromStage` moves to `toStage` once `condition` held `holdDays` days in a row. */
struct LifecycleGoal
{
    qint64 id = 0;
    QString name;
    QString fromStage, toStage; // stage keys
    bool enabled = true;
    PlaybookTrigger condition; // a threshold trigger
    int holdDays = 14;
    std::optional<int> evaluatedThrough;

    QJsonObject definitionJson() const;
    bool setDefinition(const QJsonObject &json, QString *error);
};
