#pragma once

#include "AggregationBatch.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

/**
 * Decodes {"startTime":…, "results":[{…}, …]} with simdjson's on-demand parser in one forward pass,
 * straight into an AggregationBatch — no DOM and no QJsonDocument in between, which matters for
 * 50,000-row pages. Only the requested fields are kept; dot paths ("metadata.auto.lastupdated") reach
 * into objects, a field that holds an object or a list comes back as its compact JSON text, a missing
 * field is null and an integer beyond 64 bits becomes a double. Strings without escapes and integers
 * of up to 18 digits are read straight from the input; the rest goes through simdjson's own parsers.
 * Like any on-demand reader it checks the structure, the UTF-8 and every value it reads, but not the
 * inside of values it skips. Owns the parser buffers and the path tree; one instance per thread.
 */
class AggregationDecoder final
{
public:
    explicit AggregationDecoder(QStringList fields);
    ~AggregationDecoder();
    AggregationDecoder(const AggregationDecoder &) = delete;
    AggregationDecoder &operator=(const AggregationDecoder &) = delete;

    /**
     * False with *error (naming the byte offset where possible) when the body is not a valid
     * answer; the batch is then empty. Decodes in place when the body has room for simdjson's
     * padding (64 spare bytes of capacity behind its data), otherwise from a copy kept in the batch.
     */
    bool decode(const QByteArray &body, AggregationBatch *batch, QString *error);
    /** The same, as rows of Cells for callers that keep whole rows (the keyset cursor, catalog reads). */
    bool decode(const QByteArray &body, AggregationPage *page, QString *error);

    /**
     * The simdjson kernel chosen for this CPU at run time, e.g. "icelake": it indexes the structure of
     * every page (stage 1) and unescapes strings, for the on-demand API as for the DOM.
     */
    static QString structuralKernel();
    /**
     * The kernel simdjson's on-demand iteration and number parsing were compiled for: "fallback" on
     * baseline x86-64, as it is fixed by the build's target flags. Measured on this code, building for
     * haswell or icelake instead does not make decoding faster.
     */
    static QString valueKernel();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
