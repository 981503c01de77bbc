// SPDX-License-Identifier: MIT
#include "labelactions.h"

#include <server/api/actioncontext.h>
#include <server/api/replytext.h>
#include <server/api/requestparameters.h>
#include <server/sessions/localsession.h>
#include <server/sessions/sessionstore.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace AgentBay::Server {

LabelActions::LabelActions(ActionContext *context)
    : m_context(context)
{
}

ApiReply LabelActions::set(const RequestParameters &params)
{
    ApiReply refusal;
    LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    if (!params.contains(QStringLiteral("Labels"))) {
        return ApiReply::badRequest(QStringLiteral("MissingParameter.Labels"), tr("Labels is required"));
    }
    QString problem;
    const auto labels = LabelActions::parse(params.value(QStringLiteral("Labels")), &problem);
    if (!labels) {
        return ApiReply::badRequest(QStringLiteral("InvalidParameter.Labels"), problem);
    }
    const auto previous = session->labels();
    session->setLabels(*labels);
    QString error;
    if (!m_context->store()->save(&error)) {
        session->setLabels(previous);
        return ApiReply::internalError(QStringLiteral("Store"), error);
    }
    return ApiReply::success();
}

ApiReply LabelActions::get(const RequestParameters &params)
{
    ApiReply refusal;
    const LocalSession *session = m_context->sessionFor(params, &refusal);
    if (!session) {
        return refusal;
    }
    const int maxResults = params.value(QStringLiteral("MaxResults")).toInt();
    ApiReply reply = ApiReply::success(QJsonObject{{QStringLiteral("Labels"), toJson(session->labels())}});
    reply.withTopLevel(QStringLiteral("MaxResults"), maxResults)
        .withTopLevel(QStringLiteral("NextToken"), QString())
        .withTopLevel(QStringLiteral("TotalCount"), int(session->labels().size()));
    return reply;
}

std::optional<QMap<QString, QString>> LabelActions::parse(const QString &json, QString *problem)
{
    if (json.trimmed().isEmpty()) {
        return QMap<QString, QString>();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!doc.isObject()) {
        *problem = tr("Labels must be a JSON object of strings, e.g. {\"project\": \"demo\"}");
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    if (object.size() > maxLabels) {
        *problem = tr("At most %1 labels are allowed").arg(maxLabels);
        return std::nullopt;
    }
    QMap<QString, QString> labels;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!it.value().isString()) {
            *problem = tr("The value of label %1 must be a string").arg(ReplyText::shorten(it.key()));
            return std::nullopt;
        }
        if (it.key().trimmed().isEmpty() || it.key().size() > maxKeyLength) {
            *problem = tr("Label keys must be 1 to %1 characters").arg(maxKeyLength);
            return std::nullopt;
        }
        if (it.value().toString().size() > maxValueLength) {
            *problem = tr("Label values must be at most %1 characters").arg(maxValueLength);
            return std::nullopt;
        }
        labels.insert(it.key(), it.value().toString());
    }
    return labels;
}

QString LabelActions::toJson(const QMap<QString, QString> &labels)
{
    QJsonObject object;
    for (auto it = labels.cbegin(); it != labels.cend(); ++it) {
        object.insert(it.key(), it.value());
    }
    return ReplyText::compact(object);
}

} // namespace AgentBay::Server
