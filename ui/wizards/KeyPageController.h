#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

/**
 * The logic of the integration-key page: takes what the user typed or pasted, trims it and
 * says whether it can be a Pendo key (and if not, why). No network: the key is checked against
 * Pendo on the region page. Lives on the UI thread; holds the key in memory only.
 */
class KeyPageController final : public QObject
{
    Q_OBJECT

public:
    explicit KeyPageController(QObject *parent = nullptr);

    void setText(const QString &text);

    /** The key to send (trimmed), empty while nothing usable was entered. */
    QByteArray key() const { return m_problem.isEmpty() ? m_key : QByteArray(); }
    /** Why the entered text cannot be a key, or empty (also while nothing was entered yet). */
    QString problem() const { return m_problem; }
    bool isAcceptable() const { return !m_key.isEmpty() && m_problem.isEmpty(); }

    /** The checks behind setText(), for reuse: the trimmed key, and *problem when it cannot be one. */
    static QByteArray normalize(const QString &text, QString *problem);

Q_SIGNALS:
    void changed();

private:
    QByteArray m_key;
    QString m_problem;
};
