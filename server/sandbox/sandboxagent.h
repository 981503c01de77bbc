// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace AgentBay::Server {

// The small programs that run inside a session's sandbox: the agent that spawns every exec
// (one per session, so background processes outlive the call that started them) and the
// wrappers run_code uses. They are Python/JavaScript sources handed to the interpreter on
// its command line or in the environment.
//
// Agent wire format, one compact JSON object per line:
//   host -> agent: {"id":N,"cmd":"...","cwd":"/abs","env":{...},"timeout":ms[,"stdin":"<base64>"]}
//                  {"id":N,"kill":true}
//   agent -> host: {"ready":true,"pid":P} once, then per exec
//                  {"id":N,"code":int,"timedOut":bool,"out":"<base64>","err":"<base64>"} or {"id":N,"error":"..."}
//                  An output longer than maxOutputBytes comes as its start in "out" and its last
//                  keptTailBytes in "outTail", with its full length in "outSize" (same for err).
class SandboxAgent
{
public:
    // Largest stdout (and stderr) one exec returns; the middle of a longer one is left out.
    static constexpr qint64 maxOutputBytes = 1024 * 1024;
    static constexpr qint64 keptTailBytes = 64 * 1024;
    // A command whose stdout and stderr together pass this is killed: the agent keeps them
    // in /tmp, which is memory inside the sandbox. The answer then carries "overflow":N.
    static constexpr qint64 maxCapturedBytes = 128 * 1024 * 1024;

    static QString agentScript();
    // Reads the code from stdin, runs it, prints the output and then, after marker(), one
    // JSON line {"result":[...],"executionError":"..."}.
    static QString pythonRunner();
    static QString javascriptRunner();
    static QByteArray marker();
};

} // namespace AgentBay::Server
