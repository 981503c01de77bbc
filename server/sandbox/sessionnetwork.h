// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QProcess;
class QSocketNotifier;

namespace AgentBay::Server {

// A session's network. Every session has a network namespace of its own (its own loopback:
// no host loopback service, no host abstract unix socket). In "user" mode slirp4netns gives
// that namespace a tap device with outbound access to the internet, as rootless Podman does
// (10.0.2.100/24, gateway 10.0.2.2, DNS 10.0.2.3, the host's loopback NOT reachable
// through the gateway); in "none" mode there is only the loopback.
class SessionNetwork final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionNetwork)

public:
    enum class Mode {
        None,
        User
    };

    static std::optional<Mode> parseMode(const QString &text); // "none" | "user", any case
    static QString modeName(Mode mode);

    // The mode sessions get unless they ask otherwise (server option --network; until set,
    // "user" where userModeAvailable(), else "none").
    static Mode serverDefault();
    static void setServerDefault(Mode mode);

    // Whether "user" mode can work here; reason says why not (slirp4netns missing, or
    // /dev/net/tun not usable by the server's user).
    static bool userModeAvailable(QString *reason = nullptr);
    // Whether a session may start in mode; error says why not and what to do instead.
    static bool canRun(Mode mode, QString *error);

    explicit SessionNetwork(Mode mode, QObject *parent = nullptr);
    ~SessionNetwork() override; // stops the helper

    Mode mode() const { return m_mode; }

    // Connects the namespaces of process pid (its user and network namespace, already
    // unshared) to the outside; ready() follows once the tap device is configured, or at once
    // in "none" mode, or with error() set when the helper fails (the session then has only
    // its loopback). procsFiles: cgroups the helper joins, so it is frozen and killed with
    // the session.
    void start(qint64 pid, const QList<QByteArray> &procsFiles);

    bool isReady() const { return m_ready; }

    qint64 helperPid() const; // slirp4netns, 0 when none runs

    QString error() const { return m_error; }

    void stop();

    // /etc/resolv.conf for the session.
    QByteArray resolvConf() const;
    QJsonObject toJson() const;

Q_SIGNALS:
    void ready();

private:
    void finish(const QString &error);

    Mode m_mode;
    QProcess *m_helper = nullptr;
    QSocketNotifier *m_readyNotifier = nullptr;
    int m_readyFd = -1;
    int m_exitFd = -1; // closing it ends the helper
    bool m_ready = false;
    QString m_error;
    QByteArray m_stderr;
};

} // namespace AgentBay::Server
