// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

class QDateTime;
class QLabel;
class QStatusBar;

namespace AgentBay::Core {
struct ApiError;
}

namespace AgentBay::Ui {

// The permanent part of the window's status bar: the last error (a link to its details), the
// requests in flight, the last refresh and the profile.
class StatusIndicators final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusIndicators)

public:
    explicit StatusIndicators(QStatusBar *bar);
    ~StatusIndicators() override;

    QLabel *errorLabel() const { return m_error; }

    void setProfile(const QString &name, const QString &endpoint);
    void setLastRefresh(const QDateTime &at); // invalid: not yet
    void setInFlight(int count);
    // fromRefresh: the list could not be refreshed; the next good refresh clears it.
    // kind: the action that failed ("Create", "Pause", …); its next success clears it.
    void showError(
        const QString &summary, const Core::ApiError &error, bool fromRefresh = false, const QString &kind = {});
    // Connected again: a red "Refresh failed" would now be wrong (other errors stay).
    void clearRefreshError();
    // The same kind of action worked this time: its old error would only mislead.
    void clearError(const QString &kind);

private:
    QLabel *m_profile;
    QLabel *m_refresh;
    QLabel *m_inFlight;
    QLabel *m_error;
    QString m_errorDetails;
    bool m_errorFromRefresh = false;
    QString m_errorKind;
    QTimer m_errorExpiry; // an error nobody acted on fades after a while (the log keeps it)
};

} // namespace AgentBay::Ui
