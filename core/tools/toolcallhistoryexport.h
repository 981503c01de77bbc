// SPDX-License-Identifier: MIT
#pragma once

#include <core/tools/toolcallhistory.h>

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace AgentBay::Core {

// A session's calls as JSON lines, one ToolCallRecord (request, result, timing, request id)
// per line, for sharing or a bug report; and back, for viewing. Known secrets are replaced on
// the way out whatever the records hold, so an export never carries the API key.
class ToolCallHistoryExport
{
    Q_DECLARE_TR_FUNCTIONS(ToolCallHistoryExport)

public:
    static QByteArray toJsonLines(const QList<ToolCallRecord> &records, const QStringList &secrets);
    // Every line must be a record; empty lines are skipped. Error names the first bad line.
    static std::optional<QList<ToolCallRecord>> fromJsonLines(const QByteArray &data, QString *error = nullptr);

    static bool writeFile(
        const QString &path, const QList<ToolCallRecord> &records, const QStringList &secrets, QString *error);
    static std::optional<QList<ToolCallRecord>> readFile(const QString &path, QString *error);
};

} // namespace AgentBay::Core
