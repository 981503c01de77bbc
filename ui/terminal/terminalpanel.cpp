// SPDX-License-Identifier: MIT
#include "terminalpanel.h"

#include <ui/terminal/terminalsessionpage.h>

#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace AgentBay::Ui {

TerminalPanel::TerminalPanel(Core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(tr("Select a session to open a terminal in it."), this))
{
    m_empty->setAlignment(Qt::AlignCenter);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

TerminalPanel::~TerminalPanel() = default;

void TerminalPanel::setSession(const QString &sessionId)
{
    m_sessionId = sessionId;
    if (sessionId.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    TerminalSessionPage *page = m_pages.value(sessionId);
    if (!page) {
        page = new TerminalSessionPage(m_client, sessionId, m_stack);
        m_pages.insert(sessionId, page);
        m_stack->addWidget(page);
    }
    m_stack->setCurrentWidget(page);
    if (isVisible()) {
        openFirstTerminal();
    }
}

void TerminalPanel::forgetSession(const QString &sessionId)
{
    TerminalSessionPage *page = m_pages.take(sessionId);
    if (!page) {
        return;
    }
    if (m_sessionId == sessionId) {
        m_stack->setCurrentWidget(m_empty);
    }
    delete page;
}

TerminalSessionPage *TerminalPanel::currentPage() const
{
    return qobject_cast<TerminalSessionPage *>(m_stack->currentWidget());
}

void TerminalPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    openFirstTerminal();
}

void TerminalPanel::openFirstTerminal()
{
    // Only once per page: a user who closed every terminal chooses New terminal again.
    TerminalSessionPage *page = currentPage();
    if (page && !page->property("opened").toBool()) {
        page->setProperty("opened", true);
        page->newTerminal();
    }
}

} // namespace AgentBay::Ui
