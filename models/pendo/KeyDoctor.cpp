#include "KeyDoctor.h"

#include "PendoClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <set>

namespace {

constexpr qint64 hourMs = 3600 * 1000;
constexpr qint64 dayMs = 24 * hourMs;

QString formatOffset(int seconds)
{
    const QChar sign = seconds < 0 ? QChar(0x2212) : u'+';
    const int absolute = std::abs(seconds);
    return QStringLiteral("UTC%1%2:%3")
        .arg(sign)
        .arg(absolute / 3600, 2, 10, QChar(u'0'))
        .arg((absolute % 3600) / 60, 2, 10, QChar(u'0'));
}

QJsonValue errorJson(const PendoError &error)
{
    if (!error.isError())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("code"), error.code()},
                       {QStringLiteral("message"), error.message()},
                       {QStringLiteral("hint"), error.hint()}};
}

} // namespace

/** Noon UTC of the most recent `month`/15 before `nowMs`. */
qint64 KeyDoctor::recentMidMonthNoon(qint64 nowMs, int month)
{
    const QDate today = QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).date();
    QDate date(today.year(), month, 15);
    if (date >= today)
        date = date.addYears(-1);
    return QDateTime(date, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

QJsonObject KeyDoctor::dayBucketProbe(qint64 noonMs)
{
    const QJsonObject source{
        {QStringLiteral("source"),
         QJsonObject{{QStringLiteral("events"), QJsonObject{{QStringLiteral("appId"), QStringLiteral("expandAppIds(\"*\")")}}},
                     {QStringLiteral("timeSeries"), QJsonObject{{QStringLiteral("period"), QStringLiteral("dayRange")},
                                                                {QStringLiteral("first"), noonMs},
                                                                {QStringLiteral("count"), 1}}}}}};
    return QJsonObject{{QStringLiteral("pipeline"), QJsonArray{source, QJsonObject{{QStringLiteral("limit"), 1}}}}};
}

/** The UTC offset of the subscription on the probed day, from its bucket start. */
std::optional<int> KeyDoctor::offsetFromAnswer(const QByteArray &body, qint64 noonMs)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    qint64 bucket = answer.value(QStringLiteral("startTime")).toInteger();
    if (bucket == 0) {
        const QJsonArray rows = answer.value(QStringLiteral("results")).toArray();
        if (rows.isEmpty())
            return std::nullopt;
        bucket = rows.first().toObject().value(QStringLiteral("day")).toInteger();
    }
    const qint64 utcMidnight = noonMs - 12 * hourMs;
    qint64 offset = utcMidnight - bucket;
    while (offset > 14 * hourMs)
        offset -= dayMs;
    while (offset < -12 * hourMs)
        offset += dayMs;
    return int(offset / 1000);
}


QString KeyDoctor::matchTimeZone(qint64 winterDayMs, int winterOffset, qint64 summerDayMs, int summerOffset)
{
    // Zones most subscriptions use come first, so a match among look-alikes is the familiar one.
    static const QList<QByteArray> preferred = {
        "America/New_York", "America/Chicago", "America/Denver", "America/Phoenix", "America/Los_Angeles",
        "America/Anchorage", "Pacific/Honolulu", "America/Toronto", "America/Sao_Paulo", "Europe/London",
        "Europe/Dublin", "Europe/Lisbon", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam", "Europe/Helsinki",
        "Europe/Istanbul", "Asia/Dubai", "Asia/Kolkata", "Asia/Singapore", "Asia/Shanghai", "Asia/Tokyo",
        "Australia/Brisbane", "Australia/Sydney", "Australia/Adelaide", "Australia/Perth", "Pacific/Auckland", "UTC",
    };
    const QDateTime winter = QDateTime::fromMSecsSinceEpoch(winterDayMs, QTimeZone::utc());
    const QDateTime summer = QDateTime::fromMSecsSinceEpoch(summerDayMs, QTimeZone::utc());
    const auto matches = [&](const QByteArray &id) {
        const QTimeZone zone(id);
        return zone.isValid() && zone.offsetFromUtc(winter) == winterOffset && zone.offsetFromUtc(summer) == summerOffset;
    };
    for (const QByteArray &id : preferred) {
        if (matches(id))
            return QString::fromLatin1(id);
    }
    QList<QByteArray> all = QTimeZone::availableTimeZoneIds();
    std::sort(all.begin(), all.end());
    for (const QByteArray &id : std::as_const(all)) {
        if (id.contains('/') && !id.startsWith("Etc/") && matches(id))
            return QString::fromLatin1(id);
    }
    return formatOffset(winterOffset);
}

KeyDoctor::KeyDoctor(RegionTable regions, QByteArray key, QObject *parent)
    : QObject(parent)
    , m_regions(std::move(regions))
    , m_key(std::move(key))
{
}

void KeyDoctor::createProbe()
{
    m_probe = new RegionProbe(m_regions, m_key, this);
    m_probe->setTimeout(m_timeout);
    connect(m_probe, &RegionProbe::finished, this, &KeyDoctor::regionsDone);
}

void KeyDoctor::start(const QStringList &regions)
{
    createProbe();
    Q_EMIT progress(tr("Trying the key in every region…"));
    m_probe->start(regions);
}

void KeyDoctor::startCustom(const QUrl &baseUrl)
{
    createProbe();
    Q_EMIT progress(tr("Trying the key at %1…").arg(baseUrl.toString()));
    m_probe->startCustom(baseUrl);
}

void KeyDoctor::regionsDone()
{
    m_report.regions = m_probe->outcomes();
    std::sort(m_report.regions.begin(), m_report.regions.end(),
              [this](const RegionOutcome &a, const RegionOutcome &b) {
                  return m_regions.keys().indexOf(a.region) < m_regions.keys().indexOf(b.region);
              });
    const RegionOutcome *accepted = m_probe->accepted();
    if (!accepted) {
        Q_EMIT finished();
        return;
    }
    m_report.region = accepted->region;
    m_report.baseUrl = accepted->baseUrl;
    m_report.writeAccess = accepted->writeAccess;
    checkAccepted();
}

void KeyDoctor::checkAccepted()
{
    ClientConfig config;
    config.baseUrl = m_report.baseUrl;
    config.integrationKey = m_key;
    config.timeout = m_timeout;
    config.retry.maxAttempts = 3;
    config.retry.baseDelay = std::chrono::milliseconds(500);
    m_client = new PendoClient(config, Clock::system(), this);
    Q_EMIT progress(tr("Checking apps, aggregations, reports and the time zone in %1…").arg(m_report.region));

    const auto track = [this](PendoCall *call, std::function<void(PendoCall *)> handle) {
        ++m_pending;
        connect(call, &PendoCall::finished, this, [this, call, handle = std::move(handle)] {
            handle(call);
            call->deleteLater();
            oneDone();
        });
    };

    auto apps = std::make_shared<std::set<qint64>>();
    const QUrlQuery all(QStringLiteral("expand=*"));
    for (const QString &list : {QStringLiteral("page"), QStringLiteral("feature")}) {
        track(m_client->get(list, all), [this, apps](PendoCall *call) {
            if (call->error().isError()) {
                m_report.appsError = call->error();
                return;
            }
            const QJsonArray items = QJsonDocument::fromJson(call->body()).array();
            for (const QJsonValue &item : items)
                apps->insert(item.toObject().value(QStringLiteral("appId")).toInteger());
            m_report.apps = QList<qint64>(apps->begin(), apps->end());
        });
    }

    const QJsonObject accountsProbe{
        {QStringLiteral("pipeline"),
         QJsonArray{QJsonObject{{QStringLiteral("source"), QJsonObject{{QStringLiteral("accounts"), QJsonValue::Null}}}},
                    QJsonObject{{QStringLiteral("limit"), 1}}}}};
    track(m_client->aggregate(accountsProbe), [this](PendoCall *call) {
        m_report.aggregationsOk = !call->error().isError();
        m_report.aggregationsError = call->error();
    });

    track(m_client->get(QStringLiteral("report")), [this](PendoCall *call) {
        m_report.reportsOk = !call->error().isError();
        m_report.reportsError = call->error();
        if (m_report.reportsOk)
            m_report.reportCount = int(QJsonDocument::fromJson(call->body()).array().size());
    });

    const qint64 now = m_client->clock().nowMs();
    const qint64 winterNoon = recentMidMonthNoon(now, 1);
    const qint64 summerNoon = recentMidMonthNoon(now, 7);
    auto offsets = std::make_shared<std::pair<std::optional<int>, std::optional<int>>>();
    const auto probeDay = [this, track, offsets, winterNoon, summerNoon](qint64 noon, bool winter) {
        track(m_client->aggregate(dayBucketProbe(noon)), [this, offsets, noon, winter, winterNoon, summerNoon](PendoCall *call) {
            if (call->error().isError()) {
                m_report.timeZoneError = call->error();
                return;
            }
            (winter ? offsets->first : offsets->second) = offsetFromAnswer(call->body(), noon);
            if (offsets->first && offsets->second) {
                m_report.winterOffsetSeconds = *offsets->first;
                m_report.summerOffsetSeconds = *offsets->second;
                m_report.timeZone = matchTimeZone(winterNoon, *offsets->first, summerNoon, *offsets->second);
                m_report.timeZoneKnown = true;
            }
        });
    };
    probeDay(winterNoon, true);
    probeDay(summerNoon, false);
}

void KeyDoctor::oneDone()
{
    if (--m_pending == 0)
        Q_EMIT finished();
}

PendoError DoctorReport::worstError() const
{
    if (region.isEmpty()) {
        // A refusal says more than an unreachable region: the key reached Pendo somewhere.
        for (const RegionOutcome &outcome : regions) {
            if (outcome.error.kind() == PendoError::Kind::InvalidKeyOrRegion
                || outcome.error.kind() == PendoError::Kind::Unauthorized)
                return outcome.error;
        }
        return regions.isEmpty() ? PendoError(PendoError::Kind::NetworkError) : regions.first().error;
    }
    for (const PendoError &error : {appsError, aggregationsError, reportsError, timeZoneError}) {
        if (error.isError())
            return error;
    }
    return {};
}

QJsonObject DoctorReport::toJson() const
{
    QJsonObject perRegion;
    for (const RegionOutcome &outcome : regions) {
        perRegion.insert(outcome.region,
                         QJsonObject{{QStringLiteral("url"), outcome.baseUrl.toString()},
                                     {QStringLiteral("accepted"), outcome.accepted},
                                     {QStringLiteral("outcome"), outcome.accepted ? QStringLiteral("accepted")
                                                                                  : outcome.error.code()},
                                     {QStringLiteral("error"), errorJson(outcome.accepted ? PendoError() : outcome.error)}});
    }
    QJsonArray appList;
    for (qint64 app : apps)
        appList.append(app);
    return QJsonObject{
        {QStringLiteral("ok"), !region.isEmpty() && !worstError().isError()},
        {QStringLiteral("region"), region.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(region)},
        {QStringLiteral("baseUrl"), region.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(baseUrl.toString())},
        {QStringLiteral("writeAccess"), writeAccess},
        {QStringLiteral("apps"), appList},
        {QStringLiteral("aggregations"), QJsonObject{{QStringLiteral("ok"), aggregationsOk},
                                                     {QStringLiteral("error"), errorJson(aggregationsError)}}},
        {QStringLiteral("reports"), QJsonObject{{QStringLiteral("ok"), reportsOk},
                                                {QStringLiteral("count"), reportCount},
                                                {QStringLiteral("error"), errorJson(reportsError)}}},
        {QStringLiteral("timezone"), timeZoneKnown ? QJsonValue(timeZone) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("utcOffsets"), timeZoneKnown ? QJsonValue(QJsonObject{{QStringLiteral("january"), formatOffset(winterOffsetSeconds)},
                                                                               {QStringLiteral("july"), formatOffset(summerOffsetSeconds)}})
                                                     : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("regions"), perRegion},
    };
}
