// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ProposalDetails.h"

#include "ui/AdviceDetails.h"
#include "ui/Format.h"

#include <QLocale>

namespace sentinel {

QString ProposalDetails::summary(const ProposalView& p)
{
    const QString quantity = QLocale().toString(p.quantity, 'g', 8);
    return tr("%1 %2 %3 at about %4 (%5)")
        .arg(Format::side(p.side, p.isExit), quantity, p.instrument.symbol, Format::price(p.price), p.instrument.market);
}

QString ProposalDetails::html(const ProposalView& p, const QPalette& palette)
{
    const auto esc = [](const QString& text) { return text.toHtmlEscaped(); };
    QString html = QStringLiteral("<b>%1</b><br>").arg(esc(summary(p)));
    html += tr("Strategy: %1").arg(esc(p.strategyReason)) + QStringLiteral("<br>");
    if (p.advice)
        html += AdviceDetails::html(*p.advice, palette);
    html += tr("Data: %1").arg(esc(p.freshness)) + QStringLiteral("<br>");
    html += tr("VaR before / after: %1 / %2").arg(Format::percent(p.varBefore, 2), Format::percent(p.varAfter, 2))
        + QStringLiteral("<br>");
    html += tr("Proposed %1, expires %2").arg(esc(Format::localTime(p.createdAt)), esc(Format::localTime(p.expiresAt)))
        + QStringLiteral("<br>");
    html += QStringLiteral("<b>%1</b>").arg(esc(p.riskApproved ? tr("Risk checks passed:") : tr("Risk checks refused:")));
    html += QStringLiteral("<ul style=\"margin-top:0\">");
    for (const QString& reason : p.riskReasons)
        html += QStringLiteral("<li>%1</li>").arg(esc(reason));
    html += QStringLiteral("</ul>");
    return html;
}

} // namespace sentinel
