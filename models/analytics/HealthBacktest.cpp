#include "HealthBacktest.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <map>

BacktestResult HealthBacktest::run(QSqlDatabase &db, const HealthModel &model, int fromDay, int toDay)
{
    BacktestResult result;
    result.fromDay = fromDay;
    result.toDay = toDay;
    const QStringList problems = model.validate();
    if (!problems.isEmpty()) {
        result.error = problems.join(QLatin1Char(' '));
        return result;
    }

    // Custom metrics the model reads: the latest value on or before each day.
    QHash<qint64, QHash<QString, std::map<int, double>>> custom;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT account_id, metric, day, value FROM account_custom_metrics"))) {
        result.error = query.lastError().text();
        return result;
    }
    while (query.next())
        custom[query.value(0).toLongLong()][query.value(1).toString()][query.value(2).toInt()] =
            query.value(3).toDouble();

    QString columns;
    for (const MetricFieldInfo &info : MetricFields::all())
        columns += QStringLiteral(", m.") + QString::fromLatin1(info.column);
    query.prepare(QStringLiteral("SELECT m.account_id, a.name, m.day, h.band") + columns +
                  QStringLiteral(" FROM account_metrics m JOIN accounts a ON a.id = m.account_id "
                                 "LEFT JOIN health_scores h ON h.account_id = m.account_id AND h.day = m.day "
                                 "WHERE m.app_id = 0 AND m.day BETWEEN ? AND ? ORDER BY a.name, m.account_id, m.day"));
    query.addBindValue(fromDay);
    query.addBindValue(toDay);
    if (!query.exec()) {
        result.error = query.lastError().text();
        return result;
    }
    BacktestAccount *current = nullptr;
    std::optional<HealthBand> previous;
    while (query.next()) {
        const qint64 accountId = query.value(0).toLongLong();
        if (!current || current->accountId != accountId) {
            BacktestAccount account;
            account.accountId = accountId;
            account.account = query.value(1).toString();
            result.accounts << account;
            current = &result.accounts.back();
            previous.reset();
        }
        MetricRow row;
        row.accountId = accountId;
        row.day = query.value(2).toInt();
        for (int i = 0; i < metricFieldCount; ++i)
            row.values[std::size_t(i)] =
                query.value(4 + i).isNull() ? MetricRow::missing() : query.value(4 + i).toDouble();
        const auto &metrics = custom.value(accountId);
        const auto lookup = HealthModel::lookupFor(row, [&metrics, &row](const QString &metric) {
            const auto it = metrics.constFind(metric);
            if (it == metrics.cend())
                return MetricRow::missing();
            auto pos = it->upper_bound(row.day);
            return pos == it->begin() ? MetricRow::missing() : std::prev(pos)->second;
        });
        const std::optional<double> score = model.score(lookup);
        if (!score)
            continue;
        const HealthBand band = model.bandOf(*score);
        const std::optional<HealthBand> stored =
            query.value(3).isNull() ? std::nullopt : std::optional<HealthBand>(HealthBand(query.value(3).toInt()));
        if (!current->firstBand)
            current->firstBand = band;
        current->lastBand = band;
        if (stored) {
            if (!current->storedFirstBand)
                current->storedFirstBand = stored;
            current->storedLastBand = stored;
            if (*stored != band)
                ++current->daysDiffering;
        }
        if (previous && *previous != band) {
            ++current->changes;
            result.changes << BandChange{accountId, current->account, row.day, *previous, band, stored};
        }
        previous = band;
    }
    std::sort(result.changes.begin(), result.changes.end(), [](const BandChange &a, const BandChange &b) {
        return a.day != b.day ? a.day < b.day : a.account < b.account;
    });
    for (const BacktestAccount &a : result.accounts) {
        result.accountsChangingBand += a.changes > 0 ? 1 : 0;
        result.accountsDiffering += a.daysDiffering > 0 ? 1 : 0;
    }
    return result;
}
