// SPDX-License-Identifier: MIT
// The sealed copy the sandbox runs its agent from: shared, read-only, unchangeable, and
// runnable through /proc/self/fd without naming the host file.
#include <server/sandbox/sealedprogram.h>

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

using AgentBay::Server::SealedProgram;

class tst_SealedProgram : public QObject
{
    Q_OBJECT

private:
    // Runs the program behind fd with args; its stdout, or a null array when it did not run.
    static QByteArray runFromDescriptor(int fd, const QStringList &args)
    {
        QProcess process;
        process.setProgram(QStringLiteral("/proc/self/fd/") + QString::number(fd));
        process.setArguments(args);
        process.setChildProcessModifier([fd] {
            ::fcntl(fd, F_SETFD, 0);
        });
        process.start();
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0) {
            return {};
        }
        return process.readAllStandardOutput();
    }

private Q_SLOTS:

    void descriptor_isSharedAndReadOnly()
    {
        QString error;
        const int fd = SealedProgram::descriptor(QStringLiteral("/bin/sh"), &error);
        QVERIFY2(fd >= 3, qPrintable(error));
        QCOMPARE(SealedProgram::descriptor(QStringLiteral("/bin/sh"), &error), fd);
        QVERIFY(::fcntl(fd, F_GETFD) & FD_CLOEXEC);
        QCOMPARE(::fcntl(fd, F_GETFL) & O_ACCMODE, O_RDONLY);
        QCOMPARE(::write(fd, "x", 1), ssize_t(-1));
    }

    void memoryCopy_cannotBeChangedAndSurvivesTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("agent-like"));
        QVERIFY(QFile::copy(QStringLiteral("/bin/sh"), path));
        QString error;
        const int fd = SealedProgram::descriptor(path, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        if (!SealedProgram::isMemoryCopy(fd)) {
            QSKIP("this kernel refuses executable memory files (vm.memfd_noexec=2): the file itself is used");
        }
        // Reopened for writing through /proc, the seals still refuse every change.
        const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
        const int writable = ::open(self.constData(), O_RDWR | O_CLOEXEC);
        if (writable >= 0) {
            QCOMPARE(::write(writable, "#!", 2), ssize_t(-1));
            QCOMPARE(errno, EPERM);
            QCOMPARE(::ftruncate(writable, 0), -1);
            ::close(writable);
        }
        // The host file changing or going away does not touch what sessions run.
        QVERIFY(QFile::remove(path));
        QFile garbage(path);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write("not a program");
        garbage.close();
        QCOMPARE(runFromDescriptor(fd, {QStringLiteral("-c"), QStringLiteral("echo still here")}),
            QByteArray("still here\n"));
    }

    void runFromDescriptor_namesNoHostPath()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("named-program"));
        QVERIFY(QFile::copy(QStringLiteral("/bin/sh"), path));
        QString error;
        const int fd = SealedProgram::descriptor(path, &error);
        QVERIFY2(fd >= 0, qPrintable(error));
        const QByteArray seen = runFromDescriptor(
            fd, {QStringLiteral("-c"), QStringLiteral("readlink /proc/$$/exe; tr '\\0' ' ' < /proc/$$/cmdline")});
        QVERIFY(!seen.isEmpty());
        QVERIFY2(!seen.contains(QFile::encodeName(dir.path())) || !SealedProgram::isMemoryCopy(fd), seen.constData());
        if (SealedProgram::isMemoryCopy(fd)) {
            QVERIFY2(seen.startsWith("/memfd:named-program"), seen.constData());
        }
    }

    void missingProgram_saysWhich()
    {
        QString error;
        QCOMPARE(SealedProgram::descriptor(QStringLiteral("/nonexistent/agentbay-agent"), &error), -1);
        QVERIFY2(error.contains(QStringLiteral("/nonexistent/agentbay-agent")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_SealedProgram)
#include "tst_sealedprogram.moc"
