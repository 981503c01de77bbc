// SPDX-License-Identifier: MIT
#include "httprequest.h"

namespace AgentBay::Server {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            return true;
        }
    }
    return false;
}

QList<QByteArray> HttpRequest::headerTokens(const QByteArray &name) const
{
    QList<QByteArray> tokens;
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0) {
            continue;
        }
        for (const QByteArray &part : value.split(',')) {
            const QByteArray token = part.trimmed().toLower();
            if (!token.isEmpty()) {
                tokens.append(token);
            }
        }
    }
    return tokens;
}

QByteArray HttpRequest::path() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? target : target.left(mark);
}

QByteArray HttpRequest::query() const
{
    const qsizetype mark = target.indexOf('?');
    return mark < 0 ? QByteArray() : target.mid(mark + 1);
}

} // namespace AgentBay::Server
