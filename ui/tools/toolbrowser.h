// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/tools/mcptool.h>

#include <QHash>
#include <QList>
#include <QModelIndex>
#include <QString>
#include <QWidget>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace AgentBay::Core {
class ApiClient;
} // namespace AgentBay::Core

namespace AgentBay::Ui {

class ToolListModel;

// The tool list of the Tools tab: the MCP tools of an image grouped by server, a search
// over names and descriptions, a status line (count, loading, error with Retry). Tool lists
// are fetched once per image and kept while the browser lives (a Retry fetches again).
class ToolBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolBrowser)

public:
    explicit ToolBrowser(Core::ApiClient *client, QWidget *parent = nullptr);
    // Stops loading silently: no toolsLoaded from a browser being destroyed.
    ~ToolBrowser() override;

    // Shows the tools of an image (empty = linux_latest), from the cache or fetched.
    void showImage(const QString &imageId);
    // No session: an empty list, any load in flight stopped.
    void clear();

    const QList<Core::McpTool> &tools() const;
    std::optional<Core::McpTool> tool(const QString &name) const;
    // Marks the tool current in the list without emitting toolPicked; false if there is none.
    bool selectTool(const QString &name);
    // How wide the list must be to show every name it holds ("wuying_filesystem (11)") uncut.
    int fittingWidth() const;

Q_SIGNALS:
    // The user made another tool current.
    void toolPicked(const AgentBay::Core::McpTool &tool);
    // Return (or a double click) on a tool: the user wants to fill in its arguments now.
    void toolActivated(const AgentBay::Core::McpTool &tool);
    // A tool list is shown (also an empty one), from the cache or fresh.
    void toolsLoaded(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QModelIndex firstShownTool() const; // in the list as filtered, invalid when none
    void activate(const QModelIndex &index);
    void load();
    void showTools(const QList<Core::McpTool> &tools);

    Core::ApiClient *m_client;
    QString m_imageId;
    QHash<QString, QList<Core::McpTool>> m_cache; // by image id
    Core::OperationHandle m_call;
    quint64 m_generation = 0; // of the newest request; older answers are dropped

    QLineEdit *m_search = nullptr;
    QTreeView *m_tree = nullptr;
    ToolListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace AgentBay::Ui
