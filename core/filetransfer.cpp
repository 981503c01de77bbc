// SPDX-License-Identifier: MIT
#include "filetransfer.h"

#include "apiclient.h"

#include <QRandomGenerator>

#include <utility>

namespace AgentBay::Core {

namespace {

QString randomTag()
{
    return QString::number(QRandomGenerator::global()->generate64() & 0xffffffffffffULL, 36);
}

} // namespace

FileTransfer::FileTransfer(ApiClient *client, const QString &sessionId, QObject *parent)
    : QObject(parent)
    , m_files(client, sessionId)
    , m_client(client)
{
}

FileTransfer::~FileTransfer()
{
    // Callbacks run by the cancels below see a finished transfer and do nothing.
    const bool uploading = m_kind == Kind::Upload && isRunning() && m_wroteAny;
    m_state = State::Cancelled;
    m_current.cancel();
    const QMap<qint64, OperationHandle> reads = std::exchange(m_reads, {});
    for (OperationHandle handle : reads) {
        handle.cancel();
    }
    if (uploading && m_client) {
        // The session must not keep the half (the client is the context: this one is going).
        m_files.remove(m_tempB64, m_client, [](const Result<Empty> &) {});
    }
}

bool FileTransfer::begin(Kind kind, const QString &localPath, const QString &remotePath)
{
    if (isRunning()) {
        return false;
    }
    m_kind = kind;
    m_localPath = localPath;
    m_remotePath = remotePath;
    m_error.clear();
    m_done = 0;
    m_total = 0;
    m_fileSize = -1;
    m_cancelRequested = false;
    m_wroteAny = false;
    m_data.clear();
    m_nextOffset = 0;
    m_reads.clear();
    m_pending.clear();
    m_tempB64.clear();
    m_tempPart.clear();
    setState(State::Running);
    return true;
}

void FileTransfer::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void FileTransfer::end(State state, const QString &error)
{
    if (!isRunning()) {
        return;
    }
    m_state = state; // first: the cancels below run callbacks that must find us finished
    m_error = error;
    m_current.cancel();
    m_source.close();
    if (m_target) {
        m_target->cancelWriting(); // no-op after a commit; otherwise the temporary file goes
        m_target.reset();
    }
    const QMap<qint64, OperationHandle> reads = std::exchange(m_reads, {});
    for (OperationHandle handle : reads) {
        handle.cancel();
    }
    m_pending.clear();
    Q_EMIT stateChanged(state);
    Q_EMIT finished();
}

void FileTransfer::fail(const QString &error)
{
    if (m_kind == Kind::Upload && !m_tempB64.isEmpty()) {
        return cleanUpUploadThenEnd(State::Failed, error);
    }
    end(State::Failed, error);
}

bool FileTransfer::cancel()
{
    if (m_state != State::Running || m_cancelRequested) {
        return false;
    }
    m_cancelRequested = true;
    if (m_kind == Kind::Upload) {
        // The write in flight lands first (see the class comment); its answer cleans up.
        if (!m_current.isRunning()) {
            cleanUpUploadThenEnd(State::Cancelled, tr("Cancelled"));
        }
        return true;
    }
    end(State::Cancelled, tr("Cancelled"));
    return true;
}

// ---- upload ----

void FileTransfer::upload(const QString &localPath, const QString &remotePath)
{
    if (!begin(Kind::Upload, localPath, remotePath)) {
        return;
    }
    m_source.setFileName(localPath);
    if (!m_source.open(QIODevice::ReadOnly)) {
        return end(State::Failed, tr("Cannot read %1: %2").arg(localPath, m_source.errorString()));
    }
    m_total = m_source.size();
    m_fileSize = m_total;
    const QString stem = RemoteFiles::join(
        RemoteFiles::parentOf(remotePath), u'.' + RemoteFiles::nameOf(remotePath) + u".upload-" + randomTag());
    m_tempB64 = stem + QStringLiteral(".b64");
    m_tempPart = stem + QStringLiteral(".part");
    Q_EMIT progress(0, m_total);
    sendNextChunk();
}

void FileTransfer::sendNextChunk()
{
    const QByteArray raw = m_source.read(RawWriteChunkBytes);
    if (raw.isEmpty() && m_source.error() != QFileDevice::NoError) {
        return fail(tr("Cannot read %1: %2").arg(m_localPath, m_source.errorString()));
    }
    const bool append = m_wroteAny;
    m_wroteAny = true;
    m_current = m_files.writeText(m_tempB64,
        QString::fromLatin1(raw.toBase64()),
        append,
        this,
        [this, sent = qint64(raw.size())](const Result<Empty> &r) {
            m_current = {};
            if (!isRunning()) {
                return;
            }
            if (m_cancelRequested) {
                return cleanUpUploadThenEnd(State::Cancelled, tr("Cancelled"));
            }
            if (!r.ok()) {
                return fail(tr("Upload of %1 failed: %2").arg(m_remotePath, r.errorMessage()));
            }
            m_done += sent;
            Q_EMIT progress(m_done, m_total);
            if (m_done >= m_total || m_source.atEnd()) {
                return finishUpload();
            }
            sendNextChunk();
        });
}

void FileTransfer::finishUpload()
{
    setState(State::Finishing);
    const QString b64 = RemoteFiles::shellQuote(m_tempB64);
    const QString part = RemoteFiles::shellQuote(m_tempPart);
    const QString command = QStringLiteral("base64 -d %1 > %2 && mv -fT %2 %3; rc=$?; rm -f %1 %2; exit $rc")
                                .arg(b64, part, RemoteFiles::shellQuote(m_remotePath));
    // Decoding runs at well over 10 MB/s; the SDK's usual 50 s covers files up to 500 MB.
    const int timeoutMs = int(qBound(qint64(50000), m_total / 10000, qint64(3600000)));
    m_current = m_files.shell(command, timeoutMs, this, [this](const Result<ShellOutput> &r) {
        m_current = {};
        if (!isRunning()) {
            return;
        }
        if (!r.ok()) {
            // The command removed its own temporary files whatever happened.
            m_tempB64.clear();
            return end(State::Failed, tr("Upload of %1 failed: %2").arg(m_remotePath, r.errorMessage()));
        }
        checkUploaded();
    });
}

void FileTransfer::checkUploaded()
{
    m_current = m_files.stat(m_remotePath, this, [this](const Result<RemoteEntry> &r) {
        m_current = {};
        if (!isRunning()) {
            return;
        }
        if (!r.ok()) {
            return end(State::Failed, tr("Upload of %1 failed: %2").arg(m_remotePath, r.errorMessage()));
        }
        if (r.value().size != m_total) {
            return end(State::Failed,
                tr("Upload of %1 failed: the session has %2 bytes, %3 were sent")
                    .arg(m_remotePath)
                    .arg(r.value().size)
                    .arg(m_total));
        }
        end(State::Succeeded);
    });
}

void FileTransfer::cleanUpUploadThenEnd(State state, const QString &error)
{
    if (!m_wroteAny) {
        return end(state, error);
    }
    m_wroteAny = false;
    m_current = m_files.remove(m_tempB64, this, [this, state, error](const Result<Empty> &) {
        m_current = {};
        end(state, error); // a failed delete means there was nothing to delete
    });
}

// ---- download / fetch ----

void FileTransfer::download(const QString &remotePath, const QString &localPath)
{
    if (!begin(Kind::Download, localPath, remotePath)) {
        return;
    }
    m_target = std::make_unique<QSaveFile>(localPath);
    if (!m_target->open(QIODevice::WriteOnly)) {
        return end(State::Failed, tr("Cannot write %1: %2").arg(localPath, m_target->errorString()));
    }
    startReads();
}

void FileTransfer::fetch(const QString &remotePath, qint64 maxBytes)
{
    if (!begin(Kind::Fetch, {}, remotePath)) {
        return;
    }
    m_total = maxBytes;
    startReads();
}

void FileTransfer::startReads()
{
    // The SDK asks for the size first, then reads up to it.
    m_current = m_files.stat(m_remotePath, this, [this](const Result<RemoteEntry> &r) {
        m_current = {};
        if (!isRunning()) {
            return;
        }
        if (!r.ok()) {
            return fail(tr("Download of %1 failed: %2").arg(m_remotePath, r.errorMessage()));
        }
        if (r.value().isDirectory || r.value().size < 0) {
            return fail(tr("%1 is not a file").arg(m_remotePath));
        }
        m_fileSize = r.value().size;
        m_total = m_kind == Kind::Fetch ? qMin(m_total, m_fileSize) : m_fileSize;
        Q_EMIT progress(0, m_total);
        requestMoreReads();
    });
}

void FileTransfer::requestMoreReads()
{
    if (m_done >= m_total) {
        return finishRead();
    }
    while (m_reads.size() < m_window && m_nextOffset < m_total) {
        const qint64 offset = m_nextOffset;
        const qint64 length = qMin(RemoteFiles::ReadChunkBytes, m_total - offset);
        m_nextOffset += length;
        m_reads.insert(offset, {});
        const OperationHandle handle =
            m_files.read(m_remotePath, offset, length, this, [this, offset, length](const Result<QByteArray> &r) {
                storeRead(offset, length, r);
            });
        if (m_reads.contains(offset)) { // not answered at once
            m_reads.insert(offset, handle);
        }
        if (!isRunning()) {
            return;
        }
    }
}

void FileTransfer::storeRead(qint64 offset, qint64 length, const Result<QByteArray> &r)
{
    m_reads.remove(offset);
    if (!isRunning()) {
        return;
    }
    if (!r.ok()) {
        return fail(tr("Download of %1 failed: %2").arg(m_remotePath, r.errorMessage()));
    }
    if (r.value().size() != length) {
        return fail(tr("Download of %1 failed: the file changed while it was read").arg(m_remotePath));
    }
    m_pending.insert(offset, r.value());
    // Write what is contiguous from where the file stands.
    while (!m_pending.isEmpty() && m_pending.firstKey() == m_done) {
        const QByteArray bytes = m_pending.take(m_done);
        if (m_target) {
            if (m_target->write(bytes) != bytes.size()) {
                return fail(tr("Cannot write %1: %2").arg(m_localPath, m_target->errorString()));
            }
        } else {
            m_data += bytes;
        }
        m_done += bytes.size();
    }
    Q_EMIT progress(m_done, m_total);
    requestMoreReads();
}

void FileTransfer::finishRead()
{
    if (m_target && !m_target->commit()) {
        const QString reason = m_target->errorString();
        m_target.reset();
        return end(State::Failed, tr("Cannot write %1: %2").arg(m_localPath, reason));
    }
    m_target.reset();
    end(State::Succeeded);
}

} // namespace AgentBay::Core
