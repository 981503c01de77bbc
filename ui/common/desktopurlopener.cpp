// SPDX-License-Identifier: MIT
#include "desktopurlopener.h"

#include <QDesktopServices>

namespace AgentBay::Ui {

bool DesktopUrlOpener::open(const QUrl &url)
{
    return url.isValid() && QDesktopServices::openUrl(url);
}

} // namespace AgentBay::Ui
