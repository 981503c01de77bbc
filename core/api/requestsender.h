// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/requestlogentry.h>
#include <core/api/result.h>
#include <core/config/config.h>

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>

#include <functional>

class QNetworkAccessManager;

namespace AgentBay::Core {

class Operation;

// The transport under ApiClient: builds one HTTP request (protocol.md 1.2-1.5), sends it,
// classifies the answer, retries reads (RetryPolicy) and reports each attempt to the request
// log. Redirects are never followed and answers larger than maxResponseBytes() are cut off.
class RequestSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestSender)

public:
    using Fields = QList<QPair<QString, QString>>;
    using EnvelopeHandler = std::function<void(const Result<QJsonObject> &)>;

    // Common parameters and `query` go into the URL, `body` plus Authorization into the form body.
    struct Request
    {
        QString action{};
        QString sessionId{}; // for the request log
        Fields body{};
        Fields query{};
        int timeoutMs = 0; // 0 = Config::timeoutMs
        bool authInQuery = false; // SyncContext: Authorization in the query string, not the body
    };

    // No answer of the API comes near this; a larger one is a broken or hostile server.
    static constexpr qint64 DefaultMaxResponseBytes = 32 * 1024 * 1024;

    explicit RequestSender(const Config &config, QObject *parent = nullptr);

    const Config &config() const { return m_config; }

    void setConfig(const Config &config);

    qint64 maxResponseBytes() const { return m_maxResponseBytes; }

    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    int inFlightCount() const { return m_inFlight; }

    // Sends on behalf of `operation` (cancel aborts the request or the retry wait); onEnvelope
    // gets the classified envelope once, on success, failure or cancel.
    void send(Operation *operation, const Request &request, EnvelopeHandler onEnvelope, int attempt = 1);

Q_SIGNALS:
    void requestStarted(const AgentBay::Core::RequestLogEntry &entry);
    void requestFinished(const AgentBay::Core::RequestLogEntry &entry);
    void inFlightCountChanged(int count);

private:
    QString authorization() const;
    void trackInFlight(int delta);

    Config m_config;
    QNetworkAccessManager *m_nam = nullptr;
    qint64 m_maxResponseBytes = DefaultMaxResponseBytes;
    int m_inFlight = 0;
    quint64 m_nextLogId = 1;
};

} // namespace AgentBay::Core
