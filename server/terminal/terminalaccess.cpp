// SPDX-License-Identifier: MIT
#include "terminalaccess.h"

#include <server/api/constanttime.h>
#include <server/api/requestorigin.h>

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace AgentBay::Server {

namespace {

const QByteArray &secret()
{
    static const QByteArray bytes = [] {
        QByteArray out(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(out.data()), out.size() / 4);
        return out;
    }();
    return bytes;
}

} // namespace

QString TerminalAccess::token(const QString &sessionId)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash("terminal:" + sessionId.toUtf8(), secret(), QCryptographicHash::Sha256)
            .toHex());
}

bool TerminalAccess::accepts(const QString &sessionId, const QByteArray &given)
{
    return ConstantTime::equals(given.trimmed(), token(sessionId).toLatin1());
}

QString TerminalAccess::wsUrl(const QString &baseUrl, const QString &sessionId)
{
    return RequestOrigin::webSocketUrl(baseUrl) + QLatin1String(pathPrefix) + sessionId;
}

} // namespace AgentBay::Server
