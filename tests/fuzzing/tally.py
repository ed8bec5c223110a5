"""Counters for the figures the issue asks for: inputs fuzzed, faults injected, rows lost.

Tests call `fuzzed()` for every hostile input they feed a component, `fault()` for every
fault they inject (a SIGKILL, a truncation, a corrupted header, a hostile server reply)
and `rows_lost()` with what a kill test found missing (0 is recorded too, so the report
shows the check ran). Counts are per category ("cleaners.str", "gzip", "ingest.sigkill"...)
and live in this process: pytest runs tests in one process, and the subprocesses a kill
test starts are counted by the test itself. `tests.fault_report` prints them at the end
of the session; `benchmarks/faults.py` runs the hostile-input tests and prints them too.
"""

from __future__ import annotations

from collections import Counter

KEYS = ("inputs_fuzzed", "faults_injected", "rows_lost", "rows_checked")

_COUNTS: dict[str, Counter[str]] = {key: Counter() for key in KEYS}


def add(key: str, category: str, n: int = 1) -> None:
    """Add `n` to counter `key` (one of `KEYS`) under `category`."""
    if key not in _COUNTS:
        raise ValueError(f"unknown tally key {key!r}")
    _COUNTS[key][category] += n


def fuzzed(category: str, n: int = 1) -> None:
    add("inputs_fuzzed", category, n)


def fault(category: str, n: int = 1) -> None:
    add("faults_injected", category, n)


def rows_lost(category: str, lost: int, checked: int) -> None:
    """Record a kill test's verdict: `lost` of `checked` inputs had no row at the end."""
    add("rows_lost", category, lost)
    add("rows_checked", category, checked)


def snapshot() -> dict[str, dict[str, int]]:
    """The counts so far, as plain dicts (categories sorted)."""
    return {key: dict(sorted(counter.items())) for key, counter in _COUNTS.items()}


def totals() -> dict[str, int]:
    return {key: sum(counter.values()) for key, counter in _COUNTS.items()}


def reset() -> None:
    for counter in _COUNTS.values():
        counter.clear()
