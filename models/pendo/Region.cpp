#include "Region.h"

#include <QHostAddress>

const QList<RegionInfo> &RegionTable::builtIn()
{
    static const QList<RegionInfo> regions = {
        {QStringLiteral("us"), tr("US"), QStringLiteral("app.pendo.io")},
        {QStringLiteral("us1"), tr("US1"), QStringLiteral("us1.app.pendo.io")},
        {QStringLiteral("eu"), tr("Europe"), QStringLiteral("app.eu.pendo.io")},
        {QStringLiteral("jp"), tr("Japan"), QStringLiteral("app.jpn.pendo.io")},
        {QStringLiteral("au"), tr("Australia"), QStringLiteral("app.au.pendo.io")},
    };
    return regions;
}

const RegionInfo *RegionTable::find(const QString &key)
{
    for (const RegionInfo &region : builtIn()) {
        if (region.key == key)
            return &region;
    }
    return nullptr;
}

RegionTable RegionTable::fromEnvironment(QString *error)
{
    RegionTable table;
    const QString spec = qEnvironmentVariable("PENDO_BRIDGE_REGION_URLS");
    QString ignored;
    if (!spec.isEmpty())
        table.applyOverrides(spec, error ? error : &ignored);
    return table;
}

RegionTable RegionTable::fromSettingsAndEnvironment(const QString &settingsSpec, QString *error)
{
    RegionTable table;
    QString problem;
    if (!settingsSpec.isEmpty() && !table.applyOverrides(settingsSpec, &problem))
        problem = tr("workspace setting %1: %2").arg(QStringLiteral("pendo.region_urls"), problem);
    const QString spec = qEnvironmentVariable("PENDO_BRIDGE_REGION_URLS");
    QString environmentProblem;
    if (!spec.isEmpty() && !table.applyOverrides(spec, &environmentProblem) && problem.isEmpty())
        problem = QStringLiteral("PENDO_BRIDGE_REGION_URLS: ") + environmentProblem;
    if (error)
        *error = problem;
    return table;
}

bool RegionTable::applyOverrides(const QString &spec, QString *error)
{
    const QStringList entries = spec.split(u',', Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype eq = entry.indexOf(u'=');
        if (eq <= 0) {
            *error = tr("'%1' is not REGION=URL").arg(entry.trimmed());
            return false;
        }
        if (!setOverride(entry.left(eq).trimmed(), QUrl(entry.mid(eq + 1).trimmed()), error))
            return false;
    }
    return true;
}

bool RegionTable::setOverride(const QString &key, const QUrl &baseUrl, QString *error)
{
    if (!find(key)) {
        *error = tr("unknown region '%1' (known: us, us1, eu, jp, au)").arg(key);
        return false;
    }
    if (!isAcceptableBaseUrl(baseUrl, error))
        return false;
    QUrl normalised = baseUrl.adjusted(QUrl::StripTrailingSlash);
    if (normalised.path() == QLatin1String("/"))
        normalised.setPath(QString());
    m_overrides.insert(key, normalised);
    return true;
}

QUrl RegionTable::baseUrl(const QString &key) const
{
    const auto it = m_overrides.constFind(key);
    if (it != m_overrides.cend())
        return it.value();
    const RegionInfo *region = find(key);
    if (!region)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(region->host);
    return url;
}

QStringList RegionTable::keys() const
{
    QStringList out;
    for (const RegionInfo &region : builtIn())
        out << region.key;
    return out;
}

bool RegionTable::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool RegionTable::isAcceptableBaseUrl(const QUrl &url, QString *error)
{
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("'%1' is not a valid URL").arg(url.toString());
        return false;
    }
    if (url.scheme() == QLatin1String("https"))
        return true;
    if (url.scheme() == QLatin1String("http") && isLoopback(url))
        return true;
    *error = tr("'%1' must use HTTPS (plain HTTP is accepted only for this computer's loopback address)")
                 .arg(url.toString());
    return false;
}
