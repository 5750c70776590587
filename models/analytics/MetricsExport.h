#pragma once

#include "AnalyticsReader.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>

class QIODevice;

/**
 * Writes the calculated fields, health score and band per account, app and day, for
 * `metrics export`: columns `account,app,day,dau,wau,mau,…,health_score,health_band` with the
 * account's external id, `all` or the Pendo app id, and the day as YYYY-MM-DD (the
 * subscription's calendar). An empty cell (JSON null) is a field without a value that day.
 * Sorted by account, app (all first) and day. Reads through the caller's connection.
 */
class MetricsExport final
{
    Q_DECLARE_TR_FUNCTIONS(MetricsExport)
public:
    enum class Format { Csv, Json };

    struct Result
    {
        qint64 rows = 0;
        QString error;
        bool writeFailed = false;
        bool ok() const { return error.isEmpty(); }
    };

    static Result write(QSqlDatabase &db, QIODevice *device, const MetricsExportFilter &filter, Format format);
    static QStringList columns();
    /** A value as exported: integers for counts and days, up to six decimals otherwise; empty when missing. */
    static QString formatValue(MetricField field, double value);
};
