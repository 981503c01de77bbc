// SPDX-License-Identifier: MIT
#include "waitingoperations.h"

#include <core/api/apiclient.h>
#include <core/api/operation.h>
#include <core/api/requestsender.h>
#include <core/api/responseparser.h>
#include <core/api/statuswaiter.h>

#include <QLoggingCategory>
#include <QTimer>

#include <memory>

Q_LOGGING_CATEGORY(lcWaits, "agentbay.core.waits")

namespace AgentBay::Core {

// Why a pause or resume ended on a status that is neither the transitional nor the target one.
ApiError WaitingOperations::unexpectedStatus(const QString &sessionId, bool pausing, SessionStatus status)
{
    ApiError error;
    error.kind = ApiError::Kind::Api;
    error.code = sessionStatusToString(status);
    if (pausing && status == SessionStatus::Running) {
        error.message = tr("Session %1 is running again; the pause did not take effect.").arg(sessionId);
    } else if (!pausing && status == SessionStatus::Paused) {
        error.message = tr("Session %1 is paused again; the resume did not take effect.").arg(sessionId);
    } else if (pausing) {
        error.message = tr("Session %1 is %2 while pausing (expected PAUSING, then PAUSED).")
                            .arg(sessionId, sessionStatusToString(status));
    } else {
        error.message = tr("Session %1 is %2 while resuming (expected RESUMING, then RUNNING).")
                            .arg(sessionId, sessionStatusToString(status));
    }
    return error;
}

WaitingOperations::WaitingOperations(ApiClient *client, RequestSender *sender)
    : m_client(client)
    , m_sender(sender)
{
}

OperationHandle WaitingOperations::pauseOrResume(bool pausing,
    const QString &sessionId,
    const WaitOptions &wait,
    QObject *context,
    std::function<void(const Result<SessionStatus> &)> done,
    StatusCallback onStatus)
{
    const SessionStatus target = pausing ? SessionStatus::Paused : SessionStatus::Running;
    auto *operation = new Operation(m_client);
    auto deliver = guarded<SessionStatus>(operation, context, std::move(done));
    operation->setCancelHandler([deliver] {
        deliver(ApiError::cancelled());
    });

    auto afterStart = [=, client = m_client](const Result<Empty> &started) {
        if (!started.ok()) {
            deliver(started.error());
            return;
        }
        auto probe = [client, sessionId](QObject *probeContext, StatusWaiter::Done probeDone) {
            return client->getSession(sessionId, probeContext, [probeDone](const Result<SessionData> &result) {
                probeDone(result.ok() ? Result<SessionStatus>(result.value().status, result.requestId())
                                      : Result<SessionStatus>(result.error()));
            });
        };
        // The service moved to the transitional status before answering (protocol.md 4.8); show
        // it even when the first poll already finds the session settled.
        const SessionStatus transitional = pausing ? SessionStatus::Pausing : SessionStatus::Resuming;
        // As the SDKs since 0.19: only the transitional status keeps waiting. Anything else (a
        // pause that finds the session RUNNING again, ERROR, DELETING ...) ends the wait at once
        // instead of after the whole timeout. A failed poll keeps waiting, a vanished session not.
        auto judge = [target, transitional](const Result<SessionStatus> &result) {
            if (!result.ok()) {
                return result.error().isNotFound() ? StatusWaiter::Verdict::Failed : StatusWaiter::Verdict::KeepWaiting;
            }
            if (result.value() == target) {
                return StatusWaiter::Verdict::Succeeded;
            }
            return result.value() == transitional ? StatusWaiter::Verdict::KeepWaiting : StatusWaiter::Verdict::Failed;
        };
        if (onStatus) {
            onStatus(transitional);
        }
        auto *waiter = new StatusWaiter(probe, judge, wait, operation);
        operation->setCancelHandler([waiter] {
            waiter->cancel();
        });
        const QString timeoutMessage = pausing
            ? tr("Session %1 did not pause within %2 s.").arg(sessionId).arg(wait.timeoutMs / 1000.0)
            : tr("Session %1 did not resume within %2 s.").arg(sessionId).arg(wait.timeoutMs / 1000.0);
        waiter->start(
            [deliver, target, sessionId, pausing](const Result<SessionStatus> &result) {
                if (result.ok() && result.value() != target) {
                    ApiError error = unexpectedStatus(sessionId, pausing, result.value());
                    error.requestId = result.requestId();
                    deliver(error);
                    return;
                }
                deliver(result);
            },
            onStatus,
            timeoutMessage,
            transitional);
    };
    const OperationHandle start = pausing ? m_client->pauseAsync(sessionId, operation, afterStart)
                                          : m_client->resumeAsync(sessionId, operation, afterStart);
    operation->setInner(start);
    return OperationHandle(operation);
}

OperationHandle WaitingOperations::deleteSession(const QString &sessionId,
    bool syncContext,
    const WaitOptions &wait,
    QObject *context,
    std::function<void(const Result<Empty> &)> done,
    StatusCallback onStatus)
{
    auto *operation = new Operation(m_client);
    auto deliver = guarded<Empty>(operation, context, std::move(done));
    operation->setCancelHandler([deliver] {
        deliver(ApiError::cancelled());
    });

    auto waitUntilGone = [=, client = m_client](const QString &deleteRequestId) {
        auto probe = [client, sessionId](QObject *probeContext, StatusWaiter::Done probeDone) {
            return client->getSessionDetail(sessionId, probeContext, [probeDone](const Result<SessionDetail> &result) {
                probeDone(result.ok() ? Result<SessionStatus>(result.value().status, result.requestId())
                                      : Result<SessionStatus>(result.error()));
            });
        };
        // Gone = not found, FINISH or DELETED; anything else (DELETING, errors) keeps waiting.
        auto judge = [](const Result<SessionStatus> &result) {
            if (!result.ok()) {
                return result.error().isNotFound() ? StatusWaiter::Verdict::Succeeded
                                                   : StatusWaiter::Verdict::KeepWaiting;
            }
            return isGone(result.value()) ? StatusWaiter::Verdict::Succeeded : StatusWaiter::Verdict::KeepWaiting;
        };
        auto *waiter = new StatusWaiter(probe, judge, wait, operation);
        operation->setCancelHandler([waiter] {
            waiter->cancel();
        });
        waiter->start(
            [deliver, deleteRequestId](const Result<SessionStatus> &result) {
                const bool gone = result.ok() || result.error().isNotFound();
                deliver(gone ? Result<Empty>(Empty(), deleteRequestId) : Result<Empty>(result.error()));
            },
            onStatus,
            tr("Session %1 was not deleted within %2 s.").arg(sessionId).arg(wait.timeoutMs / 1000.0),
            SessionStatus::Deleting);
    };

    auto release = [=, client = m_client] {
        const OperationHandle inner = client->deleteAsync(sessionId, operation, [=](const Result<Empty> &result) {
            if (!result.ok()) {
                deliver(result.error());
                return;
            }
            if (onStatus) {
                onStatus(SessionStatus::Deleting);
            }
            waitUntilGone(result.requestId());
        });
        operation->setInner(inner);
    };

    if (!syncContext) {
        release();
        return OperationHandle(operation);
    }
    // As the SDKs: sync failures never prevent the deletion (seed "sync failure does not
    // prevent deletion"); a sync that started is waited for, so the uploads finish first.
    auto afterSync = [=, this](const Result<Empty> &result) {
        if (!result.ok() && result.error().kind == ApiError::Kind::Cancelled) {
            deliver(result.error());
            return;
        }
        if (!result.ok()) {
            qCWarning(lcWaits).noquote() << "SyncContext failed before deleting" << sessionId << "-"
                                         << result.error().details() << "- deleting anyway";
            release();
            return;
        }
        waitForUploads(operation, sessionId, wait, deliver, release);
    };
    // SyncContext carries Authorization in the query string (all SDKs do so).
    auto *sync = new Operation(m_client);
    operation->setInner(OperationHandle(sync));
    auto syncDone = guarded<Empty>(sync, operation, afterSync);
    RequestSender::Request syncRequest{
        QStringLiteral("SyncContext"), sessionId, {{QStringLiteral("SessionId"), sessionId}}};
    syncRequest.authInQuery = true;
    m_sender->send(sync, syncRequest, [syncDone](const Result<QJsonObject> &envelope) {
        syncDone(envelope.ok() ? Result<Empty>(Empty(), envelope.value().value(u"RequestId").toString())
                               : Result<Empty>(envelope.error()));
    });
    return OperationHandle(operation);
}

void WaitingOperations::waitForUploads(Operation *operation,
    const QString &sessionId,
    const WaitOptions &wait,
    std::function<void(const Result<Empty> &)> deliver,
    std::function<void()> then)
{
    // GetContextInfo until no upload runs: from the delete's poll interval, 1.1x longer each
    // time up to 5 s, MaxUploadPolls times at most (the SDKs' context wait). A failed poll
    // ends the wait: the deletion matters more than the report.
    auto poll = std::make_shared<std::function<void(int, int)>>();
    *poll = [=, this, weakPoll = std::weak_ptr(poll)](int attempt, int intervalMs) {
        auto *request = new Operation(m_client);
        operation->setInner(OperationHandle(request));
        auto answered = guarded<bool>(request, operation, [=](const Result<bool> &result) {
            if (!result.ok() && result.error().kind == ApiError::Kind::Cancelled) {
                deliver(result.error());
                return;
            }
            if (!result.ok() || result.value() || attempt >= MaxUploadPolls) {
                if (!result.ok() || !result.value()) {
                    qCWarning(lcWaits).noquote()
                        << "Context uploads of" << sessionId << "not confirmed ("
                        << (result.ok() ? QStringLiteral("still running") : result.error().details())
                        << ") - deleting anyway";
                }
                then();
                return;
            }
            auto *timer = new QTimer(operation);
            timer->setSingleShot(true);
            operation->setCancelHandler([timer, deliver] {
                timer->stop();
                deliver(ApiError::cancelled());
            });
            QObject::connect(timer, &QTimer::timeout, operation, [=] {
                timer->deleteLater();
                operation->setCancelHandler([deliver] {
                    deliver(ApiError::cancelled());
                });
                if (auto next = weakPoll.lock()) {
                    (*next)(attempt + 1, qMin(qRound(intervalMs * 1.1), MaxUploadPollIntervalMs));
                }
            });
            timer->start(intervalMs);
        });
        const RequestSender::Request info{
            QStringLiteral("GetContextInfo"), sessionId, {{QStringLiteral("SessionId"), sessionId}}};
        m_sender->send(request, info, [answered, sessionId](const Result<QJsonObject> &envelope) {
            QStringList failures;
            const Result<bool> settled = envelope.ok()
                ? ResponseParser::contextUploadsSettled(envelope.value(), &failures)
                : Result<bool>(envelope.error());
            if (!failures.isEmpty()) {
                qCWarning(lcWaits).noquote() << "Context uploads of" << sessionId << "failed:" << failures.join(u"; ");
            }
            answered(settled);
        });
    };
    // The operation keeps the chain alive until it finishes.
    QObject::connect(operation, &QObject::destroyed, operation, [poll] {
        Q_UNUSED(poll)
    });
    (*poll)(1, qBound(1, wait.pollIntervalMs, MaxUploadPollIntervalMs));
}

} // namespace AgentBay::Core
