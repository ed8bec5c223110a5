"""Progress of long runs on a terminal: a bar with the count, the rate and the time left.

The flows report what they consume through the module-level `advance` and `grow`; the CLI
installs a reporter around a run with `progress_bar(...)`. Without one (a scheduled run, a
test, output piped to a file) both calls do nothing, so the flows never need to know where
they run. A module-level hook rather than a flow parameter, because Prefect records flow
parameters as JSON and a live terminal object is not data; and the CLI runs flows in its
own process, so the hook reaches them.

Quiet when not interactive: `is_interactive` is false when stderr is not a terminal (CI
logs, cron mails, `2> file`), and the CLI then shows no bar at all.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text


class ProgressReporter(Protocol):
    def advance(self, count: int = 1) -> None: ...

    def grow(self, count: int) -> None: ...


_reporter: ProgressReporter | None = None
_install_lock = threading.Lock()


def advance(count: int = 1) -> None:
    """`count` more inputs done (read, skipped as known, or failed)."""
    reporter = _reporter
    if reporter is not None:
        reporter.advance(count)


def grow(count: int) -> None:
    """`count` more inputs expected than first thought (the URLs a feed lists)."""
    reporter = _reporter
    if reporter is not None and count:
        reporter.grow(count)


@contextmanager
def reporting(reporter: ProgressReporter) -> Iterator[ProgressReporter]:
    """Send `advance`/`grow` to `reporter` for the duration of the block."""
    global _reporter
    with _install_lock:
        previous, _reporter = _reporter, reporter
    try:
        yield reporter
    finally:
        with _install_lock:
            _reporter = previous


def is_interactive(stream: IO[str] | None = None) -> bool:
    """True when `stream` (default: stderr) is a terminal that can redraw a bar."""
    stream = stream if stream is not None else sys.stderr
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class RateColumn(ProgressColumn):
    """Inputs per second over rich's recent window (`? docs/s` until there is one)."""

    def __init__(self, unit: str) -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        shown = "?" if speed is None else f"{speed:,.1f}"
        return Text(f"{shown} {self.unit}/s", style="progress.data.speed")


class RichProgress:
    """A rich progress bar on stderr: description, bar, done/total, rate, elapsed, ETA.

    `total=None` (unknown) shows a pulsing bar and no ETA until `grow` gives one.
    """

    def __init__(
        self,
        description: str,
        total: int | None,
        *,
        unit: str = "docs",
        console: Console | None = None,
    ) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(unit),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._progress.add_task(description, total=total)
        self._lock = threading.Lock()

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._progress.refresh()
        self._progress.stop()

    def advance(self, count: int = 1) -> None:
        self._progress.advance(self._task, count)

    def grow(self, count: int) -> None:
        with self._lock:
            total = self._progress.tasks[0].total
            self._progress.update(self._task, total=(total or 0) + count)

    @property
    def completed(self) -> float:
        return self._progress.tasks[0].completed


@contextmanager
def progress_bar(
    description: str,
    total: int | None,
    *,
    enabled: bool,
    console: Console | None = None,
) -> Iterator[RichProgress | None]:
    """Show a bar for the block when `enabled` (the CLI passes `is_interactive()`)."""
    if not enabled:
        yield None
        return
    with RichProgress(description, total, console=console) as bar, reporting(bar):
        yield bar
