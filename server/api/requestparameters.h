// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>
#include <utility>

namespace AgentBay::Server {

// The parameters of one API request: the union of the query string and the form body
// (the body wins), decoded the way every official SDK encodes them (protocol.md 1.4):
// `+` and `%20` both mean a space, keys in any order.
class RequestParameters
{
public:
    RequestParameters() = default;
    RequestParameters(const QByteArray &encodedQuery, const QByteArray &formBody);

    // Standard application/x-www-form-urlencoded decoding, UTF-8. Keys whose key or value is
    // not valid UTF-8 (decoded with replacement characters) are added to invalidUtf8.
    static QList<std::pair<QString, QString>> decodeForm(
        const QByteArray &encoded, QSet<QString> *invalidUtf8 = nullptr);
    // true/false/True/False/1/0 (any case); nullopt for anything else.
    static std::optional<bool> parseBool(const QString &text);

    bool contains(const QString &name) const;
    QString value(const QString &name, const QString &fallback = {}) const;
    bool inQuery(const QString &name) const;
    // The query string's value only (Action lives there, whatever the body says).
    QString queryValue(const QString &name) const;
    // Name of a parameter that was not valid UTF-8 (the first in name order), or empty.
    QString invalidUtf8Name() const;

private:
    QHash<QString, QString> m_values;
    QHash<QString, QString> m_query;
    QSet<QString> m_invalidUtf8;
};

} // namespace AgentBay::Server
