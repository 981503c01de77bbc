// SPDX-License-Identifier: MIT
#include "requestsender.h"

#include <core/api/formencoder.h>
#include <core/api/operation.h>
#include <core/api/redaction.h>
#include <core/api/responseparser.h>
#include <core/api/retrypolicy.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUuid>

#include <memory>

Q_LOGGING_CATEGORY(lcApiClient, "agentbay.core.apiclient")

namespace AgentBay::Core {

namespace {

const QString ApiVersion = QStringLiteral("2025-05-06");
constexpr qint64 ReadAheadBytes = 64 * 1024; // what the read buffer holds beyond the size cap

} // namespace

RequestSender::RequestSender(const Config &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setAutoDeleteReplies(true);
}

void RequestSender::setConfig(const Config &config)
{
    m_config = config;
    // A new endpoint or key must not reuse connections made for the old one.
    m_nam->clearConnectionCache();
}

void RequestSender::trackInFlight(int delta)
{
    m_inFlight += delta;
    Q_EMIT inFlightCountChanged(m_inFlight);
}

QString RequestSender::authorization() const
{
    return QStringLiteral("Bearer ") + m_config.apiKey;
}

void RequestSender::send(Operation *operation, const Request &req, EnvelopeHandler onEnvelope, int attempt)
{
    const QString &action = req.action;
    Fields query{{QStringLiteral("Action"), action},
        {QStringLiteral("Format"), QStringLiteral("json")},
        {QStringLiteral("Version"), ApiVersion},
        {QStringLiteral("Timestamp"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        {QStringLiteral("SignatureNonce"), QUuid::createUuid().toString(QUuid::Id128)}};
    query += FormEncoder::withoutEmptyValues(req.query); // "SessionId=" says nothing the server can use
    Fields body = req.body;
    (req.authInQuery ? query : body).prepend({QStringLiteral("Authorization"), authorization()});
    QUrl url = m_config.baseUrl();
    url.setQuery(QString::fromLatin1(FormEncoder::encode(query)), QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
        QStringLiteral("AgentBayDesktop/%1 Qt/%2")
            .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    request.setRawHeader("x-acs-version", ApiVersion.toLatin1());
    request.setRawHeader("x-acs-action", action.toLatin1());
    request.setTransferTimeout(req.timeoutMs > 0 ? req.timeoutMs : m_config.timeoutMs);
    // Every request is a POST carrying the key: a redirect would resend it (307/308) or turn
    // it into a GET elsewhere (301-303). A 3xx answer is reported as an error instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_config.hasPinnedCa()) {
        request.setSslConfiguration(m_config.sslConfiguration()); // this request only, never the default
    }

    RequestLogEntry entry;
    entry.id = m_nextLogId++;
    entry.action = action;
    entry.sessionId = req.sessionId;
    entry.started = QDateTime::currentDateTime();
    entry.attempt = attempt;
    Q_EMIT requestStarted(entry);

    QNetworkReply *reply = m_nam->post(request, FormEncoder::encode(body));
    operation->setReply(reply);
    trackInFlight(1);
    // In the operation's context, so that Operation::abandon() silences this one too.
    connect(reply, &QNetworkReply::finished, operation, [this] {
        trackInFlight(-1);
    });

    // The size cap holds while the answer arrives: an announced length over it, or more bytes
    // than it, aborts the download at once rather than buffering it whole.
    const qint64 limit = m_maxResponseBytes;
    if (limit > 0) {
        // Qt's network thread only signals the data it read once it has caught up with the
        // socket, and downloadProgress at most every 100 ms: a server that sends faster than
        // that would fill memory unchecked (hundreds of MiB seen) or, starving the signals,
        // run into the transfer timeout. A bounded read buffer makes that thread stop
        // reading when it holds a little more than the cap, and readyRead then comes.
        reply->setReadBufferSize(limit + ReadAheadBytes);
    }
    auto tooLarge = std::make_shared<bool>(false);
    auto enforceLimit = [reply, limit, tooLarge](qint64 received, qint64 total) {
        if (limit > 0 && !*tooLarge && (received > limit || total > limit)) {
            *tooLarge = true;
            reply->abort();
        }
    };
    connect(reply, &QNetworkReply::metaDataChanged, operation, [reply, enforceLimit] {
        enforceLimit(0, reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    connect(reply, &QNetworkReply::downloadProgress, operation, enforceLimit);
    connect(reply, &QNetworkReply::readyRead, operation, [reply, enforceLimit] {
        enforceLimit(reply->bytesAvailable(), -1); // nothing is read before finished()
    });

    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    connect(reply, &QNetworkReply::finished, operation, [=, this, onEnvelope = std::move(onEnvelope)]() mutable {
        RawReply raw = RawReply::from(*reply, operation->isCancelled());
        if (*tooLarge) {
            raw.bodyLimitExceeded = limit;
        }
        Result<QJsonObject> result = ResponseParser::envelope(raw);
        if (!result.ok()) {
            // The server may echo what it got, in any field; no secret travels on from here.
            ApiError error = result.error();
            if (raw.error == QNetworkReply::SslHandshakeFailedError) {
                error.message = m_config.hasPinnedCa()
                    ? tr("The server's TLS certificate is not signed by the CA this connection trusts (%1).")
                          .arg(raw.errorString)
                    : tr("The server's TLS certificate is not trusted (%1).").arg(raw.errorString);
            }
            for (QString *text : {&error.message, &error.code, &error.requestId}) {
                *text = Redaction::redact(Redaction::redact(*text, m_config.apiKey), url.password());
            }
            result = Result<QJsonObject>(error);
        }

        RequestLogEntry done = entry;
        done.finished = true;
        done.durationMs = clock->elapsed();
        done.ok = result.ok();
        done.httpStatus = raw.httpStatus;
        done.requestId = result.requestId();
        done.outcome = result.ok() ? tr("OK") : result.error().details();
        Q_EMIT requestFinished(done);
        qCDebug(lcApiClient).noquote() << action << req.sessionId << "HTTP" << raw.httpStatus << done.durationMs << "ms"
                                       << (result.ok() ? QStringLiteral("ok")
                                                       : ApiError::kindName(result.error().kind));

        static const RetryPolicy retry;
        // A certificate that is not trusted stays so: no retry.
        const bool untrusted = raw.error == QNetworkReply::SslHandshakeFailedError;
        if (!result.ok() && !untrusted && !operation->isCancelled()
            && retry.shouldRetry(action, result.error(), attempt)) {
            const auto delay = retry.delayFor(attempt, result.error().retryAfter);
            qCInfo(lcApiClient).noquote()
                << action << "failed (" << result.error().message << "), retry in" << delay.count() << "ms";
            operation->setReply(nullptr);
            auto timer = new QTimer(operation);
            timer->setSingleShot(true);
            timer->setTimerType(Qt::PreciseTimer); // a coarse timer may fire 5% early: before a stated wait
            connect(timer, &QTimer::timeout, operation, [=, this]() mutable {
                timer->deleteLater();
                operation->setCancelHandler({});
                send(operation, req, std::move(onEnvelope), attempt + 1);
            });
            operation->setCancelHandler([timer, onEnvelope] {
                timer->stop();
                onEnvelope(ApiError::cancelled());
            });
            timer->start(delay);
            return;
        }
        onEnvelope(result);
    });
}

} // namespace AgentBay::Core
