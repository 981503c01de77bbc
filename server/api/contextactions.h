// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>

namespace AgentBay::Server {

class ActionContext;
class RequestParameters;

// Contexts (storage synced into sessions) are not offered: no session mounts one, and
// GetSession's contexts is always empty. SyncContext and GetContextInfo still answer
// honestly for a session, because the SDKs call them around other operations:
// delete(sync_context=True) syncs and then waits on GetContextInfo, and create() with
// PersistenceDataList waits on GetContextInfo. There is nothing to sync and no task to report.
class ContextActions
{
    Q_DECLARE_TR_FUNCTIONS(ContextActions)

public:
    explicit ContextActions(ActionContext *context);

    ApiReply sync(const RequestParameters &params);
    ApiReply getInfo(const RequestParameters &params);

private:
    ActionContext *m_context;
};

} // namespace AgentBay::Server
