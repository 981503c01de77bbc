// SPDX-License-Identifier: MIT
#include "toolpanel.h"

#include "callhistorymodel.h"
#include "fieldeditor.h"
#include "resultview.h"
#include "schemaformwidget.h"
#include "toollistmodel.h"

#include <core/apiclient.h>
#include <core/jsonschemaform.h>
#include <core/toolcallsnippet.h>
#include <ui/common/jsonhighlighter.h>

#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcToolPanel, "agentbay.ui.toolpanel")

namespace AgentBay::Ui {

using Core::JsonSchemaForm;
using Core::SessionStatus;
using Core::ToolCallRecord;

namespace {

enum ArgumentsTab {
    FormTab,
    JsonTab,
    SchemaTab,
};

enum OutputTab {
    ResultTab,
    HistoryTab,
};

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

ToolPanel::ToolPanel(Core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    m_tick.setInterval(100);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        m_callHint->setText(
            tr("Running %1… %2 s").arg(m_pending.toolName).arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 1));
    });
    buildUi();
    setSession({}, {}, SessionStatus::Unknown);
}

ToolPanel::~ToolPanel()
{
    m_toolsCall.cancel();
    m_call.cancel();
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
    splitter->addWidget(buildToolList());
    splitter->addWidget(buildToolPage());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    // The list fits the tool names; the form, the call and its result get the rest (and all
    // of what a wider window adds). restoreLayout() brings back what the user chose.
    splitter->setSizes({150, 600});
    splitter->setObjectName(u"toolSplitter"_s);
    m_toolSplit = splitter;
    connect(splitter, &QSplitter::splitterMoved, this, [this] {
        m_toolSplitMoved = true;
    });
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

QWidget *ToolPanel::buildToolList()
{
    auto *box = new QWidget(this);
    box->setMinimumWidth(140);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(box);
    m_search->setObjectName(u"toolSearch"_s);
    m_search->setPlaceholderText(tr("Search tools"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_toolModel = new ToolListModel(this);
    m_toolProxy = new QSortFilterProxyModel(this);
    m_toolProxy->setSourceModel(m_toolModel);
    m_toolProxy->setRecursiveFilteringEnabled(true);
    m_toolProxy->setFilterRole(ToolListModel::SearchTextRole);
    m_toolProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_toolProxy->setFilterFixedString(text.trimmed());
        m_toolTree->expandAll();
    });

    m_toolTree = new QTreeView(box);
    m_toolTree->setObjectName(u"toolTree"_s);
    m_toolTree->setModel(m_toolProxy);
    m_toolTree->setHeaderHidden(true);
    m_toolTree->setUniformRowHeights(true);
    m_toolTree->setIndentation(12); // server names stay readable in a narrow list
    m_toolTree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(
        m_toolTree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
            const QString name = current.data(ToolListModel::ToolNameRole).toString();
            if (!name.isEmpty() && name != currentToolName()) {
                showTool(m_toolModel->tool(name));
            }
        });
    layout->addWidget(m_toolTree, 1);

    auto *statusRow = new QHBoxLayout;
    m_toolsStatus = new QLabel(box);
    m_toolsStatus->setObjectName(u"toolsStatus"_s);
    m_toolsStatus->setWordWrap(true);
    statusRow->addWidget(m_toolsStatus, 1);
    m_retryTools = new QPushButton(tr("Retry"), box);
    m_retryTools->setObjectName(u"retryTools"_s);
    m_retryTools->hide();
    connect(m_retryTools, &QPushButton::clicked, this, [this] {
        m_toolCache.remove(m_imageId);
        loadTools();
    });
    statusRow->addWidget(m_retryTools);
    layout->addLayout(statusRow);
    return box;
}

QWidget *ToolPanel::buildToolPage()
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *titleRow = new QHBoxLayout;
    m_toolName = new QLabel(box);
    m_toolName->setObjectName(u"toolName"_s);
    m_toolName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_toolName->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_toolName->setFont(titleFont);
    titleRow->addWidget(m_toolName);
    m_toolServer = new QLabel(box);
    m_toolServer->setObjectName(u"toolServer"_s);
    setLabelColor(m_toolServer, palette().color(QPalette::PlaceholderText));
    titleRow->addWidget(m_toolServer, 1, Qt::AlignBottom);
    layout->addLayout(titleRow);
    m_toolDescription = new QLabel(box);
    m_toolDescription->setObjectName(u"toolDescription"_s);
    m_toolDescription->setWordWrap(true);
    m_toolDescription->setTextFormat(Qt::PlainText);
    m_toolDescription->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_toolDescription);

    auto *split = new QSplitter(Qt::Vertical, box);
    split->setChildrenCollapsible(false);
    m_outputSplit = split;

    // Arguments: form, raw JSON, schema; then the call bar.
    auto *top = new QWidget(split);
    m_argumentsBox = top;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_argumentsTabs = new QTabWidget(top);
    m_argumentsTabs->setObjectName(u"argumentsTabs"_s);
    m_form = new SchemaFormWidget(m_argumentsTabs);
    m_form->setObjectName(u"form"_s);
    connect(m_form, &SchemaFormWidget::edited, this, &ToolPanel::updateState);
    m_argumentsTabs->addTab(m_form, tr("Form"));

    auto *jsonPage = new QWidget(m_argumentsTabs);
    auto *jsonLayout = new QVBoxLayout(jsonPage);
    jsonLayout->setContentsMargins(4, 4, 4, 4);
    m_jsonEditor = new QPlainTextEdit(jsonPage);
    m_jsonEditor->setObjectName(u"jsonEditor"_s);
    m_jsonEditor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jsonEditor->setTabChangesFocus(true);
    m_jsonEditor->setPlaceholderText(tr("{\"name\": \"value\"}"));
    new JsonHighlighter(m_jsonEditor->document());
    connect(m_jsonEditor, &QPlainTextEdit::textChanged, this, &ToolPanel::updateState);
    jsonLayout->addWidget(m_jsonEditor, 1);
    m_jsonStatus = new QLabel(jsonPage);
    m_jsonStatus->setObjectName(u"jsonStatus"_s);
    m_jsonStatus->setWordWrap(true);
    m_jsonStatus->setTextFormat(Qt::PlainText);
    jsonLayout->addWidget(m_jsonStatus);
    m_argumentsTabs->addTab(jsonPage, tr("JSON"));

    m_schemaView = new QPlainTextEdit(m_argumentsTabs);
    m_schemaView->setObjectName(u"schemaView"_s);
    m_schemaView->setReadOnly(true);
    m_schemaView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    new JsonHighlighter(m_schemaView->document());
    m_argumentsTabs->addTab(m_schemaView, tr("Schema"));
    connect(m_argumentsTabs, &QTabWidget::currentChanged, this, &ToolPanel::onArgumentsTabChanged);
    topLayout->addWidget(m_argumentsTabs, 1);

    // The call bar: the primary action first, options to the right. Its buttons drop their
    // text (keeping icon and tooltip) when the pane is narrow, see fitCallBar().
    m_callBar = new QWidget(top);
    m_callBar->setObjectName(u"callBar"_s);
    m_callBar->installEventFilter(this);
    auto *callBar = new QHBoxLayout(m_callBar);
    callBar->setContentsMargins(0, 0, 0, 0);
    m_callButton = new QPushButton(QIcon(u":/icons/run.svg"_s), tr("Call"), m_callBar);
    m_callButton->setObjectName(u"callButton"_s);
    m_callButton->setDefault(true);
    m_callButton->setToolTip(tr("Call the tool (Ctrl+Enter)"));
    connect(m_callButton, &QPushButton::clicked, this, &ToolPanel::call);
    callBar->addWidget(m_callButton);
    m_cancelButton = new QToolButton(m_callBar);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setIcon(QIcon(u":/icons/stop.svg"_s));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(tr("Stop waiting for the running call (Esc)"));
    m_cancelButton->setEnabled(false);
    connect(m_cancelButton, &QToolButton::clicked, this, &ToolPanel::cancelCall);
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
    m_copyAsCode = new QToolButton(m_callBar);
    m_copyAsCode->setObjectName(u"copyAsCode"_s);
    m_copyAsCode->setIcon(QIcon(u":/icons/code.svg"_s));
    m_copyAsCode->setText(tr("Copy as code"));
    m_copyAsCode->setToolTip(tr("Copy this call as a Python SDK snippet or a curl command"));
    m_copyAsCode->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_copyAsCode);
    menu->addAction(tr("Python (AgentBay SDK)"), this, [this] {
        copySnippet(true);
    });
    menu->addAction(tr("curl"), this, [this] {
        copySnippet(false);
    });
    m_copyAsCode->setMenu(menu);
    callBar->addWidget(m_copyAsCode);
    for (QToolButton *button : {m_cancelButton, m_copyAsCode}) {
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setSizePolicy(QSizePolicy::Fixed, m_callButton->sizePolicy().verticalPolicy());
    }
    topLayout->addWidget(m_callBar);
    // Hints and refusals get their own line so they are never cut off.
    m_callHint = new QLabel(top);
    m_callHint->setObjectName(u"callHint"_s);
    m_callHint->setTextFormat(Qt::PlainText);
    m_callHint->setWordWrap(true);
    m_callHint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_callHint->setMinimumHeight(m_callHint->fontMetrics().height()); // no jump when a hint appears
    topLayout->addWidget(m_callHint);

    // Output: the last result and the history.
    m_outputTabs = new QTabWidget(split);
    m_outputTabs->setObjectName(u"outputTabs"_s);
    m_result = new ResultView(m_outputTabs);
    m_result->setObjectName(u"resultView"_s);
    m_outputTabs->addTab(m_result, tr("Result"));
    m_outputTabs->addTab(buildHistoryPage(), tr("History"));

    split->addWidget(top);
    split->addWidget(m_outputTabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setSizes({420, 300}); // the form first; results scroll
    layout->addWidget(split, 1);
    return box;
}

QWidget *ToolPanel::buildHistoryPage()
{
    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *split = new QSplitter(Qt::Vertical, page);
    m_historyModel = new CallHistoryModel(this);
    m_historyView = new QTableView(split);
    m_historyView->setObjectName(u"historyView"_s);
    m_historyView->setModel(m_historyModel);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_historyView->verticalHeader()->hide();
    // Compact rows; the arguments (what tells calls apart) get the remaining width.
    m_historyView->verticalHeader()->setDefaultSectionSize(m_historyView->fontMetrics().height() + 8);
    m_historyView->setWordWrap(false);
    m_historyView->setShowGrid(false);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const int column : {int(CallHistoryModel::TimeColumn),
             int(CallHistoryModel::ToolColumn),
             int(CallHistoryModel::OutcomeColumn),
             int(CallHistoryModel::DurationColumn)}) {
        m_historyView->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    }
    m_historyView->setAlternatingRowColors(true);
    connect(m_historyView->selectionModel(),
        &QItemSelectionModel::selectionChanged,
        this,
        &ToolPanel::showHistorySelection);
    connect(m_historyView, &QTableView::doubleClicked, this, [this] {
        if (const ToolCallRecord *record = selectedHistoryRecord()) {
            loadArguments(record->arguments);
        }
    });
    m_historyResult = new ResultView(split);
    m_historyResult->setObjectName(u"historyResult"_s);
    m_historyResult->showMessage(tr("Select a call to see its result."));
    split->addWidget(m_historyView);
    split->addWidget(m_historyResult);
    split->setChildrenCollapsible(false);
    // The list keeps a few rows in view (it scrolls); the selected call's details, which need
    // the room, take whatever height is left, also when the window grows.
    const int rowHeight = m_historyView->verticalHeader()->defaultSectionSize();
    const int chrome = m_historyView->horizontalHeader()->sizeHint().height() + 2 * m_historyView->frameWidth();
    m_historyView->setMinimumHeight(chrome + 3 * rowHeight);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({chrome + 4 * rowHeight, 1000});
    layout->addWidget(split, 1);

    auto *buttons = new QHBoxLayout;
    m_rerun = new QPushButton(tr("Re-run"), page);
    m_rerun->setObjectName(u"rerunButton"_s);
    m_rerun->setToolTip(tr("Call the same tool again with the same arguments"));
    connect(m_rerun, &QPushButton::clicked, this, [this] {
        if (const ToolCallRecord *record = selectedHistoryRecord(); record && loadArguments(record->arguments)) {
            call();
        }
    });
    buttons->addWidget(m_rerun);
    m_loadArguments = new QPushButton(tr("Load arguments"), page);
    m_loadArguments->setObjectName(u"loadArgumentsButton"_s);
    m_loadArguments->setToolTip(tr("Put this call's tool and arguments back into the form"));
    connect(m_loadArguments, &QPushButton::clicked, this, [this] {
        if (const ToolCallRecord *record = selectedHistoryRecord()) {
            loadArguments(record->arguments);
        }
    });
    buttons->addWidget(m_loadArguments);
    buttons->addStretch(1);
    m_clearHistory = new QPushButton(tr("Clear history"), page);
    m_clearHistory->setObjectName(u"clearHistoryButton"_s);
    connect(m_clearHistory, &QPushButton::clicked, this, [this] {
        m_history.clear(m_sessionId);
        loadHistory();
    });
    buttons->addWidget(m_clearHistory);
    layout->addLayout(buttons);
    return page;
}

QByteArray ToolPanel::saveLayout() const
{
    // A split the user never moved (maybe never even laid out) keeps what was restored.
    return m_toolSplitMoved ? m_toolSplit->saveState() : m_restoredLayout;
}

bool ToolPanel::restoreLayout(const QByteArray &state)
{
    if (!m_toolSplit->restoreState(state)) {
        return false;
    }
    m_restoredLayout = state;
    return true;
}

void ToolPanel::setEndpoint(const QString &endpoint)
{
    m_endpoint = endpoint;
}

void ToolPanel::setHistoryDirectory(const QString &directory)
{
    m_history = Core::ToolCallHistory(directory);
    loadHistory();
}

void ToolPanel::setSession(const QString &sessionId, const QString &imageId, SessionStatus status)
{
    if (sessionId == m_sessionId && !sessionId.isEmpty()) {
        m_status = status;
        if (!imageId.isEmpty() && imageId != m_imageId) {
            m_imageId = imageId;
            loadTools();
        }
        updateState();
        return;
    }
    saveDraft();
    m_sessionId = sessionId;
    m_imageId = imageId;
    m_status = status;
    if (sessionId.isEmpty()) {
        m_toolsCall.cancel();
        m_toolModel->setTools({});
        showTool(std::nullopt);
        m_historyModel->setRecords({});
        m_stack->setCurrentWidget(m_placeholder);
        updateState();
        return;
    }
    m_stack->setCurrentIndex(1);
    m_result->showMessage(tr("No call yet."));
    loadHistory();
    loadTools();
    updateState();
}

void ToolPanel::loadTools()
{
    m_toolsCall.cancel();
    const QString image = m_imageId;
    if (const auto cached = m_toolCache.constFind(image); cached != m_toolCache.constEnd()) {
        showTools(*cached);
        return;
    }
    m_toolsLoading = true;
    m_toolsError.clear();
    m_toolsStatus->setText(tr("Loading tools…"));
    m_retryTools->hide();
    const quint64 generation = ++m_toolsGeneration;
    m_toolsCall = m_client->listMcpTools(
        image, this, [this, image, generation](const Core::Result<QList<Core::McpTool>> &result) {
            if (generation != m_toolsGeneration) {
                return; // a newer request replaced this one
            }
            m_toolsLoading = false;
            if (!result.ok()) {
                if (result.error().kind == Core::ApiError::Kind::Cancelled) {
                    return;
                }
                m_toolsError = result.error().message;
                m_toolsStatus->setText(tr("Could not load the tools: %1").arg(result.error().message));
                m_retryTools->show();
                updateState();
                return;
            }
            m_toolCache.insert(image, result.value());
            showTools(result.value());
        });
}

void ToolPanel::showTools(const QList<Core::McpTool> &tools)
{
    // Keep the tool the user works with, also across a moment without a session (a multi-row
    // selection passes through "no current row").
    const QString previous = currentToolName().isEmpty() ? m_lastToolName : currentToolName();
    m_toolModel->setTools(tools);
    m_toolTree->expandAll();
    const QString image = m_imageId.isEmpty() ? u"linux_latest"_s : m_imageId;
    m_toolsStatus->setText(tools.isEmpty() ? tr("This image (%1) has no tools.").arg(image)
            : tools.size() == 1            ? tr("1 tool · %1").arg(image)
                                           : tr("%1 tools · %2").arg(tools.size()).arg(image));
    m_retryTools->hide();
    if (previous.isEmpty() || !selectTool(previous)) {
        showTool(std::nullopt);
    }
    Q_EMIT toolsLoaded(int(tools.size()));
    updateState();
}

bool ToolPanel::selectTool(const QString &name)
{
    const auto tool = m_toolModel->tool(name);
    if (!tool) {
        return false;
    }
    const QModelIndex index = m_toolProxy->mapFromSource(m_toolModel->indexOfTool(name));
    if (index.isValid()) {
        QSignalBlocker blocker(m_toolTree->selectionModel());
        m_toolTree->setCurrentIndex(index);
        m_toolTree->scrollTo(index);
    }
    if (name != currentToolName()) {
        showTool(tool);
    }
    return true;
}

void ToolPanel::saveDraft()
{
    if (!m_tool || m_sessionId.isEmpty()) {
        return;
    }
    Draft draft;
    draft.json = m_jsonMode;
    draft.jsonText = m_jsonEditor->toPlainText();
    draft.formValue = m_form->value();
    m_drafts.insert(m_sessionId + u'\n' + m_tool->name, draft);
}

void ToolPanel::showTool(const std::optional<Core::McpTool> &tool)
{
    saveDraft();
    m_tool = tool;
    if (!tool) {
        m_toolName->setText(m_sessionId.isEmpty() ? QString() : tr("Pick a tool"));
        m_toolServer->clear();
        m_toolDescription->setText(m_sessionId.isEmpty() ? QString()
                                                         : tr("Choose one of the session's tools on the left to see "
                                                              "its arguments and call it."));
        m_form->setSchema({});
        m_argumentsTabs->setEnabled(false);
        m_argumentsBox->hide(); // nothing to fill in or call yet: the output gets the room
        m_schemaView->clear();
        {
            QSignalBlocker blocker(m_jsonEditor);
            m_jsonEditor->clear();
        }
        updateState();
        return;
    }
    m_argumentsTabs->setEnabled(true);
    m_argumentsBox->show();
    m_lastToolName = tool->name;
    m_toolName->setText(tool->name);
    m_toolServer->setText(tool->server);
    m_toolDescription->setText(tool->description.isEmpty() ? tr("(no description)") : tool->description);
    m_schemaView->setPlainText(indented(tool->inputSchema));
    m_form->setSchema(tool->inputSchema);

    const auto draft = m_drafts.constFind(m_sessionId + u'\n' + tool->name);
    if (draft != m_drafts.constEnd()) {
        m_form->setValue(draft->formValue);
        m_jsonMode = draft->json || !m_form->isSupported();
        QSignalBlocker blocker(m_jsonEditor);
        m_jsonEditor->setPlainText(draft->json ? draft->jsonText : indented(m_form->value()));
    } else {
        m_jsonMode = !m_form->isSupported();
        setJsonText(m_form->value());
    }
    {
        QSignalBlocker blocker(m_argumentsTabs);
        m_argumentsTabs->setCurrentIndex(m_jsonMode ? JsonTab : FormTab);
        m_argumentsTab = m_argumentsTabs->currentIndex();
    }
    updateState();
}

void ToolPanel::setJsonText(const QJsonObject &args)
{
    QSignalBlocker blocker(m_jsonEditor);
    m_jsonEditor->setPlainText(indented(args));
}

void ToolPanel::onArgumentsTabChanged(int index)
{
    const int previous = m_argumentsTab;
    m_argumentsTab = index;
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
            setLabelColor(m_jsonStatus, QColor(0xc6, 0x28, 0x28));
            QSignalBlocker blocker(m_argumentsTabs);
            m_argumentsTabs->setCurrentIndex(JsonTab);
            m_argumentsTab = JsonTab;
            return;
        }
        m_jsonMode = false;
    }
    Q_UNUSED(previous)
    updateState();
}

bool ToolPanel::loadArguments(const QJsonObject &args)
{
    const ToolCallRecord *record = selectedHistoryRecord();
    if (record && record->toolName != currentToolName() && !selectTool(record->toolName)) {
        setCallHint(tr("This session has no tool named %1.").arg(record->toolName), true);
        return false;
    }
    if (!m_tool) {
        return false;
    }
    if (m_form->isSupported() && m_form->setValue(args)) {
        m_jsonMode = false;
        setJsonText(args);
    } else {
        m_jsonMode = true;
        setJsonText(args);
    }
    {
        QSignalBlocker blocker(m_argumentsTabs);
        m_argumentsTabs->setCurrentIndex(m_jsonMode ? JsonTab : FormTab);
        m_argumentsTab = m_argumentsTabs->currentIndex();
    }
    updateState();
    return true;
}

std::optional<QJsonObject> ToolPanel::currentArguments(QString *error) const
{
    if (m_jsonMode) {
        return JsonSchemaForm::parseArguments(m_jsonEditor->toPlainText(), error);
    }
    return m_form->value();
}

QList<Core::ValidationProblem> ToolPanel::currentProblems() const
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
    m_sessionNotice->setText(blocker);
    m_sessionNotice->setVisible(!m_sessionId.isEmpty() && !blocker.isEmpty());

    const QList<Core::ValidationProblem> problems = currentProblems();
    if (m_jsonMode && m_tool) {
        if (problems.isEmpty()) {
            m_jsonStatus->setText(m_form->isSupported()
                    ? tr("Valid arguments.")
                    : tr("Valid JSON. Only part of this schema can be checked: %1").arg(m_form->form().fallbackReason));
            setLabelColor(m_jsonStatus, QColor(0x2e, 0x7d, 0x32));
        } else {
            m_jsonStatus->setText(problemList(problems));
            setLabelColor(m_jsonStatus, QColor(0xc6, 0x28, 0x28));
        }
    }

    QString reason;
    if (m_calling) {
        reason.clear();
    } else if (m_sessionId.isEmpty()) {
        reason = tr("No session.");
    } else if (!blocker.isEmpty()) {
        reason = blocker;
    } else if (!m_tool) {
        reason = tr("Pick a tool first.");
    } else if (!problems.isEmpty()) {
        reason = problems.size() == 1 ? tr("Fix the arguments first: %1").arg(problemList(problems))
                                      : tr("Fix the %1 problems in the arguments first.").arg(problems.size());
    }
    m_callButton->setEnabled(!m_calling && reason.isEmpty());
    m_callButton->setToolTip(reason.isEmpty() ? tr("Call the tool (Ctrl+Enter)") : reason);
    m_cancelButton->setEnabled(m_calling);
    if (m_cancelShortcut) {
        m_cancelShortcut->setEnabled(m_calling);
    }
    m_copyAsCode->setEnabled(m_tool.has_value());
    if (!m_calling) {
        if (m_tool && reason.isEmpty()) {
            setCallHint(tr("Ctrl+Enter to call"));
        } else {
            setCallHint(m_tool && !m_form->problemsRevealed() && !m_jsonMode ? QString() : reason, true);
        }
    }
    const bool hasSelection = selectedHistoryRecord() != nullptr;
    m_rerun->setEnabled(hasSelection && !m_calling && blocker.isEmpty());
    m_loadArguments->setEnabled(hasSelection);
    m_clearHistory->setEnabled(m_historyModel->rowCount() > 0 && !m_calling);
}

void ToolPanel::call()
{
    if (m_calling || !m_tool) {
        return;
    }
    const QString blocker = sessionBlocker();
    if (!blocker.isEmpty()) {
        setCallHint(blocker, true);
        return;
    }
    QString error;
    const auto args = currentArguments(&error);
    const QList<Core::ValidationProblem> problems = currentProblems();
    if (!args || !problems.isEmpty()) {
        // Refused before anything is sent: show every problem where it is.
        m_form->revealProblems();
        updateState();
        setCallHint(tr("Not sent: %1").arg(problemList(problems)), true);
        return;
    }
    m_calling = true;
    m_pending = {};
    m_pending.sessionId = m_sessionId;
    m_pending.toolName = m_tool->name;
    m_pending.server = m_tool->server;
    m_pending.arguments = *args;
    m_pending.startedAt = QDateTime::currentDateTimeUtc();
    m_elapsed.start();
    m_tick.start();

    Core::CallToolOptions options;
    options.server = m_tool->server;
    options.readTimeoutMs = m_timeout->value() * 1000;
    qCDebug(lcToolPanel) << "calling" << m_pending.toolName << "in" << m_pending.sessionId;
    m_result->showMessage(tr("Calling %1…").arg(m_pending.toolName));
    m_outputTabs->setCurrentIndex(ResultTab);
    const bool callHadFocus = m_callButton->hasFocus();
    updateState();
    if (callHadFocus) {
        m_cancelButton->setFocus(Qt::OtherFocusReason); // Space cancels; Call is disabled meanwhile
    }
    setCallHint(tr("Running %1…").arg(m_pending.toolName));
    m_call = m_client->callMcpTool(
        m_sessionId, m_tool->name, *args, options, this, [this](const Core::Result<Core::McpToolResult> &result) {
            finishCall(result);
        });
}

void ToolPanel::cancelCall()
{
    if (m_calling) {
        m_call.cancel();
    }
}

void ToolPanel::finishCall(const Core::Result<Core::McpToolResult> &result)
{
    m_tick.stop();
    ToolCallRecord record = m_pending;
    record.durationMs = m_elapsed.elapsed();
    record.requestId = result.requestId();
    if (result.ok()) {
        record.outcome = result.value().isError ? ToolCallRecord::Outcome::ToolError : ToolCallRecord::Outcome::Ok;
        record.result = result.value().raw;
    } else {
        const Core::ApiError &error = result.error();
        record.outcome = error.kind == Core::ApiError::Kind::Cancelled ? ToolCallRecord::Outcome::Cancelled
                                                                       : ToolCallRecord::Outcome::Failed;
        record.errorMessage = error.message;
        record.errorCode = error.code;
    }
    m_history.setSecrets({m_client->config().apiKey});
    QString historyError;
    const ToolCallRecord stored = m_history.append(record, &historyError);
    if (!historyError.isEmpty()) {
        qCWarning(lcToolPanel) << "history not saved:" << historyError;
    }
    const bool cancelHadFocus = m_cancelButton->hasFocus();
    m_calling = false;
    m_call = {};
    if (record.sessionId == m_sessionId) {
        m_historyModel->addRecord(stored);
        if (!selectedHistoryRecord()) {
            m_historyResult->showMessage(tr("Select a call to see its result.")); // not "No calls yet" any more
        }
        m_result->showRecord(record);
        m_outputTabs->setCurrentIndex(ResultTab);
        revealOutput();
    }
    updateState();
    if (cancelHadFocus) {
        m_callButton->setFocus(Qt::OtherFocusReason); // not whatever follows the now disabled Cancel
    }
    if (!historyError.isEmpty()) {
        setCallHint(historyError, true);
    }
    Q_EMIT callFinished(record.toolName, record.outcome == ToolCallRecord::Outcome::Ok);
}

void ToolPanel::loadHistory()
{
    if (m_sessionId.isEmpty()) {
        m_historyModel->setRecords({});
    } else {
        m_historyModel->setMaxRows(m_history.maxCalls());
        m_historyModel->setRecords(m_history.load(m_sessionId));
    }
    m_historyResult->showMessage(
        m_historyModel->rowCount() > 0 ? tr("Select a call to see its result.") : tr("No calls in this session yet."));
    updateState();
}

const ToolCallRecord *ToolPanel::selectedHistoryRecord() const
{
    if (!m_historyView || !m_historyView->selectionModel()) {
        return nullptr;
    }
    const QModelIndexList rows = m_historyView->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_historyModel->rowCount()) {
        return nullptr;
    }
    return &m_historyModel->record(rows.first().row());
}

void ToolPanel::showHistorySelection()
{
    if (const ToolCallRecord *record = selectedHistoryRecord()) {
        m_historyResult->showRecord(*record);
    }
    updateState();
}

QString ToolPanel::pythonSnippet() const
{
    Core::ToolCallSnippetInput input;
    input.endpoint = m_endpoint;
    input.sessionId = m_sessionId;
    input.toolName = currentToolName();
    input.server = m_tool ? m_tool->server : QString();
    input.arguments = currentArguments().value_or(QJsonObject());
    input.readTimeoutMs = m_timeout->value() * 1000;
    return Core::ToolCallSnippet::python(input);
}

QString ToolPanel::curlSnippet() const
{
    Core::ToolCallSnippetInput input;
    input.endpoint = m_endpoint;
    input.sessionId = m_sessionId;
    input.toolName = currentToolName();
    input.server = m_tool ? m_tool->server : QString();
    input.arguments = currentArguments().value_or(QJsonObject());
    input.readTimeoutMs = m_timeout->value() * 1000;
    return Core::ToolCallSnippet::curl(input);
}

void ToolPanel::copySnippet(bool python)
{
    QGuiApplication::clipboard()->setText(python ? pythonSnippet() : curlSnippet());
    setCallHint(python ? tr("Python snippet copied (the API key is read from AGENTBAY_API_KEY).")
                       : tr("curl command copied (the API key is read from $AGENTBAY_API_KEY)."));
}

void ToolPanel::revealOutput()
{
    // The form gets the room until the first result arrives; then the result does (once, so a
    // splitter the user moved stays where they put it). The form scrolls.
    if (m_outputRevealed) {
        return;
    }
    m_outputRevealed = true;
    const QList<int> sizes = m_outputSplit->sizes();
    const int total = sizes.value(0) + sizes.value(1);
    if (sizes.value(1) < total * 55 / 100) {
        m_outputSplit->setSizes({total * 40 / 100, total - total * 40 / 100});
    }
}

void ToolPanel::setCallHint(const QString &text, bool problem)
{
    m_callHint->setText(text);
    setLabelColor(m_callHint, problem ? QColor(0xc6, 0x28, 0x28) : palette().color(QPalette::PlaceholderText));
}

bool ToolPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_callBar && event->type() == QEvent::Resize) {
        fitCallBar();
    }
    return QWidget::eventFilter(watched, event);
}

void ToolPanel::fitCallBar()
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
