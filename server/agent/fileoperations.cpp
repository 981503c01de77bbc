// SPDX-License-Identifier: MIT
#include "fileoperations.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <deque>

namespace AgentBay::Server {

namespace {

using AgentProtocol::EntryType;
using Tag = AgentProtocol::Tag;

// Closes a descriptor at the end of a scope.
struct Fd
{
    int fd = -1;

    explicit Fd(int value)
        : fd(value)
    {
    }

    ~Fd()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }

    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

EntryType typeOf(mode_t mode)
{
    if (S_ISREG(mode)) {
        return EntryType::File;
    }
    if (S_ISDIR(mode)) {
        return EntryType::Directory;
    }
    if (S_ISLNK(mode)) {
        return EntryType::Symlink;
    }
    return EntryType::Other;
}

void putLe(std::string &out, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i) {
        out.push_back(char((value >> (8 * i)) & 0xff));
    }
}

// agentprotocol.h EntryRecord: the entry itself (lstat) and what it points to (target).
std::string entryRecord(std::string_view name, const struct stat &self, const struct stat *target)
{
    const struct stat &shown = target ? *target : self;
    std::string out;
    out.reserve(AgentProtocol::kEntryHeadBytes + name.size());
    out.push_back(char(typeOf(self.st_mode)));
    out.push_back(char(target ? typeOf(target->st_mode) : EntryType::Other));
    putLe(out, 0, 2);
    putLe(out, uint32_t(shown.st_mode), 4);
    putLe(out, uint64_t(shown.st_size), 8);
    putLe(out, uint64_t(int64_t(shown.st_mtim.tv_sec) * 1000 + shown.st_mtim.tv_nsec / 1000000), 8);
    putLe(out, 0, 8);
    out.append(name);
    return out;
}

void fail(AgentMessage &reply, int error)
{
    reply.addInt(Tag::Errno, error > 0 ? error : EIO);
}

// Names in a directory (without . and ..), sorted by their bytes; -errno on failure.
int listNames(int dirFd, std::vector<std::string> *names, size_t limit)
{
    const int copy = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) {
        return -errno;
    }
    DIR *dir = ::fdopendir(copy);
    if (!dir) {
        const int error = errno;
        ::close(copy);
        return -error;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const std::string_view name(entry->d_name);
        if (name == "." || name == "..") {
            continue;
        }
        if (names->size() >= limit) {
            break;
        }
        names->emplace_back(name);
    }
    ::closedir(dir);
    std::sort(names->begin(), names->end());
    return 0;
}

std::string join(const std::string &base, const std::string &name)
{
    return base == "." ? name : base + '/' + name;
}

int removeTree(int parent, const std::string &leaf, int depth)
{
    if (depth > AgentProtocol::kMaxTreeDepth) {
        return -ELOOP;
    }
    const Fd dir(::openat(parent, leaf.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (dir.fd < 0) {
        return -errno;
    }
    // Listed in rounds, so a directory with more entries than one round holds is emptied too.
    for (;;) {
        std::vector<std::string> names;
        if (const int rc = listNames(dir.fd, &names, 4096); rc < 0) {
            return rc;
        }
        if (names.empty()) {
            break;
        }
        for (const std::string &name : names) {
            struct stat st = {};

            if (::fstatat(dir.fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
                continue; // gone meanwhile
            }
            const int rc = S_ISDIR(st.st_mode) ? removeTree(dir.fd, name, depth + 1)
                                               : (::unlinkat(dir.fd, name.c_str(), 0) == 0 ? 0 : -errno);
            if (rc < 0 && rc != -ENOENT) {
                return rc;
            }
        }
    }
    return ::unlinkat(parent, leaf.c_str(), AT_REMOVEDIR) == 0 ? 0 : -errno;
}

} // namespace

FileOperations::FileOperations(const std::string &workspace, bool confined)
    : m_workspace(workspace)
    , m_confined(confined)
{
    while (m_workspace.size() > 1 && m_workspace.back() == '/') {
        m_workspace.pop_back();
    }
    m_root = ::open(confined ? m_workspace.c_str() : "/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    // Magic links (/proc/self/fd/N) would reach the agent's own descriptors: never followed.
    m_resolve = RESOLVE_NO_MAGICLINKS | (confined ? RESOLVE_BENEATH : 0);
}

FileOperations::~FileOperations()
{
    if (m_root >= 0) {
        ::close(m_root);
    }
}

int FileOperations::relative(std::string_view path, std::string *out) const
{
    if (path.empty() || path.find('\0') != std::string_view::npos) {
        return -EINVAL;
    }
    std::string full = path.front() == '/' ? std::string(path) : m_workspace + '/' + std::string(path);
    while (full.size() > 1 && full.back() == '/') {
        full.pop_back();
    }
    if (m_confined) {
        for (const std::string &prefix : {m_workspace, std::string(AgentProtocol::kDefaultWorkspace)}) {
            if (full == prefix) {
                *out = ".";
                return 0;
            }
            if (full.compare(0, prefix.size() + 1, prefix + '/') == 0) {
                *out = full.substr(prefix.size() + 1);
                return 0;
            }
        }
        return -EXDEV;
    }
    *out = full == "/" ? std::string(".") : full.substr(1);
    return 0;
}

int FileOperations::open(const std::string &rel, int flags, int mode) const
{
    open_how how{};
    how.flags = uint64_t(flags | O_CLOEXEC);
    how.mode = (flags & O_CREAT) ? uint64_t(mode) : 0;
    how.resolve = m_resolve;
    for (int attempt = 0; attempt < 8; ++attempt) {
        const long fd = ::syscall(SYS_openat2, m_root, rel.c_str(), &how, sizeof how);
        if (fd >= 0) {
            return int(fd);
        }
        if (errno != EAGAIN) { // EAGAIN: a rename raced a ".." lookup beneath the root
            return -errno;
        }
    }
    return -EAGAIN;
}

int FileOperations::openParent(const std::string &rel, std::string *leaf) const
{
    const size_t slash = rel.rfind('/');
    *leaf = slash == std::string::npos ? rel : rel.substr(slash + 1);
    const std::string parent = slash == std::string::npos ? std::string(".") : rel.substr(0, slash);
    return open(parent.empty() ? std::string(".") : parent, O_PATH | O_DIRECTORY);
}

int FileOperations::makePath(const std::string &rel) const
{
    std::string prefix;
    size_t at = 0;
    while (at <= rel.size()) {
        const size_t slash = std::min(rel.find('/', at), rel.size());
        const std::string part = rel.substr(at, slash - at);
        at = slash + 1;
        if (part.empty() || part == ".") {
            continue;
        }
        prefix = prefix.empty() ? part : prefix + '/' + part;
        int fd = open(prefix, O_PATH | O_DIRECTORY);
        if (fd == -ENOENT) {
            std::string leaf;
            const Fd parent(openParent(prefix, &leaf));
            if (parent.fd < 0) {
                return parent.fd;
            }
            if (::mkdirat(parent.fd, leaf.c_str(), 0777) != 0 && errno != EEXIST) {
                return -errno;
            }
            fd = open(prefix, O_PATH | O_DIRECTORY);
        }
        if (fd < 0) {
            return fd;
        }
        ::close(fd);
    }
    return 0;
}

bool FileOperations::isProtected(const std::string &rel) const
{
    // The root of the view and the workspace itself (a mount point of the sandbox).
    if (rel == ".") {
        return true;
    }

    struct stat target = {};

    const Fd fd(open(rel, O_PATH | O_NOFOLLOW));
    if (fd.fd < 0 || ::fstat(fd.fd, &target) != 0) {
        return false;
    }
    for (const char *path : {"/", m_workspace.c_str()}) {
        struct stat st = {};

        if (::stat(path, &st) == 0 && st.st_dev == target.st_dev && st.st_ino == target.st_ino) {
            return true;
        }
    }
    return false;
}

void FileOperations::stat(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    const Fd fd(open(rel, O_PATH));

    struct stat target = {};

    if (fd.fd < 0) {
        return fail(reply, -fd.fd);
    }
    if (::fstat(fd.fd, &target) != 0) {
        return fail(reply, errno);
    }
    std::string leaf;
    struct stat self = target;
    const Fd parent(openParent(rel, &leaf));
    if (parent.fd >= 0 && leaf != "." && leaf != "..") {
        ::fstatat(parent.fd, leaf.c_str(), &self, AT_SYMLINK_NOFOLLOW);
    }
    reply.add(Tag::Entry, entryRecord(leaf, self, &target));
}

void FileOperations::readDir(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    const Fd dir(open(rel, O_RDONLY | O_DIRECTORY));
    if (dir.fd < 0) {
        return fail(reply, -dir.fd);
    }
    std::vector<std::string> names;
    if (const int rc = listNames(dir.fd, &names, size_t(AgentProtocol::kMaxWalkEntries)); rc < 0) {
        return fail(reply, -rc);
    }
    for (const std::string &name : names) {
        struct stat self = {};

        if (::fstatat(dir.fd, name.c_str(), &self, AT_SYMLINK_NOFOLLOW) != 0) {
            continue;
        }
        struct stat target = self;
        bool hasTarget = true;
        if (S_ISLNK(self.st_mode)) {
            const Fd fd(open(join(rel, name), O_PATH));
            hasTarget = fd.fd >= 0 && ::fstat(fd.fd, &target) == 0;
        }
        reply.add(Tag::Entry, entryRecord(name, self, hasTarget ? &target : nullptr));
    }
}

void FileOperations::read(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    const int64_t offset = std::max<int64_t>(0, request.integer(Tag::Offset));
    const int64_t length = std::max<int64_t>(0, request.integer(Tag::Length));
    const int64_t limit =
        std::clamp<int64_t>(request.integer(Tag::Limit, AgentProtocol::kMaxReadBytes), 0, AgentProtocol::kMaxReadBytes);
    // Non-blocking: opening a FIFO must not wait for a writer; fstat then refuses it.
    const Fd fd(open(rel, O_RDONLY | O_NONBLOCK | O_NOCTTY));
    if (fd.fd < 0) {
        return fail(reply, -fd.fd);
    }

    struct stat st = {};

    if (::fstat(fd.fd, &st) != 0) {
        return fail(reply, errno);
    }
    if (S_ISDIR(st.st_mode)) {
        return fail(reply, EISDIR);
    }
    if (!S_ISREG(st.st_mode)) {
        return fail(reply, EINVAL);
    }
    const int64_t size = st.st_size;
    const int64_t start = std::min(offset, size);
    const int64_t wanted = length > 0 ? std::min(length, size - start) : size - start;
    reply.addInt(Tag::Size, size);
    if (wanted > limit) {
        reply.addInt(Tag::Length, wanted);
        return fail(reply, EFBIG);
    }
    std::string data(size_t(wanted), '\0');
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pread(fd.fd, data.data() + done, data.size() - done, off_t(start + int64_t(done)));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            return fail(reply, errno);
        }
        if (n == 0) {
            break; // shrank meanwhile
        }
        done += size_t(n);
    }
    data.resize(done);
    reply.add(Tag::Data, data);
}

void FileOperations::write(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    const int64_t flags = request.integer(Tag::Flags);
    if (flags & AgentProtocol::kWriteParents) {
        const size_t slash = rel.rfind('/');
        if (slash != std::string::npos) {
            if (const int rc = makePath(rel.substr(0, slash)); rc < 0) {
                return fail(reply, -rc);
            }
        }
    }
    const bool append = flags & AgentProtocol::kWriteAppend;
    const Fd fd(open(rel, O_WRONLY | O_CREAT | O_NONBLOCK | O_NOCTTY | (append ? O_APPEND : 0), 0666));
    if (fd.fd < 0) {
        return fail(reply, -fd.fd);
    }

    struct stat st = {};

    if (::fstat(fd.fd, &st) != 0) {
        return fail(reply, errno);
    }
    if (!S_ISREG(st.st_mode)) {
        return fail(reply, S_ISDIR(st.st_mode) ? EISDIR : EINVAL);
    }
    if (!append && ::ftruncate(fd.fd, 0) != 0) {
        return fail(reply, errno);
    }
    const std::string_view data = request.text(Tag::Data);
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd.fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return fail(reply, n < 0 ? errno : EIO);
        }
        done += size_t(n);
    }
    reply.addInt(Tag::Size, int64_t(done));
}

void FileOperations::makeDir(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    if (const int rc = makePath(rel); rc < 0) {
        return fail(reply, -rc);
    }
}

void FileOperations::remove(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    std::string leaf;
    const Fd parent(openParent(rel, &leaf));
    if (parent.fd < 0) {
        return fail(reply, -parent.fd);
    }
    if (leaf == "." || leaf == ".." || isProtected(rel)) {
        return fail(reply, EBUSY);
    }

    struct stat st = {};

    if (::fstatat(parent.fd, leaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return fail(reply, errno);
    }
    // A symlink is removed itself, never what it points to.
    const int rc = S_ISDIR(st.st_mode) ? removeTree(parent.fd, leaf, 0)
                                       : (::unlinkat(parent.fd, leaf.c_str(), 0) == 0 ? 0 : -errno);
    if (rc < 0) {
        return fail(reply, -rc);
    }
}

void FileOperations::rename(const AgentMessage &request, AgentMessage &reply) const
{
    std::string from;
    std::string to;
    if (const int rc = relative(request.text(Tag::Path), &from); rc < 0) {
        return fail(reply, -rc);
    }
    if (const int rc = relative(request.text(Tag::Path2), &to); rc < 0) {
        reply.addInt(Tag::Target, 2); // the destination is the problem
        return fail(reply, -rc);
    }
    std::string fromLeaf;
    const Fd fromParent(openParent(from, &fromLeaf));
    if (fromParent.fd < 0) {
        return fail(reply, -fromParent.fd);
    }

    struct stat st = {};

    if (fromLeaf == "." || fromLeaf == ".." || isProtected(from)) {
        return fail(reply, EBUSY);
    }
    if (::fstatat(fromParent.fd, fromLeaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        return fail(reply, errno);
    }
    std::string toLeaf;
    int toParent = openParent(to, &toLeaf);
    if (toParent == -ENOENT) {
        const size_t slash = to.rfind('/');
        const int rc = slash == std::string::npos ? -ENOENT : makePath(to.substr(0, slash));
        if (rc < 0) {
            reply.addInt(Tag::Target, 2);
            return fail(reply, -rc);
        }
        toParent = openParent(to, &toLeaf);
    }
    const Fd toDir(toParent);
    if (toDir.fd < 0) {
        reply.addInt(Tag::Target, 2);
        return fail(reply, -toDir.fd);
    }
    if (toLeaf == "." || toLeaf == ".." || ::fstatat(toDir.fd, toLeaf.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
        reply.addInt(Tag::Target, 2);
        return fail(reply, EEXIST);
    }
    int rc = ::renameat2(fromParent.fd, fromLeaf.c_str(), toDir.fd, toLeaf.c_str(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) { // file systems without RENAME_NOREPLACE
        rc = ::renameat(fromParent.fd, fromLeaf.c_str(), toDir.fd, toLeaf.c_str());
    }
    if (rc != 0) {
        return fail(reply, errno);
    }
}

void FileOperations::walk(const AgentMessage &request, AgentMessage &reply) const
{
    std::string rel;
    if (const int rc = relative(request.text(Tag::Path), &rel); rc < 0) {
        return fail(reply, -rc);
    }
    const int64_t limit = std::clamp<int64_t>(
        request.integer(Tag::Limit, AgentProtocol::kMaxWalkEntries), 0, AgentProtocol::kMaxWalkEntries);
    {
        const Fd base(open(rel, O_RDONLY | O_DIRECTORY));
        if (base.fd < 0) {
            return fail(reply, -base.fd);
        }
    }
    // Breadth first; symlinked directories are listed, not entered.
    std::deque<std::string> pending{std::string()};
    int64_t count = 0;
    while (!pending.empty()) {
        const std::string dirRel = pending.front();
        pending.pop_front();
        const Fd dir(open(dirRel.empty() ? rel : join(rel, dirRel), O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
        if (dir.fd < 0) {
            continue;
        }
        std::vector<std::string> names;
        if (listNames(dir.fd, &names, size_t(limit - count)) < 0) {
            continue;
        }
        for (const std::string &name : names) {
            struct stat self = {};

            if (::fstatat(dir.fd, name.c_str(), &self, AT_SYMLINK_NOFOLLOW) != 0) {
                continue;
            }
            const std::string childRel = dirRel.empty() ? name : dirRel + '/' + name;
            struct stat target = self;
            bool hasTarget = true;
            if (S_ISLNK(self.st_mode)) {
                const Fd fd(open(join(rel, childRel), O_PATH));
                hasTarget = fd.fd >= 0 && ::fstat(fd.fd, &target) == 0;
            }
            reply.add(Tag::Entry, entryRecord(childRel, self, hasTarget ? &target : nullptr));
            if (++count >= limit) {
                reply.addInt(Tag::Truncated, 1);
                return;
            }
            if (S_ISDIR(self.st_mode)) {
                pending.push_back(childRel);
            }
        }
    }
}

} // namespace AgentBay::Server
