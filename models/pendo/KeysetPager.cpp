#include "KeysetPager.h"

#include "PendoClient.h"

QString Pipeline::quote(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out.append(u'"');
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\')
            out.append(u'\\');
        out.append(c);
    }
    out.append(u'"');
    return out;
}

QString Pipeline::literal(const Cell &cell)
{
    if (const auto *i = std::get_if<qint64>(&cell))
        return QString::number(*i);
    if (const auto *d = std::get_if<double>(&cell))
        return QString::number(*d, 'g', 17);
    if (const auto *b = std::get_if<bool>(&cell))
        return *b ? QStringLiteral("true") : QStringLiteral("false");
    if (const auto *s = std::get_if<QString>(&cell))
        return quote(*s);
    return QStringLiteral("null");
}

QString Pipeline::after(const QStringList &sortKeys, const std::vector<Cell> &last)
{
    QStringList alternatives;
    for (qsizetype i = 0; i < sortKeys.size(); ++i) {
        QStringList terms;
        for (qsizetype j = 0; j < i; ++j)
            terms << QStringLiteral("%1 == %2").arg(sortKeys.at(j), literal(last[std::size_t(j)]));
        terms << QStringLiteral("%1 > %2").arg(sortKeys.at(i), literal(last[std::size_t(i)]));
        alternatives << QStringLiteral("(") + terms.join(QStringLiteral(" && ")) + QStringLiteral(")");
    }
    return alternatives.join(QStringLiteral(" || "));
}

KeysetPager::KeysetPager(PendoClient *client, QJsonArray stages, QStringList sortKeys, QStringList fields,
                         int pageSize, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_stages(std::move(stages))
    , m_sortKeys(std::move(sortKeys))
    , m_fields(std::move(fields))
    , m_pageSize(pageSize)
    , m_decoder(m_fields)
{
    for (const QString &key : m_sortKeys)
        m_sortIndexes.push_back(int(m_fields.indexOf(key)));
}

QJsonObject KeysetPager::requestFor() const
{
    QJsonArray pipeline = m_stages;
    if (m_hasCursor) {
        std::vector<Cell> keys;
        for (int index : m_sortIndexes)
            keys.push_back(m_cursor[std::size_t(index)]);
        pipeline.append(QJsonObject{{QStringLiteral("filter"), Pipeline::after(m_sortKeys, keys)}});
    }
    pipeline.append(QJsonObject{{QStringLiteral("sort"), QJsonArray::fromStringList(m_sortKeys)}});
    pipeline.append(QJsonObject{{QStringLiteral("limit"), m_pageSize}});
    return QJsonObject{{QStringLiteral("pipeline"), pipeline}};
}

void KeysetPager::start()
{
    for (int index : m_sortIndexes) {
        if (index < 0) {
            m_done = true;
            Q_EMIT finished(PendoError(PendoError::Kind::BadRequest, 0,
                                       QStringLiteral("every sort key must be among the decoded fields")));
            return;
        }
    }
    fetchNext();
}

void KeysetPager::fetchNext()
{
    m_call = m_client->aggregate(requestFor(), [this](const QByteArray &body, QString *error) {
        return m_decoder.decode(body, &m_page, error);
    });
    connect(m_call, &PendoCall::finished, this, [this, call = m_call.data()] {
        call->deleteLater();
        if (m_done)
            return;
        if (call->error().isError()) {
            m_done = true;
            Q_EMIT finished(call->error());
            return;
        }
        ++m_pages;
        const bool last = qsizetype(m_page.rows.size()) < m_pageSize;
        if (!m_page.rows.empty()) {
            m_cursor = m_page.rows.back();
            m_hasCursor = true;
        }
        Q_EMIT pageReady(m_page);
        if (last || m_done) {
            m_done = true;
            Q_EMIT finished(PendoError());
        } else {
            fetchNext();
        }
    });
}

void KeysetPager::cancel()
{
    if (m_done)
        return;
    m_done = true;
    if (m_call)
        m_call->abort();
    Q_EMIT finished(PendoError(PendoError::Kind::Canceled));
}
