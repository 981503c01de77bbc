// SPDX-License-Identifier: MIT
#include "requestorigin.h"

namespace AgentBay::Server {

namespace {

constexpr qsizetype maxAuthorityLength = 255;

bool isNameByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
        || c == '_';
}

bool isIpv6Byte(char c)
{
    return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9') || c == ':' || c == '.';
}

bool isPort(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 5) {
        return false;
    }
    for (const char c : text) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    const int port = text.toInt();
    return port >= 1 && port <= 65535;
}

// The authority of an absolute-form target ("http://host:port/..."), empty for any other form.
QByteArray authorityOfTarget(const QByteArray &target)
{
    const qsizetype schemeEnd = target.indexOf("://");
    if (schemeEnd <= 0) {
        return {};
    }
    const QByteArray scheme = target.left(schemeEnd).toLower();
    if (scheme != "http" && scheme != "https") {
        return {};
    }
    const QByteArray rest = target.mid(schemeEnd + 3);
    qsizetype end = rest.size();
    for (const char stop : {'/', '?', '#'}) {
        const qsizetype at = rest.indexOf(stop);
        if (at >= 0 && at < end) {
            end = at;
        }
    }
    return rest.left(end);
}

} // namespace

QString RequestOrigin::baseUrl(bool secure, const QByteArray &target, const QByteArray &host, quint16 listeningPort)
{
    QByteArray authority = authorityOfTarget(target);
    if (authority.isEmpty()) {
        authority = host.trimmed();
    }
    if (!isPlainAuthority(authority)) {
        authority = "127.0.0.1:" + QByteArray::number(listeningPort);
    }
    return (secure ? QStringLiteral("https://") : QStringLiteral("http://")) + QString::fromLatin1(authority);
}

bool RequestOrigin::isPlainAuthority(const QByteArray &authority)
{
    if (authority.isEmpty() || authority.size() > maxAuthorityLength) {
        return false;
    }
    qsizetype hostEnd = 0;
    if (authority.startsWith('[')) {
        hostEnd = authority.indexOf(']');
        if (hostEnd < 2) {
            return false;
        }
        for (qsizetype i = 1; i < hostEnd; ++i) {
            if (!isIpv6Byte(authority.at(i))) {
                return false;
            }
        }
        ++hostEnd;
    } else {
        while (hostEnd < authority.size() && isNameByte(authority.at(hostEnd))) {
            ++hostEnd;
        }
        if (hostEnd == 0) {
            return false;
        }
    }
    if (hostEnd == authority.size()) {
        return true;
    }
    return authority.at(hostEnd) == ':' && isPort(authority.mid(hostEnd + 1));
}

QString RequestOrigin::webSocketUrl(const QString &baseUrl)
{
    if (baseUrl.startsWith(QLatin1String("https://"))) {
        return QStringLiteral("wss") + baseUrl.mid(5);
    }
    if (baseUrl.startsWith(QLatin1String("http://"))) {
        return QStringLiteral("ws") + baseUrl.mid(4);
    }
    return baseUrl;
}

} // namespace AgentBay::Server
