// SPDX-License-Identifier: MIT
// Replaced by the server sources.
