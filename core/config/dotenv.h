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
    // explicitPath if it exists, else the nearest trusted ".env" from startDir upward, never
    // past homeDir (empty = the user's home); outside homeDir only startDir itself is looked
    // at. Empty if none. See isTrusted() for which files count.
    static QString locate(const QString &explicitPath, const QString &startDir, const QString &homeDir = {});
    // A searched .env (never an explicit one) is read only if the user owns it and its folder
    // and no other user can write to either.
    static bool isTrusted(const QString &path);
};

} // namespace AgentBay::Core
