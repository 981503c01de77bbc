// SPDX-License-Identifier: MIT
#include "apierror.h"

#include <QCoreApplication>

namespace AgentBay::Core {

QString ApiError::details() const
{
    QStringList parts{message};
    if (!code.isEmpty()) {
        parts << QStringLiteral("[%1]").arg(code);
    }
    if (httpStatus > 0) {
        parts << QCoreApplication::translate("AgentBay::Core::ApiError", "HTTP %1").arg(httpStatus);
    }
    if (!requestId.isEmpty()) {
        parts << QCoreApplication::translate("AgentBay::Core::ApiError", "request id %1").arg(requestId);
    }
    return parts.join(u' ');
}

bool ApiError::isNotFound() const
{
    if (code == u"InvalidMcpSession.NotFound") {
        return true;
    }
    if (code == u"InvalidAction.NotFound") {
        return false;
    }
    if (kind != Kind::Api && kind != Kind::Http) {
        return false;
    }
    const bool saysNotFound = message.contains(u"not found", Qt::CaseInsensitive) || message.contains(u"NotFound");
    return saysNotFound || code.endsWith(u".NotFound") || code == u"SessionNotFound";
}

bool ApiError::isThrottling() const
{
    return httpStatus == 429 || code.contains(u"Throttling", Qt::CaseInsensitive) || retryAfter.count() > 0;
}

ApiError ApiError::cancelled()
{
    ApiError error;
    error.kind = Kind::Cancelled;
    error.message = QCoreApplication::translate("AgentBay::Core::ApiError", "The request was cancelled.");
    return error;
}

ApiError ApiError::invalidArgument(const QString &message)
{
    ApiError error;
    error.kind = Kind::InvalidArgument;
    error.message = message;
    return error;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Api:
        return QStringLiteral("api");
    case Kind::Parse:
        return QStringLiteral("parse");
    case Kind::InvalidArgument:
        return QStringLiteral("invalid-argument");
    }
    return {};
}

} // namespace AgentBay::Core
