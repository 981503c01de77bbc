// SPDX-License-Identifier: MIT
#include <core/config/dotenv.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using AgentBay::Core::DotEnv;
using Vars = QMap<QString, QString>;

class tst_DotEnv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_line_givesVariables_data();
    void parse_line_givesVariables();
    void parse_commentsAndBlankLines_areIgnored();
    void parse_duplicateKey_lastWins();
    void load_file_readsEveryVariable();
    void load_missingFile_givesNothing();
    void locate_explicitPathExists_winsOverSearch();
    void locate_explicitPathMissing_searchesUpward();
    void locate_nested_nearestFileWins();
    void locate_noFileAnywhere_givesEmpty();
    void locate_fileAboveHome_neverRead();
    void locate_homeItself_isRead();
    void locate_startOutsideHome_onlyStartFolderRead();
    void locate_defaultHome_parentOfATempFolderOutsideHomeNotRead();
    void locate_fileWritableByOthers_skippedForTheNextTrustedOne();
    void locate_folderWritableByOthers_skipped();
    void locate_fileOfAnotherUser_skipped();
    void locate_groupWritable_trustedOnlyForTheUsersOwnGroup();
    void locate_explicitPath_noOwnershipRules();

private:
    static void writeFile(const QString &path, const QByteArray &text);
};

void tst_DotEnv::writeFile(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(text);
}

void tst_DotEnv::parse_line_givesVariables_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Vars>("expected");

    const QString key = QStringLiteral("KEY");
    QTest::newRow("plain") << QByteArray("KEY=value\n") << Vars{{key, QStringLiteral("value")}};
    QTest::newRow("no trailing newline") << QByteArray("KEY=value") << Vars{{key, QStringLiteral("value")}};
    QTest::newRow("export prefix") << QByteArray("export KEY=value\n") << Vars{{key, QStringLiteral("value")}};
    QTest::newRow("spaces around") << QByteArray("  KEY = value  \n") << Vars{{key, QStringLiteral("value")}};
    QTest::newRow("double quotes keep spaces")
        << QByteArray("KEY=\"hello world\"\n") << Vars{{key, QStringLiteral("hello world")}};
    QTest::newRow("single quotes keep spaces") << QByteArray("KEY='a b c'\n") << Vars{{key, QStringLiteral("a b c")}};
    QTest::newRow("equals in value") << QByteArray("KEY=a=b=c\n") << Vars{{key, QStringLiteral("a=b=c")}};
    QTest::newRow("equals in quoted value")
        << QByteArray("KEY=\"x=1&y=2\"\n") << Vars{{key, QStringLiteral("x=1&y=2")}};
    QTest::newRow("hash inside quotes is kept")
        << QByteArray("KEY=\"a # b\"\n") << Vars{{key, QStringLiteral("a # b")}};
    QTest::newRow("inline comment after unquoted value")
        << QByteArray("KEY=value # a comment\n") << Vars{{key, QStringLiteral("value")}};
    QTest::newRow("empty value") << QByteArray("KEY=\n") << Vars{{key, QString()}};
    QTest::newRow("crlf line endings") << QByteArray("KEY=value\r\nOTHER=x\r\n")
                                       << Vars{{key, QStringLiteral("value")},
                                              {QStringLiteral("OTHER"), QStringLiteral("x")}};
    QTest::newRow("double quoted newline escape")
        << QByteArray("KEY=\"line1\\nline2\"\n") << Vars{{key, QStringLiteral("line1\nline2")}};
    QTest::newRow("utf-8 value") << QByteArray("KEY=h\xc3\xa9llo \xe6\xbc\xa2\n")
                                 << Vars{{key, QStringLiteral("héllo 漢")}};
    QTest::newRow("api key with plus and slash") << QByteArray(
        "AGENTBAY_API_KEY=akm-a+b/c=\n") << Vars{{QStringLiteral("AGENTBAY_API_KEY"), QStringLiteral("akm-a+b/c=")}};
    QTest::newRow("line without equals is ignored")
        << QByteArray("JUSTTEXT\nKEY=v\n") << Vars{{key, QStringLiteral("v")}};
}

void tst_DotEnv::parse_line_givesVariables()
{
    QFETCH(QByteArray, text);
    QFETCH(Vars, expected);
    QCOMPARE(DotEnv::parse(text), expected);
}

void tst_DotEnv::parse_commentsAndBlankLines_areIgnored()
{
    const QByteArray text = "# a comment\n"
                            "\n"
                            "   \n"
                            "  # indented comment = not a variable\n"
                            "AGENTBAY_ENDPOINT=127.0.0.1:9000\n"
                            "\n"
                            "export AGENTBAY_TIMEOUT_MS=1500\n"
                            "#AGENTBAY_REGION_ID=cn-hangzhou\n";
    const Vars expected{{QStringLiteral("AGENTBAY_ENDPOINT"), QStringLiteral("127.0.0.1:9000")},
        {QStringLiteral("AGENTBAY_TIMEOUT_MS"), QStringLiteral("1500")}};
    QCOMPARE(DotEnv::parse(text), expected);
}

void tst_DotEnv::parse_duplicateKey_lastWins()
{
    QCOMPARE(DotEnv::parse("KEY=first\nKEY=second\n").value(QStringLiteral("KEY")), QStringLiteral("second"));
}

void tst_DotEnv::load_file_readsEveryVariable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral(".env"));
    writeFile(path, "AGENTBAY_API_KEY=akm-file\nexport AGENTBAY_REGION_ID='cn-hangzhou'\n");
    const Vars expected{{QStringLiteral("AGENTBAY_API_KEY"), QStringLiteral("akm-file")},
        {QStringLiteral("AGENTBAY_REGION_ID"), QStringLiteral("cn-hangzhou")}};
    QCOMPARE(DotEnv::load(path), expected);
}

void tst_DotEnv::load_missingFile_givesNothing()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(DotEnv::load(dir.filePath(QStringLiteral("nope.env"))).isEmpty());
}

void tst_DotEnv::locate_explicitPathExists_winsOverSearch()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString explicitPath = dir.filePath(QStringLiteral("config/custom.env"));
    writeFile(explicitPath, "A=1\n");
    writeFile(dir.filePath(QStringLiteral("work/.env")), "A=2\n");
    QCOMPARE(DotEnv::locate(explicitPath, dir.filePath(QStringLiteral("work")), dir.path()), explicitPath);
}

void tst_DotEnv::locate_explicitPathMissing_searchesUpward()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString found = dir.filePath(QStringLiteral("work/.env"));
    writeFile(found, "A=2\n");
    QDir().mkpath(dir.filePath(QStringLiteral("work/sub")));
    const QString located = DotEnv::locate(
        dir.filePath(QStringLiteral("missing.env")), dir.filePath(QStringLiteral("work/sub")), dir.path());
    QCOMPARE(QFileInfo(located).canonicalFilePath(), QFileInfo(found).canonicalFilePath());
}

void tst_DotEnv::locate_nested_nearestFileWins()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral("a/.env")), "A=outer\n");
    const QString nearest = dir.filePath(QStringLiteral("a/b/.env"));
    writeFile(nearest, "A=inner\n");
    QDir().mkpath(dir.filePath(QStringLiteral("a/b/c/d")));
    // A .git folder on the way only gets logged by the SDKs; it does not stop the search.
    QDir().mkpath(dir.filePath(QStringLiteral("a/b/c/.git")));

    const QString located = DotEnv::locate(QString(), dir.filePath(QStringLiteral("a/b/c/d")), dir.path());
    QCOMPARE(QFileInfo(located).canonicalFilePath(), QFileInfo(nearest).canonicalFilePath());
    const QString outer = DotEnv::locate(QString(), dir.filePath(QStringLiteral("a")), dir.path());
    QCOMPARE(
        QFileInfo(outer).canonicalFilePath(), QFileInfo(dir.filePath(QStringLiteral("a/.env"))).canonicalFilePath());
}

void tst_DotEnv::locate_noFileAnywhere_givesEmpty()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir().mkpath(dir.filePath(QStringLiteral("x/y")));
    QVERIFY(DotEnv::locate(QString(), dir.filePath(QStringLiteral("x/y")), dir.path()).isEmpty());
}

void tst_DotEnv::locate_fileAboveHome_neverRead()
{
    // A .env planted in a folder above the home (e.g. /home/.env) would redirect the endpoint.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral(".env")), "AGENTBAY_ENDPOINT=evil.example\n");
    const QString home = dir.filePath(QStringLiteral("home/alice"));
    QDir().mkpath(home + QStringLiteral("/project/src"));
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral(".env"))).isFile());
    QVERIFY(DotEnv::locate(QString(), home + QStringLiteral("/project/src"), home).isEmpty());
    QVERIFY(DotEnv::locate(QString(), home, home).isEmpty());
}

void tst_DotEnv::locate_homeItself_isRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath(QStringLiteral(".env")), "A=above\n");
    const QString home = dir.filePath(QStringLiteral("home/alice"));
    const QString own = home + QStringLiteral("/.env");
    writeFile(own, "A=home\n");
    QDir().mkpath(home + QStringLiteral("/project/src"));
    const QString located = DotEnv::locate(QString(), home + QStringLiteral("/project/src"), home);
    QCOMPARE(QFileInfo(located).canonicalFilePath(), QFileInfo(own).canonicalFilePath());
}

void tst_DotEnv::locate_startOutsideHome_onlyStartFolderRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString home = dir.filePath(QStringLiteral("home/alice"));
    QDir().mkpath(home);
    writeFile(dir.filePath(QStringLiteral("srv/.env")), "A=shared\n");
    const QString start = dir.filePath(QStringLiteral("srv/checkout"));
    QDir().mkpath(start);
    QVERIFY(DotEnv::locate(QString(), start, home).isEmpty());

    const QString own = start + QStringLiteral("/.env");
    writeFile(own, "A=project\n");
    QCOMPARE(QFileInfo(DotEnv::locate(QString(), start, home)).canonicalFilePath(), QFileInfo(own).canonicalFilePath());
}

void tst_DotEnv::locate_defaultHome_parentOfATempFolderOutsideHomeNotRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString home = QFileInfo(QDir::homePath()).canonicalFilePath();
    const QString temp = QFileInfo(dir.path()).canonicalFilePath();
    if (temp == home || temp.startsWith(home + QLatin1Char('/'))) {
        QSKIP("the temporary folder is inside the home folder here");
    }
    writeFile(dir.filePath(QStringLiteral(".env")), "A=parent\n");
    QDir().mkpath(dir.filePath(QStringLiteral("sub")));
    QVERIFY(DotEnv::locate(QString(), dir.filePath(QStringLiteral("sub"))).isEmpty());
}

void tst_DotEnv::locate_fileWritableByOthers_skippedForTheNextTrustedOne()
{
#ifndef Q_OS_UNIX
    QSKIP("ownership and modes are checked on Unix only");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString trusted = dir.filePath(QStringLiteral(".env"));
    writeFile(trusted, "A=mine\n");
    const QString open = dir.filePath(QStringLiteral("a/.env"));
    writeFile(open, "A=anyone\n");
    QVERIFY(QFile::setPermissions(open, QFile::permissions(open) | QFile::WriteOther));
    QVERIFY(!DotEnv::isTrusted(open));
    QVERIFY(DotEnv::isTrusted(trusted));
    const QString located = DotEnv::locate(QString(), dir.filePath(QStringLiteral("a")), dir.path());
    QCOMPARE(QFileInfo(located).canonicalFilePath(), QFileInfo(trusted).canonicalFilePath());
}

void tst_DotEnv::locate_folderWritableByOthers_skipped()
{
#ifndef Q_OS_UNIX
    QSKIP("ownership and modes are checked on Unix only");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString shared = dir.filePath(QStringLiteral("shared"));
    writeFile(shared + QStringLiteral("/.env"), "A=planted\n");
    QVERIFY(QFile::setPermissions(shared, QFile::permissions(shared) | QFile::WriteOther | QFile::ExeOther));
    QVERIFY(DotEnv::locate(QString(), shared, dir.path()).isEmpty());
    QVERIFY(QFile::setPermissions(shared, QFile::permissions(shared) & ~QFile::WriteOther));
    QVERIFY(!DotEnv::locate(QString(), shared, dir.path()).isEmpty()); // the mode was the reason
}

void tst_DotEnv::locate_fileOfAnotherUser_skipped()
{
#ifdef Q_OS_UNIX
    if (::geteuid() != 0) {
        QSKIP("giving a file to another user needs root");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString theirs = dir.filePath(QStringLiteral("a/.env"));
    writeFile(theirs, "A=theirs\n");
    const uid_t nobody = 65534;
    QCOMPARE(::chown(QFile::encodeName(theirs).constData(), nobody, nobody), 0);
    QVERIFY(DotEnv::locate(QString(), dir.filePath(QStringLiteral("a")), dir.path()).isEmpty());

    // The file is ours again, but the folder holding it is not.
    QCOMPARE(::chown(QFile::encodeName(theirs).constData(), ::geteuid(), ::getegid()), 0);
    QVERIFY(!DotEnv::locate(QString(), dir.filePath(QStringLiteral("a")), dir.path()).isEmpty());
    QCOMPARE(::chown(QFile::encodeName(dir.filePath(QStringLiteral("a"))).constData(), nobody, nobody), 0);
    QVERIFY(DotEnv::locate(QString(), dir.filePath(QStringLiteral("a")), dir.path()).isEmpty());
#else
    QSKIP("ownership is checked on Unix only");
#endif
}

void tst_DotEnv::locate_groupWritable_trustedOnlyForTheUsersOwnGroup()
{
#ifdef Q_OS_UNIX
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral(".env"));
    writeFile(path, "A=1\n");
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFile::WriteGroup));
    QVERIFY(DotEnv::isTrusted(path)); // 0664 in the user's private group: the Debian norm
    if (::geteuid() != 0) {
        QSKIP("giving a file to another group needs root");
    }
    const gid_t other = ::getegid() == 65534 ? 0 : 65534;
    QCOMPARE(::chown(QFile::encodeName(path).constData(), ::geteuid(), other), 0);
    QVERIFY(!DotEnv::isTrusted(path));
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) & ~QFile::WriteGroup));
    QVERIFY(DotEnv::isTrusted(path)); // that group may read it, not change it
#else
    QSKIP("ownership is checked on Unix only");
#endif
}

void tst_DotEnv::locate_explicitPath_noOwnershipRules()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("custom.env"));
    writeFile(path, "A=1\n");
    QVERIFY(QFile::setPermissions(path, QFile::permissions(path) | QFile::WriteOther));
    QCOMPARE(DotEnv::locate(path, dir.path(), dir.path()), path); // the user named it
}

QTEST_APPLESS_MAIN(tst_DotEnv)
#include "tst_dotenv.moc"
