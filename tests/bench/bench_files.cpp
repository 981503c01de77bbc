// SPDX-License-Identifier: MIT
// Files tab figures: upload and download throughput in MB/s (median of a few runs) of a random
// file through the session's file tools, in the SDK's chunk sizes, against a real agentbay-local.
//   bench_files [--runs N] [--megabytes M] [--window W] [--screenshot FILE.png]
// With --screenshot it only grabs the Files tab (docs/files.png; run it under Xvfb).
#include "filesscreenshot.h"

#include <core/api/apiclient.h>
#include <core/files/filetransfer.h>
#include <support/localserver.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace AgentBay::Core;
using AgentBay::Test::LocalServer;
using namespace Qt::Literals::StringLiterals;

namespace {

double median(QList<double> values)
{
    if (values.isEmpty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Runs the transfer to its end; seconds taken, or a negative value on failure.
double timed(FileTransfer &transfer, const std::function<void()> &start)
{
    QEventLoop loop;
    QObject::connect(&transfer, &FileTransfer::finished, &loop, &QEventLoop::quit);
    QElapsedTimer clock;
    clock.start();
    start();
    if (transfer.isRunning()) {
        loop.exec();
    }
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    if (transfer.state() != FileTransfer::State::Succeeded) {
        std::fprintf(stderr, "transfer failed: %s\n", qPrintable(transfer.errorString()));
        return -1;
    }
    return seconds;
}

QByteArray sha256(const QString &path)
{
    QFile file(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
}

} // namespace

int main(int argc, char *argv[])
{
    // Widgets only for the screenshot: the figures need no display.
    const bool screenshot = std::any_of(argv, argv + argc, [](const char *a) {
        return qstrcmp(a, "--screenshot") == 0;
    });
    std::unique_ptr<QCoreApplication> app =
        screenshot ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(u"runs"_s, u"Transfers each way."_s, u"N"_s, u"3"_s);
    const QCommandLineOption sizeOption(u"megabytes"_s, u"File size in MiB."_s, u"M"_s, u"50"_s);
    const QCommandLineOption windowOption(
        u"window"_s, u"Calls in flight at once (upload lanes, download reads)."_s, u"W"_s, u"6"_s);
    parser.addOption(runsOption);
    parser.addOption(sizeOption);
    const QCommandLineOption screenshotOption(u"screenshot"_s, u"Save a grab of the Files tab."_s, u"FILE"_s);
    parser.addOption(windowOption);
    parser.addOption(screenshotOption);
    parser.process(*app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const qint64 bytes = qMax(1, parser.value(sizeOption).toInt()) * qint64(1024 * 1024);
    const int window = qMax(1, parser.value(windowOption).toInt());
    QLoggingCategory::setFilterRules(u"agentbay.core.*.debug=false"_s);

    if (qEnvironmentVariableIsEmpty("AGENTBAY_LOCAL_BIN")) {
        qputenv("AGENTBAY_LOCAL_BIN", AGENTBAY_LOCAL_DEFAULT_BIN);
    }
    LocalServer server;
    if (!server.start()) {
        std::fprintf(stderr, "cannot start agentbay-local: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    Config config;
    config.apiKey = server.apiKey();
    config.endpoint = server.url();
    ApiClient client(config);
    QString sessionId;
    {
        QEventLoop loop;
        client.create(CreateSessionParams{}, &loop, [&](const Result<SessionData> &r) {
            if (r.ok()) {
                sessionId = r.value().sessionId;
            } else {
                std::fprintf(stderr, "cannot create a session: %s\n", qPrintable(r.errorMessage()));
            }
            loop.quit();
        });
        loop.exec();
    }
    if (sessionId.isEmpty()) {
        return 1;
    }

    if (screenshot) {
        QString error;
        if (!AgentBay::Test::takeFilesScreenshot(&client, sessionId, parser.value(screenshotOption), &error)) {
            std::fprintf(stderr, "screenshot failed: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("saved %s\n", qPrintable(parser.value(screenshotOption)));
        return 0;
    }

    QTemporaryDir local;
    const QString source = local.filePath(u"source.bin"_s);
    {
        QByteArray data(bytes, Qt::Uninitialized);
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(data.data()), bytes / 4);
        QFile file(source);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != bytes) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(source));
            return 1;
        }
    }
    const QByteArray sourceHash = sha256(source);
    const double megabytes = double(bytes) / (1024.0 * 1024.0);
    QList<double> up;
    QList<double> down;
    for (int run = 0; run < runs; ++run) {
        const QString remote = u"/workspace/bench-%1.bin"_s.arg(run);
        FileTransfer upload(&client, sessionId);
        upload.setWindow(window);
        const double upSeconds = timed(upload, [&] {
            upload.upload(source, remote);
        });
        const QString back = local.filePath(u"back-%1.bin"_s.arg(run));
        FileTransfer download(&client, sessionId);
        download.setWindow(window);
        const double downSeconds = timed(download, [&] {
            download.download(remote, back);
        });
        if (upSeconds < 0 || downSeconds < 0) {
            return 1;
        }
        if (sha256(back) != sourceHash) {
            std::fprintf(stderr, "run %d: the downloaded file differs from the uploaded one\n", run + 1);
            return 1;
        }
        QFile::remove(back);
        up.append(megabytes / upSeconds);
        down.append(megabytes / downSeconds);
        std::printf("run %d: upload %.1f MB/s (%.1f s), download %.1f MB/s (%.1f s), SHA-256 equal\n",
            run + 1,
            up.last(),
            upSeconds,
            down.last(),
            downSeconds);
    }
    std::printf("%.0f MiB file, %d runs: upload median %.1f MB/s, download median %.1f MB/s (%d calls in flight)\n",
        megabytes,
        runs,
        median(up),
        median(down),
        window);
    return 0;
}
