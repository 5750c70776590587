#pragma once

#include "HealthModel.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

/** A day on which an account's band changed under the replayed model. */
struct BandChange
{
    qint64 accountId = 0;
    QString account; // name
    int day = 0;
    HealthBand from = HealthBand::Red;
    HealthBand to = HealthBand::Red;
    /** The band the stored scores (the models in effect) gave that day, for comparison. */
    std::optional<HealthBand> stored;
};

/** One account's outcome of a replay. */
struct BacktestAccount
{
    qint64 accountId = 0;
    QString account;
    std::optional<HealthBand> firstBand, lastBand;          // under the replayed model
    std::optional<HealthBand> storedFirstBand, storedLastBand; // under the stored scores
    int changes = 0;         // band changes under the replayed model
    int daysDiffering = 0;   // days whose band differs from the stored scores
};

struct BacktestResult
{
    int fromDay = 0, toDay = 0;
    QList<BandChange> changes;       // ascending by day, then account
    QList<BacktestAccount> accounts; // by name
    int accountsChangingBand = 0;    // accounts with at least one change under the replay
    int accountsDiffering = 0;       // accounts whose replayed bands differ from the stored ones
    QString error;
};

/**
 * Replays a health model over stored calculated fields and custom metrics, without writing
 * anything: which accounts would have changed band, and when, had the model been in effect.
 * Blocking; run it on a worker thread.
 */
namespace HealthBacktest {
BacktestResult run(QSqlDatabase &db, const HealthModel &model, int fromDay, int toDay);
}
