#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

/** One Pendo region: its key ("us", "eu"…), the name users know and the API host. */
struct RegionInfo
{
    QString key;
    QString name;
    QString host;
};

/**
 * Where each Pendo region's API lives. Built-in hosts, overridable per region (settings, or the
 * PENDO_BRIDGE_REGION_URLS environment variable "us=http://127.0.0.1:5001,eu=…") so tests and
 * proxies can point regions elsewhere. Only HTTPS is accepted, except explicit loopback URLs.
 * A plain value type.
 */
class RegionTable final
{
    Q_DECLARE_TR_FUNCTIONS(RegionTable)
public:
    static const QList<RegionInfo> &builtIn();
    static const RegionInfo *find(const QString &key);

    /** The built-in table with the environment's overrides applied; errors go to *error. */
    static RegionTable fromEnvironment(QString *error = nullptr);
    /**
     * The built-in table with overrides from the workspace's settings ("us=URL,eu=URL"), then
     * from the environment, which wins; errors go to *error.
     */
    static RegionTable fromSettingsAndEnvironment(const QString &settingsSpec, QString *error = nullptr);

    /** Overrides from "key=url,key=url"; false with *error naming the bad entry. */
    bool applyOverrides(const QString &spec, QString *error);
    bool setOverride(const QString &key, const QUrl &baseUrl, QString *error);

    /** The API base URL of a region (scheme + host [+ port]), without /api/v1. */
    QUrl baseUrl(const QString &key) const;
    QStringList keys() const;

    /** Whether a URL may carry the key: HTTPS, or HTTP to a loopback address. */
    static bool isAcceptableBaseUrl(const QUrl &url, QString *error);
    static bool isLoopback(const QUrl &url);

private:
    QHash<QString, QUrl> m_overrides;
};
