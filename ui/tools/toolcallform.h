// SPDX-License-Identifier: MIT
#pragma once

#include "toolcallsession.h"

#include <core/tools/jsonschemaform.h>
#include <core/tools/mcptool.h>

#include <QJsonObject>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace AgentBay::Ui {

class SchemaFormWidget;

// The arguments of one tool and the bar that calls it: a form built from the tool's input
// schema, the same arguments as raw JSON (the fallback when the schema is beyond the form),
// the schema itself; then Call, Cancel, the timeout, Copy as code and a hint line saying
// what a click would do or why it cannot. It only asks; the owner calls and cancels.
class ToolCallForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolCallForm)

public:
    explicit ToolCallForm(QWidget *parent = nullptr);
    ~ToolCallForm() override;

    // The tool whose arguments are edited (none: an empty form); the draft brings back what was
    // typed for it before, else the form starts from the schema's defaults.
    void setTool(const std::optional<Core::McpTool> &tool, const std::optional<ToolCallSession::Draft> &draft);
    ToolCallSession::Draft draft() const;
    // Shows args in the form if it can do so without changing them, else as JSON.
    void loadArguments(const QJsonObject &args);

    bool isJsonMode() const { return m_jsonMode; }

    // The arguments as they would be sent, or the reason they cannot be.
    std::optional<QJsonObject> arguments(QString *error = nullptr) const;
    QList<Core::ValidationProblem> problems() const;
    // The arguments if they may be sent; else every problem is shown and the hint says why.
    std::optional<QJsonObject> argumentsToSend();

    // How long the call waits for its answer. A tool with a timeout argument of its own
    // (timeout_ms, timeout_s) has no second control: the call waits that long plus a margin.
    int timeoutMs() const;

    // The argument that sets the tool's own timeout, or empty (then the call bar has one).
    QString toolTimeoutArgument() const { return m_toolTimeout.name; }

    // Why the tool cannot be called besides its arguments ("No session.", a paused session), or
    // empty. saidElsewhere: the panel shows it already (its banner), so the hint under Call does
    // not repeat it; the Call button's tooltip still does.
    void setBlocker(const QString &reason, bool saidElsewhere = false);
    // While a call runs only Cancel is enabled (and takes the focus from Call, and back).
    void setCalling(bool calling);
    void setHint(const QString &text, bool problem = false);
    // The cursor into the shown page's first field (the JSON editor in JSON mode): Return on a
    // tool in the list goes straight to its arguments.
    void focusFirstField();

Q_SIGNALS:
    void callRequested();
    void cancelRequested();
    void copyAsPythonRequested();
    void copyAsCurlRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildCallBar();
    void onTabChanged(int index);
    void setJsonText(const QJsonObject &args);
    void showMode();
    void refresh();
    void fitCallBar();

    // The tool's own timeout argument and how many milliseconds one of its units is.
    struct ToolTimeout
    {
        QString name;
        int unitMs = 0;
        double defaultValue = 0;
    };

    static ToolTimeout findToolTimeout(const QJsonObject &inputSchema);

    std::optional<Core::McpTool> m_tool;
    ToolTimeout m_toolTimeout;
    bool m_jsonMode = false;
    bool m_calling = false;
    QString m_blocker;
    bool m_blockerSaidElsewhere = false;

    QTabWidget *m_tabs = nullptr;
    SchemaFormWidget *m_form = nullptr;
    QPlainTextEdit *m_jsonEditor = nullptr;
    QLabel *m_jsonStatus = nullptr;
    QPlainTextEdit *m_schemaView = nullptr;
    QWidget *m_callBar = nullptr;
    int m_callBarFullWidth = 0;
    bool m_callBarCompact = false;
    QPushButton *m_callButton = nullptr;
    QToolButton *m_cancelButton = nullptr;
    QSpinBox *m_timeout = nullptr;
    QToolButton *m_copyAsCode = nullptr;
    QLabel *m_hint = nullptr;
};

} // namespace AgentBay::Ui
