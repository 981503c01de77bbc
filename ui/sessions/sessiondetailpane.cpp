// SPDX-License-Identifier: MIT
#include "sessiondetailpane.h"

#include "labeleditor.h"
#include "sessiondetailemptypage.h"
#include "sessionitemdelegate.h"
#include "sessionlabelspage.h"
#include "sessionlinkspage.h"
#include "sessionlistmodel.h"

#include <ui/common/inlineerror.h>
#include <ui/files/filespane.h>
#include <ui/lifecycle/sessionlifecyclepanel.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/terminal/terminalpanel.h>
#include <ui/tools/toolpanel.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QTextOption>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    label->setMinimumWidth(0);
    return label;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? SessionDetailPane::tr("—") : text;
}

// A page that needs more room than a narrow pane has (the Tools and Files pages want about 650 px,
// the pane has 500 at 1024x768) scrolls instead of being cut; as wide as the pane otherwise.
QScrollArea *scrollable(QWidget *page)
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // no stop of its own between the tab bar and the page
    scroll->setWidget(page);
    return scroll;
}

QPixmap badgePixmap(Core::SessionStatus status, const QString &text, const QFont &baseFont, qreal dpr)
{
    QFont font = baseFont;
    font.setWeight(QFont::DemiBold);
    const QFontMetrics metrics(font);
    const QSize size(metrics.horizontalAdvance(text) + 40, metrics.height() + 8);
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    const int used = SessionItemDelegate::paintBadge(
        &painter, QRect(QPoint(0, 0), size), text, SessionItemDelegate::statusColor(status), font, false);
    painter.end();
    return pixmap.copy(0, 0, int((used + 1) * dpr), int(size.height() * dpr));
}

} // namespace

SessionDetailPane::SessionDetailPane(SessionController *controller, Core::ApiClient *toolsClient, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_toolsClient(toolsClient)
    , m_stack(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_title(new QLabel(this))
    , m_statusBadge(new QLabel(this))
{
    QFont titleFont = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    titleFont.setPointSizeF(font().pointSizeF() * 1.1);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(0);
    auto *copyId = makeCopyButton([this] {
        return m_sessionId;
    });
    copyId->setToolTip(tr("Copy session id"));
    copyId->setAccessibleName(tr("Copy session id"));
    // Not a Tab stop between the table and the tabs: the keyboard has Copy Session ID (Session menu).
    copyId->setFocusPolicy(Qt::NoFocus);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 4, 4, 4);
    header->addWidget(m_title, 1);
    header->addWidget(copyId);
    header->addWidget(m_statusBadge);

    m_tabs->setDocumentMode(true);
    m_tabs->addTab(buildOverview(), QIcon(u":/icons/info.svg"_s), tr("Overview"));
    m_tabs->addTab(buildLabels(), QIcon(u":/icons/labels.svg"_s), tr("Labels"));
    m_tabs->addTab(buildLinks(), QIcon(u":/icons/link.svg"_s), tr("Links"));
    m_tabs->addTab(scrollable(buildTools()), QIcon(u":/icons/tools.svg"_s), tr("Tools"));
    m_terminalPanel = new TerminalPanel(m_toolsClient);
    m_tabs->addTab(m_terminalPanel, QIcon(u":/icons/code.svg"_s), tr("Terminal"));
    m_filesPane = new FilesPane;
    m_tabs->addTab(scrollable(m_filesPane), style()->standardIcon(QStyle::SP_DirIcon), tr("Files"));

    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabIcons.append(m_tabs->tabIcon(i));
    }
    m_tabs->setUsesScrollButtons(true); // the last resort (a large font, a long translation)
    m_tabs->tabBar()->setElideMode(Qt::ElideNone);

    // Alt+1 … Alt+6 pick a tab and put the focus on the tab bar (Tab then enters the page).
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] {
            m_tabs->setCurrentIndex(i);
            m_tabs->tabBar()->setFocus(Qt::ShortcutFocusReason);
        });
        m_tabs->setTabToolTip(i, tr("%1 (Alt+%2)").arg(m_tabs->tabText(i)).arg(i + 1));
    }

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(2);
    detailsLayout->addLayout(header);
    detailsLayout->addWidget(m_tabs, 1);

    m_emptyPage = new SessionDetailEmptyPage(this);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    SessionStore *store = m_controller->store();
    connect(store, &SessionStore::rowChanged, this, [this, store](int row) {
        if (row == store->rowOf(m_sessionId)) {
            updateFromModel();
        }
    });
    connect(store, &SessionStore::sessionsRemoved, this, [this](const QStringList &ids) {
        if (ids.contains(m_sessionId)) {
            setSession({});
        }
    });
    connect(store, &SessionStore::cleared, this, [this] {
        setSession({});
    });
    setSession({});
}

SessionDetailPane::~SessionDetailPane() = default;

void SessionDetailPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTabs();
}

void SessionDetailPane::fitTabs()
{
    // Every title whole and no scroll arrows: where the tabs with their icons are wider than the
    // pane (500 px at 1024x768), the titles go without icons.
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setTabIcon(i, m_tabIcons.value(i));
    }
    if (m_tabs->tabBar()->sizeHint().width() <= width()) {
        return;
    }
    for (int i = 0; i < m_tabs->count(); ++i) {
        m_tabs->setTabIcon(i, QIcon());
    }
}

QToolButton *SessionDetailPane::makeRevealButton(QLineEdit *edit)
{
    auto *button = new QToolButton(this);
    button->setCheckable(true);
    button->setIcon(QIcon(u":/icons/eye.svg"_s));
    button->setToolTip(tr("Show"));
    button->setAutoRaise(true);
    connect(button, &QToolButton::toggled, edit, [edit, button](bool on) {
        edit->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
        button->setIcon(QIcon(on ? u":/icons/eye-off.svg"_s : u":/icons/eye.svg"_s));
        button->setToolTip(on ? tr("Hide") : tr("Show"));
    });
    return button;
}

QToolButton *SessionDetailPane::makeCopyButton(const std::function<QString()> &text)
{
    auto *button = new QToolButton(this);
    button->setIcon(QIcon(u":/icons/copy.svg"_s));
    button->setToolTip(tr("Copy"));
    button->setAutoRaise(true);
    connect(button, &QToolButton::clicked, this, [this, text] {
        const QString value = text();
        if (!value.isEmpty()) {
            QApplication::clipboard()->setText(value);
            Q_EMIT statusMessage(tr("Copied to the clipboard"));
        }
    });
    return button;
}

QWidget *SessionDetailPane::buildOverview()
{
    auto *page = new QWidget;
    m_status = valueLabel(page);
    m_image = valueLabel(page);
    m_region = valueLabel(page);
    m_policy = valueLabel(page);
    m_firstSeen = valueLabel(page);
    m_labelsSummary = valueLabel(page);
    // A read-only line edit: long URLs scroll inside it instead of widening the pane.
    m_resourceUrl = new QLineEdit(page);
    m_resourceUrl->setReadOnly(true);
    m_resourceUrl->setAccessibleName(tr("Resource URL"));
    m_appId = valueLabel(page);
    m_resourceId = valueLabel(page);
    m_resourceType = valueLabel(page);
    m_infoError = new InlineError(page);

    m_authCode = new QLineEdit(page);
    m_authCode->setReadOnly(true);
    m_authCode->setEchoMode(QLineEdit::Password);
    m_authCode->setAccessibleName(tr("Auth code"));
    m_revealAuth = makeRevealButton(m_authCode);
    connect(m_revealAuth, &QToolButton::toggled, this, &SessionDetailPane::showResourceUrl);
    m_ticket = new QLineEdit(page);
    m_ticket->setReadOnly(true);
    m_ticket->setEchoMode(QLineEdit::Password);
    m_ticket->setAccessibleName(tr("Ticket"));
    auto *revealTicket = makeRevealButton(m_ticket);

    m_connection = new QPlainTextEdit(page);
    m_connection->setReadOnly(true);
    m_connection->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_connection->setMaximumHeight(m_connection->fontMetrics().height() * 6 + 12);
    m_connection->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_connection->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_connection->setPlaceholderText(tr("None"));

    auto secretRow = [this](QLineEdit *edit, QToolButton *reveal) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        row->setSpacing(2);
        row->addWidget(edit, 1);
        row->addWidget(reveal);
        row->addWidget(makeCopyButton([edit] {
            return edit->text();
        }));
        return row;
    };
    auto *urlRow = new QHBoxLayout;
    urlRow->setContentsMargins(0, 0, 0, 0);
    urlRow->addWidget(m_resourceUrl, 1);
    urlRow->addWidget(makeCopyButton([this] {
        return m_info.resourceUrl;
    }));

    auto *sessionBox = new QGroupBox(tr("Session"), page);
    auto *sessionForm = new QFormLayout(sessionBox);
    sessionForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    sessionForm->addRow(tr("Status:"), m_status);
    sessionForm->addRow(tr("Image:"), m_image);
    sessionForm->addRow(tr("Region:"), m_region);
    sessionForm->addRow(tr("Policy:"), m_policy);
    sessionForm->addRow(tr("Created:"), m_firstSeen);
    sessionForm->addRow(tr("Labels:"), m_labelsSummary);

    m_reloadInfo = new QPushButton(QIcon(u":/icons/refresh.svg"_s), tr("Reload"), page);
    m_reloadInfo->setToolTip(tr("Ask the service for the connection details again"));
    connect(m_reloadInfo, &QPushButton::clicked, this, &SessionDetailPane::reloadInfo);

    auto *resourceBox = new QGroupBox(tr("Desktop connection"), page);
    auto *resourceForm = new QFormLayout(resourceBox);
    resourceForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    resourceForm->addRow(tr("Resource URL:"), urlRow);
    resourceForm->addRow(tr("App id:"), m_appId);
    resourceForm->addRow(tr("Auth code:"), secretRow(m_authCode, m_revealAuth));
    resourceForm->addRow(tr("Ticket:"), secretRow(m_ticket, revealTicket));
    resourceForm->addRow(tr("Resource id:"), m_resourceId);
    resourceForm->addRow(tr("Resource type:"), m_resourceType);
    resourceForm->addRow(tr("Connection properties:"), m_connection);
    auto *reloadRow = new QHBoxLayout;
    reloadRow->addStretch();
    reloadRow->addWidget(m_reloadInfo);
    resourceForm->addRow(reloadRow);

    auto *inner = new QWidget;
    auto *layout = new QVBoxLayout(inner);
    m_overviewLayout = layout;
    layout->addWidget(sessionBox);
    layout->addWidget(m_infoError);
    layout->addWidget(resourceBox);
    layout->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(inner);
    auto *pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(scroll);
    return page;
}

QWidget *SessionDetailPane::buildLabels()
{
    m_labelsPage = new SessionLabelsPage(m_controller);
    connect(m_labelsPage, &SessionLabelsPage::saved, this, &SessionDetailPane::labelsSaved);
    connect(m_labelsPage, &SessionLabelsPage::statusMessage, this, &SessionDetailPane::statusMessage);
    // The tab says when its edits are not saved yet.
    connect(m_labelsPage, &SessionLabelsPage::unsavedChanged, this, [this](bool unsaved) {
        m_tabs->setTabText(LabelsTab, unsaved ? tr("Labels •") : tr("Labels"));
    });
    return m_labelsPage;
}

QWidget *SessionDetailPane::buildLinks()
{
    m_linksPage = new SessionLinksPage(m_controller);
    connect(m_linksPage, &SessionLinksPage::openDesktopRequested, this, &SessionDetailPane::openDesktop);
    connect(m_linksPage, &SessionLinksPage::linkReady, this, &SessionDetailPane::linkReady);
    connect(m_linksPage, &SessionLinksPage::statusMessage, this, &SessionDetailPane::statusMessage);
    return m_linksPage;
}

QWidget *SessionDetailPane::buildTools()
{
    m_toolPanel = new ToolPanel(m_toolsClient);
    return m_toolPanel;
}

void SessionDetailPane::attachLifecycle(MetricsPoller *metrics, LifecycleTracker *tracker)
{
    if (m_lifecycle) {
        return;
    }
    auto *box = new QGroupBox(tr("Lifecycle and usage"));
    auto *boxLayout = new QVBoxLayout(box);
    m_lifecycle = new SessionLifecyclePanel(metrics, tracker, box);
    boxLayout->addWidget(m_lifecycle);
    connect(m_lifecycle, &SessionLifecyclePanel::statusMessage, this, &SessionDetailPane::statusMessage);
    m_overviewLayout->insertWidget(1, box); // under the Session box
    const SessionRow *row = m_controller->store()->find(m_sessionId);
    m_lifecycle->setSession(m_sessionId, row && row->status == Core::SessionStatus::Running);
}

void SessionDetailPane::setEndpoint(const QString &endpoint)
{
    m_endpoint = endpoint;
    m_toolPanel->setEndpoint(endpoint);
}

QByteArray SessionDetailPane::saveToolsLayout() const
{
    return m_toolPanel->saveLayout();
}

bool SessionDetailPane::restoreToolsLayout(const QByteArray &state)
{
    return m_toolPanel->restoreLayout(state);
}

void SessionDetailPane::setSession(const QString &sessionId)
{
    if (sessionId == m_sessionId && (!sessionId.isEmpty() || m_stack->currentIndex() == 0)) {
        return;
    }
    m_infoOperation.cancel();
    m_sessionId = sessionId;
    m_info = {};
    m_infoLoaded = false;
    m_infoError->hide();
    m_labelsPage->setSession(sessionId);
    m_linksPage->setSession(sessionId);
    m_terminalPanel->setSession(sessionId);
    m_filesPane->setSession(m_toolsClient, sessionId);
    m_revealAuth->setChecked(false);
    showInfo();

    if (sessionId.isEmpty()) {
        m_stack->setCurrentIndex(0);
        m_toolPanel->setSession({}, {}, Core::SessionStatus::Unknown);
        if (m_lifecycle) {
            m_lifecycle->setSession({}, false);
        }
        return;
    }
    m_stack->setCurrentIndex(1);
    m_title->setText(sessionId);
    m_controller->prioritizeDetails(sessionId);
    if (m_lifecycle) {
        m_lifecycle->setSession(sessionId, false); // updateFromModel() says whether it runs
    }
    updateFromModel();
    reloadInfo();
}

void SessionDetailPane::updateFromModel()
{
    const SessionRow *row = m_controller->store()->find(m_sessionId);
    if (!row) {
        return;
    }
    const QString status = SessionListModel::statusText(row->status);
    m_status->setText(status);
    m_statusBadge->setPixmap(badgePixmap(row->status, status, font(), devicePixelRatioF()));
    m_image->setText(row->detailsLoaded ? orDash(row->imageId) : tr("Loading…"));
    m_region->setText(row->detailsLoaded ? orDash(row->regionId) : tr("Loading…"));
    m_policy->setText(row->detailsLoaded ? orDash(row->policyId) : tr("Loading…"));
    // The server's creation time where it says one, else when this app first saw the session.
    m_firstSeen->setText(row->created.isValid()
            ? QLocale().toString(row->created.toLocalTime(), QLocale::ShortFormat)
            : tr("%1 or earlier (first seen then)")
                  .arg(QLocale().toString(row->firstSeen.toLocalTime(), QLocale::ShortFormat)));
    QStringList labels;
    for (auto it = row->labels.constBegin(); it != row->labels.constEnd(); ++it) {
        labels.append(it.key() + u" = "_s + it.value());
    }
    m_labelsSummary->setText(row->labelsLoaded ? (labels.isEmpty() ? tr("None") : labels.join(u'\n')) : tr("Loading…"));
    m_labelsPage->followRow(*row);
    const bool running = row->status == Core::SessionStatus::Running;
    m_linksPage->setRunning(running, Core::canOpen(row->status));
    if (m_lifecycle) {
        m_lifecycle->setSession(m_sessionId, running);
    }
    m_toolPanel->setSession(m_sessionId, row->detailsLoaded ? row->imageId : QString(), row->status);
}

void SessionDetailPane::reloadInfo()
{
    if (m_sessionId.isEmpty()) {
        return;
    }
    m_infoOperation.cancel();
    m_reloadInfo->setEnabled(false);
    const QString id = m_sessionId;
    m_infoOperation = m_controller->loadInfo(id, this, [this, id](const Core::Result<Core::SessionInfo> &result) {
        if (id != m_sessionId) {
            return;
        }
        m_reloadInfo->setEnabled(true);
        if (!result.ok()) {
            if (result.error().kind != Core::ApiError::Kind::Cancelled) {
                setInfoError(tr("Could not load the connection details: %1").arg(result.error().details()));
            }
            return;
        }
        m_info = result.value();
        m_infoLoaded = true;
        m_infoError->hide();
        showInfo();
        Q_EMIT infoLoaded(id);
    });
}

void SessionDetailPane::showInfo()
{
    const QString loading = m_sessionId.isEmpty() || m_infoLoaded ? QString() : tr("Loading…");
    showResourceUrl();
    m_resourceUrl->setPlaceholderText(m_infoLoaded ? tr("None") : loading);
    m_appId->setText(m_infoLoaded ? orDash(m_info.appId) : loading);
    m_authCode->setText(m_info.authCode);
    m_ticket->setText(m_info.ticket);
    m_authCode->setPlaceholderText(m_infoLoaded ? tr("None") : loading);
    m_ticket->setPlaceholderText(m_infoLoaded ? tr("None") : loading);
    m_resourceId->setText(m_infoLoaded ? orDash(m_info.resourceId) : loading);
    m_resourceType->setText(m_infoLoaded ? orDash(m_info.resourceType) : loading);
    // Usually JSON text: indent it so it can be read.
    const QJsonDocument json = QJsonDocument::fromJson(m_info.connectionProperties.toUtf8());
    m_connection->setPlainText(json.isObject() || json.isArray()
            ? QString::fromUtf8(json.toJson(QJsonDocument::Indented)).trimmed()
            : m_info.connectionProperties);
}

void SessionDetailPane::showResourceUrl()
{
    // The URL carries the auth code: hidden with it, shown with it (the eye of the auth code).
    QString url = m_info.resourceUrl;
    if (!m_revealAuth->isChecked() && !m_info.authCode.isEmpty()) {
        const QString mask(8, QChar(0x2022));
        url.replace(m_info.authCode, mask);
        url.replace(QString::fromLatin1(QUrl::toPercentEncoding(m_info.authCode)), mask);
    }
    m_resourceUrl->setText(url);
    m_resourceUrl->setCursorPosition(0);
}

void SessionDetailPane::setInfoError(const QString &message)
{
    m_infoError->setText(message);
    m_infoError->show();
}

void SessionDetailPane::saveLabels()
{
    m_labelsPage->save();
}

bool SessionDetailPane::confirmLeave()
{
    return m_labelsPage->confirmLeave();
}

LabelEditor *SessionDetailPane::labelEditor() const
{
    return m_labelsPage->editor();
}

QPushButton *SessionDetailPane::saveLabelsButton() const
{
    return m_labelsPage->saveButton();
}

void SessionDetailPane::openDesktop()
{
    if (m_sessionId.isEmpty()) {
        return;
    }
    if (m_infoLoaded && !m_info.resourceUrl.isEmpty()) {
        if (!m_controller->openUrl(QUrl(m_info.resourceUrl))) {
            m_linksPage->showError(tr("No application could open the desktop URL."));
        }
        return;
    }
    m_controller->openDesktop({m_sessionId});
}

QSpinBox *SessionDetailPane::portSpin() const
{
    return m_linksPage->portSpin();
}

QComboBox *SessionDetailPane::protocolCombo() const
{
    return m_linksPage->protocolCombo();
}

QPushButton *SessionDetailPane::getLinkButton() const
{
    return m_linksPage->getLinkButton();
}

QLineEdit *SessionDetailPane::linkEdit() const
{
    return m_linksPage->linkEdit();
}

QPushButton *SessionDetailPane::openLinkButton() const
{
    return m_linksPage->openLinkButton();
}

QPushButton *SessionDetailPane::openDesktopButton() const
{
    return m_linksPage->openDesktopButton();
}

} // namespace AgentBay::Ui
