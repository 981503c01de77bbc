// SPDX-License-Identifier: MIT
#include "filetransfer.h"

#include <core/api/apiclient.h>

#include <QRandomGenerator>

#include <algorithm>
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
    const bool uploading = m_kind == Kind::Upload && isRunning();
    m_state = State::Cancelled;
    m_current.cancel();
    const QMap<qint64, OperationHandle> reads = std::exchange(m_reads, {});
    for (OperationHandle handle : reads) {
        handle.cancel();
    }
    for (Lane &lane : m_lanes) {
        lane.handle.cancel();
        if (uploading && lane.written && m_client) {
            // The session must not keep the half (the client is the context: this one is going).
            m_files.remove(lane.path, m_client, [](const Result<Empty> &) {});
        }
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
    m_stopping = false;
    m_lanes.clear();
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
    if (m_kind == Kind::Upload) {
        return stopUpload(State::Failed, error);
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
        stopUpload(State::Cancelled, tr("Cancelled"));
        return true;
    }
    end(State::Cancelled, tr("Cancelled"));
    return true;
}

// ---- upload ----
// Why lanes: the client sends a request's head and body in two writes, and with Nagle's
// algorithm on its socket the body waits for the server's delayed ACK of the head (about 40 ms
// on Linux) whenever the body is under one segment, as every write chunk is. Calls on several
// connections at once overlap those waits; reads do not suffer (their bodies are small).

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
    m_tempB64 = RemoteFiles::join(
        RemoteFiles::parentOf(remotePath), u'.' + RemoteFiles::nameOf(remotePath) + u".upload-" + randomTag());
    m_tempPart = m_tempB64 + QStringLiteral(".part");
    // Contiguous ranges of whole chunks, one per lane: each lane's base64 ends on a chunk
    // boundary (a multiple of 3 bytes), so the lane files joined in order are one base64 text.
    const qint64 chunks = qMax<qint64>(1, (m_total + RawWriteChunkBytes - 1) / RawWriteChunkBytes);
    const qint64 lanes = qMin<qint64>(chunks, m_window);
    const qint64 perLane = (chunks + lanes - 1) / lanes;
    for (qint64 lane = 0; lane < lanes && lane * perLane * RawWriteChunkBytes < qMax<qint64>(m_total, 1); ++lane) {
        Lane l;
        l.next = lane * perLane * RawWriteChunkBytes;
        l.end = qMin(m_total, (lane + 1) * perLane * RawWriteChunkBytes);
        l.path = m_tempB64 + QStringLiteral(".b64.") + QString::number(lane);
        m_lanes.append(l);
    }
    Q_EMIT progress(0, m_total);
    for (qsizetype lane = 0; lane < m_lanes.size() && isRunning() && !m_stopping; ++lane) {
        sendChunk(lane);
    }
}

bool FileTransfer::lanesBusy() const
{
    return std::any_of(m_lanes.cbegin(), m_lanes.cend(), [](const Lane &l) {
        return l.handle.isRunning();
    });
}

void FileTransfer::sendChunk(qsizetype lane)
{
    Lane &l = m_lanes[lane];
    if (l.written && l.next >= l.end) {
        // Every range sent and every answer back (a lane's last write may still be on its way).
        const bool allSent = std::all_of(m_lanes.cbegin(), m_lanes.cend(), [](const Lane &x) {
            return x.written && x.next >= x.end;
        });
        if (allSent && !lanesBusy() && m_state == State::Running) {
            finishUpload();
        }
        return;
    }
    QByteArray raw;
    if (l.next < l.end) {
        if (!m_source.seek(l.next)) {
            return stopUpload(State::Failed, tr("Cannot read %1: %2").arg(m_localPath, m_source.errorString()));
        }
        raw = m_source.read(qMin(RawWriteChunkBytes, l.end - l.next));
        if (raw.size() != qMin(RawWriteChunkBytes, l.end - l.next)) {
            return stopUpload(State::Failed, tr("Cannot read %1: it changed while it was sent").arg(m_localPath));
        }
    }
    const bool append = l.written;
    l.written = true; // from now on the lane's file may exist in the session
    l.next += raw.size();
    l.handle = m_files.writeText(l.path,
        QString::fromLatin1(raw.toBase64()),
        append,
        this,
        [this, lane, sent = qint64(raw.size())](const Result<Empty> &r) {
            m_lanes[lane].handle = {};
            if (!isRunning()) {
                return;
            }
            if (m_stopping) {
                return stopUpload(m_stopState, m_stopError);
            }
            if (!r.ok()) {
                return stopUpload(State::Failed, tr("Upload of %1 failed: %2").arg(m_remotePath, r.errorMessage()));
            }
            m_done += sent;
            Q_EMIT progress(m_done, m_total);
            sendChunk(lane);
        });
}

void FileTransfer::stopUpload(State state, const QString &error)
{
    if (!m_stopping) {
        m_stopping = true;
        m_stopState = state;
        m_stopError = error;
    }
    // Writes in flight land first (see the class comment); the last answer comes back here.
    if (!lanesBusy()) {
        removeLaneFiles(0);
    }
}

void FileTransfer::removeLaneFiles(qsizetype from)
{
    while (from < m_lanes.size() && !m_lanes.at(from).written) {
        ++from;
    }
    if (from >= m_lanes.size()) {
        return end(m_stopState, m_stopError);
    }
    m_lanes[from].written = false;
    m_current = m_files.remove(m_lanes.at(from).path, this, [this, from](const Result<Empty> &) {
        m_current = {};
        if (isRunning()) {
            removeLaneFiles(from + 1); // a failed delete means there was nothing to delete
        }
    });
}

void FileTransfer::finishUpload()
{
    setState(State::Finishing);
    QStringList lanes;
    for (const Lane &l : std::as_const(m_lanes)) {
        lanes.append(RemoteFiles::shellQuote(l.path));
    }
    const QString part = RemoteFiles::shellQuote(m_tempPart);
    // The size check keeps a short decode (a lane file gone missing) from replacing the target.
    const QString command = QStringLiteral(
        "cat %1 | base64 -d > %2 && [ \"$(wc -c < %2)\" -eq %3 ] && mv -fT %2 %4; rc=$?; rm -f %1 %2; exit $rc")
                                .arg(lanes.join(u' '), part)
                                .arg(m_total)
                                .arg(RemoteFiles::shellQuote(m_remotePath));
    // Decoding runs at well over 10 MB/s; the SDK's usual 50 s covers files up to 500 MB.
    const int timeoutMs = int(qBound(qint64(50000), m_total / 10000, qint64(3600000)));
    m_current = m_files.shell(command, timeoutMs, this, [this](const Result<ShellOutput> &r) {
        m_current = {};
        if (!isRunning()) {
            return;
        }
        if (!r.ok()) {
            // The command removed its own temporary files whatever happened.
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
