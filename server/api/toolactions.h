// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>

#include <memory>

namespace AgentBay::Server {

class ActionContext;
class RequestParameters;
class ToolRunner;

// ListMcpTools and CallMcpTool: the image's tools, and one tool run in a running session,
// answered when the tool finishes (or when the session is deleted meanwhile).
class ToolActions
{
    Q_DECLARE_TR_FUNCTIONS(ToolActions)

public:
    explicit ToolActions(ActionContext *context);

    ~ToolActions();

    ApiReply list(const RequestParameters &params);
    void call(const RequestParameters &params, const ApiReply::Callback &done);

private:
    ActionContext *m_context;
    std::unique_ptr<ToolRunner> m_runner;
};

} // namespace AgentBay::Server
