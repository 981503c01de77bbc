// SPDX-License-Identifier: MIT
#include "toolsplitlayout.h"

#include <QDataStream>
#include <QEvent>
#include <QIODevice>
#include <QSplitter>

namespace AgentBay::Ui {

namespace {

// saveState() holds both splits after this tag; a state without it is the tool split alone.
constexpr quint32 LayoutTag = 0x54503032; // "TP02"

} // namespace

ToolSplitLayout::ToolSplitLayout(
    QSplitter *toolSplit, QSplitter *outputSplit, std::function<int()> listFittingWidth, QObject *parent)
    : QObject(parent)
    , m_toolSplit(toolSplit)
    , m_outputSplit(outputSplit)
    , m_listFittingWidth(std::move(listFittingWidth))
{
    m_toolSplit->installEventFilter(this); // its first layout (and a wider window) refits the list
    connect(m_toolSplit, &QSplitter::splitterMoved, this, [this] {
        m_toolSplitMoved = true;
    });
    connect(m_outputSplit, &QSplitter::splitterMoved, this, [this] {
        m_outputSplitMoved = true;
        m_outputRevealed = true; // the user's choice stands
    });
}

QByteArray ToolSplitLayout::saveState() const
{
    // A split the user never moved (maybe never even laid out) keeps what was restored.
    const QByteArray tools = m_toolSplitMoved ? m_toolSplit->saveState() : m_restoredTools;
    const QByteArray output = m_outputSplitMoved ? m_outputSplit->saveState() : m_restoredOutput;
    if (output.isEmpty()) {
        return tools;
    }
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream << LayoutTag << tools << output;
    return state;
}

bool ToolSplitLayout::restoreState(const QByteArray &state)
{
    QDataStream stream(state);
    quint32 tag = 0;
    stream >> tag;
    QByteArray tools = state;
    QByteArray output;
    if (tag == LayoutTag) {
        stream >> tools >> output;
        if (stream.status() != QDataStream::Ok) {
            return false;
        }
    }
    if (!tools.isEmpty() && !m_toolSplit->restoreState(tools)) {
        return false;
    }
    if (!output.isEmpty()) {
        if (!m_outputSplit->restoreState(output)) {
            return false;
        }
        m_outputRevealed = true; // the split the user left beats the first-result default
    }
    m_restoredTools = tools;
    m_restoredOutput = output;
    return true;
}

bool ToolSplitLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_toolSplit && event->type() == QEvent::Resize) {
        fitToolList();
    }
    return QObject::eventFilter(watched, event);
}

void ToolSplitLayout::fitToolList()
{
    // The form and results need the rest.
    if (m_toolSplitMoved || !m_restoredTools.isEmpty()) {
        return;
    }
    const int total = m_toolSplit->width() - m_toolSplit->handleWidth();
    if (total <= 0) {
        return;
    }
    const int list = qMin(m_listFittingWidth(), total / 3);
    m_toolSplit->setSizes({list, total - list});
}

void ToolSplitLayout::revealOutput(bool wide, int availableHeight)
{
    // Once, so that a split the user moved stays; never below the form's minimum: the
    // arguments stay readable, not a sliver of a scroll area.
    if (m_outputRevealed && (!wide || m_outputSplitMoved || !m_restoredOutput.isEmpty())) {
        return;
    }
    m_outputRevealed = true;
    const QList<int> sizes = m_outputSplit->sizes();
    const int total = qMax(sizes.value(0) + sizes.value(1), availableHeight); // not laid out yet
    const int form = qMax(FormMinimumHeight, wide ? total / 3 : total / 2);
    if (sizes.value(1) < total - form && total - form >= OutputMinimumHeight) {
        m_outputSplit->setSizes({form, total - form});
    }
}

} // namespace AgentBay::Ui
