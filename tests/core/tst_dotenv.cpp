// SPDX-License-Identifier: MIT
#include <core/dotenv.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

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
    QCOMPARE(DotEnv::locate(explicitPath, dir.filePath(QStringLiteral("work"))), explicitPath);
}

void tst_DotEnv::locate_explicitPathMissing_searchesUpward()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString found = dir.filePath(QStringLiteral("work/.env"));
    writeFile(found, "A=2\n");
    QDir().mkpath(dir.filePath(QStringLiteral("work/sub")));
    const QString located =
        DotEnv::locate(dir.filePath(QStringLiteral("missing.env")), dir.filePath(QStringLiteral("work/sub")));
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

    const QString located = DotEnv::locate(QString(), dir.filePath(QStringLiteral("a/b/c/d")));
    QCOMPARE(QFileInfo(located).canonicalFilePath(), QFileInfo(nearest).canonicalFilePath());
    const QString outer = DotEnv::locate(QString(), dir.filePath(QStringLiteral("a")));
    QCOMPARE(
        QFileInfo(outer).canonicalFilePath(), QFileInfo(dir.filePath(QStringLiteral("a/.env"))).canonicalFilePath());
}

void tst_DotEnv::locate_noFileAnywhere_givesEmpty()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir current(dir.path());
    do {
        if (current.exists(QStringLiteral(".env"))) {
            QSKIP("a .env file exists above the temporary directory");
        }
    } while (current.cdUp());
    QDir().mkpath(dir.filePath(QStringLiteral("x/y")));
    QVERIFY(DotEnv::locate(QString(), dir.filePath(QStringLiteral("x/y"))).isEmpty());
}

QTEST_APPLESS_MAIN(tst_DotEnv)
#include "tst_dotenv.moc"
