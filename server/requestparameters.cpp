// SPDX-License-Identifier: MIT
#include "requestparameters.h"

namespace AgentBay::Server {

namespace {
QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}
} // namespace

RequestParameters::RequestParameters(const QByteArray &encodedQuery, const QByteArray &formBody)
{
    for (const auto &[key, value] : decodeForm(encodedQuery)) {
        m_query.insert(key, value);
        m_values.insert(key, value);
    }
    for (const auto &[key, value] : decodeForm(formBody)) {
        m_values.insert(key, value);
    }
}

QList<std::pair<QString, QString>> RequestParameters::decodeForm(const QByteArray &encoded)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray &item : encoded.split('&')) {
        if (item.isEmpty()) {
            continue;
        }
        const qsizetype eq = item.indexOf('=');
        const QByteArray key = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        const QString decodedKey = decodeComponent(key);
        if (!decodedKey.isEmpty()) {
            pairs.append({decodedKey, decodeComponent(value)});
        }
    }
    return pairs;
}

std::optional<bool> RequestParameters::parseBool(const QString &text)
{
    const QString t = text.trimmed().toLower();
    if (t == u"true" || t == u"1") {
        return true;
    }
    if (t == u"false" || t == u"0") {
        return false;
    }
    return std::nullopt;
}

bool RequestParameters::contains(const QString &name) const
{
    return m_values.contains(name);
}

QString RequestParameters::value(const QString &name, const QString &fallback) const
{
    return m_values.value(name, fallback);
}

bool RequestParameters::inQuery(const QString &name) const
{
    return m_query.contains(name);
}

} // namespace AgentBay::Server
