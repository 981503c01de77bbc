// SPDX-License-Identifier: MIT
#include "destructivecallguard.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Ui {

bool DestructiveCallGuard::confirm(const Core::McpTool &tool, const QString &target, QWidget *parent)
{
    if (!tool.annotations.isDestructive() || m_trusted.contains(tool.name)) {
        return true;
    }
    QMessageBox box(QMessageBox::Warning,
        tr("Run %1?").arg(tool.name),
        tr("%1 is marked destructive: it may delete or overwrite data in %2.").arg(tool.name, target),
        QMessageBox::Cancel,
        parent);
    box.setObjectName(u"destructiveConfirm"_s);
    QPushButton *run = box.addButton(tr("Run %1").arg(tool.name), QMessageBox::AcceptRole);
    run->setObjectName(u"runAnyway"_s);
    box.setDefaultButton(QMessageBox::Cancel); // Enter must not delete anything
    auto *again = new QCheckBox(tr("Don't ask again for this tool"), &box);
    again->setObjectName(u"dontAskAgain"_s);
    box.setCheckBox(again);
    box.exec();
    if (box.clickedButton() != run) {
        return false;
    }
    if (again->isChecked()) {
        m_trusted.insert(tool.name);
    }
    return true;
}

} // namespace AgentBay::Ui
