// SPDX-License-Identifier: MIT
#include "toolactions.h"

#include <server/api/actioncontext.h>
#include <server/api/replytext.h>
#include <server/api/requestparameters.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>
#include <server/tools/toolcatalog.h>
#include <server/tools/toolrunner.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>

#include <utility>

namespace AgentBay::Server {

ToolActions::ToolActions(ActionContext *context)
    : m_context(context)
    , m_runner(std::make_unique<ToolRunner>())
{
}

ToolActions::~ToolActions() = default;

ApiReply ToolActions::list(const RequestParameters &params)
{
    ApiReply refusal;
    const auto imageId = ActionContext::imageFor(params, &refusal);
    if (!imageId) {
        return refusal;
    }
    return ApiReply::success(m_context->toolListJson(*imageId));
}

void ToolActions::call(const RequestParameters &params, const ApiReply::Callback &done)
{
    ApiReply refusal;
    LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        done(refusal);
        return;
    }
    if (session->status() != LocalSession::Status::Running) {
        done(ApiReply::wrongStatus(session->statusName(), tr("tools run only in a running session")));
        return;
    }
    const QString name = params.value(QStringLiteral("Name")).trimmed().isEmpty()
        ? params.value(QStringLiteral("Tool")).trimmed()
        : params.value(QStringLiteral("Name")).trimmed();
    if (name.isEmpty()) {
        done(ApiReply::badRequest(QStringLiteral("MissingParameter.Name"), tr("Name (the tool name) is required")));
        return;
    }
    QJsonObject args;
    const QString argsText = params.value(QStringLiteral("Args")).trimmed();
    if (!argsText.isEmpty()) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(argsText.toUtf8(), &error);
        if (!doc.isObject()) {
            done(ApiReply::badRequest(QStringLiteral("InvalidParameter.Args"), tr("Args must be a JSON object")));
            return;
        }
        args = doc.object();
    }

    LocalSession::ToolCall call;
    call.at = QDateTime::currentDateTimeUtc();
    call.tool = name;
    call.arguments = ReplyText::shorten(ReplyText::compact(args));

    // A tool call is activity, and the session is not idle while one runs. Reading the
    // session's metrics is watching it, not using it: a dashboard polling get_metrics must
    // not keep an idle session from being released.
    const bool activity = name != QStringLiteral("get_metrics");
    SessionStore *store = m_context->store();
    if (activity) {
        session->toolCallStarted(store->now());
    }
    auto finish = [done, call, store, activity](LocalSession *s, const QJsonObject &result, qint64 elapsedMs) mutable {
        call.isError = result.value(QStringLiteral("isError")).toBool();
        call.durationMs = elapsedMs;
        const QJsonArray content = result.value(QStringLiteral("content")).toArray();
        call.resultText = ReplyText::shorten(
            content.isEmpty() ? QString() : content.first().toObject().value(QStringLiteral("text")).toString());
        if (s) {
            s->recordToolCall(call);
            if (activity) {
                s->toolCallFinished(store->now());
            }
        }
        // An object, not a JSON text: the TypeScript SDK reads Data.content directly
        // (protocol.md 4.12); the other SDKs take either.
        done(ApiReply::success(result));
    };

    if (!ToolCatalog::hasTool(session->imageId(), name)) {
        const QJsonObject result{
            {QStringLiteral("content"),
                QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                    {QStringLiteral("text"),
                        tr("Tool %1 not found in image %2").arg(ReplyText::shorten(name), session->imageId())}}}},
            {QStringLiteral("isError"), true},
        };
        finish(session, result, 0);
        return;
    }
    if (!session->sandbox()) {
        if (activity) {
            session->toolCallFinished(store->now());
        }
        done(ApiReply::internalError(QStringLiteral("Sandbox"), tr("The session's sandbox is not running")));
        return;
    }
    QElapsedTimer timer;
    timer.start();
    QPointer<LocalSession> guard(session);
    // A session deleted while the call runs takes its sandbox along; answer the call then
    // instead of leaving the client waiting for a result that will not come.
    auto answered = std::make_shared<bool>(false);
    const QMetaObject::Connection gone =
        QObject::connect(session, &QObject::destroyed, m_runner.get(), [done, answered] {
            if (!std::exchange(*answered, true)) {
                done(ApiReply::sessionNotFound());
            }
        });
    m_runner->call(session->sandbox(),
        session->imageId(),
        name,
        args,
        m_runner.get(),
        [finish, guard, timer, answered, gone](const QJsonObject &result) mutable {
            QObject::disconnect(gone);
            if (!std::exchange(*answered, true)) {
                finish(guard.data(), result, timer.elapsed());
            }
        });
}

} // namespace AgentBay::Server
