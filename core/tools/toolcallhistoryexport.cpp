// SPDX-License-Identifier: MIT
#include "toolcallhistoryexport.h"

#include <core/api/redaction.h>

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace AgentBay::Core {

QByteArray ToolCallHistoryExport::toJsonLines(const QList<ToolCallRecord> &records, const QStringList &secrets)
{
    const Redaction redaction(secrets);
    QByteArray out;
    for (const ToolCallRecord &record : records) {
        const QJsonValue clean = redaction.apply(QJsonValue(record.toJson()));
        out += QJsonDocument(clean.toObject()).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

std::optional<QList<ToolCallRecord>> ToolCallHistoryExport::fromJsonLines(const QByteArray &data, QString *error)
{
    QList<ToolCallRecord> records;
    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty()) {
            continue;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        const auto record = doc.isObject() ? ToolCallRecord::fromJson(doc.object()) : std::nullopt;
        if (!record) {
            if (error) {
                *error = doc.isNull() ? tr("Line %1 is not JSON: %2").arg(i + 1).arg(parseError.errorString())
                                      : tr("Line %1 is not a tool call record.").arg(i + 1);
            }
            return std::nullopt;
        }
        records.append(*record);
    }
    return records;
}

bool ToolCallHistoryExport::writeFile(
    const QString &path, const QList<ToolCallRecord> &records, const QStringList &secrets, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // results may be private
    file.write(toJsonLines(records, secrets));
    if (!file.commit()) {
        if (error) {
            *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

std::optional<QList<ToolCallRecord>> ToolCallHistoryExport::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) {
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        }
        return std::nullopt;
    }
    return fromJsonLines(file.readAll(), error);
}

} // namespace AgentBay::Core
