// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/operationhandle.h>
#include <core/files/remotefiles.h>

#include <QByteArray>
#include <QFile>
#include <QMap>
#include <QObject>
#include <QSaveFile>

#include <memory>

namespace AgentBay::Core {

class ApiClient;

// Moves one file between this computer and a session in the SDK's chunk sizes (protocol.md
// 6.2), with progress and cancel, through RemoteFiles only, so it works against the cloud as
// against agentbay-local. Nothing half-written is ever left where the file belongs:
// - upload: write_file takes text only, so the bytes go as base64 text (52224 characters per
//   call, appended) into hidden temporary files beside the target, a few contiguous ranges in
//   parallel ("lanes": one call at a time per connection is slow, see the note in filetransfer.cpp);
//   one shell call joins and decodes them and renames the result over the target (`mv -T`,
//   atomic); cancel or failure deletes the temporary files. The writes in flight are allowed to
//   land before those deletes, so a late write can never recreate one.
// - download: read_file format=binary in 51200-byte reads (a few in flight, written in order)
//   into a QSaveFile that is committed (renamed into place) only when every byte arrived.
// - fetch: the same reads into memory, at most maxBytes (previews).
class FileTransfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileTransfer)

public:
    enum class Kind {
        Upload,
        Download,
        Fetch
    };
    enum class State {
        Idle,
        Running,
        Finishing, // upload: every byte sent, being decoded and moved into place (cannot cancel)
        Succeeded,
        Failed,
        Cancelled
    };
    Q_ENUM(State)

    // Raw bytes per write call: their base64 is exactly WriteChunkBytes characters.
    static constexpr qint64 RawWriteChunkBytes = RemoteFiles::WriteChunkBytes / 4 * 3;

    FileTransfer(ApiClient *client, const QString &sessionId, QObject *parent = nullptr);
    // A transfer destroyed while running stops; an upload's temporary file is still deleted.
    ~FileTransfer() override;

    void upload(const QString &localPath, const QString &remotePath);
    void download(const QString &remotePath, const QString &localPath);
    void fetch(const QString &remotePath, qint64 maxBytes);
    // Returns false when nothing can be stopped any more (not running, or finishing an upload).
    bool cancel();

    // Calls kept in flight at once (default 6, the per-host connection limit of Qt's HTTP):
    // reads of a download, lanes of an upload.
    void setWindow(int calls) { m_window = qMax(1, calls); }

    Kind kind() const { return m_kind; }

    State state() const { return m_state; }

    bool isRunning() const { return m_state == State::Running || m_state == State::Finishing; }

    QString errorString() const { return m_error; }

    QString localPath() const { return m_localPath; }

    QString remotePath() const { return m_remotePath; }

    qint64 bytesDone() const { return m_done; }

    qint64 bytesTotal() const { return m_total; }

    // fetch(): the bytes read. fileSize(): the whole remote file's size (fetch and download).
    QByteArray data() const { return m_data; }

    qint64 fileSize() const { return m_fileSize; }

    // The hidden name an upload's temporary files start with (empty before upload()).
    QString remoteTemporaryPath() const { return m_tempB64; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void stateChanged(AgentBay::Core::FileTransfer::State state);
    // Once, with the final state (Succeeded, Failed or Cancelled).
    void finished();

private:
    bool begin(Kind kind, const QString &localPath, const QString &remotePath);
    void setState(State state);
    void end(State state, const QString &error = {});
    void fail(const QString &error);

    // A lane sends one contiguous range of the file, chunk after chunk, to a file of its own.
    struct Lane
    {
        qint64 next = 0;
        qint64 end = 0;
        QString path;
        bool written = false; // its file may exist in the session
        OperationHandle handle;
    };

    void sendChunk(qsizetype lane);
    bool lanesBusy() const;
    // Cancel or failure: once no write is in flight, the lane files go, then the end.
    void stopUpload(State state, const QString &error);
    void removeLaneFiles(qsizetype from);
    void finishUpload();
    void checkUploaded();

    void startReads();
    void requestMoreReads();
    void storeRead(qint64 offset, qint64 length, const Result<QByteArray> &r);
    void finishRead();

    RemoteFiles m_files;
    QPointer<ApiClient> m_client;
    Kind m_kind = Kind::Upload;
    State m_state = State::Idle;
    QString m_error;
    QString m_localPath;
    QString m_remotePath;
    QString m_tempB64;
    QString m_tempPart;
    qint64 m_done = 0;
    qint64 m_total = 0;
    qint64 m_fileSize = -1;
    bool m_cancelRequested = false;
    int m_window = 6;

    // upload
    QFile m_source;
    OperationHandle m_current;
    QList<Lane> m_lanes;
    bool m_stopping = false;
    State m_stopState = State::Failed;
    QString m_stopError;

    // download / fetch
    std::unique_ptr<QSaveFile> m_target;
    QByteArray m_data;
    qint64 m_nextOffset = 0;
    QMap<qint64, OperationHandle> m_reads; // in flight, by offset
    QMap<qint64, QByteArray> m_pending; // arrived out of order
};

} // namespace AgentBay::Core
