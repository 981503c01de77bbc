// SPDX-License-Identifier: MIT
// Terminal figures against a real agentbay-local: keystroke-to-echo latency (a key sent over
// the terminal channel until the pty's echo of it comes back; median and p90) and output
// throughput (a program printing as fast as it can, until the client has 32 MiB).
//   bench_terminal [--keys N] [--screenshot FILE.png]
// With --screenshot it draws the Terminal tab (docs/terminal.png) instead; run it on a display
// (xvfb-run -a -s '-screen 0 1280x800x24' bench_terminal --screenshot docs/terminal.png).
#include "../server/rawapi.h"
#include "terminalscreenshot.h"

#include <core/terminal/terminalchannel.h>
#include <support/localserver.h>
#include <ui/terminal/terminalscreen.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using AgentBay::Core::TerminalChannel;
using AgentBay::Test::LocalServer;
using AgentBay::Test::RawApi;
using namespace Qt::Literals::StringLiterals;

namespace {

// Runs the event loop until done() or timeoutMs; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) {
            return false;
        }
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    // The figures need no display; only the screenshot draws on one.
    const bool drawing = std::any_of(argv, argv + argc, [](const char *arg) {
        return qstrncmp(arg, "--screenshot", 12) == 0;
    });
    if (!drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption keysOption(u"keys"_s, u"Keys to time (default 200)."_s, u"N"_s, u"200"_s);
    parser.addOption(keysOption);
    QCommandLineOption shotOption(u"screenshot"_s, u"Save a picture of the Terminal tab."_s, u"FILE"_s);
    parser.addOption(shotOption);
    parser.process(app);
    const int keys = qMax(1, parser.value(keysOption).toInt());

    if (qEnvironmentVariableIsEmpty("AGENTBAY_LOCAL_BIN")) {
        qputenv("AGENTBAY_LOCAL_BIN", AGENTBAY_LOCAL_DEFAULT_BIN);
    }
    LocalServer server;
    if (!server.start()) {
        std::fprintf(stderr, "agentbay-local did not start: %s\n", qPrintable(server.lastError()));
        return 1;
    }
    if (parser.isSet(shotOption)) {
        const bool saved =
            AgentBay::Test::saveTerminalScreenshot(server.url(), server.apiKey(), parser.value(shotOption));
        std::printf("screenshot %s\n", saved ? "saved" : "FAILED");
        return saved ? 0 : 1;
    }
    RawApi api(server.url(), server.apiKey());
    const QString sessionId = api.createSession();
    const QJsonObject data = api.call(u"GetSession"_s, {{u"SessionId"_s, sessionId}}).json.value(u"Data").toObject();

    TerminalChannel channel;
    QByteArray output;
    QString terminalId;
    QObject::connect(&channel, &TerminalChannel::output, [&](const QString &, const QByteArray &bytes) {
        output += bytes;
    });
    QObject::connect(&channel, &TerminalChannel::created, [&](const QString &, const QString &id, const QString &) {
        terminalId = id;
    });
    channel.open(QUrl(data.value(u"WsUrl").toString()), data.value(u"Token").toString());
    if (!waitUntil(
            [&] {
                return channel.isOpen();
            },
            10000)) {
        std::fprintf(stderr, "the terminal channel did not open\n");
        return 1;
    }
    channel.createTerminal(80, 24);
    if (!waitUntil(
            [&] {
                return !terminalId.isEmpty();
            },
            15000)) {
        std::fprintf(stderr, "no terminal\n");
        return 1;
    }
    // A quiet prompt so that only the echo comes back.
    channel.sendInput(terminalId, "PS1=''; echo ready-$((1+1))\r");
    waitUntil(
        [&] {
            return output.contains("ready-2");
        },
        15000);
    QTimer::singleShot(0, [] {}); // let the prompt settle
    waitUntil(
        [] {
            return false;
        },
        200);

    QList<double> latencies;
    for (int i = 0; i < keys; ++i) {
        const char key = char('a' + i % 26);
        output.clear();
        QElapsedTimer clock;
        clock.start();
        channel.sendInput(terminalId, QByteArray(1, key));
        if (!waitUntil(
                [&] {
                    return output.contains(key);
                },
                5000)) {
            std::fprintf(stderr, "no echo for key %d\n", i);
            return 1;
        }
        latencies.append(double(clock.nsecsElapsed()) / 1e6);
        if (qEnvironmentVariableIsSet("BENCH_TERMINAL_TRACE") && i < 12) {
            std::fprintf(stderr, "%d %.3f ms %s\n", i, latencies.last(), output.toPercentEncoding().constData());
        }
        if (i % 40 == 39) {
            channel.sendInput(terminalId, "\x15"); // Ctrl+U: an empty line again
            waitUntil(
                [] {
                    return false;
                },
                20);
        }
    }
    std::sort(latencies.begin(), latencies.end());
    const double median = latencies.at(latencies.size() / 2);
    const double p90 = latencies.at(qsizetype(double(latencies.size() - 1) * 0.9));
    std::printf("keystroke-to-echo   median %6.2f ms  p90 %6.2f ms  (n=%lld)\n",
        median,
        p90,
        static_cast<long long>(latencies.size()));

    // Throughput: the client takes what a program prints as fast as it can.
    channel.sendInput(terminalId, "\x15yes 0123456789abcdefghijklmnopqrstuvwxyz\r");
    const qint64 want = 32 * 1024 * 1024;
    qint64 received = 0;
    QObject::connect(&channel, &TerminalChannel::output, [&](const QString &, const QByteArray &bytes) {
        received += bytes.size();
        output.clear();
    });
    QElapsedTimer clock;
    clock.start();
    waitUntil(
        [&] {
            return received >= want;
        },
        60000);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    channel.sendInput(terminalId, "\x03");
    std::printf("output throughput   %6.1f MB/s  (%lld bytes in %.2f s)\n",
        double(received) / 1e6 / seconds,
        static_cast<long long>(received),
        seconds);

    // The widget's side: what libvterm and the scrollback take per second (80 x 24 screen).
    AgentBay::Ui::TerminalScreen screen(24, 80);
    QByteArray chunk;
    while (chunk.size() < 64 * 1024) {
        chunk += "yes 0123456789 \x1b[32mabcdefghijklmnopqrstuvwxyz\x1b[0m\r\n";
    }
    QElapsedTimer screenClock;
    screenClock.start();
    qint64 fed = 0;
    while (fed < 64 * 1024 * 1024) {
        screen.write(chunk);
        fed += chunk.size();
    }
    std::printf("screen model        %6.1f MB/s  (%d lines of scrollback kept)\n",
        double(fed) / 1e6 / (double(screenClock.nsecsElapsed()) / 1e9),
        screen.scrollbackSize());
    return 0;
}
