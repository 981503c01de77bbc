// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>

#include <QWidget>

class QPushButton;

namespace AgentBay::Ui {

class InlineError;
class LabelEditor;
class SessionController;
struct SessionRow;

// The Labels tab of the detail pane: edit the session's labels, save or revert them, and
// before another session is shown, ask what to do with edits not saved yet.
class SessionLabelsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionLabelsPage)

public:
    explicit SessionLabelsPage(SessionController *controller, QWidget *parent = nullptr);
    ~SessionLabelsPage() override;

    // Another session (empty: none): its labels replace the edits, a save on its way is dropped.
    void setSession(const QString &sessionId);
    // The row changed: its labels are taken unless the user is editing them.
    void followRow(const SessionRow &row);

    bool hasUnsavedChanges() const;
    // Save / Discard / Cancel when there are unsaved edits; false: stay on this session.
    bool confirmLeave();

    LabelEditor *editor() const { return m_editor; }

    QPushButton *saveButton() const { return m_save; }

public Q_SLOTS:
    void save();

Q_SIGNALS:
    void saved(const QString &sessionId);
    void unsavedChanged(bool unsaved);
    void statusMessage(const QString &message);

private:
    void updateButtons();

    SessionController *m_controller;
    QString m_sessionId;
    Core::OperationHandle m_operation;
    LabelEditor *m_editor;
    QPushButton *m_save;
    QPushButton *m_revert;
    InlineError *m_error;
    bool m_asking = false;
};

} // namespace AgentBay::Ui
