"""The `ingest` Prefect flow: sources -> batches -> `clean_batch` tasks -> one DatasetWriter.

Where the work happens, and why:

- **The flow process does the I/O.** It walks paths, reads WARC/JSONL files, fetches URLs
  with ONE polite `Fetcher` (threads, per-host limits), expands feeds and sitemaps, and
  writes every finished batch with ONE `DatasetWriter`. Keeping I/O here means one
  robots.txt cache, one politeness budget per host and one dedup index per run.
- **Tasks do the CPU.** Documents are grouped into batches (default 500 documents or
  32 MB) and each batch is one `clean_batch` task. A Prefect task run costs about 140 ms
  of worker CPU and some client and server CPU, so a task per document would cost far
  more than cleaning it (see `flows.defaults`).
- **Memory is bounded.** Sources are iterators; at most `max_in_flight` batches
  (default 2 per worker) are submitted and not yet written, and one more is held back
  (see `iter_batches`: the last two are re-cut so the workers finish together); a task
  returns compact Arrow tables, not Python objects.
- **Nothing is fatal per input.** Sources and the fetcher turn unreadable inputs into
  `FailedInput`s; `clean_batch` turns an exception on one document into an
  `internal_error` reject; a batch whose task fails outright becomes one such reject per
  document. All of them are `rejects` rows.
- **Re-runs are cheap.** URLs already stored are not fetched again, and local documents
  whose source and bytes are both stored are not cleaned again (the writer's index
  answers both); the writer still drops any duplicate that slips through. Feeds and
  sitemaps are re-read with conditional requests: their ETag/Last-Modified persist in
  `<output>/_index/validators.sqlite`, saved only once the run has stored what they listed
  (see `flows.state.PendingValidators`).
- **Stored raw pages are inputs too.** `raw_dates` adds the raw rows of a range of
  `raw/ingest_date=...` partitions (a backfill from stored bytes, no fetching); the
  `reclean` flow (flows/backfill.py) runs the same batches in replace mode.

`run_flow_on` picks the task runner (process pool, threads, or a Dask cluster) and runs a
flow; `run_ingest` does so for `ingest`; the CLI (`newsclean ingest`, `backfill`) is a thin
wrapper around it. Long runs report progress through `flows.progress` (a bar on a terminal).
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache, partial
from typing import Any

import pyarrow as pa
from prefect import Flow, flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from cleaners import PIPELINE_VERSION, CleanConfig, RawDocument, RejectReason, clean
from flows import credentials, memory, progress, scanner_cache
from flows.defaults import DEFAULT_BATCH_BYTES, DEFAULT_BATCH_SIZE
from flows.fetch import FetchConfig, Fetcher, NotModified, redact_url
from flows.records import FailedInput, SourceItem
from flows.rows import DocumentRows, document_rows, failed_input_row
from flows.schema import SCHEMA_VERSION
from flows.sinks import (
    MANIFEST_DIR,
    BatchRows,
    BatchStats,
    DatasetWriter,
    read_raw_documents,
    resolve_root,
    stored_raw_files,
    to_table,
    write_json_atomic,
)
from flows.sources import (
    DiscoveryError,
    iter_paths,
    parse_feed,
    parse_sitemap,
    read_url_list,
    sniff_discovery_kind,
)
from flows.state import PendingValidators, SqliteValidatorStore

DEFAULT_FETCH_THREADS = 8
DEFAULT_FETCH_DELAY = 0.5
# A sitemap index may point at further indexes; real sites nest one or two levels.
MAX_SITEMAP_DEPTH = 3

CLEANED_TABLES = ("articles", "removed", "rejects", "raw")
FEED_KINDS = frozenset({"rss", "atom"})
SITEMAP_KINDS = frozenset({"sitemap", "sitemapindex"})
BAD_FEED = "bad_feed"
BAD_SITEMAP = "bad_sitemap"

# Tables whose `source` means "this URL's bytes were stored": such a URL is not fetched
# again. A URL that only ever failed (a 404, a timeout) is retried on the next run.
FETCHED_SOURCE_TABLES = ("articles", "aliases", "raw")
# Tables whose `source` means "this input was cleaned and recorded". `raw` counts too when
# raw bytes are kept: it is the only trace of a document dropped as a duplicate doc_id.
RECORDED_SOURCE_TABLES = ("articles", "aliases", "rejects")

_URL_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


class BatchBoundary:
    """A marker in an input stream: close the current batch here.

    Replace mode rewrites every stored file holding a row it re-derives, so batches that
    follow the stored files (one raw file, one batch) rewrite each file once.
    """

    def __repr__(self) -> str:
        return "BATCH_BOUNDARY"


BATCH_BOUNDARY = BatchBoundary()
StreamItem = SourceItem | BatchBoundary


# --- the cleaning task ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CleanOptions:
    """What a worker needs to clean a batch: small and picklable (no step objects)."""

    language_detector: str | None = "langdetect"
    keep_raw: bool = True
    html_extraction: str = "adaptive"


class DocumentBatch:
    """A batch's documents in a wrapper that task runners pass through as one opaque value.

    Not a bare list: Prefect walks lists and dataclasses in task parameters looking for
    futures (time spent on every field of every document), and Prefect's usual escape hatch,
    `quote`, is a namedtuple that Dask's graph parser rebuilds wrongly (the task received
    `quote(((documents,),))`). A plain object is neither walked nor rebuilt, only pickled.
    """

    __slots__ = ("documents",)

    def __init__(self, documents: list[RawDocument]) -> None:
        self.documents = documents

    def __len__(self) -> int:
        return len(self.documents)


@dataclass(slots=True)
class CleanedBatch:
    """A batch's rows as typed Arrow tables (compact to pickle), and what cleaning cost."""

    tables: dict[str, pa.Table]
    clean_seconds: float


@cache
def _clean_config(language_detector: str | None, html_extraction: str = "adaptive") -> CleanConfig:
    """One config per worker process: building the step list once, not once per batch."""
    return CleanConfig(language_detector=language_detector, html_extraction=html_extraction)


_WARM_UP_LOCK = threading.Lock()
_warmed_up: set[str | None] = set()
_WARM_UP_PAGE = RawDocument(
    content=(
        b"Harbour council approves new ferry timetable\n\n"
        b"The harbour council voted on Tuesday evening to approve a new ferry timetable that "
        b"adds two early crossings and restores the late service that was cut last winter.\n\n"
        b"Commuters had complained for months that the first ferry left too late for workers "
        b"on the mainland, and a petition collected four thousand signatures in a week.\n"
    ),
    source="newsclean-warm-up",
    media_type="text/plain",
)


def ready_config(language_detector: str | None, html_extraction: str = "adaptive") -> CleanConfig:
    """The worker's config, after one page was cleaned with it, under a lock.

    Language detectors load their models on first use, and langdetect's loading is not
    thread-safe: two threads of one Dask worker starting at once get "Need to load
    profiles" errors or wrong languages. One locked warm-up per process and detector makes
    every later, concurrent call find the models loaded. The cue scanners come from the
    file cache when it has them (`flows.scanner_cache`: 1.5 s less per worker start).
    """
    with _WARM_UP_LOCK:
        config = _clean_config(language_detector, html_extraction)
        if language_detector not in _warmed_up:
            scanner_cache.prepare()
            clean(_WARM_UP_PAGE, config)
            _warmed_up.add(language_detector)
    return config


def run_defaults(run_id: str, now: datetime) -> dict[str, Any]:
    """Run-level column values shared by every row of a batch."""
    return {
        "run_id": run_id,
        "pipeline_version": PIPELINE_VERSION,
        "schema_version": SCHEMA_VERSION,
        "ingested_at": now,
        "at": now,
    }


def clean_documents(
    documents: list[RawDocument], options: CleanOptions, run_id: str
) -> CleanedBatch:
    """Clean every document of a batch into typed tables; never raises for one document."""
    started = time.perf_counter()
    config = ready_config(options.language_detector, options.html_extraction)
    clean_one = partial(clean, config=config)
    rows = DocumentRows()
    for raw in documents:
        rows.extend(document_rows(raw, clean_one, keep_raw=options.keep_raw))
    defaults = run_defaults(run_id, datetime.now(UTC))
    tables = {name: to_table(name, getattr(rows, name), defaults) for name in CLEANED_TABLES}
    return CleanedBatch(tables, time.perf_counter() - started)


@task(
    name="clean_batch",
    task_run_name="clean-batch-{batch_number}",
    cache_policy=NO_CACHE,
    persist_result=False,
    log_prints=False,
)
def clean_batch(
    batch: DocumentBatch, options: CleanOptions, run_id: str, batch_number: int
) -> CleanedBatch:
    """One task per batch: the unit of parallelism (a worker process or a Dask worker)."""
    return clean_documents(batch.documents, options, run_id)


# --- inputs -----------------------------------------------------------------------------------


def is_url(text: str) -> bool:
    """Inputs with a scheme are URLs (the fetcher rejects schemes it does not speak)."""
    return bool(_URL_SCHEME.match(text))


def split_inputs(inputs: Iterable[str], url_lists: Iterable[str]) -> tuple[list[str], list[str]]:
    """(paths, urls): URL arguments first, then each `--urls` file's lines, duplicates once."""
    paths = [item for item in inputs if not is_url(item)]
    urls = [item for item in inputs if is_url(item)]
    for url_list in url_lists:
        urls.extend(read_url_list(url_list))
    return paths, list(dict.fromkeys(urls))


@dataclass(slots=True)
class InputTally:
    """What the input side saw; every field ends up in the run summary."""

    documents: int = 0
    skipped_known: int = 0
    failed: int = 0
    not_modified: int = 0
    urls_skipped_known: int = 0
    feeds: int = 0
    discovered_urls: int = 0
    stored_raw: int = 0


class InputStream:
    """Every input of a run as one stream of `SourceItem`s, minus what is already stored.

    Each input consumed (read, fetched, skipped as known, answered 304) advances
    `flows.progress` by one; the URLs a feed lists grow the expected total.
    """

    def __init__(
        self,
        writer: DatasetWriter,
        fetcher: Fetcher,
        *,
        fetch_threads: int = DEFAULT_FETCH_THREADS,
        check_raw: bool = True,
        validators: PendingValidators | None = None,
    ) -> None:
        self.writer = writer
        self.fetcher = fetcher
        self.fetch_threads = fetch_threads
        self.check_raw = check_raw
        self.validators = validators
        self.tally = InputTally()

    def items(
        self, paths: list[str], urls: list[str], stored: Iterable[StreamItem] = ()
    ) -> Iterator[StreamItem]:
        """Local documents, then stored raw pages, then fetched pages; known ones dropped."""
        yield from self._unknown(iter_paths(paths), self._already_ingested)
        yield from self._unknown(self._counted_stored(stored), self._already_recorded)
        if urls:
            yield from self._unknown(self._fetch_inputs(urls), self._already_ingested)

    def _unknown(
        self, items: Iterable[StreamItem], is_known: Callable[[RawDocument], bool]
    ) -> Iterator[StreamItem]:
        """Count every input, report progress, and drop documents `is_known` recognises."""
        for item in items:
            if isinstance(item, BatchBoundary):
                yield item
                continue
            progress.advance()
            if isinstance(item, FailedInput):
                self.tally.failed += 1
                yield item
            elif is_known(item):
                self.tally.skipped_known += 1
            else:
                self.tally.documents += 1
                yield item

    def _counted_stored(self, stored: Iterable[StreamItem]) -> Iterator[StreamItem]:
        for item in stored:
            self.tally.stored_raw += not isinstance(item, BatchBoundary)
            yield item

    def _already_ingested(self, raw: RawDocument) -> bool:
        """Same source and (when raw bytes are kept) same bytes: nothing new to learn.

        Requiring the bytes too means an edited file at a known path is cleaned again.
        Without raw bytes kept, a known source is all there is to go on.
        """
        if not self.check_raw:
            return self._already_recorded(raw)
        source_known = self.writer.known_sources([raw.source], (*RECORDED_SOURCE_TABLES, "raw"))
        return bool(source_known) and self.writer.has_raw(raw.sha256)

    def _already_recorded(self, raw: RawDocument) -> bool:
        """The input is an article, an alias or a reject already.

        What a stored raw page is checked against: the raw table holds it by definition,
        so only these say whether it was cleaned (and a deleted `articles` partition, say,
        is re-derived by a backfill over the output's own raw pages).
        """
        return bool(self.writer.known_sources([raw.source], RECORDED_SOURCE_TABLES))

    def _unknown_urls(self, urls: Iterable[str]) -> Iterator[str]:
        """URLs whose pages are not stored yet (lazily: `urls` may be a long iterator)."""
        for url in urls:
            if self.writer.known_sources([redact_url(url)], FETCHED_SOURCE_TABLES):
                self.tally.urls_skipped_known += 1
                progress.advance()
            else:
                yield url

    def _fetch_inputs(self, urls: list[str]) -> Iterator[SourceItem]:
        """Fetch the URLs the user gave; a feed or sitemap expands into its articles."""
        for result in self.fetcher.fetch_many(self._unknown_urls(urls), self.fetch_threads):
            if isinstance(result, NotModified):
                self.tally.not_modified += 1
                progress.advance()
                continue
            kind = sniff_discovery_kind(result.content) if isinstance(result, RawDocument) else None
            if isinstance(result, RawDocument) and (kind in FEED_KINDS or kind in SITEMAP_KINDS):
                progress.advance()
                yield from self._expand(result, kind, depth=0)
            else:
                yield result

    def _expand(self, listing: RawDocument, kind: str, depth: int) -> Iterator[SourceItem]:
        """The articles a feed or sitemap lists, fetched; nested sitemap indexes followed.

        The listing's validators are kept (for a conditional request next time) only when
        every page it lists was fetched: a 304 would otherwise hide a page that failed
        today from tomorrow's run. Sitemap indexes are always re-read in full, because an
        unchanged index can point at changed sitemaps.
        """
        complete = True
        for item in self._expanded_items(listing, kind, depth):
            complete = complete and not isinstance(item, FailedInput)
            yield item
        if self.validators is not None and (not complete or kind == "sitemapindex"):
            self.validators.discard(listing.source)

    def _expanded_items(self, listing: RawDocument, kind: str, depth: int) -> Iterator[SourceItem]:
        self.tally.feeds += 1
        base_url = listing.url or listing.source
        try:
            if kind in FEED_KINDS:
                page_urls = [entry.url for entry in parse_feed(listing.content, base_url)]
                child_sitemaps: list[str] = []
            else:
                sitemap = parse_sitemap(listing.content, base_url)
                page_urls = [entry.url for entry in sitemap.urls]
                child_sitemaps = [entry.url for entry in sitemap.sitemaps]
        except DiscoveryError as error:
            reason = BAD_FEED if kind in FEED_KINDS else BAD_SITEMAP
            yield _listing_failure(listing, reason, str(error))
            return
        self.tally.discovered_urls += len(page_urls)
        progress.grow(len(page_urls) + len(child_sitemaps))
        yield from self._fetch_pages(page_urls)
        yield from self._follow_sitemaps(listing, child_sitemaps, depth)

    def _fetch_pages(self, page_urls: list[str]) -> Iterator[SourceItem]:
        for result in self.fetcher.fetch_many(self._unknown_urls(page_urls), self.fetch_threads):
            if isinstance(result, NotModified):
                self.tally.not_modified += 1
                progress.advance()
            else:
                yield result

    def _follow_sitemaps(
        self, parent: RawDocument, child_urls: list[str], depth: int
    ) -> Iterator[SourceItem]:
        if child_urls and depth + 1 >= MAX_SITEMAP_DEPTH:
            detail = f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH} levels"
            yield _listing_failure(parent, BAD_SITEMAP, detail)
            return
        for result in self.fetcher.fetch_many(child_urls, self.fetch_threads):
            if isinstance(result, RawDocument):
                progress.advance()
                kind = sniff_discovery_kind(result.content) or "sitemap"
                yield from self._expand(result, kind, depth + 1)
            elif isinstance(result, FailedInput):
                yield result
            else:
                self.tally.not_modified += 1
                progress.advance()


def _listing_failure(listing: RawDocument, reason: str, detail: str) -> FailedInput:
    return FailedInput(
        source=listing.source,
        reason=reason,
        detail=detail,
        url=listing.url,
        raw_sha256=listing.sha256,
    )


# --- batching -------------------------------------------------------------------------------


@dataclass(slots=True)
class Batch:
    """Documents for one `clean_batch` task, and the failed inputs met since the last one."""

    number: int
    documents: list[RawDocument] = field(default_factory=list)
    failures: list[FailedInput] = field(default_factory=list)
    n_bytes: int = 0


def iter_batches(
    items: Iterable[StreamItem], batch_size: int, batch_bytes: int, tail_pieces: int = 1
) -> Iterator[Batch]:
    """Group a stream into batches closed by document count, by total bytes, or by a
    `BATCH_BOUNDARY` in the stream, numbered from 1.

    Failed inputs ride along with the next batch (they need no cleaning); a long run of
    them is closed by count too, so they never pile up unboundedly.

    With `tail_pieces` > 1, the last two batches are re-cut into that many equal ones, so
    that the workers finish together: cut only by size, a 300-page backfill on two workers
    runs as 200 + 100 pages and one core idles for a third of the run. To know which
    batches are the last two, a closed batch is held back until the stream shows one more
    item after the batch behind it: the first batch goes to the workers once two are read,
    not three (reading a batch of 230 HTML pages takes the flow about 0.3 s). A stream with
    boundaries keeps its batches as cut (replace mode rewrites one stored file per batch).
    """
    stream = _Lookahead(items)
    held: list[Batch] = []
    saw_boundary = False
    number = 0
    for batch, closed_by_boundary in _cut_batches(stream, batch_size, batch_bytes):
        saw_boundary = saw_boundary or closed_by_boundary
        held.append(batch)
        if tail_pieces <= 1 or (len(held) > 1 and stream.has_more()):
            number += 1
            yield _numbered(held.pop(0), number)
    tail = held if saw_boundary else _recut(held, tail_pieces)
    for batch in tail:
        number += 1
        yield _numbered(batch, number)


class _Lookahead(Iterator[StreamItem]):
    """An iterator that can tell whether another item follows, by reading it early."""

    _NONE: Any = object()

    def __init__(self, items: Iterable[StreamItem]) -> None:
        self._items = iter(items)
        self._next: Any = self._NONE

    def __next__(self) -> StreamItem:
        if self._next is self._NONE:
            return next(self._items)
        item, self._next = self._next, self._NONE
        return item

    def has_more(self) -> bool:
        if self._next is self._NONE:
            self._next = next(self._items, self._NONE)
        return self._next is not self._NONE


def _cut_batches(
    items: Iterable[StreamItem], batch_size: int, batch_bytes: int
) -> Iterator[tuple[Batch, bool]]:
    """Batches by count, bytes and boundaries, each with whether a boundary closed it."""
    batch = Batch(number=0)
    for item in items:
        if isinstance(item, BatchBoundary):
            if batch.documents or batch.failures:
                yield batch, True
                batch = Batch(number=0)
            continue
        if isinstance(item, FailedInput):
            batch.failures.append(item)
        else:
            batch.documents.append(item)
            batch.n_bytes += len(item.content)
        full = len(batch.documents) >= batch_size or batch.n_bytes >= batch_bytes
        if full or len(batch.failures) >= batch_size:
            yield batch, False
            batch = Batch(number=0)
    if batch.documents or batch.failures:
        yield batch, False


MIN_TAIL_PIECE_DOCUMENTS = 10


def _recut(batches: list[Batch], pieces: int) -> list[Batch]:
    """The documents of `batches` in `pieces` batches of (nearly) equal count, none under
    MIN_TAIL_PIECE_DOCUMENTS; their failed inputs ride with the first."""
    documents = [doc for batch in batches for doc in batch.documents]
    failures = [failure for batch in batches for failure in batch.failures]
    pieces = max(1, min(pieces, len(documents) // MIN_TAIL_PIECE_DOCUMENTS))
    if pieces == 1:
        return batches
    size, extra = divmod(len(documents), pieces)
    recut, start = [], 0
    for index in range(pieces):
        end = start + size + (index < extra)
        part = documents[start:end]
        recut.append(
            Batch(0, part, failures if index == 0 else [], sum(len(d.content) for d in part))
        )
        start = end
    return recut


def _numbered(batch: Batch, number: int) -> Batch:
    batch.number = number
    return batch


# --- the run summary --------------------------------------------------------------------------


@dataclass(slots=True)
class RunTally:
    """What the batches produced: counts of rows made this run, before deduplication."""

    batches: int = 0
    articles: int = 0
    rejects: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    clean_seconds: float = 0.0
    write_seconds: float = 0.0

    def add(self, rows: BatchRows, clean_seconds: float, write_seconds: float) -> None:
        self.batches += 1
        self.articles += rows.articles.num_rows
        self.languages.update(rows.articles.column("language").to_pylist())
        self.removed.update(rows.removed.column("kind").to_pylist())
        self.rejects.update(rows.rejects.column("reason").to_pylist())
        self.clean_seconds += clean_seconds
        self.write_seconds += write_seconds


def build_summary(
    *,
    run_id: str,
    output: str,
    inputs: list[str],
    tally: InputTally,
    produced: RunTally,
    stored: BatchStats,
    timings: dict[str, float | None],
    task_runner: str,
    flow_name: str = "ingest",
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The run summary: returned by the flow, written as the manifest, shown as an artifact."""
    return {
        "run_id": run_id,
        "flow": flow_name,
        "prefect_flow_run_id": _prefect_flow_run_id(),
        "output": output,
        "pipeline_version": PIPELINE_VERSION,
        "schema_version": SCHEMA_VERSION,
        "task_runner": task_runner,
        "finished_at": datetime.now(UTC).isoformat(),
        "inputs": {
            # Inputs as given, minus any user:password in a URL: the manifest is on disk.
            "given": [redact_url(i) if "://" in i else i for i in inputs],
            "documents": tally.documents,
            "skipped_known": tally.skipped_known,
            "urls_skipped_known": tally.urls_skipped_known,
            "failed": tally.failed,
            "not_modified": tally.not_modified,
            "feeds": tally.feeds,
            "discovered_urls": tally.discovered_urls,
            "stored_raw": tally.stored_raw,
        },
        "batches": produced.batches,
        "articles": produced.articles,
        "rejects": _sorted_counts(produced.rejects),
        "removed": _sorted_counts(produced.removed),
        "languages": _sorted_counts(produced.languages),
        "written": dict(stored.written),
        "duplicates": dict(stored.duplicates),
        "retracted": dict(stored.retracted),
        "timings": {
            **timings,
            "clean_task_seconds": round(produced.clean_seconds, 3),
            "write_seconds": round(produced.write_seconds, 3),
        },
        **(extra or {}),
    }


def _prefect_flow_run_id() -> str | None:
    """The Prefect flow run behind this summary, to go from a manifest to the run's logs."""
    from prefect.runtime import flow_run

    run_id = flow_run.id
    return str(run_id) if run_id else None


def _sorted_counts(counts: Counter[str]) -> dict[str, int]:
    """Most frequent first, ties by name: stable output for manifests and tests."""
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def summary_markdown(summary: dict[str, Any]) -> str:
    """The run summary as a Prefect markdown artifact: the numbers a reviewer looks at."""
    inputs, timings = summary["inputs"], summary["timings"]
    retracted = summary.get("retracted", {})
    lines = [
        f"# newsclean {summary.get('flow', 'ingest')} `{summary['run_id']}`",
        "",
        f"Output: `{summary['output']}`; task runner: {summary['task_runner']}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| documents read | {inputs['documents']} |",
        f"| skipped (already stored) | {inputs['skipped_known'] + inputs['urls_skipped_known']} |",
        f"| not modified (HTTP 304) | {inputs.get('not_modified', 0)} |",
        f"| failed inputs | {inputs['failed']} |",
        f"| articles | {summary['articles']} |",
        f"| new article rows | {summary['written']['articles']} |",
        f"| rejects | {sum(summary['rejects'].values())} |",
        f"| replaced article rows | {retracted.get('articles', 0)} |",
        f"| startup seconds | {timings['startup_seconds']} |",
        f"| processing seconds | {timings['processing_seconds']} |",
    ]
    for title, counts in (
        ("Rejects by reason", summary["rejects"]),
        ("Removed blocks by kind", summary["removed"]),
        ("Languages", summary["languages"]),
    ):
        lines += ["", f"## {title}", "", "| value | count |", "|---|---|"]
        lines += [f"| {name} | {count} |" for name, count in counts.items()] or ["| - | 0 |"]
    return "\n".join(lines) + "\n"


def publish_summary(summary: dict[str, Any]) -> None:
    """Write the manifest (`_manifests/<run_id>.json`) and the Prefect markdown artifact."""
    flow_name = summary.get("flow", "ingest")
    write_json_atomic(summary["output"], f"{MANIFEST_DIR}/{summary['run_id']}.json", summary)
    create_markdown_artifact(
        markdown=summary_markdown(summary),
        key=f"newsclean-{flow_name}-summary",
        description=f"newsclean {flow_name} run {summary['run_id']}",
    )


def timings_since(started: float, requested_at: float | None) -> dict[str, float | None]:
    """Startup (command start to flow start, when known) and processing seconds."""
    return {
        "startup_seconds": None if requested_at is None else round(started - requested_at, 3),
        "processing_seconds": round(time.time() - started, 3),
    }


# --- the batch pipeline ---------------------------------------------------------------------


@dataclass(slots=True)
class _InFlight:
    """A submitted batch: its future, its failed inputs, and what to blame if it crashes.

    `finished` is set by the future's done-callback (a public API of every Prefect future,
    whichever runner made it), so the flow can write finished batches without blocking.
    """

    future: PrefectFuture[CleanedBatch] | None
    failures: list[FailedInput]
    documents: list[tuple[str, str | None, str]]
    finished: threading.Event = field(default_factory=threading.Event)
    task_error: BaseException | None = None

    def __post_init__(self) -> None:
        if self.future is None:
            self.finished.set()
        else:
            self.future.add_done_callback(lambda _future: self.finished.set())


def make_run_id(now: datetime | None = None) -> str:
    """Sortable and unique: `20261122T185000Z-1a2b3c4d` (UTC start, then a random tag)."""
    moment = now or datetime.now(UTC)
    return f"{moment:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"


def failed_batch_rows(in_flight: _InFlight, error: BaseException) -> list[dict[str, Any]]:
    """When a whole task dies (a worker killed, a pickling error), each document is a reject."""
    detail = f"batch task failed: {type(error).__name__}: {error}"[:500]
    return [
        {
            "source": source,
            "url": url,
            "reason": RejectReason.INTERNAL_ERROR.value,
            "detail": detail,
            "raw_sha256": sha,
        }
        for source, url, sha in in_flight.documents
    ]


def collect_rows(in_flight: _InFlight, run_id: str) -> tuple[BatchRows, float]:
    """Wait for a batch and merge its cleaned tables with its failed inputs' rejects."""
    defaults = run_defaults(run_id, datetime.now(UTC))
    extra_rejects = [failed_input_row(failure) for failure in in_flight.failures]
    clean_seconds = 0.0
    tables: dict[str, pa.Table] | None = None
    if in_flight.future is not None:
        try:
            cleaned = in_flight.future.result()
            tables, clean_seconds = cleaned.tables, cleaned.clean_seconds
        except Exception as error:
            in_flight.task_error = error
            extra_rejects += failed_batch_rows(in_flight, error)
    if tables is None:  # no documents, or a task that died: empty tables to add rejects to
        tables = {name: to_table(name, [], defaults) for name in CLEANED_TABLES}
    rejects = tables["rejects"]
    if extra_rejects:
        rejects = pa.concat_tables([rejects, to_table("rejects", extra_rejects, defaults)])
    rows = BatchRows(
        articles=tables["articles"],
        removed=tables["removed"],
        rejects=rejects,
        raw=tables["raw"],
    )
    return rows, clean_seconds


@dataclass(frozen=True, slots=True)
class BatchPlan:
    """How a run cuts its stream into tasks and how many it keeps in flight."""

    batch_size: int = DEFAULT_BATCH_SIZE
    batch_bytes: int = DEFAULT_BATCH_BYTES
    max_in_flight: int = 4


def run_batches(
    items: Iterable[StreamItem],
    writer: DatasetWriter,
    options: CleanOptions,
    plan: BatchPlan,
    logger: Any,
    on_failed_task: Callable[[], None] | None = None,
) -> RunTally:
    """Clean a stream in `clean_batch` tasks and write each finished batch, in input order.

    Blocks only when too many batches are out, but writes a finished head batch at once,
    so memory is freed and progress shows. A batch whose task failed outright is written
    as rejects (its pages' bytes are lost), and `on_failed_task` is told.
    """
    produced = RunTally()
    in_flight: deque[_InFlight] = deque()

    def write_head() -> None:
        head = in_flight.popleft()
        _write(head, writer, produced, logger)
        failed = head.task_error is not None
        del head
        memory.release_finished_batch()
        if failed and on_failed_task is not None:
            on_failed_task()

    with memory.frozen_start_up_heap():
        batches = iter_batches(items, plan.batch_size, plan.batch_bytes, plan.max_in_flight)
        for batch in batches:
            in_flight.append(_submit(batch, options, writer.run_id))
            while in_flight and (
                len(in_flight) > plan.max_in_flight or in_flight[0].finished.is_set()
            ):
                write_head()
        while in_flight:
            write_head()
    return produced


def _submit(batch: Batch, options: CleanOptions, run_id: str) -> _InFlight:
    """Start a batch's task (if it has documents); keep only small ids of its documents."""
    future = None
    if batch.documents:
        future = clean_batch.submit(DocumentBatch(batch.documents), options, run_id, batch.number)
    documents = [(doc.source, doc.url, doc.sha256) for doc in batch.documents]
    return _InFlight(future, batch.failures, documents)


def _write(in_flight: _InFlight, writer: DatasetWriter, produced: RunTally, logger: Any) -> None:
    rows, clean_seconds = collect_rows(in_flight, writer.run_id)
    started = time.perf_counter()
    stats = writer.write_batch(rows)
    produced.add(rows, clean_seconds, time.perf_counter() - started)
    logger.info(
        "batch %d: %d articles, %d rejects; new rows: %d articles, %d removed, %d rejects"
        "; replaced: %d articles",
        produced.batches,
        rows.articles.num_rows,
        rows.rejects.num_rows,
        stats.written["articles"],
        stats.written["removed"],
        stats.written["rejects"],
        stats.replaced,
    )


# --- the flow -------------------------------------------------------------------------------


def parse_date_range(dates: list[str | None] | None) -> tuple[date | None, date | None] | None:
    """`["2026-01-01", "2026-01-31"]` (either end may be None) as dates; None for no range."""
    if dates is None:
        return None
    if len(dates) != 2:
        raise ValueError(f"a date range is [from, to], got {dates!r}")
    start, end = (date.fromisoformat(text) if text else None for text in dates)
    if start and end and start > end:
        raise ValueError(f"the range starts after it ends: {start} > {end}")
    return start, end


@flow(name="newsclean-ingest", persist_result=False, log_prints=False)
def ingest(
    inputs: list[str],
    output: str = "output",
    url_lists: list[str] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    language_detector: str = "langdetect",
    html_extraction: str = "adaptive",
    allow_private: bool = False,
    respect_robots: bool = True,
    fetch_delay: float = DEFAULT_FETCH_DELAY,
    fetch_threads: int = DEFAULT_FETCH_THREADS,
    keep_raw: bool = True,
    max_in_flight: int = 4,
    requested_at: float | None = None,
    raw_dates: list[str | None] | None = None,
    raw_root: str | None = None,
) -> dict[str, Any]:
    """Ingest paths, URLs, URL lists, feeds, sitemaps and stored raw pages into `output`.

    `raw_dates` (`[from, to]`, ISO dates, either end open) adds the raw rows stored under
    `raw_root` (default: `output`) in that range of `ingest_date` partitions, cleaned as
    new inputs: what the output already records is skipped. `requested_at` (epoch seconds,
    set by the CLI when the command started) lets the summary separate Prefect's startup
    time from the processing time.
    """
    started = time.time()
    logger = get_run_logger()
    run_id = make_run_id()
    paths, urls = split_inputs(inputs, url_lists or [])
    urls = [credentials.restore(url) for url in urls]
    date_range = parse_date_range(raw_dates)
    options = CleanOptions(
        language_detector=language_detector, keep_raw=keep_raw, html_extraction=html_extraction
    )
    fetch_config = FetchConfig(
        allow_private=allow_private, respect_robots=respect_robots, per_host_delay=fetch_delay
    )
    plan = BatchPlan(batch_size, batch_bytes, max_in_flight)
    with (
        DatasetWriter(output, run_id) as writer,
        _validator_store(output) as validators,
        Fetcher(fetch_config, validators=validators) as fetcher,
    ):
        stream = InputStream(
            writer, fetcher, fetch_threads=fetch_threads, check_raw=keep_raw, validators=validators
        )
        stored = stored_raw_items(raw_root or output, *date_range) if date_range else ()
        # A failed task loses its pages' bytes: a 304 must not hide them (or the feed that
        # listed them) next time, so everything held back so far is dropped.
        produced = run_batches(
            stream.items(paths, urls, stored),
            writer,
            options,
            plan,
            logger,
            on_failed_task=validators.discard_all,
        )
        # Every batch is written: the documents the new validators describe are stored.
        validators_saved = validators.commit()
        stored_stats = writer.totals
    summary = build_summary(
        run_id=run_id,
        output=output,
        inputs=list(inputs) + list(url_lists or []),
        tally=stream.tally,
        produced=produced,
        stored=stored_stats,
        timings=timings_since(started, requested_at),
        task_runner=running_task_runner(),
        extra={"raw_dates": raw_dates, "validators_saved": validators_saved},
    )
    publish_summary(summary)
    return summary


def stored_raw_items(root: str, start: date | None, end: date | None) -> Iterator[StreamItem]:
    """The raw pages stored under `root` in a range of partitions, a batch boundary after
    each file (so replace mode rewrites each stored file once)."""
    dataset_root = resolve_root(root)
    for relpath in stored_raw_files(dataset_root, start, end):
        yield from read_raw_documents(dataset_root, relpath)
        yield BATCH_BOUNDARY


@contextmanager
def _validator_store(output: str) -> Iterator[PendingValidators]:
    """The output's persistent validators, behind a buffer committed once batches are stored."""
    path = resolve_root(output).validators_path
    store = SqliteValidatorStore(path) if path is not None else None
    try:
        yield PendingValidators(store)
    finally:
        if store is not None:
            store.close()


# --- choosing where tasks run ------------------------------------------------------------------


def make_task_runner(workers: int, dask_address: str | None = None) -> TaskRunner:
    """Dask when an address is given, else a process pool for >1 worker, else one thread."""
    if dask_address:
        from prefect_dask import DaskTaskRunner

        return DaskTaskRunner(address=dask_address)
    if workers > 1:
        return WarmProcessPoolTaskRunner(max_workers=workers)
    return ThreadPoolTaskRunner(max_workers=1)


def warm_up_worker(language_detector: str | None) -> None:
    """A worker process's start: import the flow code and load the cleaners' models.

    Never raises: an initializer that fails breaks the whole pool, while a detector that
    cannot load is better reported by the batches themselves (as `internal_error` rejects).
    """
    with contextlib.suppress(Exception):
        ready_config(language_detector)
    with contextlib.suppress(Exception):
        _load_prefect_collections()


def _load_prefect_collections() -> None:
    """Import the installed Prefect collections (prefect-dask, and with it distributed) now.

    Prefect does it, once per process, when a worker builds its first task's run context;
    that took about 0.4 s of each worker's first batch."""
    from prefect._internal.plugins.collections import load_prefect_collections

    load_prefect_collections()


class WarmProcessPoolTaskRunner(ProcessPoolTaskRunner):
    """Prefect's process pool, whose workers can be started before the flow run.

    A worker takes about 2 s to start: it imports Prefect and the flow code (1.1 s) and
    loads the stop lists, lexicons and langdetect's profiles. Prefect starts workers at
    the first task, after the temporary API server (5 s) and the flow run have started, so
    every run waits for them. `start_workers` spawns and warms them up at once, while the
    server starts; entering the runner then adopts them. It does what Prefect's own
    `__enter__` does with a pool made earlier: the same worker initializer, fed the same
    message queue, so task logs and events still reach the flow process. If this Prefect
    version lacks the parts it relies on, it does nothing and the pool starts as usual.
    """

    _early: tuple[Any, ProcessPoolExecutor] | None = None

    def start_workers(self, language_detector: str | None) -> None:
        """Spawn the workers now; each warms up for `language_detector` as it starts."""
        import multiprocessing

        from prefect import task_runners

        initialize = getattr(task_runners, "_initialize_process_pool_worker", None)
        if initialize is None or not hasattr(self, "_forward_subprocess_messages"):
            return
        context = multiprocessing.get_context("spawn")
        queue = context.Queue()
        pool = ProcessPoolExecutor(
            max_workers=self._max_workers,
            mp_context=context,
            initializer=initialize,
            initargs=(queue, warm_up_worker, (language_detector,)),
        )
        for _ in range(self._max_workers):
            pool.submit(int)  # each submit spawns a worker while none is idle
        self._early = (queue, pool)

    def duplicate(self) -> WarmProcessPoolTaskRunner:
        """The flow engine enters a duplicate, which takes over the started workers. This
        runner stays bare: it is pickled with the flow to every task, and a process queue
        may only reach a worker as it spawns."""
        duplicate = super().duplicate()
        assert isinstance(duplicate, WarmProcessPoolTaskRunner)
        duplicate._early, self._early = self._early, None
        return duplicate

    def discard_workers(self) -> None:
        """Stop workers started for a run that never entered this runner (it failed first)."""
        if self._early is not None:
            queue, pool = self._early
            self._early = None
            pool.shutdown(wait=True, cancel_futures=True)
            queue.close()

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_early": None}  # a pool and a queue never travel

    def __enter__(self) -> WarmProcessPoolTaskRunner:
        if self._early is None:
            return super().__enter__()
        queue, pool = self._early
        self._early = None
        TaskRunner.__enter__(self)
        self._subprocess_message_queue = queue
        self._message_forwarding_thread = threading.Thread(
            target=self._forward_subprocess_messages,
            name="ProcessPoolTaskRunnerMessageForwarder",
            daemon=True,
        )
        self._message_forwarding_thread.start()
        self._executor = pool
        self._resolver_executor = ThreadPoolExecutor(max_workers=self._max_workers)
        return self


def describe_task_runner(runner: TaskRunner) -> str:
    """`ProcessPoolTaskRunner(4)`, `ThreadPoolTaskRunner(1)` or `dask(tcp://...)` (Prefect's
    names: a `WarmProcessPoolTaskRunner` is Prefect's process pool, started earlier)."""
    if type(runner).__name__ == "DaskTaskRunner":
        return f"dask({getattr(runner, 'address', None)})"
    name = "ProcessPoolTaskRunner" if isinstance(runner, ProcessPoolTaskRunner) else None
    return f"{name or type(runner).__name__}({getattr(runner, '_max_workers', '?')})"


def running_task_runner() -> str:
    """The task runner this flow run actually uses, read from its run context.

    Read at run time rather than passed in, so a summary cannot claim a runner the run did
    not have (a served deployment re-imported from its entrypoint, for one, would fall back
    to Prefect's default).
    """
    from prefect.context import FlowRunContext

    context = FlowRunContext.get()
    return describe_task_runner(context.task_runner) if context else "none"


@contextmanager
def shared_api(runner: TaskRunner) -> Iterator[None]:
    """Make worker processes report to the flow's Prefect API instead of starting their own.

    With no `PREFECT_API_URL` configured, Prefect starts a temporary server inside the
    process that first needs one. Worker processes of a `ProcessPoolTaskRunner` (and Dask
    workers) inherit the environment, not that in-process knowledge, so each would start its
    own temporary server: ~10 s per worker, and task runs recorded where nobody looks.
    Starting the server here and exporting its URL for the run makes every process use it.
    """
    if isinstance(runner, ThreadPoolTaskRunner) or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def run_flow_on(
    flow_to_run: Flow[..., dict[str, Any]],
    *args: Any,
    workers: int | None = None,
    dask_address: str | None = None,
    **flow_parameters: Any,
) -> dict[str, Any]:
    """Run a newsclean flow on the right task runner; returns its run summary.

    At most two batches per worker are in flight, which keeps every worker busy while the
    flow writes, and bounds memory to about `(2 * workers + 2) * batch_bytes` (one batch
    held back, one being filled).
    """
    workers = workers or os.cpu_count() or 1
    runner = make_task_runner(workers, dask_address)
    flow_parameters.setdefault("max_in_flight", 2 * workers)
    configured = flow_to_run.with_options(task_runner=runner)
    warm = configured.task_runner
    if isinstance(warm, WarmProcessPoolTaskRunner):
        # While the temporary API server starts: the workers' start no longer delays the run.
        warm.start_workers(flow_parameters.get("language_detector", "langdetect"))
    try:
        with shared_api(runner):
            return configured(*args, **flow_parameters)
    finally:
        if isinstance(warm, WarmProcessPoolTaskRunner):
            warm.discard_workers()


def run_ingest(
    inputs: list[str],
    *,
    workers: int | None = None,
    dask_address: str | None = None,
    **flow_parameters: Any,
) -> dict[str, Any]:
    """Run the `ingest` flow on the right task runner; returns the run summary.

    URL credentials are withheld from the flow's parameters (see `flows.credentials`).
    """
    return run_flow_on(
        ingest,
        credentials.withhold_all(inputs),
        workers=workers,
        dask_address=dask_address,
        **flow_parameters,
    )
