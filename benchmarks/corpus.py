"""Synthetic corpora of N documents for the throughput benchmark, written to disk as a stream.

Documents are the real pages of the shared data (seeds, devset and htmldev for text;
htmldev for HTML) cycled as often as needed, each copy made unique by a serial number put
inside its body, so that neither the `raw` table nor the article dedup collapses them and
every copy costs a full cleaning. Files go into shards of `SHARD_SIZE` per folder: a prefix
of the shards is a smaller corpus of the same mix (the 10k-vs-100k memory comparison).

Nothing here holds more than one document in memory.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

SHARD_SIZE = 1000
TEXT, HTML = "text", "html"
SUFFIX = {TEXT: ".txt", HTML: ".html"}

_CLOSING_P = re.compile(rb"</p\s*>", re.IGNORECASE)
_CLOSING_BODY = re.compile(rb"</body\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Corpus:
    """A corpus on disk: its shard folders in order, and its size."""

    root: Path
    kind: str
    documents: int
    n_bytes: int

    @property
    def shards(self) -> list[Path]:
        return sorted(path for path in self.root.iterdir() if path.is_dir())

    def shards_for(self, documents: int) -> list[Path]:
        """The leading shards holding exactly `documents` (a multiple of SHARD_SIZE)."""
        if documents % SHARD_SIZE or documents > self.documents:
            raise ValueError(f"{documents} is not a whole number of shards of {self.root}")
        return self.shards[: documents // SHARD_SIZE]

    def files(self) -> Iterator[Path]:
        """The documents in serial order."""
        for shard in self.shards:
            yield from sorted(shard.iterdir())


def read_base(path: Path) -> bytes:
    content = path.read_bytes()
    return gzip.decompress(content) if path.name.endswith(".gz") else content


def iter_bases(files: Sequence[Path], count: int) -> Iterator[bytes]:
    """`count` documents cycling over `files`, each read from disk when needed."""
    if not files:
        raise ValueError("no base documents to build a corpus from")
    for serial in range(count):
        yield read_base(files[serial % len(files)])


def vary_text(content: bytes, serial: int) -> bytes:
    """Append a reference to the longest line (the body's longest paragraph, on news pages)."""
    lines = content.split(b"\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] = lines[longest].rstrip() + f" (Ref. {serial:07d}.)".encode()
    return b"\n".join(lines)


def vary_html(content: bytes, serial: int) -> bytes:
    """Put a reference inside the first paragraph (else before `</body>`, else at the end).

    ASCII digits are the same bytes in every charset the pages use, so the page's declared
    encoding stays right.
    """
    marker = f" (Ref. {serial:07d}.)".encode()
    for pattern in (_CLOSING_P, _CLOSING_BODY):
        match = pattern.search(content)
        if match:
            return content[: match.start()] + marker + content[match.start() :]
    return content + b"<p>" + marker + b"</p>"


def build_corpus(base_files: Sequence[Path], kind: str, documents: int, root: Path) -> Corpus:
    """Write `documents` varied copies of the base files under `root`, one at a time."""
    vary = vary_html if kind == HTML else vary_text
    root.mkdir(parents=True, exist_ok=True)
    total = 0
    for serial, content in enumerate(iter_bases(base_files, documents)):
        shard = root / f"{serial // SHARD_SIZE:05d}"
        if serial % SHARD_SIZE == 0:
            shard.mkdir(exist_ok=True)
        page = vary(content, serial)
        (shard / f"doc-{serial:07d}{SUFFIX[kind]}").write_bytes(page)
        total += len(page)
    return Corpus(root, kind, documents, total)
