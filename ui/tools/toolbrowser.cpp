// SPDX-License-Identifier: MIT
#include "toolbrowser.h"

#include "toollistmodel.h"

#include <core/api/apiclient.h>

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

ToolBrowser::ToolBrowser(Core::ApiClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setMinimumWidth(140);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"toolSearch"_s);
    m_search->setPlaceholderText(tr("Search tools"));
    m_search->setClearButtonEnabled(true);
    layout->addWidget(m_search);

    m_model = new ToolListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterRole(ToolListModel::SearchTextRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        m_tree->expandAll();
    });

    m_tree = new QTreeView(this);
    m_tree->setObjectName(u"toolTree"_s);
    m_tree->setModel(m_proxy);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setIndentation(12); // server names stay readable in a narrow list
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const QString name = current.data(ToolListModel::ToolNameRole).toString();
        if (const auto picked = name.isEmpty() ? std::nullopt : m_model->tool(name)) {
            Q_EMIT toolPicked(*picked);
        }
    });
    connect(m_tree, &QAbstractItemView::activated, this, &ToolBrowser::activate);
    layout->addWidget(m_tree, 1);

    // From the search, Down goes into the list and Return takes the first tool it shows, so
    // "shell" Return opens the shell tool's form.
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex first = firstShownTool();
        if (first.isValid()) {
            m_tree->setCurrentIndex(first);
            activate(first);
        }
    });

    auto *statusRow = new QHBoxLayout;
    m_status = new QLabel(this);
    m_status->setObjectName(u"toolsStatus"_s);
    m_status->setWordWrap(true);
    statusRow->addWidget(m_status, 1);
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(u"retryTools"_s);
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, [this] {
        m_cache.remove(m_imageId);
        load();
    });
    statusRow->addWidget(m_retry);
    layout->addLayout(statusRow);
}

ToolBrowser::~ToolBrowser()
{
    ++m_generation; // the cancelled answer below is then dropped unreported
    m_call.cancel();
}

void ToolBrowser::showImage(const QString &imageId)
{
    m_imageId = imageId;
    load();
}

void ToolBrowser::clear()
{
    m_call.cancel();
    m_model->setTools({});
}

const QList<Core::McpTool> &ToolBrowser::tools() const
{
    return m_model->tools();
}

std::optional<Core::McpTool> ToolBrowser::tool(const QString &name) const
{
    return m_model->tool(name);
}

bool ToolBrowser::selectTool(const QString &name)
{
    if (!m_model->tool(name)) {
        return false;
    }
    const QModelIndex index = m_proxy->mapFromSource(m_model->indexOfTool(name));
    if (index.isValid()) {
        QSignalBlocker blocker(m_tree->selectionModel());
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    }
    return true;
}

void ToolBrowser::load()
{
    m_call.cancel();
    const QString image = m_imageId;
    if (const auto cached = m_cache.constFind(image); cached != m_cache.constEnd()) {
        showTools(*cached);
        return;
    }
    m_status->setText(tr("Loading tools…"));
    m_retry->hide();
    const quint64 generation = ++m_generation;
    m_call = m_client->listMcpTools(
        image, this, [this, image, generation](const Core::Result<QList<Core::McpTool>> &result) {
            if (generation != m_generation) {
                return; // a newer request replaced this one
            }
            if (!result.ok()) {
                if (result.error().kind == Core::ApiError::Kind::Cancelled) {
                    return;
                }
                m_status->setText(tr("Could not load the tools: %1").arg(result.error().message));
                m_retry->show();
                return;
            }
            m_cache.insert(image, result.value());
            showTools(result.value());
        });
}

int ToolBrowser::fittingWidth() const
{
    // QTreeView's override is protected; the view's own measure counts indentation and icons.
    const int names = static_cast<const QAbstractItemView *>(m_tree)->sizeHintForColumn(0);
    return qMax(minimumWidth(), names + 2 * m_tree->frameWidth() + m_tree->verticalScrollBar()->sizeHint().width() + 8);
}

void ToolBrowser::showTools(const QList<Core::McpTool> &tools)
{
    m_model->setTools(tools);
    m_tree->expandAll();
    const QString image = m_imageId.isEmpty() ? u"linux_latest"_s : m_imageId;
    m_status->setText(tools.isEmpty() ? tr("This image (%1) has no tools.").arg(image)
                                      : tr("%n tool(s) · %1", nullptr, tools.size()).arg(image));
    m_retry->hide();
    Q_EMIT toolsLoaded(int(tools.size()));
}

bool ToolBrowser::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down) {
        const QModelIndex first = firstShownTool();
        if (first.isValid()) {
            if (!m_tree->currentIndex().isValid()) {
                m_tree->setCurrentIndex(first);
            }
            m_tree->setFocus(Qt::TabFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ToolBrowser::activate(const QModelIndex &index)
{
    const QString name = index.data(ToolListModel::ToolNameRole).toString();
    if (const auto picked = name.isEmpty() ? std::nullopt : m_model->tool(name)) {
        Q_EMIT toolActivated(*picked);
    }
}

QModelIndex ToolBrowser::firstShownTool() const
{
    // Depth first: servers hold tools; a row without a tool name is a server.
    std::function<QModelIndex(const QModelIndex &)> walk = [&](const QModelIndex &parent) -> QModelIndex {
        for (int row = 0; row < m_proxy->rowCount(parent); ++row) {
            const QModelIndex index = m_proxy->index(row, 0, parent);
            if (!index.data(ToolListModel::ToolNameRole).toString().isEmpty()) {
                return index;
            }
            if (const QModelIndex inside = walk(index); inside.isValid()) {
                return inside;
            }
        }
        return {};
    };
    return walk({});
}

} // namespace AgentBay::Ui
