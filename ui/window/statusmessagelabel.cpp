// SPDX-License-Identifier: MIT
#include "statusmessagelabel.h"

#include <QResizeEvent>

namespace AgentBay::Ui {

StatusMessageLabel::StatusMessageLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("statusMessage"));
    setTextFormat(Qt::PlainText);
    setContentsMargins(4, 0, 4, 0);
    // Any width down to nothing: the permanent indicators keep theirs, the message elides.
    setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &StatusMessageLabel::clearMessage);
}

StatusMessageLabel::~StatusMessageLabel() = default;

void StatusMessageLabel::showMessage(const QString &message, int timeoutMs)
{
    m_message = message;
    setToolTip(message);
    setAccessibleDescription(message);
    elide();
    if (timeoutMs > 0) {
        m_expiry.start(timeoutMs);
    } else {
        m_expiry.stop();
    }
}

void StatusMessageLabel::clearMessage()
{
    m_expiry.stop();
    m_message.clear();
    setToolTip({});
    setAccessibleDescription({});
    clear();
}

QSize StatusMessageLabel::minimumSizeHint() const
{
    return {0, QLabel::minimumSizeHint().height()};
}

void StatusMessageLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void StatusMessageLabel::elide()
{
    // One line: line breaks become spaces.
    QString line = m_message;
    line.replace(u'\n', u' ');
    const int room = contentsRect().width();
    setText(room > 0 ? fontMetrics().elidedText(line, Qt::ElideRight, room) : line);
}

} // namespace AgentBay::Ui
