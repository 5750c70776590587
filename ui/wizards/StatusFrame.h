#pragma once

#include <QFrame>

class QLabel;

/**
 * A framed message with what to do about it beneath: the outcome of a check on a wizard page.
 * The tone (information, success, error) sets the icon and the colours. UI thread.
 */
class StatusFrame final : public QFrame
{
    Q_OBJECT

public:
    enum class Tone { Info, Success, Error };

    explicit StatusFrame(QWidget *parent = nullptr);

    /** Shows the frame; an empty hint hides the hint line. */
    void showStatus(Tone tone, const QString &message, const QString &hint = {});
    void clear();

    Tone tone() const { return m_tone; }
    QString message() const;
    QString hint() const;

private:
    Tone m_tone = Tone::Info;
    QLabel *m_icon;
    QLabel *m_message;
    QLabel *m_hint;
};
