// SPDX-License-Identifier: MIT
#include "toolheader.h"

#include "toolbadges.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

ToolHeader::ToolHeader(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *titleRow = new QHBoxLayout;
    m_name = new QLabel(this);
    m_name->setObjectName(u"toolName"_s);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_name->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_name->setFont(titleFont);
    titleRow->addWidget(m_name);
    m_server = new QLabel(this);
    m_server->setObjectName(u"toolServer"_s);
    QPalette serverPalette = m_server->palette();
    serverPalette.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_server->setPalette(serverPalette);
    titleRow->addWidget(m_server, 0, Qt::AlignBottom);
    m_badges = new QLabel(this);
    m_badges->setObjectName(u"toolBadges"_s);
    m_badges->setTextFormat(Qt::RichText);
    titleRow->addWidget(m_badges, 1, Qt::AlignBottom);
    layout->addLayout(titleRow);
    m_description = new QLabel(this);
    m_description->setObjectName(u"toolDescription"_s);
    m_description->setWordWrap(true);
    m_description->setTextFormat(Qt::PlainText);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_description);
}

ToolHeader::~ToolHeader() = default;

void ToolHeader::setTool(const std::optional<Core::McpTool> &tool, bool noSession)
{
    if (!tool) {
        m_name->setText(noSession ? QString() : tr("Pick a tool"));
        m_server->clear();
        m_badges->clear();
        m_badges->setToolTip({});
        m_description->setText(noSession
                ? QString()
                : tr("Choose one of the session's tools on the left to see its arguments and call it."));
        return;
    }
    m_name->setText(tool->name);
    m_server->setText(tool->server);
    m_badges->setText(ToolBadges::html(*tool));
    m_badges->setToolTip(tool->annotations.title);
    m_description->setText(tool->description.isEmpty() ? tr("(no description)") : tool->description);
}

} // namespace AgentBay::Ui
