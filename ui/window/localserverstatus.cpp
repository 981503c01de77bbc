// SPDX-License-Identifier: MIT
#include "localserverstatus.h"

#include <ui/services/localserverlauncher.h>
#include <ui/services/sessionstore.h>

#include <QIcon>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QToolButton>

#include <csignal>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {
const QString PolicyKey = u"localServer/quit"_s;
}

LocalServerStatus::LocalServerStatus(
    LocalServerLauncher *launcher, SessionStore *store, QSettings *settings, QStatusBar *bar)
    : QObject(bar)
    , m_launcher(launcher)
    , m_store(store)
    , m_settings(settings)
    , m_label(new QLabel(bar))
    , m_stop(new QToolButton(bar))
{
    m_label->setObjectName(u"localServerStatus"_s);
    m_stop->setObjectName(u"stopLocalServer"_s);
    m_stop->setIcon(QIcon(u":/icons/stop.svg"_s));
    m_stop->setText(tr("Stop"));
    m_stop->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_stop->setAutoRaise(true);
    m_stop->setToolTip(tr("Stop the local server; its sessions end"));
    m_stop->setAccessibleName(tr("Stop the local server"));
    bar->addPermanentWidget(m_label);
    bar->addPermanentWidget(m_stop);
    connect(m_stop, &QToolButton::clicked, this, &LocalServerStatus::stop);
    connect(launcher, &LocalServerLauncher::ready, this, [this](const QString &url, const QString &, bool started) {
        m_url = url;
        m_pid = m_launcher->serverInfo().pid;
        m_sandboxed = m_launcher->serverInfo().sandboxed;
        // Once started here it stays "ours" across reconnects to the same server.
        m_startedHere = started || (m_startedHere && m_pid == m_launcher->serverInfo().pid);
        update();
    });
    connect(store, &SessionStore::rowsAppended, this, &LocalServerStatus::update);
    connect(store, &SessionStore::rowsRemoved, this, &LocalServerStatus::update);
    connect(store, &SessionStore::cleared, this, &LocalServerStatus::update);
    update();
}

LocalServerStatus::~LocalServerStatus() = default;

LocalServerStatus::QuitPolicy LocalServerStatus::quitPolicy(const QSettings *settings)
{
    const QString value = settings->value(PolicyKey).toString();
    return value == u"always"_s ? QuitPolicy::Always : value == u"never"_s ? QuitPolicy::Never : QuitPolicy::Auto;
}

void LocalServerStatus::setQuitPolicy(QSettings *settings, QuitPolicy policy)
{
    settings->setValue(PolicyKey,
        policy == QuitPolicy::Always      ? u"always"_s
            : policy == QuitPolicy::Never ? u"never"_s
                                          : u"auto"_s);
}

void LocalServerStatus::setActive(bool active)
{
    m_active = active;
    update();
}

void LocalServerStatus::noteCreated(const QString &sessionId)
{
    m_created.insert(sessionId);
}

void LocalServerStatus::setListFiltered(bool filtered)
{
    m_listFiltered = filtered;
    update();
}

bool LocalServerStatus::othersUseIt() const
{
    if (m_listFiltered) {
        return true; // the sessions the filter leaves out are unknown here
    }
    for (int row = 0; row < m_store->count(); ++row) {
        if (!m_created.contains(m_store->rowAt(row)->id)) {
            return true;
        }
    }
    return false;
}

bool LocalServerStatus::shouldStopOnQuit() const
{
    if (!isRunning()) {
        return false;
    }
    switch (quitPolicy(m_settings)) {
    case QuitPolicy::Always:
        return true;
    case QuitPolicy::Never:
        return false;
    case QuitPolicy::Auto:
        break;
    }
    return m_startedHere && !othersUseIt();
}

bool LocalServerStatus::stop()
{
    if (m_pid <= 0) {
        return false;
    }
    const bool sent = ::kill(pid_t(m_pid), SIGTERM) == 0;
    m_pid = 0;
    m_startedHere = false;
    update();
    if (sent) {
        Q_EMIT stopped();
    }
    return sent;
}

void LocalServerStatus::quitting()
{
    if (shouldStopOnQuit()) {
        stop();
    }
}

void LocalServerStatus::update()
{
    m_label->setVisible(m_active);
    m_stop->setVisible(m_active && isRunning());
    // agentbay-local --allow-unsandboxed without a working bubblewrap: its sessions are plain
    // processes of this user. Said for as long as the window shows that server.
    const QString warning = m_active && isRunning() && !m_sandboxed
        ? tr("Sessions on the local server run without a sandbox, as plain processes with your rights: what "
             "runs in them can read and change your files. Start agentbay-local where bubblewrap works "
             "(without --allow-unsandboxed) to isolate them.")
        : QString();
    if (warning != m_warning) {
        m_warning = warning;
        Q_EMIT sandboxWarningChanged(warning);
    }
    if (!isRunning()) {
        m_label->setText(tr("Local server: stopped"));
        m_label->setToolTip(QString());
        return;
    }
    // Short, as it stays in the bar: the transient messages beside it need the room at 1024 px.
    // The address is in the tooltip. A filtered list is not the server's count: none then.
    if (m_listFiltered) {
        m_label->setText(m_sandboxed ? tr("Local server") : tr("Local server (no sandbox)"));
    } else {
        m_label->setText(m_sandboxed ? tr("Local server: %n session(s)", nullptr, m_store->count())
                                     : tr("Local server (no sandbox): %n session(s)", nullptr, m_store->count()));
    }
    m_label->setToolTip(tr("agentbay-local at %1, %2. On quit: %3.")
                            .arg(m_url,
                                m_startedHere ? tr("started by this app") : tr("started elsewhere"),
                                shouldStopOnQuit() ? tr("it is stopped") : tr("it keeps running")));
}

} // namespace AgentBay::Ui
