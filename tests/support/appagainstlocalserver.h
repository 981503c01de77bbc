// SPDX-License-Identifier: MIT
#pragma once

#include <support/localserver.h>
#include <ui/services/memorycredentialstore.h>
#include <ui/services/urlopener.h>

#include <QList>
#include <QSettings>
#include <QSize>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <utility>

namespace AgentBay::Core {
class ApiClient;
}

namespace AgentBay::Ui {
class MainWindow;
class SessionController;
} // namespace AgentBay::Ui

namespace AgentBay::Test {

// The desktop app's own objects against a real agentbay-local on a random loopback port: a
// client with a session controller, or the whole MainWindow, connected and refreshed once;
// sessions created and waited for. The widget tests that run against the server all need the
// same steps in the same order, so they live here once and each test keeps only what it checks.
class AppAgainstLocalServer
{
public:
    // A create or a tool call on a loaded machine (2 cores shared with builds) may take seconds.
    static constexpr int CallTimeoutMs = 30000;

    AppAgainstLocalServer(); // QStandardPaths' test mode on: nothing lands in the user's folders
    ~AppAgainstLocalServer();
    AppAgainstLocalServer(const AppAgainstLocalServer &) = delete;
    AppAgainstLocalServer &operator=(const AppAgainstLocalServer &) = delete;

    // Whether the fixture's temporary folder could be made.
    bool isValid() const { return m_dir.isValid(); }

    // A file in the fixture's own temporary folder (the server's data is in "server").
    QString filePath(const QString &name) const;

    // Starts agentbay-local; on false, server()->lastError() says why.
    bool startServer();

    LocalServer *server() const { return m_server.get(); }

    void stopServer();

    // A client for the server with CallTimeoutMs per call.
    Core::ApiClient *makeClient();
    // A session controller on makeClient()'s client, refreshing every 300 ms; not started, so
    // that a test can attach to it first.
    Ui::SessionController *makeController();
    // Starts the controller; true once its first refresh arrived.
    bool startController();
    // The controller of makeController(), or the window's own.
    Ui::SessionController *controller() const;

    // The window as the app builds it (its client on a loopback port where nothing listens until
    // connectWindow), with its settings in settingsFile. Not shown yet: a test may attach more to it first.
    Ui::MainWindow *makeWindow(const QString &settingsFile = QStringLiteral("settings.ini"));
    // Shows the window (at size, if given); true once it is exposed.
    bool showWindow(QSize size = {});
    // Connects the window to the server; true once its first list refresh arrived.
    bool connectWindow();

    Ui::MainWindow *window() const { return m_window.get(); }

    Core::ApiClient *client() const { return m_client.get(); }

    QSettings *settings() const { return m_settings.get(); }

    Ui::MemoryCredentialStore *credentials() { return &m_credentials; }

    Ui::UrlOpener *opener() { return &m_opener; }

    // A session created with the raw API (extra form fields, e.g. Timeout), not through the
    // client under test; empty on failure.
    QString createRawSession(const QList<std::pair<QString, QString>> &extra = {});
    // A session created through the client; empty (and the test failed) on failure.
    QString createSession();
    // Waits until the controller's (or the window's) store has id as a running row; returns id
    // (the test fails when it does not come).
    QString waitForRunningRow(const QString &id);

    // Ends what the test built (window, controller, client, settings); the server stays.
    // Anything a test made on top of them must be gone first.
    void reset();

private:
    class NoUrlOpener final : public Ui::UrlOpener
    {
    public:
        bool open(const QUrl &) override { return true; }
    };

    QTemporaryDir m_dir;
    std::unique_ptr<LocalServer> m_server;
    Ui::MemoryCredentialStore m_credentials;
    NoUrlOpener m_opener;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<Core::ApiClient> m_client;
    std::unique_ptr<Ui::SessionController> m_controller;
    std::unique_ptr<Ui::MainWindow> m_window;
};

} // namespace AgentBay::Test
