// SPDX-License-Identifier: MIT
#pragma once

#include <core/api/apiclient.h>
#include <support/callbackprobe.h>
#include <support/fakehttpserver.h>

#include <QJsonObject>
#include <QJsonValue>
#include <QMetaType>

#include <memory>
#include <optional>

namespace AgentBay::Test {

// Characters a naive encoder breaks: '+', '&', '=', '%', ';', '/', spaces and UTF-8.
inline const QString ApiKey = QStringLiteral("akm-Secr3tMarker+/=&;%2B key-é");
inline const QString KeyMarker = QStringLiteral("Secr3tMarker");
inline const QString SessionA = QStringLiteral("session-abcdefghij0123456789");
inline const Core::WaitOptions FastWait{3000, 20};

// Everything a callback said, whatever its value type.
struct Outcome
{
    bool ok = false;
    Core::ApiError error;
    QString requestId;
};

template <typename T>
using Probe = CallbackProbe<T>;

struct AnyProbe
{
    std::optional<Outcome> outcome;
    int calls = 0;
    QObject context;

    template <typename T>
    Core::ApiClient::Callback<T> callback()
    {
        return [this](const Core::Result<T> &r) {
            Outcome o;
            o.ok = r.ok();
            if (!r.ok()) {
                o.error = r.error();
            }
            o.requestId = r.requestId();
            outcome = o;
            ++calls;
        };
    }

    bool done() const { return outcome.has_value(); }
};

// Every public operation of ApiClient, for data-driven tests.
enum class Op {
    Create,
    List,
    ListAll,
    GetSession,
    Get,
    GetSessionDetail,
    Delete,
    PauseAsync,
    ResumeAsync,
    Pause,
    Resume,
    SetLabels,
    GetLabels,
    Info,
    GetLink,
    ListMcpTools,
    CallMcpTool,
    KeepAlive,
};

QString actionOf(Op op);
// Starts op with plain arguments; the probe's context guards the callback.
Core::OperationHandle startOp(Op op, Core::ApiClient &client, AnyProbe &probe, const QString &sessionId = SessionA);

// Answer envelopes as the service writes them (protocol.md 1.6).
QJsonObject envelope(
    const QJsonValue &data = QJsonValue(QJsonValue::Undefined), const QString &requestId = QStringLiteral("rid-ok"));
QJsonObject failure(const QString &code, const QString &message, int httpStatus, const QString &requestId);
CannedResponse notFound(const QString &requestId = QStringLiteral("rid-nf"));
QString jsonText(const QJsonValue &value);
QJsonObject parseObject(const QString &text);
QJsonObject labelsJson(const Core::Labels &labels);
QJsonObject mcpText(const QString &text, bool isError = false);
QJsonObject shellSchema();

// What the ApiClient test cases share: a fresh fake server and a client pointed at it per test.
class ApiClientFixture
{
protected:
    void setUpClient(); // call from init()
    void tearDownClient(); // call from cleanup()

    Core::Config configFor(int timeoutMs = 5000) const;
    void makeClient(int timeoutMs = 5000);
    // A plausible success for every action; GetSession says m_sessionStatus.
    std::optional<CannedResponse> serveOk(const RecordedRequest &request);
    // Starts op and waits for its first request; returns it.
    RecordedRequest firstRequestOf(Op op);

    std::unique_ptr<FakeHttpServer> m_server;
    std::unique_ptr<Core::ApiClient> m_client;
    QString m_sessionStatus = QStringLiteral("RUNNING"); // what serveOk's GetSession says
};

} // namespace AgentBay::Test

Q_DECLARE_METATYPE(AgentBay::Test::Op)
Q_DECLARE_METATYPE(AgentBay::Core::SessionStatus)
