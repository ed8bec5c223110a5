"""Parquet sinks: write the dataset atomically, without duplicates, readable by any engine.

On-disk layout under an output root (a local path, `file://...`, or any URI pyarrow's
`FileSystem.from_uri` understands, such as `s3://bucket/prefix`)::

    <root>/<table>/ingest_date=YYYY-MM-DD/<run_id>-<seq>-<uuid>.parquet   tables: see TABLES
    <root>/_manifests/...      run manifests, written with `write_json_atomic`
    <root>/_index/index.sqlite dedup cache (local roots only), see flows/state.py
    <root>/_index/lock         the writers' inter-process lock (local roots only)
    <root>/_index/journal/     commit records of batches being published

Why it is safe to kill a writer at any moment:

- Every file is first written under a hidden temporary name, `.<name>.tmp-<uuid>`, in its
  final directory. Readers never see it: pyarrow.dataset skips names starting with `.`,
  and a `**/*.parquet` glob (DuckDB, polars) does not match a name not ending in
  `.parquet`. Stale temporaries are removed when a writer opens.
- A batch's temporaries (new files, and rewritten files in replace mode) are all fully
  written before a journal naming them is published, atomically, in `_index/journal/`.
  Publishing the journal is the commit point. The writer then renames the temporaries to
  their final names, deletes superseded files, records the keys in the index and deletes the
  journal. Whoever takes the lock next replays any journal left behind (every step is
  idempotent), so a batch is either wholly invisible or ends up wholly published.
- Renames come before deletes, so a crash in between shows a reader a row twice for a
  moment (until the replay), never a missing row.

Deduplication happens under the lock, against the index: a rerun adds zero rows.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.fs as pafs
import pyarrow.parquet as pq

if TYPE_CHECKING:
    import pyarrow.dataset as ds

from cleaners import PIPELINE_VERSION
from cleaners.model import RawDocument
from flows.schema import PARTITION_COLUMN, SCHEMA_VERSION, TABLES
from flows.state import (
    DERIVED_KIND,
    KEY_COLUMNS,
    KEY_SEPARATOR,
    SOURCE_TABLES,
    DatasetLock,
    IndexKey,
    KeyIndex,
    alias_key,
    derivation_key,
    index_keys,
    reject_key,
    source_kind,
)

Rows = Sequence[Mapping[str, Any]] | pa.Table

INDEX_DIR = "_index"
JOURNAL_DIR = f"{INDEX_DIR}/journal"
MANIFEST_DIR = "_manifests"

ZSTD_LEVEL = 3
# Row groups stop at whichever limit comes first: many rows of small metadata, or about
# 64 MB of strings and bytes (a raw group holds whole pages, so it hits the byte bound).
ROW_GROUP_MAX_BYTES = 64 * 1024 * 1024
ROW_GROUP_MAX_ROWS: dict[str, int] = {
    "articles": 65_536,
    "removed": 131_072,
    "rejects": 65_536,
    "raw": 65_536,
    "aliases": 131_072,
}
# Low-cardinality strings: dictionary pages make them nearly free. Other columns stay plain
# so that high-cardinality text does not pay for a dictionary that overflows anyway.
DICTIONARY_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("language", "input_format", "encoding", "site_name", "pipeline_version", "run_id"),
    "removed": ("kind", "rule", "pipeline_version", "run_id"),
    "rejects": ("reason", "pipeline_version", "run_id"),
    "raw": ("media_type", "charset", "run_id"),
    "aliases": ("run_id",),
}
# Min/max of whole article bodies or page bytes help no query and bloat the footer.
NO_STATISTICS_COLUMNS = frozenset({"text", "content", "description", "detail"})
# Columns the writer fills when a row leaves them out: they describe the run, not the row.
ROW_TIME_COLUMNS = ("ingested_at", "at", "seen_at")

STALE_TEMP_AFTER = timedelta(minutes=30)
_TEMP_MARK = ".tmp-"
_PER_ARTICLE = ("articles", "removed")


# --- where the dataset lives ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DatasetRoot:
    """An output root resolved to a pyarrow filesystem and a base path inside it."""

    fs: pafs.FileSystem
    base: str

    @property
    def is_local(self) -> bool:
        return isinstance(self.fs, pafs.LocalFileSystem)

    def path(self, relpath: str) -> str:
        return f"{self.base}/{relpath}" if relpath else self.base

    def relpath(self, path: str) -> str:
        return path[len(self.base) + 1 :]

    @property
    def index_path(self) -> Path | None:
        """The persistent index file, or None: remote roots index in memory."""
        return Path(self.path(f"{INDEX_DIR}/index.sqlite")) if self.is_local else None

    @property
    def lock_path(self) -> Path | None:
        return Path(self.path(f"{INDEX_DIR}/lock")) if self.is_local else None

    @property
    def validators_path(self) -> Path | None:
        """Where fetch validators persist (local roots; remote runs poll unconditionally)."""
        return Path(self.path(f"{INDEX_DIR}/validators.sqlite")) if self.is_local else None


def resolve_root(root: str | os.PathLike[str] | DatasetRoot) -> DatasetRoot:
    """A plain path is local; anything with a scheme goes through `FileSystem.from_uri`."""
    if isinstance(root, DatasetRoot):
        return root
    text = os.fspath(root)
    if "://" in text:
        fs, base = pafs.FileSystem.from_uri(text)
        return DatasetRoot(fs, base.rstrip("/"))
    return DatasetRoot(pafs.LocalFileSystem(), os.path.abspath(text))


def list_files(root: DatasetRoot, under: str) -> list[pafs.FileInfo]:
    selector = pafs.FileSelector(root.path(under), recursive=True, allow_not_found=True)
    return [info for info in root.fs.get_file_info(selector) if info.type == pafs.FileType.File]


def data_files(root: DatasetRoot, table_name: str) -> list[str]:
    """Relative paths of a table's published Parquet files (what readers see), sorted."""
    relpaths = (root.relpath(info.path) for info in list_files(root, table_name))
    return sorted(rel for rel in relpaths if _is_data_file(rel))


def _is_data_file(relpath: str) -> bool:
    parts = relpath.split("/")
    return parts[-1].endswith(".parquet") and not any(p[:1] in (".", "_") for p in parts)


def _is_temp_file(relpath: str) -> bool:
    name = relpath.rsplit("/", 1)[-1]
    return name.startswith(".") and _TEMP_MARK in name


def _temp_relpath(relpath: str) -> str:
    directory, _, name = relpath.rpartition("/")
    return f"{directory}/.{name}{_TEMP_MARK}{uuid.uuid4().hex[:12]}"


def _exists(root: DatasetRoot, relpath: str) -> bool:
    return root.fs.get_file_info(root.path(relpath)).type == pafs.FileType.File


def _delete_if_exists(root: DatasetRoot, relpath: str) -> None:
    if _exists(root, relpath):
        root.fs.delete_file(root.path(relpath))


# --- atomic file writes -----------------------------------------------------------------------


def _stage(root: DatasetRoot, temp_relpath: str, write: Callable[[IO[bytes]], None]) -> None:
    """Write a temporary file completely; on a local disk, also make it durable (fsync).

    The fsync matters because the rename that follows is only atomic for content the kernel
    has been asked to persist: without it a power cut could publish an empty file.
    """
    path = root.path(temp_relpath)
    root.fs.create_dir(path.rpartition("/")[0], recursive=True)
    if root.is_local:
        with open(path, "xb") as sink:
            write(sink)
            sink.flush()
            os.fsync(sink.fileno())
    else:
        with root.fs.open_output_stream(path) as sink:
            write(sink)


def _publish(root: DatasetRoot, temp_relpath: str, relpath: str) -> None:
    """Rename a finished temporary to its final name (atomic on POSIX; a copy on S3)."""
    source, target = root.path(temp_relpath), root.path(relpath)
    if root.is_local:
        os.replace(source, target)
        _fsync_dir(os.path.dirname(target))
    else:
        root.fs.move(source, target)


def _fsync_dir(directory: str) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_bytes_atomic(root: DatasetRoot, relpath: str, payload: bytes) -> None:
    temp = _temp_relpath(relpath)
    try:
        _stage(root, temp, lambda sink: sink.write(payload))
        _publish(root, temp, relpath)
    except BaseException:
        _delete_if_exists(root, temp)
        raise


def write_json_atomic(root: str | os.PathLike[str] | DatasetRoot, relpath: str, obj: Any) -> None:
    """Write `obj` as JSON at `<root>/<relpath>`: readers see the old file or the new, never half.

    Dates and datetimes become ISO strings, sets sorted lists, paths strings.
    """
    payload = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False, default=_json_default)
    _write_bytes_atomic(resolve_root(root), relpath.strip("/"), payload.encode() + b"\n")


def _json_default(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset):
        return sorted(value)
    if isinstance(value, os.PathLike):
        return os.fspath(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _read_json(root: DatasetRoot, relpath: str) -> Any:
    with root.fs.open_input_stream(root.path(relpath)) as source:
        return json.loads(source.read())


# --- rows to typed tables ---------------------------------------------------------------------


def to_table(table_name: str, rows: Rows, defaults: Mapping[str, Any] | None = None) -> pa.Table:
    """Cast incoming rows to the table's explicit schema.

    Missing nullable columns become nulls and `defaults` fill missing or null values.
    Unknown columns and missing required values raise ValueError: a typo in a producer must
    fail loudly rather than silently drop data.
    """
    schema = TABLES[table_name]
    fills = {name: value for name, value in (defaults or {}).items() if name in schema.names}
    if isinstance(rows, pa.Table):
        table = _cast_table(table_name, schema, rows, fills)
    else:
        table = _table_from_rows(table_name, schema, rows, fills)
    _check_required(table_name, table)
    metadata = {"newsclean.table": table_name, "newsclean.schema_version": str(SCHEMA_VERSION)}
    return table.replace_schema_metadata(metadata)


def _table_from_rows(
    table_name: str, schema: pa.Schema, rows: Sequence[Mapping[str, Any]], fills: Mapping
) -> pa.Table:
    """Column by column: a batch has tens of thousands of `removed` rows, and converting
    one Python list per column is several times faster than merging run-level values into
    every row dict and handing pyarrow a list of dicts."""
    present = set(itertools.chain.from_iterable(rows))  # every row's keys
    _reject_unknown(table_name, present - set(schema.names))
    arrays = []
    for schema_field in schema:
        name = schema_field.name
        if name in present:
            array = pa.array([row.get(name) for row in rows], type=schema_field.type)
        else:
            array = pa.nulls(len(rows), schema_field.type)
        if name in fills:
            array = array.fill_null(pa.scalar(fills[name], schema_field.type))
        arrays.append(array)
    return pa.Table.from_arrays(arrays, schema=schema)


def _cast_table(table_name: str, schema: pa.Schema, table: pa.Table, fills: Mapping) -> pa.Table:
    _reject_unknown(table_name, set(table.column_names) - set(schema.names))
    columns = []
    for schema_field in schema:
        if schema_field.name in table.column_names:
            column = table.column(schema_field.name).cast(schema_field.type)
        else:
            column = pa.nulls(table.num_rows, schema_field.type)
        if schema_field.name in fills:
            column = column.fill_null(pa.scalar(fills[schema_field.name], schema_field.type))
        columns.append(column)
    return pa.Table.from_arrays(columns, schema=schema)


def _reject_unknown(table_name: str, unknown: set[str]) -> None:
    if unknown:
        raise ValueError(f"{table_name}: unknown columns {sorted(unknown)}")


def _check_required(table_name: str, table: pa.Table) -> None:
    for schema_field in table.schema:
        missing = table.column(schema_field.name).null_count
        if not schema_field.nullable and missing:
            raise ValueError(
                f"{table_name}.{schema_field.name} is required: {missing} rows lack it"
            )


# --- Parquet encoding ------------------------------------------------------------------------


def _write_parquet(sink: IO[bytes], table_name: str, table: pa.Table) -> None:
    schema = table.schema
    flat = [f.name for f in schema if not pa.types.is_nested(f.type)]
    writer = pq.ParquetWriter(
        sink,
        schema,
        compression="zstd",
        compression_level=ZSTD_LEVEL,
        use_dictionary=[c for c in DICTIONARY_COLUMNS[table_name] if c in schema.names],
        write_statistics=[c for c in flat if c not in NO_STATISTICS_COLUMNS],
    )
    with writer:
        max_rows = ROW_GROUP_MAX_ROWS[table_name]
        for offset, length in row_group_bounds(table, max_rows, ROW_GROUP_MAX_BYTES):
            writer.write_table(table.slice(offset, length), row_group_size=length)


def _rows_kept(table: pa.Table, keep: list[bool]) -> pa.Table:
    """The rows whose `keep` is true. The table itself when all are: a filter copies every
    column (the raw table's pages too), even when it keeps every row."""
    return table if all(keep) else table.filter(pa.array(keep, pa.bool_()))


def row_group_bounds(table: pa.Table, max_rows: int, max_bytes: int) -> list[tuple[int, int]]:
    """(offset, length) slices holding at most `max_rows` rows and about `max_bytes` of data.

    A single row bigger than `max_bytes` still gets a group of its own.
    """
    sizes = _row_sizes(table)
    bounds: list[tuple[int, int]] = []
    start, used = 0, 0
    for row, size in enumerate(sizes.tolist()):
        if row > start and (row - start >= max_rows or used + size > max_bytes):
            bounds.append((start, row - start))
            start, used = row, 0
        used += size
    if table.num_rows > start:
        bounds.append((start, table.num_rows - start))
    return bounds


def _row_sizes(table: pa.Table) -> np.ndarray:
    """Approximate bytes per row: string and binary payloads plus a fixed overhead."""
    sizes = np.full(table.num_rows, 64, dtype=np.int64)
    for column in table.columns:
        if (
            pa.types.is_string(column.type)
            or pa.types.is_binary(column.type)
            or (pa.types.is_large_string(column.type) or pa.types.is_large_binary(column.type))
        ):
            lengths = pc.fill_null(pc.binary_length(column), 0)
            sizes += lengths.to_numpy().astype(np.int64)
    return sizes


def _read_file(root: DatasetRoot, relpath: str, columns: list[str] | None = None) -> pa.Table:
    """One file's rows, without the partition column a hive-aware reader would add."""
    with root.fs.open_input_file(root.path(relpath)) as source:
        return pq.ParquetFile(source).read(columns=columns)


def _scan_keys(root: DatasetRoot, table_name: str, relpath: str) -> tuple[int, list[IndexKey]]:
    """Row count and index keys of a file, reading only its key columns (old schemas too)."""
    with root.fs.open_input_file(root.path(relpath)) as source:
        parquet = pq.ParquetFile(source)
        present = set(parquet.schema_arrow.names)
        wanted = [name for name in KEY_COLUMNS[table_name] if name in present]
        keys = index_keys(table_name, parquet.read(columns=wanted))
        return parquet.metadata.num_rows, keys


# --- batches and their outcome ---------------------------------------------------------------


@dataclass(slots=True)
class BatchRows:
    """The rows one batch adds, per table: lists of dicts or pyarrow Tables.

    `removed` rows are kept only for articles this batch actually writes.
    """

    articles: Rows = field(default_factory=list)
    removed: Rows = field(default_factory=list)
    rejects: Rows = field(default_factory=list)
    raw: Rows = field(default_factory=list)
    aliases: Rows = field(default_factory=list)

    def by_table(self) -> dict[str, Rows]:
        return {name: getattr(self, name) for name in TABLES}


def _zero_counts() -> dict[str, int]:
    return dict.fromkeys(TABLES, 0)


@dataclass(slots=True)
class BatchStats:
    """What a batch did: rows written and rows dropped as already stored, per table.

    `duplicates["articles"]` includes articles recorded as aliases instead (their alias rows
    count in `written["aliases"]`). In replace mode, `retracted` counts the stored rows
    dropped because the batch re-derived them, per table, and `replaced` the stored articles
    among them; `files` lists the published Parquet files (relative to the root), rewritten
    ones included.
    """

    written: dict[str, int] = field(default_factory=_zero_counts)
    duplicates: dict[str, int] = field(default_factory=_zero_counts)
    retracted: dict[str, int] = field(default_factory=_zero_counts)
    replaced: int = 0
    files: list[str] = field(default_factory=list)

    def add(self, other: BatchStats) -> None:
        for name in TABLES:
            self.written[name] += other.written[name]
            self.duplicates[name] += other.duplicates[name]
            self.retracted[name] += other.retracted[name]
        self.replaced += other.replaced
        self.files.extend(other.files)


@dataclass(slots=True)
class _Staged:
    """A fully written temporary file waiting for its batch's commit."""

    table_name: str
    temp: str
    final: str
    table: pa.Table


@dataclass(slots=True)
class _Retraction:
    """Stored rows a replace-mode batch re-derives: what goes, and where it lived.

    `rewrites` maps each affected file to the rows it keeps; `keys` holds the dedup keys of
    the dropped rejects and aliases (they must not count as "already stored"); `partitions`
    maps derivation keys and doc_ids to the partition of the row they replace, so a new
    version lands where the old one was.
    """

    derivations: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    keys: dict[str, set[str]] = field(default_factory=lambda: {"rejects": set(), "aliases": set()})
    rewrites: dict[str, pa.Table] = field(default_factory=dict)
    partitions: dict[str, str] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=_zero_counts)


@dataclass(slots=True)
class _Plan:
    """The rows a batch will write after dedup, grouped by table and partition."""

    rows: dict[str, dict[str, pa.Table]]
    retraction: _Retraction
    stats: BatchStats


# --- the writer ---------------------------------------------------------------------------------


class DatasetWriter:
    """Appends batches to the dataset under `root`, deduplicated, one Parquet file per table.

    Open one writer per run and reuse it: opening reconciles the index with every file in
    the dataset (cheap locally, a key-column scan of the whole dataset for remote roots).
    Any number of writers in any number of processes may share a local root; a remote root
    takes one writer at a time. One writer may be shared by threads: its calls take turns.

    Replace mode (`newsclean reclean`) re-derives rows: every incoming article or reject
    carries its derivation, (`source`, `raw_sha256`), and the stored rows with the same
    derivation are its older version. They are retracted: stored articles with that
    derivation and their `removed` rows, stored rejects with it, and stored aliases recorded
    for that source. Each file holding them is rewritten without them (read whole, filtered,
    written anew, the old one deleted, all in the batch's commit), and the new rows go to
    the partition the old ones lived in. So an article the new cleaners reject becomes a
    reject and loses its article row, a reject they now accept becomes an article, and an
    article whose text changed replaces its old version. Within one writer a derivation is
    replaced once: a second document with an already re-derived doc_id stays a duplicate, so
    "first stored wins" holds as in append mode. Cost: one read and one write per affected
    file, so reclean in batches that follow the stored order (per raw file) to rewrite each
    file once. The writer remembers the derivations it handled (about 100 bytes each).
    """

    def __init__(
        self,
        root: str | os.PathLike[str] | DatasetRoot,
        run_id: str,
        *,
        ingest_date: date | None = None,
        replace: bool = False,
        stale_temp_after: timedelta = STALE_TEMP_AFTER,
    ) -> None:
        self.root = resolve_root(root)
        self.run_id = run_id
        self.ingest_date = ingest_date or datetime.now(UTC).date()
        self.replace = replace
        self.totals = BatchStats()
        self._file_prefix = re.sub(r"[^A-Za-z0-9_.-]", "_", run_id).lstrip("._") or "run"
        self._sequence = itertools.count(1)
        self._handled_derivations: set[str] = set()
        self._thread_lock = threading.Lock()
        self._lock = DatasetLock(self.root.lock_path)
        with self._lock:
            self._index = KeyIndex(self.root.index_path)
            self._recover()
            self._remove_stale_temps(stale_temp_after)
            self._reconcile()

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        with self._thread_lock:
            self._index.close()

    # Cheap look-ups for the ingest flow. They read the index without the lock, so they are
    # hints for skipping work early; write_batch still drops duplicates under the lock.

    def has_raw(self, raw_sha256: str) -> bool:
        return bool(self.known_raw([raw_sha256]))

    def known_raw(self, raw_sha256s: Iterable[str]) -> set[str]:
        with self._thread_lock:
            return self._index.known("raw", raw_sha256s)

    def has_article(self, doc_id: str) -> bool:
        with self._thread_lock:
            return bool(self._index.known("articles", [doc_id]))

    def known_sources(
        self, sources: Iterable[str], tables: Iterable[str] = SOURCE_TABLES
    ) -> set[str]:
        """Which `sources` already appear in the given tables (by default any of them)."""
        with self._thread_lock:
            return self._index.known([source_kind(name) for name in tables], sources)

    def write_batch(self, batch: BatchRows) -> BatchStats:
        """Deduplicate a batch against everything stored and publish what is new."""
        now = datetime.now(UTC)
        tables = {
            name: to_table(name, rows, self._defaults(now))
            for name, rows in batch.by_table().items()
        }
        with self._thread_lock, self._lock:
            self._recover()
            plan = self._plan(tables, now)
            staged, deleted = self._stage_plan(plan)
            if staged or deleted:
                self._commit(staged, deleted)
            self._handled_derivations |= plan.retraction.derivations
        plan.stats.files = [item.final for item in staged]
        self.totals.add(plan.stats)
        return plan.stats

    def _defaults(self, now: datetime) -> dict[str, Any]:
        defaults: dict[str, Any] = {
            "run_id": self.run_id,
            "pipeline_version": PIPELINE_VERSION,
            "schema_version": SCHEMA_VERSION,
        }
        defaults.update(dict.fromkeys(ROW_TIME_COLUMNS, now))
        return defaults

    # --- dedup -------------------------------------------------------------------------------

    def _plan(self, tables: dict[str, pa.Table], now: datetime) -> _Plan:
        stats = BatchStats()
        retraction = self._retraction(tables) if self.replace else _Retraction()
        articles, aliases = self._select_articles(tables["articles"], now, stats, retraction)
        written_docs = set(articles.column("doc_id").to_pylist())
        removed = self._select_removed(tables["removed"], written_docs, stats)
        aliases = pa.concat_tables([tables["aliases"], aliases])
        selected = {
            "articles": articles,
            "removed": removed,
            "rejects": self._drop_known("rejects", tables["rejects"], stats, retraction),
            "raw": self._drop_known("raw", tables["raw"], stats, retraction),
            "aliases": self._drop_known("aliases", aliases, stats, retraction),
        }
        rows = {
            name: self._split_by_partition(name, table, retraction.partitions)
            for name, table in selected.items()
        }
        for name, table in selected.items():
            stats.written[name] = table.num_rows
        stats.retracted = dict(retraction.counts)
        stats.replaced = retraction.counts["articles"]
        return _Plan(rows, retraction, stats)

    def _select_articles(
        self, articles: pa.Table, now: datetime, stats: BatchStats, retraction: _Retraction
    ) -> tuple[pa.Table, pa.Table]:
        """Keep new articles; record other inputs of a stored article as alias rows.

        An input becomes an alias of a stored (or earlier in the batch) article when its
        text is already stored under another doc_id, or when it maps to a stored doc_id
        from another source (the same bytes at a new path, two URLs with one canonical
        URL). The same source again is a plain duplicate. Articles being retracted do not
        count as stored: their new version is written in their place.
        """
        doc_ids = articles.column("doc_id").to_pylist()
        hashes = articles.column("content_sha256").to_pylist()
        sources = articles.column("source").to_pylist()
        stored = self._index.known("articles", doc_ids) - retraction.docs
        article_sources = self._index.known(source_kind("articles"), sources)
        content_owner = {
            content: owner
            for content, owner in self._index.owners("content", hashes).items()
            if owner not in retraction.docs
        }
        keep: list[bool] = []
        alias_rows: list[dict[str, Any]] = []
        taken: set[str] = set()
        rows = zip(doc_ids, hashes, sources, strict=True)
        for row, (doc_id, content_sha, source) in enumerate(rows):
            is_known = doc_id in taken or doc_id in stored
            owner = doc_id if is_known else content_owner.get(content_sha)
            if owner is None:
                keep.append(True)
                taken.add(doc_id)
                article_sources.add(source)
                content_owner.setdefault(content_sha, doc_id)
                continue
            keep.append(False)
            if owner != doc_id or source not in article_sources:
                alias_rows.append(_alias_row(articles, row, owner))
        stats.duplicates["articles"] = keep.count(False)
        aliases = to_table("aliases", alias_rows, self._defaults(now))
        return _rows_kept(articles, keep), aliases

    def _select_removed(self, removed: pa.Table, doc_ids: set[str], stats: BatchStats) -> pa.Table:
        """Removed blocks of the articles being written, each (doc_id, position) once."""
        written = pa.array(sorted(doc_ids), pa.string())
        wanted = removed.filter(pc.is_in(removed["doc_id"], value_set=written))
        pairs_kept = wanted.group_by(["doc_id", "position"]).aggregate([]).num_rows
        if pairs_kept == wanted.num_rows:  # the usual case: no page twice in the batch
            stats.duplicates["removed"] = removed.num_rows - wanted.num_rows
            return wanted
        seen: set[tuple[str, int]] = set()
        keep: list[bool] = []
        pairs = zip(removed["doc_id"].to_pylist(), removed["position"].to_pylist(), strict=True)
        for pair in pairs:
            keep.append(pair[0] in doc_ids and pair not in seen)
            seen.add(pair)
        stats.duplicates["removed"] = keep.count(False)
        return _rows_kept(removed, keep)

    def _drop_known(
        self, table_name: str, table: pa.Table, stats: BatchStats, retraction: _Retraction
    ) -> pa.Table:
        """Drop rows whose key is stored already (and stays) or repeats earlier in the batch."""
        keys = _row_keys(table_name, table)
        known = self._index.known(table_name, keys) - retraction.keys.get(table_name, set())
        seen: set[str] = set()
        keep: list[bool] = []
        for key in keys:
            keep.append(key not in known and key not in seen)
            seen.add(key)
        stats.duplicates[table_name] += keep.count(False)
        return _rows_kept(table, keep)

    # --- replace mode ------------------------------------------------------------------------

    def _retraction(self, tables: dict[str, pa.Table]) -> _Retraction:
        """Find and read the stored rows this batch re-derives (see the class docstring)."""
        retraction = _Retraction()
        incoming = _derivations(tables["articles"]) | _derivations(tables["rejects"])
        retraction.derivations = incoming - self._handled_derivations
        if not retraction.derivations:
            return retraction
        sources = {key.partition(KEY_SEPARATOR)[0] for key in retraction.derivations}
        affected: set[str] = set()
        for _key, doc_id, relpath in self._index.holders(DERIVED_KIND, retraction.derivations):
            affected.add(relpath)
            if doc_id is not None:
                retraction.docs.add(doc_id)
        for paths in self._index.files_holding("removed", retraction.docs).values():
            affected |= paths
        for paths in self._index.files_holding(source_kind("aliases"), sources).values():
            affected |= paths
        for relpath in sorted(affected):
            self._retract_from_file(relpath, retraction, sources)
        return retraction

    def _retract_from_file(self, relpath: str, retraction: _Retraction, sources: set[str]) -> None:
        """Split one stored file into the rows it keeps and the rows being re-derived."""
        table_name, partition = relpath.split("/")[:2]
        table = _read_file(self.root, relpath)
        if table_name in _PER_ARTICLE:
            doomed = [doc_id in retraction.docs for doc_id in table.column("doc_id").to_pylist()]
        elif table_name == "aliases":
            doomed = [source in sources for source in table.column("source").to_pylist()]
        else:
            doomed = [key in retraction.derivations for key in _row_derivations(table)]
        mask = pa.array(doomed, pa.bool_())
        dropped = table.filter(mask)
        retraction.rewrites[relpath] = table.filter(pc.invert(mask))
        retraction.counts[table_name] += dropped.num_rows
        if table_name in ("rejects", "aliases"):
            retraction.keys[table_name].update(_row_keys(table_name, dropped))
        if table_name in ("articles", "rejects"):
            for key in _row_derivations(dropped):
                retraction.partitions.setdefault(key, partition)
        if table_name == "articles":
            for doc_id in dropped.column("doc_id").to_pylist():
                retraction.partitions.setdefault(doc_id, partition)

    def _split_by_partition(
        self, table_name: str, table: pa.Table, partitions: dict[str, str]
    ) -> dict[str, pa.Table]:
        """Rows grouped by partition: today's, or the one of the row they replace."""
        if table.num_rows == 0:
            return {}
        labels = self._partition_labels(table_name, table, partitions)
        distinct = list(dict.fromkeys(labels))
        if len(distinct) == 1:
            return {distinct[0]: table}  # the usual case: no copy of the batch
        label_array = pa.array(labels, pa.string())
        return {label: table.filter(pc.equal(label_array, label)) for label in distinct}

    def _partition_labels(
        self, table_name: str, table: pa.Table, partitions: dict[str, str]
    ) -> list[str]:
        """Each row's partition. Articles are labelled first (`_plan` passes tables in
        TABLES order) and record their doc_id's label, which their `removed` rows follow;
        an article whose doc_id changed still lands where its derivation lived."""
        default = f"{PARTITION_COLUMN}={self.ingest_date.isoformat()}"
        if not partitions or table_name not in ("articles", "removed", "rejects"):
            return [default] * table.num_rows
        if table_name == "removed":
            return [partitions.get(d, default) for d in table.column("doc_id").to_pylist()]
        by_derivation = [partitions.get(key or "", default) for key in _row_derivations(table)]
        if table_name == "rejects":
            return by_derivation
        doc_ids = table.column("doc_id").to_pylist()
        labels = [partitions.get(d, found) for d, found in zip(doc_ids, by_derivation, strict=True)]
        for doc_id, label in zip(doc_ids, labels, strict=True):
            partitions.setdefault(doc_id, label)
        return labels

    # --- staging and commit ------------------------------------------------------------------

    def _stage_plan(self, plan: _Plan) -> tuple[list[_Staged], list[str]]:
        """Write every temporary file of the batch; on failure remove them and re-raise."""
        staged: list[_Staged] = []
        try:
            for table_name, partitions in plan.rows.items():
                for partition, table in partitions.items():
                    relpath = f"{table_name}/{partition}/{self._next_file_name()}"
                    staged.append(self._stage_table(table_name, relpath, table))
            deleted = self._stage_rewrites(plan.retraction, staged)
        except BaseException:
            for item in staged:
                _delete_if_exists(self.root, item.temp)
            raise
        return staged, deleted

    def _stage_rewrites(self, retraction: _Retraction, staged: list[_Staged]) -> list[str]:
        """Stage copies of the files holding retracted rows, without those rows."""
        for relpath, remaining in sorted(retraction.rewrites.items()):
            if remaining.num_rows:
                table_name = relpath.split("/")[0]
                directory = relpath.rpartition("/")[0]
                new_relpath = f"{directory}/{self._next_file_name()}"
                staged.append(self._stage_table(table_name, new_relpath, remaining))
        return sorted(retraction.rewrites)

    def _stage_table(self, table_name: str, relpath: str, table: pa.Table) -> _Staged:
        temp = _temp_relpath(relpath)
        item = _Staged(table_name, temp, relpath, table)
        _stage(self.root, temp, lambda sink: _write_parquet(sink, table_name, table))
        return item

    def _next_file_name(self) -> str:
        return f"{self._file_prefix}-{next(self._sequence):05d}-{uuid.uuid4().hex[:12]}.parquet"

    def _commit(self, staged: list[_Staged], deleted: list[str]) -> None:
        """Publish the journal (the commit point), then apply it, index it and drop it."""
        journal = {
            "created": [[item.table_name, item.temp, item.final] for item in staged],
            "deleted": deleted,
            "run_id": self.run_id,
        }
        journal_relpath = f"{JOURNAL_DIR}/{uuid.uuid4().hex}.json"
        write_json_atomic(self.root, journal_relpath, journal)
        _apply_journal(self.root, journal)
        added = [
            (
                item.final,
                item.table_name,
                item.table.num_rows,
                index_keys(item.table_name, item.table),
            )
            for item in staged
        ]
        self._index.replace_files(added, deleted)
        _delete_if_exists(self.root, journal_relpath)

    # --- recovery -----------------------------------------------------------------------------

    def _recover(self) -> None:
        """Finish batches whose writer died after its commit point (caller holds the lock)."""
        for info in list_files(self.root, JOURNAL_DIR):
            journal_relpath = self.root.relpath(info.path)
            if not journal_relpath.endswith(".json") or _is_temp_file(journal_relpath):
                continue
            journal = _read_json(self.root, journal_relpath)
            _apply_journal(self.root, journal)
            added = [
                (final, table_name, *_scan_keys(self.root, table_name, final))
                for table_name, _temp, final in journal["created"]
                if _exists(self.root, final)
            ]
            self._index.replace_files(added, journal["deleted"])
            _delete_if_exists(self.root, journal_relpath)

    def _remove_stale_temps(self, older_than: timedelta) -> None:
        """Delete temporaries left by dead writers. Age-based, so it is safe without a lock."""
        cutoff = datetime.now(UTC) - older_than
        for under in (*TABLES, INDEX_DIR):
            for info in list_files(self.root, under):
                relpath = self.root.relpath(info.path)
                if _is_temp_file(relpath) and info.mtime is not None and info.mtime <= cutoff:
                    _delete_if_exists(self.root, relpath)

    def _reconcile(self) -> None:
        """Make the index match the files: index unknown files, forget vanished ones.

        Covers an index deleted or lost, files copied in by hand, partitions deleted to be
        re-ingested, and files written by older code.
        """
        on_disk = {rel: name for name in TABLES for rel in data_files(self.root, name)}
        indexed = self._index.indexed_files()
        added = [
            (rel, name, *_scan_keys(self.root, name, rel))
            for rel, name in sorted(on_disk.items())
            if rel not in indexed
        ]
        self._index.replace_files(added, sorted(indexed - on_disk.keys()))


def _apply_journal(root: DatasetRoot, journal: Mapping[str, Any]) -> None:
    """Rename a journal's temporaries, then delete its superseded files. Idempotent."""
    for _table_name, temp, final in journal["created"]:
        if _exists(root, temp):
            _publish(root, temp, final)
    for relpath in journal["deleted"]:
        _delete_if_exists(root, relpath)


def _alias_row(articles: pa.Table, row: int, owner: str) -> dict[str, Any]:
    """The aliases row for an article whose content is already stored under `owner`."""
    return {
        "doc_id": owner,
        "source": articles.column("source")[row].as_py(),
        "url": articles.column("url")[row].as_py(),
        "content_sha256": articles.column("content_sha256")[row].as_py(),
    }


def _row_derivations(table: pa.Table) -> list[str | None]:
    """Each row's derivation key (`source`, `raw_sha256`); None without raw bytes."""
    sources = table.column("source").to_pylist()
    hashes = table.column("raw_sha256").to_pylist() if "raw_sha256" in table.column_names else []
    hashes = hashes or [None] * len(sources)
    return [
        derivation_key(source, sha) if source is not None and sha is not None else None
        for source, sha in zip(sources, hashes, strict=True)
    ]


def _derivations(table: pa.Table) -> set[str]:
    return {key for key in _row_derivations(table) if key is not None}


def _row_keys(table_name: str, table: pa.Table) -> list[str]:
    """The dedup key of every row of rejects, raw or aliases, in row order."""
    column = table.column
    if table_name == "raw":
        return column("raw_sha256").to_pylist()
    if table_name == "rejects":
        parts = (column(c).to_pylist() for c in ("source", "reason", "raw_sha256"))
        return [reject_key(*values) for values in zip(*parts, strict=True)]
    if table_name == "aliases":
        parts = (column(c).to_pylist() for c in ("doc_id", "source", "url"))
        return [alias_key(*values) for values in zip(*parts, strict=True)]
    raise ValueError(f"no row key for table {table_name}")


# --- reading ----------------------------------------------------------------------------------


def open_dataset(root: str | os.PathLike[str] | DatasetRoot, table_name: str) -> ds.Dataset:
    """A pyarrow dataset over one table's published files, with `ingest_date` as a date.

    The schema unifies the current one with every file's own, so partitions written by older
    versions stay readable: a column a file lacks reads as null. Temporaries are never
    listed. Engines reading the files directly should allow differing schemas too (DuckDB:
    `read_parquet('<root>/<table>/**/*.parquet', hive_partitioning=true, union_by_name=true)`).
    """
    # Imported here, for readers only: importing it imports pandas at once when pandas is
    # installed. (pyarrow also imports pandas the first time it converts a Python list, so a
    # worker pays that 0.2 s in its first batch either way; this only keeps it out of start.)
    import pyarrow.dataset as ds

    root = resolve_root(root)
    paths = [root.path(rel) for rel in data_files(root, table_name)]
    return ds.dataset(
        paths,
        schema=_unified_schema(root, table_name, paths),
        format=ds.ParquetFileFormat(),
        filesystem=root.fs,
        partitioning=ds.partitioning(
            pa.schema([pa.field(PARTITION_COLUMN, pa.date32())]), flavor="hive"
        ),
        partition_base_dir=root.path(table_name),
    )


def partition_date(relpath: str) -> date | None:
    """The `ingest_date` of a file from its `<table>/ingest_date=YYYY-MM-DD/...` path."""
    for part in relpath.split("/"):
        name, _, value = part.partition("=")
        if name == PARTITION_COLUMN:
            try:
                return date.fromisoformat(value)
            except ValueError:
                return None
    return None


def stored_raw_files(
    root: str | os.PathLike[str] | DatasetRoot, start: date | None, end: date | None
) -> list[str]:
    """The raw table's files whose partition lies in [start, end] (either end open), sorted."""
    root = resolve_root(root)
    selected = []
    for relpath in data_files(root, "raw"):
        day = partition_date(relpath)
        if day is not None and (start is None or day >= start) and (end is None or day <= end):
            selected.append(relpath)
    return selected


RAW_DOCUMENT_COLUMNS = ("content", "source", "url", "media_type", "charset", "fetched_at")
_RAW_READ_ROWS = 64


def read_raw_documents(
    root: str | os.PathLike[str] | DatasetRoot, relpath: str
) -> Iterator[RawDocument]:
    """A raw file's rows as the `RawDocument`s they were stored from, a few rows at a time.

    Raw row groups hold up to 64 MB of pages; reading 64 rows at a time keeps memory at a
    few pages whatever the file's size. Columns an older file lacks read as None.
    """
    root = resolve_root(root)
    with root.fs.open_input_file(root.path(relpath)) as source:
        parquet = pq.ParquetFile(source)
        present = [name for name in RAW_DOCUMENT_COLUMNS if name in parquet.schema_arrow.names]
        for record_batch in parquet.iter_batches(batch_size=_RAW_READ_ROWS, columns=present):
            for row in record_batch.to_pylist():
                yield RawDocument(
                    content=row["content"],
                    source=row["source"],
                    url=row.get("url"),
                    media_type=row.get("media_type"),
                    charset=row.get("charset"),
                    fetched_at=row.get("fetched_at"),
                )


def _unified_schema(root: DatasetRoot, table_name: str, paths: list[str]) -> pa.Schema:
    current = TABLES[table_name]
    file_schemas = list(
        {pq.read_schema(path, filesystem=root.fs).remove_metadata(): None for path in paths}
    )
    unified = pa.unify_schemas([current, *file_schemas], promote_options="permissive")
    fields = [
        f.with_nullable(True) if any(f.name not in s.names for s in file_schemas) else f
        for f in unified
    ]
    return pa.schema([*fields, pa.field(PARTITION_COLUMN, pa.date32())], current.metadata)
