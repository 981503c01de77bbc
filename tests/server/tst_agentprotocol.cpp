// SPDX-License-Identifier: MIT
#include <server/agent/agentframereader.h>
#include <server/agent/agentmessage.h>

#include <QTest>

#include <string>

using AgentBay::Server::AgentFrameReader;
using AgentBay::Server::AgentMessage;
namespace AgentProtocol = AgentBay::Server::AgentProtocol;
using AgentProtocol::Op;
using Tag = AgentProtocol::Tag;

namespace {

std::string u32(uint32_t value)
{
    std::string out;
    for (int i = 0; i < 4; ++i) {
        out.push_back(char((value >> (8 * i)) & 0xff));
    }
    return out;
}

std::string field(uint8_t tag, const std::string &value)
{
    return std::string(1, char(tag)) + u32(uint32_t(value.size())) + value;
}

std::string i64(int64_t value)
{
    std::string out;
    for (int i = 0; i < 8; ++i) {
        out.push_back(char((uint64_t(value) >> (8 * i)) & 0xff));
    }
    return out;
}

std::string header(Op op, uint64_t id)
{
    return field(uint8_t(Tag::Op), i64(int64_t(op))) + field(uint8_t(Tag::Id), i64(int64_t(id)));
}

} // namespace

class tst_AgentProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void message_roundTrip_keepsFieldsInOrder()
    {
        AgentMessage message(Op::Exec, 42);
        message.add(Tag::Command, "echo hi");
        message.add(Tag::Env, "A=1");
        message.add(Tag::Env, "B=2");
        message.addInt(Tag::TimeoutMs, -5);
        message.add(Tag::Data, std::string("\0\xff", 2));
        const std::string frame = message.frame();

        AgentFrameReader reader;
        reader.append(frame.data(), frame.size());
        AgentMessage parsed;
        QCOMPARE(reader.next(&parsed), AgentFrameReader::Result::Message);
        QCOMPARE(parsed.op(), Op::Exec);
        QCOMPARE(parsed.id(), quint64(42));
        QCOMPARE(std::string(parsed.text(Tag::Command)), std::string("echo hi"));
        QCOMPARE(parsed.all(Tag::Env).size(), size_t(2));
        QCOMPARE(std::string(parsed.all(Tag::Env).at(1)), std::string("B=2"));
        QCOMPARE(parsed.integer(Tag::TimeoutMs), int64_t(-5));
        QCOMPARE(std::string(parsed.text(Tag::Data)), std::string("\0\xff", 2));
        QVERIFY(!parsed.has(Tag::Stdin));
        QCOMPARE(parsed.integer(Tag::Stdin, 7), int64_t(7));
        QCOMPARE(reader.next(&parsed), AgentFrameReader::Result::NeedMore);
    }

    void reader_byteByByte_yieldsEachMessageOnce()
    {
        std::string stream;
        for (uint64_t id = 1; id <= 3; ++id) {
            AgentMessage message(Op::Stat, id);
            message.add(Tag::Path, "a/b");
            stream += message.frame();
        }
        AgentFrameReader reader;
        QList<quint64> ids;
        for (const char byte : stream) {
            reader.append(&byte, 1);
            AgentMessage parsed;
            while (reader.next(&parsed) == AgentFrameReader::Result::Message) {
                ids.append(parsed.id());
            }
        }
        QCOMPARE(ids, (QList<quint64>{1, 2, 3}));
        QCOMPARE(reader.buffered(), size_t(0));
    }

    void reader_malformed_failsForGood_data()
    {
        QTest::addColumn<QByteArray>("stream");
        const auto bytes = [](const std::string &s) {
            return QByteArray(s.data(), qsizetype(s.size()));
        };
        const std::string ok = header(Op::Stat, 1);
        QTest::newRow("length over the bound") << bytes(u32(AgentProtocol::kMaxFrameBytes + 1));
        QTest::newRow("length 0xffffffff") << bytes(u32(0xffffffffu));
        QTest::newRow("empty body") << bytes(u32(0));
        QTest::newRow("field head cut") << bytes(u32(uint32_t(ok.size() + 3)) + ok + std::string("\x03\x01\x00", 3));
        QTest::newRow("field value past the body") << bytes(u32(uint32_t(ok.size() + 5)) + ok + "\x03" + u32(100));
        QTest::newRow("no op") << bytes(u32(13) + field(uint8_t(Tag::Id), i64(1)));
        QTest::newRow("id not 8 bytes") << bytes(
            u32(18) + field(uint8_t(Tag::Op), i64(4)) + field(uint8_t(Tag::Id), "x"));
        QTest::newRow("300 MB of text without a frame") << QByteArray(64 * 1024, 'A');
    }

    void reader_malformed_failsForGood()
    {
        QFETCH(QByteArray, stream);
        AgentFrameReader reader;
        reader.append(stream.constData(), size_t(stream.size()));
        AgentMessage parsed;
        QCOMPARE(reader.next(&parsed), AgentFrameReader::Result::Failed);
        const std::string good = AgentMessage(Op::Stat, 2).frame();
        reader.append(good.data(), good.size());
        QCOMPARE(reader.next(&parsed), AgentFrameReader::Result::Failed);
        QVERIFY(reader.failed());
    }

    void reader_largeFrame_waitsForAllOfIt()
    {
        AgentMessage message(Op::Read, 9);
        message.add(Tag::Data, std::string(3 * 1024 * 1024, 'x'));
        const std::string frame = message.frame();
        AgentFrameReader reader;
        AgentMessage parsed;
        reader.append(frame.data(), frame.size() - 1);
        QCOMPARE(reader.next(&parsed), AgentFrameReader::Result::NeedMore);
        reader.append(frame.data() + frame.size() - 1, 1);
        QCOMPARE(reader.next(&parsed), AgentFrameReader::Result::Message);
        QCOMPARE(parsed.text(Tag::Data).size(), size_t(3 * 1024 * 1024));
    }

    void message_unknownTags_areKept_notFatal()
    {
        const std::string body = header(Op::Metrics, 5) + field(250, "future");
        AgentMessage parsed;
        QVERIFY(parsed.parse(body.data(), body.size()));
        QCOMPARE(parsed.op(), Op::Metrics);
        QCOMPARE(std::string(parsed.text(Tag(250))), std::string("future"));
    }
};

QTEST_GUILESS_MAIN(tst_AgentProtocol)
#include "tst_agentprotocol.moc"
