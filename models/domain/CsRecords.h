#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

/** Which kind of customer-success record a file or a view holds. */
enum class RecordKind { Accounts, Contacts };

QString recordKindKey(RecordKind kind);           // "accounts" / "contacts"
bool recordKindFromKey(const QString &key, RecordKind *kind);

/** How a CSV cell is checked and converted before it reaches the workspace. */
enum class FieldType { Text, Identifier, Email, Date, Money, Integer, LifecycleStage, AccountReference };

/**
 * One standard field of an account or contact: its key (also the database column), the label
 * users see, whether a row without it is rejected, and the header spellings that map to it.
 */
struct FieldSpec
{
    QString key;
    const char *label = nullptr; // translated through CsFields::label()
    FieldType type = FieldType::Text;
    bool required = false;
    QStringList aliases;
};

/** The standard fields per record kind and their translated labels. */
class CsFields final
{
    Q_DECLARE_TR_FUNCTIONS(CsFields)
public:
    static const QList<FieldSpec> &fields(RecordKind kind);
    static const FieldSpec *find(RecordKind kind, const QString &key);
    static QString label(const FieldSpec &field);
    static QString kindLabel(RecordKind kind);
    /** Lower-cases and drops everything but letters and digits: "Account ID" → "accountid". */
    static QString normaliseHeader(const QString &header);
};

Q_DECLARE_METATYPE(RecordKind)
