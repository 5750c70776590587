#include "AggregationDecoder.h"

#include <simdjson.h>

#include <limits>
#include <unordered_map>
#include <string_view>

namespace {

/** A field path split once into its segments, e.g. metadata.auto.id → {metadata, auto, id}. */
struct FieldPath
{
    std::vector<std::string> segments;
};

/**
 * Ids repeat across a page (accounts, features, apps): decoding each distinct string once and
 * sharing the QString saves most of the allocation and UTF-8 work. Valid for one parse only,
 * since the keys point into the parser's buffer.
 */
using StringCache = std::unordered_map<std::string_view, QString>;

Cell scalarCell(simdjson::dom::element value, StringCache &cache)
{
    switch (value.type()) {
    case simdjson::dom::element_type::INT64:
        return qint64(int64_t(value));
    case simdjson::dom::element_type::UINT64: {
        const uint64_t u = uint64_t(value);
        if (u <= uint64_t(std::numeric_limits<qint64>::max()))
            return qint64(u);
        return double(u);
    }
    case simdjson::dom::element_type::DOUBLE:
        return double(value);
    case simdjson::dom::element_type::STRING: {
        const std::string_view text = std::string_view(value);
        auto it = cache.find(text);
        if (it == cache.end())
            it = cache.emplace(text, QString::fromUtf8(text.data(), qsizetype(text.size()))).first;
        return it->second;
    }
    case simdjson::dom::element_type::BOOL:
        return bool(value);
    case simdjson::dom::element_type::ARRAY:
    case simdjson::dom::element_type::OBJECT: {
        // A whole object or list (e.g. "metadata") is kept as its compact JSON text.
        const std::string text = simdjson::to_string(value);
        return QString::fromUtf8(text.data(), qsizetype(text.size()));
    }
    default:
        return {};
    }
}

} // namespace

// The DOM API dispatches at run time to the best kernel of the CPU (AVX2, SSE4.2…); the
// on-demand API of this simdjson release would be fixed at compile time to the portable one.
struct AggregationDecoder::Impl
{
    simdjson::dom::parser parser;
    QStringList names;
    std::vector<FieldPath> paths;
    StringCache strings;

    /** Fills every requested field of `row` whose path continues below `object` at `depth`. */
    void walk(simdjson::dom::object object, std::size_t depth, const std::vector<int> &candidates,
              std::vector<Cell> &row)
    {
        for (const auto field : object) {
            std::vector<int> deeper;
            for (int index : candidates) {
                const FieldPath &path = paths[std::size_t(index)];
                if (path.segments[depth] != field.key)
                    continue;
                if (path.segments.size() == depth + 1)
                    row[std::size_t(index)] = scalarCell(field.value, strings);
                else
                    deeper.push_back(index);
            }
            if (!deeper.empty() && field.value.is_object())
                walk(simdjson::dom::object(field.value), depth + 1, deeper, row);
        }
    }
};

AggregationDecoder::AggregationDecoder(QStringList fields)
    : d(std::make_unique<Impl>())
{
    d->names = fields;
    for (const QString &field : fields) {
        FieldPath path;
        for (const QString &segment : field.split(u'.'))
            path.segments.push_back(segment.toStdString());
        d->paths.push_back(std::move(path));
    }
}

AggregationDecoder::~AggregationDecoder() = default;

bool AggregationDecoder::decode(const QByteArray &body, AggregationPage *page, QString *error)
{
    page->fields = d->names;
    page->rows.clear();
    page->startTime = 0;
    d->strings.clear();
    simdjson::dom::element doc;
    // parse() copies into its own padded buffer when the input lacks simdjson's padding.
    if (auto code = d->parser.parse(body.constData(), std::size_t(body.size())).get(doc)) {
        *error = QString::fromUtf8(simdjson::error_message(code));
        return false;
    }
    simdjson::dom::object root;
    if (doc.get_object().get(root)) {
        *error = QStringLiteral("the answer is not a JSON object");
        return false;
    }
    simdjson::dom::element start;
    if (root.at_key("startTime").get(start) == simdjson::SUCCESS && start.is_int64())
        page->startTime = int64_t(start);
    simdjson::dom::array results;
    if (root.at_key("results").get_array().get(results)) {
        *error = QStringLiteral("the answer has no \"results\" array");
        return false;
    }
    std::vector<int> all(d->paths.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = int(i);
    page->rows.reserve(results.size());
    for (const simdjson::dom::element element : results) {
        if (!element.is_object()) {
            *error = QStringLiteral("a result row is not an object");
            page->rows.clear();
            return false;
        }
        std::vector<Cell> row(d->paths.size());
        d->walk(simdjson::dom::object(element), 0, all, row);
        page->rows.push_back(std::move(row));
    }
    d->strings.clear();
    return true;
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
