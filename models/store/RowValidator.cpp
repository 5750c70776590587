#include "RowValidator.h"

#include "CsvReader.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace {

/** The database column a standard field is stored in. */
QString columnOf(const FieldSpec &field)
{
    if (field.type == FieldType::LifecycleStage)
        return QStringLiteral("lifecycle_stage_id");
    if (field.type == FieldType::AccountReference)
        return QStringLiteral("account_id");
    return field.key;
}

} // namespace

QString RowError::toString() const
{
    if (column.isEmpty())
        return QCoreApplication::translate("RowValidator", "line %1: %2").arg(line).arg(message);
    return QCoreApplication::translate("RowValidator", "line %1, column '%2': %3").arg(line).arg(column, message);
}

RowValidator::RowValidator(ColumnMapping mapping, ValidationContext context)
    : m_mapping(std::move(mapping))
    , m_context(std::move(context))
    , m_idColumn(m_mapping.columnFor(QStringLiteral("external_id")))
{
}

bool RowValidator::parseDate(const QString &text, QDate *date)
{
    const QString value = text.trimmed();
    static const QRegularExpression iso(QStringLiteral(R"(^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$)"));
    static const QRegularExpression dotted(QStringLiteral(R"(^(\d{1,2})\.(\d{1,2})\.(\d{4})$)"));
    QRegularExpressionMatch match = iso.match(value);
    if (match.hasMatch()) {
        *date = QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
        return date->isValid();
    }
    match = dotted.match(value);
    if (match.hasMatch()) {
        *date = QDate(match.captured(3).toInt(), match.captured(2).toInt(), match.captured(1).toInt());
        return date->isValid();
    }
    return false;
}

bool RowValidator::parseMoney(const QString &text, double *value)
{
    QString cleaned;
    for (const QChar c : text) {
        if (c.isDigit() || c == u'.' || c == u',' || c == u'-')
            cleaned.append(c);
        else if (!(c.isSpace() || c == u'$' || c == u'\u20AC' || c == u'\u00A3' || c == u'\u00A5'))
            return false;
    }
    const qsizetype lastComma = cleaned.lastIndexOf(u',');
    const qsizetype lastDot = cleaned.lastIndexOf(u'.');
    if (lastComma >= 0 && lastDot >= 0) {
        // Both present: the later one is the decimal separator.
        const QChar thousands = lastComma > lastDot ? u'.' : u',';
        cleaned.remove(thousands);
        cleaned.replace(u',', u'.');
    } else if (lastComma >= 0) {
        // "1,234" and "1,234,567" are thousands; "12,5" is a decimal comma.
        static const QRegularExpression grouped(QStringLiteral(R"(^-?\d{1,3}(,\d{3})+$)"));
        if (grouped.match(cleaned).hasMatch())
            cleaned.remove(u',');
        else
            cleaned.replace(u',', u'.');
    }
    bool ok = false;
    *value = cleaned.toDouble(&ok);
    return ok && !cleaned.isEmpty();
}

bool RowValidator::parseInteger(const QString &text, qint64 *value)
{
    QString cleaned = text.trimmed();
    static const QRegularExpression grouped(QStringLiteral(R"(^-?\d{1,3}([,. ]\d{3})+$)"));
    if (grouped.match(cleaned).hasMatch())
        cleaned.remove(QRegularExpression(QStringLiteral("[,. ]")));
    bool ok = false;
    *value = cleaned.toLongLong(&ok);
    return ok;
}

bool RowValidator::isPlausibleEmail(const QString &text)
{
    static const QRegularExpression email(QStringLiteral(R"(^[^@\s]+@[^@\s]+\.[^@\s]+$)"));
    return email.match(text).hasMatch();
}

bool RowValidator::validate(const CsvRecord &record, CsRow *row, QList<RowError> *errors)
{
    const qsizetype before = errors->size();
    row->duplicateOfLine = 0;
    auto fail = [&](const QString &column, const QString &message) { errors->append({record.line, column, message}); };

    if (!record.error.isEmpty()) {
        fail(QString(), record.error);
        return false;
    }
    if (record.fields.size() != m_mapping.columnCount()) {
        fail(QString(),
             QCoreApplication::translate("RowValidator", "expected %1 fields as in the header, found %2")
                 .arg(m_mapping.columnCount())
                 .arg(record.fields.size()));
        return false;
    }

    row->line = record.line;
    row->externalId.clear();
    row->columns.clear();
    row->custom = QJsonObject();

    for (qsizetype column = 0; column < m_mapping.columnCount(); ++column) {
        const ColumnTarget &target = m_mapping.target(column);
        const QString header = m_mapping.headers().at(column);
        const QString raw = record.fields.at(column);
        const QString value = raw.trimmed();
        if (target.kind == ColumnTarget::Kind::Custom) {
            if (!value.isEmpty())
                row->custom.insert(target.key, value);
            continue;
        }
        if (target.kind != ColumnTarget::Kind::Field)
            continue;
        const FieldSpec *field = CsFields::find(m_mapping.kind(), target.key);
        if (!field)
            continue;
        if (value.isEmpty()) {
            if (field->required)
                fail(header, QCoreApplication::translate("RowValidator", "missing %1").arg(CsFields::label(*field)));
            else
                row->columns.append({columnOf(*field), QVariant()});
            continue;
        }
        switch (field->type) {
        case FieldType::Identifier:
            if (raw.size() > 255) {
                fail(header, QCoreApplication::translate("RowValidator", "the id is longer than 255 characters"));
                break;
            }
            // Ids are kept exactly as the source system wrote them; matching rules decide later
            // whether " ACME-1" and "ACME-1" are the same customer.
            row->externalId = raw;
            break;
        case FieldType::Text:
            row->columns.append({columnOf(*field), value});
            break;
        case FieldType::Email:
            if (!isPlausibleEmail(value))
                fail(header, QCoreApplication::translate("RowValidator", "bad e-mail address '%1'").arg(value));
            else
                row->columns.append({columnOf(*field), value});
            break;
        case FieldType::Date: {
            QDate date;
            if (!parseDate(value, &date))
                fail(header,
                     QCoreApplication::translate("RowValidator", "bad date '%1' (expected YYYY-MM-DD)").arg(value));
            else
                row->columns.append({columnOf(*field), date.toString(Qt::ISODate)});
            break;
        }
        case FieldType::Money: {
            double amount = 0;
            if (!parseMoney(value, &amount))
                fail(header, QCoreApplication::translate("RowValidator", "bad number '%1'").arg(value));
            else if (amount < 0)
                fail(header,
                     QCoreApplication::translate("RowValidator", "%1 cannot be negative (%2)")
                         .arg(CsFields::label(*field), value));
            else
                row->columns.append({columnOf(*field), amount});
            break;
        }
        case FieldType::Integer: {
            qint64 number = 0;
            if (!parseInteger(value, &number))
                fail(header, QCoreApplication::translate("RowValidator", "bad whole number '%1'").arg(value));
            else if (number < 0)
                fail(header,
                     QCoreApplication::translate("RowValidator", "%1 cannot be negative (%2)")
                         .arg(CsFields::label(*field), value));
            else
                row->columns.append({columnOf(*field), number});
            break;
        }
        case FieldType::LifecycleStage: {
            const auto it = m_context.stages.constFind(CsFields::normaliseHeader(value));
            if (it == m_context.stages.cend())
                fail(header,
                     QCoreApplication::translate("RowValidator", "unknown lifecycle stage '%1' (known: %2)")
                         .arg(value, m_context.stageNames.join(QStringLiteral(", "))));
            else
                row->columns.append({columnOf(*field), it.value()});
            break;
        }
        case FieldType::AccountReference: {
            auto it = m_context.accounts.constFind(raw);
            if (it == m_context.accounts.cend())
                it = m_context.accounts.constFind(value);
            if (it == m_context.accounts.cend())
                fail(header,
                     QCoreApplication::translate("RowValidator",
                                                 "unknown account '%1': import that account first or correct the id")
                         .arg(value));
            else
                row->columns.append({columnOf(*field), it.value()});
            break;
        }
        }
    }

    if (!row->externalId.isEmpty()) {
        const auto seen = m_seenIds.constFind(row->externalId);
        if (seen != m_seenIds.cend()) {
            row->duplicateOfLine = seen.value();
            fail(m_idColumn >= 0 ? m_mapping.headers().at(m_idColumn) : QString(),
                 QCoreApplication::translate("RowValidator", "duplicate external id '%1' (first seen on line %2)")
                     .arg(row->externalId)
                     .arg(seen.value()));
        } else {
            m_seenIds.insert(row->externalId, record.line);
        }
    }
    return errors->size() == before;
}
