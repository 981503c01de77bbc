// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace AgentBay::Core {
class FileTransfer;
}

namespace AgentBay::Ui {

// The running upload or download: what moves, how far (bytes and a bar), and Cancel. Hidden
// while nothing moves; the last outcome stays readable in the label until the next transfer.
class TransferBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TransferBar)

public:
    explicit TransferBar(QWidget *parent = nullptr);
    ~TransferBar() override;

    // Follows this transfer until it finishes (nullptr = none).
    void track(Core::FileTransfer *transfer, const QString &what);
    // One line about how the last transfer ended (shown with the bar hidden).
    void showOutcome(const QString &text);

    QProgressBar *progressBar() const { return m_bar; }

    QPushButton *cancelButton() const { return m_cancel; }

    QLabel *label() const { return m_label; }

private:
    void update(qint64 done, qint64 total);

    QPointer<Core::FileTransfer> m_transfer;
    QString m_what;
    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_cancel;
};

} // namespace AgentBay::Ui
