// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QObject>

#include <functional>

class QSplitter;

namespace AgentBay::Ui {

// The Tools tab's two splits, tool list | call and form / output, and how they are sized:
// the list fits the tool names until the user moves it, the output gets its room with the
// first result, and both come back as the user left them (saveState/restoreState).
class ToolSplitLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ToolSplitLayout)

public:
    // The form keeps room for a few fields and the call bar, the output for its header and a
    // few lines, at any window size; the splitter hands out the rest.
    static constexpr int FormMinimumHeight = 200;
    static constexpr int OutputMinimumHeight = 150;

    // listFittingWidth: how wide the tool list wants to be to show every name uncut.
    ToolSplitLayout(
        QSplitter *toolSplit, QSplitter *outputSplit, std::function<int()> listFittingWidth, QObject *parent);

    // Both splits as the user left them; empty while neither was moved nor restored.
    QByteArray saveState() const;
    // Takes a state of saveState() (or an older one of the tool split alone); false if it is
    // not one.
    bool restoreState(const QByteArray &state);

    // Until the user moves the split (or brought back one they moved), the list is as wide as
    // its longest name, and never more than a third of the tab.
    void fitToolList();
    // The form has the room until the first result; then the output gets half of
    // availableHeight (two thirds when wide: results side by side), once.
    void revealOutput(bool wide, int availableHeight);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QSplitter *m_toolSplit;
    QSplitter *m_outputSplit;
    std::function<int()> m_listFittingWidth;
    QByteArray m_restoredTools;
    QByteArray m_restoredOutput;
    bool m_toolSplitMoved = false;
    bool m_outputSplitMoved = false;
    bool m_outputRevealed = false;
};

} // namespace AgentBay::Ui
