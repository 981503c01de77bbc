// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>
#include <QTimer>

namespace AgentBay::Ui {

// The status bar's passing message ("Settings saved", "Copied …"): one line that takes the room
// the permanent indicators leave, elided with "…" when it does not fit (a 1024 px window), the
// whole text in its tooltip and accessible description. It clears itself after a timeout.
class StatusMessageLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusMessageLabel)

public:
    explicit StatusMessageLabel(QWidget *parent = nullptr);
    ~StatusMessageLabel() override;

    // timeoutMs 0: stays until the next message.
    void showMessage(const QString &message, int timeoutMs = 0);
    void clearMessage();

    // The whole message, also when the label shows it elided.
    QString message() const { return m_message; }

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void elide();

    QString m_message;
    QTimer m_expiry;
};

} // namespace AgentBay::Ui
