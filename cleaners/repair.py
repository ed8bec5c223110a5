"""Paragraph repair after the steps: rejoin sentences that boilerplate or a page break cut.

A print replica's page break ("...directed staff to" / ad / running head / "return with at
least two alternatives") or an inserted link line splits one paragraph in two. Once the
boilerplate between them is removed, the two halves are adjacent again; we rejoin them when
the first cannot end a paragraph (no closing punctuation, and a trailing function word or a
comma) or the second cannot start one (lower case).
"""

from __future__ import annotations

from cleaners.segment import LIST_MARKER_RE
from cleaners.text import ends_on_function_word, ends_sentence, squeeze_spaces, starts_lowercase

MIN_CUT_CHARS = 40


def is_cut(first: str, second: str) -> bool:
    """True if `second` continues the sentence that `first` leaves unfinished."""
    first = first.rstrip()
    if len(first) < MIN_CUT_CHARS or ends_sentence(first) or first.endswith(":"):
        return False
    if LIST_MARKER_RE.match(second) or LIST_MARKER_RE.match(first):
        return False
    return starts_lowercase(second) or ends_on_function_word(first) or first.endswith(",")


def join_paragraphs(texts: list[str]) -> list[str]:
    """Squeeze spaces and rejoin cut paragraphs, preserving order."""
    return [text for text, _ in join_with_sources(texts)]


def join_with_sources(texts: list[str]) -> list[tuple[str, list[int]]]:
    """`join_paragraphs`, with the indexes into `texts` each paragraph was built from (the
    settling pass needs them to report its removals against the original blocks)."""
    paragraphs: list[tuple[str, list[int]]] = []
    for index, text in enumerate(texts):
        text = squeeze_spaces(text)
        if not text:
            continue
        if paragraphs and is_cut(paragraphs[-1][0], text):
            previous, sources = paragraphs[-1]
            glue = "" if previous.endswith("-") and previous[-2:-1].isalpha() else " "
            paragraphs[-1] = (f"{previous}{glue}{text}", [*sources, index])
        else:
            paragraphs.append((text, [index]))
    return paragraphs
