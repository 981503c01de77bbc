// SPDX-License-Identifier: MIT
#include "toolcallsnippet.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace AgentBay::Core {

namespace {

QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

int timeoutSeconds(int ms)
{
    return (ms + 999) / 1000;
}

} // namespace

QString ToolCallSnippet::baseUrl(const QString &endpoint)
{
    QString url = endpoint.trimmed();
    if (url.isEmpty()) {
        url = u"wuyingai.cn-shanghai.aliyuncs.com"_s;
    }
    if (!url.startsWith(u"http://"_s, Qt::CaseInsensitive) && !url.startsWith(u"https://"_s, Qt::CaseInsensitive)) {
        url.prepend(u"https://"_s);
    }
    if (!url.endsWith(u'/')) {
        url.append(u'/');
    }
    return url;
}

QString ToolCallSnippet::shellQuote(const QString &text)
{
    QString quoted = text;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

QString ToolCallSnippet::pythonLiteral(const QJsonValue &value, int indent)
{
    const QString pad(indent * 4, u' ');
    const QString innerPad((indent + 1) * 4, u' ');
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return u"None"_s;
    case QJsonValue::Bool:
        return value.toBool() ? u"True"_s : u"False"_s;
    case QJsonValue::Double:
    case QJsonValue::String:
        // JSON string escapes (\n, \", \uXXXX) mean the same in Python.
        return jsonText(value);
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        QStringList items;
        for (const QJsonValue &item : array) {
            items.append(pythonLiteral(item, indent + 1));
        }
        const QString oneLine = u'[' + items.join(u", "_s) + u']';
        if (oneLine.size() <= 72 && !oneLine.contains(u'\n')) {
            return oneLine;
        }
        return u"[\n"_s + innerPad + items.join(u",\n"_s + innerPad) + u",\n"_s + pad + u']';
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        QStringList items;
        for (auto it = object.begin(); it != object.end(); ++it) {
            items.append(jsonText(it.key()) + u": "_s + pythonLiteral(it.value(), indent + 1));
        }
        const QString oneLine = u'{' + items.join(u", "_s) + u'}';
        if (oneLine.size() <= 72 && !oneLine.contains(u'\n')) {
            return oneLine;
        }
        return u"{\n"_s + innerPad + items.join(u",\n"_s + innerPad) + u",\n"_s + pad + u'}';
    }
    }
    return u"None"_s;
}

QString ToolCallSnippet::python(const ToolCallSnippetInput &input)
{
    QStringList lines{u"import os"_s, QString(), u"from agentbay import AgentBay"_s, QString()};
    if (!input.endpoint.trimmed().isEmpty()) {
        lines.append(u"os.environ[\"AGENTBAY_ENDPOINT\"] = "_s + jsonText(input.endpoint.trimmed()));
    }
    lines.append(u"agent_bay = AgentBay(api_key=os.environ[\"AGENTBAY_API_KEY\"])"_s);
    lines.append(u"session = agent_bay.get("_s + jsonText(input.sessionId) + u").session"_s);
    QString call = u"result = session.call_mcp_tool(\n    "_s + jsonText(input.toolName) + u",\n    "_s
        + pythonLiteral(input.arguments, 1) + u",\n"_s;
    if (input.readTimeoutMs > 0) {
        call += u"    read_timeout="_s + QString::number(timeoutSeconds(input.readTimeoutMs)) + u",\n"_s;
    }
    call += u')';
    lines.append(call);
    lines.append(u"print(result.data if result.success else result.error_message)"_s);
    return lines.join(u'\n') + u'\n';
}

QString ToolCallSnippet::curl(const ToolCallSnippetInput &input)
{
    // Double quotes around the URL so that the shell fills in the timestamp and nonce.
    const QString url = baseUrl(input.endpoint)
        + u"?Action=CallMcpTool&Format=json&Version=2025-05-06"
          u"&Timestamp=$(date -u +%Y-%m-%dT%H%%3A%M%%3A%SZ)&SignatureNonce=$(date +%s%N)"_s;
    QStringList parts{u"curl -sS -X POST \""_s + url + u'"'};
    if (input.readTimeoutMs > 0) {
        parts.append(u"--max-time "_s + QString::number(timeoutSeconds(input.readTimeoutMs)));
    }
    parts.append(u"--data-urlencode \"Authorization=Bearer $AGENTBAY_API_KEY\""_s);
    const auto field = [&parts](const QString &name, const QString &value) {
        parts.append(u"--data-urlencode "_s + ToolCallSnippet::shellQuote(name + u'=' + value));
    };
    field(u"SessionId"_s, input.sessionId);
    field(u"Name"_s, input.toolName);
    field(u"Server"_s, input.server);
    field(u"Args"_s, compactJson(input.arguments));
    field(u"AutoGenSession"_s, u"false"_s);
    return parts.join(u" \\\n  "_s) + u'\n';
}

QString ToolCallSnippet::pythonFanOut(const ToolCallSnippetInput &input, const QStringList &sessionIds)
{
    QStringList lines{u"import os"_s, QString(), u"from agentbay import AgentBay"_s, QString()};
    if (!input.endpoint.trimmed().isEmpty()) {
        lines.append(u"os.environ[\"AGENTBAY_ENDPOINT\"] = "_s + jsonText(input.endpoint.trimmed()));
    }
    lines.append(u"agent_bay = AgentBay(api_key=os.environ[\"AGENTBAY_API_KEY\"])"_s);
    QJsonArray ids;
    for (const QString &id : sessionIds) {
        ids.append(id);
    }
    lines.append(u"session_ids = "_s + pythonLiteral(ids));
    lines.append(u"args = "_s + pythonLiteral(input.arguments));
    lines.append(QString());
    lines.append(u"for session_id in session_ids:"_s);
    lines.append(u"    session = agent_bay.get(session_id).session"_s);
    QString call = u"    result = session.call_mcp_tool("_s + jsonText(input.toolName) + u", args"_s;
    if (input.readTimeoutMs > 0) {
        call += u", read_timeout="_s + QString::number(timeoutSeconds(input.readTimeoutMs));
    }
    lines.append(call + u')');
    lines.append(u"    print(session_id, result.data if result.success else result.error_message)"_s);
    return lines.join(u'\n') + u'\n';
}

QString ToolCallSnippet::curlFanOut(const ToolCallSnippetInput &input, const QStringList &sessionIds)
{
    // One curl per session; the session id comes from the loop variable, not a quoted literal.
    static const QString placeholder = u"@SESSION@"_s;
    ToolCallSnippetInput one = input;
    one.sessionId = placeholder;
    QString command = curl(one).trimmed();
    command.replace(shellQuote(u"SessionId="_s + placeholder), u"\"SessionId=$session\""_s);
    command.replace(u"\n"_s, u"\n  "_s);
    QStringList quoted;
    for (const QString &id : sessionIds) {
        quoted.append(shellQuote(id));
    }
    return u"for session in "_s + quoted.join(u' ') + u"; do\n  echo \"== $session\"\n  "_s + command
        + u"\n  echo\ndone\n"_s;
}

} // namespace AgentBay::Core
