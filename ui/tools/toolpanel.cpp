// SPDX-License-Identifier: MIT
#include "toolpanel.h"

#include "callhistorypage.h"
#include "destructivecallguard.h"
#include "fanoutpage.h"
#include "resultview.h"
#include "resultwindow.h"
#include "savedcallspage.h"
#include "toolbrowser.h"
#include "toolcallform.h"
#include "toolcallsession.h"
#include "toolheader.h"
#include "toolsplitlayout.h"

#include <core/api/apiclient.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

using Core::SessionStatus;
using Core::ToolCallRecord;

namespace {

enum OutputTab {
    ResultTab,
    HistoryTab,
};

} // namespace

ToolPanel::ToolPanel(Core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_session(new ToolCallSession(client, this))
    , m_guard(std::make_unique<DestructiveCallGuard>())
{
    m_browser = new ToolBrowser(client, this);
    m_fanOut = new FanOutPage(client, this);
    m_saved = new SavedCallsPage(this);
    buildUi();

    connect(m_browser, &ToolBrowser::toolPicked, this, [this](const Core::McpTool &tool) {
        if (tool.name != currentToolName()) {
            showTool(tool);
        }
    });
    connect(m_browser, &ToolBrowser::toolActivated, this, [this](const Core::McpTool &tool) {
        if (tool.name == currentToolName()) {
            m_form->focusFirstField();
        }
    });
    connect(m_browser, &ToolBrowser::toolsLoaded, this, &ToolPanel::onToolsLoaded);
    connect(m_form, &ToolCallForm::callRequested, this, &ToolPanel::call);
    connect(m_form, &ToolCallForm::cancelRequested, this, &ToolPanel::cancelCall);
    connect(m_form, &ToolCallForm::copyAsPythonRequested, this, [this] {
        copySnippet(true);
    });
    connect(m_form, &ToolCallForm::copyAsCurlRequested, this, [this] {
        copySnippet(false);
    });
    connect(m_history, &CallHistoryPage::loadArgumentsRequested, this, &ToolPanel::loadRecord);
    connect(m_history, &CallHistoryPage::rerunRequested, this, [this](const ToolCallRecord &record) {
        if (loadRecord(record)) {
            call();
        }
    });
    connect(m_history, &CallHistoryPage::clearRequested, this, [this] {
        m_session->clearHistory();
        loadHistory();
    });
    connect(m_session, &ToolCallSession::callStarted, this, &ToolPanel::onCallStarted);
    connect(m_session, &ToolCallSession::callTicked, this, [this](const QString &toolName, qint64 elapsedMs) {
        m_form->setHint(tr("Running %1… %2 s").arg(toolName).arg(double(elapsedMs) / 1000.0, 0, 'f', 1));
    });
    connect(m_session, &ToolCallSession::callFinished, this, &ToolPanel::onCallFinished);
    connect(m_result, &ResultView::popOutRequested, this, &ToolPanel::popOutResult);
    connect(m_fanOut, &FanOutPage::runRequested, this, &ToolPanel::runFanOut);
    m_saved->setCurrentCallSource([this](QString *error) -> std::optional<Core::SavedCall> {
        const auto args = currentArguments(error);
        if (!m_tool || !args) {
            if (!m_tool && error) {
                *error = tr("Pick a tool first.");
            }
            return std::nullopt;
        }
        return Core::SavedCall{m_tool->name, m_tool->name, m_tool->server, *args};
    });
    connect(m_saved, &SavedCallsPage::runRequested, this, &ToolPanel::runSavedCall);
    connect(m_saved, &SavedCallsPage::loadRequested, this, [this](const Core::SavedCall &saved) {
        if (selectTool(saved.toolName)) {
            m_form->loadArguments(saved.arguments);
        }
    });
    m_history->setSecrets(secrets());
    connect(m_history, &CallHistoryPage::sessionHistoryRequested, this, &ToolPanel::loadHistory);
    m_saved->setStore(Core::SavedCallStore::defaultDirectory(), QString(), secrets());
    setSession({}, {}, SessionStatus::Unknown);
}

ToolPanel::~ToolPanel()
{
    // The parts are children and outlive this body: none of them may reach back into a
    // panel that is half gone. The session then cancels its call without reporting it.
    for (QObject *part :
        std::initializer_list<QObject *>{m_session, m_browser, m_form, m_history, m_result, m_fanOut, m_saved}) {
        part->disconnect(this);
    }
    delete m_session;
}

void ToolPanel::buildUi()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_placeholder = new QLabel(tr("Select a session to see and call its MCP tools."), m_stack);
    m_placeholder->setObjectName(u"placeholder"_s);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_placeholder);

    auto *page = new QWidget(m_stack);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(6, 6, 6, 6);
    m_sessionNotice = new QLabel(page);
    m_sessionNotice->setObjectName(u"sessionNotice"_s);
    m_sessionNotice->setWordWrap(true);
    m_sessionNotice->setStyleSheet(
        u"QLabel { background: #fff4ce; color: #5c4400; border: 1px solid #e6c200; border-radius: 4px; padding: 6px; }"_s);
    m_sessionNotice->hide();
    pageLayout->addWidget(m_sessionNotice);

    auto *splitter = new QSplitter(Qt::Horizontal, page);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_browser);
    splitter->addWidget(buildToolPage());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // The list fits the tool names; the form, the call and its result get the rest (and all
    // of what a wider window adds). restoreLayout() brings back what the user chose.
    splitter->setSizes({150, 600});
    splitter->setObjectName(u"toolSplitter"_s);
    const auto listFittingWidth = [this] {
        return m_browser->fittingWidth();
    };
    m_splits = new ToolSplitLayout(splitter, m_outputSplit, listFittingWidth, this);
    pageLayout->addWidget(splitter, 1);
    m_stack->addWidget(page);

    for (const QKeySequence &keys : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ToolPanel::call);
    }
    // Esc cancels, only while a call runs (otherwise Esc stays with the focused widget).
    m_cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    m_cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    m_cancelShortcut->setEnabled(false);
    connect(m_cancelShortcut, &QShortcut::activated, this, &ToolPanel::cancelCall);
}

QWidget *ToolPanel::buildToolPage()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    m_header = new ToolHeader(box);
    layout->addWidget(m_header);

    // Arguments and the call bar above; the last result and the history below.
    auto *split = new QSplitter(Qt::Vertical, box);
    split->setChildrenCollapsible(false);
    m_outputSplit = split;
    m_form = new ToolCallForm(split);
    m_outputTabs = new QTabWidget(split);
    m_outputTabs->setObjectName(u"outputTabs"_s);
    m_result = new ResultView(m_outputTabs);
    m_result->setObjectName(u"resultView"_s);
    m_result->setPopOutEnabled(true);
    m_outputTabs->addTab(m_result, tr("Result"));
    m_history = new CallHistoryPage(m_outputTabs);
    m_outputTabs->addTab(m_history, tr("History"));
    m_outputTabs->addTab(m_saved, tr("Saved"));
    m_outputTabs->addTab(m_fanOut, tr("Many sessions"));

    split->addWidget(m_form);
    split->addWidget(m_outputTabs);
    m_form->setMinimumHeight(ToolSplitLayout::FormMinimumHeight);
    m_outputTabs->setMinimumHeight(ToolSplitLayout::OutputMinimumHeight);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({420, 300}); // the form first; results scroll
    split->setObjectName(u"outputSplitter"_s);
    layout->addWidget(split, 1);
    return box;
}

QByteArray ToolPanel::saveLayout() const
{
    return m_splits->saveState();
}

bool ToolPanel::restoreLayout(const QByteArray &state)
{
    return m_splits->restoreState(state);
}

void ToolPanel::setEndpoint(const QString &endpoint)
{
    m_snippets.setEndpoint(endpoint);
    m_fanOut->setEndpoint(endpoint);
}

void ToolPanel::setHistoryDirectory(const QString &directory)
{
    m_session->setHistoryDirectory(directory);
    loadHistory();
}

QString ToolPanel::sessionId() const
{
    return m_session->sessionId();
}

bool ToolPanel::isCalling() const
{
    return m_session->isCalling();
}

void ToolPanel::setSession(const QString &sessionId, const QString &imageId, SessionStatus status)
{
    if (sessionId == m_session->sessionId() && !sessionId.isEmpty()) {
        m_status = status;
        if (!imageId.isEmpty() && imageId != m_imageId) {
            m_imageId = imageId;
            m_browser->showImage(imageId);
        }
        updateState();
        return;
    }
    saveDraft();
    m_history->setSecrets(secrets()); // the key is surely known once there is a session
    m_saved->setSecrets(secrets());
    m_session->setSessionId(sessionId);
    m_imageId = imageId;
    m_status = status;
    if (sessionId.isEmpty()) {
        m_browser->clear();
        showTool(std::nullopt);
        m_history->clear();
        m_stack->setCurrentWidget(m_placeholder);
        updateState();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_result->showMessage(tr("No call yet."));
    loadHistory();
    m_browser->showImage(imageId);
    updateState();
}

void ToolPanel::onToolsLoaded(int count)
{
    // Keep the tool the user works with, also across a moment without a session (a multi-row
    // selection passes through "no current row").
    const QString previous = currentToolName().isEmpty() ? m_lastToolName : currentToolName();
    if (previous.isEmpty() || !selectTool(previous)) {
        showTool(std::nullopt);
    }
    m_splits->fitToolList();
    Q_EMIT toolsLoaded(count);
    updateState();
}

bool ToolPanel::selectTool(const QString &name)
{
    const auto tool = m_browser->tool(name);
    if (!tool || !m_browser->selectTool(name)) {
        return false;
    }
    if (name != currentToolName()) {
        showTool(tool);
    }
    return true;
}

void ToolPanel::saveDraft()
{
    if (m_tool) {
        m_session->saveDraft(m_tool->name, m_form->draft());
    }
}

void ToolPanel::showTool(const std::optional<Core::McpTool> &tool)
{
    saveDraft();
    m_tool = tool;
    const bool noSession = m_session->sessionId().isEmpty();
    m_header->setTool(tool, noSession);
    if (!tool) {
        m_form->setTool(std::nullopt, std::nullopt);
        m_form->hide(); // nothing to fill in or call yet: the output gets the room
        updateState();
        return;
    }
    m_form->show();
    m_lastToolName = tool->name;
    m_form->setTool(tool, m_session->draft(tool->name));
    updateState();
}

bool ToolPanel::loadRecord(const ToolCallRecord &record)
{
    if (record.toolName != currentToolName() && !selectTool(record.toolName)) {
        m_form->setHint(tr("This session has no tool named %1.").arg(record.toolName), true);
        return false;
    }
    if (!m_tool) {
        return false;
    }
    m_form->loadArguments(record.arguments);
    updateState();
    return true;
}

std::optional<QJsonObject> ToolPanel::currentArguments(QString *error) const
{
    return m_form->arguments(error);
}

QString ToolPanel::sessionBlocker() const
{
    switch (m_status) {
    case SessionStatus::Running:
    case SessionStatus::Unknown:
        return {};
    case SessionStatus::Paused:
        return tr("This session is paused. Resume it to call its tools.");
    case SessionStatus::Pausing:
        return tr("This session is being paused; tools cannot be called now.");
    case SessionStatus::Resuming:
        return tr("This session is resuming; tools can be called once it is running.");
    case SessionStatus::Deleting:
        return tr("This session is being deleted.");
    case SessionStatus::Deleted:
    case SessionStatus::Finish:
        return tr("This session has been deleted.");
    case SessionStatus::Error:
    case SessionStatus::Failed:
        return tr("This session is in an error state (%1); tools cannot be called.")
            .arg(Core::sessionStatusToString(m_status));
    }
    return {};
}

void ToolPanel::updateState()
{
    const QString blocker = sessionBlocker();
    const bool noSession = m_session->sessionId().isEmpty();
    const bool noticeShown = !noSession && !blocker.isEmpty();
    m_sessionNotice->setText(blocker);
    m_sessionNotice->setVisible(noticeShown);
    m_form->setBlocker(noSession ? tr("No session.") : blocker, noticeShown); // said once, in the banner
    m_cancelShortcut->setEnabled(m_session->isCalling());
    m_history->setCallState(m_session->isCalling(), !blocker.isEmpty());
    m_saved->setCanRun(!noSession && blocker.isEmpty() && !m_session->isCalling());
}

void ToolPanel::call()
{
    if (m_session->isCalling() || !m_tool) {
        return;
    }
    if (!sessionBlocker().isEmpty()) {
        return; // the banner above says why, and Call is disabled
    }
    if (const auto args = m_form->argumentsToSend()) {
        if (!m_guard->confirm(*m_tool, tr("session %1").arg(m_session->sessionId()), this)) {
            m_form->setHint(tr("%1 was not run.").arg(m_tool->name));
            return;
        }
        m_session->start(*m_tool, *args, m_form->timeoutMs());
    }
}

void ToolPanel::cancelCall()
{
    m_session->cancel();
}

void ToolPanel::onCallStarted(const QString &toolName)
{
    m_result->showMessage(tr("Calling %1…").arg(toolName));
    m_outputTabs->setCurrentIndex(ResultTab);
    m_form->setCalling(true);
    updateState();
    m_form->setHint(tr("Running %1…").arg(toolName));
}

void ToolPanel::onCallFinished(const ToolCallRecord &record, const ToolCallRecord &stored, const QString &historyError)
{
    m_form->setCalling(false);
    if (record.sessionId == m_session->sessionId()) {
        if (!m_history->isShowingImported()) {
            m_history->addRecord(stored);
        }
        const auto tool = m_browser->tool(record.toolName);
        m_result->setOutputSchema(tool ? tool->outputSchema : QJsonObject());
        m_result->showRecord(record);
        m_outputTabs->setCurrentIndex(ResultTab);
        revealOutput();
    }
    updateState();
    if (!historyError.isEmpty()) {
        m_form->setHint(historyError, true);
    }
    Q_EMIT callFinished(record.toolName, record.outcome == ToolCallRecord::Outcome::Ok);
}

void ToolPanel::loadHistory()
{
    m_history->setRecords(m_session->history(), m_session->maxHistory());
    updateState();
}

QString ToolPanel::pythonSnippet() const
{
    return snippet(CallSnippets::Language::Python);
}

QString ToolPanel::curlSnippet() const
{
    return snippet(CallSnippets::Language::Shell);
}

QString ToolPanel::snippet(CallSnippets::Language language) const
{
    return m_snippets.forSession(language,
        m_session->sessionId(),
        m_tool.value_or(Core::McpTool()),
        currentArguments().value_or(QJsonObject()),
        m_form->timeoutMs());
}

void ToolPanel::copySnippet(bool python)
{
    CallSnippets::copy(python ? pythonSnippet() : curlSnippet());
    m_form->setHint(python ? tr("Python snippet copied (the API key is read from AGENTBAY_API_KEY).")
                           : tr("curl command copied (the API key is read from $AGENTBAY_API_KEY)."));
}

void ToolPanel::revealOutput(bool wide)
{
    m_splits->revealOutput(wide, height() - 120); // not laid out yet: the panel's height
}

QStringList ToolPanel::secrets() const
{
    return {m_client->config().apiKey};
}

void ToolPanel::setSelectedSessions(const QStringList &sessionIds)
{
    m_fanOut->setSelectedSessions(sessionIds);
}

void ToolPanel::setLabelSelector(const QString &selector)
{
    m_fanOut->setLabelSelector(selector);
}

bool ToolPanel::runFanOut()
{
    if (!m_tool) {
        m_form->setHint(tr("Pick a tool to run on many sessions."), true);
        return false;
    }
    const auto args = m_form->argumentsToSend();
    if (!args || !m_guard->confirm(*m_tool, tr("every chosen session"), this)) {
        return false;
    }
    m_outputTabs->setCurrentWidget(m_fanOut);
    revealOutput(true);
    return m_fanOut->run(*m_tool, *args, m_form->timeoutMs());
}

void ToolPanel::setSavedCallsLocation(const QString &directory, const QString &profile)
{
    m_saved->setStore(directory, profile, secrets());
}

bool ToolPanel::saveCurrentCall(const QString &collection, const QString &name)
{
    return m_saved->saveCurrentCall(collection, name);
}

bool ToolPanel::runSavedCall(const Core::SavedCall &saved)
{
    if (!selectTool(saved.toolName)) {
        m_form->setHint(tr("This session has no tool named %1.").arg(saved.toolName), true);
        return false;
    }
    m_form->loadArguments(saved.arguments);
    call();
    return m_session->isCalling();
}

bool ToolPanel::exportHistory(const QString &path, bool selectedOnly, QString *error)
{
    return m_history->exportTo(path, selectedOnly, error);
}

bool ToolPanel::importHistory(const QString &path, QString *error)
{
    if (!m_history->importFrom(path, error)) {
        return false;
    }
    m_outputTabs->setCurrentIndex(HistoryTab);
    return true;
}

ResultWindow *ToolPanel::popOutResult()
{
    if (m_result->record().toolName.isEmpty()) {
        return nullptr;
    }
    const auto tool = m_browser->tool(m_result->record().toolName);
    return ResultWindow::open(m_result->record(), tool ? tool->outputSchema : QJsonObject(), this);
}

} // namespace AgentBay::Ui
