"""A file cache of the cleaners' compiled cue scanners, so a new process starts fast.

The cleaners find their cue candidates with two Hyperscan databases that take about 1.5 s
to compile (`cleaners.cues`). Every process that cleans would pay that: each worker of
every run, and every `newsclean clean`. The cleaners do no I/O, so this module keeps the
compiled bytes in a file, named by what they were compiled from (`cues.scanner_key`):
a lexicon change or a Hyperscan upgrade gives a new name, never a stale database.

Where: `$NEWSCLEAN_CACHE_DIR`, else `$XDG_CACHE_HOME/newsclean`, else
`~/.cache/newsclean`. The file is written under a temporary name and renamed, so a
process never reads half a file; the bytes carry a checksum that `cues.install_scanners`
checks. Any failure (no Hyperscan, a read-only home, a damaged file) only means the
process compiles as before; deleting the folder is always safe.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cleaners import cues

CACHE_DIR_ENV = "NEWSCLEAN_CACHE_DIR"


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_DIR_ENV)
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsclean"


def cache_path() -> Path | None:
    """The cache file for the current lexicons and Hyperscan build (None: no Hyperscan)."""
    key = cues.scanner_key()
    return None if key is None else cache_dir() / f"hyperscan-{key[:24]}.bin"


def load() -> bool:
    """Install the cached scanners in this process; False if there are none to install."""
    path = cache_path()
    if path is None:
        return False
    try:
        data = path.read_bytes()
    except OSError:
        return False
    return cues.install_scanners(data)


def save() -> None:
    """Compile the scanners if this process has not, and store them (over any file there)."""
    path = cache_path()
    if path is None:
        return
    data = cues.export_scanners()
    if data is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as out:
            out.write(data)
        os.replace(out.name, path)
    except OSError:
        return


def prepare() -> None:
    """Make this process's scanners ready: from the cache when it has them, else compiled
    and stored for the next process (replacing a file that could not be used). A process
    that has its scanners already (a second detector's warm-up) does nothing."""
    if cues.scanners_built() or load():
        return
    save()
