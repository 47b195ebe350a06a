// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRect>
#include <QSize>

namespace sentinel::windowplacement {

/// The largest first window: a larger screen's first window leaves the rest of it free.
inline constexpr QSize preferredSize{1800, 1000};
/// Below this width the default layout tabs docks together instead of placing them side by side.
inline constexpr int compactBelowWidth = 1600;

/// The first window's size on a screen whose free area (without task bars) is `available`: all
/// of it (less the frame) on a laptop's screen, nine tenths of it on a larger one, at most the
/// preferred size.
[[nodiscard]] QSize defaultSize(const QRect& available);

/// `frame` (the window with its decorations) moved, and shrunk where it is larger, so that all of
/// it lies within `available`: a layout saved on a larger or a disconnected screen comes back
/// where the operator can reach it. Unchanged when it already fits.
[[nodiscard]] QRect keptOnScreen(const QRect& frame, const QRect& available);

} // namespace sentinel::windowplacement
