// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/labelselector.h>
#include <core/sessions/session.h>

#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace AgentBay::Ui {

// Label selector, status and id search above the session table. Valid selectors apply locally
// on every keystroke; the part ListSession can express follows after a short pause in typing.
// An invalid selector is marked red with the reason in its tooltip and is never sent.
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    Core::LabelSelector selector() const { return m_selector; }

    std::optional<Core::SessionStatus> status() const;
    QString idText() const;
    // Some filter is set (labels, status or id text, even a selector not valid yet).
    bool isFiltering() const;
    void setCounts(int shown, int total);

    void setServerDelayMs(int ms) { m_serverDelay.setInterval(ms); }

    QLineEdit *selectorEdit() const { return m_selectorEdit; }

    QLabel *countLabel() const { return m_count; }

    QComboBox *statusCombo() const { return m_statusCombo; }

    QLineEdit *idEdit() const { return m_idEdit; }

public Q_SLOTS:
    void focusSelector();
    // Empties the selector, the status and the id search: every session shows again.
    void clearFilters();

Q_SIGNALS:
    void selectorChanged(const AgentBay::Core::LabelSelector &selector);
    void statusChanged(std::optional<AgentBay::Core::SessionStatus> status);
    void idTextChanged(const QString &text);
    // Labels and status (wire text, empty = any) for ListSession.
    void serverFilterChanged(const AgentBay::Core::Labels &labels, const QString &status);

private:
    void onSelectorEdited(const QString &text);

    QLineEdit *m_selectorEdit;
    QComboBox *m_statusCombo;
    QLineEdit *m_idEdit;
    QLabel *m_count;
    Core::LabelSelector m_selector;
    QTimer m_serverDelay;
};

} // namespace AgentBay::Ui
