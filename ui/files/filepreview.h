// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apiclient.h>
#include <core/files/remotefiles.h>

#include <QPixmap>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QScrollArea;
class QStackedWidget;

namespace AgentBay::Core {
class FileTransfer;
}

namespace AgentBay::Ui {

// The selected session file at a glance: the first TextPreviewBytes as text, or the picture of
// a PNG/JPEG/GIF/BMP/WebP up to ImagePreviewBytes decoded from its content (not its name).
// Anything else, or a folder, says what it is. A new selection stops the previous fetch.
class FilePreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilePreview)

public:
    static constexpr qint64 TextPreviewBytes = 64 * 1024;
    static constexpr qint64 ImagePreviewBytes = 16 * 1024 * 1024;

    enum class Shown {
        Nothing,
        Loading,
        Text,
        Image,
        Message // folder, binary, too big, error
    };

    explicit FilePreview(QWidget *parent = nullptr);
    ~FilePreview() override;

    void setSession(Core::ApiClient *client, const QString &sessionId);
    void showEntry(const Core::RemoteEntry &entry);
    void clear();

    Shown shown() const { return m_shown; }

    QString text() const; // the text shown (text preview or message)
    QSize imageSize() const; // the picture's own size, invalid when none

Q_SIGNALS:
    void previewReady();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void showFetched();
    void showMessage(const QString &message);
    void fitPicture();
    static bool looksLikeImage(const QString &name);

    QPointer<Core::ApiClient> m_client;
    QString m_sessionId;
    Core::RemoteEntry m_entry;
    Core::FileTransfer *m_fetch = nullptr;
    Shown m_shown = Shown::Nothing;
    QSize m_imageSize;
    QPixmap m_picture; // as decoded; the label shows it fitted

    QLabel *m_title;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QPlainTextEdit *m_textView;
    QScrollArea *m_imageArea;
    QLabel *m_image;
};

} // namespace AgentBay::Ui
