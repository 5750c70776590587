#pragma once

#include "Faults.h"

#include <QByteArray>
#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace pendosim {

class Exchange;

/**
 * The hand-over between a request thread producing a body and the server thread writing it to
 * the socket. Bounded: the producer blocks while too many bytes are queued or still in the
 * socket's buffer, so a large page never exists whole in memory. Thread-safe; shared by both.
 */
class StreamChannel final
{
public:
    static constexpr std::size_t kHighWater = 4 * 1024 * 1024;

    /** Producer side: waits for room, then accounts for the chunk. False once cancelled. */
    bool reserve(std::size_t bytes);
    bool cancelled() const;

    /** Server side. */
    void delivered(std::size_t bytes, std::size_t socketBuffered);
    void socketDrained(std::size_t socketBuffered);
    void cancel();

    QPointer<Exchange> exchange; // touched on the server thread only

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::size_t m_queued = 0;
    std::size_t m_socketBuffered = 0;
    bool m_cancelled = false;
};

/**
 * One HTTP request/response on a client connection: writes the status line, headers and body
 * straight to the socket (fixed length or chunked), applying the body faults (truncate,
 * malformed). A hung exchange simply never writes. Parented to the socket, so it dies with the
 * connection; lives on the server thread.
 */
class Exchange final : public QObject
{
    Q_OBJECT

public:
    Exchange(QHttpServerResponder &&responder, FaultKind fault, QObject *parent);
    ~Exchange() override;

    /** A complete response. An empty contentType sends no Content-Type header. */
    void send(int status, const QByteArray &contentType, const std::string &body);

    /** Streaming: open a channel for a producer thread, then feed chunk()/finish() on this thread. */
    std::shared_ptr<StreamChannel> openStream(const QByteArray &contentType);
    void chunk(std::string data);
    /** error set: answer with it if nothing was sent yet, else drop the connection. */
    void finish(const std::optional<std::pair<int, std::string>> &error, const QByteArray &errorType);

    bool finished() const { return m_done; }

private:
    void writeHead(int status, const QByteArray &contentType, std::optional<std::size_t> length);
    void writeChunkFrame(const std::string &data);
    /** The truncate fault on a stream: half of first + second, inside a frame promising all. */
    void writeCutChunk(const std::string &first, const std::string &second);
    void closeConnection();
    void complete();
    void onBytesWritten();

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    FaultKind m_fault;
    std::shared_ptr<StreamChannel> m_channel;
    QByteArray m_streamType;
    std::string m_pending; // the first chunk, held back until we know whether more follow
    bool m_headWritten = false;
    bool m_done = false;
    std::size_t m_sentBody = 0;
};

} // namespace pendosim
