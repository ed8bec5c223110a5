"""Hostile input and faults (issue 6): the figures, and how cleaning time grows.

    python -m benchmarks.faults             # the hostile-input tests, then the growth table
    python -m benchmarks.faults --no-kill   # without the SIGKILL test (saves ~75 s)
    python -m benchmarks.faults --growth-only

1. Runs the hostile-input test files with the `tests.fault_report` plugin and prints its
   figures: inputs fuzzed, faults injected, rows lost by the kill test (0 expected) and the
   known bugs pinned as strict xfails.
2. Times `cleaners.clean` on adversarial plain-text inputs of doubling size (each in a forked
   child killed at a ceiling, see `tests/fuzzing/timing.py`) and prints the doubling ratios:
   about 2 is linear, about 4 quadratic; a killed run shows as `>ceiling`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT))

from tests.fault_report import HOSTILE_TEST_FILES, REPORT_ENV  # noqa: E402
from tests.fuzzing.timing import Payload, clean_timings  # noqa: E402

KiB = 1024
MiB = 1024 * KiB


def run_tests(with_kill: bool) -> dict:
    files = [f for f in HOSTILE_TEST_FILES if with_kill or not f.endswith("test_kill_random.py")]
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "figures.json"
        env = {**os.environ, REPORT_ENV: str(report)}
        conftest = (PROJECT / "tests" / "conftest.py").read_text(encoding="utf-8")
        plugin = [] if "fault_report" in conftest else ["-p", "tests.fault_report"]
        command = [sys.executable, "-m", "pytest", "-q", *plugin, *files]
        done = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True)
        tail = [line for line in done.stdout.splitlines() if line.strip()][-1:]
        data = json.loads(report.read_text()) if report.exists() else {}
    data["pytest"] = tail[0] if tail else f"pytest exited {done.returncode}"
    data["exit_code"] = done.returncode
    return data


def print_figures(data: dict) -> None:
    print("## Hostile input and faults\n")
    print("| figure | value |\n|---|---|")
    print(f"| inputs fuzzed | {data.get('inputs_fuzzed', 0)} |")
    print(f"| faults injected | {data.get('faults_injected', 0)} |")
    lost = data.get("rows_lost")
    checked = data.get("rows_checked", 0)
    print(f"| rows lost | {'not measured' if lost is None else f'{lost} of {checked}'} |")
    print(f"| known bugs (strict xfails) | {data.get('known_bugs_xfailed', 0)} |")
    print(f"| tests | {data['pytest']} |\n")
    for key in ("inputs_fuzzed", "faults_injected"):
        categories = data.get("by_category", {}).get(key, {})
        if categories:
            print(f"{key}: " + ", ".join(f"{k} {v}" for k, v in sorted(categories.items())))
    print()


def adversarial(kind: str, size: int) -> str:
    if kind == "hostile lines (100 kB each)":
        units = ["a", "-", ".", "@", "http://", "\"'«»", "word. ", "a@b.", "+", ",", "((", "|"]
        lines, total = [], 0
        while total < size:
            unit = units[len(lines) % len(units)]
            line = (unit * (min(100_000, size) // len(unit) + 1))[: min(100_000, size)]
            lines.append(line)
            total += len(line) + 1
        return "\n".join(lines)
    if kind == "short hostile lines":
        units = ["http://a", "- -", "@", "By A", "1.", "“a”", "A: b"]
        return "\n".join(units[i % len(units)] for i in range(size // 6))
    if kind == "prose":
        sentence = "The minister said on Thursday that the talks would resume after a pause. "
        return "\n\n".join(sentence * 4 for _ in range(size // (4 * len(sentence))))
    unit = {"run of spaces": " ", "run of digits": "1"}[kind]
    return f"Word {unit * size} word."


GROWTH = {
    "prose": [256 * KiB, 512 * KiB, MiB, 2 * MiB],
    "hostile lines (100 kB each)": [256 * KiB, 512 * KiB, MiB, 2 * MiB],
    "short hostile lines": [128 * KiB, 256 * KiB, 512 * KiB, MiB],
    "run of spaces": [8 * KiB, 16 * KiB, 32 * KiB, 64 * KiB],
    "run of digits": [4 * KiB, 8 * KiB, 16 * KiB, 32 * KiB],
}


def print_growth(ceiling: float) -> None:
    print(f"## Cleaning time by input size (plain text, one core, ceiling {ceiling:.0f} s)\n")
    print("| input | sizes | seconds | doubling ratios |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for kind, sizes in GROWTH.items():
            payloads = {str(size): Payload(adversarial(kind, size)) for size in sizes}
            timings = clean_timings(Path(folder), payloads, floor=ceiling)
            seconds = [timings[str(s)].get("elapsed") for s in sizes]
            shown = [f"{t:.2f}" if t is not None else f">{ceiling:.0f}" for t in seconds]
            ratios = [
                f"{b / a:.1f}" if a and b and a > 0.01 else "-"
                for a, b in itertools.pairwise(seconds)
            ]
            size_text = ", ".join(f"{s // KiB} kB" for s in sizes)
            print(f"| {kind} | {size_text} | {', '.join(shown)} | {', '.join(ratios)} |")
    print()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-kill", action="store_true", help="skip the SIGKILL test")
    parser.add_argument("--growth-only", action="store_true", help="only the timing table")
    parser.add_argument("--ceiling", type=float, default=60.0, help="seconds per timed input")
    args = parser.parse_args()
    status = 0
    if not args.growth_only:
        data = run_tests(with_kill=not args.no_kill)
        print_figures(data)
        status = data["exit_code"]
    print_growth(args.ceiling)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
