// SPDX-License-Identifier: MIT
#include "sessioncontroller.h"

#include "sessiondetailloader.h"
#include "sessionstore.h"
#include "urlopener.h"

#include <core/api/apiclient.h>
#include <core/sessions/sessioninfo.h>
#include <core/sessions/sessionpoller.h>

#include <QHostAddress>
#include <QLoggingCategory>

namespace AgentBay::Ui {

Q_LOGGING_CATEGORY(lcController, "agentbay.ui.sessioncontroller")

namespace {
constexpr int PauseTimeoutMs = 600000;
constexpr int DeleteTimeoutMs = 300000;
} // namespace

SessionController::SessionController(Core::ApiClient *client, UrlOpener *opener, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_opener(opener)
    , m_store(new SessionStore(this))
    , m_poller(new Core::SessionPoller(client, this))
    , m_loader(new SessionDetailLoader(client, m_store, this))
{
    connect(m_poller,
        &Core::SessionPoller::sessionsRefreshed,
        this,
        [this](const QList<Core::SessionSummary> &sessions, const QDateTime &at) {
            m_store->applyRefresh(sessions);
            m_lastRefresh = at;
            m_lastRefreshFailed = false;
            m_loader->retryFailed();
            Q_EMIT refreshed(at);
        });
    connect(m_poller, &Core::SessionPoller::sessionStatusChanged, m_store, &SessionStore::setStatus);
    connect(m_poller, &Core::SessionPoller::sessionGone, m_store, &SessionStore::removeSession);
    connect(m_poller, &Core::SessionPoller::refreshFailed, this, [this](const Core::ApiError &error) {
        m_lastError = error;
        m_lastRefreshFailed = true;
        Q_EMIT refreshFailed(error);
    });
}

SessionController::~SessionController() = default;

void SessionController::setRefreshInterval(std::chrono::milliseconds interval)
{
    m_poller->setInterval(interval);
}

void SessionController::setWaitPollInterval(std::chrono::milliseconds interval)
{
    m_waitPollMs = int(interval.count());
    m_poller->setFastInterval(interval);
}

void SessionController::start()
{
    m_poller->start();
}

void SessionController::stop()
{
    m_poller->stop();
}

void SessionController::refreshNow()
{
    m_poller->refreshNow();
}

void SessionController::restart()
{
    ++m_generation;
    m_poller->stop();
    m_loader->clear();
    m_store->clear();
    m_lastRefresh = {};
    m_lastRefreshFailed = false;
    m_lastError = {};
    m_poller->start();
}

void SessionController::setServerFilter(const Core::Labels &labels, const QString &status)
{
    m_poller->setFilter(labels, status);
}

Core::WaitOptions SessionController::waitOptions(int timeoutMs) const
{
    Core::WaitOptions wait;
    wait.timeoutMs = timeoutMs;
    wait.pollIntervalMs = m_waitPollMs;
    return wait;
}

void SessionController::actionStarted()
{
    ++m_runningActions;
    Q_EMIT runningActionsChanged(m_runningActions);
}

void SessionController::actionEnded()
{
    --m_runningActions;
    Q_EMIT runningActionsChanged(m_runningActions);
}

void SessionController::fail(const QString &action, const QString &id, const Core::ApiError &error)
{
    qCInfo(lcController).noquote() << action << id << "failed:" << error.details();
    if (!id.isEmpty()) {
        m_store->setError(id, tr("%1: %2").arg(action, error.details()));
    }
    Q_EMIT actionFailed(action, id, error);
}

Core::OperationHandle SessionController::create(const Core::CreateSessionParams &params,
    QObject *context,
    std::function<void(const Core::Result<Core::SessionData> &)> done)
{
    actionStarted();
    const quint64 generation = m_generation;
    // The row is added here, not in the dialog, so it appears even if the dialog is gone.
    return m_client->create(params,
        this,
        [this, generation, params, context = QPointer<QObject>(context), done](
            const Core::Result<Core::SessionData> &result) {
            actionEnded();
            if (generation == m_generation) {
                if (result.ok()) {
                    m_store->setStatus(result.value().sessionId, Core::SessionStatus::Running);
                    Q_EMIT sessionCreated(result.value().sessionId, params);
                    Q_EMIT actionSucceeded(tr("Create"), tr("Created %1").arg(result.value().sessionId));
                    m_poller->refreshNow();
                } else if (result.error().kind != Core::ApiError::Kind::Cancelled) {
                    fail(tr("Create"), {}, result.error());
                }
            }
            if (context && done) {
                done(result);
            }
        });
}

void SessionController::pause(const QStringList &ids)
{
    changePauseState(ids, true);
}

void SessionController::resume(const QStringList &ids)
{
    changePauseState(ids, false);
}

std::function<void(Core::SessionStatus)> SessionController::followStatus(const QString &id, quint64 generation)
{
    return [this, id, generation](Core::SessionStatus status) {
        if (generation == m_generation) {
            m_store->setStatus(id, status);
        }
    };
}

void SessionController::changePauseState(const QStringList &ids, bool pausing)
{
    const QString action = pausing ? tr("Pause") : tr("Resume");
    for (const QString &id : ids) {
        const SessionRow *row = m_store->find(id);
        if (!row || !(pausing ? Core::canPause(row->status) : Core::canResume(row->status))) {
            continue;
        }
        const Core::SessionStatus before = row->status;
        m_store->setError(id, {});
        // At once: the server moves to the transitional status before it replies.
        m_store->setStatus(id, pausing ? Core::SessionStatus::Pausing : Core::SessionStatus::Resuming);
        actionStarted();
        const quint64 generation = m_generation;
        auto done = [this, id, generation, action, before, pausing](const Core::Result<Core::SessionStatus> &result) {
            actionEnded();
            if (generation != m_generation) {
                return;
            }
            if (result.ok()) {
                m_store->setStatus(id, result.value());
                Q_EMIT actionSucceeded(action, pausing ? tr("Paused %1").arg(id) : tr("Resumed %1").arg(id));
            } else {
                // Refused or given up: the row shows what was last known until the service says
                // otherwise (an identical list changes nothing, so it would stay transitional).
                m_store->setStatus(id, before);
                fail(action, id, result.error());
                m_poller->watch(id);
                m_poller->refreshNow();
            }
        };
        if (pausing) {
            m_client->pause(id, waitOptions(PauseTimeoutMs), this, done, followStatus(id, generation));
        } else {
            m_client->resume(id, waitOptions(PauseTimeoutMs), this, done, followStatus(id, generation));
        }
    }
}

void SessionController::remove(const QStringList &ids, bool resumeFirst)
{
    for (const QString &id : ids) {
        const SessionRow *row = m_store->find(id);
        if (!row || !Core::canDelete(row->status)) {
            continue;
        }
        m_store->setError(id, {});
        if (row->status != Core::SessionStatus::Paused || !resumeFirst) {
            deleteOne(id);
            continue;
        }
        m_store->setStatus(id, Core::SessionStatus::Resuming);
        actionStarted();
        const quint64 generation = m_generation;
        m_client->resume(
            id,
            waitOptions(PauseTimeoutMs),
            this,
            [this, id, generation](const Core::Result<Core::SessionStatus> &result) {
                actionEnded();
                if (generation != m_generation) {
                    return;
                }
                if (!result.ok()) {
                    fail(tr("Resume before delete"), id, result.error());
                    m_poller->refreshNow();
                    return;
                }
                m_store->setStatus(id, result.value());
                deleteOne(id);
            },
            followStatus(id, generation));
    }
}

void SessionController::deleteOne(const QString &id)
{
    const SessionRow *row = m_store->find(id);
    const Core::SessionStatus before = row ? row->status : Core::SessionStatus::Unknown;
    m_store->setStatus(id, Core::SessionStatus::Deleting);
    actionStarted();
    const quint64 generation = m_generation;
    m_client->deleteSession(
        id,
        false,
        waitOptions(DeleteTimeoutMs),
        this,
        [this, id, before, generation](const Core::Result<Core::Empty> &result) {
            actionEnded();
            if (generation != m_generation) {
                return;
            }
            if (result.ok() || result.error().isNotFound()) {
                m_store->removeSession(id);
                Q_EMIT actionSucceeded(tr("Delete"), tr("Deleted %1").arg(id));
                return;
            }
            // Refused (e.g. paused): put the row back as it was and say why on it.
            m_store->setStatus(id, before);
            fail(tr("Delete"), id, result.error());
            m_poller->refreshNow();
        },
        [this, id, generation](Core::SessionStatus status) {
            if (generation == m_generation && !Core::isGone(status)) {
                m_store->setStatus(id, status);
            }
        });
}

void SessionController::openDesktop(const QStringList &ids)
{
    for (const QString &id : ids) {
        actionStarted();
        m_client->info(id, this, [this, id](const Core::Result<Core::SessionInfo> &result) {
            actionEnded();
            if (!result.ok()) {
                fail(tr("Open desktop"), id, result.error());
                return;
            }
            const QUrl url(result.value().resourceUrl);
            if (!url.isValid() || url.isEmpty()) {
                Core::ApiError error;
                error.kind = Core::ApiError::Kind::Parse;
                error.message = tr("The session has no desktop URL.");
                error.requestId = result.requestId();
                fail(tr("Open desktop"), id, error);
                return;
            }
            if (!openUrl(url)) {
                Core::ApiError error;
                error.kind = Core::ApiError::Kind::InvalidArgument;
                error.message = tr("No application could open the desktop URL.");
                fail(tr("Open desktop"), id, error);
            }
        });
    }
}

Core::OperationHandle SessionController::loadInfo(
    const QString &id, QObject *context, std::function<void(const Core::Result<Core::SessionInfo> &)> done)
{
    return m_client->info(id, context, std::move(done));
}

Core::OperationHandle SessionController::setLabels(const QString &id,
    const Core::Labels &labels,
    QObject *context,
    std::function<void(const Core::Result<Core::Empty> &)> done)
{
    return m_client->setLabels(id, labels, context, std::move(done));
}

Core::OperationHandle SessionController::reloadLabels(
    const QString &id, QObject *context, std::function<void(const Core::Result<Core::Labels> &)> done)
{
    return m_client->getLabels(
        id, context, [this, id, done = std::move(done)](const Core::Result<Core::Labels> &result) {
            if (result.ok()) {
                m_store->setLabels(id, result.value());
            }
            done(result);
        });
}

Core::OperationHandle SessionController::getLink(const QString &id,
    const Core::LinkParams &params,
    QObject *context,
    std::function<void(const Core::Result<QString> &)> done)
{
    return m_client->getLink(id, params, context, std::move(done));
}

void SessionController::prioritizeDetails(const QString &id)
{
    m_loader->prioritize(id);
}

bool SessionController::openUrl(const QUrl &url) const
{
    return m_opener && m_opener->open(browserUrl(url, m_client->config().hasPinnedCa()));
}

QUrl SessionController::browserUrl(const QUrl &url, bool serverCaPinned)
{
    const QString host = url.host();
    const bool loopback = host == u"localhost" || QHostAddress(host).isLoopback();
    if (!serverCaPinned || !loopback || url.scheme() != u"https") {
        return url;
    }
    QUrl plain = url;
    plain.setScheme(QStringLiteral("http"));
    return plain;
}

} // namespace AgentBay::Ui
