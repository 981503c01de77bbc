// SPDX-License-Identifier: MIT
// The sandbox's standard error: kept to a bound, read as it arrives, and behind a socket that
// a process of the same uid cannot reopen through /proc (a pipe it could, and write without end).
#include <server/sandbox/stderrtail.h>

#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

using namespace AgentBay::Server;

class tst_StderrTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void written_keepsOnlyTheLastBytes()
    {
        StderrTail tail(16);
        QVERIFY(tail.open());
        const int end = ::dup(tail.childEnd()); // the child's copy
        tail.closeChildEnd();
        QCOMPARE(tail.childEnd(), -1);
        // Ten writes of 1100 bytes (many tiny writes would fill the socket's buffer with their
        // overhead before this loop reads: the writer would block, as a pipe's would).
        const QByteArray lines = QByteArray("0123456789\n").repeated(100);
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(::write(end, lines.constData(), lines.size()), ssize_t(lines.size()));
        }
        QTRY_COMPARE(tail.tail(), QByteArray("6789\n0123456789\n"));
        ::close(end);
        QCOMPARE(tail.tail(), QByteArray("6789\n0123456789\n")); // end of file keeps it
    }

    void childEnd_cannotBeReopenedThroughProc()
    {
        StderrTail tail(4096);
        QVERIFY(tail.open());
        const QByteArray path = "/proc/self/fd/" + QByteArray::number(tail.childEnd());
        const int fd = ::open(path.constData(), O_WRONLY | O_NONBLOCK);
        const int openError = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        QCOMPARE(fd, -1);
        QCOMPARE(openError, ENXIO);
    }
};

QTEST_GUILESS_MAIN(tst_StderrTail)
#include "tst_stderrtail.moc"
