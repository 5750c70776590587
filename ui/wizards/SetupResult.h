#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

/**
 * What the setup wizard collected: where the subscription lives and the key that reads it.
 * A plain value type owned by SetupWizard and filled page by page in validatePage().
 * `integrationKey` is a secret: the caller stores it in the credential store and nowhere else.
 */
struct SetupResult
{
    /** A built-in region key ("us", "us1", "eu", "jp", "au") or "custom" for a custom URL. */
    QString regionKey;
    /** The API base URL the key was verified against (scheme + host [+ port], without /api/v1). */
    QUrl baseUrl;
    QByteArray integrationKey;
    /** Whether Pendo reported write access for the key (a read-only key is enough). */
    bool writeAccess = false;
    /** Whether the region was found by "Detect automatically" rather than chosen. */
    bool detected = false;
    /** Whether the key was accepted at baseUrl during this wizard run. */
    bool verified = false;

    bool isCustomUrl() const { return regionKey == QLatin1String("custom"); }
};
