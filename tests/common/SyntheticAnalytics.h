#pragma once

// Deterministic portfolio rows and account details for the dashboard tests, benchmarks and
// screenshots: the values a reader of the derived layer would hand the views.

#include "analytics/AnalyticsReader.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <cmath>

namespace synthetic {

/** The last computed day of the synthetic data. */
inline int lastDay()
{
    return int(QDate(2025, 3, 31).toJulianDay());
}

inline HealthBand bandOf(double score)
{
    return score < 40 ? HealthBand::Red : score < 70 ? HealthBand::Yellow : HealthBand::Green;
}

/** Account `i` of a portfolio: names, owners and stages cycle; about one in 25 has no score. */
inline PortfolioRow portfolioRow(int i)
{
    static const QStringList owners{QStringLiteral("Maya Chen"), QStringLiteral("Omar Haddad"),
                                    QStringLiteral("Lena Fischer"), QStringLiteral("Jonas Berg"), QString()};
    static const QStringList stages{QStringLiteral("Onboarding"), QStringLiteral("Adoption"), QStringLiteral("Growth"),
                                    QStringLiteral("Renewal"), QStringLiteral("At risk")};
    static const QStringList words{QStringLiteral("Acme"),   QStringLiteral("Globex"),  QStringLiteral("Initech"),
                                   QStringLiteral("Umbrella"), QStringLiteral("Hooli"), QStringLiteral("Stark"),
                                   QStringLiteral("Wayne"),  QStringLiteral("Tyrell"),  QStringLiteral("Soylent")};
    PortfolioRow row;
    row.accountId = 1000 + i;
    row.externalId = QStringLiteral("ACC-%1").arg(i, 5, 10, QLatin1Char('0'));
    row.name = QStringLiteral("%1 %2 %3").arg(words.at(i % words.size()), words.at((i / 9) % words.size())).arg(i);
    row.owner = owners.at(i % owners.size());
    row.stage = stages.at((i / 3) % stages.size());
    if (i % 25 != 7) {
        const double score = double((i * 37) % 101);
        row.score = score;
        row.band = bandOf(score);
        row.scoreDelta7 = double((i * 13) % 11) - 5;
        row.scoreDelta30 = double((i * 7) % 21) - 10;
    }
    row.mau = double((i * 17) % 200);
    row.wau = std::floor(row.mau * 0.6);
    row.stickiness = row.mau > 0 ? row.wau / row.mau : MetricRow::missing();
    row.pes = double((i * 29) % 100);
    row.licenceUtilisation = double((i * 11) % 100) / 100.0;
    if (i % 10 != 3)
        row.lastActiveDay = lastDay() - (i * 3) % 60;
    row.renewalDate = QDate(2025, 4, 1).addDays((i * 19) % 400);
    if (i % 8 != 5)
        row.arr = double(1000 * (1 + (i * 23) % 250));
    return row;
}

inline QList<PortfolioRow> portfolio(int count)
{
    QList<PortfolioRow> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows.append(portfolioRow(i));
    return rows;
}

/**
 * An account with `days` days of calculated fields ending on lastDay(): weekly rhythm in DAU,
 * WAU and MAU following it, a health score crossing the bands, two model changes, 30 features
 * (every fifth core), 25 contacts, two custom metrics, and an explanation whose contributions
 * add up to the score of the last day.
 */
inline AccountDetail accountDetail(int days = 365)
{
    AccountDetail d;
    d.found = true;
    d.summary = portfolioRow(42);
    d.summary.name = QStringLiteral("Acme Corporation");
    d.summary.externalId = QStringLiteral("ACME/001");
    d.lastDay = lastDay();
    d.firstValueDay = lastDay() - days + 21;
    const int first = lastDay() - days + 1;
    for (int day = first; day <= lastDay(); ++day) {
        const int t = day - first;
        MetricRow row;
        row.accountId = d.summary.accountId;
        row.day = day;
        row.values.fill(MetricRow::missing());
        const double trend = 20 + 30.0 * t / std::max(1, days);
        const double dau = std::round(trend * (day % 7 == 5 || day % 7 == 6 ? 0.3 : 1.0));
        row.set(MetricField::Dau, dau);
        row.set(MetricField::Wau, std::round(trend * 2.2));
        row.set(MetricField::Mau, std::round(trend * 3.5));
        row.set(MetricField::WauMau, 2.2 / 3.5);
        row.set(MetricField::PesAdoption, 55);
        row.set(MetricField::PesStickiness, 48);
        row.set(MetricField::PesGrowth, 61);
        row.set(MetricField::Pes, 54.7);
        d.series.append(row);
        const double score = 50 + 30 * std::sin(t / 40.0);
        d.health.append({day, score, bandOf(score), t < days / 2 ? 1 : 2});
    }
    d.modelChanges = {{2, first + days / 2, QStringLiteral("Licence utilisation weighted higher")},
                      {3, lastDay() - 20, QStringLiteral("Days since activity added")}};
    for (int i = 0; i < 30; ++i) {
        ItemUsage item;
        item.name = QStringLiteral("Feature %1").arg(i + 1);
        item.kind = i % 7 == 6 ? QStringLiteral("page") : QStringLiteral("feature");
        item.core = i % 5 == 0;
        item.events30d = 3000 / (i + 1);
        item.visitors30d = 40 / (i + 1) + 1;
        item.lastUsedDay = lastDay() - i;
        d.items.append(item);
    }
    for (int i = 0; i < 25; ++i) {
        ContactUsage c;
        c.contactId = 500 + i;
        c.name = QStringLiteral("User %1").arg(i + 1);
        c.email = QStringLiteral("user%1@acme.example").arg(i + 1);
        if (i != 24)
            c.lastSeenDay = lastDay() - i * 2;
        c.activeDays30d = std::max(0, 28 - i);
        c.events30d = 900 - i * 30;
        c.minutes30d = 300 - i * 10;
        d.contacts.append(c);
    }
    for (const QString &metric : {QStringLiteral("crm/open_tickets"), QStringLiteral("billing/invoices_paid")}) {
        CustomSeries series{metric, {}};
        for (int day = first; day <= lastDay(); day += 7)
            series.points.append({day, double((day * 7) % 13)});
        d.customMetrics.append(series);
    }

    // MAU 30 points × 0.4 = 12, licences 50 × 0.3 = 15, stickiness 80 × 0.2 = 16, days since active 60 × 0.1 = 6:
    // 49, yellow. Only MAU alone reaches green (70).
    HealthExplanation &e = d.explanation;
    e.scored = true;
    const struct {
        const char *metric;
        const char *title;
        double value, points, weight;
    } inputs[] = {{"mau", "MAU", 150, 30, 0.4},
                  {"licence_utilisation", "Licence utilisation", 0.5, 50, 0.3},
                  {"wau_mau", "Stickiness (WAU/MAU)", 0.6, 80, 0.2},
                  {"days_since_active", "Days since last activity", 12, 60, 0.1}};
    for (const auto &in : inputs) {
        HealthContribution c;
        c.metric = QString::fromLatin1(in.metric);
        c.title = QString::fromLatin1(in.title);
        c.present = true;
        c.value = in.value;
        c.points = in.points;
        c.weight = in.weight;
        c.contribution = in.points * in.weight;
        c.lostPoints = (100 - in.points) * in.weight;
        e.inputs.append(c);
        e.score += c.contribution;
    }
    HealthContribution absent;
    absent.metric = QStringLiteral("custom:crm/open_tickets");
    absent.title = QStringLiteral("crm/open_tickets");
    e.inputs.append(absent);
    e.band = bandOf(e.score);
    e.biggestDrag = 0;        // MAU loses 28 points
    e.nextBand = HealthBand::Green;
    e.toNextBand = {{QStringLiteral("mau"), QStringLiteral("MAU"), 150, 260}};
    d.summary.score = e.score;
    d.summary.band = e.band;
    return d;
}

} // namespace synthetic
