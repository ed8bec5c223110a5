"""Paragraph repair after the steps: rejoin sentences that boilerplate or a page break cut.

A print replica's page break ("...directed staff to" / ad / running head / "return with at
least two alternatives") or an inserted link line splits one paragraph in two. Once the
boilerplate between them is removed, the two halves are adjacent again; we rejoin them when
the first cannot end a paragraph (no closing punctuation, and a trailing function word or a
comma) or the second cannot start one (lower case).
"""

from __future__ import annotations

from cleaners.segment import LIST_MARKER_RE
from cleaners.text import FUNCTION_WORDS, ends_sentence, squeeze_spaces, starts_lowercase

MIN_CUT_CHARS = 40


def is_cut(first: str, second: str) -> bool:
    """True if `second` continues the sentence that `first` leaves unfinished."""
    first = first.rstrip()
    if len(first) < MIN_CUT_CHARS or ends_sentence(first) or first.endswith(":"):
        return False
    if LIST_MARKER_RE.match(second) or LIST_MARKER_RE.match(first):
        return False
    last_word = first.rsplit(" ", 1)[-1].lower()
    return starts_lowercase(second) or last_word in FUNCTION_WORDS or first.endswith(",")


def join_paragraphs(texts: list[str]) -> list[str]:
    """Squeeze spaces and rejoin cut paragraphs, preserving order."""
    paragraphs: list[str] = []
    for text in texts:
        text = squeeze_spaces(text)
        if not text:
            continue
        if paragraphs and is_cut(paragraphs[-1], text):
            glue = "" if paragraphs[-1].endswith("-") and paragraphs[-1][-2:-1].isalpha() else " "
            paragraphs[-1] = f"{paragraphs[-1]}{glue}{text}"
        else:
            paragraphs.append(text)
    return paragraphs
