// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace AgentBay::Ui {

class InlineError;
class SessionController;

// The Links tab of the detail pane: open the session's desktop, and get (then open or copy) a
// link to a port a service listens on inside the session.
class SessionLinksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionLinksPage)

public:
    explicit SessionLinksPage(SessionController *controller, QWidget *parent = nullptr);
    ~SessionLinksPage() override;

    // Another session (empty: none): the link and any error go, a request on its way is dropped.
    void setSession(const QString &sessionId);
    // What the session's status allows now.
    void setRunning(bool running, bool canOpenDesktop);
    void showError(const QString &message);

    QSpinBox *portSpin() const { return m_port; }

    QComboBox *protocolCombo() const { return m_protocol; }

    QPushButton *getLinkButton() const { return m_getLink; }

    QLineEdit *linkEdit() const { return m_link; }

    QPushButton *openLinkButton() const { return m_openLink; }

    QPushButton *openDesktopButton() const { return m_openDesktop; }

public Q_SLOTS:
    void requestLink();

Q_SIGNALS:
    void openDesktopRequested();
    void linkReady(const QString &url);
    void statusMessage(const QString &message);

private:
    SessionController *m_controller;
    QString m_sessionId;
    bool m_running = false;
    Core::OperationHandle m_linkOperation;
    QPushButton *m_openDesktop;
    QSpinBox *m_port;
    QComboBox *m_protocol;
    QPushButton *m_getLink;
    QLineEdit *m_link;
    QPushButton *m_openLink;
    QPushButton *m_copyLink;
    InlineError *m_error;
};

} // namespace AgentBay::Ui
