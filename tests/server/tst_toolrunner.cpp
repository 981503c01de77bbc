// SPDX-License-Identifier: MIT
#include <server/sandbox/bubblewrapcommand.h>
#include <server/sandbox/sessionsandbox.h>
#include <server/tools/toolrunner.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <memory>
#include <optional>

using AgentBay::Server::BubblewrapCommand;
using AgentBay::Server::SessionSandbox;
using AgentBay::Server::ToolRunner;

namespace {

const QByteArray kSecret("TOP-SECRET-OUTSIDE");

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString textOf(const QJsonObject &result)
{
    return result.value(QStringLiteral("content")).toArray().at(0).toObject().value(QStringLiteral("text")).toString();
}

bool isError(const QJsonObject &result)
{
    return result.value(QStringLiteral("isError")).toBool();
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

class tst_ToolRunner : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SessionSandbox> m_sandbox;
    ToolRunner m_runner;

    QString ws(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_sandbox->workspace() : m_sandbox->workspace() + u'/' + relative;
    }

    QString inside(const QString &relative) const { return m_sandbox->workspaceInside() + u'/' + relative; }

    QString outside(const QString &relative = {}) const
    {
        return relative.isEmpty() ? m_dir.filePath(QStringLiteral("outside"))
                                  : m_dir.filePath(QStringLiteral("outside/") + relative);
    }

    QJsonObject call(const QString &tool, const QJsonObject &args, const QString &image = QStringLiteral("code_latest"))
    {
        std::optional<QJsonObject> result;
        QObject context;
        m_runner.call(m_sandbox.get(), image, tool, args, &context, [&result](const QJsonObject &r) {
            result = r;
        });
        if (!QTest::qWaitFor(
                [&result] {
                    return result.has_value();
                },
                60000)) {
            return QJsonObject{{QStringLiteral("timedOutInTest"), true}};
        }
        return *result;
    }

private Q_SLOTS:

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString id = QStringLiteral("session-tr%1").arg(QRandomGenerator::global()->generate() % 100000000);
        m_sandbox = std::make_unique<SessionSandbox>(id, m_dir.filePath(QStringLiteral("ws")));
        QString error;
        QVERIFY2(m_sandbox->start(&error), qPrintable(error));
    }

    void init()
    {
        // A fresh workspace for every test, with a secret next to it and symlinks pointing at it.
        // The workspace directory itself stays: the sandbox has it bind-mounted.
        const QFileInfoList old =
            QDir(ws()).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        for (const QFileInfo &entry : old) {
            QVERIFY(entry.isDir() && !entry.isSymLink() ? QDir(entry.filePath()).removeRecursively()
                                                        : QFile::remove(entry.filePath()));
        }
        QDir(outside()).removeRecursively();
        QVERIFY(writeFile(outside(QStringLiteral("secret.txt")), kSecret));
        QVERIFY(writeFile(ws(QStringLiteral("a.txt")), "alpha\nbeta\ngamma\n"));
        QVERIFY(QDir().mkpath(ws(QStringLiteral("sub/deeper"))));
        QVERIFY(writeFile(ws(QStringLiteral("sub/b.log")), "bee"));
        QVERIFY(QFile::link(outside(), ws(QStringLiteral("link_dir"))));
        QVERIFY(QFile::link(outside(QStringLiteral("secret.txt")), ws(QStringLiteral("link_file"))));
        QVERIFY(QFile::link(outside(QStringLiteral("not-yet.txt")), ws(QStringLiteral("dangling"))));
        // A root server's sessions run as an unprivileged host uid: what the test put in the
        // workspace is handed to it, as the server does with a workspace it starts a sandbox on.
        if (::geteuid() == 0 && m_sandbox->isolation() == SessionSandbox::Isolation::Bubblewrap) {
            const QString owner =
                QStringLiteral("%1:%2").arg(BubblewrapCommand::hostUid()).arg(BubblewrapCommand::hostGid());
            QCOMPARE(QProcess::execute(QStringLiteral("chown"), {QStringLiteral("-hR"), owner, ws()}), 0);
        }
    }

    void cleanupTestCase() { m_sandbox.reset(); }

    // ---- shell ----

    void shell_success_returnsJsonWithExitCodeZero()
    {
        const QJsonObject result =
            call(QStringLiteral("shell"), {{QStringLiteral("command"), QStringLiteral("echo hi; echo warn >&2")}});
        QVERIFY(!isError(result));
        const QJsonObject payload = parse(textOf(result));
        QCOMPARE(payload.value(QStringLiteral("stdout")).toString(), QStringLiteral("hi\n"));
        QCOMPARE(payload.value(QStringLiteral("stderr")).toString(), QStringLiteral("warn\n"));
        QCOMPARE(payload.value(QStringLiteral("exit_code")).toInt(-1), 0);
        QVERIFY(payload.value(QStringLiteral("traceId")).isString());
    }

    void shell_nonZeroExit_isErrorWithErrorCode()
    {
        const QJsonObject result =
            call(QStringLiteral("shell"), {{QStringLiteral("command"), QStringLiteral("cat /nope; exit 3")}});
        QVERIFY(isError(result));
        const QJsonObject payload = parse(textOf(result));
        QCOMPARE(payload.value(QStringLiteral("errorCode")).toInt(), 3);
        QCOMPARE(payload.value(QStringLiteral("exit_code")).toInt(), 3);
        QVERIFY(payload.value(QStringLiteral("stderr")).toString().contains(QStringLiteral("/nope")));
        QCOMPARE(payload.value(QStringLiteral("stdout")).toString(), QString());
        QVERIFY(!payload.value(QStringLiteral("traceId")).toString().isEmpty());
    }

    void shell_timeout_killsAndReportsError()
    {
        const QJsonObject result = call(QStringLiteral("shell"),
            {{QStringLiteral("command"), QStringLiteral("echo begun; sleep 30")}, {QStringLiteral("timeout_ms"), 300}});
        QVERIFY(isError(result));
        const QJsonObject payload = parse(textOf(result));
        QCOMPARE(payload.value(QStringLiteral("stdout")).toString(), QStringLiteral("begun\n"));
        QVERIFY(payload.value(QStringLiteral("exit_code")).toInt() != 0);
        QVERIFY(payload.value(QStringLiteral("stderr")).toString().contains(QStringLiteral("timed out")));
    }

    void shell_cwdAndEnvs_areHonoured()
    {
        const QJsonObject result = call(QStringLiteral("shell"),
            {{QStringLiteral("command"), QStringLiteral("pwd; printf '%s' \"$NAME\"")},
                {QStringLiteral("cwd"), QStringLiteral("sub/deeper")},
                {QStringLiteral("envs"), QJsonObject{{QStringLiteral("NAME"), QStringLiteral("A & B")}}}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        QCOMPARE(parse(textOf(result)).value(QStringLiteral("stdout")).toString(),
            inside(QStringLiteral("sub/deeper")) + QStringLiteral("\nA & B"));
    }

    void shell_backgroundServer_keepsRunningForLaterCalls()
    {
        const int port = 30100 + int(QRandomGenerator::global()->bounded(90));
        const QJsonObject started = call(QStringLiteral("shell"),
            {{QStringLiteral("command"),
                QStringLiteral(
                    "nohup python3 -m http.server %1 --bind 127.0.0.1 >server.log 2>&1 & echo $! > server.pid")
                    .arg(port)}});
        QVERIFY2(!isError(started), qPrintable(textOf(started)));
        const QString probe = QStringLiteral("for i in $(seq 50); do python3 -c 'import urllib.request,sys; "
                                             "sys.stdout.write(urllib.request.urlopen(\"http://127.0.0.1:%1/"
                                             "a.txt\").read().decode())' 2>/dev/null && exit 0; "
                                             "sleep 0.1; done; exit 1")
                                  .arg(port);
        const QJsonObject fetched = call(QStringLiteral("shell"), {{QStringLiteral("command"), probe}});
        QVERIFY2(!isError(fetched), qPrintable(textOf(fetched)));
        QCOMPARE(
            parse(textOf(fetched)).value(QStringLiteral("stdout")).toString(), QStringLiteral("alpha\nbeta\ngamma\n"));
        call(QStringLiteral("shell"), {{QStringLiteral("command"), QStringLiteral("kill $(cat server.pid)")}});
    }

    // ---- argument validation ----

    void call_invalidArguments_isErrorWithMessage_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("shell without command") << QStringLiteral("shell") << QJsonObject() << QStringLiteral("command");
        QTest::newRow("shell command not a string")
            << QStringLiteral("shell") << QJsonObject{{QStringLiteral("command"), 42}} << QStringLiteral("command");
        QTest::newRow("shell timeout not an integer")
            << QStringLiteral("shell")
            << QJsonObject{{QStringLiteral("command"), QStringLiteral("true")},
                   {QStringLiteral("timeout_ms"), QStringLiteral("soon")}}
            << QStringLiteral("timeout_ms");
        QTest::newRow("shell envs with a number")
            << QStringLiteral("shell")
            << QJsonObject{{QStringLiteral("command"), QStringLiteral("true")},
                   {QStringLiteral("envs"), QJsonObject{{QStringLiteral("X"), 1}}}}
            << QStringLiteral("envs");
        QTest::newRow("shell cwd with ..") << QStringLiteral("shell")
                                           << QJsonObject{{QStringLiteral("command"), QStringLiteral("pwd")},
                                                  {QStringLiteral("cwd"), QStringLiteral("..")}}
                                           << QStringLiteral("outside");
        QTest::newRow("shell cwd through a symlink") << QStringLiteral("shell")
                                                     << QJsonObject{{QStringLiteral("command"), QStringLiteral("pwd")},
                                                            {QStringLiteral("cwd"), QStringLiteral("link_dir")}}
                                                     << QStringLiteral("link_dir"); // its host target is not there
        QTest::newRow("read_file without path")
            << QStringLiteral("read_file") << QJsonObject() << QStringLiteral("path");
        QTest::newRow("read_file negative offset")
            << QStringLiteral("read_file")
            << QJsonObject{{QStringLiteral("path"), QStringLiteral("a.txt")}, {QStringLiteral("offset"), -1}}
            << QStringLiteral("offset");
        QTest::newRow("read_file unknown format") << QStringLiteral("read_file")
                                                  << QJsonObject{{QStringLiteral("path"), QStringLiteral("a.txt")},
                                                         {QStringLiteral("format"), QStringLiteral("hex")}}
                                                  << QStringLiteral("format");
        QTest::newRow("write_file without content")
            << QStringLiteral("write_file") << QJsonObject{{QStringLiteral("path"), QStringLiteral("x.txt")}}
            << QStringLiteral("content");
        QTest::newRow("write_file unknown mode") << QStringLiteral("write_file")
                                                 << QJsonObject{{QStringLiteral("path"), QStringLiteral("x.txt")},
                                                        {QStringLiteral("content"), QStringLiteral("x")},
                                                        {QStringLiteral("mode"), QStringLiteral("prepend")}}
                                                 << QStringLiteral("mode");
        QTest::newRow("edit_file edits not an array")
            << QStringLiteral("edit_file")
            << QJsonObject{{QStringLiteral("path"), QStringLiteral("a.txt")}, {QStringLiteral("edits"), 3}}
            << QStringLiteral("edits");
        QTest::newRow("edit_file text not found")
            << QStringLiteral("edit_file")
            << QJsonObject{{QStringLiteral("path"), QStringLiteral("a.txt")},
                   {QStringLiteral("edits"),
                       QJsonArray{QJsonObject{{QStringLiteral("oldText"), QStringLiteral("delta")},
                           {QStringLiteral("newText"), QStringLiteral("x")}}}}}
            << QStringLiteral("not found");
        QTest::newRow("read_multiple_files paths not an array")
            << QStringLiteral("read_multiple_files") << QJsonObject{{QStringLiteral("paths"), 5}}
            << QStringLiteral("paths");
        QTest::newRow("move_file without destination")
            << QStringLiteral("move_file") << QJsonObject{{QStringLiteral("source"), QStringLiteral("a.txt")}}
            << QStringLiteral("destination");
        QTest::newRow("run_code unknown language") << QStringLiteral("run_code")
                                                   << QJsonObject{{QStringLiteral("code"), QStringLiteral("1")},
                                                          {QStringLiteral("language"), QStringLiteral("cobol")}}
                                                   << QStringLiteral("cobol");
        QTest::newRow("tool not on the image")
            << QStringLiteral("screenshot") << QJsonObject() << QStringLiteral("screenshot");
    }

    void call_invalidArguments_isErrorWithMessage()
    {
        QFETCH(QString, tool);
        QFETCH(QJsonObject, args);
        QFETCH(QString, mentions);
        const QJsonObject result = call(tool, args);
        QVERIFY(isError(result));
        QVERIFY2(textOf(result).contains(mentions), qPrintable(textOf(result)));
    }

    void runCode_onLinuxImage_isRefused()
    {
        const QJsonObject result = call(QStringLiteral("run_code"),
            {{QStringLiteral("code"), QStringLiteral("1")}},
            QStringLiteral("linux_latest"));
        QVERIFY(isError(result));
        QVERIFY(textOf(result).contains(QStringLiteral("linux_latest")));
    }

    // ---- confinement ----

    void fileTools_hostPathsAndSymlinksOut_neverReachTheHost_data()
    {
        QTest::addColumn<QString>("tool");
        QTest::addColumn<QJsonObject>("args");
        const auto path = [](const QString &p) {
            return QJsonObject{{QStringLiteral("path"), p}};
        };
        const QString abs = m_dir.filePath(QStringLiteral("outside/secret.txt"));
        const QString absDir = m_dir.filePath(QStringLiteral("outside"));
        QTest::newRow("get_file_info ..")
            << QStringLiteral("get_file_info") << path(QStringLiteral("../outside/secret.txt"));
        QTest::newRow("get_file_info absolute") << QStringLiteral("get_file_info") << path(abs);
        QTest::newRow("get_file_info symlinked file")
            << QStringLiteral("get_file_info") << path(QStringLiteral("link_file"));
        QTest::newRow("list_directory ..") << QStringLiteral("list_directory") << path(QStringLiteral("sub/../.."));
        QTest::newRow("list_directory absolute") << QStringLiteral("list_directory") << path(QStringLiteral("/etc"));
        QTest::newRow("list_directory symlinked dir")
            << QStringLiteral("list_directory") << path(QStringLiteral("link_dir"));
        QTest::newRow("read_file ..") << QStringLiteral("read_file") << path(QStringLiteral("../outside/secret.txt"));
        QTest::newRow("read_file absolute") << QStringLiteral("read_file") << path(abs);
        QTest::newRow("read_file /workspace/..")
            << QStringLiteral("read_file") << path(QStringLiteral("/workspace/../etc/passwd"));
        QTest::newRow("read_file symlinked file") << QStringLiteral("read_file") << path(QStringLiteral("link_file"));
        QTest::newRow("read_file through symlinked dir")
            << QStringLiteral("read_file") << path(QStringLiteral("link_dir/secret.txt"));
        const auto write = [](const QString &p) {
            return QJsonObject{{QStringLiteral("path"), p}, {QStringLiteral("content"), QStringLiteral("pwned")}};
        };
        QTest::newRow("write_file ..") << QStringLiteral("write_file") << write(QStringLiteral("../outside/new.txt"));
        QTest::newRow("write_file absolute")
            << QStringLiteral("write_file") << write(absDir + QStringLiteral("/new.txt"));
        QTest::newRow("write_file over symlinked file")
            << QStringLiteral("write_file") << write(QStringLiteral("link_file"));
        QTest::newRow("write_file into symlinked dir")
            << QStringLiteral("write_file") << write(QStringLiteral("link_dir/new.txt"));
        QTest::newRow("write_file deep into symlinked dir")
            << QStringLiteral("write_file") << write(QStringLiteral("link_dir/x/y/new.txt"));
        QTest::newRow("write_file dangling symlink")
            << QStringLiteral("write_file") << write(QStringLiteral("dangling"));
        QTest::newRow("create_directory ..")
            << QStringLiteral("create_directory") << path(QStringLiteral("../outside/newdir"));
        QTest::newRow("create_directory absolute")
            << QStringLiteral("create_directory") << path(absDir + QStringLiteral("/newdir"));
        QTest::newRow("create_directory in symlinked dir")
            << QStringLiteral("create_directory") << path(QStringLiteral("link_dir/newdir"));
        QTest::newRow("delete_file ..") << QStringLiteral("delete_file")
                                        << path(QStringLiteral("../outside/secret.txt"));
        QTest::newRow("delete_file absolute") << QStringLiteral("delete_file") << path(abs);
        QTest::newRow("delete_file through symlinked dir")
            << QStringLiteral("delete_file") << path(QStringLiteral("link_dir/secret.txt"));
        QTest::newRow("delete_file workspace root")
            << QStringLiteral("delete_file") << path(QStringLiteral("/workspace"));
        QTest::newRow("move_file out with ..")
            << QStringLiteral("move_file")
            << QJsonObject{{QStringLiteral("source"), QStringLiteral("a.txt")},
                   {QStringLiteral("destination"), QStringLiteral("../outside/a.txt")}};
        QTest::newRow("move_file into symlinked dir")
            << QStringLiteral("move_file")
            << QJsonObject{{QStringLiteral("source"), QStringLiteral("a.txt")},
                   {QStringLiteral("destination"), QStringLiteral("link_dir/a.txt")}};
        QTest::newRow("move_file in from symlinked dir")
            << QStringLiteral("move_file")
            << QJsonObject{{QStringLiteral("source"), QStringLiteral("link_dir/secret.txt")},
                   {QStringLiteral("destination"), QStringLiteral("stolen.txt")}};
        QTest::newRow("move_file in from absolute")
            << QStringLiteral("move_file")
            << QJsonObject{
                   {QStringLiteral("source"), abs}, {QStringLiteral("destination"), QStringLiteral("stolen.txt")}};
        const QJsonArray edits{QJsonObject{
            {QStringLiteral("oldText"), QStringLiteral("TOP")}, {QStringLiteral("newText"), QStringLiteral("x")}}};
        QTest::newRow("edit_file symlinked file")
            << QStringLiteral("edit_file")
            << QJsonObject{{QStringLiteral("path"), QStringLiteral("link_file")}, {QStringLiteral("edits"), edits}};
        QTest::newRow("edit_file ..") << QStringLiteral("edit_file")
                                      << QJsonObject{{QStringLiteral("path"), QStringLiteral("../outside/secret.txt")},
                                             {QStringLiteral("edits"), edits}};
        QTest::newRow("search_files symlinked dir") << QStringLiteral("search_files")
                                                    << QJsonObject{{QStringLiteral("path"), QStringLiteral("link_dir")},
                                                           {QStringLiteral("pattern"), QStringLiteral("*")}};
        QTest::newRow("search_files absolute")
            << QStringLiteral("search_files")
            << QJsonObject{{QStringLiteral("path"), absDir}, {QStringLiteral("pattern"), QStringLiteral("*")}};
        QTest::newRow("get_file_change symlinked dir")
            << QStringLiteral("get_file_change") << path(QStringLiteral("link_dir"));
        QTest::newRow("get_file_change ..") << QStringLiteral("get_file_change") << path(QStringLiteral(".."));
    }

    void fileTools_hostPathsAndSymlinksOut_neverReachTheHost()
    {
        QFETCH(QString, tool);
        QFETCH(QJsonObject, args);
        // Tools run inside the session: an absolute path or a symlink's target is the session's
        // own file system (its private /tmp, its read-only system), never the host's. Some of
        // these calls succeed there; none may read or change anything on the host.
        const QJsonObject result = call(tool, args);
        QVERIFY(!result.contains(QStringLiteral("timedOutInTest")));
        QVERIFY(!textOf(result).contains(QString::fromLatin1(kSecret)));
        // Nothing outside changed.
        QCOMPARE(readFile(outside(QStringLiteral("secret.txt"))), kSecret);
        QCOMPARE(QDir(outside()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
            QStringList{QStringLiteral("secret.txt")});
        QVERIFY(!QFile::exists(ws(QStringLiteral("stolen.txt"))));
    }

    void readMultipleFiles_escapeAttempts_areReportedPerFile()
    {
        const QJsonObject result = call(QStringLiteral("read_multiple_files"),
            {{QStringLiteral("paths"),
                QJsonArray{QStringLiteral("a.txt"),
                    QStringLiteral("link_file"),
                    QStringLiteral("../outside/secret.txt"),
                    m_dir.filePath(QStringLiteral("outside/secret.txt"))}}});
        const QString text = textOf(result);
        QVERIFY(!text.contains(QString::fromLatin1(kSecret)));
        QVERIFY(text.startsWith(QStringLiteral("a.txt: alpha\nbeta\ngamma\n\n---\n")));
        QCOMPARE(text.count(QStringLiteral(": Error - ")), 3);
    }

    void deleteFile_symlinkToOutside_removesOnlyTheLink()
    {
        const QJsonObject result =
            call(QStringLiteral("delete_file"), {{QStringLiteral("path"), QStringLiteral("link_dir")}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        QVERIFY(!QFileInfo(ws(QStringLiteral("link_dir"))).isSymLink());
        QCOMPARE(readFile(outside(QStringLiteral("secret.txt"))), kSecret);
    }

    void bubblewrap_otherSessionsWorkspace_isInvisible()
    {
        if (m_sandbox->isolation() != SessionSandbox::Isolation::Bubblewrap) {
            QSKIP("the process session is not a security boundary");
        }
        QTemporaryDir otherDir;
        SessionSandbox other(QStringLiteral("session-other%1").arg(QRandomGenerator::global()->generate() % 100000),
            otherDir.filePath(QStringLiteral("ws")));
        QString error;
        QVERIFY(other.start(&error));
        QVERIFY(writeFile(other.workspace() + QStringLiteral("/theirs.txt"), "THEIR-DATA"));
        const QJsonObject viaShell = call(QStringLiteral("shell"),
            {{QStringLiteral("command"), QStringLiteral("cat %1/theirs.txt; ls /workspace").arg(other.workspace())}});
        const QString shown = parse(textOf(viaShell)).value(QStringLiteral("stdout")).toString();
        QVERIFY(!textOf(viaShell).contains(QStringLiteral("THEIR-DATA")));
        QVERIFY(shown.contains(QStringLiteral("a.txt"))); // its own workspace is what it sees
        QVERIFY(!shown.contains(QStringLiteral("theirs.txt")));
        const QJsonObject viaTool = call(QStringLiteral("read_file"),
            {{QStringLiteral("path"), QString(other.workspace() + QStringLiteral("/theirs.txt"))}});
        QVERIFY(isError(viaTool));
    }

    // ---- result texts ----

    void getFileInfo_file_listsKeyValueLines()
    {
        const QJsonObject result =
            call(QStringLiteral("get_file_info"), {{QStringLiteral("path"), QStringLiteral("a.txt")}});
        QVERIFY(!isError(result));
        const QStringList lines = textOf(result).split(u'\n');
        QCOMPARE(lines.value(0), QStringLiteral("name: a.txt"));
        QVERIFY(lines.contains(QStringLiteral("path: ") + inside(QStringLiteral("a.txt"))));
        QVERIFY(lines.contains(QStringLiteral("size: 17")));
        QVERIFY(lines.contains(QStringLiteral("isDirectory: false")));
        QVERIFY(lines.contains(QStringLiteral("isFile: true")));
        const QString modified = lines.filter(QStringLiteral("modified: ")).value(0).mid(10);
        QVERIFY(QDateTime::fromString(modified, Qt::ISODate).isValid());
        QVERIFY(modified.endsWith(u'Z'));
        QVERIFY(!lines.filter(QStringLiteral("permissions: ")).isEmpty());
    }

    void getFileInfo_directoryGivenAsWorkspacePath_isDirectory()
    {
        const QJsonObject result =
            call(QStringLiteral("get_file_info"), {{QStringLiteral("path"), QStringLiteral("/workspace/sub")}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        QVERIFY(textOf(result).contains(QStringLiteral("isDirectory: true")));
        QVERIFY(textOf(result).startsWith(QStringLiteral("name: sub\n")));
    }

    void listDirectory_marksDirsAndFiles()
    {
        QVERIFY(writeFile(ws(QStringLiteral("sub/.hidden")), "h"));
        const QJsonObject result =
            call(QStringLiteral("list_directory"), {{QStringLiteral("path"), QStringLiteral("sub")}});
        QVERIFY(!isError(result));
        QCOMPARE(textOf(result), QStringLiteral("[FILE] .hidden\n[FILE] b.log\n[DIR] deeper"));
    }

    void readFile_range_returnsRequestedBytes_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("expected");
        const QString path = QStringLiteral("a.txt");
        QTest::newRow("whole file") << QJsonObject{{QStringLiteral("path"), path}}
                                    << QStringLiteral("alpha\nbeta\ngamma\n");
        QTest::newRow("offset") << QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("offset"), 6}}
                                << QStringLiteral("beta\ngamma\n");
        QTest::newRow("offset and length")
            << QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("offset"), 6}, {QStringLiteral("length"), 4}}
            << QStringLiteral("beta");
        QTest::newRow("length 0 reads to the end") << QJsonObject{{QStringLiteral("path"), path},
            {QStringLiteral("offset"), 11},
            {QStringLiteral("length"), 0}} << QStringLiteral("gamma\n");
        QTest::newRow("offset past the end")
            << QJsonObject{{QStringLiteral("path"), path}, {QStringLiteral("offset"), 999}} << QString();
        QTest::newRow("binary is base64") << QJsonObject{{QStringLiteral("path"), path},
            {QStringLiteral("format"), QStringLiteral("binary")},
            {QStringLiteral("length"), 5}} << QStringLiteral("YWxwaGE=");
        QTest::newRow("absolute /workspace path")
            << QJsonObject{{QStringLiteral("path"), QStringLiteral("/workspace/sub/b.log")}} << QStringLiteral("bee");
    }

    void readFile_range_returnsRequestedBytes()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QString, expected);
        const QJsonObject result = call(QStringLiteral("read_file"), args);
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        QCOMPARE(textOf(result), expected);
    }

    void fileTools_absolutePaths_areTheSessionsOwnView()
    {
        if (m_sandbox->isolation() != SessionSandbox::Isolation::Bubblewrap) {
            QSKIP("a process session sees the host's file system");
        }
        // As the SDK docs use it: /tmp is the session's private /tmp, not the host's.
        const QString name = QStringLiteral("/tmp/agentbay-tr-%1.txt").arg(QRandomGenerator::global()->generate());
        QVERIFY(!isError(call(QStringLiteral("write_file"),
            {{QStringLiteral("path"), name}, {QStringLiteral("content"), QStringLiteral("in the session")}})));
        QCOMPARE(textOf(call(QStringLiteral("read_file"), {{QStringLiteral("path"), name}})),
            QStringLiteral("in the session"));
        const QJsonObject viaShell =
            call(QStringLiteral("shell"), {{QStringLiteral("command"), QString(QStringLiteral("cat ") + name)}});
        QCOMPARE(parse(textOf(viaShell)).value(QStringLiteral("stdout")).toString(), QStringLiteral("in the session"));
        QVERIFY(!QFileInfo::exists(name));
        QVERIFY(textOf(call(QStringLiteral("list_directory"), {{QStringLiteral("path"), QStringLiteral("/etc")}}))
                    .contains(QStringLiteral("[FILE] passwd")));
    }

    void readFile_binaryContent_roundTripsThroughBase64()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i) {
            bytes.append(char(i));
        }
        QVERIFY(writeFile(ws(QStringLiteral("bin.dat")), bytes));
        const QJsonObject result = call(QStringLiteral("read_file"),
            {{QStringLiteral("path"), QStringLiteral("bin.dat")},
                {QStringLiteral("format"), QStringLiteral("binary")}});
        QCOMPARE(QByteArray::fromBase64(textOf(result).toLatin1()), bytes);
    }

    void writeFile_modes_createParentsAndAppend()
    {
        QJsonObject result = call(QStringLiteral("write_file"),
            {{QStringLiteral("path"), QStringLiteral("new/dir/f.txt")},
                {QStringLiteral("content"), QStringLiteral("héllo ")}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        result = call(QStringLiteral("write_file"),
            {{QStringLiteral("path"), QStringLiteral("/workspace/new/dir/f.txt")},
                {QStringLiteral("content"), QStringLiteral("world")},
                {QStringLiteral("mode"), QStringLiteral("append")}});
        QVERIFY(!isError(result));
        QCOMPARE(readFile(ws(QStringLiteral("new/dir/f.txt"))), QByteArray("h\xc3\xa9llo world"));
        result = call(QStringLiteral("write_file"),
            {{QStringLiteral("path"), QStringLiteral("new/dir/f.txt")},
                {QStringLiteral("content"), QStringLiteral("over")},
                {QStringLiteral("mode"), QStringLiteral("overwrite")}});
        QVERIFY(!isError(result));
        QCOMPARE(readFile(ws(QStringLiteral("new/dir/f.txt"))), QByteArray("over"));
    }

    void createMoveDelete_changeTheWorkspace()
    {
        QVERIFY(
            !isError(call(QStringLiteral("create_directory"), {{QStringLiteral("path"), QStringLiteral("x/y/z")}})));
        QVERIFY(QFileInfo(ws(QStringLiteral("x/y/z"))).isDir());
        QVERIFY(
            !isError(call(QStringLiteral("create_directory"), {{QStringLiteral("path"), QStringLiteral("x/y/z")}})));
        QVERIFY(!isError(call(QStringLiteral("move_file"),
            {{QStringLiteral("source"), QStringLiteral("a.txt")},
                {QStringLiteral("destination"), QStringLiteral("x/moved.txt")}})));
        QVERIFY(!QFile::exists(ws(QStringLiteral("a.txt"))));
        QCOMPARE(readFile(ws(QStringLiteral("x/moved.txt"))), QByteArray("alpha\nbeta\ngamma\n"));
        QVERIFY(isError(call(QStringLiteral("move_file"),
            {{QStringLiteral("source"), QStringLiteral("sub/b.log")},
                {QStringLiteral("destination"), QStringLiteral("x/moved.txt")}})));
        QVERIFY(!isError(call(QStringLiteral("delete_file"), {{QStringLiteral("path"), QStringLiteral("x")}})));
        QVERIFY(!QFile::exists(ws(QStringLiteral("x"))));
        QVERIFY(isError(call(QStringLiteral("delete_file"), {{QStringLiteral("path"), QStringLiteral("x")}})));
    }

    void editFile_dryRunAndApply()
    {
        const QJsonArray edits{QJsonObject{
            {QStringLiteral("oldText"), QStringLiteral("beta")}, {QStringLiteral("newText"), QStringLiteral("BETA")}}};
        QJsonObject result = call(QStringLiteral("edit_file"),
            {{QStringLiteral("path"), QStringLiteral("a.txt")},
                {QStringLiteral("edits"), edits},
                {QStringLiteral("dryRun"), true}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        QVERIFY(textOf(result).contains(QStringLiteral("-beta\n+BETA")));
        QCOMPARE(readFile(ws(QStringLiteral("a.txt"))), QByteArray("alpha\nbeta\ngamma\n"));
        result = call(QStringLiteral("edit_file"),
            {{QStringLiteral("path"), QStringLiteral("a.txt")}, {QStringLiteral("edits"), edits}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        QCOMPARE(readFile(ws(QStringLiteral("a.txt"))), QByteArray("alpha\nBETA\ngamma\n"));
    }

    void searchFiles_pattern_listsMatchesOrNone_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QStringList>("expected"); // relative to the workspace; empty = "No matches found"
        QTest::newRow("wildcard") << QJsonObject{{QStringLiteral("path"), QStringLiteral(".")},
            {QStringLiteral("pattern"), QStringLiteral("*.log")}}
                                  << QStringList{QStringLiteral("sub/b.log")};
        QTest::newRow("question mark") << QJsonObject{{QStringLiteral("path"), QStringLiteral(".")},
            {QStringLiteral("pattern"), QStringLiteral("?.txt")}}
                                       << QStringList{QStringLiteral("a.txt")};
        QTest::newRow("substring") << QJsonObject{{QStringLiteral("path"), QStringLiteral(".")},
            {QStringLiteral("pattern"), QStringLiteral("deep")}}
                                   << QStringList{QStringLiteral("sub/deeper")};
        QTest::newRow("excluded") << QJsonObject{{QStringLiteral("path"), QStringLiteral(".")},
            {QStringLiteral("pattern"), QStringLiteral("*")},
            {QStringLiteral("excludePatterns"), QStringLiteral("sub,link_*,dangling")}}
                                  << QStringList{QStringLiteral("a.txt")};
        QTest::newRow("no match") << QJsonObject{{QStringLiteral("path"), QStringLiteral("sub")},
            {QStringLiteral("pattern"), QStringLiteral("*.pdf")}}
                                  << QStringList();
    }

    void searchFiles_pattern_listsMatchesOrNone()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QStringList, expected);
        const QJsonObject result = call(QStringLiteral("search_files"), args);
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        if (expected.isEmpty()) {
            QCOMPARE(textOf(result), QStringLiteral("No matches found"));
            return;
        }
        QStringList paths;
        for (const QString &relative : std::as_const(expected)) {
            paths.append(inside(relative));
        }
        QCOMPARE(textOf(result), paths.join(u'\n'));
    }

    void readMultipleFiles_blocksSeparatedByDashes()
    {
        const QJsonObject result = call(QStringLiteral("read_multiple_files"),
            {{QStringLiteral("paths"),
                QJsonArray{QStringLiteral("sub/b.log"), QStringLiteral("a.txt"), QStringLiteral("missing.txt")}}});
        QVERIFY(!isError(result));
        const QStringList blocks = textOf(result).split(QStringLiteral("\n---\n"));
        QCOMPARE(blocks.size(), 3);
        QCOMPARE(blocks.at(0), QStringLiteral("sub/b.log: bee"));
        QCOMPARE(blocks.at(1), QStringLiteral("a.txt: alpha\nbeta\ngamma\n"));
        QVERIFY(blocks.at(2).startsWith(QStringLiteral("missing.txt: Error - ")));
    }

    void getFileChange_reportsCreateModifyDelete()
    {
        QJsonObject result = call(QStringLiteral("get_file_change"), {{QStringLiteral("path"), QStringLiteral("sub")}});
        QVERIFY(!isError(result));
        QCOMPARE(textOf(result), QStringLiteral("[]"));
        QVERIFY(writeFile(ws(QStringLiteral("sub/new.txt")), "n"));
        QVERIFY(writeFile(ws(QStringLiteral("sub/b.log")), "bee bee bee"));
        QVERIFY(QDir(ws(QStringLiteral("sub/deeper"))).removeRecursively());
        result = call(QStringLiteral("get_file_change"), {{QStringLiteral("path"), QStringLiteral("sub")}});
        const QJsonArray events = QJsonDocument::fromJson(textOf(result).toUtf8()).array();
        const auto event = [this](const char *type, const char *path, const char *kind) {
            return QJsonValue(QJsonObject{{QStringLiteral("eventType"), QString::fromLatin1(type)},
                {QStringLiteral("path"), inside(QString::fromLatin1(path))},
                {QStringLiteral("pathType"), QString::fromLatin1(kind)}});
        };
        QCOMPARE(events,
            (QJsonArray{event("modify", "sub/b.log", "file"),
                event("delete", "sub/deeper", "directory"),
                event("create", "sub/new.txt", "file")}));
        result = call(QStringLiteral("get_file_change"), {{QStringLiteral("path"), QStringLiteral("sub")}});
        QCOMPARE(textOf(result), QStringLiteral("[]"));
    }

    void getMetrics_returnsEveryKey()
    {
        const QJsonObject result = call(QStringLiteral("get_metrics"), {});
        QVERIFY(!isError(result));
        const QJsonObject metrics = parse(textOf(result));
        for (const char *key : {"cpu_count",
                 "cpu_used_pct",
                 "disk_total",
                 "disk_used",
                 "mem_total",
                 "mem_used",
                 "rx_rate_kbyte_per_s",
                 "tx_rate_kbyte_per_s",
                 "rx_used_kbyte",
                 "tx_used_kbyte"}) {
            QVERIFY2(metrics.value(QString::fromLatin1(key)).isDouble(), key);
        }
        QVERIFY(metrics.value(QStringLiteral("cpu_count")).toInt() >= 1);
        QVERIFY(metrics.value(QStringLiteral("mem_total")).toDouble()
            > metrics.value(QStringLiteral("mem_used")).toDouble());
        QVERIFY(metrics.value(QStringLiteral("disk_total")).toDouble() > 0);
        QVERIFY(QDateTime::fromString(metrics.value(QStringLiteral("timestamp")).toString(), Qt::ISODate).isValid());
    }

    void getMetrics_memory_isTheSessionsOwn()
    {
        if (m_sandbox->memoryLimit() <= 0) {
            QSKIP("no memory cgroup enforces this session's limit here (a normal user without a delegated "
                  "cgroup): the host's memory is what the session may use");
        }
        // 64 MiB in the session's private /tmp (a tmpfs, charged to the session's memory cgroup).
        QJsonObject result = call(QStringLiteral("shell"),
            {{QStringLiteral("command"), QStringLiteral("head -c 67108864 /dev/zero > /tmp/ballast")}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        result = call(QStringLiteral("get_metrics"), {});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        const QJsonObject metrics = parse(textOf(result));
        // The limit the session runs under, not the host's memory (2 GiB by default, below this host's).
        QCOMPARE(qint64(metrics.value(QStringLiteral("mem_total")).toDouble()),
            std::min(m_sandbox->limits().memoryMax, m_sandbox->memoryLimit()));
        const qint64 used = qint64(metrics.value(QStringLiteral("mem_used")).toDouble());
        QVERIFY2(used >= (qint64(64) << 20), QByteArray::number(used).constData());
        QVERIFY2(used < m_sandbox->memoryLimit(), QByteArray::number(used).constData());
        QVERIFY(
            !isError(call(QStringLiteral("shell"), {{QStringLiteral("command"), QStringLiteral("rm /tmp/ballast")}})));
    }

    // ---- run_code ----

    void runCode_language_returnsNewestJsonFormat_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("stdOut");
        QTest::addColumn<QString>("mainResult");
        QTest::addColumn<QString>("errorMentions");
        QTest::newRow("python output and value")
            << QStringLiteral("python") << QStringLiteral("print('hi')\nx = 21\nx * 2") << QStringLiteral("hi\n")
            << QStringLiteral("42") << QString();
        QTest::newRow("python alias py") << QStringLiteral("py") << QStringLiteral("import os\nos.getcwd()")
                                         << QString() << QStringLiteral("'%W'") << QString();
        QTest::newRow("python exception")
            << QStringLiteral("python") << QStringLiteral("print('before')\n1/0") << QStringLiteral("before\n")
            << QString() << QStringLiteral("ZeroDivisionError");
        QTest::newRow("javascript output and value")
            << QStringLiteral("javascript") << QStringLiteral("console.log('hi'); [1,2].map(x => x * 2)")
            << QStringLiteral("hi\n") << QStringLiteral("[ 2, 4 ]") << QString();
        QTest::newRow("javascript error") << QStringLiteral("js") << QStringLiteral("null.x") << QString() << QString()
                                          << QStringLiteral("TypeError");
    }

    void runCode_language_returnsNewestJsonFormat()
    {
        QFETCH(QString, language);
        QFETCH(QString, code);
        QFETCH(QString, stdOut);
        QFETCH(QString, mainResult);
        QFETCH(QString, errorMentions);
        if ((language == u"javascript" || language == u"js") && !QFileInfo::exists(QStringLiteral("/usr/bin/node"))) {
            QSKIP("node is not installed");
        }
        const QJsonObject result = call(QStringLiteral("run_code"),
            {{QStringLiteral("code"), code},
                {QStringLiteral("language"), language},
                {QStringLiteral("timeout_s"), 30}});
        QVERIFY2(!isError(result), qPrintable(textOf(result)));
        const QJsonObject payload = parse(textOf(result));
        QVERIFY(payload.value(QStringLiteral("result")).isArray());
        QVERIFY(payload.value(QStringLiteral("stdout")).isArray());
        QVERIFY(payload.value(QStringLiteral("stderr")).isArray());
        QVERIFY(payload.value(QStringLiteral("executionError")).isString());
        QCOMPARE(payload.value(QStringLiteral("stdout")).toArray().at(0).toString(), stdOut);
        const QJsonObject first = payload.value(QStringLiteral("result")).toArray().at(0).toObject();
        mainResult.replace(QStringLiteral("%W"), m_sandbox->workspaceInside());
        QCOMPARE(first.value(QStringLiteral("text/plain")).toString(), mainResult);
        if (!mainResult.isEmpty()) {
            QVERIFY(first.value(QStringLiteral("isMainResult")).toBool());
        }
        const QString executionError = payload.value(QStringLiteral("executionError")).toString();
        if (errorMentions.isEmpty()) {
            QCOMPARE(executionError, QString());
        } else {
            QVERIFY2(executionError.contains(errorMentions), qPrintable(executionError));
        }
    }

    void runCode_timeout_reportsExecutionError()
    {
        const QJsonObject result = call(QStringLiteral("run_code"),
            {{QStringLiteral("code"), QStringLiteral("import time\nprint('go', flush=True)\ntime.sleep(30)")},
                {QStringLiteral("timeout_s"), 1}});
        const QJsonObject payload = parse(textOf(result));
        QVERIFY(payload.value(QStringLiteral("executionError")).toString().contains(QStringLiteral("timed out")));
    }

    // ---- delivery ----

    void call_contextDestroyed_callbackNotRun()
    {
        bool called = false;
        auto context = std::make_unique<QObject>();
        m_runner.call(m_sandbox.get(),
            QStringLiteral("code_latest"),
            QStringLiteral("shell"),
            {{QStringLiteral("command"), QStringLiteral("sleep 0.2")}},
            context.get(),
            [&called](const QJsonObject &) {
                called = true;
            });
        m_runner.call(m_sandbox.get(),
            QStringLiteral("code_latest"),
            QStringLiteral("read_file"),
            {{QStringLiteral("path"), QStringLiteral("a.txt")}},
            context.get(),
            [&called](const QJsonObject &) {
                called = true;
            });
        context.reset();
        const QJsonObject later =
            call(QStringLiteral("shell"), {{QStringLiteral("command"), QStringLiteral("sleep 0.4")}});
        QVERIFY(!isError(later));
        QVERIFY(!called);
    }

    void call_fileTool_answersAsynchronously()
    {
        bool called = false;
        QObject context;
        m_runner.call(m_sandbox.get(),
            QStringLiteral("code_latest"),
            QStringLiteral("read_file"),
            {{QStringLiteral("path"), QStringLiteral("a.txt")}},
            &context,
            [&called](const QJsonObject &) {
                called = true;
            });
        QVERIFY(!called);
        QTRY_VERIFY(called);
    }
};

QTEST_GUILESS_MAIN(tst_ToolRunner)
#include "tst_toolrunner.moc"
