// SPDX-License-Identifier: MIT
#include <ui/lifecycle/lifecyclepolicyeditor.h>
#include <ui/sessions/createsessiondialog.h>

#include <QCheckBox>
#include <QSpinBox>
#include <QTest>

using namespace AgentBay;

class tst_LifecyclePolicyEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void defaults_areHalfAnHourIdleAndFourHoursAtMost()
    {
        Ui::LifecyclePolicyEditor editor;
        const Core::LifecyclePolicy policy = editor.policy();
        QCOMPARE(policy.idleReleaseTimeoutMinutes, 30);
        QCOMPARE(policy.maxRuntimeMinutes, 240);
        QVERIFY(!policy.manualRelease);
    }

    void manualRelease_disablesTheTimes()
    {
        Ui::LifecyclePolicyEditor editor;
        editor.manualCheck()->setChecked(true);
        QVERIFY(editor.policy().manualRelease);
        QVERIFY(!editor.idleSpin()->isEnabled());
        QVERIFY(!editor.maxRuntimeSpin()->isEnabled());
        editor.manualCheck()->setChecked(false);
        QVERIFY(editor.idleSpin()->isEnabled());
    }

    void createDialog_sendsThePolicy()
    {
        Ui::CreateSessionDialog dialog(nullptr);
        QVERIFY(dialog.lifecycleEditor());
        dialog.lifecycleEditor()->idleSpin()->setValue(7);
        dialog.lifecycleEditor()->maxRuntimeSpin()->setValue(90);
        const Core::CreateSessionParams params = dialog.params();
        QVERIFY(params.lifecycle.has_value());
        QCOMPARE(params.lifecycle->idleReleaseTimeoutMinutes, 7);
        QCOMPARE(params.lifecycle->maxRuntimeMinutes, 90);
    }
};

QTEST_MAIN(tst_LifecyclePolicyEditor)
#include "tst_lifecyclepolicyeditor.moc"
