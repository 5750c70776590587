#include "StatusFrame.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace {

struct Palette
{
    const char *background;
    const char *border;
    QStyle::StandardPixmap icon;
};

Palette paletteFor(StatusFrame::Tone tone)
{
    switch (tone) {
    case StatusFrame::Tone::Success:
        return {"#e9f6ec", "#8cc79a", QStyle::SP_DialogApplyButton};
    case StatusFrame::Tone::Error:
        return {"#fdeceb", "#e3a19b", QStyle::SP_MessageBoxCritical};
    case StatusFrame::Tone::Info:
        break;
    }
    return {"#eef3fb", "#a9bfdf", QStyle::SP_MessageBoxInformation};
}

} // namespace

StatusFrame::StatusFrame(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_message(new QLabel(this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("statusFrame"));
    m_icon->setObjectName(QStringLiteral("statusIconLabel"));
    m_icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    m_message->setObjectName(QStringLiteral("statusMessageLabel"));
    m_hint->setObjectName(QStringLiteral("statusHintLabel"));
    for (QLabel *label : {m_message, m_hint}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont bold = m_message->font();
    bold.setWeight(QFont::DemiBold);
    m_message->setFont(bold);

    auto *text = new QVBoxLayout;
    text->setSpacing(4);
    text->addWidget(m_message);
    text->addWidget(m_hint);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(10);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
    hide();
}

void StatusFrame::showStatus(Tone tone, const QString &message, const QString &hint)
{
    m_tone = tone;
    const Palette palette = paletteFor(tone);
    // Fixed light colours with dark text, so the frame reads the same under any desktop theme.
    setStyleSheet(QStringLiteral("QFrame#statusFrame { background: %1; border: 1px solid %2; border-radius: 5px; }"
                                 "QFrame#statusFrame QLabel { color: #1f2328; background: transparent; }")
                      .arg(QLatin1String(palette.background), QLatin1String(palette.border)));
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this) * 2 / 3;
    m_icon->setPixmap(style()->standardIcon(palette.icon, nullptr, this).pixmap(size, size));
    m_message->setText(message);
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    show();
}

void StatusFrame::clear()
{
    m_message->clear();
    m_hint->clear();
    hide();
}

QString StatusFrame::message() const
{
    return isHidden() ? QString() : m_message->text();
}

QString StatusFrame::hint() const
{
    return isHidden() ? QString() : m_hint->text();
}
