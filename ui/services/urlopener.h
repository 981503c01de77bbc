// SPDX-License-Identifier: MIT
#pragma once

#include <QUrl>

namespace AgentBay::Ui {

// Everything the app opens in the system browser goes through one of these, so tests can see
// what would have opened (DesktopUrlOpener in the app, a recording fake in tests).
class UrlOpener
{
public:
    UrlOpener() = default;
    virtual ~UrlOpener() = default;
    UrlOpener(const UrlOpener &) = delete;
    UrlOpener &operator=(const UrlOpener &) = delete;
    UrlOpener(UrlOpener &&) = delete;
    UrlOpener &operator=(UrlOpener &&) = delete;

    // False when nothing could open it (the caller tells the user).
    virtual bool open(const QUrl &url) = 0;
};

} // namespace AgentBay::Ui
