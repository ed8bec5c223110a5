"""Pytest plugin: print the hostile-input figures at the end of a test session (issue 6).

Enable it with one line in `tests/conftest.py`:

    from tests.fault_report import pytest_terminal_summary  # noqa: F401

or per run with `python -m pytest -p tests.fault_report`. It prints how many inputs were fuzzed, how
many faults were injected (truncations, corruptions, bombs, hostile servers, SIGKILLs...),
the rows lost by the kill test (must be 0) and how many known bugs are pinned as strict
xfails. With `NEWSCLEAN_FAULT_REPORT=<path>` it also writes the figures as JSON (that is
how `benchmarks/faults.py` reads them).
"""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from tests.fuzzing import tally

REPORT_ENV = "NEWSCLEAN_FAULT_REPORT"
HOSTILE_TEST_FILES = (
    "tests/test_properties_cleaners.py",
    "tests/test_fuzz_readers.py",
    "tests/test_limits.py",
    "tests/test_fetch_security.py",
    "tests/test_output_safety.py",
    "tests/test_kill_random.py",
)


def _breakdown(counts: dict[str, int], top: int = 6) -> str:
    items = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    shown = ", ".join(f"{name} {n}" for name, n in items[:top])
    return shown + (f", +{len(items) - top} more" if len(items) > top else "")


def figures(stats: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    counts, totals = tally.snapshot(), tally.totals()
    known_bugs = [
        report.nodeid
        for report in (stats or {}).get("xfailed", [])
        if report.nodeid.startswith(HOSTILE_TEST_FILES)
    ]
    return {
        "inputs_fuzzed": totals["inputs_fuzzed"],
        "faults_injected": totals["faults_injected"],
        "rows_lost": totals["rows_lost"] if totals["rows_checked"] else None,
        "rows_checked": totals["rows_checked"],
        "known_bugs_xfailed": len(known_bugs),
        "by_category": counts,
        "known_bugs": known_bugs,
    }


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    data = figures(terminalreporter.stats)
    if not (data["inputs_fuzzed"] or data["faults_injected"] or data["rows_checked"]):
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("=", "hostile input and faults (issue 6)")
    write(
        f"inputs fuzzed:   {data['inputs_fuzzed']}"
        f"  ({_breakdown(data['by_category']['inputs_fuzzed'])})"
    )
    write(
        f"faults injected: {data['faults_injected']}"
        f"  ({_breakdown(data['by_category']['faults_injected'])})"
    )
    if data["rows_checked"]:
        write(
            f"rows lost:       {data['rows_lost']}  (of {data['rows_checked']} inputs checked "
            "after the random SIGKILLs)"
        )
    else:
        write("rows lost:       not measured (the kill test did not run)")
    write(f"known bugs:      {data['known_bugs_xfailed']} pinned as strict xfails")
    path = os.environ.get(REPORT_ENV)
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=2, sort_keys=True)
