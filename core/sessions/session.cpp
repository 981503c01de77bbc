// SPDX-License-Identifier: MIT
#include "session.h"

#include <array>
#include <utility>

namespace AgentBay::Core {

namespace {

constexpr std::array<std::pair<SessionStatus, const char16_t *>, 9> statusNames{{
    {SessionStatus::Running, u"RUNNING"},
    {SessionStatus::Pausing, u"PAUSING"},
    {SessionStatus::Paused, u"PAUSED"},
    {SessionStatus::Resuming, u"RESUMING"},
    {SessionStatus::Deleting, u"DELETING"},
    {SessionStatus::Deleted, u"DELETED"},
    {SessionStatus::Finish, u"FINISH"},
    {SessionStatus::Error, u"ERROR"},
    {SessionStatus::Failed, u"FAILED"},
}};

} // namespace

SessionStatus sessionStatusFromString(const QString &text)
{
    const QString upper = text.trimmed().toUpper();
    for (const auto &[status, name] : statusNames) {
        if (upper == QStringView(name)) {
            return status;
        }
    }
    return SessionStatus::Unknown;
}

QString sessionStatusToString(SessionStatus status)
{
    for (const auto &[candidate, name] : statusNames) {
        if (candidate == status) {
            return QString::fromUtf16(name);
        }
    }
    return QStringLiteral("UNKNOWN");
}

bool isTransitional(SessionStatus status)
{
    return status == SessionStatus::Pausing || status == SessionStatus::Resuming || status == SessionStatus::Deleting;
}

bool isGone(SessionStatus status)
{
    return status == SessionStatus::Deleted || status == SessionStatus::Finish;
}

bool canPause(SessionStatus status)
{
    return status == SessionStatus::Running;
}

bool canResume(SessionStatus status)
{
    return status == SessionStatus::Paused;
}

bool canDelete(SessionStatus status)
{
    return status != SessionStatus::Deleting && status != SessionStatus::Pausing && status != SessionStatus::Resuming
        && !isGone(status);
}

bool canOpen(SessionStatus status)
{
    return status == SessionStatus::Running;
}

} // namespace AgentBay::Core
