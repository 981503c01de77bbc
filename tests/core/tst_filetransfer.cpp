// SPDX-License-Identifier: MIT
// Files of a session against a real agentbay-local: listing, chunked binary transfers both ways,
// rename, delete, previews, and cancels that leave nothing half-written behind.
#include <core/api/apiclient.h>
#include <core/files/filetransfer.h>
#include <core/files/remotefiles.h>
#include <support/callbackprobe.h>
#include <support/localserver.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace AgentBay::Core;
using AgentBay::Test::LocalServer;

namespace {

template <typename T>
using Probe = AgentBay::Test::CallbackProbe<T>;

// One tool call answers in milliseconds; the bound is generous for a loaded 2-core machine
// (and sanitizer builds). A 50 MB transfer is about 1000 calls each way.
constexpr int CallTimeoutMs = 30000;
constexpr int TransferTimeoutMs = 600000;
constexpr qint64 BigBytes = 50 * 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    for (qint64 i = size / 4 * 4; i < size; ++i) {
        bytes[i] = char(generator.generate());
    }
    return bytes;
}

bool writeLocal(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result().toHex() : QByteArray();
}

} // namespace

class tst_FileTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void list_folder_givesNamesKindsAndSizes();
    void uploadThenDownload_50MBRandom_byteExactBothSides();
    void upload_overExistingFile_replacesIt();
    void upload_emptyFile_givesEmptyFile();
    void move_renamesFile();
    void remove_deletesFileAndFolder();
    void fetch_givesOnlyTheFirstBytes();
    void cancel_midUpload_leavesNoTemporaryFileAndNoTarget();
    void cancel_midDownload_leavesNoLocalFile();
    void destroy_midUpload_stillRemovesTemporaryFile();
    void download_missingFile_failsWithoutLocalFile();

private:
    // The names in a session folder (empty list on failure, after a test failure was recorded).
    QStringList namesIn(const QString &folder);
    bool writeRemote(const QString &path, const QString &text);
    bool runTransfer(FileTransfer &transfer);

    std::unique_ptr<LocalServer> m_server;
    std::unique_ptr<ApiClient> m_client;
    std::unique_ptr<RemoteFiles> m_files;
    QTemporaryDir m_local;
};

void tst_FileTransfer::initTestCase()
{
    // Thousands of calls: the client's per-request debug lines would drown the report.
    QLoggingCategory::setFilterRules(QStringLiteral("agentbay.core.*.debug=false"));
    m_server = std::make_unique<LocalServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->lastError()));
    Config config;
    config.apiKey = m_server->apiKey();
    config.endpoint = m_server->url();
    config.timeoutMs = CallTimeoutMs;
    m_client = std::make_unique<ApiClient>(config);
    Probe<SessionData> created;
    m_client->create(CreateSessionParams{}, &created.context, created.callback());
    QTRY_VERIFY_WITH_TIMEOUT(created.done(), CallTimeoutMs);
    QVERIFY2(created.ok(), qPrintable(created.why()));
    m_files = std::make_unique<RemoteFiles>(m_client.get(), created.value().sessionId);
    QVERIFY(m_local.isValid());
}

QStringList tst_FileTransfer::namesIn(const QString &folder)
{
    Probe<QList<RemoteEntry>> listed;
    m_files->list(folder, &listed.context, listed.callback());
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
        QVERIFY2(listed.ok(), qPrintable(listed.why()));
    }();
    QStringList names;
    if (listed.ok()) {
        for (const RemoteEntry &entry : listed.value()) {
            names.append(entry.name);
        }
    }
    names.sort();
    return names;
}

bool tst_FileTransfer::writeRemote(const QString &path, const QString &text)
{
    Probe<Empty> written;
    m_files->writeText(path, text, false, &written.context, written.callback());
    if (!QTest::qWaitFor(
            [&] {
                return written.done();
            },
            CallTimeoutMs)) {
        return false;
    }
    return written.ok();
}

bool tst_FileTransfer::runTransfer(FileTransfer &transfer)
{
    if (transfer.state() == FileTransfer::State::Running || transfer.state() == FileTransfer::State::Finishing) {
        QSignalSpy finished(&transfer, &FileTransfer::finished);
        if (!finished.wait(TransferTimeoutMs)) {
            return false;
        }
    }
    return transfer.state() == FileTransfer::State::Succeeded;
}

void tst_FileTransfer::list_folder_givesNamesKindsAndSizes()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/list/a.txt"), QStringLiteral("hello")));
    QVERIFY(writeRemote(QStringLiteral("/workspace/list/sub/b.txt"), QString(1000, u'x')));
    Probe<QList<RemoteEntry>> listed;
    m_files->list(QStringLiteral("/workspace/list"), &listed.context, listed.callback());
    QTRY_VERIFY_WITH_TIMEOUT(listed.done(), CallTimeoutMs);
    QVERIFY2(listed.ok(), qPrintable(listed.why()));
    QCOMPARE(listed.value().size(), 2);
    for (const RemoteEntry &entry : listed.value()) {
        QCOMPARE(entry.isDirectory, entry.name == u"sub");
        QCOMPARE(entry.path, QStringLiteral("/workspace/list/") + entry.name);
    }
    Probe<RemoteEntry> info;
    m_files->stat(QStringLiteral("/workspace/list/a.txt"), &info.context, info.callback());
    QTRY_VERIFY_WITH_TIMEOUT(info.done(), CallTimeoutMs);
    QVERIFY2(info.ok(), qPrintable(info.why()));
    QCOMPARE(info.value().size, 5);
    QVERIFY(!info.value().isDirectory);
    QVERIFY(info.value().modified.isValid());
    QVERIFY(qAbs(info.value().modified.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
}

void tst_FileTransfer::uploadThenDownload_50MBRandom_byteExactBothSides()
{
    const QString source = m_local.filePath(QStringLiteral("big-source.bin"));
    const QString back = m_local.filePath(QStringLiteral("big-back.bin"));
    QVERIFY(writeLocal(source, randomBytes(BigBytes, 50)));
    const QByteArray sourceHash = sha256OfFile(source);

    FileTransfer up(m_client.get(), m_files->sessionId());
    QSignalSpy upProgress(&up, &FileTransfer::progress);
    up.upload(source, QStringLiteral("/workspace/big/big.bin"));
    QVERIFY2(runTransfer(up), qPrintable(up.errorString()));
    QCOMPARE(up.bytesDone(), BigBytes);
    QVERIFY(upProgress.size() > 1000); // 52224-character chunks: about 1300 calls, in 6 lanes
    QCOMPARE(upProgress.last().at(0).toLongLong(), BigBytes);
    // The hidden temporary files went with the move into place.
    QCOMPARE(namesIn(QStringLiteral("/workspace/big")), QStringList{QStringLiteral("big.bin")});

    // The session's own view of the bytes, not only the way back.
    Probe<ShellOutput> sum;
    m_files->shell(QStringLiteral("sha256sum /workspace/big/big.bin"), 50000, &sum.context, sum.callback());
    QTRY_VERIFY_WITH_TIMEOUT(sum.done(), CallTimeoutMs);
    QVERIFY2(sum.ok(), qPrintable(sum.why()));
    QCOMPARE(sum.value().stdOut.section(u' ', 0, 0).toLatin1(), sourceHash);

    FileTransfer down(m_client.get(), m_files->sessionId());
    QSignalSpy downProgress(&down, &FileTransfer::progress);
    down.download(QStringLiteral("/workspace/big/big.bin"), back);
    QVERIFY2(runTransfer(down), qPrintable(down.errorString()));
    QCOMPARE(down.bytesDone(), BigBytes);
    QVERIFY(downProgress.size() > 1000); // 51200-byte reads: 1024 of them
    QCOMPARE(QFileInfo(back).size(), BigBytes);
    QCOMPARE(sha256OfFile(back), sourceHash);
}

void tst_FileTransfer::upload_overExistingFile_replacesIt()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/replace/f.bin"), QString(200000, u'a')));
    const QString source = m_local.filePath(QStringLiteral("small.bin"));
    const QByteArray bytes = randomBytes(1000, 7);
    QVERIFY(writeLocal(source, bytes));
    FileTransfer up(m_client.get(), m_files->sessionId());
    up.upload(source, QStringLiteral("/workspace/replace/f.bin"));
    QVERIFY2(runTransfer(up), qPrintable(up.errorString()));
    FileTransfer fetch(m_client.get(), m_files->sessionId());
    fetch.fetch(QStringLiteral("/workspace/replace/f.bin"), 1 << 20);
    QVERIFY2(runTransfer(fetch), qPrintable(fetch.errorString()));
    QCOMPARE(fetch.fileSize(), 1000);
    QCOMPARE(fetch.data(), bytes);
}

void tst_FileTransfer::upload_emptyFile_givesEmptyFile()
{
    const QString source = m_local.filePath(QStringLiteral("empty.bin"));
    QVERIFY(writeLocal(source, {}));
    FileTransfer up(m_client.get(), m_files->sessionId());
    up.upload(source, QStringLiteral("/workspace/empty/e.bin"));
    QVERIFY2(runTransfer(up), qPrintable(up.errorString()));
    QCOMPARE(namesIn(QStringLiteral("/workspace/empty")), QStringList{QStringLiteral("e.bin")});
    Probe<RemoteEntry> info;
    m_files->stat(QStringLiteral("/workspace/empty/e.bin"), &info.context, info.callback());
    QTRY_VERIFY_WITH_TIMEOUT(info.done(), CallTimeoutMs);
    QVERIFY2(info.ok(), qPrintable(info.why()));
    QCOMPARE(info.value().size, 0);
}

void tst_FileTransfer::move_renamesFile()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/mv/old.txt"), QStringLiteral("content")));
    Probe<Empty> moved;
    m_files->move(QStringLiteral("/workspace/mv/old.txt"),
        QStringLiteral("/workspace/mv/new.txt"),
        &moved.context,
        moved.callback());
    QTRY_VERIFY_WITH_TIMEOUT(moved.done(), CallTimeoutMs);
    QVERIFY2(moved.ok(), qPrintable(moved.why()));
    QCOMPARE(namesIn(QStringLiteral("/workspace/mv")), QStringList{QStringLiteral("new.txt")});
}

void tst_FileTransfer::remove_deletesFileAndFolder()
{
    QVERIFY(writeRemote(QStringLiteral("/workspace/rm/f.txt"), QStringLiteral("x")));
    QVERIFY(writeRemote(QStringLiteral("/workspace/rm/dir/g.txt"), QStringLiteral("y")));
    Probe<Empty> file;
    m_files->remove(QStringLiteral("/workspace/rm/f.txt"), &file.context, file.callback());
    QTRY_VERIFY_WITH_TIMEOUT(file.done(), CallTimeoutMs);
    QVERIFY2(file.ok(), qPrintable(file.why()));
    Probe<Empty> folder;
    m_files->remove(QStringLiteral("/workspace/rm/dir"), &folder.context, folder.callback());
    QTRY_VERIFY_WITH_TIMEOUT(folder.done(), CallTimeoutMs);
    QVERIFY2(folder.ok(), qPrintable(folder.why()));
    QCOMPARE(namesIn(QStringLiteral("/workspace/rm")), QStringList());
}

void tst_FileTransfer::fetch_givesOnlyTheFirstBytes()
{
    const QString source = m_local.filePath(QStringLiteral("head.bin"));
    const QByteArray bytes = randomBytes(300000, 11); // NULs and bytes that are not UTF-8 included
    QVERIFY(writeLocal(source, bytes));
    FileTransfer up(m_client.get(), m_files->sessionId());
    up.upload(source, QStringLiteral("/workspace/head.bin"));
    QVERIFY2(runTransfer(up), qPrintable(up.errorString()));
    FileTransfer fetch(m_client.get(), m_files->sessionId());
    fetch.fetch(QStringLiteral("/workspace/head.bin"), 70000); // one whole read and a part of the next
    QVERIFY2(runTransfer(fetch), qPrintable(fetch.errorString()));
    QCOMPARE(fetch.fileSize(), 300000);
    QCOMPARE(fetch.data(), bytes.left(70000));
}

void tst_FileTransfer::cancel_midUpload_leavesNoTemporaryFileAndNoTarget()
{
    const QString source = m_local.filePath(QStringLiteral("cancel-up.bin"));
    QVERIFY(writeLocal(source, randomBytes(10 * 1024 * 1024, 3)));
    FileTransfer up(m_client.get(), m_files->sessionId());
    QSignalSpy finished(&up, &FileTransfer::finished);
    up.upload(source, QStringLiteral("/workspace/cancelup/target.bin"));
    // Well into the transfer: some chunks already sit in the temporary file.
    QTRY_VERIFY_WITH_TIMEOUT(up.bytesDone() > 2 * 1024 * 1024 || !up.isRunning(), TransferTimeoutMs);
    QVERIFY2(up.cancel(), qPrintable(up.errorString()));
    QVERIFY(finished.wait(CallTimeoutMs));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(up.state(), FileTransfer::State::Cancelled);
    QVERIFY(!up.cancel());
    // The folder exists (write_file made it) but holds nothing.
    QCOMPARE(namesIn(QStringLiteral("/workspace/cancelup")), QStringList());
}

void tst_FileTransfer::cancel_midDownload_leavesNoLocalFile()
{
    const QString source = m_local.filePath(QStringLiteral("cancel-down.bin"));
    QVERIFY(writeLocal(source, randomBytes(10 * 1024 * 1024, 4)));
    FileTransfer up(m_client.get(), m_files->sessionId());
    up.upload(source, QStringLiteral("/workspace/canceldown.bin"));
    QVERIFY2(runTransfer(up), qPrintable(up.errorString()));

    QTemporaryDir target;
    const QString local = target.filePath(QStringLiteral("partial.bin"));
    FileTransfer down(m_client.get(), m_files->sessionId());
    QSignalSpy finished(&down, &FileTransfer::finished);
    down.download(QStringLiteral("/workspace/canceldown.bin"), local);
    QTRY_VERIFY_WITH_TIMEOUT(down.bytesDone() > 2 * 1024 * 1024 || !down.isRunning(), TransferTimeoutMs);
    QVERIFY2(down.cancel(), qPrintable(down.errorString()));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(down.state(), FileTransfer::State::Cancelled);
    QVERIFY(!QFileInfo::exists(local));
    QCOMPARE(QDir(target.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

void tst_FileTransfer::destroy_midUpload_stillRemovesTemporaryFile()
{
    const QString source = m_local.filePath(QStringLiteral("destroy-up.bin"));
    QVERIFY(writeLocal(source, randomBytes(4 * 1024 * 1024, 5)));
    auto up = std::make_unique<FileTransfer>(m_client.get(), m_files->sessionId());
    up->upload(source, QStringLiteral("/workspace/destroyup/target.bin"));
    QTRY_VERIFY_WITH_TIMEOUT(up->bytesDone() > 512 * 1024 || !up->isRunning(), TransferTimeoutMs);
    QVERIFY2(up->isRunning(), qPrintable(up->errorString()));
    up.reset();
    // The delete was sent by the client on its own; wait for it to land (each list is a call).
    QTRY_COMPARE_WITH_TIMEOUT(namesIn(QStringLiteral("/workspace/destroyup")), QStringList(), CallTimeoutMs);
}

void tst_FileTransfer::download_missingFile_failsWithoutLocalFile()
{
    QTemporaryDir target;
    const QString local = target.filePath(QStringLiteral("never.bin"));
    FileTransfer down(m_client.get(), m_files->sessionId());
    down.download(QStringLiteral("/workspace/does-not-exist.bin"), local);
    QVERIFY(!runTransfer(down));
    QCOMPARE(down.state(), FileTransfer::State::Failed);
    QVERIFY2(down.errorString().contains(QStringLiteral("does-not-exist.bin")), qPrintable(down.errorString()));
    QCOMPARE(QDir(target.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(tst_FileTransfer)
#include "tst_filetransfer.moc"
