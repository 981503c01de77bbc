// SPDX-License-Identifier: MIT
#include "filepreview.h"

#include "remotefilemodel.h"

#include <core/files/filetransfer.h>

#include <QFontDatabase>
#include <QImage>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace AgentBay::Ui {

using Core::FileTransfer;

FilePreview::FilePreview(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_textView(new QPlainTextEdit(this))
    , m_imageArea(new QScrollArea(this))
    , m_image(new QLabel(this))
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    m_title->setAccessibleName(tr("Previewed file"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setAccessibleName(tr("Preview message"));
    m_textView->setReadOnly(true);
    m_textView->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_textView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_textView->setAccessibleName(tr("Text preview"));
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setAccessibleName(tr("Image preview"));
    m_imageArea->setWidget(m_image);
    m_imageArea->setWidgetResizable(true);
    m_imageArea->setAlignment(Qt::AlignCenter);
    m_imageArea->setAccessibleName(tr("Image preview area"));
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_textView);
    m_stack->addWidget(m_imageArea);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    setAccessibleName(tr("Preview"));
    clear();
}

FilePreview::~FilePreview() = default;

void FilePreview::setSession(Core::ApiClient *client, const QString &sessionId)
{
    m_client = client;
    m_sessionId = sessionId;
    clear();
}

void FilePreview::clear()
{
    delete m_fetch;
    m_fetch = nullptr;
    m_entry = {};
    m_title->clear();
    m_textView->clear();
    m_image->clear();
    m_picture = {};
    m_imageSize = {};
    m_message->setText(tr("Select a file to preview it"));
    m_stack->setCurrentWidget(m_message);
    m_shown = Shown::Nothing;
}

QString FilePreview::text() const
{
    return m_shown == Shown::Text ? m_textView->toPlainText() : m_message->text();
}

QSize FilePreview::imageSize() const
{
    return m_imageSize;
}

void FilePreview::fitPicture()
{
    if (m_picture.isNull()) {
        return;
    }
    // Shrunk to the room there is, never enlarged.
    const QSize room = m_stack->size() - QSize(12, 12); // the scroll area may not be laid out yet
    const bool tooBig = m_picture.width() > room.width() || m_picture.height() > room.height();
    m_image->setPixmap(tooBig && room.isValid() && !room.isEmpty()
            ? m_picture.scaled(room, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : m_picture);
}

void FilePreview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitPicture();
}

void FilePreview::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    fitPicture();
}

bool FilePreview::looksLikeImage(const QString &name)
{
    static const QStringList suffixes{QStringLiteral(".png"),
        QStringLiteral(".jpg"),
        QStringLiteral(".jpeg"),
        QStringLiteral(".gif"),
        QStringLiteral(".bmp"),
        QStringLiteral(".webp")};
    return std::any_of(suffixes.cbegin(), suffixes.cend(), [&](const QString &suffix) {
        return name.endsWith(suffix, Qt::CaseInsensitive);
    });
}

void FilePreview::showMessage(const QString &message)
{
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    m_shown = Shown::Message;
}

void FilePreview::showEntry(const Core::RemoteEntry &entry)
{
    clear();
    m_entry = entry;
    m_title->setText(entry.path);
    if (entry.isDirectory) {
        showMessage(tr("Folder"));
        return Q_EMIT previewReady();
    }
    if (!m_client) {
        showMessage(tr("No session"));
        return Q_EMIT previewReady();
    }
    // Names that promise a picture get the whole file (within a bound); the rest its head.
    const bool image = looksLikeImage(entry.name);
    if (image && entry.hasDetails && entry.size > ImagePreviewBytes) {
        showMessage(tr("Too big to preview (%1)").arg(RemoteFileModel::formatSize(entry.size)));
        return Q_EMIT previewReady();
    }
    m_fetch = new FileTransfer(m_client, m_sessionId, this);
    connect(m_fetch, &FileTransfer::finished, this, &FilePreview::showFetched);
    m_message->setText(tr("Loading preview…"));
    m_shown = Shown::Loading;
    m_fetch->fetch(entry.path, image ? ImagePreviewBytes : TextPreviewBytes);
}

void FilePreview::showFetched()
{
    FileTransfer *fetch = std::exchange(m_fetch, nullptr);
    fetch->deleteLater();
    if (fetch->state() != FileTransfer::State::Succeeded) {
        showMessage(tr("No preview: %1").arg(fetch->errorString()));
        return Q_EMIT previewReady();
    }
    const QByteArray bytes = fetch->data();
    const QImage picture = QImage::fromData(bytes);
    if (!picture.isNull()) {
        m_imageSize = picture.size();
        m_picture = QPixmap::fromImage(picture);
        fitPicture();
        m_image->setToolTip(tr("%1 × %2 pixels").arg(picture.width()).arg(picture.height()));
        m_stack->setCurrentWidget(m_imageArea);
        m_shown = Shown::Image;
        return Q_EMIT previewReady();
    }
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(bytes);
    // Text has no NUL and decodes cleanly (a cut multi-byte character at the end is fine).
    if (bytes.contains('\0') || (utf8.hasError() && bytes.size() < TextPreviewBytes)) {
        showMessage(tr("Binary file (%1), no preview").arg(RemoteFileModel::formatSize(fetch->fileSize())));
        return Q_EMIT previewReady();
    }
    m_textView->setPlainText(text);
    if (fetch->fileSize() > bytes.size()) {
        m_title->setText(tr("%1 (first %2 of %3)")
                             .arg(m_entry.path,
                                 RemoteFileModel::formatSize(bytes.size()),
                                 RemoteFileModel::formatSize(fetch->fileSize())));
    }
    m_stack->setCurrentWidget(m_textView);
    m_shown = Shown::Text;
    Q_EMIT previewReady();
}

} // namespace AgentBay::Ui
