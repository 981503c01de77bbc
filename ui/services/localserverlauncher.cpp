// SPDX-License-Identifier: MIT
#include "localserverlauncher.h"

#include <core/api/apiclient.h>
#include <core/config/config.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcLauncher, "agentbay.ui.localserverlauncher")

namespace {
constexpr int PollIntervalMs = 100;
}

LocalServerLauncher::LocalServerLauncher(QObject *parent)
    : QObject(parent)
    , m_dataDir(defaultDataDir())
    , m_program(findProgram())
{
    m_pollTimer.setSingleShot(true);
    m_pollTimer.setInterval(PollIntervalMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &LocalServerLauncher::pollDiscovery);
}

LocalServerLauncher::~LocalServerLauncher() = default;

QString LocalServerLauncher::defaultDataDir()
{
    const QString fromEnv = qEnvironmentVariable("AGENTBAY_LOCAL_DATA_DIR");
    if (!fromEnv.isEmpty()) {
        return fromEnv;
    }
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/agentbay-local"_s;
}

QString LocalServerLauncher::findProgram()
{
#ifdef Q_OS_WIN
    const QString name = u"agentbay-local.exe"_s;
#else
    const QString name = u"agentbay-local"_s;
#endif
    const QFileInfo besideUs(QCoreApplication::applicationDirPath() + u'/' + name);
    if (besideUs.isExecutable()) {
        return besideUs.absoluteFilePath();
    }
    return QStandardPaths::findExecutable(u"agentbay-local"_s);
}

std::optional<LocalServerLauncher::Discovery> LocalServerLauncher::readDiscovery(const QString &dataDir)
{
    QFile file(dataDir + u"/server.json"_s);
    if (!file.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    Discovery discovery;
    discovery.url = object.value(u"url"_s).toString();
    discovery.token = object.value(u"token"_s).toString();
    discovery.pid = object.value(u"pid"_s).toInteger();
    // A server from before the field existed said nothing; no warning rather than a false one.
    discovery.sandboxed = object.value(u"sandboxed"_s).toBool(true);
    if (discovery.url.isEmpty() || discovery.token.isEmpty()) {
        return std::nullopt;
    }
    // The same port speaks https with the data folder's own CA. Only an older agentbay-local,
    // which made no CA, is spoken to over its plain http URL.
    discovery.caCertificates = Core::Config::loadCaCertificates(caCertificatePath(dataDir));
    const int port = object.value(u"port"_s).toInt(QUrl(discovery.url).port());
    if (!discovery.caCertificates.isEmpty() && port > 0 && port <= 65535) {
        discovery.url = u"https://127.0.0.1:%1"_s.arg(port);
    }
    return discovery;
}

QString LocalServerLauncher::caCertificatePath(const QString &dataDir)
{
    return dataDir + u"/tls/ca.pem"_s;
}

void LocalServerLauncher::ensureRunning()
{
    if (m_busy) {
        return;
    }
    m_busy = true;
    m_startedPid = 0;
    if (const auto discovery = readDiscovery(m_dataDir)) {
        Q_EMIT progress(tr("Connecting to agentbay-local at %1…").arg(discovery->url));
        probe(*discovery, false);
        return;
    }
    startServer();
}

void LocalServerLauncher::probe(const Discovery &discovery, bool afterStart)
{
    Core::Config config;
    config.endpoint = discovery.url;
    config.apiKey = discovery.token;
    config.timeoutMs = 3000;
    config.caCertificates = discovery.caCertificates;
    auto *client = new Core::ApiClient(config, this);
    m_probeClient = client;
    Core::ListSessionParams params;
    params.limit = 1;
    client->list(
        params, this, [this, client, discovery, afterStart](const Core::Result<Core::SessionListPage> &result) {
            client->deleteLater();
            const bool unreachable = !result.ok()
                && (result.error().kind == Core::ApiError::Kind::Network
                    || result.error().kind == Core::ApiError::Kind::Timeout);
            if (!unreachable) {
                // Any answer (even a refusal) means a server is there; the window reports the rest.
                finish();
                m_serverInfo = discovery;
                Q_EMIT ready(discovery.url, discovery.token, afterStart);
                return;
            }
            if (afterStart) {
                m_pollTimer.start(); // written but not listening yet
                return;
            }
            qCInfo(lcLauncher) << "stale discovery file, starting agentbay-local";
            startServer();
        });
}

void LocalServerLauncher::startServer()
{
    if (m_program.isEmpty()) {
        finish();
        Q_EMIT failed(tr("agentbay-local was not found next to this application or on PATH."));
        return;
    }
    QDir().mkpath(m_dataDir);
    Q_EMIT progress(tr("Starting agentbay-local…"));
    QProcess process;
    process.setProgram(m_program);
    QStringList arguments;
    if (m_dataDir != defaultDataDir()) {
        arguments << u"--data-dir"_s << m_dataDir;
    }
    process.setArguments(arguments);
    // Detached so that its sessions outlive this window; its output goes to a log beside its data.
    process.setStandardOutputFile(m_dataDir + u"/agentbay-local.log"_s, QIODevice::Append);
    process.setStandardErrorFile(m_dataDir + u"/agentbay-local.log"_s, QIODevice::Append);
    process.setStandardInputFile(QProcess::nullDevice());
    if (!process.startDetached(&m_startedPid)) {
        finish();
        Q_EMIT failed(tr("Could not start %1.").arg(m_program));
        return;
    }
    qCInfo(lcLauncher) << "started agentbay-local, pid" << m_startedPid;
    m_waitedMs = 0;
    m_pollTimer.start();
}

void LocalServerLauncher::pollDiscovery()
{
    m_waitedMs += PollIntervalMs;
    const auto discovery = readDiscovery(m_dataDir);
    if (discovery && (discovery->pid == m_startedPid || m_startedPid == 0)) {
        probe(*discovery, true);
        return;
    }
    if (m_waitedMs >= m_startTimeoutMs) {
        finish();
        Q_EMIT failed(tr("agentbay-local did not start within %1 s; see %2.")
                          .arg(m_startTimeoutMs / 1000)
                          .arg(QDir::toNativeSeparators(m_dataDir + u"/agentbay-local.log"_s)));
        return;
    }
    m_pollTimer.start();
}

void LocalServerLauncher::finish()
{
    m_busy = false;
    m_pollTimer.stop();
}

} // namespace AgentBay::Ui
