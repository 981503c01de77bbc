// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace AgentBay::Core {

using FormFields = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded text that any standard form decoder reads back exactly:
// everything but A-Z a-z 0-9 - . _ ~ is percent-encoded (so '+', '&', '=' and ';' survive).
class FormEncoder
{
public:
    static QByteArray encode(const FormFields &fields);
    static FormFields decode(const QByteArray &text); // '+' = space, %XX = byte
    // The fields whose value is not empty, in order (as the Python core builds query strings).
    static FormFields withoutEmptyValues(const FormFields &fields);
};

} // namespace AgentBay::Core
