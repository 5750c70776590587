#include "AggregationBatch.h"

#include <algorithm>
#include <cstring>
#include <functional>

void AggregationBatch::reset(const QStringList &fields)
{
    m_startTime = 0;
    m_fields = fields;
    m_rows = 0;
    m_columns.resize(std::size_t(fields.size()));
    for (std::vector<BatchValue> &column : m_columns)
        column.resize(m_capacity);
    m_ownBytes.clear();
    m_cache.clear();
    std::fill(m_cacheSlots.begin(), m_cacheSlots.end(), 0u);
}

void AggregationBatch::clear()
{
    reset(m_fields);
    m_body = QByteArray();
}

void AggregationBatch::grow()
{
    m_capacity = std::max<std::size_t>(1024, 2 * m_capacity);
    for (std::vector<BatchValue> &column : m_columns)
        column.resize(m_capacity);
}

void AggregationBatch::nullUnwritten(quint64 written)
{
    const std::size_t masked = std::min(m_columns.size(), maskedFields);
    for (std::size_t field = 0; field < masked; ++field) {
        if (!(written >> field & 1))
            m_columns[field][m_rows - 1] = BatchValue();
    }
}

const QByteArray &AggregationBatch::adopt(const QByteArray &body, std::size_t padding)
{
    m_body = body; // also lets go of the last page, and of the last copy
    if (std::size_t(std::max<qsizetype>(0, m_body.data_ptr().freeSpaceAtEnd())) >= padding)
        return m_body; // capacity() would also count room in front of the data, which may not be read
    // A padded copy, in the buffer of the last one when nothing shares it any more.
    if (!m_copy.isDetached())
        m_copy = QByteArray();
    m_copy.resize(0);
    m_copy.reserve(body.size() + qsizetype(padding));
    m_copy.append(body.constData(), body.size());
    // Zeros keep the terminating '\0' and give the padding defined contents (memory checkers ask for it).
    std::memset(m_copy.data() + m_copy.size(), 0, padding);
    m_body = m_copy;
    return m_body;
}

BatchValue AggregationBatch::ownText(std::string_view bytes, CellKind kind)
{
    const auto offset = quint32(m_ownBytes.size());
    m_ownBytes.append(bytes);
    return BatchValue::ofText(offset, quint32(bytes.size()), true, kind);
}

QString AggregationBatch::string(BatchValue value) const
{
    if (2 * (m_cache.size() + 1) > m_cacheSlots.size())
        growCache();
    const std::string_view bytes = utf8(value);
    const std::size_t hash = std::hash<std::string_view> {}(bytes);
    const std::size_t mask = m_cacheSlots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const quint32 slot = m_cacheSlots[i];
        if (slot == 0) {
            m_cache.push_back({hash, value, QString::fromUtf8(bytes.data(), qsizetype(bytes.size()))});
            m_cacheSlots[i] = quint32(m_cache.size());
            return m_cache.back().string;
        }
        const CachedString &cached = m_cache[slot - 1];
        if (cached.hash == hash && utf8(cached.text) == bytes)
            return cached.string;
    }
}

void AggregationBatch::growCache() const
{
    m_cacheSlots.assign(std::max<std::size_t>(1024, 2 * m_cacheSlots.size()), 0u);
    const std::size_t mask = m_cacheSlots.size() - 1;
    for (std::size_t index = 0; index < m_cache.size(); ++index) {
        std::size_t i = m_cache[index].hash & mask;
        while (m_cacheSlots[i] != 0)
            i = (i + 1) & mask;
        m_cacheSlots[i] = quint32(index + 1);
    }
}

qint64 AggregationBatch::integer(std::size_t row, int field) const
{
    const BatchValue cell = value(row, field);
    switch (cell.kind()) {
    case CellKind::Integer:
        return cell.integer();
    case CellKind::Double:
        return qint64(cell.number());
    case CellKind::Text:
    case CellKind::Json:
        return string(cell).toLongLong();
    case CellKind::Null:
    case CellKind::Bool:
        break;
    }
    return 0;
}

QString AggregationBatch::text(std::size_t row, int field) const
{
    const BatchValue cell = value(row, field);
    switch (cell.kind()) {
    case CellKind::Text:
    case CellKind::Json:
        return string(cell);
    case CellKind::Integer:
        return QString::number(cell.integer());
    case CellKind::Double:
        return QString::number(cell.number());
    case CellKind::Bool:
        return cell.boolean() ? QStringLiteral("true") : QStringLiteral("false");
    case CellKind::Null:
        break;
    }
    return {};
}

Cell AggregationBatch::cell(std::size_t row, int field) const
{
    const BatchValue cell = value(row, field);
    switch (cell.kind()) {
    case CellKind::Integer:
        return cell.integer();
    case CellKind::Double:
        return cell.number();
    case CellKind::Bool:
        return cell.boolean();
    case CellKind::Text:
    case CellKind::Json:
        return string(cell);
    case CellKind::Null:
        break;
    }
    return {};
}

qint64 AggregationPage::integer(std::size_t row, int field) const
{
    const Cell &cell = rows[row][std::size_t(field)];
    if (const auto *i = std::get_if<qint64>(&cell))
        return *i;
    if (const auto *dbl = std::get_if<double>(&cell))
        return qint64(*dbl);
    if (const auto *s = std::get_if<QString>(&cell))
        return s->toLongLong();
    return 0;
}

QString AggregationPage::text(std::size_t row, int field) const
{
    const Cell &cell = rows[row][std::size_t(field)];
    if (const auto *s = std::get_if<QString>(&cell))
        return *s;
    if (const auto *i = std::get_if<qint64>(&cell))
        return QString::number(*i);
    if (const auto *dbl = std::get_if<double>(&cell))
        return QString::number(*dbl);
    if (const auto *b = std::get_if<bool>(&cell))
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}
