#include "MatchRateCard.h"

#include "sync/Matcher.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace {

QString toneColour(double rate)
{
    if (rate >= 0.9)
        return QStringLiteral("#2e7d32");
    if (rate >= 0.6)
        return QStringLiteral("#b26a00");
    return QStringLiteral("#c62828");
}

} // namespace

MatchRateCard::MatchRateCard(const QString &name, const QString &title, QWidget *parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_rate(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_note(new QLabel(this))
{
    setObjectName(name + QStringLiteral("RateFrame"));
    setStyleSheet(QStringLiteral("QFrame#%1 { border: 1px solid palette(mid); border-radius: 6px; "
                                 "background: palette(base); }")
                      .arg(objectName()));
    m_title->setObjectName(name + QStringLiteral("RateTitleLabel"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_rate->setObjectName(name + QStringLiteral("RateLabel"));
    QFont rateFont = m_rate->font();
    rateFont.setPointSizeF(rateFont.pointSizeF() * 2.4);
    rateFont.setBold(true);
    m_rate->setFont(rateFont);
    m_rate->setText(QStringLiteral("–"));

    m_bar->setObjectName(name + QStringLiteral("RateProgressBar"));
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_bar->setTextVisible(false);
    m_bar->setFixedHeight(10);

    m_counts->setObjectName(name + QStringLiteral("CountsLabel"));
    m_counts->setText(tr("Not checked yet"));
    m_note->setObjectName(name + QStringLiteral("NoteLabel"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();

    auto *top = new QHBoxLayout;
    top->addWidget(m_title);
    top->addStretch(1);
    auto *matchedWord = new QLabel(tr("matched"), this);
    matchedWord->setForegroundRole(QPalette::PlaceholderText);
    auto *rateRow = new QHBoxLayout;
    rateRow->addWidget(m_rate);
    rateRow->addWidget(matchedWord, 0, Qt::AlignBottom);
    rateRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(6);
    layout->addLayout(top);
    layout->addLayout(rateRow);
    layout->addWidget(m_bar);
    layout->addWidget(m_counts);
    layout->addWidget(m_note);
    layout->addStretch(1);
}

void MatchRateCard::setCounts(const MatchCounts &counts, const QString &note)
{
    const double rate = counts.rate();
    const QString colour = toneColour(rate);
    m_rate->setText(counts.total() == 0 ? tr("–") : QLocale().toString(rate * 100.0, 'f', 1) + QStringLiteral(" %"));
    m_rate->setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    m_bar->setValue(int(rate * 1000.0 + 0.5));
    m_bar->setStyleSheet(QStringLiteral("QProgressBar { border: none; border-radius: 5px; background: #e4e7eb; } "
                                        "QProgressBar::chunk { border-radius: 5px; background: %1; }")
                             .arg(colour));
    const QLocale locale;
    if (counts.total() == 0) {
        m_counts->setText(tr("Nothing from Pendo yet"));
    } else {
        m_counts->setText(tr("<b>%1</b> matched &nbsp;·&nbsp; <b>%2</b> unmatched &nbsp;·&nbsp; <b>%3</b> ambiguous "
                             "&nbsp;·&nbsp; %4 in all")
                              .arg(locale.toString(counts.matched), locale.toString(counts.unmatched),
                                   locale.toString(counts.ambiguous), locale.toString(counts.total())));
    }
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    setStale(false);
}

void MatchRateCard::setStale(bool stale)
{
    m_rate->setEnabled(!stale);
    m_counts->setEnabled(!stale);
}

QString MatchRateCard::rateText() const
{
    return m_rate->text();
}

QString MatchRateCard::countsText() const
{
    return m_counts->text();
}
