// SPDX-License-Identifier: MIT
#include "sessiondetailloader.h"

#include "sessionstore.h"

#include <core/api/apiclient.h>

#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcDetailLoader, "agentbay.ui.sessiondetailloader")

SessionDetailLoader::SessionDetailLoader(Core::ApiClient *client, SessionStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(m_store, &SessionStore::sessionsAdded, this, &SessionDetailLoader::load);
}

SessionDetailLoader::~SessionDetailLoader() = default;

void SessionDetailLoader::setMaxConcurrent(int count)
{
    m_maxConcurrent = qMax(1, count);
    pump();
}

void SessionDetailLoader::load(const QStringList &ids)
{
    for (const QString &id : ids) {
        if (const auto it = m_details.constFind(id); it != m_details.constEnd()) {
            m_store->setDetails(id, *it);
        } else {
            enqueue({id, Kind::Detail});
        }
        if (const auto it = m_labels.constFind(id); it != m_labels.constEnd()) {
            m_store->setLabels(id, *it);
        } else {
            enqueue({id, Kind::Labels});
        }
    }
    pump();
}

void SessionDetailLoader::prioritize(const QString &id)
{
    for (const Kind kind : {Kind::Labels, Kind::Detail}) {
        const Job job{id, kind};
        if (m_queue.removeOne(job)) {
            m_queue.prepend(job);
        }
    }
    pump();
}

void SessionDetailLoader::reload(const QString &id)
{
    m_details.remove(id);
    m_labels.remove(id);
    enqueue({id, Kind::Labels}, true);
    enqueue({id, Kind::Detail}, true);
    pump();
}

void SessionDetailLoader::retryFailed()
{
    const QList<Job> failed = std::exchange(m_failed, {});
    for (const Job &job : failed) {
        if (m_store->rowOf(job.id) >= 0) {
            enqueue(job);
        }
    }
    pump();
}

void SessionDetailLoader::clear()
{
    ++m_generation;
    for (Core::OperationHandle &handle : m_running) {
        handle.cancel();
    }
    m_running.clear();
    m_queue.clear();
    m_queuedKeys.clear();
    m_failed.clear();
    m_details.clear();
    m_labels.clear();
    m_inFlight = 0;
}

QString SessionDetailLoader::key(const Job &job)
{
    return (job.kind == Kind::Detail ? u"d:"_s : u"l:"_s) + job.id;
}

void SessionDetailLoader::enqueue(const Job &job, bool front)
{
    if (m_queuedKeys.contains(key(job))) {
        if (front && m_queue.removeOne(job)) {
            m_queue.prepend(job);
        }
        return;
    }
    m_queuedKeys.insert(key(job));
    if (front) {
        m_queue.prepend(job);
    } else {
        m_queue.append(job);
    }
}

void SessionDetailLoader::pump()
{
    while (m_inFlight < m_maxConcurrent && !m_queue.isEmpty()) {
        const Job job = m_queue.takeFirst();
        m_queuedKeys.remove(key(job));
        if (m_store->rowOf(job.id) < 0) {
            continue; // gone before its turn
        }
        ++m_inFlight;
        const quint64 generation = m_generation;
        // Both answers alike: kept, or tried again later unless the session is gone.
        const auto onAnswer = [this, job, generation](const char *what, auto keep) {
            return [this, job, generation, what, keep](const auto &result) {
                if (generation != m_generation) {
                    return;
                }
                if (result.ok()) {
                    keep(result.value());
                } else if (!result.error().isNotFound() && result.error().kind != Core::ApiError::Kind::Cancelled) {
                    qCDebug(lcDetailLoader) << what << "failed" << job.id << result.error().message;
                    m_failed.append(job);
                }
                finishJob();
            };
        };
        if (job.kind == Kind::Detail) {
            m_running.append(m_client->getSessionDetail(
                job.id, this, onAnswer("detail", [this, id = job.id](const Core::SessionDetail &detail) {
                    m_details.insert(id, detail);
                    m_store->setDetails(id, detail);
                })));
        } else {
            m_running.append(
                m_client->getLabels(job.id, this, onAnswer("labels", [this, id = job.id](const Core::Labels &labels) {
                    m_labels.insert(id, labels);
                    m_store->setLabels(id, labels);
                })));
        }
    }
}

void SessionDetailLoader::finishJob()
{
    --m_inFlight;
    m_running.removeIf([](const Core::OperationHandle &handle) {
        return !handle.isRunning();
    });
    pump();
    if (m_inFlight == 0 && m_queue.isEmpty()) {
        Q_EMIT idle();
    }
}

} // namespace AgentBay::Ui
