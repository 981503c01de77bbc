// SPDX-License-Identifier: MIT
#include "redaction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentBay::Core {

namespace {
constexpr qsizetype MinSecretLength = 4;
} // namespace

Redaction::Redaction(const QStringList &secrets)
{
    setSecrets(secrets);
}

void Redaction::setSecrets(const QStringList &secrets)
{
    m_secrets.clear();
    for (const QString &secret : secrets) {
        if (secret.size() >= MinSecretLength && !m_secrets.contains(secret)) {
            m_secrets.append(secret);
        }
    }
}

QString Redaction::apply(QString text) const
{
    for (const QString &secret : m_secrets) {
        text = redact(std::move(text), secret);
    }
    return text;
}

QJsonValue Redaction::apply(const QJsonValue &value) const
{
    if (m_secrets.isEmpty()) {
        return value;
    }
    if (value.isString()) {
        return apply(value.toString());
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            array[i] = apply(array.at(i));
        }
        return array;
    }
    if (value.isObject()) {
        const QJsonObject source = value.toObject();
        QJsonObject object;
        for (auto it = source.begin(); it != source.end(); ++it) {
            object.insert(apply(it.key()), apply(it.value()));
        }
        return object;
    }
    return value;
}

QString Redaction::redact(QString text, const QString &secret)
{
    if (secret.size() < MinSecretLength) {
        return text;
    }
    // Every spelling it travels in: as is, percent-encoded (query strings, %20 form bodies)
    // and form-encoded (space as '+'), as a server may echo any of them.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    QString formEncoded = encoded;
    formEncoded.replace(u"%20"_s, u"+"_s);
    for (const QString &spelling : {secret, encoded, formEncoded}) {
        text.replace(spelling, u"***"_s, Qt::CaseInsensitive); // %2b and %2B alike
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
    return secret.left(4) + u"••••"_s + secret.right(4);
}

} // namespace AgentBay::Core
