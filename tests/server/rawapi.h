// SPDX-License-Identifier: MIT
#pragma once

// Raw HTTP access to agentbay-local for the server tests and benchmarks: requests are
// built byte by byte, the way each official SDK encodes them, never through the core client.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <utility>

namespace AgentBay::Test {

struct RawAnswer
{
    int status = 0; // 0 = no HTTP answer
    QByteArray body;
    QJsonObject json;
    QList<QPair<QByteArray, QByteArray>> headers;
};

using Form = QList<std::pair<QString, QString>>;

// Node's querystring and Go: every reserved byte and the space as %XX.
inline QByteArray encodeForm(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

// Python's urlencode (quote_plus): a space becomes '+', a '+' becomes %2B.
inline QByteArray encodeFormPython(const Form &form)
{
    QByteArray out;
    for (const auto &[key, value] : form) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += QUrl::toPercentEncoding(key, " ").replace(' ', '+') + '='
            + QUrl::toPercentEncoding(value, " ").replace(' ', '+');
    }
    return out;
}

class RawApi
{
public:
    RawApi(const QString &url, const QString &apiKey)
        : m_url(url)
        , m_apiKey(apiKey)
    {
    }

    void setTarget(const QString &url, const QString &apiKey)
    {
        m_url = url;
        m_apiKey = apiKey;
    }

    QString authorization() const { return QStringLiteral("Bearer ") + m_apiKey; }

    // For an https url: the TLS settings (e.g. trusting only the server's local CA).
    void setSslConfiguration(const QSslConfiguration &configuration) { m_tls = configuration; }

    // POST <url><pathAndQuery> with the given body, waiting for the answer.
    RawAnswer send(const QByteArray &pathAndQuery,
        const QByteArray &body,
        const QList<QPair<QByteArray, QByteArray>> &headers = {},
        const QByteArray &method = "POST",
        int timeoutMs = 30000)
    {
        QNetworkRequest request(QUrl::fromEncoded(m_url.toUtf8() + pathAndQuery));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/x-www-form-urlencoded"));
        for (const auto &[name, value] : headers) {
            request.setRawHeader(name, value);
        }
        if (!m_tls.isNull()) {
            request.setSslConfiguration(m_tls);
        }
        QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(timeoutMs);
        }
        RawAnswer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.json = QJsonDocument::fromJson(answer.body).object();
        answer.headers = reply->rawHeaderPairs();
        reply->deleteLater();
        return answer;
    }

    // An action the way the core client sends it: Action in the query, the rest and the key in the body.
    RawAnswer call(const QString &action, Form form = {}, bool withKey = true)
    {
        if (withKey) {
            form.prepend({QStringLiteral("Authorization"), authorization()});
        }
        return send(
            "/?Action=" + QUrl::toPercentEncoding(action) + "&Format=json&Version=2025-05-06", encodeForm(form));
    }

    QString createSession(const Form &extra = {})
    {
        const RawAnswer answer = call(QStringLiteral("CreateMcpSession"), extra);
        return answer.json.value(QStringLiteral("Data")).toObject().value(QStringLiteral("SessionId")).toString();
    }

    QString status(const QString &sessionId)
    {
        const RawAnswer answer = call(QStringLiteral("GetSession"), {{QStringLiteral("SessionId"), sessionId}});
        if (answer.status != 200) {
            return answer.json.value(QStringLiteral("Code")).toString();
        }
        return answer.json.value(QStringLiteral("Data")).toObject().value(QStringLiteral("Status")).toString();
    }

private:
    QNetworkAccessManager m_nam;
    QString m_url;
    QString m_apiKey;
    QSslConfiguration m_tls;
};

} // namespace AgentBay::Test
