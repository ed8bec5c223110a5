"""Backfills and re-cleaning: large one-off runs over inputs given at once or stored raw pages.

- `newsclean backfill` runs the `ingest` flow (flows/ingest.py) over folders, URL lists,
  WARC files and/or a range of stored raw partitions (`--from/--to` over
  `raw/ingest_date=...`). It appends: whatever the output already records is skipped, so
  a backfill can be interrupted and re-run.
- `newsclean reclean` runs the `reclean` flow below: the current cleaners over stored raw
  rows, no fetching, with the writer in replace mode. Each raw row's older articles,
  removed blocks, rejects and aliases are replaced by what the current cleaners make of the
  same bytes (see `flows.sinks.DatasetWriter`). An article the current cleaners reject
  becomes a `rejects` row and its article and removed rows go; a reject they now accept
  becomes an article. Raw rows themselves are never rewritten.

Both show a progress bar on a terminal; `estimate_total` gives it a total, as cheaply as
the inputs allow (stat calls, line counts, WARC record headers, Parquet footers).
"""

from __future__ import annotations

import gzip
import os
import time
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import pyarrow.parquet as pq
from prefect import flow, get_run_logger

from flows import progress
from flows.ingest import (
    DEFAULT_BATCH_BYTES,
    DEFAULT_BATCH_SIZE,
    BatchBoundary,
    BatchPlan,
    CleanOptions,
    InputTally,
    StreamItem,
    build_summary,
    is_url,
    make_run_id,
    parse_date_range,
    publish_summary,
    run_batches,
    run_flow_on,
    running_task_runner,
    stored_raw_items,
    timings_since,
)
from flows.sinks import DatasetRoot, DatasetWriter, resolve_root, stored_raw_files
from flows.sources import SKIPPED_SUFFIXES, read_url_list

_WARC_SUFFIXES = (".warc", ".warc.gz")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


# --- the reclean flow ---------------------------------------------------------------------------


@flow(name="newsclean-reclean", persist_result=False, log_prints=False)
def reclean(
    output: str = "output",
    date_from: str | None = None,
    date_to: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    batch_bytes: int = DEFAULT_BATCH_BYTES,
    language_detector: str = "langdetect",
    html_extraction: str = "adaptive",
    max_in_flight: int = 4,
    requested_at: float | None = None,
) -> dict[str, Any]:
    """Clean the raw rows stored in `output` (partitions `date_from`..`date_to`, inclusive,
    either end open) with the current cleaners, replacing the rows older cleaners made."""
    started = time.time()
    run_id = make_run_id()
    start, end = parse_date_range([date_from, date_to]) or (None, None)
    options = CleanOptions(
        language_detector=language_detector, keep_raw=False, html_extraction=html_extraction
    )
    plan = BatchPlan(batch_size, batch_bytes, max_in_flight)
    tally = InputTally()
    with DatasetWriter(output, run_id, replace=True) as writer:
        items = _counted(stored_raw_items(output, start, end), tally)
        produced = run_batches(items, writer, options, plan, get_run_logger())
        stored = writer.totals
    summary = build_summary(
        run_id=run_id,
        output=output,
        inputs=[f"{output} raw {date_from or '...'}..{date_to or '...'}"],
        tally=tally,
        produced=produced,
        stored=stored,
        timings=timings_since(started, requested_at),
        task_runner=running_task_runner(),
        flow_name="reclean",
        extra={"raw_dates": [date_from, date_to], "replaced": stored.replaced},
    )
    publish_summary(summary)
    return summary


def _counted(items: Iterable[StreamItem], tally: InputTally) -> Iterator[StreamItem]:
    """Pass a stored-raw stream through, counting its documents and reporting progress."""
    for item in items:
        if not isinstance(item, BatchBoundary):
            tally.documents += 1
            tally.stored_raw += 1
            progress.advance()
        yield item


def run_reclean(
    output: str, *, workers: int | None = None, dask_address: str | None = None, **parameters: Any
) -> dict[str, Any]:
    """Run the `reclean` flow on the right task runner; returns its summary."""
    return run_flow_on(
        reclean, output=output, workers=workers, dask_address=dask_address, **parameters
    )


# --- how much work there is, for the progress bar -------------------------------------------------


def estimate_total(
    inputs: Iterable[str],
    url_lists: Iterable[str] = (),
    raw_root: str | None = None,
    raw_range: tuple[date | None, date | None] | None = None,
) -> int:
    """About how many inputs a run will consume: an ETA, not an invariant.

    Local files count one document each, WARC files their response records, JSON Lines
    files their non-blank lines; URLs count once (a feed then grows the total by what it
    lists); stored raw ranges count their rows from the Parquet footers.
    """
    inputs = list(inputs)
    total = sum(1 for item in inputs if is_url(item))
    total += sum(len(read_url_list(url_list)) for url_list in url_lists)
    total += sum(count_local_documents(item) for item in inputs if not is_url(item))
    if raw_root is not None and raw_range is not None:
        total += count_stored_raw(raw_root, *raw_range)
    return total


def count_stored_raw(root: str, start: date | None, end: date | None) -> int:
    dataset_root = resolve_root(root)
    return sum(
        _parquet_rows(dataset_root, relpath)
        for relpath in stored_raw_files(dataset_root, start, end)
    )


def _parquet_rows(root: DatasetRoot, relpath: str) -> int:
    with root.fs.open_input_file(root.path(relpath)) as source:
        return pq.ParquetFile(source).metadata.num_rows


def count_local_documents(path: str) -> int:
    """Documents under a file or folder, walked like `flows.sources.iter_paths` does."""
    if os.path.isfile(path):
        return _documents_in_file(path)
    total = 0
    for folder, subfolders, files in os.walk(path):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in files:
            if not name.startswith(".") and not name.lower().endswith(tuple(SKIPPED_SUFFIXES)):
                total += _documents_in_file(os.path.join(folder, name))
    return total


def _documents_in_file(path: str) -> int:
    lowered = path.lower()
    try:
        if lowered.endswith(_WARC_SUFFIXES):
            return _warc_responses(path)
        if lowered.endswith(_JSONL_SUFFIXES):
            return _non_blank_lines(path)
    except (OSError, EOFError, ValueError):
        return 1
    return 1


def _warc_responses(path: str) -> int:
    """Response records, from their headers only (payloads are skipped, not read)."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as stream:
        return sum(1 for record in ArchiveIterator(stream) if record.rec_type == "response")


def _non_blank_lines(path: str) -> int:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rb") as stream:
        return sum(1 for line in stream if line.strip())
