// SPDX-License-Identifier: MIT
#include "clientenvironment.h"

#include "localcertificateauthority.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>

#include <sys/types.h>

#include <cerrno>
#include <csignal>

namespace AgentBay::Server {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ClientEnvironment", text);
}

// POSIX single quotes: safe for any value.
QString shellQuoted(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString ClientEnvironment::trustBundle(const QString &dataDir, const QString &caPath)
{
    QFile ca(caPath);
    if (!ca.open(QIODevice::ReadOnly)) {
        return caPath;
    }
    QByteArray pem;
    for (const QSslCertificate &certificate : QSslConfiguration::systemCaCertificates()) {
        pem += certificate.toPem();
    }
    if (pem.isEmpty()) {
        return caPath; // nothing to keep beside the local CA
    }
    pem += ca.readAll();
    const QString path = tlsDirectory(dataDir) + QStringLiteral("/trust-bundle.pem");
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(pem) != pem.size() || !out.commit()) {
        return caPath; // a data folder this user cannot write: the CA alone still works
    }
    QFile::setPermissions(
        path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther); // certificates only
    return path;
}

QString ClientEnvironment::tlsDirectory(const QString &dataDir)
{
    return dataDir + QStringLiteral("/tls");
}

QString ClientEnvironment::exportLines(const QString &dataDir, QString *error)
{
    const QString discovery = dataDir + QStringLiteral("/server.json");
    QFile file(discovery);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("no agentbay-local is running on %1 (there is no %2); start one with: agentbay-local --data-dir %1")
                     .arg(dataDir, discovery);
        return {};
    }
    const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
    const int port = info.value(QStringLiteral("port")).toInt();
    const QString token = info.value(QStringLiteral("token")).toString();
    const qint64 pid = info.value(QStringLiteral("pid")).toInteger();
    if (port <= 0 || port > 65535 || token.isEmpty() || pid <= 0) {
        *error = tr("%1 is not a discovery file of agentbay-local").arg(discovery);
        return {};
    }
    // A server that crashed leaves its file behind.
    if (::kill(pid_t(pid), 0) != 0 && errno == ESRCH) {
        *error = tr("the agentbay-local of %1 is no longer running (process %2 is gone); start it again")
                     .arg(dataDir)
                     .arg(pid);
        return {};
    }
    const QString ca = LocalCertificateAuthority(tlsDirectory(dataDir)).caCertificatePath();
    if (!QFile::exists(ca)) {
        *error =
            tr("the agentbay-local of %1 offers no https (there is no %2); update and restart it").arg(dataDir, ca);
        return {};
    }
    QString out;
    const auto line = [&out](const char *name, const QString &value) {
        out +=
            QStringLiteral("export ") + QLatin1String(name) + QLatin1Char('=') + shellQuoted(value) + QLatin1Char('\n');
    };
    // No scheme: the SDKs then speak https, which this server offers with its own CA.
    line("AGENTBAY_ENDPOINT", QStringLiteral("127.0.0.1:%1").arg(port));
    line("AGENTBAY_API_KEY", token);
    // Node adds NODE_EXTRA_CA_CERTS to its own store; SSL_CERT_FILE and REQUESTS_CA_BUNDLE
    // replace a program's whole store (Python requests and pip, OpenSSL's default file), so
    // they get the system's CAs too: the shell still reaches the rest of the world.
    const QString bundle = trustBundle(dataDir, ca);
    line("NODE_EXTRA_CA_CERTS", ca);
    line("SSL_CERT_FILE", bundle);
    line("REQUESTS_CA_BUNDLE", bundle);
    out += QStringLiteral(
        "# Run this command to configure your shell:\n# eval \"$(agentbay-local --print-env --data-dir %1)\"\n")
               .arg(shellQuoted(dataDir));
    return out;
}

} // namespace AgentBay::Server
