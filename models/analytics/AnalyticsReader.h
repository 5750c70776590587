#pragma once

#include "HealthModel.h"
#include "MetricField.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

/** One row of the portfolio table: an account as of the last computed day. */
struct PortfolioRow
{
    qint64 accountId = 0;
    QString externalId;
    QString name;
    QString owner;
    QString stage; // lifecycle stage name, empty when none
    std::optional<double> score;
    HealthBand band = HealthBand::Red;
    std::optional<double> scoreDelta7;  // score − the score 7 days earlier
    std::optional<double> scoreDelta30; // score − the score 30 days earlier
    double mau = 0, wau = 0;
    double stickiness = MetricRow::missing(); // WAU/MAU
    double pes = MetricRow::missing();
    double licenceUtilisation = MetricRow::missing();
    std::optional<int> lastActiveDay; // Julian day
    QDate renewalDate;
    std::optional<double> arr;
};

/** A point of a health trend: the score and band of a day, and the model version that gave it. */
struct HealthPoint
{
    int day = 0;
    double score = 0;
    HealthBand band = HealthBand::Red;
    int modelVersion = 0;
};

/** A health model version as the trend chart marks it. */
struct ModelChange
{
    int version = 0;
    int effectiveDay = 0;
    QString summary;
};

/** Use of one feature or page by an account in the last 30 days. */
struct ItemUsage
{
    QString name;
    QString kind; // "feature" or "page"
    bool core = false;
    qint64 events30d = 0;
    int visitors30d = 0;
    int lastUsedDay = 0;
};

/** One contact of the account with its activity. */
struct ContactUsage
{
    qint64 contactId = 0;
    QString name;
    QString email;
    std::optional<int> lastSeenDay;
    int activeDays30d = 0;
    qint64 events30d = 0;
    qint64 minutes30d = 0;
};

/** A custom metric's series for one account. */
struct CustomSeries
{
    QString metric; // "<source>/<metric>"
    QList<QPair<int, double>> points; // (day, value), ascending
};

/** Everything the account view shows, read in one go on a worker thread. */
struct AccountDetail
{
    bool found = false;
    PortfolioRow summary;
    int lastDay = 0;                  // the last computed day
    std::optional<int> firstValueDay; // first-value date, if reached
    QList<MetricRow> series;          // all apps together, ascending by day
    QList<HealthPoint> health;        // ascending by day
    QList<ModelChange> modelChanges;  // versions after the first, by effective day
    QList<ItemUsage> items;           // most used first
    QList<ContactUsage> contacts;     // most recently seen first
    QList<CustomSeries> customMetrics;
    HealthExplanation explanation; // of the last computed day, by the current model
};

/** What `metrics export` writes and which rows. */
struct MetricsExportFilter
{
    QString accountExternalId; // empty: every account
    std::optional<int> fromDay, toDay;
};

/**
 * Reads the derived layer for the dashboards and exports. Stateless functions over a reading
 * connection; run them on a worker thread (the account view reads in one go, a few ms). The
 * day is always a Julian day in the subscription's time zone; QDate::fromJulianDay shows it.
 */
namespace AnalyticsReader {
/** The last day with calculated fields (0 when nothing was computed yet). */
int lastComputedDay(QSqlDatabase &db);
QList<PortfolioRow> portfolio(QSqlDatabase &db, QString *error = nullptr);
AccountDetail accountDetail(QSqlDatabase &db, qint64 accountId, QString *error = nullptr);
/** The current health model (the newest version) and its version number (0: none saved yet). */
HealthModel currentModel(QSqlDatabase &db, int *version = nullptr);
QList<ModelChange> modelVersions(QSqlDatabase &db);
/** The custom metrics that landed on accounts ("<source>/<metric>"), sorted. */
QStringList customMetricKeys(QSqlDatabase &db);

/** Rows for `metrics export`, by account external id then day; `visit` gets each in turn. */
struct ExportRow
{
    QString account; // external id
    QString app;     // "all" or the Pendo app id
    MetricRow metrics;
    std::optional<double> score;
    std::optional<HealthBand> band;
};
bool exportRows(QSqlDatabase &db, const MetricsExportFilter &filter,
                const std::function<void(const ExportRow &)> &visit, QString *error);
} // namespace AnalyticsReader
