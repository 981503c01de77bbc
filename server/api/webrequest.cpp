// SPDX-License-Identifier: MIT
#include "webrequest.h"

namespace AgentBay::Server {

QByteArray WebRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            return value;
        }
    }
    return {};
}

QString WebRequest::cookie(const QByteArray &name) const
{
    for (const QByteArray &part : header("cookie").split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(QByteArray(name + "="))) {
            return QString::fromLatin1(trimmed.mid(name.size() + 1));
        }
    }
    return {};
}

} // namespace AgentBay::Server
