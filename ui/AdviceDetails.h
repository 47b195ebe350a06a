// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/AdviceRecord.h"

#include <QCoreApplication>
#include <QString>

class QPalette;

namespace sentinel {

/// The advisor's part of an approval's details (issue 15), as rich text: a badge when the rule
/// fallback decided, the advisor's reason, each model's vote and latency (or why it did not vote),
/// what the prompt left out, and the prompt's hash. Every text from a model is escaped.
class AdviceDetails final
{
    Q_DECLARE_TR_FUNCTIONS(AdviceDetails)
public:
    [[nodiscard]] static QString html(const AdviceRecord& advice, const QPalette& palette);
};

} // namespace sentinel
