// Writing a recompute's results: the one unit of work that replaces the derived layer (all of it,
// or the days from the first recomputed day on).

#include "CalculatedFields.h"
#include "Recompute.h"
#include "RecomputeInputs.h"
#include "store/NativeStatement.h"
#include "store/WriteTransaction.h"

#include <QHash>

#include <algorithm>

namespace {

void bindValue(NativeStatement &statement, int index, double value)
{
    if (std::isnan(value))
        statement.bindNull(index);
    else
        statement.bind(index, value);
}

void bindInteger(NativeStatement &statement, int index, double value)
{
    if (std::isnan(value))
        statement.bindNull(index);
    else
        statement.bind(index, qint64(std::llround(value)));
}

/** The insert of a calculated-field row: the key, then every field in MetricFields order. */
QByteArray metricInsert()
{
    QByteArray columns = "account_id, app_id, day", values = "?, ?, ?";
    for (const MetricFieldInfo &info : MetricFields::all()) {
        columns += ", " + QByteArray(info.column);
        values += ", ?";
    }
    return "INSERT INTO account_metrics (" + columns + ") VALUES (" + values + ")";
}

/** The statements of the unit, prepared once. */
struct Statements
{
    explicit Statements(sqlite3 *db)
        : metric(db, metricInsert().constData())
        , score(db, "INSERT INTO health_scores (account_id, day, model_version, score, band) VALUES (?, ?, ?, ?, ?)")
        , milestone(db, "INSERT OR REPLACE INTO account_milestones (account_id, app_id, first_active_day, "
                        "last_active_day, first_value_day) VALUES (?, ?, ?, ?, ?)")
        , contact(db, "INSERT INTO contact_activity (contact_id, app_id, first_seen_day, last_seen_day, "
                      "active_days_30d, events_30d, minutes_30d) VALUES (?, 0, ?, ?, ?, ?, ?) "
                      "ON CONFLICT (contact_id, app_id) DO UPDATE SET "
                      "first_seen_day = MIN(first_seen_day, excluded.first_seen_day), "
                      "last_seen_day = MAX(last_seen_day, excluded.last_seen_day), "
                      "active_days_30d = excluded.active_days_30d, events_30d = excluded.events_30d, "
                      "minutes_30d = excluded.minutes_30d")
        , item(db, "INSERT INTO account_item_usage (account_id, item_ref, events_30d, visitors_30d, last_used_day) "
                   "VALUES (?, ?, ?, ?, ?)")
        , visitorFirst(db, "INSERT OR IGNORE INTO analytics_visitor_first (account_id, app_id, visitor_ref, first_day) "
                           "VALUES (?, ?, ?, ?)")
        , custom(db, "INSERT INTO account_custom_metrics (account_id, metric, day, value) VALUES (?, ?, ?, ?)")
        , run(db, "INSERT INTO analytics_runs (kind, reason, started_at, finished_at, from_day, to_day, accounts, "
                  "rows_written, status, inputs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'completed', ?)")
    {
    }

    bool ok() const
    {
        return metric.ok() && score.ok() && milestone.ok() &&
               contact.ok() && item.ok() && visitorFirst.ok() && custom.ok() && run.ok();
    }

    NativeStatement metric, score, milestone, contact, item, visitorFirst, custom, run;
};

bool exec(sqlite3 *db, const char *sql)
{
    return sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

/** A model version's inputs resolved once: a calculated field's index, or a custom metric's key. */
struct ResolvedModel
{
    const HealthModelVersion *version = nullptr;
    std::vector<int> field; // −1: custom metric
    QStringList custom;
    std::vector<double> values;
};

std::vector<ResolvedModel> resolveModels(const QList<HealthModelVersion> &versions)
{
    static const QString prefix = QStringLiteral("custom:");
    std::vector<ResolvedModel> out;
    for (const HealthModelVersion &v : versions) {
        ResolvedModel r;
        r.version = &v;
        for (const HealthInput &input : v.model.inputs) {
            const std::optional<MetricField> f = MetricFields::fromColumn(input.metric);
            r.field.push_back(f ? int(*f) : -1);
            r.custom << (f ? QString() : input.metric.mid(prefix.size()));
        }
        r.values.resize(r.field.size());
        out.push_back(std::move(r));
    }
    return out;
}

bool writeMetricsAndScores(Statements &st, const RecomputeInputs &in, const CalculatedFields &fields,
                           RecomputeSummary *summary)
{
    std::vector<ResolvedModel> models = resolveModels(in.models);
    bool ok = true;
    fields.forEachRow([&](const MetricRow &row) {
        if (!ok)
            return;
        const qint64 accountId = in.accountIds[std::size_t(row.accountId)];
        NativeStatement &m = st.metric;
        m.bind(1, accountId);
        m.bind(2, row.appId);
        m.bind(3, qint64(row.day));
        int column = 4;
        for (const MetricFieldInfo &info : MetricFields::all()) {
            if (info.unit == MetricUnit::Count || info.unit == MetricUnit::Days)
                bindInteger(m, column++, row.value(info.field));
            else
                bindValue(m, column++, row.value(info.field));
        }
        ok = m.step();
        ++summary->rowsWritten;
        if (!ok || row.appId != 0)
            return;
        const HealthModelVersion &version = HealthModelStore::inEffect(in.models, row.day);
        ResolvedModel &model = models[std::size_t(&version - in.models.constData())];
        for (std::size_t i = 0; i < model.field.size(); ++i)
            model.values[i] = model.field[i] >= 0 ? row.values[std::size_t(model.field[i])]
                                                  : in.customValue(int(row.accountId), model.custom[qsizetype(i)], row.day);
        const std::optional<double> score = version.model.scoreValues(model.values.data());
        if (!score)
            return;
        st.score.bind(1, accountId);
        st.score.bind(2, qint64(row.day));
        st.score.bind(3, qint64(version.version));
        st.score.bind(4, *score);
        st.score.bind(5, qint64(version.model.bandOf(*score)));
        ok = st.score.step();
        ++summary->scoresWritten;
    });
    return ok;
}

bool writeSummaries(Statements &st, const RecomputeInputs &in, const CalculatedFields &fields)
{
    for (const Milestones &m : fields.milestones()) {
        st.milestone.bind(1, in.accountIds[std::size_t(m.account)]);
        st.milestone.bind(2, m.app);
        const auto bindDay = [&](int index, const std::optional<int> &day) {
            if (day)
                st.milestone.bind(index, qint64(*day));
            else
                st.milestone.bindNull(index);
        };
        bindDay(3, m.firstActive);
        bindDay(4, m.lastActive);
        bindDay(5, m.firstValue);
        if (!st.milestone.step())
            return false;
    }
    // Contacts: a visitor active in two accounts is one contact.
    QHash<qint64, VisitorSummary> byContact;
    for (const VisitorSummary &v : fields.visitorSummaries()) {
        const auto contact = in.contactOfVisitor.find(v.visitor);
        if (contact == in.contactOfVisitor.end())
            continue;
        auto it = byContact.find(contact->second);
        if (it == byContact.end()) {
            byContact.insert(contact->second, v);
            continue;
        }
        it->firstDay = std::min(it->firstDay, v.firstDay);
        it->lastDay = std::max(it->lastDay, v.lastDay);
        it->activeDays30d = std::max(it->activeDays30d, v.activeDays30d);
        it->events30d += v.events30d;
        it->minutes30d += v.minutes30d;
    }
    for (auto it = byContact.cbegin(); it != byContact.cend(); ++it) {
        st.contact.bind(1, it.key());
        st.contact.bind(2, qint64(it->firstDay));
        st.contact.bind(3, qint64(it->lastDay));
        st.contact.bind(4, qint64(it->activeDays30d));
        st.contact.bind(5, it->events30d);
        st.contact.bind(6, it->minutes30d);
        if (!st.contact.step())
            return false;
    }
    for (const ItemSummary &s : fields.itemSummaries()) {
        st.item.bind(1, in.accountIds[std::size_t(s.account)]);
        st.item.bind(2, qint64(s.item));
        st.item.bind(3, s.events30d);
        st.item.bind(4, qint64(s.visitors30d));
        st.item.bind(5, qint64(s.lastUsedDay));
        if (!st.item.step())
            return false;
    }
    bool ok = true;
    fields.forEachNewVisitorFirst([&](int account, qint64 app, quint32 visitor, int day) {
        if (!ok)
            return;
        st.visitorFirst.bind(1, in.accountIds[std::size_t(account)]);
        st.visitorFirst.bind(2, app);
        st.visitorFirst.bind(3, qint64(visitor));
        st.visitorFirst.bind(4, qint64(day));
        ok = st.visitorFirst.step();
    });
    return ok;
}

bool writeCustomMetrics(Statements &st, const RecomputeInputs &in, int fromDay)
{
    for (std::size_t account = 0; account < in.custom.size(); ++account)
        for (auto it = in.custom[account].cbegin(); it != in.custom[account].cend(); ++it) {
            const QByteArray metric = it.key().toUtf8();
            for (const auto &[day, value] : *it) {
                if (day < fromDay)
                    continue;
                st.custom.bind(1, in.accountIds[account]);
                st.custom.bind(2, std::string_view(metric.constData(), std::size_t(metric.size())));
                st.custom.bind(3, qint64(day));
                st.custom.bind(4, value);
                if (!st.custom.step())
                    return false;
            }
        }
    return true;
}

} // namespace

StoreError writeDerivedLayer(WriteTransaction &tx, const RecomputeInputs &in, const CalculatedFields &fields,
                             const RecomputeRequest &request, int fromDay, int toDay, RecomputeSummary *summary)
{
    auto *db = static_cast<sqlite3 *>(tx.nativeHandle());
    if (!db)
        return StoreError::failed(QStringLiteral("the derived layer needs a SQLite workspace"));
    const bool full = summary->kind == RecomputeRequest::Kind::Full;
    const auto failed = [db] { return NativeStatement::errorOf(db); };

    if (full) {
        for (const char *table : {"account_metrics", "health_scores", "account_milestones", "contact_activity",
                                  "analytics_visitor_first", "account_custom_metrics"})
            if (!exec(db, QByteArray(QByteArray("DELETE FROM ") + table).constData()))
                return failed();
    } else {
        NativeStatement removeMetrics(db, "DELETE FROM account_metrics WHERE account_id = ? AND app_id = ? AND day >= ?");
        NativeStatement removeScores(db, "DELETE FROM health_scores WHERE account_id = ? AND day >= ?");
        NativeStatement removeCustom(db, "DELETE FROM account_custom_metrics WHERE day >= ?");
        if (!removeMetrics.ok() || !removeScores.ok() || !removeCustom.ok())
            return failed();
        for (const qint64 accountId : in.accountIds) {
            for (const qint64 app : fields.sliceApps()) {
                removeMetrics.bind(1, accountId);
                removeMetrics.bind(2, app);
                removeMetrics.bind(3, qint64(fromDay));
                if (!removeMetrics.step())
                    return failed();
            }
            removeScores.bind(1, accountId);
            removeScores.bind(2, qint64(fromDay));
            if (!removeScores.step())
                return failed();
        }
        removeCustom.bind(1, qint64(fromDay));
        // Contacts not active lately keep their first and last day; their 30-day figures are 0 now.
        if (!removeCustom.step() ||
            !exec(db, "UPDATE contact_activity SET active_days_30d = 0, events_30d = 0, minutes_30d = 0"))
            return failed();
    }
    if (!exec(db, "DELETE FROM account_item_usage"))
        return failed();

    Statements st(db);
    if (!st.ok() || !writeMetricsAndScores(st, in, fields, summary) || !writeSummaries(st, in, fields) ||
        !writeCustomMetrics(st, in, fromDay))
        return failed();

    const std::string now = tx.nowText().toStdString();
    const std::string reason = request.reason.toStdString();
    st.run.bind(1, std::string_view(full ? "full" : "incremental"));
    st.run.bind(2, std::string_view(reason));
    st.run.bind(3, std::string_view(now));
    st.run.bind(4, std::string_view(now));
    st.run.bind(5, qint64(fromDay));
    st.run.bind(6, qint64(toDay));
    st.run.bind(7, qint64(in.accountIds.size()));
    st.run.bind(8, summary->rowsWritten);
    const QByteArray inputs = in.fingerprint();
    st.run.bind(9, std::string_view(inputs.constData(), std::size_t(inputs.size())));
    if (!st.run.step())
        return failed();
    return {};
}
