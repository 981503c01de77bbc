// SPDX-License-Identifier: MIT
// The server's side of the agent channel (SandboxAgent) against a fake, hostile agent: the
// test holds the other end of the socketpair and answers what a broken agent might.
#include <server/agent/agentmessage.h>
#include <server/sandbox/sandboxagent.h>

#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <optional>

using AgentBay::Server::AgentMessage;
using AgentBay::Server::SandboxAgent;
namespace AgentProtocol = AgentBay::Server::AgentProtocol;
using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

namespace {

constexpr int kAnswerMs = 20000;

} // namespace

class tst_AgentClient : public QObject
{
    Q_OBJECT

private:
    int m_peer = -1;
    std::unique_ptr<SandboxAgent> m_client;

    void sendRaw(const std::string &bytes)
    {
        QCOMPARE(::write(m_peer, bytes.data(), bytes.size()), ssize_t(bytes.size()));
    }

private Q_SLOTS:

    void init()
    {
        int sv[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
        m_peer = sv[1];
        m_client = std::make_unique<SandboxAgent>(sv[0]);
        AgentMessage ready(Op::Ready, 0);
        ready.addInt(Tag::Pid, 2);
        sendRaw(ready.frame());
        QSignalSpy spy(m_client.get(), &SandboxAgent::ready);
        QVERIFY(spy.wait(kAnswerMs));
    }

    void cleanup()
    {
        m_client.reset();
        ::close(m_peer);
    }

    void hostileAgent_isFatalForItsChannelOnly_data()
    {
        QTest::addColumn<QByteArray>("answer");
        const auto bytes = [](const std::string &s) {
            return QByteArray(s.data(), qsizetype(s.size()));
        };
        AgentMessage unknownId(Op::Stat, 999);
        AgentMessage wrongOp(Op::Read, 1);
        AgentMessage fdClaimed(Op::Stat, 1);
        fdClaimed.addInt(Tag::HasFd, 1);
        QTest::newRow("300 MB without a frame") << QByteArray(1024 * 1024, 'A');
        QTest::newRow("length over the bound") << QByteArray("\xff\xff\xff\x7f", 4);
        QTest::newRow("reply to an id never sent") << bytes(unknownId.frame());
        QTest::newRow("reply with another op") << bytes(wrongOp.frame());
        QTest::newRow("descriptor claimed but none sent") << bytes(fdClaimed.frame());
    }

    void hostileAgent_isFatalForItsChannelOnly()
    {
        QFETCH(QByteArray, answer);
        QSignalSpy failed(m_client.get(), &SandboxAgent::failed);
        std::optional<SandboxAgent::Reply> reply;
        m_client->request(AgentMessage(Op::Stat, 0), 0, this, [&reply](const SandboxAgent::Reply &r) {
            reply = r;
        });
        // Non-blocking: the client stops reading at the first bad byte; what it read is enough.
        ::fcntl(m_peer, F_SETFL, ::fcntl(m_peer, F_GETFL) | O_NONBLOCK);
        QVERIFY(::write(m_peer, answer.constData(), size_t(answer.size())) > 0);
        QVERIFY(failed.wait(kAnswerMs));
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), kAnswerMs);
        QVERIFY(!reply->error.isEmpty());
        QVERIFY(!m_client->isOpen());
    }

    void silentAgent_requestTimesOut()
    {
        std::optional<SandboxAgent::Reply> reply;
        m_client->request(AgentMessage(Op::Stat, 0), 200, this, [&reply](const SandboxAgent::Reply &r) {
            reply = r;
        });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), kAnswerMs);
        QVERIFY(!reply->error.isEmpty());
        QVERIFY(m_client->isOpen());
    }
};

QTEST_GUILESS_MAIN(tst_AgentClient)
#include "tst_agentclient.moc"
