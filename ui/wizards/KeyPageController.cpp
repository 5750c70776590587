#include "KeyPageController.h"

KeyPageController::KeyPageController(QObject *parent)
    : QObject(parent)
{
}

QByteArray KeyPageController::normalize(const QString &text, QString *problem)
{
    problem->clear();
    // Keys are usually pasted; a stray space or line break around them is not part of the key.
    const QString trimmed = text.trimmed();
    for (const QChar c : trimmed) {
        if (c.isSpace()) {
            *problem = tr("The key contains a space or a line break. Copy it again from Pendo, without anything "
                          "around it.");
            return {};
        }
        // The key travels in an HTTP header, and Pendo's keys are plain ASCII.
        if (c.unicode() < 0x21 || c.unicode() > 0x7e) {
            *problem = tr("The key contains the character “%1”, which Pendo keys never have. Copy it again from "
                          "Pendo.")
                           .arg(c);
            return {};
        }
    }
    return trimmed.toLatin1();
}

void KeyPageController::setText(const QString &text)
{
    QString problem;
    QByteArray key = normalize(text, &problem);
    if (key == m_key && problem == m_problem)
        return;
    m_key = std::move(key);
    m_problem = std::move(problem);
    Q_EMIT changed();
}
