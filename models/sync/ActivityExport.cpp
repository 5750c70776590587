#include "ActivityExport.h"

#include "store/CsvWriter.h"

#include <QIODevice>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>
#include <QVariant>

#include <algorithm>
#include <limits>
#include <memory>
#include <tuple>
#include <vector>

namespace {

constexpr const char *kindKeys[] = {"activity", "feature", "page", "guide", "track_type"};
constexpr int kindCount = int(std::size(kindKeys));

/** Position of a kind's key in alphabetical order: rows sort on the exported text, not the stored number. */
int kindRank(int kind)
{
    static const std::vector<int> ranks = [] {
        std::vector<int> byKey(kindCount);
        for (int i = 0; i < kindCount; ++i)
            byKey[i] = i;
        std::sort(byKey.begin(), byKey.end(),
                  [](int a, int b) { return std::string_view(kindKeys[a]) < std::string_view(kindKeys[b]); });
        std::vector<int> out(kindCount);
        for (int rank = 0; rank < kindCount; ++rank)
            out[byKey[rank]] = rank;
        return out;
    }();
    return kind >= 0 && kind < kindCount ? ranks[kind] : kindCount + kind;
}

struct Row
{
    qint64 app = 0;
    int kind = 0;
    QString item;
    QString visitor;
    QString account;
    qint64 events = 0;
    qint64 minutes = 0;

    // QString's operator< compares code units, never the locale: the order is the same everywhere.
    auto key() const { return std::tie(app, kindRankValue, item, visitor, account, events, minutes); }
    int kindRankValue = 0;
};

/** The rows of one (kind, app) in day order, walking the primary key. */
class KindAppCursor final
{
public:
    KindAppCursor(QSqlDatabase db, int kind, qint64 app)
        : m_query(db)
        , m_kind(kind)
        , m_app(app)
    {
        m_query.setForwardOnly(true);
    }

    bool start(qint64 fromDay, qint64 toDay, QString *error)
    {
        // The item and account joins only for non-zero refs: 0 means "none" (activity rows, no account).
        m_query.prepare(QStringLiteral(
            "SELECT a.day, i.pendo_id, v.visitor_id, acc.account_id, a.events, a.minutes FROM pendo_activity a "
            "LEFT JOIN pendo_catalog_items i ON a.item_ref <> 0 AND i.id = a.item_ref "
            "LEFT JOIN pendo_visitors v ON v.id = a.visitor_ref "
            "LEFT JOIN pendo_accounts acc ON a.account_ref <> 0 AND acc.id = a.account_ref "
            "WHERE a.kind = :kind AND a.app_id = :app AND a.day BETWEEN :from AND :to ORDER BY a.day"));
        m_query.bindValue(QStringLiteral(":kind"), m_kind);
        m_query.bindValue(QStringLiteral(":app"), m_app);
        m_query.bindValue(QStringLiteral(":from"), fromDay);
        m_query.bindValue(QStringLiteral(":to"), toDay);
        if (!m_query.exec()) {
            *error = m_query.lastError().text();
            return false;
        }
        advance();
        return true;
    }

    bool hasRow() const { return m_hasRow; }
    qint64 day() const { return m_day; }

    /** Moves this cursor's rows of `day` into `rows`. */
    void takeDay(qint64 day, std::vector<Row> &rows)
    {
        while (m_hasRow && m_day == day) {
            Row row;
            row.app = m_app;
            row.kind = m_kind;
            row.kindRankValue = kindRank(m_kind);
            row.item = m_query.value(1).toString();
            row.visitor = m_query.value(2).toString();
            row.account = m_query.value(3).toString();
            row.events = m_query.value(4).toLongLong();
            row.minutes = m_query.value(5).toLongLong();
            rows.push_back(std::move(row));
            advance();
        }
    }

private:
    void advance()
    {
        m_hasRow = m_query.next();
        if (m_hasRow)
            m_day = m_query.value(0).toLongLong();
    }

    QSqlQuery m_query;
    const int m_kind;
    const qint64 m_app;
    qint64 m_day = 0;
    bool m_hasRow = false;
};

/** Where rows go: one of the two formats. */
class RowSink
{
public:
    virtual ~RowSink() = default;
    virtual void begin() = 0;
    virtual void write(const QString &day, const Row &row) = 0;
    virtual void end() = 0;
    /** False when the device refused data. */
    virtual bool flush() = 0;
};

class CsvSink final : public RowSink
{
public:
    explicit CsvSink(QIODevice *device)
        : m_writer(device)
    {
    }
    void begin() override { m_writer.write(ActivityExport::columns()); }
    void write(const QString &day, const Row &row) override
    {
        m_writer.write({day, QString::number(row.app), ActivityExport::kindKey(row.kind), row.item, row.visitor,
                        row.account, QString::number(row.events), QString::number(row.minutes)});
    }
    void end() override { }
    bool flush() override { return m_writer.flush(); }

private:
    CsvWriter m_writer;
};

/** A JSON array, one object per line, keys in column order; empty item and account are null. */
class JsonSink final : public RowSink
{
public:
    explicit JsonSink(QIODevice *device)
        : m_stream(device)
    {
        m_stream.setEncoding(QStringConverter::Utf8);
    }
    void begin() override { m_stream << '['; }
    void write(const QString &day, const Row &row) override
    {
        m_stream << (m_first ? "\n" : ",\n") << "{\"day\":" << quoted(day) << ",\"app\":" << row.app
                 << ",\"kind\":" << quoted(ActivityExport::kindKey(row.kind)) << ",\"item\":" << orNull(row.item)
                 << ",\"visitor\":" << quoted(row.visitor) << ",\"account\":" << orNull(row.account)
                 << ",\"events\":" << row.events << ",\"minutes\":" << row.minutes << '}';
        m_first = false;
    }
    void end() override { m_stream << (m_first ? "]\n" : "\n]\n"); }
    bool flush() override
    {
        m_stream.flush();
        return m_stream.status() == QTextStream::Ok;
    }

private:
    static QString orNull(const QString &text) { return text.isEmpty() ? QStringLiteral("null") : quoted(text); }
    static QString quoted(const QString &text)
    {
        QString out;
        out.reserve(text.size() + 2);
        out += u'"';
        for (const QChar c : text) {
            switch (c.unicode()) {
            case u'"': out += QStringLiteral("\\\""); break;
            case u'\\': out += QStringLiteral("\\\\"); break;
            case u'\n': out += QStringLiteral("\\n"); break;
            case u'\r': out += QStringLiteral("\\r"); break;
            case u'\t': out += QStringLiteral("\\t"); break;
            default:
                if (c.unicode() < 0x20)
                    out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
                else
                    out += c;
            }
        }
        out += u'"';
        return out;
    }

    QTextStream m_stream;
    bool m_first = true;
};

/** The next value of `column` after `after` under an equality prefix: a loose scan of the primary key. */
std::optional<qint64> nextKey(QSqlDatabase db, const QString &sql, const QVariantMap &binds, QString *error)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (auto it = binds.cbegin(); it != binds.cend(); ++it)
        q.bindValue(it.key(), it.value());
    if (!q.exec()) {
        *error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

/** Every (kind, app) that has rows, found by index seeks rather than a scan of the whole table. */
std::vector<std::pair<int, qint64>> kindsAndApps(QSqlDatabase db, QString *error)
{
    std::vector<std::pair<int, qint64>> out;
    const QString nextKind = QStringLiteral("SELECT kind FROM pendo_activity WHERE kind > :after ORDER BY kind LIMIT 1");
    const QString nextApp = QStringLiteral(
        "SELECT app_id FROM pendo_activity WHERE kind = :kind AND app_id > :after ORDER BY kind, app_id LIMIT 1");
    qint64 kindAfter = std::numeric_limits<qint64>::min();
    while (const auto kind = nextKey(db, nextKind, {{QStringLiteral(":after"), kindAfter}}, error)) {
        qint64 appAfter = std::numeric_limits<qint64>::min();
        while (const auto app = nextKey(db, nextApp, {{QStringLiteral(":kind"), *kind}, {QStringLiteral(":after"), appAfter}},
                                        error)) {
            out.emplace_back(int(*kind), *app);
            appAfter = *app;
        }
        kindAfter = *kind;
    }
    return out;
}

} // namespace

const QStringList &ActivityExport::columns()
{
    static const QStringList names{QStringLiteral("day"),     QStringLiteral("app"),     QStringLiteral("kind"),
                                   QStringLiteral("item"),    QStringLiteral("visitor"), QStringLiteral("account"),
                                   QStringLiteral("events"),  QStringLiteral("minutes")};
    return names;
}

QString ActivityExport::kindKey(int kind)
{
    return kind >= 0 && kind < kindCount ? QString::fromLatin1(kindKeys[kind]) : QString();
}

std::optional<ActivityExport::Format> ActivityExport::formatFromKey(const QString &key)
{
    if (key.compare(QLatin1String("csv"), Qt::CaseInsensitive) == 0)
        return Format::Csv;
    if (key.compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
        return Format::Json;
    return std::nullopt;
}

ActivityExport::Result ActivityExport::write(QSqlDatabase db, QIODevice *device, const Options &options)
{
    Result result;
    const auto fail = [&result](const QString &detail) {
        result.error = tr("Cannot read the activity from the workspace: %1").arg(detail);
        return result;
    };
    const auto writeFailed = [&result, device] {
        result.error = tr("Cannot write the export: %1").arg(device->errorString());
        result.writeFailed = true;
        return result;
    };
    QString error;
    const std::vector<std::pair<int, qint64>> pairs = kindsAndApps(db, &error);
    if (!error.isEmpty())
        return fail(error);

    const qint64 fromDay = options.from.isValid() ? options.from.toJulianDay() : std::numeric_limits<qint64>::min();
    const qint64 toDay = options.to.isValid() ? options.to.toJulianDay() : std::numeric_limits<qint64>::max();
    std::vector<std::unique_ptr<KindAppCursor>> cursors;
    for (const auto &[kind, app] : pairs) {
        auto cursor = std::make_unique<KindAppCursor>(db, kind, app);
        if (!cursor->start(fromDay, toDay, &error))
            return fail(error);
        if (cursor->hasRow())
            cursors.push_back(std::move(cursor));
    }

    std::unique_ptr<RowSink> sink;
    if (options.format == Format::Json)
        sink = std::make_unique<JsonSink>(device);
    else
        sink = std::make_unique<CsvSink>(device);
    sink->begin();
    std::vector<Row> rows;
    for (;;) {
        qint64 day = std::numeric_limits<qint64>::max();
        bool any = false;
        for (const auto &cursor : cursors) {
            if (cursor->hasRow() && cursor->day() <= day) {
                day = cursor->day();
                any = true;
            }
        }
        if (!any)
            break;
        rows.clear();
        for (const auto &cursor : cursors)
            cursor->takeDay(day, rows);
        std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.key() < b.key(); });
        const QDate date = QDate::fromJulianDay(day);
        const QString dayText = date.toString(Qt::ISODate);
        for (const Row &row : rows)
            sink->write(dayText, row);
        result.rows += qint64(rows.size());
        if (!result.firstDay.isValid())
            result.firstDay = date;
        result.lastDay = date;
        if (!sink->flush())
            return writeFailed();
    }
    sink->end();
    if (!sink->flush())
        return writeFailed();
    return result;
}
