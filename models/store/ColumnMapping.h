#pragma once

#include "domain/CsRecords.h"

#include <QList>
#include <QString>
#include <QStringList>

/** Where one CSV column goes: a standard field, a custom field of that name, or nowhere. */
struct ColumnTarget
{
    enum class Kind { Ignore, Field, Custom };
    Kind kind = Kind::Ignore;
    QString key; // field key for Field, custom field name for Custom

    static ColumnTarget ignore() { return {}; }
    static ColumnTarget field(const QString &key) { return {Kind::Field, key}; }
    static ColumnTarget custom(const QString &name) { return {Kind::Custom, name}; }
    friend bool operator==(const ColumnTarget &a, const ColumnTarget &b)
    {
        return a.kind == b.kind && a.key == b.key;
    }
};

/**
 * The column → field mapping of one CSV file. Auto-mapped from the header with common
 * aliases; unrecognised columns become custom fields. A plain value type.
 */
class ColumnMapping final
{
public:
    ColumnMapping() = default;
    ColumnMapping(RecordKind kind, QStringList headers);

    static ColumnMapping autoMap(RecordKind kind, const QStringList &headers);

    RecordKind kind() const { return m_kind; }
    const QStringList &headers() const { return m_headers; }
    qsizetype columnCount() const { return m_headers.size(); }
    const ColumnTarget &target(qsizetype column) const { return m_targets.at(column); }
    void setTarget(qsizetype column, const ColumnTarget &target);

    /** The column mapped to a standard field, or -1. */
    qsizetype columnFor(const QString &fieldKey) const;

    /** Applies "Header=field", "Header=custom:Name" or "Header=ignore" (the CLI's --map). */
    bool apply(const QString &spec, QString *error);

    /** What stops an import before any row is read: unmapped required fields, fields mapped twice. */
    QStringList problems() const;

private:
    RecordKind m_kind = RecordKind::Accounts;
    QStringList m_headers;
    QList<ColumnTarget> m_targets;
};
