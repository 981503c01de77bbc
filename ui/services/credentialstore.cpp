// SPDX-License-Identifier: MIT
#include "credentialstore.h"

namespace AgentBay::Ui {

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{
}

CredentialStore::~CredentialStore() = default;

} // namespace AgentBay::Ui
