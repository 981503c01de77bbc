// SPDX-License-Identifier: MIT
// The app's --self-test smoke run: the real agentbay-desktop binary, offscreen, against a real
// agentbay-local. The key travels in the environment, never on the command line.
#include <support/localserver.h>

#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;

class tst_SelfTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void selfTest_liveServer_exitsZeroAfterOneRefresh();
    void selfTest_noServer_exitsNonZeroWithMessage();
    void selfTest_wrongKey_exitsNonZeroWithoutLeakingKey();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList &arguments, const QString &apiKey);

    QString m_program;
    QTemporaryDir m_home;
};

void tst_SelfTest::initTestCase()
{
    m_program = qEnvironmentVariable("AGENTBAY_DESKTOP_BIN");
    QVERIFY2(QFileInfo(m_program).isExecutable(), "AGENTBAY_DESKTOP_BIN must name the agentbay-desktop binary");
    QVERIFY(m_home.isValid());
}

tst_SelfTest::Run tst_SelfTest::run(const QStringList &arguments, const QString &apiKey)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"AGENTBAY_API_KEY"_s, apiKey);
    env.insert(u"XDG_CONFIG_HOME"_s, m_home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, m_home.filePath(u"data"_s));
    env.insert(u"AGENTBAY_LOCAL_DATA_DIR"_s, m_home.filePath(u"local"_s));
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(m_home.path()); // no stray .env above the build tree
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(m_program, arguments);
    Run result;
    if (!process.waitForStarted(10000) || !finished.wait(20000)) {
        process.kill();
        process.waitForFinished();
        result.err = u"did not finish"_s;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void tst_SelfTest::selfTest_liveServer_exitsZeroAfterOneRefresh()
{
    AgentBay::Test::LocalServer server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const Run result = run({u"--self-test"_s, u"--endpoint"_s, server.url()}, server.apiKey());
    QVERIFY2(result.exitCode == 0, qPrintable(result.out + result.err));
    QVERIFY(result.out.contains(u"self-test: OK"_s));
    QVERIFY(!QString(result.out + result.err).contains(server.apiKey()));
}

void tst_SelfTest::selfTest_noServer_exitsNonZeroWithMessage()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    const Run result = run({u"--self-test"_s, u"--endpoint"_s, u"http://127.0.0.1:%1"_s.arg(port)}, u"irrelevant"_s);
    QVERIFY2(result.exitCode > 0, qPrintable(result.out + result.err));
    QVERIFY(result.err.contains(u"self-test: FAILED"_s));
}

void tst_SelfTest::selfTest_wrongKey_exitsNonZeroWithoutLeakingKey()
{
    AgentBay::Test::LocalServer server;
    QVERIFY2(server.start(), qPrintable(server.lastError()));
    const QString wrongKey = u"abl-wrong-key-0123456789"_s;
    const Run result = run({u"--self-test"_s, u"--endpoint"_s, server.url()}, wrongKey);
    QVERIFY2(result.exitCode > 0, qPrintable(result.out + result.err));
    QVERIFY(result.err.contains(u"self-test: FAILED"_s));
    QVERIFY(!QString(result.out + result.err).contains(wrongKey));
}

QTEST_GUILESS_MAIN(tst_SelfTest)
#include "tst_selftest.moc"
