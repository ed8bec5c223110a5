"""The data that flows through the cleaning library.

Everything here is plain, immutable-where-possible data with no behaviour beyond small
derived properties: sources build `RawDocument`s, `cleaners.clean` turns one into a
`CleanResult`, and sinks turn results into rows. Keeping the types free of I/O is what lets
the same entry point run in the CLI, in a Prefect task, or on a Dask worker.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes as received, plus where they came from.

    `source` is the input exactly as the user gave it (a path or a URL); `url` is the page's
    own address when one is known (a fetched URL, a WARC target URI, a JSONL `url` field).
    `media_type` and `charset` are what the transport declared; None means "sniff it".
    """

    content: bytes
    source: str
    url: str | None = None
    media_type: str | None = None
    charset: str | None = None
    fetched_at: datetime | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


class RejectReason(StrEnum):
    """Short, stable codes for inputs that produced no article (the `rejects.reason` column)."""

    EMPTY = "empty"
    BINARY = "binary"
    UNDECODABLE = "undecodable"
    TOO_LARGE = "too_large"
    TOO_MANY_LINES = "too_many_lines"
    LINE_TOO_LONG = "line_too_long"
    ONLY_BOILERPLATE = "only_boilerplate"
    NO_TEXT = "no_text"
    HTML_PARSE_ERROR = "html_parse_error"
    HTML_TOO_COMPLEX = "html_too_complex"
    UNSUPPORTED_MEDIA = "unsupported_media"
    INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True, slots=True)
class Reject:
    reason: RejectReason
    detail: str = ""


@dataclass(slots=True)
class Block:
    """One paragraph or line of a document, in reading order.

    `position` is the block's index in the document and never changes, so removals can be
    reported against it. `lines` counts the raw lines joined into this block. HTML extraction
    fills `tag` (the element the text came from) and `link_density` (share of the text
    inside links) when it knows them.
    """

    position: int
    text: str
    lines: int = 1
    gap_before: int = 0
    tag: str | None = None
    link_density: float | None = None


@dataclass(frozen=True, slots=True)
class Removal:
    """A block a step took out: what it was and which rule said so."""

    position: int
    kind: str
    rule: str
    text: str


@dataclass(slots=True)
class Metadata:
    """What we know about the page besides its body text."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    site_name: str | None = None
    description: str | None = None
    canonical_url: str | None = None
    declared_language: str | None = None


@dataclass(slots=True)
class Document:
    """The working state shared by the cleaning steps.

    Steps read `blocks` and `kept` (positions still in the article) and return removals;
    `pipeline.run_steps` applies them, so a step never mutates the document itself.
    `hints` carries document-level facts computed once (the stop-word language guess, the
    wrap width) so steps do not each recompute them.
    """

    blocks: list[Block]
    metadata: Metadata = field(default_factory=Metadata)
    input_format: str = "text"
    kept: set[int] = field(default_factory=set)
    hints: dict[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.kept:
            self.kept = {b.position for b in self.blocks}

    def kept_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.position in self.kept]


@dataclass(slots=True)
class CleanResult:
    """The outcome of cleaning one RawDocument: an article, or a reject with its reason."""

    paragraphs: list[str]
    metadata: Metadata
    removed: list[Removal]
    language: str = "und"
    language_score: float = 0.0
    input_format: str = "text"
    encoding: str | None = None
    reject: Reject | None = None

    @property
    def text(self) -> str:
        """Paragraphs separated by one blank line: the `articles.text` column."""
        return "\n\n".join(self.paragraphs)

    @property
    def article(self) -> str:
        """The article written out: its title, a blank line, then `text` (just `text` when
        it has no title). Cleaning this again gives the same title and text back."""
        title = self.metadata.title
        return f"{title}\n\n{self.text}" if title else self.text

    @property
    def ok(self) -> bool:
        return self.reject is None
