// SPDX-License-Identifier: MIT
#include "sessiondetailemptypage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace AgentBay::Ui {

SessionDetailEmptyPage::SessionDetailEmptyPage(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
{
    m_text->setObjectName(QStringLiteral("emptyDetailText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setForegroundRole(QPalette::PlaceholderText); // not the disabled grey: 4.5:1
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_text);
    layout->addStretch();
    setListState(0, 0, false, false);
}

SessionDetailEmptyPage::~SessionDetailEmptyPage() = default;

void SessionDetailEmptyPage::setListState(int shown, int total, bool filtered, bool loaded)
{
    if (shown == 0 && filtered) {
        // The table says that nothing matches, with Clear filters: here only what is hidden.
        m_text->setText(total > 0
                ? tr("The filter hides all %n session(s).\n\nClear filters (Alt+L) shows them again.", nullptr, total)
                : tr("The filter leaves no session to show."));
    } else if (shown == 0 && loaded) {
        m_text->setText(tr("No sessions yet.\n\nCreate one with New Session (Ctrl+N)."));
    } else {
        m_text->setText(tr("Select a session to see its details."));
    }
}

QString SessionDetailEmptyPage::text() const
{
    return m_text->text();
}

} // namespace AgentBay::Ui
