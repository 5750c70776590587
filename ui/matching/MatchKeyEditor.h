#pragma once

#include "items/UnmatchedModel.h"
#include "sync/MatchRules.h"

#include <QWidget>

class QCheckBox;
class QComboBox;

/**
 * Edits one MatchKey in a row: the Pendo field, the CS field it must equal, and whether values
 * are trimmed and compared ignoring case. Keys not among the offered fields are still shown,
 * so a saved rule never silently changes. UI thread.
 */
class MatchKeyEditor final : public QWidget
{
    Q_OBJECT

public:
    /**
     * `name` and `suffix` frame the children's objectNames ("account" → accountPendoFieldComboBox;
     * "contact", "_1" → contactPendoFieldComboBox_1).
     */
    explicit MatchKeyEditor(const QString &name, const QString &suffix = {}, QWidget *parent = nullptr);

    void setOptions(const QList<MatchFieldOption> &pendoFields, const QList<MatchFieldOption> &csFields);
    /** Shows a key without emitting keyEdited(). */
    void setKey(const MatchKey &key);
    MatchKey key() const;

Q_SIGNALS:
    void keyEdited(const MatchKey &key);

private:
    static void fill(QComboBox *combo, const QList<MatchFieldOption> &options, const QString &current);

    QList<MatchFieldOption> m_pendoFields;
    QList<MatchFieldOption> m_csFields;
    QComboBox *m_pendoField;
    QComboBox *m_csField;
    QCheckBox *m_trim;
    QCheckBox *m_ignoreCase;
};
