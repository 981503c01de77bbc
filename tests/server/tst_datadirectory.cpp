// SPDX-License-Identifier: MIT
// The token and discovery files, and the agentbay-local command line that uses them.
#include <server/sessions/datadirectory.h>
#include <support/localserver.h>

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using AgentBay::Server::DataDirectory;
using AgentBay::Test::LocalServer;
using namespace Qt::Literals::StringLiterals;

namespace {
constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QFileDevice::Permissions permissionsOf(const QString &path)
{
    // Only the bits that say who may read and write.
    return QFile::permissions(path)
        & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther);
}
} // namespace

class tst_DataDirectory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void token_isCreatedOnceAndReadableByItsUserOnly();
    void discovery_describesTheServerAndIsPrivate();
    void defaultPath_followsTheEnvironment();
    void commandLine_badPort_exitsWithCode2_data();
    void commandLine_badPort_exitsWithCode2();
    void commandLine_help_explainsEveryOption();
    void server_writesDiscoveryAndRemovesItOnSigterm();
};

void tst_DataDirectory::token_isCreatedOnceAndReadableByItsUserOnly()
{
    QTemporaryDir dir;
    const DataDirectory data(dir.path() + u"/nested"_s);
    QString error;
    QVERIFY(data.ensureExists(&error));
    const QString token = data.loadOrCreateToken(&error);
    QVERIFY2(token.size() >= 32, qPrintable(error));
    QCOMPARE(permissionsOf(data.tokenPath()), ownerOnly);
    QCOMPARE(data.loadOrCreateToken(&error), token);
    QVERIFY(DataDirectory(dir.path() + u"/other"_s).loadOrCreateToken(&error) != token);
}

void tst_DataDirectory::discovery_describesTheServerAndIsPrivate()
{
    QTemporaryDir dir;
    const DataDirectory data(dir.path());
    QString error;
    QVERIFY(data.writeDiscovery(34567, u"abl-secret"_s, &error));
    QCOMPARE(permissionsOf(data.discoveryPath()), ownerOnly);
    QFile file(data.discoveryPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(info.value(u"url"_s).toString(), u"http://127.0.0.1:34567"_s);
    QCOMPARE(info.value(u"port"_s).toInt(), 34567);
    QCOMPARE(info.value(u"pid"_s).toInteger(), QCoreApplication::applicationPid());
    QCOMPARE(info.value(u"token"_s).toString(), u"abl-secret"_s);
    data.removeDiscovery();
    QVERIFY(!QFile::exists(data.discoveryPath()));
}

void tst_DataDirectory::defaultPath_followsTheEnvironment()
{
    qputenv("AGENTBAY_LOCAL_DATA_DIR", "/tmp/agentbay-local-test-dir");
    QCOMPARE(DataDirectory::defaultPath(), u"/tmp/agentbay-local-test-dir"_s);
    qunsetenv("AGENTBAY_LOCAL_DATA_DIR");
    QVERIFY(DataDirectory::defaultPath().endsWith(u"/agentbay-local"_s));
}

void tst_DataDirectory::commandLine_badPort_exitsWithCode2_data()
{
    QTest::addColumn<QString>("port");
    QTest::newRow("too large") << u"65536"_s;
    QTest::newRow("negative") << u"-1"_s;
    QTest::newRow("not a number") << u"eighty"_s;
    QTest::newRow("empty") << QString();
}

void tst_DataDirectory::commandLine_badPort_exitsWithCode2()
{
    QFETCH(QString, port);
    QTemporaryDir dir;
    QProcess process;
    process.start(qEnvironmentVariable("AGENTBAY_LOCAL_BIN"), {u"--port"_s, port, u"--data-dir"_s, dir.path()});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("--port"));
    QVERIFY(!QFile::exists(dir.path() + u"/server.json"_s));
}

void tst_DataDirectory::commandLine_help_explainsEveryOption()
{
    QProcess process;
    process.start(qEnvironmentVariable("AGENTBAY_LOCAL_BIN"), {u"--help"_s});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    const QByteArray help = process.readAllStandardOutput();
    for (const char *needle :
        {"--port", "--data-dir", "--help", "AGENTBAY_LOCAL_DATA_DIR", "127.0.0.1", "token", "server.json"}) {
        QVERIFY2(help.contains(needle), needle);
    }
}

void tst_DataDirectory::server_writesDiscoveryAndRemovesItOnSigterm()
{
    QTemporaryDir dir;
    LocalServer server(dir.path());
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QString discovery = dir.path() + u"/server.json"_s;
    QVERIFY(QFile::exists(discovery));
    QCOMPARE(permissionsOf(discovery), ownerOnly);
    QCOMPARE(permissionsOf(dir.path() + u"/token"_s), ownerOnly);
    QFile file(discovery);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject info = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(info.value(u"url"_s).toString(), server.url());
    QCOMPARE(info.value(u"token"_s).toString(), server.apiKey());
    QVERIFY(!server.log().contains(server.apiKey().toUtf8()));
    server.stop();
    QVERIFY(!QFile::exists(discovery));
}

QTEST_GUILESS_MAIN(tst_DataDirectory)
#include "tst_datadirectory.moc"
