"""Bounded-time checks for `cleaners.clean` that survive catastrophic inputs.

`clean_timings` cleans each payload in a subprocess (imports paid once) and, inside it, in a
forked child that SIGALRM terminates at its ceiling (default action), because a regex or a
parser stuck in C cannot be interrupted from Python. A payload may name a `baseline`: a
benign input of the same size and kind, cleaned first in the parent; the ceiling is then
`ratio` times the baseline's time (at least `floor` seconds). A linear cleaner costs about
the same on both, a quadratic one orders of magnitude more, so the verdict does not depend
on the machine's speed. A baseline may also be the same input at a fraction of the size, with
`ratio` set to a few times that size factor (linear allowance times noise). Without a
baseline the ceiling is `floor`: a generous absolute cap.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from dataclasses import asdict, dataclass
from pathlib import Path

from tests.fuzzing import tally

PROJECT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Payload:
    text: str
    media_type: str = "text/plain"
    baseline: str | None = None
    ratio: float | None = None  # overrides `clean_timings(ratio=...)` for this payload


_SCRIPT = textwrap.dedent(
    """
    import json, math, os, signal, sys, time
    from cleaners import CleanConfig, RawDocument, clean
    config = CleanConfig(language_detector=None)

    def timed(text, media_type):
        started = time.perf_counter()
        raw = RawDocument(text.encode("utf-8"), "adversarial", media_type=media_type)
        result = clean(raw, config)
        return time.perf_counter() - started, result

    def in_child(text, media_type, ceiling):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            signal.alarm(math.ceil(ceiling))
            elapsed, result = timed(text, media_type)
            outcome = result.reject.reason.value if result.reject else "article"
            os.write(write_end, json.dumps([elapsed, outcome]).encode())
            os._exit(0)
        os.close(write_end)
        _, status = os.waitpid(pid, 0)
        data = os.read(read_end, 4096)
        os.close(read_end)
        if os.WIFSIGNALED(status):
            why = f"killed by signal {os.WTERMSIG(status)} at the {ceiling:.1f}s ceiling"
            return {"ok": False, "why": why}
        elapsed, outcome = json.loads(data)
        return {"ok": elapsed <= ceiling, "elapsed": round(elapsed, 3), "outcome": outcome}

    with open(sys.argv[1], encoding="utf-8") as handle:
        payloads = json.load(handle)
    ratio, floor = float(sys.argv[2]), float(sys.argv[3])
    timed("warm up the lexicons. " * 50, "text/plain")
    timed("<html><body><p>warm up the HTML path.</p></body></html>", "text/html")
    report = {}
    for name, payload in payloads.items():
        baseline = 0.0
        if payload["baseline"] is not None:
            baseline = timed(payload["baseline"], payload["media_type"])[0]
        ceiling = max(floor, (payload["ratio"] or ratio) * baseline)
        report[name] = in_child(payload["text"], payload["media_type"], ceiling)
        report[name].update(baseline=round(baseline, 3), ceiling=ceiling)
    print(json.dumps(report))
    """
)


def clean_timings(
    tmp_dir: Path, payloads: dict[str, Payload], *, ratio: float = 20.0, floor: float = 1.5
) -> dict[str, dict]:
    """{name: {"ok": bool, "elapsed"|"why": ..., ...}} for each payload."""
    path = tmp_dir / "payloads.json"
    path.write_text(json.dumps({k: asdict(v) for k, v in payloads.items()}), encoding="utf-8")
    tally.fuzzed("cleaners.adversarial", len(payloads))
    budget = sum(max(floor, 120.0) for _ in payloads) + 120
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(path), str(ratio), str(floor)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=budget,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])
