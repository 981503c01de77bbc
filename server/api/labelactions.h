// SPDX-License-Identifier: MIT
#pragma once

#include <server/api/apireply.h>

#include <QCoreApplication>
#include <QMap>
#include <QString>

#include <optional>

namespace AgentBay::Server {

class ActionContext;
class RequestParameters;

// SetLabel and GetLabel, and the Labels parameter they share with CreateMcpSession and
// ListSession: a JSON object of up to 50 string labels.
class LabelActions
{
    Q_DECLARE_TR_FUNCTIONS(LabelActions)

public:
    explicit LabelActions(ActionContext *context);

    ApiReply set(const RequestParameters &params);
    ApiReply get(const RequestParameters &params);

    // The labels of a Labels parameter (empty text: none), or nullopt and the problem.
    static std::optional<QMap<QString, QString>> parse(const QString &json, QString *problem);
    static QString toJson(const QMap<QString, QString> &labels);

    static constexpr int maxLabels = 50;
    static constexpr int maxKeyLength = 128;
    static constexpr int maxValueLength = 256;

private:
    ActionContext *m_context;
};

} // namespace AgentBay::Server
