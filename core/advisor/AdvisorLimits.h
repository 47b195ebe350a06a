// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// How much of a model server's answer the advisor reads (ADR 0114). Each is far above a real
// answer and far below what would hurt; a larger one is advisor_response_too_large, refused
// before it is parsed.

namespace sentinel::advisor {

/// A whole non-streamed chat or generate answer: the advice is a few hundred bytes, a chatty
/// model's prose a few KiB.
inline constexpr qsizetype kMaxReplyBodyBytes = qsizetype{1} * 1024 * 1024;
/// /api/tags, /api/ps, /v1/models: about 600 bytes a model.
inline constexpr qsizetype kMaxListBodyBytes = qsizetype{4} * 1024 * 1024;
/// An error answer or the version is a sentence.
inline constexpr qsizetype kMaxSmallBodyBytes = qsizetype{64} * 1024;
/// One NDJSON line of a stream: a token or two and the final timings.
inline constexpr qsizetype kMaxStreamLineBytes = qsizetype{64} * 1024;
/// All the bytes of one streamed answer, and all the text its chunks add up to.
inline constexpr qsizetype kMaxStreamBytes = kMaxReplyBodyBytes;
/// The model's own answer text, which must be the advice object.
inline constexpr qsizetype kMaxAdviceBytes = qsizetype{16} * 1024;

} // namespace sentinel::advisor
