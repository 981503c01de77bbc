// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCoreApplication>

namespace AgentBay::Server {

class LocalSession;

// The HTML page behind a session's ResourceUrl: status, isolation, labels, the files of the
// workspace and the recent tool calls. Nothing here is a secret except the auth code in the
// page's own URL.
class SessionPage
{
    Q_DECLARE_TR_FUNCTIONS(SessionPage)

public:
    static QByteArray render(const LocalSession &session);
    static QByteArray message(const QString &title, const QString &text);
};

} // namespace AgentBay::Server
