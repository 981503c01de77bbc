// SPDX-License-Identifier: MIT
#include "deletesessionsdialog.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace AgentBay::Ui {

DeleteSessionsDialog::Choice DeleteSessionsDialog::ask(
    QWidget *parent, const QStringList &ids, bool anyPaused, bool allPaused)
{
    QMessageBox box(parent);
    box.setIcon(QMessageBox::Warning);
    box.setWindowTitle(tr("Delete Sessions"));
    box.setText(ids.size() == 1
            ? tr("Delete %1? Its processes and workspace are removed for good.").arg(ids.first())
            : tr("Delete %n session(s)? Their processes and workspaces are removed for good.", nullptr, ids.size()));
    constexpr int MaxListed = 12;
    QStringList listed = ids.mid(0, MaxListed);
    if (ids.size() > MaxListed) {
        listed.append(tr("… and %n more", nullptr, ids.size() - MaxListed));
    }
    // One session is named in the question already; several are listed.
    QString info = ids.size() == 1 ? QString() : listed.join(u'\n');
    if (anyPaused) {
        info += (info.isEmpty() ? QString() : u"\n\n"_s)
            + (allPaused ? tr("Paused sessions cannot be deleted as they are: they are resumed first.")
                         : tr("Paused sessions cannot be deleted as they are. \"Resume, then Delete "
                              "All\" resumes them first; \"Delete Others\" leaves them alone."));
    }
    box.setInformativeText(info);
    QPushButton *resumeThenDelete = nullptr;
    QPushButton *deleteButton = nullptr;
    if (allPaused) {
        resumeThenDelete = box.addButton(tr("Resume, then Delete"), QMessageBox::DestructiveRole);
    } else if (anyPaused) {
        resumeThenDelete = box.addButton(tr("Resume, then Delete All"), QMessageBox::DestructiveRole);
        deleteButton = box.addButton(tr("Delete Others"), QMessageBox::DestructiveRole);
    } else {
        deleteButton = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    }
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    if (box.clickedButton() == resumeThenDelete && resumeThenDelete) {
        return Choice::ResumeThenDelete;
    }
    if (deleteButton && box.clickedButton() == deleteButton) {
        return Choice::Delete;
    }
    return Choice::Cancel;
}

} // namespace AgentBay::Ui
