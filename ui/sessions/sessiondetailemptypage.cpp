// SPDX-License-Identifier: MIT
#include "sessiondetailemptypage.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace AgentBay::Ui {

SessionDetailEmptyPage::SessionDetailEmptyPage(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLabel(this))
    , m_clearFilters(new QPushButton(tr("Clear filters"), this))
{
    m_text->setObjectName(QStringLiteral("emptyDetailText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setForegroundRole(QPalette::PlaceholderText); // not the disabled grey: 4.5:1
    m_clearFilters->setObjectName(QStringLiteral("emptyDetailClearFilters"));
    m_clearFilters->setToolTip(tr("Empty the label, status and id filters"));
    m_clearFilters->hide();
    connect(m_clearFilters, &QPushButton::clicked, this, &SessionDetailEmptyPage::clearFiltersRequested);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch();
    layout->addWidget(m_text);
    layout->addWidget(m_clearFilters, 0, Qt::AlignHCenter);
    layout->addStretch();
    setListState(0, false, false);
}

SessionDetailEmptyPage::~SessionDetailEmptyPage() = default;

void SessionDetailEmptyPage::setListState(int shown, bool filtered, bool loaded)
{
    const bool nothingMatches = shown == 0 && filtered;
    if (nothingMatches) {
        m_text->setText(tr("No session matches the filter."));
    } else if (shown == 0 && loaded) {
        m_text->setText(tr("No sessions yet.\n\nCreate one with New Session (Ctrl+N)."));
    } else {
        m_text->setText(tr("Select a session to see its details."));
    }
    m_clearFilters->setVisible(nothingMatches);
}

QString SessionDetailEmptyPage::text() const
{
    return m_text->text();
}

} // namespace AgentBay::Ui
