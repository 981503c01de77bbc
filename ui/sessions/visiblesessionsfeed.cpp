// SPDX-License-Identifier: MIT
#include "visiblesessionsfeed.h"

#include "sessionlistmodel.h"

#include <ui/services/metricspoller.h>

#include <QAbstractItemView>
#include <QEvent>
#include <QItemSelectionModel>
#include <QScrollBar>

namespace AgentBay::Ui {

VisibleSessionsFeed::VisibleSessionsFeed(QAbstractItemView *view, MetricsPoller *poller, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_poller(poller)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(100);
    connect(&m_debounce, &QTimer::timeout, this, &VisibleSessionsFeed::update);
    connect(view->verticalScrollBar(), &QScrollBar::valueChanged, this, &VisibleSessionsFeed::schedule);
    connect(view->verticalScrollBar(), &QScrollBar::rangeChanged, this, &VisibleSessionsFeed::schedule);
    follow();
    if (view->selectionModel()) {
        connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this, &VisibleSessionsFeed::schedule);
    }
    schedule();
}

VisibleSessionsFeed::~VisibleSessionsFeed() = default;

void VisibleSessionsFeed::follow()
{
    QAbstractItemModel *model = m_view ? m_view->model() : nullptr;
    if (!model) {
        return;
    }
    connect(model, &QAbstractItemModel::rowsInserted, this, &VisibleSessionsFeed::schedule);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &VisibleSessionsFeed::schedule);
    connect(model, &QAbstractItemModel::modelReset, this, &VisibleSessionsFeed::schedule);
    connect(model, &QAbstractItemModel::layoutChanged, this, &VisibleSessionsFeed::schedule);
    connect(model, &QAbstractItemModel::dataChanged, this, &VisibleSessionsFeed::schedule);
}

void VisibleSessionsFeed::schedule()
{
    if (!m_debounce.isActive()) {
        m_debounce.start();
    }
}

void VisibleSessionsFeed::update()
{
    if (!m_view || !m_view->model()) {
        return;
    }
    QStringList ids;
    const QAbstractItemModel *model = m_view->model();
    const QRect viewport = m_view->viewport()->rect();
    const QModelIndex top = m_view->indexAt(viewport.topLeft());
    if (m_view->isVisible() && top.isValid()) {
        for (int row = top.row(); row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (m_view->visualRect(index).top() > viewport.bottom()) {
                break;
            }
            if (model->data(index, SessionListModel::StatusRole).toInt() == int(Core::SessionStatus::Running)) {
                ids.append(model->data(index, SessionListModel::SessionIdRole).toString());
            }
        }
        // The current row stays polled when scrolled away: the detail pane graphs it.
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid()
            && model->data(current, SessionListModel::StatusRole).toInt() == int(Core::SessionStatus::Running)) {
            const QString id = model->data(current, SessionListModel::SessionIdRole).toString();
            if (!ids.contains(id)) {
                ids.append(id);
            }
        }
    }
    if (ids != m_last) {
        m_last = ids;
        if (m_poller) {
            m_poller->setSessions(ids);
        }
    }
}

} // namespace AgentBay::Ui
