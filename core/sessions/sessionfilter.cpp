// SPDX-License-Identifier: MIT
#include "sessionfilter.h"

namespace AgentBay::Core {

bool SessionFilter::setLabelSelector(const LabelSelector &selector)
{
    if (!selector.isValid() || selector == m_selector) {
        return false;
    }
    m_selector = selector;
    return true;
}

bool SessionFilter::setStatus(std::optional<SessionStatus> status)
{
    if (status == m_status) {
        return false;
    }
    m_status = status;
    return true;
}

bool SessionFilter::setIdText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_idText) {
        return false;
    }
    m_idText = trimmed;
    return true;
}

bool SessionFilter::matches(const QString &id, SessionStatus status, const Labels &labels, bool labelsKnown) const
{
    if (m_status && status != *m_status) {
        return false;
    }
    if (!m_idText.isEmpty() && !id.contains(m_idText, Qt::CaseInsensitive)) {
        return false;
    }
    if (!m_selector.isEmpty()) {
        return labelsKnown && m_selector.matches(labels);
    }
    return true;
}

} // namespace AgentBay::Core
