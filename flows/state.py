"""What was already ingested: the dedup index and the writers' inter-process lock.

The Parquet files under the output root are the truth. This module only keeps a cache of
their keys so a writer can drop duplicates without scanning the dataset for every batch:

- `KeyIndex` maps each indexed file to the keys it holds (doc ids, content hashes, raw
  hashes, reject and alias keys, sources). Keys are always recorded per file, so dropping or
  replacing a file drops exactly its keys, and rebuilding the whole index from the files is
  always possible (delete `_index/index.sqlite` and the next writer rebuilds it).
- For a local root the index lives in `<root>/_index/index.sqlite` and survives runs. For a
  remote root (S3, GCS, ...) it is an in-memory SQLite database filled by scanning the key
  columns of every file when a writer opens: slower to open, same code path afterwards.
- `DatasetLock` serialises writers across processes (fcntl.flock on `<root>/_index/lock`).
  Remote roots get no lock, so they support one writer at a time only.
- `SqliteValidatorStore` keeps the HTTP validators (ETag, Last-Modified) of fetched URLs in
  `<root>/_index/validators.sqlite`, so the next run polls feeds with conditional requests.
  Unlike the key index it is not derived from the Parquet files: losing it only costs one
  full download per URL. `PendingValidators` holds a run's new validators back until the
  documents they describe are stored (see its docstring for why).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

import pyarrow as pa

# Bump when the SQLite layout or the keys change: an index with another version is rebuilt
# from the files. Version 2 added the `derived` keys that replace mode looks up.
INDEX_FORMAT_VERSION = 2

# Separates the parts of a composite key. It cannot appear in a URL or a hash, and a source
# path containing it would only make that one key collide with nothing.
KEY_SEPARATOR = "\x1f"

# The columns each table's keys are built from: all a reconcile scan ever reads.
KEY_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("doc_id", "content_sha256", "source", "raw_sha256"),
    "removed": ("doc_id",),
    "rejects": ("source", "reason", "raw_sha256"),
    "raw": ("raw_sha256", "source"),
    "aliases": ("doc_id", "source", "url"),
}

# Tables whose `source` column counts as "this input was ingested" for `known_sources`.
SOURCE_TABLES = ("articles", "aliases", "rejects", "raw")

_SQLITE_LOOKUP_CHUNK = 500

_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS files (
    relpath TEXT PRIMARY KEY,
    tbl TEXT NOT NULL,
    n_rows INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS keys (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    doc_id TEXT,
    relpath TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS keys_by_key ON keys (kind, key);
CREATE INDEX IF NOT EXISTS keys_by_file ON keys (relpath);
"""


class IndexKey(NamedTuple):
    """One key a file holds. `doc_id` links content and alias keys back to their article."""

    kind: str
    key: str
    doc_id: str | None = None


def reject_key(source: str, reason: str, raw_sha256: str | None) -> str:
    """Rejects are duplicates when the same input failed the same way on the same bytes."""
    return KEY_SEPARATOR.join((source, reason, raw_sha256 or ""))


def alias_key(doc_id: str, source: str, url: str | None) -> str:
    """An alias is one (stored article, other address) pair, recorded once."""
    return KEY_SEPARATOR.join((doc_id, source, url or ""))


def derivation_key(source: str, raw_sha256: str) -> str:
    """Which input and bytes a row was derived from: what `reclean` re-derives and replaces.

    An article or a cleaning reject is a function of (input, bytes, cleaner version), so a
    stored row with the same derivation as an incoming one is its older version.
    """
    return KEY_SEPARATOR.join((source, raw_sha256))


DERIVED_KIND = "derived"


def source_kind(table_name: str) -> str:
    return f"source:{table_name}"


def index_keys(table_name: str, table: pa.Table) -> list[IndexKey]:
    """The keys a table's rows contribute to the index, without duplicates.

    Works on any table holding at least the table's key columns, so it serves both freshly
    written batches and key-column scans of existing files (old schema versions included:
    a missing key column reads as null).
    """
    columns = {name: _column_or_nulls(table, name) for name in KEY_COLUMNS[table_name]}
    keys: dict[IndexKey, None] = {}
    # Rows repeat their key columns (a page has dozens of `removed` rows, one doc_id):
    # distinct value tuples first, in order, then keys for each.
    for values in dict.fromkeys(zip(*columns.values(), strict=True)):
        row = dict(zip(columns, values, strict=True))
        for key in _row_keys(table_name, row):
            keys[key] = None
    return list(keys)


def _column_or_nulls(table: pa.Table, name: str) -> list[object]:
    if name in table.column_names:
        return table.column(name).to_pylist()
    return [None] * table.num_rows


def _row_keys(table_name: str, row: dict[str, object]) -> Iterator[IndexKey]:
    doc_id, source = row.get("doc_id"), row.get("source")
    raw_sha256 = row.get("raw_sha256")
    if table_name in ("articles", "rejects") and source is not None and raw_sha256 is not None:
        linked = str(doc_id) if table_name == "articles" else None
        yield IndexKey(DERIVED_KIND, derivation_key(str(source), str(raw_sha256)), linked)
    if table_name == "articles":
        yield IndexKey("articles", str(doc_id), str(doc_id))
        if row["content_sha256"] is not None:
            yield IndexKey("content", str(row["content_sha256"]), str(doc_id))
    elif table_name == "removed":
        yield IndexKey("removed", str(doc_id), str(doc_id))
    elif table_name == "rejects":
        key = reject_key(str(source), str(row["reason"]), _opt_str(row["raw_sha256"]))
        yield IndexKey("rejects", key)
    elif table_name == "raw":
        yield IndexKey("raw", str(row["raw_sha256"]))
    elif table_name == "aliases":
        key = alias_key(str(doc_id), str(source), _opt_str(row["url"]))
        yield IndexKey("aliases", key, str(doc_id))
    if source is not None and table_name in SOURCE_TABLES:
        yield IndexKey(source_kind(table_name), str(source))


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


class KeyIndex:
    """A SQLite cache of which keys each Parquet file holds.

    Reads are safe at any time (SQLite isolates them); writes must happen under
    `DatasetLock` so that "check keys, write files, record keys" is one atomic step across
    processes. Each public mutating method is its own transaction. One connection is not
    for concurrent use: callers sharing a KeyIndex between threads must take turns.
    """

    def __init__(self, path: Path | None) -> None:
        """`path=None` keeps the index in memory (remote roots, rebuilt at every open)."""
        self.path = path
        self._db = self._connect(path)

    @staticmethod
    def _connect(path: Path | None) -> sqlite3.Connection:
        if path is None:
            db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = _open_or_rebuild(path)
        db.executescript(_SCHEMA_SQL)
        db.execute(f"PRAGMA user_version = {INDEX_FORMAT_VERSION}")
        return db

    def close(self) -> None:
        self._db.close()

    def indexed_files(self) -> set[str]:
        return {row[0] for row in self._db.execute("SELECT relpath FROM files")}

    def replace_files(
        self, added: Iterable[tuple[str, str, int, list[IndexKey]]], dropped: Iterable[str]
    ) -> None:
        """Record new files (relpath, table, rows, keys) and forget dropped ones, atomically.

        Re-adding an already indexed file replaces its keys, which makes journal recovery
        idempotent: replaying a half-applied commit gives the same index.
        """
        with self._transaction():
            for relpath in dropped:
                self._forget(relpath)
            for relpath, table_name, n_rows, keys in added:
                self._forget(relpath)
                self._db.execute(
                    "INSERT INTO files (relpath, tbl, n_rows) VALUES (?, ?, ?)",
                    (relpath, table_name, n_rows),
                )
                self._db.executemany(
                    "INSERT INTO keys (kind, key, doc_id, relpath) VALUES (?, ?, ?, ?)",
                    [(k.kind, k.key, k.doc_id, relpath) for k in keys],
                )

    def known(self, kinds: str | Iterable[str], keys: Iterable[str]) -> set[str]:
        """Which of `keys` are recorded under any of `kinds`."""
        return {key for key, _doc_id, _relpath in self._lookup(kinds, keys)}

    def owners(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """key -> doc_id for keys that link to an article (content hashes)."""
        return {key: doc_id for key, doc_id, _relpath in self._lookup(kind, keys) if doc_id}

    def holders(self, kind: str, keys: Iterable[str]) -> list[tuple[str, str | None, str]]:
        """(key, linked doc_id, file) for every file recording one of `keys`."""
        return list(self._lookup(kind, keys))

    def files_holding(self, kind: str, keys: Iterable[str]) -> dict[str, set[str]]:
        """key -> the files recording it: what a replacement must rewrite."""
        found: dict[str, set[str]] = {}
        for key, _doc_id, relpath in self._lookup(kind, keys):
            found.setdefault(key, set()).add(relpath)
        return found

    def _lookup(
        self, kinds: str | Iterable[str], keys: Iterable[str]
    ) -> Iterator[tuple[str, str | None, str]]:
        kind_list = [kinds] if isinstance(kinds, str) else list(kinds)
        unique = list(dict.fromkeys(keys))
        kind_marks = ",".join("?" * len(kind_list))
        for start in range(0, len(unique), _SQLITE_LOOKUP_CHUNK):
            chunk = unique[start : start + _SQLITE_LOOKUP_CHUNK]
            key_marks = ",".join("?" * len(chunk))
            yield from self._db.execute(
                f"SELECT key, doc_id, relpath FROM keys "
                f"WHERE kind IN ({kind_marks}) AND key IN ({key_marks})",
                [*kind_list, *chunk],
            )

    def _forget(self, relpath: str) -> None:
        self._db.execute("DELETE FROM keys WHERE relpath = ?", (relpath,))
        self._db.execute("DELETE FROM files WHERE relpath = ?", (relpath,))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")


def _open_or_rebuild(path: Path) -> sqlite3.Connection:
    """Open the on-disk index; start afresh if it is unreadable or of another format.

    Throwing the cache away is always safe: the writer re-indexes every file it finds.
    """
    try:
        db = _connect_file(path)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables == 0 or version == INDEX_FORMAT_VERSION:
            return db
        db.close()
    except sqlite3.DatabaseError:
        pass
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return _connect_file(path)


def _connect_file(path: Path) -> sqlite3.Connection:
    """Autocommit mode (explicit transactions only); the owning writer serialises threads."""
    return sqlite3.connect(path, timeout=60.0, isolation_level=None, check_same_thread=False)


class DatasetLock(AbstractContextManager["DatasetLock"]):
    """An exclusive lock shared by every writer of one local output root.

    flock locks belong to the open file description, so two writers in one process exclude
    each other too, and the kernel releases the lock when a holder dies (even by SIGKILL):
    a crashed writer can never wedge the dataset.
    """

    def __init__(self, path: Path | None) -> None:
        """`path=None` makes a no-op lock (remote roots: single writer only)."""
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> DatasetLock:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


# --- HTTP validators ----------------------------------------------------------------------------

_VALIDATORS_SQL = """
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
"""

Validators = tuple[str | None, str | None]


class SqliteValidatorStore:
    """A `flows.fetch.ValidatorStore` in SQLite: `(etag, last_modified)` per redacted URL.

    Thread-safe (one connection behind a lock: the fetcher calls it from its threads) and
    safe across processes (SQLite's own locking; a concurrent run waits up to 60 s).
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = _connect_file(path)
        self._db.executescript(_VALIDATORS_SQL)

    def get(self, url: str) -> Validators | None:
        with self._lock:
            row = self._db.execute(
                "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
            ).fetchone()
        return None if row is None else (row[0], row[1])

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        self.put_many({url: (etag, last_modified)})

    def put_many(self, entries: dict[str, Validators]) -> None:
        """Record many validators in one transaction (one fsync, not one per URL)."""
        rows = [(url, etag, modified) for url, (etag, modified) in entries.items()]
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT INTO validators (url, etag, last_modified) VALUES (?, ?, ?) "
                    "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
                    "last_modified = excluded.last_modified, "
                    "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                    rows,
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._db.close()


class PendingValidators:
    """Reads validators from a store but holds this run's new ones until `commit`.

    The fetcher records validators when it receives a 200, long before the document is
    written. Saved at once, a crash in between would lose the document for good: the next
    run would send them, get a 304 and skip the page or feed. Held back here, they reach the
    store only once the run has written everything they describe, and `discard` drops those
    of a feed whose articles could not all be fetched, so that feed is read in full again.
    """

    def __init__(self, store: SqliteValidatorStore | None) -> None:
        self._store = store
        self._pending: dict[str, Validators] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Validators | None:
        return self._store.get(url) if self._store is not None else None

    def put(self, url: str, etag: str | None, last_modified: str | None) -> None:
        with self._lock:
            self._pending[url] = (etag, last_modified)

    def discard(self, url: str) -> None:
        with self._lock:
            self._pending.pop(url, None)

    def discard_all(self) -> None:
        """Forget every held validator (a batch of pages was lost: read them all again)."""
        with self._lock:
            self._pending.clear()

    def pending(self) -> dict[str, Validators]:
        with self._lock:
            return dict(self._pending)

    def commit(self) -> int:
        """Save every held validator; returns how many were saved."""
        with self._lock:
            entries, self._pending = self._pending, {}
        if self._store is not None:
            self._store.put_many(entries)
        return len(entries) if self._store is not None else 0
