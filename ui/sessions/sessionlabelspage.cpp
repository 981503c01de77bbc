// SPDX-License-Identifier: MIT
#include "sessionlabelspage.h"

#include "labeleditor.h"

#include <ui/common/inlineerror.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

namespace AgentBay::Ui {

SessionLabelsPage::SessionLabelsPage(SessionController *controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_editor(new LabelEditor(this))
    , m_save(new QPushButton(tr("Save &labels"), this))
    , m_revert(new QPushButton(tr("Revert"), this))
    , m_error(new InlineError(this))
{
    m_save->setDefault(true);
    // Alt+S is the Session menu's; Ctrl+S saves from anywhere on the page (the table included).
    m_save->setToolTip(tr("Save the labels (Ctrl+S)"));
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, [this] {
        if (m_save->isEnabled()) {
            save();
        }
    });
    auto *hint = new QLabel(tr("Saving replaces all labels of the session."), this);
    hint->setForegroundRole(QPalette::PlaceholderText); // not the disabled grey: 4.5:1
    hint->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(hint, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    QWidget::setTabOrder(m_revert, m_save); // Tab follows the row: Revert, then Save

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_editor, &LabelEditor::changed, this, &SessionLabelsPage::updateButtons);
    connect(m_editor, &LabelEditor::validityChanged, this, &SessionLabelsPage::updateButtons);
    connect(m_editor, &LabelEditor::modifiedChanged, this, &SessionLabelsPage::unsavedChanged);
    connect(m_save, &QPushButton::clicked, this, &SessionLabelsPage::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (const SessionRow *row = m_controller->store()->find(m_sessionId)) {
            m_editor->setLabels(row->labels);
        }
        m_error->hide();
        updateButtons();
    });
    updateButtons();
}

SessionLabelsPage::~SessionLabelsPage() = default;

void SessionLabelsPage::updateButtons()
{
    const bool busy = m_operation.isRunning();
    m_save->setEnabled(!busy && m_editor->isModified() && m_editor->isValid());
    m_revert->setEnabled(!busy && m_editor->isModified());
}

void SessionLabelsPage::setSession(const QString &sessionId)
{
    m_operation.cancel();
    m_sessionId = sessionId;
    m_error->hide();
    const SessionRow *row = m_controller->store()->find(sessionId);
    m_editor->setLabels(row ? row->labels : Core::Labels());
    updateButtons();
}

void SessionLabelsPage::followRow(const SessionRow &row)
{
    if (!m_editor->isModified() && !m_operation.isRunning() && row.labelsLoaded && m_editor->labels() != row.labels) {
        m_editor->setLabels(row.labels);
    }
}

bool SessionLabelsPage::hasUnsavedChanges() const
{
    return !m_sessionId.isEmpty() && m_editor->isModified();
}

bool SessionLabelsPage::confirmLeave()
{
    if (!hasUnsavedChanges() || m_asking) {
        return !m_asking;
    }
    m_asking = true;
    QMessageBox box(QMessageBox::Question,
        tr("Unsaved Labels"),
        tr("The labels of %1 were changed but not saved.").arg(m_sessionId),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
        this);
    box.setObjectName(QStringLiteral("unsavedLabelsBox"));
    box.setDefaultButton(QMessageBox::Save);
    box.button(QMessageBox::Save)->setEnabled(m_editor->isValid());
    const int answer = box.exec();
    m_asking = false;
    if (answer == QMessageBox::Cancel || (answer == QMessageBox::Save && !m_editor->isValid())) {
        return false;
    }
    if (answer == QMessageBox::Save) {
        // Not tied to this page's operation: showing the next session must not cancel it.
        const QString id = m_sessionId;
        m_controller->setLabels(id, m_editor->labels(), this, [this, id](const Core::Result<Core::Empty> &result) {
            if (!result.ok()) {
                Q_EMIT statusMessage(tr("Could not save the labels of %1: %2").arg(id, result.error().details()));
                return;
            }
            m_controller->reloadLabels(id, this, [](const Core::Result<Core::Labels> &) {});
            Q_EMIT statusMessage(tr("Labels of %1 saved").arg(id));
            Q_EMIT saved(id);
        });
    }
    m_editor->setModified(false);
    return true;
}

void SessionLabelsPage::save()
{
    if (m_sessionId.isEmpty() || !m_editor->isValid() || m_operation.isRunning()) {
        return;
    }
    const QString id = m_sessionId;
    m_error->hide();
    // A disabled button drops the focus to whatever comes next (the detail tabs, or nothing):
    // the labels table keeps it instead, on the label it was on.
    if (m_save->hasFocus() || m_revert->hasFocus()) {
        m_editor->table()->setFocus(Qt::OtherFocusReason);
    }
    m_save->setEnabled(false);
    m_revert->setEnabled(false);
    m_operation =
        m_controller->setLabels(id, m_editor->labels(), this, [this, id](const Core::Result<Core::Empty> &result) {
            if (id != m_sessionId) {
                return;
            }
            if (!result.ok()) {
                m_operation = {};
                m_error->setText(tr("Could not save the labels: %1").arg(result.error().details()));
                m_error->show();
                updateButtons();
                return;
            }
            // Read back what the service now holds rather than trusting what was sent.
            m_operation = m_controller->reloadLabels(id, this, [this, id](const Core::Result<Core::Labels> &reloaded) {
                m_operation = {};
                if (id != m_sessionId) {
                    return;
                }
                if (!reloaded.ok()) {
                    m_error->setText(tr("Saved, but reloading failed: %1").arg(reloaded.error().details()));
                    m_error->show();
                    return;
                }
                m_editor->setLabels(reloaded.value());
                updateButtons();
                Q_EMIT statusMessage(tr("Labels of %1 saved").arg(id));
                Q_EMIT saved(id);
            });
        });
}

} // namespace AgentBay::Ui
