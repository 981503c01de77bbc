// SPDX-License-Identifier: MIT
// The local CA: made once, reused, renewed when a certificate no longer fits; https and
// plain http on one port with a client that trusts only this CA.
#include <server/http/httpserver.h>
#include <server/http/localcertificateauthority.h>

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

using namespace AgentBay::Server;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(bytes);
}

// A server certificate signed by the authority's CA but with other names or an old date, as
// an earlier version (or a clock) could have left it.
QByteArray signedByCa(const LocalCertificateAuthority &authority, const char *names, long validFromSecs, long days)
{
    QByteArray caPem = readAll(authority.caCertificatePath());
    QByteArray caKeyPem = readAll(authority.caKeyPath());
    QByteArray serverKeyPem = readAll(authority.serverKeyPath());
    BIO *bio = BIO_new_mem_buf(caPem.constData(), int(caPem.size()));
    X509 *ca = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    bio = BIO_new_mem_buf(caKeyPem.constData(), int(caKeyPem.size()));
    EVP_PKEY *caKey = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    bio = BIO_new_mem_buf(serverKeyPem.constData(), int(serverKeyPem.size()));
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);

    X509 *cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
    X509_gmtime_adj(X509_getm_notBefore(cert), validFromSecs);
    X509_gmtime_adj(X509_getm_notAfter(cert), validFromSecs + days * 24 * 3600);
    X509_set_pubkey(cert, key);
    X509_NAME_add_entry_by_txt(
        X509_get_subject_name(cert), "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("x"), -1, -1, 0);
    X509_set_issuer_name(cert, X509_get_subject_name(ca));
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, ca, cert, nullptr, nullptr, 0);
    X509_EXTENSION *san = X509V3_EXT_conf_nid(nullptr, &context, NID_subject_alt_name, names);
    X509_add_ext(cert, san, -1);
    X509_EXTENSION_free(san);
    X509_sign(cert, caKey, EVP_sha256());
    bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    const QByteArray pem(data, size);
    BIO_free(bio);
    X509_free(cert);
    X509_free(ca);
    EVP_PKEY_free(caKey);
    EVP_PKEY_free(key);
    return pem;
}

} // namespace

class tst_LocalCertificateAuthority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStart_createsCaAndServerCertificateWithPrivateKeys();
    void laterStarts_reuseTheCertificates();
    void serverCertificate_isRenewed_data();
    void serverCertificate_isRenewed();
    void lostCaKey_makesANewCaAndServerCertificate();
    void samePort_speaksHttpsToClientsTrustingOnlyTheCaAndPlainHttp();
    void httpsClient_thatDoesNotTrustTheCa_isRefused();
};

void tst_LocalCertificateAuthority::firstStart_createsCaAndServerCertificateWithPrivateKeys()
{
    QTemporaryDir dir;
    LocalCertificateAuthority authority(dir.path() + QStringLiteral("/tls"));
    QString error;
    QVERIFY2(authority.ensure(&error), qPrintable(error));
    QCOMPARE(authority.lastAction(), QStringLiteral("created"));
    for (const QString &key : {authority.caKeyPath(), authority.serverKeyPath()}) {
        struct stat info = {};
        QCOMPARE(::stat(QFile::encodeName(key).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);
    }
    const QSslCertificate server(readAll(authority.serverCertificatePath()), QSsl::Pem);
    const QSslCertificate ca(readAll(authority.caCertificatePath()), QSsl::Pem);
    QVERIFY(!server.isNull());
    QVERIFY(!ca.isNull());
    QCOMPARE(server.issuerInfo(QSslCertificate::CommonName), ca.subjectInfo(QSslCertificate::CommonName));
    const auto names = server.subjectAlternativeNames();
    QCOMPARE(names.values(QSsl::AlternativeNameEntryType::DnsEntry), QStringList{QStringLiteral("localhost")});
    QStringList ips = names.values(QSsl::AlternativeNameEntryType::IpAddressEntry);
    ips.sort();
    QCOMPARE(ips, (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")}));
    QVERIFY(server.expiryDate() > QDateTime::currentDateTimeUtc().addDays(365));
    QVERIFY(!authority.serverConfiguration().isNull());
}

void tst_LocalCertificateAuthority::laterStarts_reuseTheCertificates()
{
    QTemporaryDir dir;
    QString error;
    LocalCertificateAuthority first(dir.path());
    QVERIFY(first.ensure(&error));
    const QByteArray ca = readAll(first.caCertificatePath());
    const QByteArray server = readAll(first.serverCertificatePath());
    const QByteArray key = readAll(first.serverKeyPath());

    LocalCertificateAuthority second(dir.path());
    QVERIFY(second.ensure(&error));
    QCOMPARE(second.lastAction(), QStringLiteral("reused"));
    QCOMPARE(readAll(second.caCertificatePath()), ca);
    QCOMPARE(readAll(second.serverCertificatePath()), server);
    QCOMPARE(readAll(second.serverKeyPath()), key);
}

void tst_LocalCertificateAuthority::serverCertificate_isRenewed_data()
{
    QTest::addColumn<QByteArray>("names");
    QTest::addColumn<int>("validFromDays");
    QTest::addColumn<int>("days");
    QTest::addColumn<QString>("why");
    QTest::newRow("names changed") << QByteArray("DNS:localhost,IP:127.0.0.1") << 0 << 400
                                   << QStringLiteral("renewed: server certificate names changed");
    QTest::newRow("expired") << QByteArray("DNS:localhost,IP:127.0.0.1,IP:::1") << -400 << 399
                             << QStringLiteral("renewed: server certificate expires");
    QTest::newRow("expires within a month") << QByteArray("DNS:localhost,IP:127.0.0.1,IP:::1") << -10 << 20
                                            << QStringLiteral("renewed: server certificate expires");
}

void tst_LocalCertificateAuthority::serverCertificate_isRenewed()
{
    QFETCH(QByteArray, names);
    QFETCH(int, validFromDays);
    QFETCH(int, days);
    QFETCH(QString, why);
    QTemporaryDir dir;
    QString error;
    LocalCertificateAuthority authority(dir.path());
    QVERIFY(authority.ensure(&error));
    const QByteArray ca = readAll(authority.caCertificatePath());
    const QByteArray stale = signedByCa(authority, names.constData(), long(validFromDays) * 24 * 3600, days);
    writeAll(authority.serverCertificatePath(), stale);

    LocalCertificateAuthority again(dir.path());
    QVERIFY(again.ensure(&error));
    QCOMPARE(again.lastAction(), why);
    QVERIFY(readAll(again.serverCertificatePath()) != stale);
    QCOMPARE(readAll(again.caCertificatePath()), ca); // the CA clients trust stays
    QCOMPARE(QSslCertificate(readAll(again.serverCertificatePath()), QSsl::Pem).subjectAlternativeNames().size(), 3);

    // A server certificate from some other CA is replaced too.
    QTemporaryDir otherDir;
    LocalCertificateAuthority other(otherDir.path());
    QVERIFY(other.ensure(&error));
    QFile::remove(authority.serverCertificatePath());
    QFile::remove(authority.serverKeyPath());
    QVERIFY(QFile::copy(other.serverCertificatePath(), authority.serverCertificatePath()));
    QVERIFY(QFile::copy(other.serverKeyPath(), authority.serverKeyPath()));
    LocalCertificateAuthority third(dir.path());
    QVERIFY(third.ensure(&error));
    QCOMPARE(third.lastAction(), QStringLiteral("renewed: server certificate not signed by this CA"));
}

void tst_LocalCertificateAuthority::lostCaKey_makesANewCaAndServerCertificate()
{
    QTemporaryDir dir;
    QString error;
    LocalCertificateAuthority authority(dir.path());
    QVERIFY(authority.ensure(&error));
    const QByteArray ca = readAll(authority.caCertificatePath());
    writeAll(authority.caKeyPath(), "not a key");
    LocalCertificateAuthority again(dir.path());
    QVERIFY(again.ensure(&error));
    QVERIFY(again.lastAction().startsWith(QStringLiteral("renewed")));
    QVERIFY(readAll(again.caCertificatePath()) != ca);
}

void tst_LocalCertificateAuthority::samePort_speaksHttpsToClientsTrustingOnlyTheCaAndPlainHttp()
{
    QTemporaryDir dir;
    QString error;
    LocalCertificateAuthority authority(dir.path());
    QVERIFY(authority.ensure(&error));
    HttpServer server;
    server.setTlsConfiguration(authority.serverConfiguration());
    server.setHandler([](const HttpRequest &request, const HttpResponder &responder) {
        responder.respond(HttpResponse::make(200, "text/plain", request.secure ? "secure" : "plain"));
    });
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));

    for (const QString &host : {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")}) {
        QSslSocket tls;
        QSslConfiguration trustOnlyCa = QSslConfiguration::defaultConfiguration();
        trustOnlyCa.setCaCertificates(QSslCertificate::fromPath(authority.caCertificatePath()));
        tls.setSslConfiguration(trustOnlyCa);
        tls.setPeerVerifyName(host);
        QSignalSpy encrypted(&tls, &QSslSocket::encrypted);
        tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
        QVERIFY2(encrypted.wait(5000), qPrintable(tls.errorString()));
        QVERIFY(tls.sslHandshakeErrors().isEmpty());
        tls.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += tls.readAll()).endsWith("secure"), 5000);
    }

    QTcpSocket plain;
    plain.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(plain.waitForConnected(5000));
    plain.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += plain.readAll()).endsWith("plain"), 5000);
}

void tst_LocalCertificateAuthority::httpsClient_thatDoesNotTrustTheCa_isRefused()
{
    QTemporaryDir dir;
    QString error;
    LocalCertificateAuthority authority(dir.path());
    QVERIFY(authority.ensure(&error));
    HttpServer server;
    server.setTlsConfiguration(authority.serverConfiguration());
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QSslSocket tls; // system CAs only
    QSignalSpy failed(&tls, &QSslSocket::sslErrors);
    tls.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.serverPort());
    QVERIFY(failed.wait(5000));
}

QTEST_GUILESS_MAIN(tst_LocalCertificateAuthority)
#include "tst_localcertificateauthority.moc"
