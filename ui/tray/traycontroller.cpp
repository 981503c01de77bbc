// SPDX-License-Identifier: MIT
#include "traycontroller.h"

#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>

#include <QGuiApplication>
#include <QIcon>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>

namespace AgentBay::Ui {

using Core::SessionStatus;

TrayController::TrayController(SessionController *sessions, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
{
    m_icon->setContextMenu(m_menu);
    connect(this, &QObject::destroyed, m_menu, &QObject::deleteLater);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick) {
            Q_EMIT showWindowRequested();
        }
    });
    SessionStore *store = sessions->store();
    // Every change of rows or status: the menu is small, rebuilding it is cheap.
    connect(store, &SessionStore::rowsAppended, this, &TrayController::rebuild);
    connect(store, &SessionStore::rowsRemoved, this, &TrayController::rebuild);
    connect(store, &SessionStore::cleared, this, &TrayController::rebuild);
    connect(store, &SessionStore::rowChanged, this, [this](int, SessionStore::Part part) {
        if (part == SessionStore::Part::Status) {
            rebuild();
        }
    });
    rebuild();
}

TrayController::~TrayController()
{
    delete m_menu;
}

bool TrayController::show()
{
    if (!QSystemTrayIcon::isSystemTrayAvailable()) {
        return false;
    }
    m_icon->show();
    return true;
}

void TrayController::rebuild()
{
    if (!m_sessions) {
        return;
    }
    // clear() leaves the submenus themselves; they go later, as one of their actions may be
    // what triggered this rebuild.
    for (QMenu *old : m_menu->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly)) {
        old->setObjectName(QString());
        old->deleteLater();
    }
    m_menu->clear();
    m_menu->addAction(tr("Show window"), this, &TrayController::showWindowRequested);
    m_menu->addSeparator();
    QStringList running;
    int listed = 0;
    int unlisted = 0;
    for (const SessionRow &row : m_sessions->store()->rows()) {
        if (row.status != SessionStatus::Running && row.status != SessionStatus::Paused) {
            continue;
        }
        const bool isRunning = row.status == SessionStatus::Running;
        if (isRunning) {
            running.append(row.id);
        }
        if (listed == MaxListed) {
            ++unlisted; // a menu taller than the screen helps nobody; the window lists them all
            continue;
        }
        ++listed;
        QMenu *sub = m_menu->addMenu(isRunning ? row.id : tr("%1 (paused)").arg(row.id));
        sub->setObjectName(row.id);
        const QString id = row.id;
        QAction *pause = sub->addAction(tr("Pause"), this, [this, id] {
            m_sessions->pause({id});
        });
        pause->setEnabled(Core::canPause(row.status));
        QAction *resume = sub->addAction(tr("Resume"), this, [this, id] {
            m_sessions->resume({id});
        });
        resume->setEnabled(Core::canResume(row.status));
        QAction *open = sub->addAction(tr("Open"), this, [this, id] {
            m_sessions->openDesktop({id});
        });
        open->setEnabled(Core::canOpen(row.status));
        // Restarts the idle release timer: a session the user means to come back to.
        QAction *keepAlive = sub->addAction(tr("Keep alive"), this, [this, id] {
            Q_EMIT keepAliveRequested({id});
        });
        keepAlive->setEnabled(isRunning);
    }
    if (unlisted > 0) {
        m_menu->addAction(tr("%n more in the window", nullptr, unlisted), this, &TrayController::showWindowRequested);
    }
    if (running.isEmpty()) {
        m_menu->addAction(tr("No running sessions"))->setEnabled(false);
    }
    m_menu->addSeparator();
    QAction *pauseAll = m_menu->addAction(tr("Pause all running"), this, [this, running] {
        m_sessions->pause(running);
    });
    pauseAll->setEnabled(!running.isEmpty());
    m_menu->addSeparator();
    m_menu->addAction(tr("Quit"), this, &TrayController::quitRequested);
    if (m_running != running.size()) {
        m_running = int(running.size());
        updateIcon();
        Q_EMIT runningCountChanged(m_running);
    }
}

void TrayController::updateIcon()
{
    // The app icon with the running count on it: visible without opening anything.
    QPixmap pixmap = QIcon(QStringLiteral(":/icons/io.agentbay.Desktop.svg")).pixmap(32, 32);
    if (pixmap.isNull()) {
        pixmap = QPixmap(32, 32);
        pixmap.fill(Qt::darkCyan);
    }
    if (m_running > 0) {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(QColor(0xd9, 0x30, 0x25));
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QRect(14, 14, 18, 18));
        painter.setPen(Qt::white);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(m_running > 99 ? 8 : 12);
        painter.setFont(font);
        painter.drawText(QRect(14, 14, 18, 18),
            Qt::AlignCenter,
            m_running > 99 ? QStringLiteral("99+") : QString::number(m_running));
    }
    m_icon->setIcon(QIcon(pixmap));
    m_icon->setToolTip(tr("AgentBay Desktop: %n running session(s)", nullptr, m_running));
}

} // namespace AgentBay::Ui
