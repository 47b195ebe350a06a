// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace sentinel {

/// Exit statuses of the `sentinel` command line (a contract: scripts depend on them).
enum ExitCode : int {
    ExitOk = 0,
    ExitRuntimeFailure = 1,
    ExitBadInput = 2,
    ExitCheckFailed = 3,
};

} // namespace sentinel
