#include "ColumnMapping.h"

#include <QCoreApplication>
#include <QSet>

ColumnMapping::ColumnMapping(RecordKind kind, QStringList headers)
    : m_kind(kind)
    , m_headers(std::move(headers))
    , m_targets(m_headers.size())
{
}

ColumnMapping ColumnMapping::autoMap(RecordKind kind, const QStringList &headers)
{
    ColumnMapping mapping(kind, headers);
    QSet<QString> used;
    // Exact key matches win over aliases, so "id" and "account_id" land where the file meant them.
    for (int pass = 0; pass < 2; ++pass) {
        for (qsizetype column = 0; column < headers.size(); ++column) {
            if (mapping.m_targets.at(column).kind != ColumnTarget::Kind::Ignore)
                continue;
            const QString normalised = CsFields::normaliseHeader(headers.at(column));
            for (const FieldSpec &field : CsFields::fields(kind)) {
                if (used.contains(field.key))
                    continue;
                const bool match = pass == 0 ? normalised == CsFields::normaliseHeader(field.key)
                                             : field.aliases.contains(normalised);
                if (match) {
                    mapping.m_targets[column] = ColumnTarget::field(field.key);
                    used.insert(field.key);
                    break;
                }
            }
        }
    }
    for (qsizetype column = 0; column < headers.size(); ++column) {
        const QString name = headers.at(column).trimmed();
        if (mapping.m_targets.at(column).kind == ColumnTarget::Kind::Ignore && !name.isEmpty())
            mapping.m_targets[column] = ColumnTarget::custom(name);
    }
    return mapping;
}

void ColumnMapping::setTarget(qsizetype column, const ColumnTarget &target)
{
    m_targets[column] = target;
}

qsizetype ColumnMapping::columnFor(const QString &fieldKey) const
{
    for (qsizetype column = 0; column < m_targets.size(); ++column) {
        const ColumnTarget &target = m_targets.at(column);
        if (target.kind == ColumnTarget::Kind::Field && target.key == fieldKey)
            return column;
    }
    return -1;
}

bool ColumnMapping::apply(const QString &spec, QString *error)
{
    const qsizetype eq = spec.lastIndexOf(u'=');
    if (eq <= 0) {
        *error = QCoreApplication::translate("ColumnMapping", "'%1' is not COLUMN=FIELD").arg(spec);
        return false;
    }
    const QString header = spec.left(eq).trimmed();
    const QString value = spec.mid(eq + 1).trimmed();
    const qsizetype column = m_headers.indexOf(header);
    if (column < 0) {
        *error = QCoreApplication::translate("ColumnMapping", "the file has no column '%1' (columns: %2)")
                     .arg(header, m_headers.join(QStringLiteral(", ")));
        return false;
    }
    if (value == QLatin1String("ignore")) {
        m_targets[column] = ColumnTarget::ignore();
    } else if (value.startsWith(QLatin1String("custom:")) && value.size() > 7) {
        m_targets[column] = ColumnTarget::custom(value.mid(7));
    } else if (CsFields::find(m_kind, value)) {
        m_targets[column] = ColumnTarget::field(value);
    } else {
        QStringList keys;
        for (const FieldSpec &field : CsFields::fields(m_kind))
            keys << field.key;
        *error = QCoreApplication::translate("ColumnMapping",
                                             "unknown field '%1' (fields: %2, custom:NAME or ignore)")
                     .arg(value, keys.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

QStringList ColumnMapping::problems() const
{
    QStringList problems;
    for (const FieldSpec &field : CsFields::fields(m_kind)) {
        if (field.required && columnFor(field.key) < 0)
            problems << QCoreApplication::translate("ColumnMapping", "No column is mapped to the required field %1.")
                            .arg(CsFields::label(field));
    }
    QSet<QString> fields;
    QSet<QString> customs;
    for (qsizetype column = 0; column < m_targets.size(); ++column) {
        const ColumnTarget &target = m_targets.at(column);
        if (target.kind == ColumnTarget::Kind::Field) {
            if (fields.contains(target.key)) {
                const FieldSpec *field = CsFields::find(m_kind, target.key);
                problems << QCoreApplication::translate("ColumnMapping",
                                                        "More than one column is mapped to %1.")
                                .arg(field ? CsFields::label(*field) : target.key);
            }
            fields.insert(target.key);
        } else if (target.kind == ColumnTarget::Kind::Custom) {
            if (customs.contains(target.key))
                problems << QCoreApplication::translate("ColumnMapping",
                                                        "More than one column is kept as custom field '%1'.")
                                .arg(target.key);
            customs.insert(target.key);
        }
    }
    return problems;
}
