#pragma once

#include "MetricField.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

/** A health band; the order is the order of the bands (red is worst). */
enum class HealthBand : int { Red = 0, Yellow = 1, Green = 2 };

/**
 * One weighted input of a health model: a calculated field (by its column, "mau") or a custom
 * metric ("custom:<source>/<metric>"), turned into 0–100 points by four anchors. Points run
 * linearly between (zeroAt, 0), (yellowAt, 40), (greenAt, 70) and (fullAt, 100) and stay at 0
 * below the first and at 100 beyond the last. Anchors may descend (lower is better, e.g. days
 * since the last activity). So the input is in the red band below yellowAt, yellow from
 * yellowAt and green from greenAt.
 */
struct HealthInput
{
    QString metric;
    double weight = 1.0;
    double zeroAt = 0.0;
    double yellowAt = 0.0;
    double greenAt = 0.0;
    double fullAt = 0.0;

    bool descending() const { return fullAt < zeroAt; }
    /** The points (0–100) a value earns. */
    double points(double value) const;
    /** The smallest value (in the better direction) that earns `points`; nullopt above 100. */
    std::optional<double> valueFor(double points) const;
    friend bool operator==(const HealthInput &, const HealthInput &) = default;
};

/** One input's part in a day's score. */
struct HealthContribution
{
    QString metric;
    QString title;
    bool present = false;     // false: no value that day; the input dropped out
    double value = 0.0;
    double points = 0.0;      // 0–100
    double weight = 0.0;      // the normalised weight among present inputs (sums to 1)
    double contribution = 0.0; // points × weight: the contributions add up to the score
    double lostPoints = 0.0;   // (100 − points) × weight: what the input costs the score
};

/** A way to reach the next band: raise (or lower) one input to a value. */
struct HealthMove
{
    QString metric;
    QString title;
    double from = 0.0;
    double to = 0.0;
};

/** Why an account has its score on a day. */
struct HealthExplanation
{
    bool scored = false; // false: no input had a value
    double score = 0.0;
    HealthBand band = HealthBand::Red;
    QList<HealthContribution> inputs;
    int biggestDrag = -1; // index into inputs: the present input with the most lost points
    /** Each single input that alone would lift the score into the next band (empty when green). */
    QList<HealthMove> toNextBand;
    std::optional<HealthBand> nextBand;
};

/**
 * An admin-defined health score model: weighted inputs, and the score cut-offs of the bands
 * (score < yellowFrom: red; < greenFrom: yellow; else green). A missing input drops out and the
 * weights of the others re-normalise. Value type; any thread. Saved as versions by
 * HealthModelStore.
 */
class HealthModel final
{
    Q_DECLARE_TR_FUNCTIONS(HealthModel)

public:
    QList<HealthInput> inputs;
    double yellowFrom = 40.0;
    double greenFrom = 70.0;

    /** The model a new workspace starts with. */
    static HealthModel defaults();

    HealthBand bandOf(double score) const;
    /** The value of a metric for an input (NaN when it has none). */
    using Lookup = std::function<double(const QString &metric)>;
    /** The score of one day; nullopt when no input has a value. */
    std::optional<double> score(const Lookup &lookup) const;
    /** The same from the inputs' values in the order of `inputs` (NaN: missing); for bulk scoring. */
    std::optional<double> scoreValues(const double *values) const;
    HealthExplanation explain(const Lookup &lookup) const;
    /** Lookup over one MetricRow's calculated fields plus custom metrics by key. */
    static Lookup lookupFor(const MetricRow &row, const std::function<double(const QString &)> &custom = {});

    /** Problems that keep the model from being saved (unknown metric, weights, anchor order). */
    QStringList validate() const;
    QJsonObject toJson() const;
    static std::optional<HealthModel> fromJson(const QJsonObject &json, QString *error);
    /** "MAU", "Licence utilisation", or the custom metric's key without its prefix. */
    static QString metricTitle(const QString &metric);
    static QString bandName(HealthBand band);
    /** The band's key in files and exports (red, yellow, green), and back. */
    static QString bandKey(HealthBand band);
    static std::optional<HealthBand> bandFromKey(const QString &key);
    friend bool operator==(const HealthModel &, const HealthModel &) = default;
};
