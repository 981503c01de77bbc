// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/sessions/session.h>

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class SessionStore;

// Fills what ListSession does not say (image, region, policy via GetSessionDetail; labels via
// GetLabel) for the rows of a SessionStore: queued, a few requests at a time, cached by id,
// never blocking the table. Failed fetches are retried on the next retryFailed().
class SessionDetailLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDetailLoader)

public:
    SessionDetailLoader(Core::ApiClient *client, SessionStore *store, QObject *parent = nullptr);
    ~SessionDetailLoader() override;

    void setMaxConcurrent(int count);

    int maxConcurrent() const { return m_maxConcurrent; }

    int pendingCount() const { return int(m_queue.size()) + m_inFlight; }

    void load(const QStringList &ids); // cached answers are applied at once
    void prioritize(const QString &id); // e.g. the row the user just selected
    void reload(const QString &id); // forget the cache (labels were edited) and fetch again
    void retryFailed();
    void clear(); // another profile: forget everything, drop answers still on the way

Q_SIGNALS:
    void idle();

private:
    enum class Kind {
        Detail,
        Labels,
    };

    struct Job
    {
        QString id;
        Kind kind;
        bool operator==(const Job &) const = default;
    };

    static QString key(const Job &job);
    void enqueue(const Job &job, bool front = false);
    void pump();
    void finishJob();

    Core::ApiClient *m_client;
    SessionStore *m_store;
    int m_maxConcurrent = 4;
    int m_inFlight = 0;
    quint64 m_generation = 0;
    QList<Job> m_queue;
    QSet<QString> m_queuedKeys; // "d:" / "l:" + id, so enqueueing 10,000 rows stays linear
    QList<Job> m_failed;
    QHash<QString, Core::SessionDetail> m_details;
    QHash<QString, Core::Labels> m_labels;
    QList<Core::OperationHandle> m_running;
};

} // namespace AgentBay::Ui
