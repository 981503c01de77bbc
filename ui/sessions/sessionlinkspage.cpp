// SPDX-License-Identifier: MIT
#include "sessionlinkspage.h"

#include <ui/common/inlineerror.h>
#include <ui/services/sessioncontroller.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

SessionLinksPage::SessionLinksPage(SessionController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    QWidget *page = this;
    m_openDesktop = new QPushButton(QIcon(u":/icons/open-desktop.svg"_s), tr("Open &desktop"), page);
    m_openDesktop->setToolTip(tr("Open the session's desktop stream (ResourceUrl) in the browser"));
    connect(m_openDesktop, &QPushButton::clicked, this, &SessionLinksPage::openDesktopRequested);
    auto *desktopHint = new QLabel(tr("Streams the session's desktop with mouse and keyboard control."), page);
    desktopHint->setWordWrap(true);
    desktopHint->setForegroundRole(QPalette::PlaceholderText); // not the disabled grey: 4.5:1

    m_port = new QSpinBox(page);
    m_port->setRange(Core::LinkParams::MinPort, Core::LinkParams::MaxPort);
    m_port->setValue(Core::LinkParams::MinPort);
    m_port->setToolTip(tr("A port a service listens on inside the session (30100 to 30199)"));
    m_protocol = new QComboBox(page);
    m_protocol->addItems({u"https"_s, u"wss"_s});
    m_getLink = new QPushButton(QIcon(u":/icons/link.svg"_s), tr("&Get link"), page);
    connect(m_getLink, &QPushButton::clicked, this, &SessionLinksPage::requestLink);
    m_link = new QLineEdit(page);
    m_link->setReadOnly(true);
    m_link->setPlaceholderText(tr("Pick a port and press Get link"));
    m_openLink = new QPushButton(tr("Open"), page);
    m_copyLink = new QPushButton(QIcon(u":/icons/copy.svg"_s), tr("Copy"), page);
    m_openLink->setEnabled(false);
    m_copyLink->setEnabled(false);
    m_error = new InlineError(page);
    connect(m_openLink, &QPushButton::clicked, this, [this] {
        if (!m_controller->openUrl(QUrl(m_link->text()))) {
            showError(tr("No application could open this link."));
        }
    });
    connect(m_copyLink, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_link->text());
        Q_EMIT statusMessage(tr("Link copied to the clipboard"));
    });

    auto *desktopBox = new QGroupBox(tr("Desktop"), page);
    auto *desktopLayout = new QVBoxLayout(desktopBox);
    auto *desktopRow = new QHBoxLayout;
    desktopRow->addWidget(m_openDesktop);
    desktopRow->addStretch();
    desktopLayout->addLayout(desktopRow);
    desktopLayout->addWidget(desktopHint);

    auto *portBox = new QGroupBox(tr("Port link"), page);
    auto *portForm = new QFormLayout(portBox);
    auto *portRow = new QHBoxLayout;
    portRow->addWidget(m_port);
    portRow->addWidget(m_protocol);
    portRow->addWidget(m_getLink);
    portRow->addStretch();
    portForm->addRow(tr("Port:"), portRow);
    auto *linkRow = new QHBoxLayout;
    linkRow->addWidget(m_link, 1);
    linkRow->addWidget(m_openLink);
    linkRow->addWidget(m_copyLink);
    portForm->addRow(tr("Link:"), linkRow);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(desktopBox);
    layout->addWidget(portBox);
    layout->addWidget(m_error);
    layout->addStretch();
}

SessionLinksPage::~SessionLinksPage() = default;

void SessionLinksPage::setSession(const QString &sessionId)
{
    m_linkOperation.cancel();
    m_sessionId = sessionId;
    m_error->hide();
    m_link->clear();
    m_openLink->setEnabled(false);
    m_copyLink->setEnabled(false);
}

void SessionLinksPage::setRunning(bool running, bool canOpenDesktop)
{
    m_running = running;
    m_openDesktop->setEnabled(canOpenDesktop);
    m_getLink->setEnabled(running && !m_linkOperation.isRunning());
}

void SessionLinksPage::showError(const QString &message)
{
    m_error->showMessage(message);
}

void SessionLinksPage::requestLink()
{
    if (m_sessionId.isEmpty()) {
        return;
    }
    Core::LinkParams params;
    params.port = m_port->value();
    params.protocolType = m_protocol->currentText();
    m_error->hide();
    m_getLink->setEnabled(false);
    const QString id = m_sessionId;
    m_linkOperation = m_controller->getLink(id, params, this, [this, id](const Core::Result<QString> &result) {
        m_linkOperation = {};
        if (id != m_sessionId) {
            return;
        }
        m_getLink->setEnabled(m_running);
        if (!result.ok()) {
            showError(tr("Could not get a link: %1").arg(result.error().details()));
            return;
        }
        m_link->setText(result.value());
        m_link->setCursorPosition(0);
        m_openLink->setEnabled(!result.value().isEmpty());
        m_copyLink->setEnabled(!result.value().isEmpty());
        Q_EMIT linkReady(result.value());
    });
}

} // namespace AgentBay::Ui
