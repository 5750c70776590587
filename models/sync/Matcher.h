#pragma once

#include "MatchRules.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

class Database;
class WriteTransaction;

/** Matched / unmatched / ambiguous counts of one object kind. */
struct MatchCounts
{
    qint64 matched = 0;
    qint64 unmatched = 0;
    qint64 ambiguous = 0;

    qint64 total() const { return matched + unmatched + ambiguous; }
    /** Share of Pendo objects matched, 0..1 (1 when there are none). */
    double rate() const { return total() == 0 ? 1.0 : double(matched) / double(total()); }
};

/** A Pendo account or visitor that did not resolve to exactly one CS record. */
struct UnmatchedItem
{
    QString pendoId;
    QString label;          // e-mail or name from Pendo's metadata, when known
    QString accountId;      // visitors: the Pendo account they use
    bool accountMatched = false;
    bool ambiguous = false;
    /** CS ids that claim this object (ambiguous only); a negative value −N is a CRM row on line N that an
        import skipped because its external id was already taken. */
    QList<qint64> candidates;
    qint64 events30d = 0;
    qint64 minutes30d = 0;
};

/** An improvement the workbench offers, with how many more objects it would match. */
struct MatchSuggestion
{
    enum class Action { CaseInsensitiveAccounts, TrimAccounts, AddEmailRule, CaseInsensitiveContacts, CreateContacts };
    Action action;
    qint64 count = 0;
    QString text;
};

/** The outcome of running the rules over the raw layer, before anything is written. */
struct MatchPreview
{
    MatchCounts accounts;
    MatchCounts contacts;
    QList<UnmatchedItem> unmatchedAccounts; // sorted by activity, busiest first
    QList<UnmatchedItem> unmatchedVisitors;
    QList<MatchSuggestion> suggestions;
    qint64 crmAccountsWithoutPendo = 0;
    qint64 elapsedMs = 0;
    QString error;
};

/**
 * Resolves Pendo accounts and visitors (raw layer) to CS accounts and contacts under a set of
 * rules: preview (in memory, nothing written), apply (rewrites the resolutions of every listed
 * account and visitor in place, keyed by their stable integer ids, so history re-resolves without
 * pulling from Pendo again), and contact creation for unmatched visitors of matched accounts.
 * Ambiguity is reported, never settled by a silent choice.
 *
 * The static forms work inside the caller's unit of work (writer thread); the instance forms
 * read on the calling thread's own connection and queue their writes to the workspace writer,
 * waiting for them — for CLI commands and pool jobs, never the UI thread.
 */
class Matcher final
{
    Q_DECLARE_TR_FUNCTIONS(Matcher)
public:
    explicit Matcher(Database &database);

    MatchPreview preview(const MatchRules &rules);
    /** Writes the resolutions of `preview(rules)`; returns false with *error on failure. */
    bool apply(const MatchRules &rules, int configVersion, MatchPreview *result, QString *error);
    /**
     * Creates a contact (created_by 'integration') for each unmatched visitor whose account
     * matched, then re-applies the rules. Returns how many were created, or -1 with *error.
     */
    qint64 createContactsForUnmatched(const MatchRules &rules, int configVersion, const QString &actor, QString *error);

    /** apply() inside the caller's unit of work. */
    static bool apply(WriteTransaction &tx, const MatchRules &rules, int configVersion, MatchPreview *result);
    /** createContactsForUnmatched() inside the caller's unit of work; -1 on failure. */
    static qint64 createContactsForUnmatched(WriteTransaction &tx, const MatchRules &rules, int configVersion,
                                             const QString &actor);

private:
    Database &m_database;
};
