// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace AgentBay::Core {

// One request as the activity log shows it. Never carries the API key.
struct RequestLogEntry
{
    quint64 id = 0; // increasing, unique per client
    QString action; // e.g. "GetSession"
    QString sessionId;
    QDateTime started;
    qint64 durationMs = -1; // -1 while in flight
    bool finished = false;
    bool ok = false;
    int httpStatus = 0;
    QString requestId;
    QString outcome; // "OK" or the error message
    int attempt = 1; // > 1 for retried reads
};

} // namespace AgentBay::Core
