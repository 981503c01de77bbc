// SPDX-License-Identifier: MIT
#include "lifecyclefields.h"

#include <server/api/requestparameters.h>
#include <server/sessions/localsession.h>

namespace AgentBay::Server {

namespace {

// A whole number from 0 to maxValue, nullopt when absent; false in *ok when malformed.
std::optional<qint64> wholeNumber(const RequestParameters &params, const QString &name, qint64 maxValue, bool *ok)
{
    const QString text = params.value(name).trimmed();
    if (text.isEmpty()) {
        return std::nullopt;
    }
    bool parsed = false;
    const qint64 value = text.toLongLong(&parsed);
    if (!parsed || value < 0 || value > maxValue) {
        *ok = false;
        return std::nullopt;
    }
    return value;
}

} // namespace

std::optional<SessionLifecycle> LifecycleFields::parse(const RequestParameters &params, ApiReply *refusal)
{
    std::optional<bool> manual;
    if (params.contains(QStringLiteral("ManualRelease"))) {
        manual = RequestParameters::parseBool(params.value(QStringLiteral("ManualRelease")));
        if (!manual) {
            *refusal =
                ApiReply::invalidParameter(QStringLiteral("ManualRelease"), tr("ManualRelease must be true or false"));
            return std::nullopt;
        }
    }
    bool ok = true;
    const auto maxRuntime = wholeNumber(params, QStringLiteral("MaxRuntime"), maxMinutes, &ok);
    if (!ok) {
        *refusal = ApiReply::invalidParameter(QStringLiteral("MaxRuntime"),
            tr("MaxRuntime must be a whole number of minutes from 0 to %1").arg(maxMinutes));
        return std::nullopt;
    }
    const bool inMinutes = maxRuntime || manual;
    const auto timeout = wholeNumber(params, QStringLiteral("Timeout"), inMinutes ? maxMinutes : maxMinutes * 60, &ok);
    if (!ok) {
        *refusal = ApiReply::invalidParameter(QStringLiteral("Timeout"),
            inMinutes ? tr("Timeout must be a whole number of minutes from 0 to %1").arg(maxMinutes)
                      : tr("Timeout must be a whole number of seconds from 0 to %1").arg(maxMinutes * 60));
        return std::nullopt;
    }
    if (manual.value_or(false)) {
        return SessionLifecycle();
    }
    return SessionLifecycle(timeout.value_or(0) * (inMinutes ? 60 : 1), maxRuntime.value_or(0) * 60);
}

void LifecycleFields::addTo(QJsonObject *data, const LocalSession *session)
{
    data->insert(QStringLiteral("CreateTime"), isoTime(session->createdAt()));
    if (session->status() == LocalSession::Status::Running) {
        if (const auto idle = session->lifecycle().idleDeadline(session->lastActivity())) {
            data->insert(QStringLiteral("IdleReleaseDeadline"), isoTime(*idle));
        }
    }
    if (const auto end = session->lifecycle().maxRuntimeDeadline(session->createdAt())) {
        data->insert(QStringLiteral("MaxRuntimeDeadline"), isoTime(*end));
    }
}

QString LifecycleFields::isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace AgentBay::Server
