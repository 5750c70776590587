#include "AnalyticsReader.h"

#include "HealthModelStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

/** Runs a query; on failure sets *error and returns false. */
bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

double orMissing(const QVariant &v)
{
    return v.isNull() ? MetricRow::missing() : v.toDouble();
}

const QString metricColumns = [] {
    QStringList columns;
    for (const MetricFieldInfo &info : MetricFields::all())
        columns << QString::fromLatin1(info.column);
    return columns.join(QStringLiteral(", "));
}();

void readMetrics(const QSqlQuery &query, int first, MetricRow &row)
{
    for (int i = 0; i < metricFieldCount; ++i)
        row.values[std::size_t(i)] = orMissing(query.value(first + i));
}

/** The portfolio's SELECT; `where` narrows it (one account for the account view). */
QString portfolioSql(const QString &where)
{
    return QStringLiteral(
               "SELECT a.id, a.external_id, a.name, COALESCE(a.owner, ''), COALESCE(s.name, ''), a.renewal_date, "
               "a.arr, h.score, h.band, h7.score, h30.score, m.mau, m.wau, m.wau_mau, m.pes, m.licence_utilisation, "
               "ms.last_active_day "
               "FROM accounts a "
               "LEFT JOIN lifecycle_stages s ON s.id = a.lifecycle_stage_id "
               "LEFT JOIN account_metrics m ON m.account_id = a.id AND m.app_id = 0 AND m.day = :day "
               "LEFT JOIN health_scores h ON h.account_id = a.id AND h.day = :day "
               "LEFT JOIN health_scores h7 ON h7.account_id = a.id AND h7.day = :day - 7 "
               "LEFT JOIN health_scores h30 ON h30.account_id = a.id AND h30.day = :day - 30 "
               "LEFT JOIN account_milestones ms ON ms.account_id = a.id AND ms.app_id = 0 ") +
           where + QStringLiteral(" ORDER BY a.name, a.id");
}

PortfolioRow portfolioRow(const QSqlQuery &q)
{
    PortfolioRow row;
    row.accountId = q.value(0).toLongLong();
    row.externalId = q.value(1).toString();
    row.name = q.value(2).toString();
    row.owner = q.value(3).toString();
    row.stage = q.value(4).toString();
    row.renewalDate = QDate::fromString(q.value(5).toString(), Qt::ISODate);
    if (!q.value(6).isNull())
        row.arr = q.value(6).toDouble();
    if (!q.value(7).isNull()) {
        row.score = q.value(7).toDouble();
        row.band = HealthBand(q.value(8).toInt());
        if (!q.value(9).isNull())
            row.scoreDelta7 = *row.score - q.value(9).toDouble();
        if (!q.value(10).isNull())
            row.scoreDelta30 = *row.score - q.value(10).toDouble();
    }
    row.mau = q.value(11).toDouble();
    row.wau = q.value(12).toDouble();
    row.stickiness = orMissing(q.value(13));
    row.pes = orMissing(q.value(14));
    row.licenceUtilisation = orMissing(q.value(15));
    if (!q.value(16).isNull())
        row.lastActiveDay = q.value(16).toInt();
    return row;
}

} // namespace

int AnalyticsReader::lastComputedDay(QSqlDatabase &db)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT MAX(to_day) FROM analytics_runs WHERE status = 'completed'"));
    if (!query.exec() || !query.next())
        return 0;
    return query.value(0).toInt();
}

QList<PortfolioRow> AnalyticsReader::portfolio(QSqlDatabase &db, QString *error)
{
    QList<PortfolioRow> rows;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(portfolioSql({}));
    query.bindValue(QStringLiteral(":day"), lastComputedDay(db));
    if (!run(query, error))
        return rows;
    while (query.next())
        rows << portfolioRow(query);
    return rows;
}

HealthModel AnalyticsReader::currentModel(QSqlDatabase &db, int *version)
{
    const QList<HealthModelVersion> versions = HealthModelStore::versions(db);
    if (version)
        *version = versions.back().version;
    return versions.back().model;
}

QList<ModelChange> AnalyticsReader::modelVersions(QSqlDatabase &db)
{
    QList<ModelChange> out;
    for (const HealthModelVersion &v : HealthModelStore::versions(db))
        out << ModelChange{v.version, v.effectiveDay, v.summary};
    return out;
}

QStringList AnalyticsReader::customMetricKeys(QSqlDatabase &db)
{
    QStringList keys;
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT DISTINCT metric FROM account_custom_metrics ORDER BY metric")))
        while (query.next())
            keys << query.value(0).toString();
    return keys;
}

AccountDetail AnalyticsReader::accountDetail(QSqlDatabase &db, qint64 accountId, QString *error)
{
    AccountDetail detail;
    detail.lastDay = lastComputedDay(db);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(portfolioSql(QStringLiteral("WHERE a.id = :account")));
    query.bindValue(QStringLiteral(":day"), detail.lastDay);
    query.bindValue(QStringLiteral(":account"), accountId);
    if (!run(query, error) || !query.next())
        return detail;
    detail.found = true;
    detail.summary = portfolioRow(query);

    query.prepare(QStringLiteral("SELECT day, ") + metricColumns +
                  QStringLiteral(" FROM account_metrics WHERE account_id = ? AND app_id = 0 ORDER BY day"));
    query.addBindValue(accountId);
    if (!run(query, error))
        return detail;
    while (query.next()) {
        MetricRow row;
        row.accountId = accountId;
        row.day = query.value(0).toInt();
        readMetrics(query, 1, row);
        detail.series << row;
    }

    query.prepare(QStringLiteral("SELECT day, score, band, model_version FROM health_scores WHERE account_id = ? "
                                 "ORDER BY day"));
    query.addBindValue(accountId);
    if (!run(query, error))
        return detail;
    while (query.next())
        detail.health << HealthPoint{query.value(0).toInt(), query.value(1).toDouble(),
                                     HealthBand(query.value(2).toInt()), query.value(3).toInt()};

    const QList<HealthModelVersion> versions = HealthModelStore::versions(db);
    for (const HealthModelVersion &v : versions)
        if (v.version > 0 && !detail.health.isEmpty() && v.effectiveDay > detail.health.front().day)
            detail.modelChanges << ModelChange{v.version, v.effectiveDay, v.summary};

    query.prepare(QStringLiteral("SELECT first_value_day FROM account_milestones WHERE account_id = ? AND app_id = 0"));
    query.addBindValue(accountId);
    if (!run(query, error))
        return detail;
    if (query.next() && !query.value(0).isNull())
        detail.firstValueDay = query.value(0).toInt();

    query.prepare(QStringLiteral("SELECT i.name, i.kind, i.is_core, u.events_30d, u.visitors_30d, u.last_used_day "
                                 "FROM account_item_usage u JOIN pendo_catalog_items i ON i.id = u.item_ref "
                                 "WHERE u.account_id = ? ORDER BY u.events_30d DESC, i.name"));
    query.addBindValue(accountId);
    if (!run(query, error))
        return detail;
    while (query.next())
        detail.items << ItemUsage{query.value(0).toString(), query.value(1).toString(), query.value(2).toBool(),
                                  query.value(3).toLongLong(), query.value(4).toInt(), query.value(5).toInt()};

    query.prepare(QStringLiteral("SELECT c.id, COALESCE(c.name, ''), COALESCE(c.email, ''), ca.last_seen_day, "
                                 "COALESCE(ca.active_days_30d, 0), COALESCE(ca.events_30d, 0), "
                                 "COALESCE(ca.minutes_30d, 0) FROM contacts c "
                                 "LEFT JOIN contact_activity ca ON ca.contact_id = c.id AND ca.app_id = 0 "
                                 "WHERE c.account_id = ? "
                                 "ORDER BY ca.last_seen_day IS NULL, ca.last_seen_day DESC, c.name"));
    query.addBindValue(accountId);
    if (!run(query, error))
        return detail;
    while (query.next()) {
        ContactUsage c;
        c.contactId = query.value(0).toLongLong();
        c.name = query.value(1).toString();
        c.email = query.value(2).toString();
        if (!query.value(3).isNull())
            c.lastSeenDay = query.value(3).toInt();
        c.activeDays30d = query.value(4).toInt();
        c.events30d = query.value(5).toLongLong();
        c.minutes30d = query.value(6).toLongLong();
        detail.contacts << c;
    }

    query.prepare(QStringLiteral("SELECT metric, day, value FROM account_custom_metrics WHERE account_id = ? "
                                 "ORDER BY metric, day"));
    query.addBindValue(accountId);
    if (!run(query, error))
        return detail;
    while (query.next()) {
        const QString metric = query.value(0).toString();
        if (detail.customMetrics.isEmpty() || detail.customMetrics.back().metric != metric)
            detail.customMetrics << CustomSeries{metric, {}};
        detail.customMetrics.back().points << qMakePair(query.value(1).toInt(), query.value(2).toDouble());
    }

    // The explanation of the last day, by the model that scores it.
    if (!detail.series.isEmpty()) {
        const MetricRow &last = detail.series.back();
        const HealthModelVersion &version = HealthModelStore::inEffect(versions, last.day);
        const auto custom = [&detail, &last](const QString &metric) {
            for (const CustomSeries &series : detail.customMetrics)
                if (series.metric == metric) {
                    double value = MetricRow::missing();
                    for (const auto &[day, v] : series.points)
                        if (day <= last.day)
                            value = v;
                    return value;
                }
            return MetricRow::missing();
        };
        detail.explanation = version.model.explain(HealthModel::lookupFor(last, custom));
    }
    return detail;
}

bool AnalyticsReader::exportRows(QSqlDatabase &db, const MetricsExportFilter &filter,
                                 const std::function<void(const ExportRow &)> &visit, QString *error)
{
    QString where = QStringLiteral("WHERE 1 = 1");
    if (!filter.accountExternalId.isEmpty())
        where += QStringLiteral(" AND a.external_id = :account");
    if (filter.fromDay)
        where += QStringLiteral(" AND m.day >= :from");
    if (filter.toDay)
        where += QStringLiteral(" AND m.day <= :to");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT a.external_id, m.app_id, m.day, ") + metricColumns +
                  QStringLiteral(", h.score, h.band FROM account_metrics m JOIN accounts a ON a.id = m.account_id "
                                 "LEFT JOIN health_scores h ON h.account_id = m.account_id AND h.day = m.day "
                                 "AND m.app_id = 0 ") +
                  where + QStringLiteral(" ORDER BY a.external_id, m.app_id <> 0, m.app_id, m.day"));
    if (!filter.accountExternalId.isEmpty())
        query.bindValue(QStringLiteral(":account"), filter.accountExternalId);
    if (filter.fromDay)
        query.bindValue(QStringLiteral(":from"), *filter.fromDay);
    if (filter.toDay)
        query.bindValue(QStringLiteral(":to"), *filter.toDay);
    if (!run(query, error))
        return false;
    ExportRow row;
    while (query.next()) {
        row.account = query.value(0).toString();
        const qint64 app = query.value(1).toLongLong();
        row.app = app == 0 ? QStringLiteral("all") : QString::number(app);
        row.metrics.appId = app;
        row.metrics.day = query.value(2).toInt();
        readMetrics(query, 3, row.metrics);
        const int scoreColumn = 3 + metricFieldCount;
        row.score = query.value(scoreColumn).isNull() ? std::nullopt
                                                      : std::optional<double>(query.value(scoreColumn).toDouble());
        row.band = query.value(scoreColumn + 1).isNull()
                       ? std::nullopt
                       : std::optional<HealthBand>(HealthBand(query.value(scoreColumn + 1).toInt()));
        visit(row);
    }
    return true;
}
