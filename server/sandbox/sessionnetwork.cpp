// SPDX-License-Identifier: MIT
#include "sessionnetwork.h"

#include <server/sandbox/cgroupset.h>

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

Q_LOGGING_CATEGORY(lcNetwork, "agentbay.server.sessionnetwork")

namespace AgentBay::Server {

namespace {

// Until the server says otherwise: "user" where it can work, else "none".
std::atomic<int> g_defaultMode{-1};
// A helper that has not configured the tap device by then has failed.
constexpr int kReadyTimeoutMs = 10000;

QString helperPath()
{
    static const QString path = QStandardPaths::findExecutable(QStringLiteral("slirp4netns"));
    return path;
}

QByteArray namespaceOf(const QByteArray &proc, const char *kind)
{
    char buffer[64] = {};
    const QByteArray link = proc + "/ns/" + kind;
    const ssize_t n = ::readlink(link.constData(), buffer, sizeof(buffer) - 1);
    return n > 0 ? QByteArray(buffer, int(n)) : QByteArray();
}

// The sandbox's first process unshares its user and network namespace and writes its id
// maps between fork and exec; the helper must never start before, or it would configure the
// host's own namespace.
bool waitForOwnNamespaces(qint64 pid)
{
    using namespace std::chrono_literals;
    const QByteArray proc = "/proc/" + QByteArray::number(pid);
    const QByteArray hostNet = namespaceOf("/proc/self", "net");
    for (int i = 0; i < 10000; ++i) {
        const QByteArray net = namespaceOf(proc, "net");
        if (net.isEmpty()) {
            return false; // gone
        }
        if (net != hostNet) {
            QFile map(QString::fromLatin1(proc + "/uid_map"));
            if (map.open(QIODevice::ReadOnly) && !map.readAll().trimmed().isEmpty()) {
                return true;
            }
        }
        std::this_thread::sleep_for(200us);
    }
    return false;
}

} // namespace

std::optional<SessionNetwork::Mode> SessionNetwork::parseMode(const QString &text)
{
    const QString mode = text.trimmed().toLower();
    if (mode == u"none") {
        return Mode::None;
    }
    if (mode == u"user") {
        return Mode::User;
    }
    return std::nullopt;
}

QString SessionNetwork::modeName(Mode mode)
{
    return mode == Mode::User ? QStringLiteral("user") : QStringLiteral("none");
}

SessionNetwork::Mode SessionNetwork::serverDefault()
{
    const int mode = g_defaultMode.load();
    if (mode < 0) {
        return userModeAvailable() ? Mode::User : Mode::None;
    }
    return Mode(mode);
}

void SessionNetwork::setServerDefault(Mode mode)
{
    g_defaultMode.store(int(mode));
}

bool SessionNetwork::userModeAvailable(QString *reason)
{
    if (helperPath().isEmpty()) {
        if (reason) {
            *reason = QCoreApplication::translate(
                "SessionNetwork", "slirp4netns is not installed (Debian/Ubuntu: apt install slirp4netns)");
        }
        return false;
    }
    if (::access("/dev/net/tun", R_OK | W_OK) != 0) {
        if (reason) {
            *reason = QCoreApplication::translate("SessionNetwork",
                "/dev/net/tun cannot be opened by this user (make it mode 0666, as most desktops have it, or run "
                "the server as root)");
        }
        return false;
    }
    return true;
}

bool SessionNetwork::canRun(Mode mode, QString *error)
{
    QString reason;
    if (mode == Mode::None || userModeAvailable(&reason)) {
        return true;
    }
    if (error) {
        *error = QCoreApplication::translate("SessionNetwork",
            "The session asked for network \"user\", which cannot work here: %1. Ask for network \"none\", or "
            "start agentbay-local with --network=none.")
                     .arg(reason);
    }
    return false;
}

SessionNetwork::SessionNetwork(Mode mode, QObject *parent)
    : QObject(parent)
    , m_mode(mode)
{
}

SessionNetwork::~SessionNetwork()
{
    stop();
}

void SessionNetwork::start(qint64 pid, const QList<QByteArray> &procsFiles)
{
    if (m_mode == Mode::None) {
        finish({});
        return;
    }
    QString reason;
    if (!userModeAvailable(&reason)) {
        finish(reason);
        return;
    }
    if (!waitForOwnNamespaces(pid)) {
        finish(tr("the sandbox did not get a network namespace of its own"));
        return;
    }
    int readyPipe[2] = {-1, -1};
    int exitPipe[2] = {-1, -1};
    if (::pipe2(readyPipe, O_CLOEXEC) != 0 || ::pipe2(exitPipe, O_CLOEXEC) != 0) {
        for (const int fd : {readyPipe[0], readyPipe[1], exitPipe[0], exitPipe[1]}) {
            if (fd >= 0) {
                ::close(fd);
            }
        }
        finish(tr("cannot make a pipe for slirp4netns"));
        return;
    }
    m_readyFd = readyPipe[0];
    m_exitFd = exitPipe[1];
    const int childReady = readyPipe[1];
    const int childExit = exitPipe[0];

    auto *helper = new QProcess(this);
    helper->setProgram(helperPath());
    helper->setArguments({QStringLiteral("--configure"),
        QStringLiteral("--mtu=65520"),
        QStringLiteral("--disable-host-loopback"),
        QStringLiteral("--enable-sandbox"),
        QStringLiteral("--enable-seccomp"),
        QStringLiteral("--ready-fd=%1").arg(childReady),
        QStringLiteral("--exit-fd=%1").arg(childExit),
        QStringLiteral("--userns-path=/proc/%1/ns/user").arg(pid),
        QString::number(pid),
        QStringLiteral("tap0")});
    helper->setStandardOutputFile(QProcess::nullDevice());
    helper->setStandardInputFile(QProcess::nullDevice());
    helper->setProcessEnvironment(QProcessEnvironment());
    helper->setChildProcessModifier([procsFiles, childReady, childExit] {
        ::setsid();
        CgroupSet::joinFromChild(procsFiles);
        ::fcntl(childReady, F_SETFD, 0);
        ::fcntl(childExit, F_SETFD, 0);
    });
    connect(helper, &QProcess::readyReadStandardError, this, [this, helper] {
        m_stderr.append(helper->readAllStandardError());
        m_stderr = m_stderr.right(2048);
    });
    connect(helper, &QProcess::finished, this, [this, helper] {
        if (!m_ready) {
            finish(tr("slirp4netns exited: %1").arg(QString::fromLocal8Bit(m_stderr.trimmed()).right(300)));
        } else if (m_helper == helper) {
            m_error = tr("slirp4netns exited; the session has no outbound network any more");
            qCWarning(lcNetwork) << m_error << m_stderr.trimmed().right(300);
        }
    });
    m_helper = helper;
    helper->start(QIODevice::ReadOnly);
    ::close(childReady);
    ::close(childExit);

    m_readyNotifier = new QSocketNotifier(m_readyFd, QSocketNotifier::Read, this);
    connect(m_readyNotifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        const ssize_t got = ::read(m_readyFd, &byte, 1);
        m_readyNotifier->setEnabled(false);
        finish(got == 1 ? QString() : tr("slirp4netns stopped before the network was up"));
    });
    QTimer::singleShot(kReadyTimeoutMs, this, [this] {
        if (!m_ready) {
            finish(tr("slirp4netns did not configure the network within %1 s").arg(kReadyTimeoutMs / 1000));
        }
    });
}

qint64 SessionNetwork::helperPid() const
{
    return m_helper ? m_helper->processId() : 0;
}

void SessionNetwork::finish(const QString &error)
{
    if (m_ready) {
        return;
    }
    m_ready = true;
    m_error = error;
    if (!error.isEmpty()) {
        qCWarning(lcNetwork) << "no outbound network for a session:" << error;
    }
    Q_EMIT ready();
}

void SessionNetwork::stop()
{
    delete m_readyNotifier;
    m_readyNotifier = nullptr;
    for (int *fd : {&m_readyFd, &m_exitFd}) {
        if (*fd >= 0) {
            ::close(*fd);
            *fd = -1;
        }
    }
    if (QProcess *helper = m_helper) {
        m_helper = nullptr;
        helper->disconnect(this);
        helper->kill();
        // Reaped without blocking, as the sandbox's own process is.
        helper->setParent(QCoreApplication::instance());
        connect(helper, &QProcess::finished, helper, &QObject::deleteLater);
        if (helper->state() == QProcess::NotRunning) {
            helper->deleteLater();
        }
    }
}

QByteArray SessionNetwork::resolvConf() const
{
    return m_mode == Mode::User ? QByteArrayLiteral("nameserver 10.0.2.3\noptions edns0 trust-ad\n") : QByteArray();
}

QJsonObject SessionNetwork::toJson() const
{
    QJsonObject json{{QStringLiteral("mode"), modeName(m_mode)}, {QStringLiteral("ownNamespace"), true}};
    if (m_mode == Mode::User) {
        json.insert(QStringLiteral("helper"), QStringLiteral("slirp4netns"));
        json.insert(QStringLiteral("address"), QStringLiteral("10.0.2.100/24"));
        json.insert(QStringLiteral("up"), m_ready && m_error.isEmpty());
    }
    if (!m_error.isEmpty()) {
        json.insert(QStringLiteral("error"), m_error);
    }
    return json;
}

} // namespace AgentBay::Server
