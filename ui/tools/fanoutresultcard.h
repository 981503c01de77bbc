// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/resultcomparison.h>

#include <QFrame>
#include <QSet>
#include <QString>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace AgentBay::Ui {

// One session's result in a fan-out run: the session, its state and time, and the result as
// text (JSON indented) with the lines that differ from the reference result highlighted, or
// as an image thumbnail. "Open" shows it in a full result view.
class FanOutResultCard final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FanOutResultCard)

public:
    explicit FanOutResultCard(const QString &sessionId, QWidget *parent = nullptr);
    ~FanOutResultCard() override;

    QString sessionId() const { return m_sessionId; }

    // "Queued", "Running…", "Skipped" (no result yet or ever).
    void setPending(const QString &state);
    // A result; differingLines are highlighted, note says how it compares with the reference.
    void setResult(const Core::ComparableResult &result,
        const QString &state,
        const QString &stateColor,
        const QSet<int> &differingLines,
        const QString &note,
        bool differs);

    bool differs() const { return m_differs; }

    QString text() const;

    QSet<int> highlightedLines() const { return m_highlighted; }

Q_SIGNALS:
    void openRequested();

private:
    QString m_sessionId;
    bool m_differs = false;
    QSet<int> m_highlighted;
    QLabel *m_state = nullptr;
    QLabel *m_note = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_image = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace AgentBay::Ui
