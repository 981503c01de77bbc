// SPDX-License-Identifier: MIT
// agentbay-local: a local AgentBay-compatible server whose sessions are sandboxes on this machine.
#include <server/api/apirouter.h>
#include <server/http/clientenvironment.h>
#include <server/http/localcertificateauthority.h>
#include <server/sandbox/sandboxoptions.h>
#include <server/sessions/datadirectory.h>
#include <server/sessions/sessionstore.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLockFile>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QStandardPaths>

#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {

Q_LOGGING_CATEGORY(lcMain, "agentbay.app.local")

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM and SIGINT end the event loop, so the discovery file is removed and the sessions'
// processes are stopped on the way out.
void installQuitOnSignals(QCoreApplication *app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0) {
        return;
    }
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, app);
    QObject::connect(notifier, &QSocketNotifier::activated, app, [notifier] {
        notifier->setEnabled(false);
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

void printError(const QString &message)
{
    std::fprintf(stderr, "agentbay-local: %s\n", qPrintable(message));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("agentbay-local"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AGENTBAY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main",
        "A local AgentBay-compatible server. Its sessions are sandboxes on this machine (bubblewrap: an "
        "unprivileged user, no capabilities, seccomp, a network and cgroup limits of their own; without a working "
        "sandbox sessions are refused unless --allow-unsandboxed); the official SDKs and AgentBay Desktop use it "
        "with "
        "AGENTBAY_ENDPOINT=127.0.0.1:PORT (https) or http://127.0.0.1:PORT.\n\n"
        "One port speaks both plain http and https. The https certificate (for 127.0.0.1, ::1 and localhost) is "
        "signed by a local CA made on first start in DATA/tls (keys readable by their user only); clients trust "
        "DATA/tls/ca.pem. eval \"$(agentbay-local --print-env)\" sets up a shell for the SDKs.\n\n"
        "It listens on 127.0.0.1 only and prints 'agentbay-local listening on http://127.0.0.1:PORT' as its first "
        "line. The API key it accepts is a token created on first start in DATA/token (readable by its user "
        "only); clients send Authorization=Bearer <token>. While it runs, DATA/server.json (url, port, pid, "
        "token; mode 0600) tells other programs where to find it; it is removed on SIGTERM or SIGINT.\n\n"
        "Sessions, labels and workspaces (DATA/sessions/<id>/workspace) survive restarts, also after a crash; "
        "processes started in a session do not."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QCoreApplication::translate("main", "Port to listen on, 0 to 65535 (default 0: any free port)."),
        QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
        QCoreApplication::translate("main",
            "Folder for the token, the discovery file and the sessions (default: $AGENTBAY_LOCAL_DATA_DIR, "
            "else %1).")
            .arg(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                + QStringLiteral("/agentbay-local")),
        QStringLiteral("DIR"));
    const QCommandLineOption maxSessionsOption(QStringLiteral("max-sessions"),
        QCoreApplication::translate("main",
            "Sessions that may exist at once, 1 to 10000 (default %1); CreateMcpSession is refused with "
            "ResourceLimit.Sessions beyond it.")
            .arg(AgentBay::Server::ApiRouter::defaultMaxSessions),
        QStringLiteral("N"),
        QString::number(AgentBay::Server::ApiRouter::defaultMaxSessions));
    parser.addOption(portOption);
    parser.addOption(dataDirOption);
    parser.addOption(maxSessionsOption);
    const QCommandLineOption printEnvOption(QStringLiteral("print-env"),
        QCoreApplication::translate("main",
            "Print the shell export lines (AGENTBAY_ENDPOINT, AGENTBAY_API_KEY and the CA file for Node, Python and "
            "Go) that point the official SDKs at the agentbay-local running on the data folder, then exit; use "
            "eval \"$(agentbay-local --print-env)\". Exits with 3 when none runs."));
    parser.addOption(printEnvOption);
    const AgentBay::Server::HttpServer::Settings httpDefaults;
    const QCommandLineOption maxConnectionsOption(QStringLiteral("max-connections"),
        QCoreApplication::translate("main",
            "Client connections open at once, 1 to 10000 (default %1); beyond it the connection that waited longest "
            "without a request makes room, or the new one is closed.")
            .arg(httpDefaults.maxConnections),
        QStringLiteral("N"),
        QString::number(httpDefaults.maxConnections));
    const QCommandLineOption headerTimeoutOption(QStringLiteral("header-timeout"),
        QCoreApplication::translate(
            "main", "Seconds a client has to send a request's headers from its first byte, 1 to 3600 (default %1).")
            .arg(httpDefaults.headerTimeoutMs / 1000),
        QStringLiteral("SECONDS"),
        QString::number(httpDefaults.headerTimeoutMs / 1000));
    const QCommandLineOption idleTimeoutOption(QStringLiteral("idle-timeout"),
        QCoreApplication::translate(
            "main", "Seconds a kept-alive connection may stay idle between requests, 1 to 3600 (default %1).")
            .arg(httpDefaults.idleTimeoutMs / 1000),
        QStringLiteral("SECONDS"),
        QString::number(httpDefaults.idleTimeoutMs / 1000));
    parser.addOption(maxConnectionsOption);
    parser.addOption(headerTimeoutOption);
    parser.addOption(idleTimeoutOption);
    AgentBay::Server::SandboxOptions::addTo(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        parser.showHelp(0);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion();
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(QCoreApplication::translate("main", "unexpected argument %1 (see --help)")
                       .arg(parser.positionalArguments().constFirst()));
        return 2;
    }
    if (parser.isSet(printEnvOption)) {
        const QString path =
            parser.isSet(dataDirOption) ? parser.value(dataDirOption) : AgentBay::Server::DataDirectory::defaultPath();
        QString error;
        const QString lines = AgentBay::Server::ClientEnvironment::exportLines(path, &error);
        if (lines.isEmpty()) {
            printError(error);
            return 3;
        }
        std::fputs(qPrintable(lines), stdout);
        return 0;
    }
    bool portOk = false;
    const uint port = parser.value(portOption).toUInt(&portOk);
    if (!portOk || port > 65535) {
        printError(QCoreApplication::translate("main", "--port must be a number from 0 to 65535, not '%1'")
                       .arg(parser.value(portOption)));
        return 2;
    }

    bool maxSessionsOk = false;
    const int maxSessions = parser.value(maxSessionsOption).toInt(&maxSessionsOk);
    if (!maxSessionsOk || maxSessions < 1 || maxSessions > 10000) {
        printError(QCoreApplication::translate("main", "--max-sessions must be a number from 1 to 10000, not '%1'")
                       .arg(parser.value(maxSessionsOption)));
        return 2;
    }

    AgentBay::Server::HttpServer::Settings httpSettings;
    const auto number = [&parser](const QCommandLineOption &option, int max, int *value) {
        bool ok = false;
        *value = parser.value(option).toInt(&ok);
        if (!ok || *value < 1 || *value > max) {
            printError(QCoreApplication::translate("main", "--%1 must be a number from 1 to %2, not '%3'")
                           .arg(option.names().constFirst())
                           .arg(max)
                           .arg(parser.value(option)));
            return false;
        }
        return true;
    };
    int headerTimeout = 0;
    int idleTimeout = 0;
    if (!number(maxConnectionsOption, 10000, &httpSettings.maxConnections)
        || !number(headerTimeoutOption, 3600, &headerTimeout) || !number(idleTimeoutOption, 3600, &idleTimeout)) {
        return 2;
    }
    httpSettings.headerTimeoutMs = headerTimeout * 1000;
    httpSettings.idleTimeoutMs = idleTimeout * 1000;
    {
        QString sandboxError;
        if (!AgentBay::Server::SandboxOptions::apply(parser, &sandboxError)) {
            printError(sandboxError);
            return 2;
        }
    }

    const AgentBay::Server::DataDirectory dataDir(
        parser.isSet(dataDirOption) ? parser.value(dataDirOption) : AgentBay::Server::DataDirectory::defaultPath());
    QString error;
    if (!dataDir.ensureExists(&error)) {
        printError(error);
        return 1;
    }
    QLockFile lock(dataDir.path() + QStringLiteral("/server.lock"));
    if (!lock.tryLock(0)) {
        printError(QCoreApplication::translate("main", "another agentbay-local already uses %1").arg(dataDir.path()));
        return 1;
    }
    const QString token = dataDir.loadOrCreateToken(&error);
    if (token.isEmpty()) {
        printError(error);
        return 1;
    }

    AgentBay::Server::LocalCertificateAuthority authority(
        AgentBay::Server::ClientEnvironment::tlsDirectory(dataDir.path()));
    if (!authority.ensure(&error)) {
        printError(error);
        return 1;
    }
    qCInfo(lcMain).noquote() << "https certificates in" << authority.directory() << authority.lastAction();

    installQuitOnSignals(&app);
    auto store = std::make_unique<AgentBay::Server::SessionStore>(dataDir.path());
    if (!store->load(&error)) {
        printError(error);
        return 1;
    }
    auto api = std::make_unique<AgentBay::Server::ApiRouter>(store.get(), token);
    api->setMaxSessions(maxSessions);
    api->setHttpSettings(httpSettings);
    api->setTlsConfiguration(authority.serverConfiguration());
    const quint16 boundPort = api->listen(quint16(port), &error);
    if (boundPort == 0) {
        printError(error);
        return 1;
    }
    if (!dataDir.writeDiscovery(boundPort, token, &error, AgentBay::Server::SandboxOptions::serverInfo())) {
        printError(error);
        return 1;
    }
    std::printf("agentbay-local listening on %s\n", qPrintable(api->baseUrl()));
    std::fflush(stdout);
    if (const QString warning = AgentBay::Server::SandboxOptions::warning(); !warning.isEmpty()) {
        printError(warning);
    }
    qCInfo(lcMain) << "serving" << store->count() << "sessions from" << dataDir.path();

    const int rc = QCoreApplication::exec();
    dataDir.removeDiscovery();
    api.reset();
    store.reset(); // stops every session's processes
    return rc;
}
