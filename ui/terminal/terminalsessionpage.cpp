// SPDX-License-Identifier: MIT
#include "terminalsessionpage.h"

#include <core/api/apiclient.h>
#include <core/terminal/terminalchannel.h>
#include <ui/terminal/terminalscreen.h>
#include <ui/terminal/terminalview.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace AgentBay::Ui {

TerminalSessionPage::TerminalSessionPage(Core::ApiClient *client, const QString &sessionId, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_sessionId(sessionId)
    , m_channel(new Core::TerminalChannel(this))
    , m_tabs(new QTabWidget(this))
    , m_new(new QPushButton(tr("&New terminal"), this))
    , m_state(new QLabel(this))
{
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    m_tabs->setAccessibleName(tr("Terminals"));
    m_new->setToolTip(tr("Open another shell in this session (Ctrl+Tab leaves a terminal)"));
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_new);
    bar->addWidget(m_state, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    connect(m_new, &QPushButton::clicked, this, &TerminalSessionPage::newTerminal);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &TerminalSessionPage::closeTerminal);
    connect(m_channel, &Core::TerminalChannel::opened, this, [this] {
        m_connecting = false;
        m_state->clear();
        createPending();
    });
    connect(m_channel, &Core::TerminalChannel::closed, this, [this](const QString &reason) {
        m_connecting = false;
        m_state->setText(tr("Disconnected: %1").arg(reason));
        for (Entry &entry : m_entries) {
            if (entry.view && !entry.terminalId.isEmpty()) {
                showMessage(entry.view, tr("[disconnected]"));
            }
            entry.terminalId.clear();
        }
        Q_EMIT channelClosed(reason);
    });
    connect(m_channel,
        &Core::TerminalChannel::created,
        this,
        [this](const QString &requestId, const QString &id, const QString &error) {
            for (Entry &entry : m_entries) {
                if (entry.requestId != requestId || !entry.view) {
                    continue;
                }
                entry.requestId.clear();
                if (!error.isEmpty()) {
                    showMessage(entry.view, tr("[cannot open a terminal: %1]").arg(error));
                    return;
                }
                entry.terminalId = id;
                const TerminalScreen *screen = entry.view->screen();
                m_channel->resize(id, screen->cols(), screen->rows());
                Q_EMIT terminalReady(entry.view);
                return;
            }
            m_channel->killTerminal(id); // its tab was closed while it opened
        });
    connect(m_channel, &Core::TerminalChannel::output, this, [this](const QString &id, const QByteArray &bytes) {
        if (Entry *entry = entryFor(id)) {
            entry->view->write(bytes);
        }
    });
    connect(m_channel, &Core::TerminalChannel::exited, this, [this](const QString &id, int exitCode) {
        if (Entry *entry = entryFor(id)) {
            showMessage(entry->view, tr("[exited with code %1]").arg(exitCode));
            const int index = m_tabs->indexOf(entry->view);
            m_tabs->setTabText(index, tr("%1 (ended)").arg(m_tabs->tabText(index)));
            entry->terminalId.clear();
        }
    });
}

TerminalSessionPage::~TerminalSessionPage() = default;

int TerminalSessionPage::terminalCount() const
{
    return m_tabs->count();
}

TerminalView *TerminalSessionPage::terminal(int index) const
{
    return qobject_cast<TerminalView *>(m_tabs->widget(index));
}

TerminalSessionPage::Entry *TerminalSessionPage::entryFor(const QString &terminalId)
{
    for (Entry &entry : m_entries) {
        if (entry.view && entry.terminalId == terminalId) {
            return &entry;
        }
    }
    return nullptr;
}

void TerminalSessionPage::showMessage(TerminalView *view, const QString &text)
{
    view->write("\r\n\x1b[7m" + text.toUtf8() + "\x1b[0m\r\n");
}

void TerminalSessionPage::newTerminal()
{
    auto *view = new TerminalView;
    const int index = m_tabs->addTab(view, tr("Terminal %1").arg(++m_opened));
    m_tabs->setCurrentIndex(index);
    m_entries.append({view, QString(), QString()});
    connect(view, &TerminalView::input, this, [this, view](const QByteArray &bytes) {
        for (const Entry &entry : std::as_const(m_entries)) {
            if (entry.view == view && !entry.terminalId.isEmpty()) {
                m_channel->sendInput(entry.terminalId, bytes);
            }
        }
    });
    connect(view, &TerminalView::sizeChanged, this, [this, view](int rows, int cols) {
        for (const Entry &entry : std::as_const(m_entries)) {
            if (entry.view == view && !entry.terminalId.isEmpty()) {
                m_channel->resize(entry.terminalId, cols, rows);
            }
        }
    });
    view->setFocus();
    if (m_channel->isOpen()) {
        createPending();
    } else {
        connectChannel();
    }
}

void TerminalSessionPage::closeTerminal(int index)
{
    QWidget *widget = m_tabs->widget(index);
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).view == widget) {
            if (!m_entries.at(i).terminalId.isEmpty()) {
                m_channel->killTerminal(m_entries.at(i).terminalId);
            }
            m_entries.removeAt(i);
            break;
        }
    }
    m_tabs->removeTab(index);
    delete widget;
}

void TerminalSessionPage::connectChannel()
{
    if (m_connecting || !m_client) {
        return;
    }
    m_connecting = true;
    m_state->setText(tr("Connecting…"));
    m_lookup = m_client->getSession(m_sessionId, this, [this](const Core::Result<Core::SessionData> &result) {
        if (!result.ok()) {
            m_connecting = false;
            m_state->setText(tr("Cannot reach the session: %1").arg(result.errorMessage()));
            return;
        }
        const Core::SessionData &data = result.value();
        if (data.wsUrl.isEmpty() || data.token.isEmpty()) {
            m_connecting = false;
            m_state->setText(tr("This service offers no terminal for the session (no WsUrl)."));
            return;
        }
        m_channel->setSslConfiguration(m_client->config().sslConfiguration()); // the profile's pinned CA, if any
        m_channel->open(QUrl(data.wsUrl), data.token);
    });
}

void TerminalSessionPage::createPending()
{
    for (Entry &entry : m_entries) {
        if (entry.view && entry.terminalId.isEmpty() && entry.requestId.isEmpty()) {
            const TerminalScreen *screen = entry.view->screen();
            entry.requestId = m_channel->createTerminal(screen->cols(), screen->rows());
        }
    }
}

} // namespace AgentBay::Ui
