#include "Exchange.h"

#include <algorithm>

namespace pendosim {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace

bool StreamChannel::reserve(std::size_t bytes)
{
    std::unique_lock lock(m_mutex);
    m_cv.wait(lock, [&] { return m_cancelled || m_queued + m_socketBuffered < kHighWater; });
    if (m_cancelled)
        return false;
    m_queued += bytes;
    return true;
}

bool StreamChannel::cancelled() const
{
    std::lock_guard lock(m_mutex);
    return m_cancelled;
}

void StreamChannel::delivered(std::size_t bytes, std::size_t socketBuffered)
{
    {
        std::lock_guard lock(m_mutex);
        m_queued -= std::min(bytes, m_queued);
        m_socketBuffered = socketBuffered;
    }
    m_cv.notify_all();
}

void StreamChannel::socketDrained(std::size_t socketBuffered)
{
    {
        std::lock_guard lock(m_mutex);
        m_socketBuffered = socketBuffered;
    }
    m_cv.notify_all();
}

void StreamChannel::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_cv.notify_all();
}

Exchange::Exchange(QHttpServerResponder &&responder, FaultKind fault, QObject *parent)
    : QObject(parent)
    , m_responder(std::move(responder))
    , m_socket(m_responder.socket())
    , m_fault(fault)
{
    if (m_socket)
        connect(m_socket, &QTcpSocket::bytesWritten, this, &Exchange::onBytesWritten);
}

Exchange::~Exchange()
{
    if (m_channel)
        m_channel->cancel();
}

void Exchange::writeHead(int status, const QByteArray &contentType, std::optional<std::size_t> length)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        head += "Content-Type: " + contentType + "\r\n";
    if (length)
        head += "Content-Length: " + QByteArray::number(static_cast<qulonglong>(*length)) + "\r\n";
    else
        head += "Transfer-Encoding: chunked\r\n";
    head += "\r\n";
    m_socket->write(head);
    m_headWritten = true;
}

void Exchange::writeChunkFrame(const std::string &data)
{
    if (data.empty())
        return;
    m_socket->write(QByteArray::number(static_cast<qulonglong>(data.size()), 16) + "\r\n");
    m_socket->write(data.data(), static_cast<qint64>(data.size()));
    m_socket->write("\r\n");
    m_sentBody += data.size();
}

void Exchange::writeCutChunk(const std::string &first, const std::string &second)
{
    // One frame promising both pieces, cut off inside its data: the stream stops mid-chunk, never
    // on a frame boundary. A hang-up right after a complete frame is easy for a client to read
    // past without noticing, and its reply may then wait for the rest forever.
    const std::size_t promised = first.size() + second.size();
    const std::size_t cut = promised / 2; // 1 <= cut < promised: both pieces are non-empty
    const std::size_t fromFirst = std::min(cut, first.size());
    m_socket->write(QByteArray::number(static_cast<qulonglong>(promised), 16) + "\r\n");
    m_socket->write(first.data(), static_cast<qint64>(fromFirst));
    m_socket->write(second.data(), static_cast<qint64>(cut - fromFirst));
    m_sentBody += cut;
}

void Exchange::send(int status, const QByteArray &contentType, const std::string &body)
{
    if (m_done || !m_socket)
        return;
    if (m_fault == FaultKind::Truncate && !body.empty()) {
        // Promise the whole body, deliver half, hang up: what a dropped connection looks like.
        writeHead(status, contentType, body.size());
        m_socket->write(body.data(), static_cast<qint64>(body.size() / 2));
        closeConnection();
        return;
    }
    std::size_t length = body.size();
    if (m_fault == FaultKind::Malformed && !body.empty())
        length = std::max<std::size_t>(1, body.size() * 2 / 3); // a valid HTTP reply, invalid JSON
    writeHead(status, contentType, length);
    m_socket->write(body.data(), static_cast<qint64>(length));
    complete();
}

std::shared_ptr<StreamChannel> Exchange::openStream(const QByteArray &contentType)
{
    m_streamType = contentType;
    m_channel = std::make_shared<StreamChannel>();
    m_channel->exchange = this;
    return m_channel;
}

void Exchange::chunk(std::string data)
{
    const std::size_t size = data.size();
    if (m_done || !m_socket) {
        m_channel->delivered(size, 0);
        return;
    }
    if (!m_headWritten && m_pending.empty()) {
        m_pending = std::move(data);
        m_channel->delivered(size, static_cast<std::size_t>(m_socket->bytesToWrite()) + m_pending.size());
        return;
    }
    if (!m_headWritten) {
        writeHead(200, m_streamType, std::nullopt);
        if (m_fault == FaultKind::Truncate) {
            writeCutChunk(m_pending, data);
            m_pending.clear();
            m_channel->delivered(size, 0);
            closeConnection();
            return;
        }
        if (m_fault == FaultKind::Malformed) {
            writeChunkFrame(m_pending.substr(0, m_pending.size() * 2 / 3));
            m_pending.clear();
            m_channel->delivered(size, 0);
            m_channel->cancel();
            m_socket->write("0\r\n\r\n");
            complete();
            return;
        }
        writeChunkFrame(m_pending);
        m_pending.clear();
        m_pending.shrink_to_fit();
    }
    writeChunkFrame(data);
    m_channel->delivered(size, static_cast<std::size_t>(m_socket->bytesToWrite()));
}

void Exchange::finish(const std::optional<std::pair<int, std::string>> &error, const QByteArray &errorType)
{
    if (m_done || !m_socket)
        return;
    if (error) {
        if (!m_headWritten) {
            m_pending.clear();
            send(error->first, errorType, error->second);
        } else {
            closeConnection();
        }
        return;
    }
    if (!m_headWritten) {
        const std::string body = std::move(m_pending);
        m_pending.clear();
        send(200, m_streamType, body);
        return;
    }
    m_socket->write("0\r\n\r\n");
    complete();
}

void Exchange::closeConnection()
{
    m_done = true;
    if (m_channel)
        m_channel->cancel();
    if (m_socket)
        m_socket->disconnectFromHost();
}

void Exchange::complete()
{
    m_done = true;
    if (m_channel)
        m_channel->cancel();
    deleteLater();
}

void Exchange::onBytesWritten()
{
    if (m_channel && m_socket)
        m_channel->socketDrained(static_cast<std::size_t>(m_socket->bytesToWrite()));
}

} // namespace pendosim
