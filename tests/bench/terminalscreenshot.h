// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Test {

// Draws the Terminal tab against the agentbay-local at url: one terminal running
// `ls --color`, another running `top`; saves both views, one above the other, to path.
bool saveTerminalScreenshot(const QString &url, const QString &apiKey, const QString &path);

} // namespace AgentBay::Test
