// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
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

    // Standard application/x-www-form-urlencoded decoding, UTF-8.
    static QList<std::pair<QString, QString>> decodeForm(const QByteArray &encoded);
    // true/false/True/False/1/0 (any case); nullopt for anything else.
    static std::optional<bool> parseBool(const QString &text);

    bool contains(const QString &name) const;
    QString value(const QString &name, const QString &fallback = {}) const;
    bool inQuery(const QString &name) const;

private:
    QHash<QString, QString> m_values;
    QHash<QString, QString> m_query;
};

} // namespace AgentBay::Server
