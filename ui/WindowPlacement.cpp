// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/WindowPlacement.h"

#include <algorithm>

namespace sentinel::windowplacement {

namespace {

/// Room for the title bar and borders the window manager adds around the client area.
constexpr int kFrameMargin = 40;

} // namespace

QSize defaultSize(const QRect& available)
{
    if (!available.isValid())
        return preferredSize;
    const QSize whole(available.width() - kFrameMargin / 2, available.height() - kFrameMargin);
    // A laptop's screen is all the window gets; a larger one keeps a tenth free around it.
    if (available.width() < compactBelowWidth + 200)
        return whole.boundedTo(preferredSize);
    return QSize(available.width() * 9 / 10, available.height() * 9 / 10).boundedTo(preferredSize).boundedTo(whole);
}

QRect keptOnScreen(const QRect& frame, const QRect& available)
{
    if (!available.isValid() || available.contains(frame))
        return frame;
    QRect kept(frame.topLeft(), frame.size().boundedTo(available.size()));
    kept.moveLeft(std::clamp(kept.left(), available.left(), available.right() - kept.width() + 1));
    kept.moveTop(std::clamp(kept.top(), available.top(), available.bottom() - kept.height() + 1));
    return kept;
}

} // namespace sentinel::windowplacement
