// SPDX-License-Identifier: MIT
// Opening a link with no browser to open it: Qt warns and names the URL; a port link's auth
// code must not reach that log line (stderr, journal).
#include <ui/common/desktopurlopener.h>

#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

namespace {

QStringList messages;

void capture(QtMsgType, const QMessageLogContext &, const QString &message)
{
    messages << message;
}

} // namespace

class tst_DesktopUrlOpener : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noBrowser_theLinksSecretStaysOutOfTheLog();
};

void tst_DesktopUrlOpener::noBrowser_theLinksSecretStaysOutOfTheLog()
{
    // No browser anywhere: nothing on PATH, no desktop, no BROWSER.
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    for (const char *name :
        {"BROWSER", "DEFAULT_BROWSER", "XDG_CURRENT_DESKTOP", "KDE_FULL_SESSION", "DESKTOP_SESSION"}) {
        qunsetenv(name);
    }
    qputenv("PATH", empty.path().toLocal8Bit());
    const QString secret = QStringLiteral("s3cr3tauthc0de");
    const QUrl link(QStringLiteral("http://127.0.0.1:9/sessions/session-x/ports/30100/?authcode=") + secret);

    messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(capture);
    AgentBay::Ui::DesktopUrlOpener opener;
    const bool opened = opener.open(link);
    qInstallMessageHandler(previous);

    QVERIFY(!opened);
    // Qt did say something about it (else this test proves nothing), without the code.
    QVERIFY2(messages.join(u'\n').contains(QStringLiteral("127.0.0.1")), qPrintable(messages.join(u'\n')));
    QVERIFY2(!messages.join(u'\n').contains(secret), qPrintable(messages.join(u'\n')));
}

QTEST_MAIN(tst_DesktopUrlOpener)
#include "tst_desktopurlopener.moc"
