// SPDX-License-Identifier: MIT
#include "processscanner.h"

#include <QFile>

#include <dirent.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace AgentBay::Server {

namespace {

// Numeric entries of /proc; plain readdir is several times faster than QDir here.
QList<pid_t> allPids()
{
    QList<pid_t> pids;
    DIR *dir = ::opendir("/proc");
    if (!dir) {
        return pids;
    }
    while (const dirent *entry = ::readdir(dir)) {
        char *end = nullptr;
        const long value = std::strtol(entry->d_name, &end, 10);
        if (end && *end == '\0' && value > 0) {
            pids.append(pid_t(value));
        }
    }
    ::closedir(dir);
    return pids;
}

QByteArray readSmallFile(const QByteArray &path)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        return {};
    }
    return file.readAll();
}

} // namespace

QString ProcessScanner::pidNamespaceOf(pid_t pid)
{
    char buffer[128];
    const QByteArray link = "/proc/" + QByteArray::number(pid) + "/ns/pid";
    const ssize_t n = ::readlink(link.constData(), buffer, sizeof(buffer) - 1);
    if (n <= 0) {
        return {};
    }
    return QString::fromLatin1(buffer, n);
}

QList<pid_t> ProcessScanner::pidsInNamespace(const QString &pidNamespace)
{
    QList<pid_t> members;
    if (pidNamespace.isEmpty()) {
        return members;
    }
    for (const pid_t pid : allPids()) {
        if (pidNamespaceOf(pid) == pidNamespace) {
            members.append(pid);
        }
    }
    return members;
}

QList<pid_t> ProcessScanner::childrenOf(pid_t pid)
{
    QList<pid_t> children;
    const QByteArray taskDir = "/proc/" + QByteArray::number(pid) + "/task";
    DIR *dir = ::opendir(taskDir.constData());
    if (!dir) {
        return children;
    }
    while (const dirent *entry = ::readdir(dir)) {
        if (entry->d_name[0] == '.') {
            continue;
        }
        const QByteArray list = readSmallFile(taskDir + '/' + entry->d_name + "/children");
        for (const QByteArray &item : list.split(' ')) {
            bool ok = false;
            const int child = item.trimmed().toInt(&ok);
            if (ok && child > 0) {
                children.append(pid_t(child));
            }
        }
    }
    ::closedir(dir);
    return children;
}

QList<pid_t> ProcessScanner::descendantsOf(pid_t pid)
{
    QList<pid_t> result{pid};
    for (qsizetype i = 0; i < result.size() && result.size() < 100000; ++i) {
        result.append(childrenOf(result.at(i)));
    }
    return result;
}

QList<pid_t> ProcessScanner::pidsWithEnvironmentEntry(const QByteArray &marker)
{
    QList<pid_t> matches;
    if (marker.isEmpty()) {
        return matches;
    }
    for (const pid_t pid : allPids()) {
        const QByteArray environ = readSmallFile("/proc/" + QByteArray::number(pid) + "/environ");
        for (const QByteArray &entry : environ.split('\0')) {
            if (entry == marker) {
                matches.append(pid);
                break;
            }
        }
    }
    return matches;
}

bool ProcessScanner::hasStopped(pid_t pid)
{
    const QByteArray stat = readSmallFile("/proc/" + QByteArray::number(pid) + "/stat");
    const qsizetype close = stat.lastIndexOf(')'); // the command name may hold anything
    if (close < 0 || close + 2 >= stat.size()) {
        return true;
    }
    const char state = stat.at(close + 2);
    return state == 'T' || state == 't' || state == 'Z' || state == 'X';
}

bool ProcessScanner::isAlive(pid_t pid)
{
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

} // namespace AgentBay::Server
