"""What the plain-text cleaner promises about its output, restated independently.

The plain-text path (`cleaners.clean` on `text/plain`) decodes, normalises
(`cleaners.text.normalize_text`: NFC, one line-end convention, odd spaces to spaces,
invisible and control characters dropped), splits lines into blocks, removes whole blocks,
and joins what is left. The only operations that touch characters inside the kept text are:

1. runs of spaces are squeezed and lines/blocks are joined with one space, which never
   changes a whitespace-separated chunk;
2. a word hyphenated across a line end is rejoined (`cleaners.segment`: a line ending in a
   letter and "-" followed, on the very next line, by a line starting with a lower-case
   letter), which removes the "-" and the line end: "infra-" + "structure," becomes
   "infrastructure,".

Rule 2 applies to every such pair of lines, whatever the rest of the page looks like (a
list marker cannot start with a lower-case letter, so nothing else vetoes it), so the
text the cleaner chooses from is exactly `dehyphenate(normalize_text(input))`. From that:

- `invented_words`: every `\\w+` word of the output is a word of that text;
- `chunks_out_of_order`: the output's whitespace-separated chunks, paragraph after
  paragraph, are a subsequence of that text's chunks: nothing invented, nothing reordered,
  paragraphs in input order.

`normalize_text` itself is the one piece of the cleaner used here, on purpose: the
properties are about what the cleaner does after normalising (the issue's "after the
normalisation the cleaner applies").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaners.text import normalize_text

WORD_RE = re.compile(r"\w+")
_HYPHEN_END_RE = re.compile(r"[^\W\d_]-$")


def _starts_lowercase(line: str) -> bool:
    return bool(line) and line[0].isalpha() and line[0].islower()


def dehyphenate(normalized: str) -> str:
    """Rejoin words hyphenated across line ends, exactly where the segmenter does.

    Lines are compared stripped (as the segmenter compares them); the joined line keeps
    its own line in the result so other lines are untouched.
    """
    out: list[str] = []
    for raw_line in normalized.split("\n"):
        line = raw_line.strip()
        previous = out[-1] if out else ""
        if line and previous and _HYPHEN_END_RE.search(previous) and _starts_lowercase(line):
            out[-1] = previous[:-1] + line
        else:
            out.append(line)
    return "\n".join(out)


def reference_text(page_text: str) -> str:
    """The text the plain-text cleaner selects from, for page text given as `str`."""
    return dehyphenate(normalize_text(page_text))


def invented_words(page_text: str, paragraphs: Sequence[str]) -> set[str]:
    """Words of the output that the input does not contain (should be empty)."""
    allowed = set(WORD_RE.findall(reference_text(page_text)))
    return {w for p in paragraphs for w in WORD_RE.findall(p)} - allowed


def chunks_out_of_order(page_text: str, paragraphs: Sequence[str]) -> str | None:
    """None if the output's chunks are a subsequence of the input's, else what broke it."""
    source = reference_text(page_text).split()
    position = 0
    for number, paragraph in enumerate(paragraphs):
        for chunk in paragraph.split():
            try:
                position = source.index(chunk, position) + 1
            except ValueError:
                if chunk in source:
                    return f"paragraph {number}: {chunk!r} appears only earlier in the input"
                return f"paragraph {number}: {chunk!r} is not in the input at all"
    return None


def squeezed(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs with whitespace runs collapsed: the comparison form for idempotence."""
    return [" ".join(p.split()) for p in paragraphs]
