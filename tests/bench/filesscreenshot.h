// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Test {

// Fills a session's workspace with a small project, shows the Files tab on it with a picture
// previewed, and saves a grab of the window to `path` (docs/files.png). Needs a QApplication.
bool takeFilesScreenshot(Core::ApiClient *client, const QString &sessionId, const QString &path, QString *error);

} // namespace AgentBay::Test
