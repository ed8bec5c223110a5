"""Local files and folders as a stream of `SourceItem`s.

Which files are read:

* A path the user names explicitly is always attempted. Recognised extensions decide the
  format; anything else is sniffed, and a file that sniffs as binary still becomes a
  `RawDocument` (with `media_type=None`) so the cleaner rejects it visibly as `binary`
  instead of it vanishing.
* A folder is walked recursively in sorted (code point) order of names, depth first.
  Hidden entries (name starting with `.`) are skipped, as are symlinks whose target lies
  outside the folder, symlinked folders (their targets inside the folder are walked
  anyway; following them would duplicate documents or loop), and anything that is not a
  regular file. Recognised extensions are read; extensions in `SKIPPED_SUFFIXES` (images,
  archives, stylesheets, scripts...) are skipped unopened; every other file is sniffed and
  read only if it looks like text, HTML, WARC or gzip wrapping one of those. Skipped
  files produce nothing, so a folder of mixed downloads does not flood the rejects.

Recognised extensions (case-insensitive): `.txt`, `.html`, `.htm`, `.xhtml`, the same
with `.gz` (except `.xhtml`), `.warc`, `.warc.gz`, `.jsonl`, `.jsonl.gz`, `.ndjson`,
`.ndjson.gz`. WARC and JSONL files yield one item per record (see `flows.sources.warc`
and `flows.sources.jsonl`).

`source` is the path exactly as given, joined with the path inside the folder: the user
gave `seeds/`, a document is `seeds/000_x.txt`; never a resolved absolute path, so output
does not depend on the working directory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Literal

from cleaners.model import RawDocument
from flows.records import FailedInput, SourceItem
from flows.sources.jsonl import iter_jsonl
from flows.sources.limits import (
    DEFAULT_LIMITS,
    GZIP_ERRORS,
    InputLimits,
    open_gzip,
    read_at_most,
)
from flows.sources.reasons import BAD_GZIP, NOT_FOUND, TOO_LARGE, UNREADABLE
from flows.sources.sniff import GZIP, HTML, SNIFF_BYTES, TEXT, WARC, XHTML, sniff_media_type
from flows.sources.warc import iter_warc


@dataclass(frozen=True, slots=True)
class _Format:
    """How to read one file: which reader, the media type to declare, whether to gunzip."""

    reader: Literal["document", "warc", "jsonl"]
    media_type: str | None = None
    gzipped: bool = False


_WARC = _Format("warc")
_JSONL = _Format("jsonl")

# Longest suffixes first, so `.warc.gz` is not mistaken for a plain gzip document.
_FORMATS_BY_SUFFIX: tuple[tuple[str, _Format], ...] = (
    (".warc.gz", _WARC),
    (".jsonl.gz", _JSONL),
    (".ndjson.gz", _JSONL),
    (".html.gz", _Format("document", HTML, gzipped=True)),
    (".htm.gz", _Format("document", HTML, gzipped=True)),
    (".txt.gz", _Format("document", TEXT, gzipped=True)),
    (".warc", _WARC),
    (".jsonl", _JSONL),
    (".ndjson", _JSONL),
    (".html", _Format("document", HTML)),
    (".htm", _Format("document", HTML)),
    (".xhtml", _Format("document", XHTML)),
    (".txt", _Format("document", TEXT)),
)

#: Extensions a folder walk skips without opening: never articles, though many are text.
SKIPPED_SUFFIXES = frozenset(
    {
        # images, audio, video, fonts
        *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".svg", ".tif", ".tiff"),
        *(".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".avi", ".mov", ".mkv"),
        *(".woff", ".woff2", ".ttf", ".otf", ".eot"),
        # documents and archives we do not extract
        *(".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".epub"),
        *(".zip", ".tar", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst"),
        # web assets, code and data files that sniff as text
        *(".css", ".js", ".mjs", ".map", ".json", ".xml", ".csv", ".tsv", ".parquet"),
        *(".py", ".sh", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".log", ".lock"),
    }
)

_SKIPPED_SUFFIX_TUPLE = tuple(SKIPPED_SUFFIXES)  # str.endswith wants a tuple


def iter_paths(
    paths: Iterable[str | os.PathLike[str]], limits: InputLimits = DEFAULT_LIMITS
) -> Iterator[SourceItem]:
    """Yield documents from files and folders, in the order given, one at a time."""
    for path in paths:
        yield from iter_path(path, limits)


def iter_path(
    path: str | os.PathLike[str], limits: InputLimits = DEFAULT_LIMITS
) -> Iterator[SourceItem]:
    """Yield documents from one file or folder; problems become `FailedInput`s."""
    given = os.fspath(path)
    try:
        mode = os.stat(given).st_mode
    except FileNotFoundError:
        yield FailedInput(given, NOT_FOUND, f"no such file or folder: {given}")
        return
    except OSError as error:
        yield FailedInput(given, UNREADABLE, f"cannot stat {given}: {error.strerror or error}")
        return
    if stat.S_ISDIR(mode):
        yield from _iter_folder(given, os.path.realpath(given), limits)
    elif stat.S_ISREG(mode):
        yield from _iter_file(given, limits, explicit=True)
    else:
        yield FailedInput(given, UNREADABLE, "not a regular file or folder")


def _iter_folder(folder: str, real_root: str, limits: InputLimits) -> Iterator[SourceItem]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield FailedInput(folder, UNREADABLE, f"cannot list {folder}: {error.strerror or error}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = os.path.join(folder, entry.name)
        kind = _entry_kind(entry, real_root)
        if kind == "folder":
            yield from _iter_folder(child, real_root, limits)
        elif kind == "file":
            yield from _iter_file(child, limits, explicit=False)


def _entry_kind(entry: os.DirEntry[str], real_root: str) -> Literal["file", "folder"] | None:
    """Classify a folder entry; None means skip it (see the module docstring for why)."""
    try:
        if entry.is_symlink():
            target = os.path.realpath(entry.path)
            inside = os.path.commonpath([target, real_root]) == real_root
            return "file" if inside and os.path.isfile(target) else None
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        if entry.is_file(follow_symlinks=False):
            return "file"
    except (OSError, ValueError):
        return None
    return None


def _iter_file(path: str, limits: InputLimits, *, explicit: bool) -> Iterator[SourceItem]:
    file_format = _format_from_name(path)
    if file_format is None:
        if not explicit and path.lower().endswith(_SKIPPED_SUFFIX_TUPLE):
            return
        sniffed = _format_from_content(path, explicit=explicit)
        if isinstance(sniffed, FailedInput):
            yield sniffed
            return
        if sniffed is None:
            return
        file_format = sniffed
    if file_format.reader == "warc":
        yield from iter_warc(path, path, limits)
    elif file_format.reader == "jsonl":
        yield from iter_jsonl(path, limits)
    else:
        yield _read_document(path, file_format, limits)


def _format_from_name(path: str) -> _Format | None:
    """The format a recognised extension implies, or None for "sniff it"."""
    lowered = path.lower()
    for suffix, file_format in _FORMATS_BY_SUFFIX:
        if lowered.endswith(suffix):
            return file_format
    return None


def _format_from_content(path: str, *, explicit: bool) -> _Format | FailedInput | None:
    """Sniff a file with an unknown extension; None means a folder walk should skip it."""
    try:
        with open(path, "rb") as file:
            kind = sniff_media_type(file.read(SNIFF_BYTES))
            gzipped = kind == GZIP
            if gzipped:
                file.seek(0)
                kind = _sniff_gzipped(file)
    except OSError as error:
        return FailedInput(path, UNREADABLE, f"cannot read {path}: {error.strerror or error}")
    if kind == WARC:
        return _WARC
    if kind in (HTML, TEXT) or (gzipped and kind is None):
        # A gzip file we cannot even start to inflate is read anyway: it becomes `bad_gzip`.
        return _Format("document", HTML if kind == HTML else None, gzipped=gzipped)
    return _Format("document", None, gzipped=gzipped) if explicit else None


def _sniff_gzipped(file: BinaryIO) -> str | None:
    """Sniff the first decompressed bytes of a gzip file; None if it will not inflate."""
    try:
        return sniff_media_type(open_gzip(file).read(SNIFF_BYTES))
    except GZIP_ERRORS:
        return None


def _read_document(path: str, file_format: _Format, limits: InputLimits) -> SourceItem:
    """Read one whole-file document within the limits."""
    try:
        with open(path, "rb") as file:
            if file_format.gzipped:
                return _gunzip_document(file, path, file_format, limits)
            size = os.fstat(file.fileno()).st_size
            content = b"" if size > limits.max_bytes else read_at_most(file, limits.max_bytes)
    except OSError as error:
        return FailedInput(path, UNREADABLE, f"cannot read {path}: {error.strerror or error}")
    if size > limits.max_bytes or len(content) > limits.max_bytes:
        return FailedInput(path, TOO_LARGE, f"file is larger than max_bytes={limits.max_bytes}")
    return RawDocument(content=content, source=path, media_type=file_format.media_type)


def _gunzip_document(
    file: BinaryIO, path: str, file_format: _Format, limits: InputLimits
) -> SourceItem:
    """Inflate a `.gz` document, stopping as soon as it exceeds either cap."""
    cap = min(limits.max_bytes, limits.max_decompressed_bytes)
    try:
        content = read_at_most(open_gzip(file), cap)
    except GZIP_ERRORS as error:
        return FailedInput(path, BAD_GZIP, f"corrupt or truncated gzip: {error}")
    if len(content) > cap:
        detail = (
            f"decompresses to more than {cap} bytes "
            f"(max_bytes={limits.max_bytes}, max_decompressed_bytes="
            f"{limits.max_decompressed_bytes})"
        )
        return FailedInput(path, TOO_LARGE, detail)
    return RawDocument(content=content, source=path, media_type=file_format.media_type)
