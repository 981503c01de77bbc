// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/labelselector.h>
#include <core/sessions/session.h>

#include <QString>

#include <optional>

namespace AgentBay::Core {

// What the user filters the session list by: a label selector, a status and a piece of the id.
// A value type; the table's proxy only asks it whether a row matches.
class SessionFilter
{
public:
    // An invalid selector is ignored (the filter bar marks it); the last valid one stays.
    // Each setter returns whether the filter changed.
    bool setLabelSelector(const LabelSelector &selector);

    const LabelSelector &labelSelector() const { return m_selector; }

    // nullopt = any status.
    bool setStatus(std::optional<SessionStatus> status);

    std::optional<SessionStatus> status() const { return m_status; }

    // Case-insensitive substring of the session id; surrounding blanks do not count.
    bool setIdText(const QString &text);

    QString idText() const { return m_idText; }

    bool isEmpty() const { return m_selector.isEmpty() && !m_status && m_idText.isEmpty(); }

    // labelsKnown: until its labels are loaded a session cannot be said to match a selector.
    bool matches(const QString &id, SessionStatus status, const Labels &labels, bool labelsKnown) const;

    bool operator==(const SessionFilter &) const = default;

private:
    LabelSelector m_selector;
    std::optional<SessionStatus> m_status;
    QString m_idText;
};

} // namespace AgentBay::Core
