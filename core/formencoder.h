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
};

} // namespace AgentBay::Core
