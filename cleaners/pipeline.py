"""`clean(raw)`: the one pure entry point from raw bytes to a cleaned article.

Everything above it only moves bytes in and everything below it only writes rows out, so the
CLI, a Prefect task and a Dask worker all clean a page the same way. It never raises for bad
input: every failure is a `Reject` with a short reason code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cleaners.decode import Decoded, decode
from cleaners.language import UNDETERMINED, get_detector
from cleaners.model import (
    Block,
    CleanResult,
    Document,
    Metadata,
    RawDocument,
    Reject,
    RejectReason,
)
from cleaners.repair import join_paragraphs
from cleaners.segment import split_blocks
from cleaners.steps import DEFAULT_STEPS, Step, run_steps
from cleaners.text import normalize_text

HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_HTML_SNIFF_RE = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


@dataclass(frozen=True, slots=True)
class CleanConfig:
    """Limits and choices for one cleaning run. Defaults suit news pages."""

    max_bytes: int = 20 * 1024 * 1024
    max_lines: int = 200_000
    max_line_chars: int = 1_000_000
    language_detector: str | None = "langdetect"
    steps: list[Step] = field(default_factory=lambda: list(DEFAULT_STEPS))

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_lines", "max_line_chars"):
            value = getattr(self, name)
            if not isinstance(value, int) or value <= 0:
                raise ValueError(f"CleanConfig.{name} must be a positive integer, not {value!r}")


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
    """Clean already-decoded plain page text."""
    text = normalize_text(decoded.text)
    limit = line_limits(text, config)
    if limit is not None:
        return _rejected(limit, encoding=decoded.encoding)
    blocks, _profile = split_blocks(text)
    return clean_blocks(blocks, Metadata(), config, input_format="text", encoding=decoded.encoding)


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
    """Run the steps over blocks, repair paragraphs and tag the language."""
    if not blocks:
        return _rejected(Reject(RejectReason.NO_TEXT, "no text found"), encoding=encoding)
    doc = Document(blocks=blocks, metadata=metadata, input_format=input_format)
    doc.hints.update(hints or {})
    removed = run_steps(doc, config.steps if steps is None else steps)
    removed.sort(key=lambda r: r.position)
    paragraphs = join_paragraphs([b.text for b in doc.kept_blocks()])
    result = CleanResult(
        paragraphs=paragraphs,
        metadata=doc.metadata,
        removed=removed,
        input_format=input_format,
        encoding=encoding,
    )
    if not paragraphs:
        result.reject = Reject(
            RejectReason.ONLY_BOILERPLATE,
            f"all {len(removed)} blocks were boilerplate" if removed else "no text found",
        )
        return result
    if config.language_detector:
        detection = get_detector(config.language_detector).detect(result.text)
        result.language, result.language_score = detection.language, detection.probability
    return result


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
