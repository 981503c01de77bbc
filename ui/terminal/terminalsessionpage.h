// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace AgentBay::Core {
class ApiClient;
class TerminalChannel;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class TerminalView;

// The terminals of one session, as tabs: New terminal opens another shell in the session, a
// tab's close button ends its shell. One channel per session (WsUrl and Token from
// GetSession) carries them all. The page lives as long as its owner keeps it, so switching
// to another session and back finds the terminals as they were.
class TerminalSessionPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalSessionPage)

public:
    TerminalSessionPage(Core::ApiClient *client, const QString &sessionId, QWidget *parent = nullptr);
    ~TerminalSessionPage() override;

    QString sessionId() const { return m_sessionId; }

    // Opens a terminal (connecting first when needed).
    void newTerminal();
    void closeTerminal(int index);

    int terminalCount() const;
    TerminalView *terminal(int index) const;

    QTabWidget *tabs() const { return m_tabs; }

    QPushButton *newTerminalButton() const { return m_new; }

    Core::TerminalChannel *channel() const { return m_channel; }

Q_SIGNALS:
    void terminalReady(TerminalView *view); // its shell runs
    void channelClosed(const QString &reason);

private:
    struct Entry
    {
        QPointer<TerminalView> view;
        QString requestId;
        QString terminalId;
    };

    void connectChannel();
    void createPending();
    Entry *entryFor(const QString &terminalId);
    void showMessage(TerminalView *view, const QString &text);

    Core::ApiClient *m_client;
    QString m_sessionId;
    Core::TerminalChannel *m_channel;
    Core::OperationHandle m_lookup;
    QTabWidget *m_tabs;
    QPushButton *m_new;
    QLabel *m_state;
    QList<Entry> m_entries;
    int m_opened = 0;
    bool m_connecting = false;
};

} // namespace AgentBay::Ui
