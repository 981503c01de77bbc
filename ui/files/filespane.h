// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apiclient.h>
#include <core/files/remotefiles.h>

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QSplitter;
class QTemporaryDir;
class QToolButton;

namespace AgentBay::Core {
class FileTransfer;
}

namespace AgentBay::Ui {

class FileListView;
class FilePreview;
class RemoteFileModel;
class TransferBar;

// The Files tab of a session: browse its filesystem from the workspace to anywhere it can see
// (path bar, Up, Home), upload (button or drop), download (Save as or drag out), new folder,
// rename, delete after a question, and a preview of the selected file. One transfer runs at a
// time, the rest wait in line; each shows in the transfer bar with Cancel.
class FilesPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilesPane)

public:
    // The questions the pane asks; tests answer them without dialogs.
    struct Prompts
    {
        std::function<bool(QWidget *parent, const QString &question)> confirm;
        std::function<QString(QWidget *parent, const QString &title, const QString &initial)> askName;
        std::function<QStringList(QWidget *parent)> askUploadFiles;
        std::function<QString(QWidget *parent, const QString &suggestedName)> askSavePath;
    };

    static inline const QString HomeFolder = QStringLiteral("/workspace");

    explicit FilesPane(QWidget *parent = nullptr);
    ~FilesPane() override;

    // Empty id = no session. A new session opens its workspace, when the pane is first shown
    // (a hidden tab lists nothing).
    void setSession(Core::ApiClient *client, const QString &sessionId);

    QString sessionId() const { return m_sessionId; }

    void setPrompts(const Prompts &prompts) { m_prompts = prompts; }

    QString folder() const;

    FileListView *view() const { return m_view; }

    RemoteFileModel *model() const { return m_model; }

    FilePreview *preview() const { return m_preview; }

    TransferBar *transferBar() const { return m_transferBar; }

    QLineEdit *pathEdit() const { return m_path; }

    QLabel *errorLabel() const { return m_error; }

    // The transfer running now (nullptr when idle) and how many wait.
    Core::FileTransfer *currentTransfer() const { return m_transfer; }

    int queuedTransfers() const { return int(m_queue.size()); }

public Q_SLOTS:
    void goTo(const QString &path);
    void goUp();
    void goHome();
    void refresh();
    void upload(const QStringList &localPaths);
    void chooseAndUpload();
    void saveSelectedAs();
    void newFolder();
    void renameSelected();
    void deleteSelected();

Q_SIGNALS:
    // After each transfer, with its final state.
    void transferFinished(bool succeeded, const QString &message);
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Job
    {
        bool upload = true;
        QString local;
        QString remote;
    };

    QToolButton *makeButton(const QString &text, const QString &accessibleName, const QString &tip);
    Core::RemoteEntry selectedEntry() const;
    void openIndex(const QModelIndex &index);
    void selectionChanged();
    void updateActions();
    void showError(const QString &message);
    void enqueue(const Job &job);
    void startNext();
    void transferDone();
    QString materializeForDrag(const Core::RemoteEntry &entry);
    void afterChange(const Core::Result<Core::Empty> &r, const QString &select, const QString &what);

    QPointer<Core::ApiClient> m_client;
    QString m_sessionId;
    Prompts m_prompts;
    QList<Job> m_queue;
    Core::FileTransfer *m_transfer = nullptr;
    Job m_current;
    QString m_selectAfterLoad;
    bool m_homePending = false;
    std::unique_ptr<QTemporaryDir> m_dragDir;

    RemoteFileModel *m_model;
    FileListView *m_view;
    FilePreview *m_preview;
    TransferBar *m_transferBar;
    QLineEdit *m_path;
    QLabel *m_error;
    QToolButton *m_up;
    QToolButton *m_home;
    QToolButton *m_refresh;
    QToolButton *m_newFolder;
    QToolButton *m_upload;
    QToolButton *m_save;
    QToolButton *m_rename;
    QToolButton *m_delete;
    QSplitter *m_split;
};

} // namespace AgentBay::Ui
