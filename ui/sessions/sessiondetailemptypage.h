// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;

namespace AgentBay::Ui {

// What the detail pane shows without a session: pick one, create the first one, or, when the
// filters hide every session, how many they hide (never "Create one" while sessions exist). The
// table beside it says "No session matches" and offers Clear filters: the pane does not repeat
// either.
class SessionDetailEmptyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDetailEmptyPage)

public:
    explicit SessionDetailEmptyPage(QWidget *parent = nullptr);
    ~SessionDetailEmptyPage() override;

    // As the table: shown rows, the sessions in the list before the window's own filters (the
    // server's label filter may have left some out already), whether a filter (or the server's)
    // can hide sessions, and whether the list has been loaded once.
    void setListState(int shown, int total, bool filtered, bool loaded);

    QString text() const;

private:
    QLabel *m_text;
};

} // namespace AgentBay::Ui
