// SPDX-License-Identifier: MIT
#include <server/sandbox/queuedcall.h>

#include <QPointer>
#include <QTest>

#include <memory>

using AgentBay::Server::QueuedCall;

class tst_QueuedCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:

    void post_runsLaterFromTheEventLoop_notInsideTheCall()
    {
        QObject context;
        int calls = 0;
        QueuedCall::post(&context, true, [&calls] {
            ++calls;
        });
        QCOMPARE(calls, 0);
        QTRY_COMPARE(calls, 1);
    }

    void post_withoutContext_runsOnTheApplication()
    {
        int calls = 0;
        QueuedCall::post(nullptr, false, [&calls] {
            ++calls;
        });
        QTRY_COMPARE(calls, 1);
    }

    void post_contextGoneBefore_runsDroppedInstead()
    {
        int calls = 0;
        int dropped = 0;
        QPointer<QObject> gone; // null: the context died before the result came
        QueuedCall::post(
            gone.data(),
            true,
            [&calls] {
                ++calls;
            },
            [&dropped] {
                ++dropped;
            });
        QCOMPARE(dropped, 1);
        QCoreApplication::processEvents();
        QCOMPARE(calls, 0);
    }

    void post_contextDestroyedMeanwhile_neverRunsTheCall()
    {
        auto context = std::make_unique<QObject>();
        int calls = 0;
        QueuedCall::post(context.get(), true, [&calls] {
            ++calls;
        });
        context.reset();
        // A later post proves the event loop ran past the first one.
        bool later = false;
        QueuedCall::post(nullptr, false, [&later] {
            later = true;
        });
        QTRY_VERIFY(later);
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(tst_QueuedCall)
#include "tst_queuedcall.moc"
