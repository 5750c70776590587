#pragma once

#include "SetupResult.h"

#include "pendo/RegionProbe.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

/**
 * The logic of the region page: which region (or custom URL) is selected, and the asynchronous
 * checks of the key against it. Verify asks the selected address; Detect asks every offered
 * region at once and selects the first one that accepts the key, dropping the other requests.
 * Both can be canceled, which aborts their requests. Lives on the UI thread; each check owns a
 * RegionProbe that is discarded when the check ends. Holds the key in memory only, never logs it.
 */
class RegionPageController final : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Verifying, Detecting, Verified, Failed, Canceled };
    Q_ENUM(State)

    /** The selection key of the custom URL choice. */
    static QString customKey() { return QStringLiteral("custom"); }

    /** `regionKeys`: the regions to offer and to detect in (default: every built-in region). */
    explicit RegionPageController(RegionTable regions, QStringList regionKeys = {}, QObject *parent = nullptr);
    ~RegionPageController() override;

    QStringList regionKeys() const { return m_regionKeys; }
    QString regionName(const QString &regionKey) const;
    /** The address of a region as a user reads it: "app.eu.pendo.io", or the full URL if overridden. */
    QString regionAddress(const QString &regionKey) const;

    void setKey(const QByteArray &key);
    bool hasKey() const { return !m_key.isEmpty(); }

    /** Selects a region, or customKey(); a finished check's result no longer applies. */
    void selectRegion(const QString &regionKey);
    void setCustomUrlText(const QString &text);
    QString selection() const { return m_selection; }
    QString customUrlText() const { return m_customText; }
    /** Why the custom URL cannot be used, or empty (also while it is empty). */
    QString customUrlProblem() const { return m_customProblem; }
    /** The base URL of the selection, or an empty URL while it is not usable. */
    QUrl selectedBaseUrl() const;

    State state() const { return m_state; }
    bool isBusy() const { return m_state == State::Verifying || m_state == State::Detecting; }
    bool isVerified() const { return m_state == State::Verified; }
    bool canVerify() const { return hasKey() && !isBusy() && !selectedBaseUrl().isEmpty(); }
    bool canDetect() const { return hasKey() && !isBusy() && !m_regionKeys.isEmpty(); }
    bool wasDetected() const { return m_detected; }
    bool writeAccess() const { return m_accepted.writeAccess; }
    /** The failure of the last check (Kind::None unless Failed). */
    const PendoError &error() const { return m_error; }
    /** Every region's answer in the last check, in the order they came. */
    const QList<RegionOutcome> &outcomes() const { return m_outcomes; }

    /** What the page shows about the last or running check: a sentence and what to do next. */
    QString statusMessage() const;
    QString statusHint() const;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setRetryPolicy(const RetryPolicy &policy) { m_retry = policy; }
    void setClock(Clock *clock) { m_clock = clock; }

    /** Copies the verified region, URL and access into the result; false while not verified. */
    bool fill(SetupResult &result) const;

    /** A custom URL as typed ("app.example.com", "https://host/api/v1/") → its base URL, or *problem. */
    static QUrl parseCustomUrl(const QString &text, QString *problem);

public Q_SLOTS:
    void verify();
    void detect();
    void cancel();

Q_SIGNALS:
    void stateChanged(RegionPageController::State state);
    /** The selection or the custom URL changed (also when Detect selects a region). */
    void selectionChanged();
    /** During a check: regions answered, regions asked, and what is going on. */
    void progress(int done, int total, const QString &message);

private:
    RegionProbe *newProbe();
    void discardProbe();
    void onRegionFinished(const RegionOutcome &outcome);
    void onProbeFinished();
    void finishDetection();
    void setState(State state);
    void resetResult();
    QString describe(const QString &regionKey, const QUrl &baseUrl) const;

    const RegionTable m_regions;
    const QStringList m_regionKeys;
    QByteArray m_key;
    QString m_selection;
    QString m_customText;
    QString m_customProblem;
    QUrl m_customUrl;

    State m_state = State::Idle;
    QPointer<RegionProbe> m_probe;
    int m_asked = 0;
    QList<RegionOutcome> m_outcomes;
    RegionOutcome m_accepted;
    PendoError m_error;
    QString m_failureMessage;
    QString m_failureHint;
    bool m_detected = false;

    std::chrono::milliseconds m_timeout{15000};
    RetryPolicy m_retry{2, std::chrono::milliseconds(500), std::chrono::milliseconds(2000), 0.5};
    Clock *m_clock = &Clock::system();
};
