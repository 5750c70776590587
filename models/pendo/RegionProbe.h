#pragma once

#include "Clock.h"
#include "PendoError.h"
#include "Region.h"
#include "RetryPolicy.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class PendoClient;
class PendoCall;

/** What one region said to a key. */
struct RegionOutcome
{
    QString region;
    QUrl baseUrl;
    bool accepted = false;
    bool writeAccess = false;
    PendoError error;
};

/**
 * Tries an integration key against several regions at once (GET /api/v1/token/verify) and
 * reports each region's answer; the one that accepts the key is the subscription's region.
 * Used by the wizard's "Detect automatically", by Verify, and by the doctor. Lives on the thread
 * that creates it; owns one client per region for the duration of the probe.
 */
class RegionProbe final : public QObject
{
    Q_OBJECT

public:
    RegionProbe(RegionTable regions, QByteArray key, QObject *parent = nullptr);

    /** Probes these regions (default: all built-in), or one custom base URL under the key "custom". */
    void start(const QStringList &regionKeys = {});
    void startCustom(const QUrl &baseUrl);
    void cancel();

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setClock(Clock *clock) { m_clock = clock; }

    const QList<RegionOutcome> &outcomes() const { return m_outcomes; }
    /** The accepting region, or nullptr. */
    const RegionOutcome *accepted() const;
    bool isRunning() const { return m_pending > 0; }

Q_SIGNALS:
    void regionFinished(const RegionOutcome &outcome);
    void finished();

private:
    void probe(const QString &key, const QUrl &baseUrl);

    RegionTable m_regions;
    QByteArray m_key;
    std::chrono::milliseconds m_timeout{20000};
    RetryPolicy m_retry{2, std::chrono::milliseconds(500), std::chrono::milliseconds(4000), 0.5};
    Clock *m_clock = &Clock::system();
    QList<RegionOutcome> m_outcomes;
    QList<QPointer<PendoCall>> m_calls;
    int m_pending = 0;
};
