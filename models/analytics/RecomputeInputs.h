#pragma once

#include "CalculatedFields.h"
#include "HealthModelStore.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>
#include <unordered_map>
#include <vector>

struct sqlite3;

/** A custom metric's values for one account: metric → (day, value) ascending. */
using CustomValues = QHash<QString, std::vector<std::pair<int, double>>>;

/**
 * What a recompute reads besides the activity rows: the apps and synced days, the CS accounts
 * with their seats, the matches that attribute Pendo accounts and visitors to them, the core and
 * first-value events, the health model versions, and the seeds an incremental run starts from.
 * Read on the recompute's thread from its own connection.
 */
struct RecomputeInputs
{
    QList<qint64> apps;
    std::optional<int> firstDay, lastDay; // synced activity (empty: nothing synced yet)
    bool splitApps = true;
    PesStickinessRatio pesStickiness = PesStickinessRatio::DauMau;

    std::vector<qint64> accountIds;          // dense index → accounts.id
    std::vector<int> seats;                  // dense index → licensed seats (0: unknown)
    std::vector<int> accountOfRef;           // pendo_accounts.id → dense index, −1 unmatched
    std::unordered_map<qint64, qint64> contactOfVisitor; // pendo_visitors.id → contacts.id
    std::vector<quint8> itemRole;            // pendo_catalog_items.id → bit 1 core, bit 2 first value
    std::vector<int> coreIndex;              // pendo_catalog_items.id → dense index of a core event, −1 otherwise
    int coreItemCount = 0;
    QHash<qint64, int> coreItemsPerApp;
    QList<HealthModelVersion> models;
    std::vector<CustomValues> custom;        // dense index → its custom metrics (all days)

    static constexpr quint8 coreRole = 1;
    static constexpr quint8 firstValueRole = 2;

    bool read(QSqlDatabase &db, sqlite3 *handle, QString *error);
    int accountIndex(qint64 accountRef) const
    {
        return accountRef >= 0 && std::size_t(accountRef) < accountOfRef.size() ? accountOfRef[std::size_t(accountRef)]
                                                                               : -1;
    }
    quint8 roleOf(qint64 itemRef) const
    {
        return itemRef >= 0 && std::size_t(itemRef) < itemRole.size() ? itemRole[std::size_t(itemRef)] : 0;
    }
    /**
     * A digest of everything but the activity that the derived layer depends on (matches, seats,
     * core and first-value events, app split, the PES ratio, the health model versions): when it
     * differs from the last run's, history changed and an incremental run becomes a full one.
     */
    QByteArray fingerprint() const;
    int coreIndexOf(qint64 itemRef) const
    {
        return itemRef >= 0 && std::size_t(itemRef) < coreIndex.size() ? coreIndex[std::size_t(itemRef)] : -1;
    }
    /** The comma-separated ids of the core and first-value items, for the SQL filter. */
    QByteArray roleItemList() const;
    /** The latest value of a custom metric on or before `day` (NaN when none). */
    double customValue(int account, const QString &metric, int day) const;
};
