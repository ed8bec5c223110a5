"""Rebuild paragraphs from raw lines.

Raw page text arrives in three shapes: one paragraph per line, paragraphs separated by blank
lines, or text hard-wrapped at a fixed width (PDF and print replicas), with or without blank
lines between paragraphs. We detect hard wrapping from the line-length profile and rejoin a
wrapped line only when the next line's first word would not have fitted on it: a typesetter
breaks a line exactly then, so a shorter line is a deliberate paragraph end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaners.credits import ends_with_credit
from cleaners.model import Block
from cleaners.text import ends_on_function_word, ends_sentence, starts_lowercase

# List items, Q&A turns and dialogue dashes start a new paragraph even inside a wrapped run.
LIST_MARKER_RE = re.compile(r"^\s*(?:[-–—•*·▪►✓]\s|\d{1,2}[.)]\s|[A-ZА-ЯЁІЇЄ]:\s|[QA]\s?:)")
_HYPHEN_END_RE = re.compile(r"[^\W\d_]-$")


def _ends_with_word_hyphen(line: str) -> bool:
    """A letter then a hyphen at the very end ("infra-"). Only the last two characters are
    read: a search for the pattern would walk the whole line, and this runs on every line."""
    return line.endswith("-") and _HYPHEN_END_RE.search(line, max(0, len(line) - 2)) is not None


_WIDE_GAP_RE = re.compile(r"\S {3,}\S")
WIDTH_SLACK = 2
MIN_WRAP_WIDTH = 40
MAX_WRAP_WIDTH = 130


@dataclass(frozen=True, slots=True)
class WrapProfile:
    """Whether the text is hard-wrapped, and at which width."""

    wrapped: bool
    width: int


def detect_wrap(lines: list[str]) -> WrapProfile:
    """Decide from line lengths whether the text was hard-wrapped.

    Wrapped text has many lines close to one maximum width, and lines that reach that width
    are usually followed by a line that continues the sentence (starts in lower case). Text
    with one paragraph per line has widely varying lengths and rarely continues that way.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 6:
        return WrapProfile(False, 0)
    p90 = lengths[int(len(lengths) * 0.9) - 1]
    typical = [n for n in lengths if n <= p90 * 1.05]
    width = typical[-1]
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return WrapProfile(False, width)
    full = [i for i, line in enumerate(lines) if line and len(line) >= 0.75 * width]
    if len(full) < max(4, 0.3 * len(lengths)):
        return WrapProfile(False, width)
    continued = sum(
        1
        for i in full
        if i + 1 < len(lines) and lines[i + 1] and _continues(lines[i], lines[i + 1])
    )
    return WrapProfile(continued >= 0.4 * len(full), width)


def _continues(line: str, next_line: str) -> bool:
    return starts_lowercase(next_line) or not ends_sentence(line)


def _first_word(line: str) -> str:
    return line.split(" ", 1)[0]


def _is_hyphenated_break(line: str, next_line: str) -> bool:
    return _ends_with_word_hyphen(line) and starts_lowercase(next_line)


def is_wrapped_continuation(line: str, next_line: str, width: int) -> bool:
    """True if `next_line` continues the paragraph of a hard-wrapped `line`.

    A typesetter breaks a line only when the next word does not fit, so a line with room to
    spare is a deliberate paragraph end, unless the sentence visibly goes on.
    """
    if not line or not next_line or LIST_MARKER_RE.match(next_line):
        return False
    if _starts_own_line(next_line):
        return False
    if _is_hyphenated_break(line, next_line):
        return True
    if _WIDE_GAP_RE.search(line) or _WIDE_GAP_RE.search(next_line):
        return False  # table rows and print furniture ("A4   TRIBUNE   MARCH 6")
    if len(line) < 0.6 * width or ends_with_credit(line):
        return False
    # The widest line seen may be a little narrower than the typesetter's measure.
    would_not_fit = len(line) + 1 + len(_first_word(next_line)) > width - WIDTH_SLACK
    return would_not_fit or ends_on_function_word(line) or starts_lowercase(next_line)


def _starts_own_line(line: str) -> bool:
    """Bylines and datelines are set on their own line even inside a wrapped column."""
    from cleaners.metadata import is_dateline, parse_byline

    return len(line) < 60 and (
        parse_byline(line, allow_bare_name=False) is not None
        or is_dateline(line, len(line.split()))
    )


def join_lines(first: str, second: str) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation ("infra-" + "structure") and
    keeping the hyphen of a compound broken at its own hyphen ("Baden-" + "Württemberg")."""
    if _is_hyphenated_break(first, second):
        return first[:-1] + second.lstrip()
    if _ends_with_word_hyphen(first) and second.lstrip()[:1].isupper():
        return first + second.lstrip()
    return first.rstrip() + " " + second.lstrip()


def split_blocks(text: str) -> tuple[list[Block], WrapProfile]:
    """Split normalised text into paragraph blocks, in reading order.

    Runs of spaces inside a line are kept: "News   Business   Sport" is a menu because of
    those gaps. The output squeezes them once the steps have run.
    """
    lines = [line.rstrip() for line in text.split("\n")]
    stripped = [line.strip() for line in lines]
    profile = detect_wrap(stripped)
    blocks: list[Block] = []
    gap = 0
    current: list[str] = []

    def flush() -> None:
        nonlocal gap
        if current:
            merged = current[0]
            for line in current[1:]:
                merged = join_lines(merged, line)
            blocks.append(Block(len(blocks), merged, lines=len(current), gap_before=gap))
            current.clear()
            gap = 0

    for line in stripped:
        if not line:
            flush()
            gap += 1
            continue
        if current and _joins(current[-1], line, profile):
            current.append(line)
            continue
        flush()
        current.append(line)
    flush()
    return blocks, profile


def _joins(previous: str, line: str, profile: WrapProfile) -> bool:
    if profile.wrapped:
        return is_wrapped_continuation(previous, line, profile.width)
    # A line never ends on a word hyphen unless the word goes on below ("Baden-" /
    # "Württemberg", "infra-" / "structure").
    return _ends_with_word_hyphen(previous) and line[:1].isalpha()
