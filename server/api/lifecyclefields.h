// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>
#include <server/sessions/sessionlifecycle.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

#include <optional>

namespace AgentBay::Server {

class LocalSession;
class RequestParameters;

// The lifecycle policy of CreateMcpSession (protocol-2026.md §1) and the extra Data fields
// this server reports for it. The real API reports no times; the SDKs ignore unknown fields.
//
// Parameters: Timeout (idle release timeout), MaxRuntime (minutes), ManualRelease (boolean).
// Timeout is in minutes when MaxRuntime or ManualRelease is sent too (the LifecyclePolicy
// path), else in seconds (the legacy idle_release_timeout). 0 or absent: no such limit.
// ManualRelease=true: no automatic release at all, whatever the numbers say.
//
// Extra Data fields (CreateMcpSession, GetSession, GetSessionDetail, ListSession items), all
// ISO 8601 UTC times such as "2026-11-30T15:40:00Z":
//   CreateTime           when the session was created (always)
//   IdleReleaseDeadline  when it is released unless there is activity first; only while it
//                        runs with an idle release timeout (tool calls, RefreshSessionIdleTime
//                        and a resume move it later; a tool call in flight holds it off)
//   MaxRuntimeDeadline   when it is released whatever happens; only with a maximum runtime
class LifecycleFields
{
    Q_DECLARE_TR_FUNCTIONS(LifecycleFields)

public:
    // The policy asked for, or nullopt and the refusal to send.
    static std::optional<SessionLifecycle> parse(const RequestParameters &params, ApiReply *refusal);

    static void addTo(QJsonObject *data, const LocalSession *session);

    static QString isoTime(const QDateTime &time);

    // Largest accepted Timeout / MaxRuntime, in minutes (a year).
    static constexpr qint64 maxMinutes = 366 * 24 * 60;
};

} // namespace AgentBay::Server
