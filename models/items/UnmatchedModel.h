#pragma once

#include "domain/CsRecords.h"
#include "sync/Matcher.h"

#include <QAbstractTableModel>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

/**
 * A read-only table over the unmatched Pendo accounts or visitors of a MatchPreview: id, label,
 * (visitors) the Pendo account and whether it matched, activity volume and the match status.
 * Ambiguous rows say which CS records claim them. QtCore only; lives on the UI thread and is
 * filled with values computed elsewhere. DisplayRole gives text, Qt::UserRole the raw value to
 * sort by, Qt::ToolTipRole the explanation of the status.
 */
class UnmatchedModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind { Accounts, Visitors };
    Q_ENUM(Kind)

    enum class Column { PendoId, Label, Account, AccountMatched, Events, Minutes, Status };
    Q_ENUM(Column)

    enum Role {
        AmbiguousRole = Qt::UserRole + 1, // bool: several CS records claim the row
        CandidatesRole,                   // QStringList: labels of the CS records that claim it
        AccountMatchedRole,               // bool: (visitors) the visitor's account matched
        PendoIdRole,                      // QString
    };

    explicit UnmatchedModel(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    /** Replaces the rows; `candidateLabels` names the CS records (by id) that ambiguous rows list. */
    void setItems(const QList<UnmatchedItem> &items, const QHash<qint64, QString> &candidateLabels = {});
    const QList<UnmatchedItem> &items() const { return m_items; }
    /** The model column of a logical column, or -1 when this kind does not show it. */
    int columnOf(Column column) const { return int(m_columns.indexOf(column)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const UnmatchedItem &item, Column column) const;
    QVariant sortValue(const UnmatchedItem &item, Column column) const;
    QString statusText(const UnmatchedItem &item) const;
    QString statusExplanation(const UnmatchedItem &item) const;
    QStringList candidateLabels(const UnmatchedItem &item) const;

    const Kind m_kind;
    const QList<Column> m_columns;
    QList<UnmatchedItem> m_items;
    QHash<qint64, QString> m_candidateLabels;
};

/** A field a match rule can compare: the stored key and what users see. */
struct MatchFieldOption
{
    QString key;
    QString label;
    friend bool operator==(const MatchFieldOption &, const MatchFieldOption &) = default;
};

/**
 * The fields match rules can use on both sides: Pendo ids and the metadata fields Pendo
 * reported, and the CS standard fields plus the custom fields found in the workspace.
 * load() runs SQL on the calling thread with its own connection (call it from a worker job).
 */
struct MatchFieldCatalog
{
    QList<MatchFieldOption> pendoAccount;
    QList<MatchFieldOption> pendoVisitor;
    QList<MatchFieldOption> csAccount;
    QList<MatchFieldOption> csContact;

    /** The catalog without a workspace: ids, the agent e-mail and the standard CS fields. */
    static MatchFieldCatalog defaults();
    static MatchFieldCatalog load(Database &database, QString *error = nullptr);
    /** A readable label for a stored key that may not be in the catalog ("metadata.agent.email"). */
    static QString labelFor(const QString &key);
    friend bool operator==(const MatchFieldCatalog &, const MatchFieldCatalog &) = default;

    Q_DECLARE_TR_FUNCTIONS(MatchFieldCatalog)
};

/**
 * Names of CS records for explanations ("Acme (A-1)"), looked up by id. load() runs SQL on the
 * calling thread with its own connection (call it from a worker job).
 */
struct CsRecordLabels
{
    static QHash<qint64, QString> load(Database &database, RecordKind kind, const QList<qint64> &ids,
                                       QString *error = nullptr);

    Q_DECLARE_TR_FUNCTIONS(CsRecordLabels)
};
