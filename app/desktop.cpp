// SPDX-License-Identifier: MIT
// agentbay-desktop: composition root. Builds the client, credential store and URL opener and
// hands them to the main window; --self-test proves one refresh works, then exits.
#include <core/api/apiclient.h>
#include <core/config/config.h>
#include <ui/common/apppalette.h>
#include <ui/common/desktopurlopener.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/sessioncontroller.h>
#include <ui/services/sessionstore.h>
#include <ui/tray/trayintegration.h>
#include <ui/window/mainwindow.h>

#include <translations/translationloader.h>

#ifdef AGENTBAY_HAVE_KEYCHAIN
#include <ui/services/keychaincredentialstore.h>
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace AgentBay;

namespace {

constexpr int SelfTestTimeoutMs = 5000;

void printLine(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + u'\n'), stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();

    // Our debug and info lines are for developers (the window shows every error): quiet by
    // default. QT_LOGGING_RULES (applied after these rules) and --verbose turn them back on.
    QLoggingCategory::setFilterRules(u"agentbay.*.debug=false\nagentbay.*.info=false"_s);

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"agentbay-desktop"_s);
    QApplication::setApplicationDisplayName(u"AgentBay Desktop"_s);
    QApplication::setOrganizationName(u"AgentBay"_s);
    QApplication::setOrganizationDomain(u"agentbay.io"_s);
    QApplication::setApplicationVersion(QStringLiteral(AGENTBAY_VERSION));
    QGuiApplication::setDesktopFileName(u"io.agentbay.Desktop"_s);
    // One tuned light or dark palette, whichever the system prefers, so every text reads at 4.5:1.
    Ui::AppPalette::apply(Ui::AppPalette::systemScheme());

    // The language before any text is made: the system's, unless Settings chose one ("ui/language",
    // written by the settings dialog, applies from the next start).
    QSettings settings;
    Ui::TranslationLoader translations;
    translations.install(
        Ui::TranslationLoader::resolve(settings.value(u"ui/language"_s).toString(), QLocale::system().uiLanguages()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Manage AgentBay sessions: local or in the cloud."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(u"profile"_s,
        QApplication::translate("main", "Start with the saved profile <name> (default: the last used, or Local)."),
        u"name"_s);
    const QCommandLineOption endpointOption(u"endpoint"_s,
        QApplication::translate("main",
            "Connect to <url> (host[:port] means https) instead of a profile. The API key comes from "
            "--api-key-file, AGENTBAY_API_KEY or a .env file."),
        u"url"_s);
    const QCommandLineOption keyFileOption(
        u"api-key-file"_s, QApplication::translate("main", "Read the API key for --endpoint from <file>."), u"file"_s);
    const QCommandLineOption selfTestOption(u"self-test"_s,
        QApplication::translate(
            "main", "Show the window, complete one refresh, then exit: 0 on success, 1 with a message on failure."));
    const QCommandLineOption verboseOption(u"verbose"_s,
        QApplication::translate("main", "Print debug messages (requests, retries, tool calls) to stderr."));
    parser.addOptions({profileOption, endpointOption, keyFileOption, selfTestOption, verboseOption});
    parser.process(app);
    const bool selfTest = parser.isSet(selfTestOption);
    if (parser.isSet(verboseOption)) {
        QLoggingCategory::setFilterRules(u"agentbay.*.debug=true\nagentbay.*.info=true"_s);
    }

    QString apiKey;
    if (parser.isSet(keyFileOption)) {
        QFile file(parser.value(keyFileOption));
        if (!file.open(QIODevice::ReadOnly)) {
            printLine(stderr,
                QApplication::translate("main", "Cannot read the API key file %1: %2")
                    .arg(parser.value(keyFileOption), file.errorString()));
            return 1;
        }
        apiKey = QString::fromUtf8(file.readAll()).trimmed();
    }

    std::unique_ptr<Ui::CredentialStore> credentials;
#ifdef AGENTBAY_HAVE_KEYCHAIN
    if (!selfTest) {
        credentials = std::make_unique<Ui::KeychainCredentialStore>(u"io.agentbay.Desktop"_s);
    }
#endif
    if (!credentials) {
        credentials = std::make_unique<Ui::MemoryCredentialStore>();
    }
    Ui::DesktopUrlOpener opener;
    Core::ApiClient client(Core::Config{});
    Ui::MainWindow window(&client, &opener, credentials.get(), &settings);
    // Tray icon, desktop notifications and release warnings; the self-test needs none of them.
    std::unique_ptr<Ui::TrayIntegration> tray;
    if (!selfTest) {
        tray = std::make_unique<Ui::TrayIntegration>(&client, window.controller(), &window, &settings);
        tray->attachTable(&window);
    }

    if (selfTest) {
        const auto fail = [](const QString &message) {
            printLine(stderr, u"self-test: FAILED: "_s + message);
            QCoreApplication::exit(1);
        };
        QObject::connect(window.controller(), &Ui::SessionController::refreshed, &app, [&window, &sinceStart] {
            printLine(stdout,
                u"self-test: OK: %1 session(s) listed, first refresh after %2 ms"_s
                    .arg(window.controller()->store()->count())
                    .arg(sinceStart.elapsed()));
            QCoreApplication::exit(0);
        });
        QObject::connect(
            window.controller(), &Ui::SessionController::refreshFailed, &app, [fail](const Core::ApiError &error) {
                fail(error.details());
            });
        QObject::connect(&window, &Ui::MainWindow::connectionFailed, &app, fail);
        QTimer::singleShot(SelfTestTimeoutMs, &app, [fail] {
            fail(u"no refresh within %1 ms"_s.arg(SelfTestTimeoutMs));
        });
    }

    window.show();
    if (selfTest) {
        printLine(stdout, u"self-test: window shown after %1 ms"_s.arg(sinceStart.elapsed()));
    }

    if (parser.isSet(endpointOption)) {
        if (apiKey.isEmpty()) {
            apiKey = Core::Config::fromEnvironment().apiKey;
        }
        window.connectTo(parser.value(endpointOption), apiKey);
    } else {
        const QString profile = parser.isSet(profileOption) ? parser.value(profileOption) : QString();
        window.activateProfile(profile.isEmpty() ? Ui::ProfileStore(&settings).currentName() : profile);
    }
    return app.exec();
}
