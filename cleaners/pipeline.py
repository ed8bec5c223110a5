"""`clean(raw)`: the one pure entry point from raw bytes to a cleaned article.

Everything above it only moves bytes in and everything below it only writes rows out, so the
CLI, a Prefect task and a Dask worker all clean a page the same way. It never raises for bad
input: every failure is a `Reject` with a short reason code.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field

from cleaners.decode import Decoded, decode
from cleaners.features import MEMO, FeatureMemo
from cleaners.language import UNDETERMINED, get_detector
from cleaners.model import (
    Block,
    CleanResult,
    Document,
    Metadata,
    RawDocument,
    Reject,
    RejectReason,
    Removal,
)
from cleaners.repair import join_with_sources
from cleaners.segment import split_blocks
from cleaners.steps import DEFAULT_STEPS, Step, run_steps
from cleaners.steps.structure import TITLE_KIND
from cleaners.text import normalize_text, squeeze_spaces

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_SNIFF_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


# "adaptive": trafilatura's fast extraction, and the full one where the fast text looks like
# a fragment; "full": always the full one.
HTML_EXTRACTION_MODES = ("adaptive", "full")


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Limits and choices for one cleaning run. Defaults suit news pages."""

    max_bytes: int = 20 * 1024 * 1024
    max_lines: int = 200_000
    max_line_chars: int = 1_000_000
    language_detector: str | None = "langdetect"
    steps: list[Step] = field(default_factory=lambda: list(DEFAULT_STEPS))
    # One of HTML_EXTRACTION_MODES (`cleaners.html.extract_text`).
    html_extraction: str = "adaptive"

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_lines", "max_line_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or value <= 0:
                raise ValueError(f"CleanConfig.{name} must be a positive integer, not {value!r}")
        if self.html_extraction not in HTML_EXTRACTION_MODES:
            raise ValueError(
                f"CleanConfig.html_extraction must be 'adaptive' or 'full', "
                f"not {self.html_extraction!r}"
            )


DEFAULT_CONFIG = CleanConfig()


def is_html(raw: RawDocument) -> bool:
    """Declared HTML, an .htm(l) name, or bytes that open like an HTML document."""
    if raw.media_type in HTML_MEDIA_TYPES:
        return True
    if raw.media_type == "text/plain":
        return False
    head = raw.content[:2048].lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_SNIFF_RE.match(head))


def clean(raw: RawDocument, config: CleanConfig = DEFAULT_CONFIG) -> CleanResult:
    """Clean one raw document into an article, or a reject saying why there is none."""
    if len(raw.content) > config.max_bytes:
        return _rejected(
            Reject(RejectReason.TOO_LARGE, f"{len(raw.content)} bytes > limit {config.max_bytes}")
        )
    if is_html(raw):
        from cleaners.html import clean_html

        return clean_html(raw, config)
    decoded = decode(raw.content, raw.charset)
    if isinstance(decoded, Reject):
        return _rejected(decoded)
    return clean_text(decoded, config)


def clean_text(decoded: Decoded, config: CleanConfig = DEFAULT_CONFIG) -> CleanResult:
    """Clean already-decoded plain page text, then settle it (see `settle`)."""
    text = normalize_text(decoded.text)
    limit = line_limits(text, config)
    if limit is not None:
        return _rejected(limit, encoding=decoded.encoding)
    blocks, _profile = split_blocks(text)
    memo = {MEMO: FeatureMemo()}
    first = _run_steps(blocks, Metadata(), config.steps, "text", decoded.encoding, memo)
    return tag_language(settle(first, config, memo).result, config)


def clean_blocks(
    blocks: list[Block],
    metadata: Metadata,
    config: CleanConfig = DEFAULT_CONFIG,
    *,
    input_format: str,
    encoding: str | None,
    steps: list[Step] | None = None,
    hints: dict[str, object] | None = None,
) -> CleanResult:
    """Run the steps over blocks and repair paragraphs. The caller tags the language
    (`tag_language`) once it has decided the result is an article."""
    steps = config.steps if steps is None else steps
    return _run_steps(blocks, metadata, steps, input_format, encoding, hints).result


@dataclass(slots=True)
class _Cleaned:
    """A result, the input blocks it was cleaned from, and the positions of the input blocks
    behind its title and behind each of its paragraphs (a settling pass maps its removals
    back through them)."""

    result: CleanResult
    inputs: list[Block]
    sources: list[list[int]]
    title_sources: list[int]


def _run_steps(
    blocks: list[Block],
    metadata: Metadata,
    steps: list[Step],
    input_format: str,
    encoding: str | None,
    hints: dict[str, object] | None = None,
) -> _Cleaned:
    if not blocks:
        reject = Reject(RejectReason.NO_TEXT, "no text found")
        return _Cleaned(_rejected(reject, encoding=encoding), blocks, [], [])
    doc = Document(blocks=blocks, metadata=metadata, input_format=input_format)
    doc.hints.update(hints or {})
    removed = run_steps(doc, steps)
    removed.sort(key=lambda r: r.position)
    kept = doc.kept_blocks()
    joined = join_with_sources([b.text for b in kept])
    result = CleanResult(
        paragraphs=[text for text, _ in joined],
        metadata=doc.metadata,
        removed=removed,
        input_format=input_format,
        encoding=encoding,
    )
    if not result.paragraphs:
        result.reject = Reject(
            RejectReason.ONLY_BOILERPLATE,
            f"all {len(removed)} blocks were boilerplate" if removed else "no text found",
        )
    sources = [[kept[i].position for i in indexes] for _, indexes in joined]
    return _Cleaned(result, blocks, sources, [r.position for r in removed if r.kind == TITLE_KIND])


def tag_language(result: CleanResult, config: CleanConfig) -> CleanResult:
    """Detect the language of an article's clean body (once, after the last pass)."""
    if result.ok and config.language_detector:
        detection = get_detector(config.language_detector).detect(result.text)
        result.language, result.language_score = detection.language, detection.probability
    return result


# Cleaning a clean article must change nothing (issue 6). A first pass can keep a block only
# because of context it then removes: a headline-shaped line that sat under a kicker, a
# date that was the fourth line of the header, a paragraph whose page-wide stop list changed
# once the menus were gone. Cleaning the written-out article again finds those; most pages
# settle at the first re-check, which costs less than the first pass (the text is shorter).
MAX_SETTLE_PASSES = 3
SETTLE_RULE_PREFIX = "settle:"


def settle(
    cleaned: _Cleaned, config: CleanConfig, hints: dict[str, object] | None = None
) -> _Cleaned:
    """Clean the written-out article (`CleanResult.article`) again until its title and
    paragraphs stop changing, so that `clean` is idempotent.

    A settling pass sees exactly what `clean(result.article)` would see, so once a pass
    gives the same title and paragraphs back, the result is a fixed point. Its removals are
    recorded against the original blocks, with the rule prefixed by `settle:`. The article
    is re-read with its title, not as bare `text`: without the headline above it, a
    standfirst reads as the headline, and a bare-text pass would take it out of the body.
    """
    for _ in range(MAX_SETTLE_PASSES):
        result = cleaned.result
        if not result.ok:
            break
        blocks, _profile = split_blocks(normalize_text(result.article))
        again = _run_steps(blocks, Metadata(), config.steps, "text", result.encoding, hints)
        if (
            again.result.paragraphs == result.paragraphs
            and again.result.metadata.title == result.metadata.title
        ):
            break
        cleaned = _settled(cleaned, blocks, again)
    return cleaned


def _settled(previous: _Cleaned, blocks: list[Block], again: _Cleaned) -> _Cleaned:
    """`again`, a pass over `previous`'s written-out article, reported against the input
    blocks: a block it removes stands for the input blocks of the paragraphs (or the title)
    it came from, and each of those is recorded as removed, with its own text."""
    parts, part_sources = previous.result.paragraphs, previous.sources
    if previous.result.metadata.title:
        parts = [previous.result.metadata.title, *parts]
        part_sources = [previous.title_sources, *part_sources]
    origins = [
        sorted({p for part in owned for p in part_sources[part]})
        for owned in _paragraph_owners(parts, blocks)
    ]
    sources = [sorted({o for p in positions for o in origins[p]}) for positions in again.sources]
    kept = {p for positions in sources for p in positions}
    texts = {block.position: block.text for block in previous.inputs}
    removed = {r.position: r for r in previous.result.removed if r.position not in kept}
    title_sources: list[int] = []
    for item in again.result.removed:
        for position in origins[item.position]:
            rule = SETTLE_RULE_PREFIX + item.rule
            removed.setdefault(position, Removal(position, item.kind, rule, texts[position]))
            if item.kind == TITLE_KIND:
                title_sources.append(position)
    result = again.result
    result.removed = sorted(removed.values(), key=lambda r: r.position)
    result.metadata = _merged_metadata(previous.result.metadata, result.metadata)
    return _Cleaned(result, previous.inputs, sources, title_sources)


def _paragraph_owners(paragraphs: list[str], blocks: list[Block]) -> list[range]:
    """For each block re-read from the joined paragraphs, the paragraphs it spans.

    Usually block i is paragraph i alone; locating the block's first and last words in the
    joined text also covers a paragraph the segmenter split, or two it joined."""
    rendered = " ".join(paragraphs)  # a block that joins two paragraphs joins them so
    starts = list(itertools.accumulate((len(p) + 1 for p in paragraphs[:-1]), initial=0))
    owners, cursor = [], 0
    for block in blocks:
        text = squeeze_spaces(block.text)
        first = rendered.find(text[:40], cursor)
        first = cursor if first < 0 else first
        last = rendered.find(text[-40:], first)
        last = first if last < 0 else last + len(text[-40:]) - 1
        cursor = last + 1
        owners.append(
            range(bisect.bisect_right(starts, first) - 1, bisect.bisect_right(starts, last))
        )
    return owners


def _merged_metadata(first: Metadata, later: Metadata) -> Metadata:
    """The title is the latest pass's (the written-out article carries it); the authors and
    the date are the first pass's, which saw the byline and the dateline."""
    first.title = later.title
    first.authors = first.authors or later.authors
    first.published_at = first.published_at or later.published_at
    return first


def line_limits(text: str, config: CleanConfig) -> Reject | None:
    lines = text.count("\n") + 1
    if lines > config.max_lines:
        return Reject(RejectReason.TOO_MANY_LINES, f"{lines} lines > limit {config.max_lines}")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > config.max_line_chars:
        return Reject(
            RejectReason.LINE_TOO_LONG,
            f"a line of {longest} characters > limit {config.max_line_chars}",
        )
    return None


def _rejected(reject: Reject, *, encoding: str | None = None) -> CleanResult:
    return CleanResult(
        paragraphs=[],
        metadata=Metadata(),
        removed=[],
        language=UNDETERMINED,
        encoding=encoding,
        reject=reject,
    )
