// SPDX-License-Identifier: MIT
// Replaced by the ui sources.
