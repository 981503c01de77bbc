// SPDX-License-Identifier: MIT
#pragma once

#include "callsnippets.h"

#include <core/tools/mcptool.h>
#include <core/tools/resultcomparison.h>

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace AgentBay::Core {
class ApiClient;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class FanOutResultCard;
class FanOutRun;

// The "Many sessions" page of the Tools tab: runs the form's call on the selected sessions or
// on every running session matching a label selector (FanOutRun), shows each session's
// progress and result side by side with the differences from the most common result, opens
// any of them in a full result view, and copies the run as a Python or shell loop.
class FanOutPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FanOutPage)

public:
    explicit FanOutPage(Core::ApiClient *client, QWidget *parent = nullptr);
    ~FanOutPage() override;

    // The sessions selected in the session list (the "Selected sessions" target).
    void setSelectedSessions(const QStringList &sessionIds);

    QStringList selectedSessions() const { return m_selected; }

    // The selector target's text; chosen as the target unless sessions are selected.
    void setLabelSelector(const QString &selector);
    void setConcurrency(int concurrency);

    void setEndpoint(const QString &endpoint) { m_snippets.setEndpoint(endpoint); }

    // Runs the call on the chosen targets; false (with the reason shown) if it cannot start.
    bool run(const Core::McpTool &tool, const QJsonObject &arguments, int timeoutMs);
    void cancel();

    FanOutRun *runner() const { return m_run; }

    QList<FanOutResultCard *> cards() const { return m_cards; }

    // The index of the result the others are compared with; -1 before any result.
    int referenceIndex() const { return m_reference; }

    QString progressText() const;
    QString pythonSnippet() const;
    QString shellSnippet() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    // Run was clicked: the panel answers with run(tool, arguments, timeout).
    void runRequested();

private:
    void updateTargets();
    void onTargetsResolved(const QStringList &sessionIds);
    void refreshResults();
    void updateButtons();
    void openResult(int index);
    void copySnippet(bool python);
    void layoutCards();

    Core::ApiClient *m_client;
    FanOutRun *m_run = nullptr;
    QStringList m_selected;
    CallSnippets m_snippets;
    int m_timeoutMs = 0;
    QList<FanOutResultCard *> m_cards;
    int m_reference = -1;
    int m_columns = 0;

    QRadioButton *m_selectedMode = nullptr;
    QRadioButton *m_selectorMode = nullptr;
    QLineEdit *m_selectorEdit = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_copyPython = nullptr;
    QPushButton *m_copyShell = nullptr;
    QLabel *m_progress = nullptr;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
};

} // namespace AgentBay::Ui
