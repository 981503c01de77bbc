// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QString>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class TerminalSessionPage;

// The Terminal tab: the terminals of the selected session. A page per session is kept by
// session id, so terminals survive selecting another session and coming back; the first
// visit opens one terminal.
class TerminalPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalPanel)

public:
    explicit TerminalPanel(Core::ApiClient *client, QWidget *parent = nullptr);
    ~TerminalPanel() override;

    // Empty: nothing selected.
    void setSession(const QString &sessionId);
    // The session is gone: its page and terminals go too.
    void forgetSession(const QString &sessionId);

    TerminalSessionPage *page(const QString &sessionId) const { return m_pages.value(sessionId); }

    TerminalSessionPage *currentPage() const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    void openFirstTerminal();

    Core::ApiClient *m_client;
    QString m_sessionId;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QHash<QString, TerminalSessionPage *> m_pages;
};

} // namespace AgentBay::Ui
