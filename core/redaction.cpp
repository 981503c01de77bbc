// SPDX-License-Identifier: MIT
#include "redaction.h"

#include <QUrl>

namespace AgentBay::Core {

QString Redaction::redact(QString text, const QString &secret)
{
    // Very short secrets would blank out ordinary words; keys are long.
    if (secret.size() < 4) {
        return text;
    }
    // Every spelling it travels in: as is, percent-encoded (query strings, %20 form bodies)
    // and form-encoded (space as '+'), as a server may echo any of them.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    QString formEncoded = encoded;
    formEncoded.replace(QStringLiteral("%20"), QStringLiteral("+"));
    for (const QString &spelling : {secret, encoded, formEncoded}) {
        text.replace(spelling, QStringLiteral("***"), Qt::CaseInsensitive); // %2b and %2B alike
    }
    return text;
}

QString Redaction::mask(const QString &secret)
{
    if (secret.isEmpty()) {
        return {};
    }
    if (secret.size() <= 8) {
        return QString(secret.size(), u'•');
    }
    return secret.left(4) + QStringLiteral("••••") + secret.right(4);
}

} // namespace AgentBay::Core
