#include "RegionPageController.h"

namespace {

/**
 * What to do about a failed key check. PendoError's hints are written for syncs; a few classes
 * mean something else when all we did was ask token/verify.
 */
QString checkHint(const PendoError &error)
{
    switch (error.kind()) {
    case PendoError::Kind::Timeout:
        return RegionPageController::tr("Try again. If it keeps happening, check your network or proxy settings, "
                                        "and that the address is right.");
    case PendoError::Kind::RateLimited:
        return RegionPageController::tr("Wait a minute, then verify again.");
    case PendoError::Kind::NotFound:
    case PendoError::Kind::BadRequest:
    case PendoError::Kind::UnknownStage:
    case PendoError::Kind::Unprocessable:
    case PendoError::Kind::MalformedJson:
        return RegionPageController::tr("This address does not answer like Pendo. Check the custom URL, or choose "
                                        "one of the regions.");
    default:
        break;
    }
    return error.hint();
}

} // namespace

RegionPageController::RegionPageController(RegionTable regions, QStringList regionKeys, QObject *parent)
    : QObject(parent)
    , m_regions(std::move(regions))
    , m_regionKeys(regionKeys.isEmpty() ? m_regions.keys() : std::move(regionKeys))
    , m_selection(m_regionKeys.isEmpty() ? customKey() : m_regionKeys.front())
{
}

RegionPageController::~RegionPageController()
{
    discardProbe();
}

QString RegionPageController::regionName(const QString &regionKey) const
{
    if (regionKey == customKey())
        return tr("Custom URL");
    const RegionInfo *region = RegionTable::find(regionKey);
    return region ? region->name : regionKey;
}

QString RegionPageController::regionAddress(const QString &regionKey) const
{
    const QUrl url = regionKey == customKey() ? m_customUrl : m_regions.baseUrl(regionKey);
    if (url.scheme() == QLatin1String("https") && url.port() == -1 && url.path().isEmpty())
        return url.host();
    return url.toString(QUrl::RemoveUserInfo);
}

QString RegionPageController::describe(const QString &regionKey, const QUrl &baseUrl) const
{
    if (regionKey == customKey())
        return baseUrl.toString(QUrl::RemoveUserInfo);
    return tr("%1 (%2)").arg(regionName(regionKey), regionAddress(regionKey));
}

void RegionPageController::setKey(const QByteArray &key)
{
    if (key == m_key)
        return;
    discardProbe();
    m_key = key;
    resetResult();
    setState(State::Idle);
}

void RegionPageController::selectRegion(const QString &regionKey)
{
    if (regionKey == m_selection || (regionKey != customKey() && !m_regionKeys.contains(regionKey)))
        return;
    discardProbe();
    m_selection = regionKey;
    resetResult();
    setState(State::Idle);
    Q_EMIT selectionChanged();
}

void RegionPageController::setCustomUrlText(const QString &text)
{
    if (text == m_customText)
        return;
    m_customText = text;
    m_customUrl = parseCustomUrl(text, &m_customProblem);
    if (m_selection == customKey()) {
        discardProbe();
        resetResult();
        setState(State::Idle);
    }
    Q_EMIT selectionChanged();
}

QUrl RegionPageController::selectedBaseUrl() const
{
    if (m_selection == customKey())
        return m_customUrl;
    return m_regions.baseUrl(m_selection);
}

QUrl RegionPageController::parseCustomUrl(const QString &text, QString *problem)
{
    problem->clear();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    // People paste a bare host name as often as a full address; a bare host means HTTPS.
    const QString withScheme = trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("https://") + trimmed;
    QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        *problem = tr("“%1” is not a web address.").arg(trimmed);
        return {};
    }
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()) {
        *problem = tr("Enter only the address of the Pendo host, without a user name, “?” or “#” part.");
        return {};
    }
    // Pendo's documentation shows full API addresses; the base URL stops before /api/v1.
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(QLatin1String("/api/v1")))
        path.chop(7);
    url.setPath(path);
    if (url.scheme() == QLatin1String("http") && !RegionTable::isLoopback(url)) {
        *problem = tr("Use an https:// address: the key must never travel unencrypted. Plain http:// is accepted "
                      "only for this computer (localhost).");
        return {};
    }
    QString error;
    if (!RegionTable::isAcceptableBaseUrl(url, &error)) {
        *problem = error;
        return {};
    }
    return url;
}

RegionProbe *RegionPageController::newProbe()
{
    discardProbe();
    resetResult();
    m_probe = new RegionProbe(m_regions, m_key, this);
    m_probe->setTimeout(m_timeout);
    m_probe->setRetryPolicy(m_retry);
    m_probe->setClock(m_clock);
    connect(m_probe, &RegionProbe::regionFinished, this, &RegionPageController::onRegionFinished);
    connect(m_probe, &RegionProbe::finished, this, &RegionPageController::onProbeFinished);
    return m_probe;
}

void RegionPageController::discardProbe()
{
    if (!m_probe)
        return;
    RegionProbe *probe = m_probe;
    m_probe.clear();
    // Aborting finishes the calls synchronously; nobody listens any more.
    disconnect(probe, nullptr, this, nullptr);
    probe->cancel();
    probe->deleteLater();
}

void RegionPageController::verify()
{
    if (!canVerify())
        return;
    const QUrl baseUrl = selectedBaseUrl();
    RegionProbe *probe = newProbe();
    m_asked = 1;
    setState(State::Verifying);
    Q_EMIT progress(0, 1, statusMessage());
    if (m_selection == customKey())
        probe->startCustom(baseUrl);
    else
        probe->start({m_selection});
}

void RegionPageController::detect()
{
    if (!canDetect())
        return;
    RegionProbe *probe = newProbe();
    m_asked = int(m_regionKeys.size());
    setState(State::Detecting);
    Q_EMIT progress(0, m_asked, statusMessage());
    probe->start(m_regionKeys);
}

void RegionPageController::cancel()
{
    if (!isBusy())
        return;
    discardProbe();
    resetResult();
    setState(State::Canceled);
}

void RegionPageController::onRegionFinished(const RegionOutcome &outcome)
{
    m_outcomes.append(outcome);
    if (m_state == State::Detecting) {
        if (outcome.accepted) {
            // The first region that accepts the key is the subscription's; the rest need no answer.
            m_accepted = outcome;
            discardProbe();
            finishDetection();
            return;
        }
        Q_EMIT progress(int(m_outcomes.size()), m_asked, statusMessage());
    }
}

void RegionPageController::onProbeFinished()
{
    discardProbe();
    if (m_state == State::Detecting) {
        finishDetection();
        return;
    }
    if (m_state != State::Verifying)
        return;
    const RegionOutcome outcome = m_outcomes.isEmpty() ? RegionOutcome{} : m_outcomes.constLast();
    if (outcome.accepted) {
        m_accepted = outcome;
        setState(State::Verified);
        return;
    }
    m_error = outcome.error.isError() ? outcome.error : PendoError(PendoError::Kind::InvalidKeyOrRegion);
    m_failureMessage = m_error.message();
    m_failureHint = checkHint(m_error);
    setState(State::Failed);
}

void RegionPageController::finishDetection()
{
    if (m_accepted.accepted) {
        m_detected = true;
        if (m_selection != m_accepted.region) {
            m_selection = m_accepted.region;
            Q_EMIT selectionChanged();
        }
        setState(State::Verified);
        return;
    }
    QStringList unreachable;
    for (const RegionOutcome &outcome : std::as_const(m_outcomes)) {
        if (outcome.error.kind() == PendoError::Kind::InvalidKeyOrRegion)
            continue;
        if (!m_error.isError())
            m_error = outcome.error;
        unreachable << tr("%1: %2").arg(regionName(outcome.region), outcome.error.message());
    }
    if (unreachable.isEmpty()) {
        m_error = PendoError(PendoError::Kind::InvalidKeyOrRegion);
        m_failureMessage = tr("No region accepted the key, so the key itself is wrong: mistyped, revoked or "
                              "deleted.");
        m_failureHint = tr("Copy the key again from Pendo (Settings → Integrations → Integration Keys) or add a new "
                           "one there. If your subscription has an address of its own, enter it as a custom URL.");
    } else {
        m_failureMessage = tr("No region accepted the key, and some could not be asked:") + u'\n'
                           + unreachable.join(u'\n');
        m_failureHint = checkHint(m_error);
    }
    setState(State::Failed);
}

void RegionPageController::resetResult()
{
    m_outcomes.clear();
    m_accepted = {};
    m_error = {};
    m_failureMessage.clear();
    m_failureHint.clear();
    m_detected = false;
    m_asked = 0;
}

void RegionPageController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

QString RegionPageController::statusMessage() const
{
    switch (m_state) {
    case State::Idle:
        return {};
    case State::Verifying:
        return tr("Checking the key with %1…").arg(describe(m_selection, selectedBaseUrl()));
    case State::Detecting:
        return tr("Trying the key in every region at once (%1 of %2 answered)…")
            .arg(m_outcomes.size())
            .arg(m_asked);
    case State::Verified:
        if (m_detected)
            return tr("Found it: your subscription is in %1.").arg(describe(m_accepted.region, m_accepted.baseUrl));
        return tr("Pendo accepted the key in %1.").arg(describe(m_accepted.region, m_accepted.baseUrl));
    case State::Failed:
        return m_failureMessage;
    case State::Canceled:
        return tr("The check was canceled, so nothing is verified yet.");
    }
    return {};
}

QString RegionPageController::statusHint() const
{
    switch (m_state) {
    case State::Verified:
        if (m_accepted.writeAccess)
            return tr("This key may also change data in Pendo. Pendo Bridge only reads, so a read-only key would be "
                      "enough.");
        return tr("The key is read-only, which is all Pendo Bridge needs.");
    case State::Failed:
        return m_failureHint;
    case State::Canceled:
        return tr("Press Verify or Detect automatically to check again.");
    case State::Idle:
    case State::Verifying:
    case State::Detecting:
        break;
    }
    return {};
}

bool RegionPageController::fill(SetupResult &result) const
{
    if (!isVerified())
        return false;
    result.regionKey = m_accepted.region;
    result.baseUrl = m_accepted.baseUrl;
    result.writeAccess = m_accepted.writeAccess;
    result.detected = m_detected;
    result.verified = true;
    return true;
}
