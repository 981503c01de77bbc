// SPDX-License-Identifier: MIT
#include "sandboxagent.h"

#include <server/sandbox/queuedcall.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

Q_LOGGING_CATEGORY(lcAgent, "agentbay.server.sandboxagent")

namespace AgentBay::Server {

namespace {

using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

// Bytes taken from the socket per notification, so one busy agent cannot starve the others.
constexpr qsizetype kReadChunk = 256 * 1024;
constexpr int kReadsPerWakeup = 16;
// Descriptors received but not yet claimed by a reply: an honest agent has at most one.
constexpr int kMaxQueuedFds = 4;

QByteArray bytes(std::string_view view)
{
    return QByteArray(view.data(), qsizetype(view.size()));
}

// An exec's output as the agent sent it: whole, or its start and end around a note saying
// how much was left out.
QByteArray output(const AgentMessage &message, Tag whole, Tag tail, Tag size)
{
    const QByteArray head = bytes(message.text(whole));
    const qint64 total = message.integer(size, head.size());
    if (total <= head.size()) {
        return head;
    }
    const QByteArray end = bytes(message.text(tail));
    const QString note = QCoreApplication::translate("SessionSandbox",
        "[output truncated: %1 bytes left out here; the command wrote %2 bytes, a call returns at most %3]")
                             .arg(total - head.size() - end.size())
                             .arg(total)
                             .arg(SandboxAgent::maxOutputBytes);
    return head + '\n' + note.toUtf8() + '\n' + end;
}

} // namespace

SandboxAgent::SandboxAgent(int channelFd, QObject *parent)
    : QObject(parent)
    , m_fd(channelFd)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    ::fcntl(m_fd, F_SETFD, FD_CLOEXEC);
    m_readNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &SandboxAgent::readAvailable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &SandboxAgent::writePending);
}

SandboxAgent::~SandboxAgent()
{
    close(tr("The session was terminated"));
}

QString SandboxAgent::programPath()
{
    const QString fromEnvironment = qEnvironmentVariable("AGENTBAY_AGENT_BIN");
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment;
    }
    const QString besideUs = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("agentbay-agent"));
#ifdef AGENTBAY_AGENT_BUILD_PATH
    // Test programs of a build tree live elsewhere than agentbay-local; the build knows where.
    if (!QFileInfo(besideUs).isExecutable() && QFileInfo(QStringLiteral(AGENTBAY_AGENT_BUILD_PATH)).isExecutable()) {
        return QStringLiteral(AGENTBAY_AGENT_BUILD_PATH);
    }
#endif
    return besideUs;
}

quint64 SandboxAgent::request(const AgentMessage &message, int timeoutMs, QObject *context, Callback done)
{
    const quint64 id = m_nextId++;
    AgentMessage outgoing(message.op(), id);
    for (const auto &[tag, value] : message.fields()) {
        if (tag != Tag::Op && tag != Tag::Id) {
            outgoing.add(tag, value);
        }
    }
    if (m_fd < 0 || outgoing.bodySize() > AgentProtocol::kMaxFrameBytes
        || m_out.size() - m_outSent + qint64(outgoing.bodySize()) > maxQueuedBytes) {
        Reply reply;
        reply.error = m_fd < 0 ? tr("The session's agent is not running")
                               : tr("The request is too large for the session's agent");
        deliverLater(context, context != nullptr, done, reply);
        return id;
    }
    Pending pending{context, context != nullptr, std::move(done), nullptr, message.op()};
    if (timeoutMs > 0) {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setInterval(timeoutMs);
        connect(timer, &QTimer::timeout, this, [this, id, timer] {
            if (m_paused) {
                timer->start(); // a frozen agent cannot answer; the clock restarts
                return;
            }
            const auto it = m_pending.constFind(id);
            if (it != m_pending.cend() && it->op == Op::Exec) {
                AgentMessage kill(Op::Kill, 0); // no reply
                kill.addInt(Tag::Target, qint64(id));
                queue(kill);
            }
            Reply reply;
            reply.error = tr("The session's agent did not answer in time");
            finish(id, reply);
        });
        timer->start();
        pending.timer = timer;
    }
    m_pending.insert(id, std::move(pending));
    queue(outgoing);
    return id;
}

void SandboxAgent::queue(const AgentMessage &message)
{
    if (m_fd < 0) {
        return;
    }
    const std::string frame = message.frame();
    m_out.append(frame.data(), qsizetype(frame.size()));
    writePending();
}

void SandboxAgent::exec(const QString &command,
    const QString &cwd,
    const QMap<QString, QString> &env,
    int timeoutMs,
    const QByteArray &stdinData,
    QObject *context,
    std::function<void(const ExecResult &)> done)
{
    AgentMessage message(Op::Exec, 0);
    message.add(Tag::Command, command.toStdString());
    if (!cwd.isEmpty()) {
        message.add(Tag::Cwd, cwd.toStdString());
    }
    for (auto it = env.cbegin(); it != env.cend(); ++it) {
        message.add(Tag::Env, QString(it.key() + u'=' + it.value()).toStdString());
    }
    message.addInt(Tag::TimeoutMs, timeoutMs);
    if (!stdinData.isNull()) {
        message.add(Tag::Stdin, std::string_view(stdinData.constData(), size_t(stdinData.size())));
    }
    // The agent enforces the timeout; the server only stops waiting for one that never answers.
    request(message, timeoutMs + execGraceMs, context, [done = std::move(done)](const Reply &reply) {
        ExecResult result;
        if (!reply.error.isEmpty()) {
            result.error = reply.error;
            result.timedOut = reply.error == tr("The session's agent did not answer in time");
        } else if (reply.message.has(Tag::Error) || reply.errorNumber() != 0) {
            result.error = QString::fromUtf8(bytes(reply.message.text(Tag::Error)));
            if (result.error.isEmpty()) {
                result.error = qt_error_string(reply.errorNumber());
            }
        } else {
            result.exitCode = int(reply.message.integer(Tag::ExitCode, -1));
            result.timedOut = reply.message.integer(Tag::TimedOut) != 0;
            result.stdOut = output(reply.message, Tag::Out, Tag::OutTail, Tag::OutSize);
            result.stdErr = output(reply.message, Tag::Err, Tag::ErrTail, Tag::ErrSize);
            if (reply.message.has(Tag::QuotaUsed)) {
                result.error = quotaText(reply.message);
            }
            if (reply.message.has(Tag::Overflow)) {
                if (!result.stdErr.isEmpty() && !result.stdErr.endsWith('\n')) {
                    result.stdErr += '\n';
                }
                result.stdErr += tr("[the command was killed: its output passed %1 bytes]")
                                     .arg(reply.message.integer(Tag::Overflow))
                                     .toUtf8();
            }
        }
        done(result);
    });
}

QString SandboxAgent::quotaText(const AgentMessage &reply)
{
    return tr("The session's workspace is over its quota: %1 in use of %2 (--workspace-quota); "
              "the session's processes were stopped. Delete files to go on.")
        .arg(QLocale::c().formattedDataSize(reply.integer(Tag::QuotaUsed), 1, QLocale::DataSizeTraditionalFormat),
            QLocale::c().formattedDataSize(reply.integer(Tag::QuotaLimit), 1, QLocale::DataSizeTraditionalFormat));
}

void SandboxAgent::setPaused(bool paused)
{
    m_paused = paused;
    if (!paused) {
        // Requests whose timeout ran out while frozen get their full time again.
        for (const Pending &pending : std::as_const(m_pending)) {
            if (pending.timer && !pending.timer->isActive()) {
                pending.timer->start();
            }
        }
    }
}

void SandboxAgent::close(const QString &reason)
{
    if (m_fd < 0) {
        return;
    }
    delete m_readNotifier;
    delete m_writeNotifier;
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    m_out.clear();
    m_outSent = 0;
    for (const int fd : std::as_const(m_receivedFds)) {
        ::close(fd);
    }
    m_receivedFds.clear();
    // Queued: close() may run inside the owner's destructor, which must not re-enter.
    const QList<quint64> ids = m_pending.keys();
    for (const quint64 id : ids) {
        Pending pending = m_pending.take(id);
        delete pending.timer;
        Reply reply;
        reply.error = reason;
        deliverLater(pending.context, pending.hasContext, pending.done, reply);
    }
}

void SandboxAgent::fail(const QString &reason)
{
    if (m_fd < 0) {
        return;
    }
    qCWarning(lcAgent) << "closing the agent channel:" << reason;
    close(reason);
    Q_EMIT failed(reason);
}

void SandboxAgent::readAvailable()
{
    QByteArray chunk(kReadChunk, Qt::Uninitialized);
    for (int round = 0; round < kReadsPerWakeup && m_fd >= 0; ++round) {
        iovec io{chunk.data(), size_t(chunk.size())};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)];
        msghdr header{};
        header.msg_iov = &io;
        header.msg_iovlen = 1;
        header.msg_control = control;
        header.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(m_fd, &header, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        }
        for (cmsghdr *c = CMSG_FIRSTHDR(&header); c; c = CMSG_NXTHDR(&header, c)) {
            if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
                const size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
                for (size_t i = 0; i < count; ++i) {
                    int fd = -1;
                    std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof(int));
                    m_receivedFds.append(fd);
                }
            }
        }
        if (header.msg_flags & MSG_CTRUNC || m_receivedFds.size() > kMaxQueuedFds) {
            fail(tr("The session's agent passed descriptors it was not asked for"));
            return;
        }
        if (n <= 0) {
            fail(tr("The session's agent exited"));
            return;
        }
        m_reader.append(chunk.constData(), size_t(n));
        AgentMessage message;
        for (;;) {
            const AgentFrameReader::Result result = m_reader.next(&message);
            if (result == AgentFrameReader::Result::NeedMore) {
                break;
            }
            if (result == AgentFrameReader::Result::Failed || !handle(message)) {
                fail(tr("The session's agent sent a malformed or oversized message"));
                return;
            }
            if (m_fd < 0) {
                return;
            }
        }
    }
}

bool SandboxAgent::handle(const AgentMessage &message)
{
    const quint64 id = message.id();
    if (message.op() == Op::Ready && id == 0 && m_agentPid == 0) {
        m_agentPid = message.integer(Tag::Pid);
        Q_EMIT ready(m_agentPid);
        return m_agentPid > 0;
    }
    if (message.op() == Op::PtyExit && id == 0) {
        Q_EMIT ptyExited(message.integer(Tag::Pid), int(message.integer(Tag::ExitCode, -1)));
        return true;
    }
    // A reply: to a request that was sent (a late one, after its timeout, is dropped), with
    // the request's op, carrying a descriptor only where one is expected.
    if (id == 0 || id >= m_nextId) {
        return false;
    }
    const bool carriesFd = message.integer(Tag::HasFd) != 0;
    const auto it = m_pending.constFind(id);
    if (it != m_pending.cend() && it->op != message.op()) {
        return false;
    }
    if (carriesFd && message.op() != Op::OpenPty && message.op() != Op::ConnectPort) {
        return false;
    }
    Reply reply;
    if (carriesFd) {
        if (m_receivedFds.isEmpty()) {
            return false;
        }
        reply.fd = m_receivedFds.takeFirst();
    }
    reply.message = message;
    if (it == m_pending.cend()) {
        if (reply.fd >= 0) {
            ::close(reply.fd);
        }
        return true;
    }
    finish(id, reply);
    return true;
}

void SandboxAgent::finish(quint64 id, const Reply &reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end()) {
        if (reply.fd >= 0) {
            ::close(reply.fd);
        }
        return;
    }
    Pending pending = std::move(it.value());
    m_pending.erase(it);
    delete pending.timer;
    if (pending.hasContext && !pending.context) {
        if (reply.fd >= 0) {
            ::close(reply.fd);
        }
        return;
    }
    pending.done(reply);
}

void SandboxAgent::writePending()
{
    while (m_fd >= 0 && m_outSent < m_out.size()) {
        const ssize_t n =
            ::send(m_fd, m_out.constData() + m_outSent, size_t(m_out.size() - m_outSent), MSG_DONTWAIT | MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        }
        if (n <= 0) {
            fail(tr("The session's agent exited"));
            return;
        }
        m_outSent += qsizetype(n);
    }
    if (m_writeNotifier) {
        m_writeNotifier->setEnabled(m_outSent < m_out.size());
    }
    // Sent bytes are dropped in one go, not per write: a 32 MB request is not moved 200 times.
    if (m_outSent == m_out.size() || m_outSent > 4 * 1024 * 1024) {
        m_out.remove(0, m_outSent);
        m_outSent = 0;
    }
}

void SandboxAgent::deliverLater(QObject *context, bool hasContext, const Callback &done, const Reply &reply)
{
    QueuedCall::post(
        context,
        hasContext,
        [done, reply] {
            done(reply);
        },
        [fd = reply.fd] {
            if (fd >= 0) {
                ::close(fd);
            }
        });
}

namespace {

const char kPythonRunner[] = R"PY(
import ast, json, sys, traceback
MARKER = '\x1e__AGENTBAY_RUN_CODE_RESULT__'
src = sys.stdin.read()
sys.stdin = open('/dev/null')
scope = {'__name__': '__main__', '__builtins__': __builtins__}
result, error = [], ''
try:
    tree = ast.parse(src, '<code>', 'exec')
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, '<code>', 'exec'), scope)
    if last is not None:
        value = eval(compile(last, '<code>', 'eval'), scope)
        if value is not None:
            result.append({'text/plain': repr(value), 'isMainResult': True})
except SystemExit as e:
    if e.code not in (None, 0):
        error = 'SystemExit: %s' % (e.code,)
except BaseException as e:
    tb = e.__traceback__.tb_next if e.__traceback__ else None
    error = ''.join(traceback.format_exception(type(e), e, tb)).rstrip('\n')
sys.stdout.flush()
sys.stderr.flush()
sys.__stdout__.write('\n' + MARKER + json.dumps({'result': result, 'executionError': error}) + '\n')
sys.__stdout__.flush()
)PY";

const char kJavascriptRunner[] = R"JS(
const vm = require('vm'), fs = require('fs'), util = require('util');
const MARKER = '\x1e__AGENTBAY_RUN_CODE_RESULT__';
const result = [];
let error = '';
const describe = (e) => (e && e.stack ? String(e.stack) : String(e));
process.on('uncaughtException', (e) => { error = describe(e); process.exitCode = 1; });
process.on('unhandledRejection', (e) => { error = describe(e); process.exitCode = 1; });
process.on('exit', () => {
    process.stdout.write('\n' + MARKER + JSON.stringify({ result, executionError: error }) + '\n');
});
globalThis.require = require;
try {
    const value = vm.runInThisContext(fs.readFileSync(0, 'utf8'), { filename: '<code>' });
    if (value !== undefined) {
        result.push({ 'text/plain': util.inspect(value), isMainResult: true });
    }
} catch (e) {
    error = describe(e);
    process.exitCode = 1;
}
)JS";

} // namespace

QString SandboxAgent::pythonRunner()
{
    return QString::fromUtf8(kPythonRunner);
}

QString SandboxAgent::javascriptRunner()
{
    return QString::fromUtf8(kJavascriptRunner);
}

QByteArray SandboxAgent::marker()
{
    return QByteArrayLiteral("\x1e__AGENTBAY_RUN_CODE_RESULT__");
}
} // namespace AgentBay::Server
