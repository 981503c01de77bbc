// SPDX-License-Identifier: MIT
#include "formencoder.h"

#include <QUrl>

namespace AgentBay::Core {

QByteArray FormEncoder::encode(const FormFields &fields)
{
    QByteArray out;
    for (const auto &[key, value] : fields) {
        if (!out.isEmpty()) {
            out += '&';
        }
        out += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

FormFields FormEncoder::withoutEmptyValues(const FormFields &fields)
{
    FormFields kept;
    kept.reserve(fields.size());
    for (const auto &field : fields) {
        if (!field.second.isEmpty()) {
            kept.append(field);
        }
    }
    return kept;
}

FormFields FormEncoder::decode(const QByteArray &text)
{
    FormFields fields;
    const QList<QByteArray> pairs = text.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype eq = pair.indexOf('=');
        QByteArray key = eq < 0 ? pair : pair.left(eq);
        QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        key.replace('+', ' ');
        value.replace('+', ' ');
        fields.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
            QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return fields;
}

} // namespace AgentBay::Core
