// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

namespace AgentBay::Server {

class LocalSession;
class SessionStore;

// Releases the sessions whose lifecycle policy says their time is up (SessionLifecycle):
// idle past the idle release timeout, or past the maximum runtime. It wakes at the nearest
// deadline, on the store's clock; activity only moves deadlines later, so a wake-up that
// finds nothing due just sleeps again until the new nearest one.
class SessionReaper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionReaper)

public:
    explicit SessionReaper(SessionStore *store);
    ~SessionReaper() override;

    // Releases what is due now, then sleeps until the next deadline.
    void check();

    // Sleeps until the nearest deadline (none: until something changes).
    void reschedule();

    // Why a session is (or would be) released now; empty when it is not due.
    QString dueReason(const LocalSession *session) const;

Q_SIGNALS:
    void released(const QString &sessionId, const QString &reason);

private:
    SessionStore *m_store;
    QTimer m_timer;
};

} // namespace AgentBay::Server
