// SPDX-License-Identifier: MIT
#include "httpresponder.h"

#include "httpconnection.h"

namespace AgentBay::Server {

HttpResponder::HttpResponder(HttpConnection *connection, quint64 serial)
    : m_connection(connection)
    , m_serial(serial)
{
}

HttpConnection *HttpResponder::live() const
{
    HttpConnection *connection = m_connection.data();
    return connection && connection->isAnswering(m_serial) ? connection : nullptr;
}

bool HttpResponder::isOpen() const
{
    return live() != nullptr;
}

void HttpResponder::respond(const HttpResponse &response) const
{
    if (HttpConnection *connection = live()) {
        connection->respond(response);
    }
}

void HttpResponder::beginStream(const HttpResponse &head) const
{
    if (HttpConnection *connection = live()) {
        connection->beginStream(head);
    }
}

void HttpResponder::writeStream(const QByteArray &data) const
{
    if (HttpConnection *connection = live()) {
        connection->writeStream(data);
    }
}

void HttpResponder::endStream() const
{
    if (HttpConnection *connection = live()) {
        connection->endStream();
    }
}

HttpTakeover HttpResponder::takeOver(QObject *newParent) const
{
    if (HttpConnection *connection = live()) {
        return connection->takeOver(newParent);
    }
    return {};
}

} // namespace AgentBay::Server
