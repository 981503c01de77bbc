// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/api/result.h>
#include <core/sessions/session.h>

#include <QCoreApplication>

#include <functional>

namespace AgentBay::Core {

class ApiClient;
class Operation;
class RequestSender;

// The waiting forms of pause, resume and delete (protocol.md 4.6, 4.8): the initiating call,
// then status polls until the session settles. ApiClient hands them over after its argument
// checks; every operation made here is a child of the client, so it dies with it.
class WaitingOperations
{
    Q_DECLARE_TR_FUNCTIONS(WaitingOperations)

public:
    using StatusCallback = std::function<void(SessionStatus)>;

    WaitingOperations(ApiClient *client, RequestSender *sender);

    // PauseSessionAsync (pausing) or ResumeSessionAsync, then GetSession until PAUSED / RUNNING.
    OperationHandle pauseOrResume(bool pausing,
        const QString &sessionId,
        const WaitOptions &wait,
        QObject *context,
        std::function<void(const Result<SessionStatus> &)> done,
        StatusCallback onStatus);
    // SyncContext first when asked, then DeleteSessionAsync and GetSessionDetail until gone.
    OperationHandle deleteSession(const QString &sessionId,
        bool syncContext,
        const WaitOptions &wait,
        QObject *context,
        std::function<void(const Result<Empty> &)> done,
        StatusCallback onStatus);

private:
    static constexpr int MaxUploadPolls = 50;
    static constexpr int MaxUploadPollIntervalMs = 5000;

    // GetContextInfo until the uploads the sync started are done, then `then`.
    void waitForUploads(Operation *operation,
        const QString &sessionId,
        const WaitOptions &wait,
        std::function<void(const Result<Empty> &)> deliver,
        std::function<void()> then);
    static ApiError unexpectedStatus(const QString &sessionId, bool pausing, SessionStatus status);

    ApiClient *m_client;
    RequestSender *m_sender;
};

} // namespace AgentBay::Core
