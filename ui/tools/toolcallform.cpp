// SPDX-License-Identifier: MIT
#include "toolcallform.h"

#include "schemaformwidget.h"

#include <ui/common/apppalette.h>
#include <ui/common/jsonhighlighter.h>

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::JsonSchemaForm;

namespace {

enum ArgumentsTab {
    FormTab,
    JsonTab,
    SchemaTab,
};

// A secondary button of the call bar: its icon, its text where there is room, and a tooltip.
QToolButton *callBarButton(
    QWidget *parent, const QString &name, const QString &icon, const QString &text, const QString &toolTip)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setIcon(QIcon(icon));
    button->setText(text);
    button->setToolTip(toolTip);
    return button;
}

QString indented(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

QString problemList(const QList<Core::ValidationProblem> &problems)
{
    QStringList lines;
    for (const Core::ValidationProblem &problem : problems) {
        lines.append(problem.path.isEmpty() ? problem.message : problem.path + u": "_s + problem.message);
    }
    lines.removeDuplicates();
    return lines.join(u'\n');
}

void setLabelColor(QLabel *label, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
}

} // namespace

ToolCallForm::ToolCallForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"argumentsTabs"_s);
    m_form = new SchemaFormWidget(m_tabs);
    m_form->setObjectName(u"form"_s);
    connect(m_form, &SchemaFormWidget::edited, this, &ToolCallForm::refresh);
    m_tabs->addTab(m_form, tr("Form"));

    auto *jsonPage = new QWidget(m_tabs);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(4, 4, 4, 4);
    m_jsonEditor = new QPlainTextEdit(jsonPage);
    m_jsonEditor->setObjectName(u"jsonEditor"_s);
    m_jsonEditor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonEditor->setTabChangesFocus(true);
    m_jsonEditor->setPlaceholderText(tr("{\"name\": \"value\"}"));
    new JsonHighlighter(m_jsonEditor->document());
    connect(m_jsonEditor, &QPlainTextEdit::textChanged, this, &ToolCallForm::refresh);
    jsonLayout->addWidget(m_jsonEditor, 1);
    m_jsonStatus = new QLabel(jsonPage);
    m_jsonStatus->setObjectName(u"jsonStatus"_s);
    m_jsonStatus->setWordWrap(true);
    m_jsonStatus->setTextFormat(Qt::PlainText);
    jsonLayout->addWidget(m_jsonStatus);
    m_tabs->addTab(jsonPage, tr("JSON"));

    m_schemaView = new QPlainTextEdit(m_tabs);
    m_schemaView->setObjectName(u"schemaView"_s);
    m_schemaView->setReadOnly(true);
    m_schemaView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(m_schemaView->document());
    m_tabs->addTab(m_schemaView, tr("Schema"));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ToolCallForm::onTabChanged);
    layout->addWidget(m_tabs, 1);

    layout->addWidget(buildCallBar());
    // Hints and refusals get their own line so they are never cut off.
    m_hint = new QLabel(this);
    m_hint->setObjectName(u"callHint"_s);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setWordWrap(true);
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hint->setMinimumHeight(m_hint->fontMetrics().height()); // no jump when a hint appears
    layout->addWidget(m_hint);
    setTool(std::nullopt, std::nullopt);
}

ToolCallForm::~ToolCallForm() = default;

QWidget *ToolCallForm::buildCallBar()
{
    // The primary action first, options to the right. Its buttons drop their text (keeping
    // icon and tooltip) when the pane is narrow, see fitCallBar().
    m_callBar = new QWidget(this);
    m_callBar->setObjectName(u"callBar"_s);
    m_callBar->installEventFilter(this);
    auto *callBar = new QHBoxLayout(m_callBar);
    callBar->setContentsMargins(0, 0, 0, 0);
    m_callButton = new QPushButton(QIcon(u":/icons/run.svg"_s), tr("Call"), m_callBar);
    m_callButton->setObjectName(u"callButton"_s);
    m_callButton->setDefault(true);
    m_callButton->setToolTip(tr("Call the tool (Ctrl+Enter)"));
    connect(m_callButton, &QPushButton::clicked, this, &ToolCallForm::callRequested);
    callBar->addWidget(m_callButton);
    m_cancelButton = callBarButton(m_callBar,
        u"cancelButton"_s,
        u":/icons/stop.svg"_s,
        tr("Cancel"),
        tr("Stop waiting for the running call (Esc)"));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QToolButton::clicked, this, &ToolCallForm::cancelRequested);
    callBar->addWidget(m_cancelButton);
    callBar->addStretch(1);
    m_timeout = new QSpinBox(m_callBar);
    m_timeout->setObjectName(u"timeout"_s);
    m_timeout->setRange(1, 3600);
    m_timeout->setPrefix(tr("Timeout "));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setValue(60);
    m_timeout->setToolTip(tr("How long to wait for this call's answer, in seconds"));
    m_timeout->setAccessibleName(tr("Timeout"));
    callBar->addWidget(m_timeout);
    m_copyAsCode = callBarButton(m_callBar,
        u"copyAsCode"_s,
        u":/icons/code.svg"_s,
        tr("Copy as code"),
        tr("Copy this call as a Python SDK snippet or a curl command"));
    m_copyAsCode->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_copyAsCode);
    menu->addAction(tr("Python (AgentBay SDK)"), this, &ToolCallForm::copyAsPythonRequested);
    menu->addAction(tr("curl"), this, &ToolCallForm::copyAsCurlRequested);
    m_copyAsCode->setMenu(menu);
    callBar->addWidget(m_copyAsCode);
    for (QToolButton *button : {m_cancelButton, m_copyAsCode}) {
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Fixed, m_callButton->sizePolicy().verticalPolicy());
    }
    return m_callBar;
}

ToolCallForm::ToolTimeout ToolCallForm::findToolTimeout(const QJsonObject &inputSchema)
{
    const QJsonObject properties = inputSchema.value(u"properties"_s).toObject();
    const std::pair<QString, int> known[] = {{u"timeout_ms"_s, 1},
        {u"timeoutMs"_s, 1},
        {u"timeout_s"_s, 1000},
        {u"timeout_seconds"_s, 1000},
        {u"timeoutSeconds"_s, 1000}};
    for (const auto &[name, unitMs] : known) {
        const QJsonObject property = properties.value(name).toObject();
        const QString type = property.value(u"type"_s).toString();
        if (type == u"integer"_s || type == u"number"_s) {
            return {name, unitMs, property.value(u"default"_s).toDouble()};
        }
    }
    return {};
}

void ToolCallForm::setTool(const std::optional<Core::McpTool> &tool, const std::optional<ToolCallSession::Draft> &draft)
{
    m_tool = tool;
    // One timeout control: the tool's own argument when it has one, else the call bar's.
    m_toolTimeout = tool ? findToolTimeout(tool->inputSchema) : ToolTimeout();
    m_timeout->setVisible(m_toolTimeout.name.isEmpty());
    if (!tool) {
        m_form->setSchema({});
        m_tabs->setEnabled(false);
        m_schemaView->clear();
        {
            QSignalBlocker blocker(m_jsonEditor);
            m_jsonEditor->clear();
        }
        refresh();
        return;
    }
    m_tabs->setEnabled(true);
    m_schemaView->setPlainText(indented(tool->inputSchema));
    m_form->setSchema(tool->inputSchema);
    if (draft) {
        m_form->setValue(draft->formValue);
        m_jsonMode = draft->json || !m_form->isSupported();
        QSignalBlocker blocker(m_jsonEditor);
        m_jsonEditor->setPlainText(draft->json ? draft->jsonText : indented(m_form->value()));
    } else {
        m_jsonMode = !m_form->isSupported();
        setJsonText(m_form->value());
    }
    showMode();
    refresh();
}

ToolCallSession::Draft ToolCallForm::draft() const
{
    ToolCallSession::Draft draft;
    draft.json = m_jsonMode;
    draft.jsonText = m_jsonEditor->toPlainText();
    draft.formValue = m_form->value();
    return draft;
}

void ToolCallForm::loadArguments(const QJsonObject &args)
{
    m_jsonMode = !(m_form->isSupported() && m_form->setValue(args));
    setJsonText(args);
    showMode();
    refresh();
}

void ToolCallForm::setJsonText(const QJsonObject &args)
{
    QSignalBlocker blocker(m_jsonEditor);
    m_jsonEditor->setPlainText(indented(args));
}

void ToolCallForm::showMode()
{
    QSignalBlocker blocker(m_tabs);
    m_tabs->setCurrentIndex(m_jsonMode ? JsonTab : FormTab);
}

void ToolCallForm::onTabChanged(int index)
{
    if (index == JsonTab && !m_jsonMode) {
        setJsonText(m_form->value());
        m_jsonMode = true;
    } else if (index == FormTab && m_jsonMode && m_form->isSupported()) {
        QString error;
        const auto args = JsonSchemaForm::parseArguments(m_jsonEditor->toPlainText(), &error);
        QString reason;
        if (!args || !m_form->setValue(*args, &reason)) {
            // Switching now would lose what was typed: stay in JSON and say why.
            m_jsonStatus->setText(!args
                    ? tr("Fix the JSON before switching to the form. %1").arg(error)
                    : tr("These arguments cannot be shown in the form without changing them: %1").arg(reason));
            setLabelColor(m_jsonStatus, AppPalette::errorText(palette()));
            showMode();
            return;
        }
        m_jsonMode = false;
    }
    refresh();
}

std::optional<QJsonObject> ToolCallForm::arguments(QString *error) const
{
    if (m_jsonMode) {
        return JsonSchemaForm::parseArguments(m_jsonEditor->toPlainText(), error);
    }
    return m_form->value();
}

QList<Core::ValidationProblem> ToolCallForm::problems() const
{
    if (!m_tool) {
        return {};
    }
    if (m_jsonMode) {
        QString error;
        const auto args = JsonSchemaForm::parseArguments(m_jsonEditor->toPlainText(), &error);
        if (!args) {
            return {{QString(), error}};
        }
        return JsonSchemaForm::validate(m_form->form(), *args);
    }
    return m_form->problems();
}

std::optional<QJsonObject> ToolCallForm::argumentsToSend()
{
    const auto args = arguments();
    const QList<Core::ValidationProblem> found = problems();
    if (args && found.isEmpty()) {
        return args;
    }
    // Refused before anything is sent: show every problem where it is.
    m_form->revealProblems();
    refresh();
    setHint(tr("Not sent: %1").arg(problemList(found)), true);
    return std::nullopt;
}

int ToolCallForm::timeoutMs() const
{
    if (m_toolTimeout.name.isEmpty()) {
        return m_timeout->value() * 1000;
    }
    // The tool stops its work after its own timeout; the answer then still has to travel back.
    constexpr qint64 MarginMs = 15000;
    constexpr qint64 FallbackMs = 60000; // neither typed nor a default in the schema
    const auto args = arguments();
    double value = args ? args->value(m_toolTimeout.name).toDouble() : 0;
    if (value <= 0) {
        value = m_toolTimeout.defaultValue;
    }
    const qint64 toolMs = value > 0 ? qint64(value * m_toolTimeout.unitMs) : FallbackMs;
    return int(std::min<qint64>(toolMs + MarginMs, std::numeric_limits<int>::max()));
}

void ToolCallForm::setBlocker(const QString &reason, bool saidElsewhere)
{
    m_blocker = reason;
    m_blockerSaidElsewhere = saidElsewhere;
    refresh();
}

void ToolCallForm::setCalling(bool calling)
{
    // Space on the focused button cancels, and then calls again: not whatever follows a
    // button that was just disabled.
    const bool callHadFocus = m_callButton->hasFocus();
    const bool cancelHadFocus = m_cancelButton->hasFocus();
    m_calling = calling;
    refresh();
    if (calling && callHadFocus) {
        m_cancelButton->setFocus(Qt::OtherFocusReason);
    } else if (!calling && cancelHadFocus) {
        m_callButton->setFocus(Qt::OtherFocusReason);
    }
}

void ToolCallForm::refresh()
{
    const QList<Core::ValidationProblem> found = problems();
    if (m_jsonMode && m_tool) {
        if (found.isEmpty()) {
            m_jsonStatus->setText(m_form->isSupported()
                    ? tr("Valid arguments.")
                    : tr("Valid JSON. Only part of this schema can be checked: %1").arg(m_form->form().fallbackReason));
            setLabelColor(m_jsonStatus, AppPalette::okText(palette()));
        } else {
            m_jsonStatus->setText(problemList(found));
            setLabelColor(m_jsonStatus, AppPalette::errorText(palette()));
        }
    }

    QString reason;
    if (m_calling) {
        reason.clear();
    } else if (!m_blocker.isEmpty()) {
        reason = m_blocker;
    } else if (!m_tool) {
        reason = tr("Pick a tool first.");
    } else if (!found.isEmpty()) {
        reason = found.size() == 1 ? tr("Fix the arguments first: %1").arg(problemList(found))
                                   : tr("Fix the %1 problems in the arguments first.").arg(found.size());
    }
    m_callButton->setEnabled(!m_calling && reason.isEmpty());
    m_callButton->setToolTip(reason.isEmpty() ? tr("Call the tool (Ctrl+Enter)") : reason);
    m_cancelButton->setEnabled(m_calling);
    m_copyAsCode->setEnabled(m_tool.has_value());
    if (!m_calling) {
        if (m_tool && reason.isEmpty()) {
            setHint(tr("Ctrl+Enter to call"));
        } else {
            const bool quiet = (m_tool && !m_form->problemsRevealed() && !m_jsonMode)
                || (m_blockerSaidElsewhere && reason == m_blocker);
            setHint(quiet ? QString() : reason, true);
        }
    }
}

void ToolCallForm::focusFirstField()
{
    QWidget *page = m_tabs->currentWidget();
    // The page's first widget in the Tab order that takes the focus (the chain runs through the
    // whole window, the page's fields need not follow it directly); the tabs when none does.
    for (QWidget *next = page->nextInFocusChain(); next && next != page; next = next->nextInFocusChain()) {
        if (page->isAncestorOf(next) && next->isVisible() && next->isEnabled()
            && (next->focusPolicy() & Qt::TabFocus) == Qt::TabFocus) {
            next->setFocus(Qt::TabFocusReason);
            return;
        }
    }
    m_tabs->setFocus(Qt::TabFocusReason);
}

void ToolCallForm::setHint(const QString &text, bool problem)
{
    m_hint->setText(text);
    setLabelColor(m_hint, problem ? AppPalette::errorText(palette()) : palette().color(QPalette::PlaceholderText));
}

bool ToolCallForm::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_callBar && event->type() == QEvent::Resize) {
        fitCallBar();
    }
    return QWidget::eventFilter(watched, event);
}

void ToolCallForm::fitCallBar()
{
    // Measure while the labels are shown; once compact, keep the width they needed.
    if (!m_callBarCompact) {
        m_callBarFullWidth = m_callBar->layout()->sizeHint().width();
    }
    const bool compact = m_callBar->width() < m_callBarFullWidth;
    if (compact == m_callBarCompact) {
        return;
    }
    m_callBarCompact = compact;
    const Qt::ToolButtonStyle style = compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon;
    m_cancelButton->setToolButtonStyle(style);
    m_copyAsCode->setToolButtonStyle(style);
    m_timeout->setPrefix(compact ? QString() : tr("Timeout "));
}

} // namespace AgentBay::Ui
