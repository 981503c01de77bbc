// SPDX-License-Identifier: MIT
#include "pagetoken.h"

#include <QByteArray>

namespace AgentBay::Server {

namespace {
constexpr QByteArrayView prefix = "abl1:";
constexpr auto base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QString PageToken::encode(qint64 afterSequence)
{
    const QByteArray plain = prefix.toByteArray() + QByteArray::number(afterSequence);
    return QString::fromLatin1(plain.toBase64(base64Options));
}

std::optional<qint64> PageToken::decode(const QString &token)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(token.toLatin1(), base64Options | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || !decoded.decoded.startsWith(prefix)) {
        return std::nullopt;
    }
    bool ok = false;
    const qint64 sequence = decoded.decoded.mid(prefix.size()).toLongLong(&ok);
    if (!ok || sequence < 0) {
        return std::nullopt;
    }
    return sequence;
}

} // namespace AgentBay::Server
