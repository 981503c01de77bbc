// SPDX-License-Identifier: MIT
#pragma once

#include <core/sessions/session.h>

#include <QDateTime>
#include <QString>

namespace AgentBay::Ui {

// One session as the app knows it. ListSession gives only id and status; the rest is filled
// lazily (SessionDetailLoader) and stays empty until then.
struct SessionRow
{
    QString id;
    Core::SessionStatus status = Core::SessionStatus::Unknown;
    QDateTime statusSince; // when this status was first seen
    QDateTime firstSeen; // when this app first saw it, kept across filters and restarts
    QDateTime created; // the server's CreateTime, when it reports one
    QString imageId;
    QString regionId;
    QString policyId;
    Core::Labels labels;
    bool detailsLoaded = false;
    bool labelsLoaded = false;
    bool confirmed = false; // seen in a whole-list refresh
    QString error; // last failed action on this session, shown as an icon + tooltip

    // What the Age column counts from: the real creation time where known.
    QDateTime ageSince() const { return created.isValid() ? created : firstSeen; }
};

} // namespace AgentBay::Ui
