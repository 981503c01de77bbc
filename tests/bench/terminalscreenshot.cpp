// SPDX-License-Identifier: MIT
#include "terminalscreenshot.h"

#include "../server/rawapi.h"

#include <core/api/apiclient.h>
#include <core/config/config.h>
#include <core/terminal/terminalchannel.h>
#include <ui/terminal/terminalpanel.h>
#include <ui/terminal/terminalscreen.h>
#include <ui/terminal/terminalsessionpage.h>
#include <ui/terminal/terminalview.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTabWidget>

#include <functional>

namespace AgentBay::Test {

namespace {

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < timeoutMs) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return done();
}

bool shows(const Ui::TerminalView *view, const QString &text)
{
    const Ui::TerminalScreen *screen = view->screen();
    for (int row = 0; row < screen->rows(); ++row) {
        if (screen->rowText(row).contains(text)) {
            return true;
        }
    }
    return false;
}

} // namespace

bool saveTerminalScreenshot(const QString &url, const QString &apiKey, const QString &path)
{
    RawApi api(url, apiKey);
    const QString sessionId = api.createSession();
    Core::Config config;
    config.endpoint = url;
    config.apiKey = apiKey;
    Core::ApiClient client(config);
    Ui::TerminalPanel panel(&client);
    panel.setWindowTitle(QStringLiteral("Terminal"));
    panel.resize(900, 480);
    panel.show();
    panel.setSession(sessionId);
    Ui::TerminalSessionPage *page = panel.page(sessionId);
    if (!page
        || !waitFor(
            [page] {
                return page->channel()->isOpen() && page->terminalCount() == 1;
            },
            20000)) {
        return false;
    }
    Ui::TerminalView *first = page->terminal(0);
    waitFor(
        [first] {
            return shows(first, QStringLiteral("$"));
        },
        10000);
    first->screen()->paste(QStringLiteral("ls --color=auto /usr/lib; ls --color=auto -l /\n"));
    // The listing arrives in pieces: wait for its last line, then a moment for the prompt.
    waitFor(
        [first] {
            return shows(first, QStringLiteral("workspace"));
        },
        10000);
    waitFor(
        [] {
            return false;
        },
        800);
    const QImage lsImage = panel.grab().toImage();

    page->newTerminal();
    if (!waitFor(
            [page] {
                return page->terminalCount() == 2;
            },
            5000)) {
        return false;
    }
    Ui::TerminalView *second = page->terminal(1);
    waitFor(
        [second] {
            return shows(second, QStringLiteral("$"));
        },
        10000);
    second->screen()->paste(QStringLiteral("top\n"));
    waitFor(
        [second] {
            return shows(second, QStringLiteral("load average"));
        },
        10000);
    waitFor(
        [] {
            return false;
        },
        2500); // a refresh of top, with its processes
    second->setFocus();
    waitFor(
        [] {
            return false;
        },
        200);
    const QImage topImage = panel.grab().toImage();

    QImage both(lsImage.width(), lsImage.height() + topImage.height() + 6, QImage::Format_RGB32);
    both.fill(Qt::white);
    QPainter painter(&both);
    painter.drawImage(0, 0, lsImage);
    painter.drawImage(0, lsImage.height() + 6, topImage);
    painter.end();
    second->screen()->paste(QStringLiteral("q"));
    return both.save(path);
}

} // namespace AgentBay::Test
