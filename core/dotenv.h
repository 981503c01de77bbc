// SPDX-License-Identifier: MIT
#pragma once

#include <QMap>
#include <QString>

namespace AgentBay::Core {

// Reads KEY=VALUE files the way the SDKs do (comments, "export ", quotes).
class DotEnv
{
public:
    static QMap<QString, QString> parse(const QByteArray &text);
    static QMap<QString, QString> load(const QString &path);
    // explicitPath if it exists, else the first ".env" from startDir upward to the root; empty if none.
    static QString locate(const QString &explicitPath, const QString &startDir);
};

} // namespace AgentBay::Core
