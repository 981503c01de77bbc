// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace AgentBay::Ui {

// What the detail pane shows without a session: pick one, create the first one, or, when the
// filters hide every session, say so with Clear filters (never "Create one" while sessions exist).
class SessionDetailEmptyPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionDetailEmptyPage)

public:
    explicit SessionDetailEmptyPage(QWidget *parent = nullptr);
    ~SessionDetailEmptyPage() override;

    // As the table: shown rows, whether a filter (or the server's) can hide sessions, and
    // whether the list has been loaded once.
    void setListState(int shown, bool filtered, bool loaded);

    QString text() const;

    QPushButton *clearFiltersButton() const { return m_clearFilters; }

Q_SIGNALS:
    void clearFiltersRequested();

private:
    QLabel *m_text;
    QPushButton *m_clearFilters;
};

} // namespace AgentBay::Ui
