#include "RegionProbe.h"

#include "PendoClient.h"

#include <QJsonDocument>
#include <QJsonObject>

RegionProbe::RegionProbe(RegionTable regions, QByteArray key, QObject *parent)
    : QObject(parent)
    , m_regions(std::move(regions))
    , m_key(std::move(key))
{
}

void RegionProbe::start(const QStringList &regionKeys)
{
    const QStringList keys = regionKeys.isEmpty() ? m_regions.keys() : regionKeys;
    m_outcomes.clear();
    m_pending = int(keys.size());
    for (const QString &key : keys)
        probe(key, m_regions.baseUrl(key));
}

void RegionProbe::startCustom(const QUrl &baseUrl)
{
    m_outcomes.clear();
    m_pending = 1;
    probe(QStringLiteral("custom"), baseUrl);
}

void RegionProbe::probe(const QString &key, const QUrl &baseUrl)
{
    ClientConfig config;
    config.baseUrl = baseUrl;
    config.integrationKey = m_key;
    config.timeout = m_timeout;
    config.retry = m_retry;
    auto *client = new PendoClient(config, *m_clock, this);
    PendoCall *call = client->get(QStringLiteral("token/verify"));
    m_calls.append(call);
    connect(call, &PendoCall::finished, this, [this, key, baseUrl, call, client] {
        RegionOutcome outcome;
        outcome.region = key;
        outcome.baseUrl = baseUrl;
        outcome.error = call->error();
        if (!call->error().isError()) {
            const QJsonObject verify = QJsonDocument::fromJson(call->body()).object();
            outcome.accepted = verify.value(QStringLiteral("valid")).toBool();
            outcome.writeAccess = verify.value(QStringLiteral("writeAccess")).toBool();
            if (!outcome.accepted)
                outcome.error = PendoError(PendoError::Kind::InvalidKeyOrRegion, call->httpStatus());
        }
        m_outcomes.append(outcome);
        client->deleteLater();
        Q_EMIT regionFinished(outcome);
        if (--m_pending == 0)
            Q_EMIT finished();
    });
}

void RegionProbe::cancel()
{
    for (const QPointer<PendoCall> &call : std::as_const(m_calls)) {
        if (call)
            call->abort();
    }
    m_calls.clear();
}

const RegionOutcome *RegionProbe::accepted() const
{
    for (const RegionOutcome &outcome : m_outcomes) {
        if (outcome.accepted)
            return &outcome;
    }
    return nullptr;
}
