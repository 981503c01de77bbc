// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apierror.h>
#include <core/api/operationhandle.h>
#include <core/sessions/session.h>

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;

namespace AgentBay::Ui {

class LabelEditor;
class LifecyclePolicyEditor;
class SessionController;

// Image (editable, with the known images), labels, region and policy; runs CreateMcpSession
// itself with a busy bar and Cancel, shows a failure inline and stays open so nothing typed is
// lost. Emits created() and closes on success.
class CreateSessionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateSessionDialog)

public:
    explicit CreateSessionDialog(SessionController *controller, QWidget *parent = nullptr);
    ~CreateSessionDialog() override;

    // The images the cloud documents; a custom image id (imgc-…) can still be typed.
    static QStringList cloudImages();
    // What agentbay-local runs (server/tools ToolCatalog); a refusal from it names its images
    // again and replaces this list (see imagesNamedIn()).
    static QStringList localImages();
    // The image ids a refusal names besides the refused one (agentbay-local lists what it offers).
    static QStringList imagesNamedIn(const QString &message, const QString &refused);

    // Local: offer agentbay-local's images; otherwise the cloud's documented list.
    void setLocalServer(bool local);
    QStringList offeredImages() const;
    Core::CreateSessionParams params() const;
    void setDefaultRegion(const QString &region);

    // For tests and keyboard users: the same as pressing Create.
    void submit();

    bool isRunning() const { return m_operation.isRunning(); }

    QComboBox *imageCombo() const { return m_image; }

    LabelEditor *labelEditor() const { return m_labels; }

    QLabel *errorLabel() const { return m_error; }

    QLabel *imageHint() const { return m_imageHint; }

    LifecyclePolicyEditor *lifecycleEditor() const { return m_lifecycle; }

Q_SIGNALS:
    void created(const QString &sessionId);

protected:
    void reject() override;

private:
    void setRunning(bool running);
    void updateButtons();
    void setOfferedImages(const QStringList &images);
    void showFailure(const Core::ApiError &error, const QString &image);

    SessionController *m_controller;
    QComboBox *m_image;
    QLabel *m_imageHint;
    bool m_local = false;
    LabelEditor *m_labels;
    QLineEdit *m_region;
    QLineEdit *m_policy;
    LifecyclePolicyEditor *m_lifecycle;
    QLabel *m_error;
    QProgressBar *m_progress;
    QLabel *m_progressText;
    QDialogButtonBox *m_buttons;
    Core::OperationHandle m_operation;
};

} // namespace AgentBay::Ui
