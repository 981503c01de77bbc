// SPDX-License-Identifier: MIT
#include "localserver.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <sys/prctl.h>

#include <csignal>

namespace AgentBay::Test {

namespace {
constexpr int startTimeoutMs = 10000;
constexpr int stopTimeoutMs = 10000;
const QByteArray urlLinePrefix = "agentbay-local listening on ";

// In sanitized builds (the ci preset) the server reports memory errors, undefined behaviour
// and leaks on its stderr, which no test reads: end the test with the report instead.
void failOnSanitizerReport(const QByteArray &log)
{
    for (const QByteArray &marker :
        {QByteArray("ERROR: AddressSanitizer"), QByteArray("ERROR: LeakSanitizer"), QByteArray("runtime error: ")}) {
        const qsizetype at = log.indexOf(marker);
        if (at >= 0) {
            const qsizetype from = qMax<qsizetype>(0, log.lastIndexOf('\n', at));
            qFatal("agentbay-local reported a sanitizer finding:\n%s", log.mid(from, 16000).constData());
        }
    }
}
} // namespace

LocalServer::LocalServer(const QString &dataDir)
    : m_dataDir(dataDir)
{
    if (m_dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    }
}

LocalServer::~LocalServer()
{
    stop();
}

void LocalServer::setExtraArguments(const QStringList &arguments)
{
    m_extraArguments = arguments;
}

bool LocalServer::start(int port)
{
    if (isRunning()) {
        return true;
    }
    m_url.clear();
    m_lastError.clear();
    const QString program = qEnvironmentVariable("AGENTBAY_LOCAL_BIN");
    if (program.isEmpty()) {
        m_lastError = QStringLiteral("AGENTBAY_LOCAL_BIN is not set");
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(program);
    m_process->setArguments(
        QStringList{QStringLiteral("--port"), QString::number(port), QStringLiteral("--data-dir"), m_dataDir}
        + m_extraArguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    QByteArray out;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(m_process.get(), &QProcess::readyReadStandardOutput, &loop, [&] {
        out += m_process->readAllStandardOutput();
        if (out.contains('\n')) {
            loop.quit();
        }
    });
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, &loop, [this] {
        m_log += m_process->readAllStandardError();
    });
    QObject::connect(m_process.get(), &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(m_process.get(), &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    // A test that crashes must not leave its server running: the kernel ends it with the test.
    m_process->setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    });
    m_process->start();
    timeout.start(startTimeoutMs);
    loop.exec();
    QObject::disconnect(m_process.get(), nullptr, &loop, nullptr);
    // Keep collecting the log after start.
    QObject::connect(m_process.get(), &QProcess::readyReadStandardError, m_process.get(), [this] {
        m_log += m_process->readAllStandardError();
    });

    const QByteArray firstLine = out.left(out.indexOf('\n')).trimmed();
    if (!firstLine.startsWith(urlLinePrefix)) {
        m_log += m_process->readAllStandardError();
        m_lastError = QStringLiteral("agentbay-local did not start: ")
            + (m_process->error() == QProcess::FailedToStart ? m_process->errorString()
                                                             : QString::fromUtf8(m_log).trimmed());
        kill();
        return false;
    }
    m_url = QString::fromUtf8(firstLine.mid(urlLinePrefix.size()));
    QFile tokenFile(m_dataDir + QStringLiteral("/token"));
    if (!tokenFile.open(QIODevice::ReadOnly)) {
        m_lastError = QStringLiteral("cannot read the token file");
        kill();
        return false;
    }
    m_apiKey = QString::fromUtf8(tokenFile.readAll()).trimmed();
    return true;
}

void LocalServer::stop()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(stopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(stopTimeoutMs);
        }
    }
    m_log += m_process->readAllStandardError();
    m_process.reset();
    failOnSanitizerReport(m_log);
}

void LocalServer::kill()
{
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(stopTimeoutMs);
    }
    m_log += m_process->readAllStandardError();
    m_process.reset();
}

QString LocalServer::url() const
{
    return m_url;
}

QString LocalServer::apiKey() const
{
    return m_apiKey;
}

QString LocalServer::dataDir() const
{
    return m_dataDir;
}

QString LocalServer::lastError() const
{
    return m_lastError;
}

bool LocalServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray LocalServer::log() const
{
    return m_log;
}

} // namespace AgentBay::Test
