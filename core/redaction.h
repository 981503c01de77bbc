// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Core {

// Keeps secrets out of text that may be shown or logged.
class Redaction
{
public:
    // Replaces the secret, also percent- or form-encoded, by "***".
    static QString redact(QString text, const QString &secret);
    // "akm-0123...cdef" -> "akm-…cdef" style hint, enough to tell keys apart.
    static QString mask(const QString &secret);
};

} // namespace AgentBay::Core
