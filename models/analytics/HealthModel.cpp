#include "HealthModel.h"

#include <QJsonArray>

#include <algorithm>
#include <array>
#include <vector>

namespace {

const QString customPrefix = QStringLiteral("custom:");

/** The four anchors as (value, points), in order of points. */
std::array<std::pair<double, double>, 4> anchorsOf(const HealthInput &input)
{
    return {{{input.zeroAt, 0.0}, {input.yellowAt, 40.0}, {input.greenAt, 70.0}, {input.fullAt, 100.0}}};
}

} // namespace

double HealthInput::points(double value) const
{
    const auto anchors = anchorsOf(*this);
    const bool down = descending();
    const auto better = [down](double a, double b) { return down ? a < b : a > b; }; // a beyond b
    if (!better(value, anchors[0].first))
        return 0.0;
    for (std::size_t i = 1; i < anchors.size(); ++i) {
        const auto [v1, p1] = anchors[i];
        if (!better(value, v1)) {
            const auto [v0, p0] = anchors[i - 1];
            if (v1 == v0)
                return p1;
            return p0 + (p1 - p0) * (value - v0) / (v1 - v0);
        }
    }
    return 100.0;
}

std::optional<double> HealthInput::valueFor(double wanted) const
{
    if (wanted > 100.0)
        return std::nullopt;
    const auto anchors = anchorsOf(*this);
    if (wanted <= 0.0)
        return anchors[0].first;
    for (std::size_t i = 1; i < anchors.size(); ++i) {
        const auto [v1, p1] = anchors[i];
        if (wanted <= p1) {
            const auto [v0, p0] = anchors[i - 1];
            return v0 + (v1 - v0) * (wanted - p0) / (p1 - p0);
        }
    }
    return anchors.back().first;
}

HealthModel HealthModel::defaults()
{
    HealthModel model;
    model.inputs = {
        {QStringLiteral("licence_utilisation"), 30, 0.0, 0.3, 0.6, 0.9},
        {QStringLiteral("core_adoption"), 25, 0.0, 0.3, 0.6, 0.9},
        {QStringLiteral("wau_mau"), 20, 0.0, 0.3, 0.5, 0.8},
        {QStringLiteral("days_since_active"), 15, 30, 7, 2, 0},
        {QStringLiteral("pes"), 10, 0, 35, 55, 80},
    };
    return model;
}

HealthBand HealthModel::bandOf(double score) const
{
    if (score >= greenFrom)
        return HealthBand::Green;
    if (score >= yellowFrom)
        return HealthBand::Yellow;
    return HealthBand::Red;
}

std::optional<double> HealthModel::score(const Lookup &lookup) const
{
    std::vector<double> values;
    values.reserve(std::size_t(inputs.size()));
    for (const HealthInput &input : inputs)
        values.push_back(lookup(input.metric));
    return scoreValues(values.data());
}

std::optional<double> HealthModel::scoreValues(const double *values) const
{
    double weights = 0;
    double sum = 0;
    for (qsizetype i = 0; i < inputs.size(); ++i) {
        const HealthInput &input = inputs[i];
        if (std::isnan(values[i]) || input.weight <= 0)
            continue;
        weights += input.weight;
        sum += input.weight * input.points(values[i]);
    }
    if (weights <= 0)
        return std::nullopt;
    return sum / weights;
}

HealthExplanation HealthModel::explain(const Lookup &lookup) const
{
    HealthExplanation e;
    double weights = 0;
    for (const HealthInput &input : inputs) {
        HealthContribution c;
        c.metric = input.metric;
        c.title = metricTitle(input.metric);
        const double value = lookup(input.metric);
        c.present = !std::isnan(value) && input.weight > 0;
        if (c.present) {
            c.value = value;
            c.points = input.points(value);
            weights += input.weight;
        }
        e.inputs << c;
    }
    if (weights <= 0)
        return e;
    e.scored = true;
    double score = 0;
    double worst = -1;
    for (int i = 0; i < e.inputs.size(); ++i) {
        HealthContribution &c = e.inputs[i];
        if (!c.present)
            continue;
        c.weight = inputs[i].weight / weights;
        c.contribution = c.points * c.weight;
        c.lostPoints = (100.0 - c.points) * c.weight;
        score += c.contribution;
        if (c.lostPoints > worst) {
            worst = c.lostPoints;
            e.biggestDrag = i;
        }
    }
    e.score = score;
    e.band = bandOf(score);
    if (e.band == HealthBand::Green)
        return e;
    e.nextBand = e.band == HealthBand::Red ? HealthBand::Yellow : HealthBand::Green;
    const double target = e.band == HealthBand::Red ? yellowFrom : greenFrom;
    for (int i = 0; i < e.inputs.size(); ++i) {
        const HealthContribution &c = e.inputs[i];
        if (!c.present || c.weight <= 0)
            continue;
        const double needed = c.points + (target - score) / c.weight;
        const std::optional<double> to = inputs[i].valueFor(needed);
        if (!to)
            continue;
        e.toNextBand << HealthMove{c.metric, c.title, c.value, *to};
    }
    return e;
}

HealthModel::Lookup HealthModel::lookupFor(const MetricRow &row, const std::function<double(const QString &)> &custom)
{
    return [row, custom](const QString &metric) {
        if (metric.startsWith(customPrefix))
            return custom ? custom(metric.mid(customPrefix.size())) : MetricRow::missing();
        const std::optional<MetricField> field = MetricFields::fromColumn(metric);
        return field ? row.value(*field) : MetricRow::missing();
    };
}

QStringList HealthModel::validate() const
{
    QStringList problems;
    if (inputs.isEmpty())
        problems << tr("The model has no inputs.");
    if (!(yellowFrom > 0 && yellowFrom < greenFrom && greenFrom <= 100))
        problems << tr("The band cut-offs must satisfy 0 < yellow < green ≤ 100.");
    for (const HealthInput &input : inputs) {
        const QString name = metricTitle(input.metric);
        if (!input.metric.startsWith(customPrefix) && !MetricFields::fromColumn(input.metric))
            problems << tr("Unknown metric \"%1\".").arg(input.metric);
        else if (input.metric.startsWith(customPrefix) && input.metric.size() == customPrefix.size())
            problems << tr("A custom metric input names no metric.");
        if (!(input.weight > 0))
            problems << tr("%1: the weight must be above 0.").arg(name);
        const double a[4] = {input.zeroAt, input.yellowAt, input.greenAt, input.fullAt};
        const bool up = a[0] < a[1] && a[1] < a[2] && a[2] < a[3];
        const bool down = a[0] > a[1] && a[1] > a[2] && a[2] > a[3];
        if (!up && !down)
            problems << tr("%1: the thresholds (0, yellow, green, 100 points) must all rise or all fall.").arg(name);
    }
    return problems;
}

QJsonObject HealthModel::toJson() const
{
    QJsonArray list;
    for (const HealthInput &input : inputs)
        list.append(QJsonObject{{QStringLiteral("metric"), input.metric},
                                {QStringLiteral("weight"), input.weight},
                                {QStringLiteral("zeroAt"), input.zeroAt},
                                {QStringLiteral("yellowAt"), input.yellowAt},
                                {QStringLiteral("greenAt"), input.greenAt},
                                {QStringLiteral("fullAt"), input.fullAt}});
    return {{QStringLiteral("inputs"), list},
            {QStringLiteral("yellowFrom"), yellowFrom},
            {QStringLiteral("greenFrom"), greenFrom}};
}

std::optional<HealthModel> HealthModel::fromJson(const QJsonObject &json, QString *error)
{
    HealthModel model;
    model.inputs.clear();
    const auto number = [&](const QJsonObject &o, const QString &key, double *out, const QString &path) {
        const QJsonValue v = o.value(key);
        if (!v.isDouble()) {
            if (error)
                *error = tr("%1.%2 must be a number").arg(path, key);
            return false;
        }
        *out = v.toDouble();
        return true;
    };
    if (!number(json, QStringLiteral("yellowFrom"), &model.yellowFrom, QStringLiteral("model")) ||
        !number(json, QStringLiteral("greenFrom"), &model.greenFrom, QStringLiteral("model")))
        return std::nullopt;
    const QJsonArray list = json.value(QStringLiteral("inputs")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        const QString path = QStringLiteral("inputs[%1]").arg(i);
        HealthInput input;
        input.metric = o.value(QStringLiteral("metric")).toString();
        if (!number(o, QStringLiteral("weight"), &input.weight, path) ||
            !number(o, QStringLiteral("zeroAt"), &input.zeroAt, path) ||
            !number(o, QStringLiteral("yellowAt"), &input.yellowAt, path) ||
            !number(o, QStringLiteral("greenAt"), &input.greenAt, path) ||
            !number(o, QStringLiteral("fullAt"), &input.fullAt, path))
            return std::nullopt;
        model.inputs << input;
    }
    const QStringList problems = model.validate();
    if (!problems.isEmpty()) {
        if (error)
            *error = problems.join(QLatin1Char(' '));
        return std::nullopt;
    }
    return model;
}

QString HealthModel::metricTitle(const QString &metric)
{
    if (metric.startsWith(customPrefix))
        return metric.mid(customPrefix.size());
    const std::optional<MetricField> field = MetricFields::fromColumn(metric);
    return field ? MetricFields::title(*field) : metric;
}

QString HealthModel::bandName(HealthBand band)
{
    switch (band) {
    case HealthBand::Red:
        return tr("Red");
    case HealthBand::Yellow:
        return tr("Yellow");
    case HealthBand::Green:
        return tr("Green");
    }
    return {};
}

QString HealthModel::bandKey(HealthBand band)
{
    switch (band) {
    case HealthBand::Red:
        return QStringLiteral("red");
    case HealthBand::Yellow:
        return QStringLiteral("yellow");
    case HealthBand::Green:
        return QStringLiteral("green");
    }
    return {};
}

std::optional<HealthBand> HealthModel::bandFromKey(const QString &key)
{
    for (const HealthBand band : {HealthBand::Red, HealthBand::Yellow, HealthBand::Green})
        if (bandKey(band) == key)
            return band;
    return std::nullopt;
}
