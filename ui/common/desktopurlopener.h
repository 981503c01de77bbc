// SPDX-License-Identifier: MIT
#pragma once

#include <ui/services/urlopener.h>

namespace AgentBay::Ui {

// Opens URLs with the desktop's default handler (QDesktopServices).
class DesktopUrlOpener final : public UrlOpener
{
public:
    DesktopUrlOpener() = default;
    bool open(const QUrl &url) override;
};

} // namespace AgentBay::Ui
