// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Server {

// What `agentbay-local --print-env` prints: the shell `export` lines that point the official
// SDKs (and curl, Python requests, Node) at the agentbay-local running on a data folder,
// read from its discovery file (DATA/server.json) and its local CA (DATA/tls/ca.pem).
class ClientEnvironment
{
public:
    // The CA folder of a data folder (LocalCertificateAuthority's directory).
    static QString tlsDirectory(const QString &dataDir);

    // The export lines, or an empty string and *error when no server runs on that folder
    // (no discovery file, a broken one, or one whose process is gone).
    static QString exportLines(const QString &dataDir, QString *error);
};

} // namespace AgentBay::Server
