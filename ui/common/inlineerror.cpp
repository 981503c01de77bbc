// SPDX-License-Identifier: MIT
#include "inlineerror.h"

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

InlineError::InlineError(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setStyleSheet(u"QLabel { color: #b71c1c; background: #fdecea; border: 1px solid #f5c2c0;"
                  " border-radius: 4px; padding: 6px; }"_s);
    hide();
}

InlineError::~InlineError() = default;

void InlineError::showMessage(const QString &message)
{
    setText(message);
    show();
}

} // namespace AgentBay::Ui
