#pragma once

#include "RegionProbe.h"

#include <QJsonObject>
#include <QObject>
#include <QTimeZone>

class PendoClient;

/** What the doctor found out about a key. */
struct DoctorReport
{
    QList<RegionOutcome> regions;
    QString region;       // the accepting region, empty when none
    QUrl baseUrl;
    bool writeAccess = false;
    QList<qint64> apps;   // app ids seen on pages and features (all apps)
    PendoError appsError;
    bool aggregationsOk = false;
    PendoError aggregationsError;
    bool reportsOk = false;
    int reportCount = 0;
    PendoError reportsError;
    QString timeZone;     // best IANA match for the day buckets, e.g. America/New_York
    int winterOffsetSeconds = 0;
    int summerOffsetSeconds = 0;
    bool timeZoneKnown = false;
    PendoError timeZoneError;

    QJsonObject toJson() const;
    /** The first problem that makes the key unusable, or the first failed check; None when all is well. */
    PendoError worstError() const;
};

/**
 * Diagnoses an integration key: which region accepts it, write access, which apps exist,
 * whether aggregations and reports answer, and the subscription's time zone inferred from
 * Pendo's day buckets (which start at local midnight). Asynchronous; lives on its creator's thread.
 */
class KeyDoctor final : public QObject
{
    Q_OBJECT

public:
    KeyDoctor(RegionTable regions, QByteArray key, QObject *parent = nullptr);

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    /** Restricts the region scan (default: every built-in region), or checks one custom URL. */
    void start(const QStringList &regions = {});
    void startCustom(const QUrl &baseUrl);

    const DoctorReport &report() const { return m_report; }

    /** Noon UTC of the most recent 15th of `month` before `nowMs`: a day whose bucket start shows the zone's offset. */
    static qint64 recentMidMonthNoon(qint64 nowMs, int month);
    /** An aggregation request for the day bucket containing `noonMs`. */
    static QJsonObject dayBucketProbe(qint64 noonMs);
    /** The subscription's UTC offset on that day, from the answer's bucket start. */
    static std::optional<int> offsetFromAnswer(const QByteArray &body, qint64 noonMs);
    /** The IANA zone whose offsets on the two dates match; prefers well-known zones. */
    static QString matchTimeZone(qint64 winterDayMs, int winterOffset, qint64 summerDayMs, int summerOffset);

Q_SIGNALS:
    void progress(const QString &message);
    void finished();

private:
    void createProbe();
    void regionsDone();
    void checkAccepted();
    void oneDone();

    RegionTable m_regions;
    QByteArray m_key;
    std::chrono::milliseconds m_timeout{30000};
    RegionProbe *m_probe = nullptr;
    PendoClient *m_client = nullptr;
    DoctorReport m_report;
    int m_pending = 0;
};
