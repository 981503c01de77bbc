// SPDX-License-Identifier: MIT
#include "sealedprogram.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace AgentBay::Server {

namespace {

// Linux 6.3 asks for it where vm.memfd_noexec is set; older kernels reject it (EINVAL).
constexpr unsigned kMemfdExec = 0x0010U;

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        data += n;
        size -= size_t(n);
    }
    return true;
}

} // namespace

int SealedProgram::copyToMemory(const QByteArray &path, const QByteArray &name)
{
    QFile source(QFile::decodeName(path));
    if (!source.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray bytes = source.readAll();
    int fd = ::memfd_create(name.constData(), MFD_CLOEXEC | MFD_ALLOW_SEALING | kMemfdExec);
    if (fd < 0 && errno == EINVAL) {
        fd = ::memfd_create(name.constData(), MFD_CLOEXEC | MFD_ALLOW_SEALING);
    }
    if (fd < 0) {
        return -1;
    }
    const int seals = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL;
    if (bytes.isEmpty() || !writeAll(fd, bytes.constData(), size_t(bytes.size())) || ::fchmod(fd, 0555) != 0
        || ::fcntl(fd, F_ADD_SEALS, seals) != 0) {
        ::close(fd);
        return -1;
    }
    // exec refuses a file that is open for writing (ETXTBSY): keep a read-only descriptor.
    const QByteArray self = "/proc/self/fd/" + QByteArray::number(fd);
    const int readOnly = ::open(self.constData(), O_RDONLY | O_CLOEXEC);
    ::close(fd);
    return readOnly;
}

int SealedProgram::descriptor(const QString &path, QString *error)
{
    static QMutex mutex;
    static QHash<QString, int> made;
    const QMutexLocker lock(&mutex);
    if (const auto it = made.constFind(path); it != made.cend()) {
        return *it;
    }
    const QByteArray file = QFile::encodeName(path);
    int fd = copyToMemory(file, QFile::encodeName(QFileInfo(path).fileName()));
    if (fd < 0) {
        fd = ::open(file.constData(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        if (error) {
            *error = QCoreApplication::translate("SealedProgram", "Cannot open the session agent %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        }
        return -1;
    }
    made.insert(path, fd);
    return fd;
}

bool SealedProgram::isMemoryCopy(int fd)
{
    const int seals = ::fcntl(fd, F_GET_SEALS);
    return seals >= 0 && (seals & F_SEAL_WRITE) != 0;
}

} // namespace AgentBay::Server
