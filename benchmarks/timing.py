"""In-process, one-core measurements: the bare tools, the cleaners alone, where the time of
one document goes, and how cleaning time grows with input size.

Every figure here is single-threaded in this process, so it is what one core does; the
end-to-end runs (throughput.py) are compared against these, measured in the same run.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class LoopResult:
    """Documents handled and the seconds spent inside the timed call only."""

    documents: int
    seconds: float

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds else 0.0


def timed_loop(items: Iterable[Any], call: Callable[[Any], object]) -> LoopResult:
    """Time `call` on each item, excluding the time to produce the items (reading files)."""
    seconds = 0.0
    count = 0
    for item in items:
        started = time.perf_counter()
        call(item)
        seconds += time.perf_counter() - started
        count += 1
    return LoopResult(count, seconds)


# --- the bare tools ------------------------------------------------------------------------------


def bare_trafilatura(files: Iterable[Path]) -> LoopResult:
    """`trafilatura.extract` on each page's bytes, one core, the issue's options."""
    import trafilatura

    def extract(content: bytes) -> object:
        return trafilatura.extract(content, include_comments=False, include_tables=True)

    return timed_loop((path.read_bytes() for path in files), extract)


def _bare_trafilatura_share(files: list[Path], barrier: Any, spans: Any) -> None:
    """One process of `bare_trafilatura_in_processes`: warm up, wait for the others, time.
    A failure breaks the barrier, so the other processes fail too instead of waiting."""
    try:
        bare_trafilatura(files[:3])  # imports and first-call set-up, untimed
    except BaseException:
        barrier.abort()
        raise
    barrier.wait()
    started = time.perf_counter()
    bare_trafilatura(files)
    spans.put((started, time.perf_counter()))


def bare_trafilatura_in_processes(files: list[Path], processes: int) -> LoopResult:
    """The bare loop split over `processes` processes running at once, timed from the first
    start to the last end: how far the machine itself scales the bare library. It is the
    ceiling of the end-to-end ratio (on two cores of a shared host, two processes need not
    run at twice the speed of one)."""
    # Spawned, not forked: in the test suite, where Prefect's test server runs in threads
    # of the parent, forked children exited with status 1 before timing anything.
    context = multiprocessing.get_context("spawn")
    barrier, spans = context.Barrier(processes), context.Queue()
    workers = [
        context.Process(target=_bare_trafilatura_share, args=(files[i::processes], barrier, spans))
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:  # each puts one small tuple, so joining first cannot block
        worker.join()
    if any(worker.exitcode != 0 for worker in workers):
        raise RuntimeError(f"a bare trafilatura process failed: {[w.exitcode for w in workers]}")
    timed = [spans.get(timeout=5) for _ in workers]
    return LoopResult(len(files), max(end for _, end in timed) - min(start for start, _ in timed))


def bare_langdetect(files: Iterable[Path]) -> LoopResult:
    """`langdetect.detect` on each text, one core (errors on letterless text count too)."""
    from langdetect import detect
    from langdetect.lang_detect_exception import LangDetectException

    def detect_quietly(text: str) -> object:
        try:
            return detect(text)
        except LangDetectException:
            return None

    texts = (path.read_bytes().decode("utf-8", errors="replace") for path in files)
    return timed_loop(texts, detect_quietly)


# --- the cleaners alone --------------------------------------------------------------------------


def cleaners_alone(
    contents: list[bytes], detector: str | None, min_seconds: float = 3.0
) -> LoopResult:
    """`cleaners.clean` over the documents, round after round, for at least `min_seconds`."""
    from cleaners import CleanConfig, RawDocument, clean

    config = CleanConfig(language_detector=detector)
    documents = [
        RawDocument(content, source=f"doc-{i}.txt", media_type="text/plain")
        for i, content in enumerate(contents)
    ]
    for document in documents:  # warm up: lexicons, compiled patterns, detector models
        clean(document, config)
    total = LoopResult(0, 0.0)
    while total.seconds < min_seconds:
        one_round = timed_loop(documents, lambda document: clean(document, config))
        total = LoopResult(total.documents + one_round.documents, total.seconds + one_round.seconds)
    return total


# --- where one document's time goes --------------------------------------------------------------


class CallTimer:
    """Wraps a function and adds up the time spent in it."""

    def __init__(self, function: Callable[..., Any]) -> None:
        self.function = function
        self.seconds = 0.0
        self.calls = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return self.function(*args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - started
            self.calls += 1


class _TimedDetector:
    def __init__(self, detector: Any, timer: CallTimer) -> None:
        self.name = detector.name
        self._detect = detector.detect
        self._timer = timer

    def detect(self, text: str) -> Any:
        return self._timer(self._detect, text)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """Seconds per document of each stage of the pipeline, outside Prefect."""

    documents: int
    extraction: float | None  # trafilatura inside cleaners (None: not called, e.g. text)
    language: float
    cleaners_rest: float  # decoding, DOM evidence, steps, repair: clean() minus the above
    rows_and_arrow: float  # flows.rows + Arrow tables (the task's work beside clean())
    parquet: float  # DatasetWriter.write_batch: dedup index and Parquet files

    @property
    def total(self) -> float:
        return (
            (self.extraction or 0.0)
            + self.language
            + self.cleaners_rest
            + self.parquet
            + (self.rows_and_arrow)
        )

    def share_beside_extraction(self) -> float:
        """What cleaning, language and Parquet add on top of extraction, as a share of all."""
        return 1.0 - (self.extraction or 0.0) / self.total if self.total else 0.0


@contextmanager
def _instrumented() -> Iterator[dict[str, CallTimer]]:
    """Time trafilatura, the language detector and `clean` where the flow code calls them.

    Patching module attributes (not editing the code) keeps this honest about the shipped
    functions; if the cleaners stop calling these names, the timers read zero calls.
    """
    import trafilatura

    import cleaners.pipeline
    import flows.ingest

    timers = {
        "extraction": CallTimer(trafilatura.bare_extraction),
        "language": CallTimer(lambda function, text: function(text)),
        "clean": CallTimer(flows.ingest.clean),
    }
    original_get_detector = cleaners.pipeline.get_detector
    saved = (trafilatura.bare_extraction, original_get_detector, flows.ingest.clean)
    trafilatura.bare_extraction = timers["extraction"]
    cleaners.pipeline.get_detector = lambda name: _TimedDetector(  # type: ignore[assignment]
        original_get_detector(name), timers["language"]
    )
    flows.ingest.clean = timers["clean"]
    try:
        yield timers
    finally:
        trafilatura.bare_extraction, cleaners.pipeline.get_detector, flows.ingest.clean = saved


def pipeline_breakdown(files: list[Path], output: Path, batch_size: int = 50) -> Breakdown:
    """Run the flow's own batch function and writer over `files` in this process, timed."""
    from flows.ingest import CleanOptions, clean_documents
    from flows.sinks import BatchRows, DatasetWriter
    from flows.sources import iter_paths

    run_id = "20000101T000000Z-benchmrk"
    task_seconds = write_seconds = 0.0
    documents = [item for item in iter_paths([str(path) for path in files])]
    with _instrumented() as timers, DatasetWriter(str(output), run_id) as writer:
        for start in range(0, len(documents), batch_size):
            batch = documents[start : start + batch_size]
            started = time.perf_counter()
            cleaned = clean_documents(batch, CleanOptions(), run_id)
            task_seconds += time.perf_counter() - started
            tables = cleaned.tables
            started = time.perf_counter()
            writer.write_batch(
                BatchRows(
                    articles=tables["articles"],
                    removed=tables["removed"],
                    rejects=tables["rejects"],
                    raw=tables["raw"],
                )
            )
            write_seconds += time.perf_counter() - started
    n = len(documents)
    extraction = timers["extraction"].seconds if timers["extraction"].calls else None
    language = timers["language"].seconds
    clean_seconds = timers["clean"].seconds
    return Breakdown(
        documents=n,
        extraction=None if extraction is None else extraction / n,
        language=language / n,
        cleaners_rest=(clean_seconds - (extraction or 0.0) - language) / n,
        rows_and_arrow=(task_seconds - clean_seconds) / n,
        parquet=write_seconds / n,
    )


# --- linearity in input size ---------------------------------------------------------------------

PROSE = (
    "The council approved the budget on Tuesday after a long debate about bus fares. "
    "Residents asked for more evidence, and the mayor promised quarterly figures! "
    "Would the plan survive the winter? Officials said “yes”, but few were convinced. "
)


def single_line(size_bytes: int, shape: str) -> bytes:
    """One line of `size_bytes`: news-like prose, or one unbroken token (no spaces at all)."""
    unit = PROSE.encode() if shape == "prose" else b"a"
    return (unit * (size_bytes // len(unit) + 1))[:size_bytes]


def _clean_once(content: bytes, connection: Any) -> None:
    from cleaners import CleanConfig, RawDocument, clean

    limit = 4 * len(content) + 1024
    config = CleanConfig(max_bytes=limit, max_line_chars=limit, language_detector=None)
    document = RawDocument(content, source="line.txt", media_type="text/plain")
    clean(RawDocument(PROSE.encode(), source="warm-up.txt", media_type="text/plain"), config)
    started = time.perf_counter()
    result = clean(document, config)
    elapsed = time.perf_counter() - started
    reason = result.reject.reason.value if result.reject else "article"
    connection.send((elapsed, reason))


@dataclass(frozen=True, slots=True)
class LinearityResult:
    size_bytes: int
    shape: str
    seconds: float | None  # None: timed out
    outcome: str

    @property
    def seconds_per_mib(self) -> float | None:
        return None if self.seconds is None else self.seconds / (self.size_bytes / MiB)


def time_single_line(size_bytes: int, shape: str, timeout: float) -> LinearityResult:
    """Clean one single-line input in a child process, killed after `timeout` seconds.

    A child process, so that a super-linear case ends as a timeout instead of a hang.
    """
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_clean_once, args=(single_line(size_bytes, shape), sender))
    child.start()
    if receiver.poll(timeout):
        seconds, outcome = receiver.recv()
        child.join()
        return LinearityResult(size_bytes, shape, seconds, outcome)
    child.kill()
    child.join()
    return LinearityResult(size_bytes, shape, None, f"timeout after {timeout:.0f} s")
