// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/sessions/session.h>
#include <core/sessions/sessioninfo.h>

#include <QIcon>
#include <QList>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QVBoxLayout;

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {

class FilesPane;
class InlineError;
class LabelEditor;
class LifecycleTracker;
class MetricsPoller;
class SessionLabelsPage;
class SessionLinksPage;
class SessionController;
class SessionDetailEmptyPage;
class SessionLifecyclePanel;
class TerminalPanel;
class ToolPanel;

// The current session in depth: Overview (status, image, labels, remaining time, keep-alive and
// the metrics graph once attachLifecycle() was called, and every field of info(), with the auth
// code and ticket masked), Labels (edit and save), Links (desktop and port links), Tools (the MCP
// tool panel), Terminal and Files.
class SessionDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDetailPane)

public:
    enum Tab {
        OverviewTab,
        LabelsTab,
        LinksTab,
        ToolsTab,
        TerminalTab,
        FilesTab,
    };

    // toolsClient: the Tools tab calls the session's MCP tools through it.
    SessionDetailPane(SessionController *controller, Core::ApiClient *toolsClient, QWidget *parent = nullptr);
    ~SessionDetailPane() override;

    void setSession(const QString &sessionId); // empty = nothing selected
    // Before another session is shown: asks about unsaved label edits; false = stay.
    bool confirmLeave();

    QString sessionId() const { return m_sessionId; }

    void setEndpoint(const QString &endpoint);
    // Adds the lifecycle panel to the Overview: time left, Keep alive (once or while shown
    // here) and the CPU/memory graph of the last 10 minutes from the poller's samples.
    void attachLifecycle(MetricsPoller *metrics, LifecycleTracker *tracker);

    SessionLifecyclePanel *lifecyclePanel() const { return m_lifecycle; }

    // The Tools tab's split (empty, and false, in a build without the tool panel).
    QByteArray saveToolsLayout() const;
    bool restoreToolsLayout(const QByteArray &state);

    // The Tools tab (fan-out targets and saved calls are set on it by the window).
    ToolPanel *toolPanel() const { return m_toolPanel; }

    // For tests.
    QTabWidget *tabs() const { return m_tabs; }

    // Shown while no session is: says why (none yet, none selected, the filter hides them all).
    SessionDetailEmptyPage *emptyPage() const { return m_emptyPage; }

    TerminalPanel *terminalPanel() const { return m_terminalPanel; }

    FilesPane *filesPane() const { return m_filesPane; }

    LabelEditor *labelEditor() const;
    QPushButton *saveLabelsButton() const;

    QLineEdit *resourceUrlEdit() const { return m_resourceUrl; }

    QLineEdit *authCodeEdit() const { return m_authCode; }

    QToolButton *authCodeRevealButton() const { return m_revealAuth; }

    SessionLinksPage *linksPage() const { return m_linksPage; }

    QSpinBox *portSpin() const;
    QComboBox *protocolCombo() const;
    QPushButton *getLinkButton() const;
    QLineEdit *linkEdit() const;
    QPushButton *openLinkButton() const;
    QPushButton *openDesktopButton() const;

    const Core::SessionInfo &info() const { return m_info; }

    bool hasInfo() const { return m_infoLoaded; }

public Q_SLOTS:
    void reloadInfo();
    void saveLabels();
    void openDesktop();

Q_SIGNALS:
    void infoLoaded(const QString &sessionId);
    void labelsSaved(const QString &sessionId);
    void linkReady(const QString &url);
    void statusMessage(const QString &message);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitTabs();
    QWidget *buildOverview();
    QWidget *buildLabels();
    QWidget *buildLinks();
    QWidget *buildTools();
    void updateFromModel();
    void showInfo();
    void setInfoError(const QString &message);
    void showResourceUrl();
    QToolButton *makeRevealButton(QLineEdit *edit);
    QToolButton *makeCopyButton(const std::function<QString()> &text);

    SessionController *m_controller;
    Core::ApiClient *m_toolsClient;
    QString m_sessionId;
    Core::SessionInfo m_info;
    bool m_infoLoaded = false;
    Core::OperationHandle m_infoOperation;

    QStackedWidget *m_stack;
    SessionDetailEmptyPage *m_emptyPage = nullptr;
    QTabWidget *m_tabs;
    QList<QIcon> m_tabIcons; // shown while the titles fit beside them
    QLabel *m_title;
    QLabel *m_statusBadge;
    // Overview
    QLabel *m_status;
    QLabel *m_image;
    QLabel *m_region;
    QLabel *m_policy;
    QLabel *m_firstSeen;
    QLabel *m_labelsSummary;
    QLineEdit *m_resourceUrl;
    QLabel *m_appId;
    QLineEdit *m_authCode;
    QToolButton *m_revealAuth;
    QLineEdit *m_ticket;
    QPlainTextEdit *m_connection;
    QLabel *m_resourceId;
    QLabel *m_resourceType;
    InlineError *m_infoError;
    QPushButton *m_reloadInfo;
    QVBoxLayout *m_overviewLayout = nullptr;
    SessionLifecyclePanel *m_lifecycle = nullptr;
    // Labels
    SessionLabelsPage *m_labelsPage = nullptr;
    SessionLinksPage *m_linksPage = nullptr;
    // Tools
    ToolPanel *m_toolPanel = nullptr;
    // Terminal: a page of terminals per session, kept while other sessions are shown
    TerminalPanel *m_terminalPanel = nullptr;
    // Files: the selected session's filesystem
    FilesPane *m_filesPane = nullptr;
    QString m_endpoint;
};

} // namespace AgentBay::Ui
