// SPDX-License-Identifier: MIT
#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QStringList>

namespace AgentBay::Server {

// The certificates that let agentbay-local speak https on loopback: its own certificate
// authority and a server certificate it signed for 127.0.0.1, ::1 and localhost, made with
// OpenSSL on first start and kept in one folder (keys mode 0600). Later starts reuse them;
// an expired (or nearly expired) one, a server certificate whose names differ from the
// required set or that this CA did not sign, or a file that does not parse, is made anew.
// Clients trust exactly the CA file (NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, REQUESTS_CA_BUNDLE).
class LocalCertificateAuthority
{
public:
    explicit LocalCertificateAuthority(const QString &directory);

    // The names the server certificate must carry: DNS:localhost, IP:127.0.0.1, IP:::1.
    static QStringList requiredNames();

    // Loads, creates or renews; false with a message on failure.
    bool ensure(QString *error);

    // What ensure() did on its last run (for the log): "reused", "created" or "renewed: why".
    QString lastAction() const { return m_lastAction; }

    QString directory() const { return m_directory; }

    QString caCertificatePath() const;
    QString caKeyPath() const;
    QString serverCertificatePath() const;
    QString serverKeyPath() const;

    // For the https side of the server; null before a successful ensure().
    QSslConfiguration serverConfiguration() const { return m_configuration; }

private:
    QString m_directory;
    QString m_lastAction;
    QSslConfiguration m_configuration;
};

} // namespace AgentBay::Server
