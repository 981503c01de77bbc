// SPDX-License-Identifier: MIT
#include "redaction.h"

namespace AgentBay::Core {

QString Redaction::redact(QString text, const QString &secret)
{
    // Very short secrets would blank out ordinary words; keys are long.
    if (secret.size() >= 4) {
        text.replace(secret, QStringLiteral("***"));
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
