#pragma once

#include "AggregationDecoder.h"
#include "PendoError.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>

class PendoCall;
class PendoClient;

/** Building blocks of aggregation pipelines (pendo-api.md §3). */
namespace Pipeline {
/** A string literal for Pendo's expression language: double quotes, with \" and \\ escaped. */
QString quote(const QString &text);
/** An expression literal for a decoded value (numbers bare, text quoted, null as null). */
QString literal(const Cell &cell);
/** "(k1 > v1) || (k1 == v1 && k2 > v2) || …": the rows strictly after `last` in sort order. */
QString after(const QStringList &sortKeys, const std::vector<Cell> &last);
} // namespace Pipeline

/**
 * Reads an aggregation page by page. Pendo has no offset ("skip" is rejected), so each page
 * is sorted by a unique key and filtered to the rows after the previous page's last row (keyset
 * paging), which also holds when many rows share a timestamp. Lives on the client's thread.
 */
class KeysetPager final : public QObject
{
    Q_OBJECT

public:
    /**
     * `stages`: the source and any filters; `sortKeys` must identify a row uniquely and be
     * among `fields`, the fields decoded from each row.
     */
    KeysetPager(PendoClient *client, QJsonArray stages, QStringList sortKeys, QStringList fields, int pageSize,
                QObject *parent = nullptr);

    void start();
    void cancel();
    int pagesFetched() const { return m_pages; }

Q_SIGNALS:
    void pageReady(const AggregationPage &page);
    /** Once, after the last page or the first failure (PendoError::Kind::None on success). */
    void finished(const PendoError &error);

private:
    void fetchNext();
    QJsonObject requestFor() const;

    PendoClient *m_client;
    const QJsonArray m_stages;
    const QStringList m_sortKeys;
    const QStringList m_fields;
    const int m_pageSize;
    std::vector<int> m_sortIndexes;
    std::vector<Cell> m_cursor;
    bool m_hasCursor = false;
    AggregationDecoder m_decoder;
    AggregationPage m_page;
    QPointer<PendoCall> m_call;
    int m_pages = 0;
    bool m_done = false;
};
