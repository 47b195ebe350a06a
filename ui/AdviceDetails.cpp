// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AdviceDetails.h"

#include "ui/Theme.h"

#include <QLocale>
#include <QPalette>

namespace sentinel {

namespace {

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

QString voteLine(const AdvisorVote& vote)
{
    const QLocale locale;
    QString line = QStringLiteral("<li>%1: ").arg(esc(vote.provider));
    if (vote.voted())
        line += AdviceDetails::tr("<b>%1</b>, confidence %2").arg(esc(vote.action), locale.toString(vote.confidence, 'f', 2));
    if (!vote.error.isEmpty())
        line += (vote.voted() ? QStringLiteral(" — ") : QString())
                + AdviceDetails::tr("no vote (%1: %2)").arg(esc(vote.error), esc(vote.answer));
    if (vote.latencyMs > 0)
        line += QStringLiteral(", ") + AdviceDetails::tr("%1 ms").arg(locale.toString(vote.latencyMs));
    if (!vote.modelVersion.isEmpty())
        line += QStringLiteral(" <small>(%1)</small>").arg(esc(vote.modelVersion));
    return line + QStringLiteral("</li>");
}

} // namespace

QString AdviceDetails::html(const AdviceRecord& advice, const QPalette& palette)
{
    QString html;
    if (advice.fallbackDecided) {
        html += QStringLiteral("<span style=\"background-color:%1; color:white\">&nbsp;%2&nbsp;</span> ")
                    .arg(Theme::warningColor(palette).name(), esc(tr("FALLBACK")))
              + tr("No advisor model answered in time; %1 decided.").arg(esc(advice.fallback)) + QStringLiteral("<br>");
    } else {
        html += tr("Advisor: %1").arg(esc(advice.reason)) + QStringLiteral("<br>");
    }
    html += QStringLiteral("<b>%1</b><ul style=\"margin-top:0\">").arg(esc(tr("Model votes:")));
    for (const AdvisorVote& vote : advice.votes)
        html += voteLine(vote);
    html += QStringLiteral("</ul>");
    if (!advice.contextLeftOut.isEmpty())
        html += tr("Left out of the prompt: %1").arg(esc(advice.contextLeftOut.join(QStringLiteral("; ")))) + QStringLiteral("<br>");
    html += QStringLiteral("<small>%1</small><br>").arg(tr("Prompt SHA-256: %1").arg(esc(advice.promptSha256.left(16))));
    return html;
}

} // namespace sentinel
