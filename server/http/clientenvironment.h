// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Server {

// What `agentbay-local --print-env` prints: the shell `export` lines that point the official
// SDKs (and curl, Python requests, Node) at the agentbay-local running on a data folder,
// read from its discovery file (DATA/server.json) and its local CA (DATA/tls/ca.pem), with
// a trust bundle of the system's CAs and the local one for the variables that replace a
// program's whole trust store.
class ClientEnvironment
{
public:
    // The CA folder of a data folder (LocalCertificateAuthority's directory).
    static QString tlsDirectory(const QString &dataDir);

    // The export lines, or an empty string and *error when no server runs on that folder
    // (no discovery file, a broken one, or one whose process is gone).
    static QString exportLines(const QString &dataDir, QString *error);

    // DATA/tls/trust-bundle.pem, written anew: the system's CA certificates and the local CA
    // (at caPath). caPath itself when there are no system CAs or the file cannot be written.
    static QString trustBundle(const QString &dataDir, const QString &caPath);
};

} // namespace AgentBay::Server
