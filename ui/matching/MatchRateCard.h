#pragma once

#include <QFrame>

class QLabel;
class QProgressBar;
struct MatchCounts;

/**
 * One object's match rate at a glance: a large percentage, a bar coloured by how good it is,
 * and the matched / unmatched / ambiguous counts beneath. UI thread.
 */
class MatchRateCard final : public QFrame
{
    Q_OBJECT

public:
    /** `name` prefixes the children's objectNames ("accounts" → accountsRateLabel, …). */
    MatchRateCard(const QString &name, const QString &title, QWidget *parent = nullptr);

    void setCounts(const MatchCounts &counts, const QString &note = {});
    /** Greys the figures out while a newer preview is on its way. */
    void setStale(bool stale);

    QString rateText() const;
    QString countsText() const;

private:
    QLabel *m_title;
    QLabel *m_rate;
    QProgressBar *m_bar;
    QLabel *m_counts;
    QLabel *m_note;
};
