// SPDX-License-Identifier: MIT
#include "localcertificateauthority.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace AgentBay::Server {

namespace {

struct OpenSslFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }

    void operator()(X509 *cert) const { X509_free(cert); }

    void operator()(BIO *bio) const { BIO_free(bio); }

    void operator()(BIGNUM *number) const { BN_free(number); }

    void operator()(X509_EXTENSION *extension) const { X509_EXTENSION_free(extension); }
};

using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslFree>;
using CertPtr = std::unique_ptr<X509, OpenSslFree>;
using BioPtr = std::unique_ptr<BIO, OpenSslFree>;

constexpr int caDays = 3650;
constexpr int serverDays = 825; // the longest a TLS client platform accepts for a server certificate
constexpr qint64 renewBeforeSecs = 30LL * 24 * 3600;

KeyPtr newKey()
{
    return KeyPtr(EVP_EC_gen("P-256"));
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

CertPtr certFromPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return CertPtr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

KeyPtr keyFromPem(const QByteArray &pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.constData(), int(pem.size())));
    return KeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, size);
}

QByteArray certToPem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    return bioBytes(bio.get());
}

QByteArray keyToPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
    return bioBytes(bio.get());
}

bool writeFile(const QString &path, const QByteArray &bytes, bool secret, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    // Set on the temporary file before the key is in it.
    file.setPermissions(secret ? QFile::ReadOwner | QFile::WriteOwner
                               : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    file.write(bytes);
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool addExtension(X509 *cert, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, cert, nullptr, nullptr, 0);
    std::unique_ptr<X509_EXTENSION, OpenSslFree> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(cert, extension.get(), -1) == 1;
}

bool setRandomSerial(X509 *cert)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1) {
        return false;
    }
    bytes[0] &= 0x7f; // positive
    std::unique_ptr<BIGNUM, OpenSslFree> number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    return number && BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(cert)) != nullptr;
}

// A certificate for subjectKey with commonName, issued by issuer/issuerKey (itself when null).
CertPtr makeCertificate(EVP_PKEY *subjectKey,
    const char *commonName,
    int days,
    X509 *issuer,
    EVP_PKEY *issuerKey,
    const QList<std::pair<int, QByteArray>> &extensions)
{
    CertPtr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1 || !setRandomSerial(cert.get())) {
        return nullptr;
    }
    // A minute back, so that a clock a little behind does not see "not yet valid".
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), long(days) * 24 * 3600);
    X509_set_pubkey(cert.get(), subjectKey);
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("agentbay-local"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>(commonName), -1, -1, 0);
    X509 *signer = issuer ? issuer : cert.get();
    X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
    for (const auto &[nid, value] : extensions) {
        if (!addExtension(cert.get(), signer, nid, value.constData())) {
            return nullptr;
        }
    }
    if (X509_sign(cert.get(), issuerKey ? issuerKey : subjectKey, EVP_sha256()) <= 0) {
        return nullptr;
    }
    return cert;
}

QSet<QString> namesOf(const QByteArray &pem)
{
    QSet<QString> names;
    const QSslCertificate cert(pem, QSsl::Pem);
    const auto alternatives = cert.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        names.insert((it.key() == QSsl::AlternativeNameEntryType::IpAddressEntry ? QStringLiteral("IP:")
                                                                                 : QStringLiteral("DNS:"))
            + it.value());
    }
    return names;
}

bool fresh(X509 *cert)
{
    time_t soon = time(nullptr) + time_t(renewBeforeSecs);
    return X509_cmp_time(X509_get0_notAfter(cert), &soon) > 0 && X509_cmp_current_time(X509_get0_notBefore(cert)) < 0;
}

} // namespace

LocalCertificateAuthority::LocalCertificateAuthority(const QString &directory)
    : m_directory(directory)
{
}

QStringList LocalCertificateAuthority::requiredNames()
{
    return {QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1"), QStringLiteral("IP:::1")};
}

QString LocalCertificateAuthority::caCertificatePath() const
{
    return m_directory + QStringLiteral("/ca.pem");
}

QString LocalCertificateAuthority::caKeyPath() const
{
    return m_directory + QStringLiteral("/ca.key");
}

QString LocalCertificateAuthority::serverCertificatePath() const
{
    return m_directory + QStringLiteral("/server.pem");
}

QString LocalCertificateAuthority::serverKeyPath() const
{
    return m_directory + QStringLiteral("/server.key");
}

bool LocalCertificateAuthority::ensure(QString *error)
{
    m_configuration = QSslConfiguration();
    if (!QDir().mkpath(m_directory)) {
        *error = QStringLiteral("cannot create %1").arg(m_directory);
        return false;
    }
    QFile::setPermissions(m_directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    // The CA: reused while it parses, matches its key and stays valid past the renewal margin.
    QByteArray caPem = readFile(caCertificatePath());
    CertPtr ca = certFromPem(caPem);
    KeyPtr caKey = keyFromPem(readFile(caKeyPath()));
    QString why;
    if (!ca || !caKey) {
        why = ca || caKey || QFile::exists(caCertificatePath()) ? QStringLiteral("CA files unreadable") : QString();
    } else if (X509_check_private_key(ca.get(), caKey.get()) != 1) {
        why = QStringLiteral("CA key does not match");
    } else if (!fresh(ca.get())) {
        why = QStringLiteral("CA expires");
    }
    const bool newCa = !ca || !caKey || !why.isEmpty();
    if (newCa) {
        caKey = newKey();
        ca = caKey ? makeCertificate(caKey.get(),
                 "agentbay-local local CA",
                 caDays,
                 nullptr,
                 nullptr,
                 {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
                     {NID_key_usage, "critical,keyCertSign,cRLSign"},
                     {NID_subject_key_identifier, "hash"}})
                   : nullptr;
        if (!ca) {
            *error = QStringLiteral("cannot create the local CA certificate (OpenSSL)");
            return false;
        }
        caPem = certToPem(ca.get());
        if (!writeFile(caKeyPath(), keyToPem(caKey.get()), true, error)
            || !writeFile(caCertificatePath(), caPem, false, error)) {
            return false;
        }
    }

    // The server certificate: made anew with a new CA, or when it no longer fits.
    QByteArray serverPem = readFile(serverCertificatePath());
    QByteArray serverKeyPem = readFile(serverKeyPath());
    CertPtr server = certFromPem(serverPem);
    KeyPtr serverKey = keyFromPem(serverKeyPem);
    QString serverWhy;
    if (newCa) {
        serverWhy = why.isEmpty() ? QString() : QStringLiteral("new CA");
    } else if (!server || !serverKey) {
        serverWhy = QStringLiteral("server certificate missing or unreadable");
    } else if (X509_check_private_key(server.get(), serverKey.get()) != 1) {
        serverWhy = QStringLiteral("server key does not match");
    } else if (X509_verify(server.get(), X509_get0_pubkey(ca.get())) != 1) {
        serverWhy = QStringLiteral("server certificate not signed by this CA");
    } else if (!fresh(server.get())) {
        serverWhy = QStringLiteral("server certificate expires");
    } else if (const QStringList required = requiredNames();
               namesOf(serverPem) != QSet<QString>(required.cbegin(), required.cend())) {
        serverWhy = QStringLiteral("server certificate names changed");
    }
    const bool newServer = newCa || !serverWhy.isEmpty();
    if (newServer) {
        serverKey = newKey();
        const QByteArray names = requiredNames().join(QLatin1Char(',')).toLatin1();
        server = serverKey ? makeCertificate(serverKey.get(),
                     "localhost",
                     serverDays,
                     ca.get(),
                     caKey.get(),
                     {{NID_basic_constraints, "critical,CA:FALSE"},
                         {NID_key_usage, "critical,digitalSignature,keyEncipherment"},
                         {NID_ext_key_usage, "serverAuth"},
                         {NID_subject_alt_name, names},
                         {NID_subject_key_identifier, "hash"},
                         {NID_authority_key_identifier, "keyid:always"}})
                           : nullptr;
        if (!server) {
            *error = QStringLiteral("cannot create the server certificate (OpenSSL)");
            return false;
        }
        serverPem = certToPem(server.get());
        serverKeyPem = keyToPem(serverKey.get());
        if (!writeFile(serverKeyPath(), serverKeyPem, true, error)
            || !writeFile(serverCertificatePath(), serverPem, false, error)) {
            return false;
        }
    }
    m_lastAction = !newCa && !newServer ? QStringLiteral("reused")
        : !why.isEmpty()                ? QStringLiteral("renewed: ") + why
        : !serverWhy.isEmpty()          ? QStringLiteral("renewed: ") + serverWhy
                                        : QStringLiteral("created");

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain({QSslCertificate(serverPem, QSsl::Pem), QSslCertificate(caPem, QSsl::Pem)});
    configuration.setPrivateKey(QSslKey(serverKeyPem, QSsl::Ec, QSsl::Pem));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    if (configuration.privateKey().isNull() || configuration.localCertificate().isNull()) {
        *error = QStringLiteral("the certificates in %1 cannot be used for TLS").arg(m_directory);
        return false;
    }
    m_configuration = configuration;
    return true;
}

} // namespace AgentBay::Server
