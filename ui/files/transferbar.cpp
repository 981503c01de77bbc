// SPDX-License-Identifier: MIT
#include "transferbar.h"

#include "remotefilemodel.h"

#include <core/files/filetransfer.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace AgentBay::Ui {

using Core::FileTransfer;

TransferBar::TransferBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_label->setAccessibleName(tr("Transfer status"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar->setAccessibleName(tr("Transfer progress"));
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_cancel->setAccessibleName(tr("Cancel transfer"));
    m_cancel->setToolTip(tr("Stop the transfer; nothing half-written is kept"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    m_bar->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_transfer) {
            m_transfer->cancel();
        }
    });
}

TransferBar::~TransferBar() = default;

void TransferBar::track(FileTransfer *transfer, const QString &what)
{
    if (m_transfer) {
        disconnect(m_transfer, nullptr, this, nullptr);
    }
    m_transfer = transfer;
    m_what = what;
    if (!transfer) {
        m_bar->hide();
        m_cancel->hide();
        return;
    }
    connect(transfer, &FileTransfer::progress, this, &TransferBar::update);
    connect(transfer, &FileTransfer::stateChanged, this, [this](FileTransfer::State state) {
        // Once the bytes are all sent the move into place cannot be stopped.
        m_cancel->setEnabled(state == FileTransfer::State::Running);
        if (state == FileTransfer::State::Finishing) {
            m_label->setText(tr("%1: moving into place…").arg(m_what));
        }
    });
    m_cancel->setEnabled(true);
    m_bar->setValue(0);
    m_bar->show();
    m_cancel->show();
    show();
    update(0, 0);
}

void TransferBar::showOutcome(const QString &text)
{
    m_transfer = nullptr;
    m_bar->hide();
    m_cancel->hide();
    m_label->setText(text);
}

void TransferBar::update(qint64 done, qint64 total)
{
    m_bar->setValue(total > 0 ? int(done * 1000 / total) : 0);
    m_bar->setFormat(total > 0 ? QStringLiteral("%p%") : QString());
    m_label->setText(
        tr("%1: %2 of %3")
            .arg(m_what, RemoteFileModel::formatSize(done), RemoteFileModel::formatSize(qMax<qint64>(total, 0))));
}

} // namespace AgentBay::Ui
