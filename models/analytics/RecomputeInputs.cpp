#include "RecomputeInputs.h"

#include "store/NativeStatement.h"
#include "sync/ConfigStore.h"
#include "sync/IntegrationConfig.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

/** The apps with activity rows, by seeking the primary key (kind, app_id, …) from app to app. */
bool readApps(sqlite3 *db, QList<qint64> *apps, QString *error)
{
    NativeStatement first(db, "SELECT app_id FROM pendo_activity WHERE kind = 0 ORDER BY app_id LIMIT 1");
    NativeStatement next(db, "SELECT app_id FROM pendo_activity WHERE kind = 0 AND app_id > ? ORDER BY app_id LIMIT 1");
    if (!first.ok() || !next.ok()) {
        *error = first.error().message();
        return false;
    }
    if (!first.next())
        return !first.failed();
    qint64 app = first.integer(0);
    first.reset();
    for (;;) {
        *apps << app;
        next.bind(1, app);
        if (!next.next()) {
            const bool failed = next.failed();
            next.reset();
            if (failed)
                *error = next.error().message();
            return !failed;
        }
        app = next.integer(0);
        next.reset();
    }
}

bool readDayRange(sqlite3 *db, const QList<qint64> &apps, std::optional<int> *firstDay, std::optional<int> *lastDay,
                  QString *error)
{
    NativeStatement range(db, "SELECT MIN(day), MAX(day) FROM pendo_activity WHERE kind = 0 AND app_id = ?");
    if (!range.ok()) {
        *error = range.error().message();
        return false;
    }
    for (const qint64 app : apps) {
        range.bind(1, app);
        if (range.next() && !range.isNull(0)) {
            const int lo = int(range.integer(0));
            const int hi = int(range.integer(1));
            *firstDay = *firstDay ? std::min(**firstDay, lo) : lo;
            *lastDay = *lastDay ? std::max(**lastDay, hi) : hi;
        }
        range.reset();
    }
    return true;
}

} // namespace

bool RecomputeInputs::read(QSqlDatabase &db, sqlite3 *handle, QString *error)
{
    if (!readApps(handle, &apps, error) || !readDayRange(handle, apps, &firstDay, &lastDay, error))
        return false;

    const IntegrationConfig config = ConfigStore::current(db, error);
    if (error && !error->isEmpty())
        return false;
    splitApps = false;
    for (const StreamMapping &stream : config.streams)
        splitApps = splitApps || (stream.enabled && stream.apps == AppMode::Split);
    switch (config.pes.stickiness) {
    case Stickiness::DauMau:
        pesStickiness = PesStickinessRatio::DauMau;
        break;
    case Stickiness::WauMau:
        pesStickiness = PesStickinessRatio::WauMau;
        break;
    case Stickiness::DauWau:
        pesStickiness = PesStickinessRatio::DauWau;
        break;
    }

    QSqlQuery query(db);
    const auto run = [&](const QString &sql) {
        if (query.exec(sql))
            return true;
        *error = query.lastError().text();
        return false;
    };

    // CS accounts, dense.
    if (!run(QStringLiteral("SELECT id, COALESCE(licensed_seats, 0) FROM accounts ORDER BY id")))
        return false;
    QHash<qint64, int> indexOf;
    while (query.next()) {
        indexOf.insert(query.value(0).toLongLong(), int(accountIds.size()));
        accountIds.push_back(query.value(0).toLongLong());
        seats.push_back(query.value(1).toInt());
    }
    // Pendo accounts matched to them.
    if (!run(QStringLiteral("SELECT pendo_ref, cs_id FROM match_resolutions "
                            "WHERE object = 'account' AND status = 'matched' ORDER BY pendo_ref")))
        return false;
    while (query.next()) {
        const qint64 ref = query.value(0).toLongLong();
        const auto it = indexOf.constFind(query.value(1).toLongLong());
        if (it == indexOf.cend() || ref < 0)
            continue;
        if (accountOfRef.size() <= std::size_t(ref))
            accountOfRef.resize(std::size_t(ref) + 1, -1);
        accountOfRef[std::size_t(ref)] = *it;
    }
    if (!run(QStringLiteral("SELECT pendo_ref, cs_id FROM match_resolutions "
                            "WHERE object = 'contact' AND status = 'matched'")))
        return false;
    while (query.next())
        contactOfVisitor.emplace(query.value(0).toLongLong(), query.value(1).toLongLong());

    // Core events (Pendo's flags or the configured list) and first-value events: features and pages.
    QSet<QString> coreRefs, valueRefs;
    for (const EventRef &ref : config.pes.coreEvents)
        coreRefs.insert(ref.kind + QLatin1Char('/') + ref.id);
    for (const EventRef &ref : config.firstValueEvents)
        valueRefs.insert(ref.kind + QLatin1Char('/') + ref.id);
    if (!run(QStringLiteral("SELECT id, kind, pendo_id, COALESCE(app_id, 0), is_core FROM pendo_catalog_items "
                            "WHERE kind IN ('feature', 'page') AND deleted_at IS NULL")))
        return false;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        const QString ref = query.value(1).toString() + QLatin1Char('/') + query.value(2).toString();
        const bool core = config.pes.usePendoCoreEvents ? query.value(4).toBool() : coreRefs.contains(ref);
        quint8 role = 0;
        if (core)
            role |= coreRole;
        if (valueRefs.contains(ref))
            role |= firstValueRole;
        if (!role)
            continue;
        if (itemRole.size() <= std::size_t(id)) {
            itemRole.resize(std::size_t(id) + 1, 0);
            coreIndex.resize(std::size_t(id) + 1, -1);
        }
        itemRole[std::size_t(id)] = role;
        if (core) {
            ++coreItemsPerApp[query.value(3).toLongLong()];
            coreIndex[std::size_t(id)] = coreItemCount++;
        }
    }

    models = HealthModelStore::versions(db, error);
    if (error && !error->isEmpty())
        return false;

    // Custom metrics of accounts, resolved through the account matches (several Pendo accounts of
    // one CS account add up).
    custom.resize(accountIds.size());
    if (!run(QStringLiteral("SELECT p.id, m.source || '/' || m.metric, m.day, m.value FROM pendo_metric_values m "
                            "JOIN pendo_accounts p ON p.account_id = m.object_key "
                            "WHERE m.object = 'account' AND m.value IS NOT NULL ORDER BY m.day")))
        return false;
    while (query.next()) {
        const int account = accountIndex(query.value(0).toLongLong());
        if (account < 0)
            continue;
        auto &series = custom[std::size_t(account)][query.value(1).toString()];
        const int day = query.value(2).toInt();
        const double value = query.value(3).toDouble();
        if (!series.empty() && series.back().first == day)
            series.back().second += value;
        else
            series.emplace_back(day, value);
    }
    return true;
}

QByteArray RecomputeInputs::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const auto add = [&hash](const auto &values) {
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(values.data()),
                                    qsizetype(values.size() * sizeof(values[0]))));
    };
    add(accountIds);
    add(seats);
    add(accountOfRef);
    add(itemRole);
    // kFieldsVersion: the calculated fields themselves; a release that adds one recomputes everything.
    constexpr int kFieldsVersion = 2;
    const int flags[] = {kFieldsVersion, splitApps ? 1 : 0, int(pesStickiness), int(models.size()), models.back().version};
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(flags), sizeof flags));
    for (const HealthModelVersion &v : models)
        hash.addData(QByteArray::number(v.effectiveDay));
    return hash.result().toHex();
}

QByteArray RecomputeInputs::roleItemList() const
{
    QByteArray list;
    for (std::size_t id = 0; id < itemRole.size(); ++id)
        if (itemRole[id]) {
            if (!list.isEmpty())
                list += ',';
            list += QByteArray::number(qulonglong(id));
        }
    return list;
}

double RecomputeInputs::customValue(int account, const QString &metric, int day) const
{
    const CustomValues &values = custom[std::size_t(account)];
    const auto it = values.constFind(metric);
    if (it == values.cend())
        return MetricRow::missing();
    const auto &series = *it;
    auto pos = std::upper_bound(series.begin(), series.end(), day,
                                [](int d, const std::pair<int, double> &p) { return d < p.first; });
    if (pos == series.begin())
        return MetricRow::missing();
    return std::prev(pos)->second;
}
