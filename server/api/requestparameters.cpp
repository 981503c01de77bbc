// SPDX-License-Identifier: MIT
#include "requestparameters.h"

#include <QStringDecoder>

#include <algorithm>

namespace AgentBay::Server {

namespace {
QString decodeComponent(QByteArray part, bool *valid)
{
    part.replace('+', ' ');
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder(QByteArray::fromPercentEncoding(part));
    *valid = *valid && !decoder.hasError();
    return text;
}
} // namespace

RequestParameters::RequestParameters(const QByteArray &encodedQuery, const QByteArray &formBody)
{
    for (const auto &[key, value] : decodeForm(encodedQuery, &m_invalidUtf8)) {
        m_query.insert(key, value);
        m_values.insert(key, value);
    }
    for (const auto &[key, value] : decodeForm(formBody, &m_invalidUtf8)) {
        m_values.insert(key, value);
    }
}

QList<std::pair<QString, QString>> RequestParameters::decodeForm(const QByteArray &encoded, QSet<QString> *invalidUtf8)
{
    QList<std::pair<QString, QString>> pairs;
    for (const QByteArray &item : encoded.split('&')) {
        if (item.isEmpty()) {
            continue;
        }
        const qsizetype eq = item.indexOf('=');
        const QByteArray key = eq < 0 ? item : item.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : item.mid(eq + 1);
        bool valid = true;
        const QString decodedKey = decodeComponent(key, &valid);
        if (!decodedKey.isEmpty()) {
            pairs.append({decodedKey, decodeComponent(value, &valid)});
            if (!valid && invalidUtf8) {
                invalidUtf8->insert(decodedKey);
            }
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

QString RequestParameters::queryValue(const QString &name) const
{
    return m_query.value(name);
}

QString RequestParameters::invalidUtf8Name() const
{
    if (m_invalidUtf8.isEmpty()) {
        return {};
    }
    return *std::min_element(m_invalidUtf8.cbegin(), m_invalidUtf8.cend());
}

} // namespace AgentBay::Server
