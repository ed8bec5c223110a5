"""SIGKILL a real `newsclean ingest` at random points, many times (issue 6).

One corpus of small generated documents (mostly articles, some that must become rejects:
empty, binary, only boilerplate) is ingested by the real CLI in a subprocess, with small
batches so that a run writes many batches. Each run is killed (SIGKILL to its whole process
group, the temporary Prefect server included) at a point drawn from a seeded RNG: during
start-up, or a random few milliseconds after the flow logged its k-th written batch, with k
random, so kills land while a later batch is being cleaned, staged, committed or indexed.

After every kill the dataset must read back with DuckDB and hold no duplicate (articles by
doc_id, rejects by their key, raw by hash). Then one run goes to completion, and then:
no article is duplicated, every input is either an article or a reject row, and the rows
lost (inputs with neither) are 0.

The seed is `NEWSCLEAN_KILL_SEED` (default below); a failure message names it and the kill
points, so a failing sequence can be replayed exactly.
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from tests.fuzzing import tally

pytestmark = [pytest.mark.slow, pytest.mark.timeout(420)]

PROJECT = Path(__file__).resolve().parents[1]
SEED = int(os.environ.get("NEWSCLEAN_KILL_SEED", "20261122"))
N_DOCUMENTS = 120
BATCH_SIZE = 5
N_KILLS = 5
SUBJECTS = ["The harbour council", "The ferry operator", "A spokesman for the port", "The mayor",
            "Local residents", "The transport minister", "Union representatives"]  # fmt: skip
VERBS = ["said on Tuesday that", "announced that", "warned that", "confirmed that", "argued that"]
CLAIMS = [
    "the new timetable would add two early crossings for workers on the mainland",
    "the late evening service would return before the end of the winter season",
    "ticket prices would rise by a small amount to pay for the additional crew",
    "the old vessel would be replaced by a larger boat with room for more passengers",
    "delays caused by bad weather had cost the island businesses thousands of pounds",
    "a petition with thousands of signatures had been handed to the council last month",
]


def corpus(folder: Path, rng: random.Random) -> list[str]:
    """Write the inputs; return their sources (the paths as the CLI will record them)."""
    folder.mkdir()
    sources = []
    for n in range(N_DOCUMENTS):
        path = folder / f"doc{n:03d}.txt"
        if n % 17 == 3:
            path.write_bytes(b"")  # -> reject: empty
        elif n % 17 == 7:
            path.write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(300))  # -> reject: binary
        elif n % 17 == 11:
            path.write_text("Subscribe to our newsletter\nShare on Facebook\n")  # boilerplate
        else:
            sentences = [
                f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAIMS)}, "
                f"in statement {n}.{s} of the inquiry."
                for s in range(8)
            ]
            paragraphs = [" ".join(sentences[k : k + 2]) for k in range(0, 8, 2)]
            path.write_text(f"Island ferry story {n}\n\n" + "\n\n".join(paragraphs) + "\n")
        sources.append(str(path))
    return sources


def cli_command(inputs: Path, output: Path) -> list[str]:
    script = Path(sys.executable).parent / "newsclean"
    prefix = [str(script)] if script.exists() else [sys.executable, "-m", "flows.cli"]
    return [
        *prefix,
        "ingest",
        str(inputs),
        "--output",
        str(output),
        "--batch-size",
        str(BATCH_SIZE),
        "--workers",
        "1",
    ]


@dataclass
class Run:
    process: subprocess.Popen[str]
    prefect_home: Path
    lines: list[str] = field(default_factory=list)
    batches_written: int = 0
    batch_logged: threading.Condition = field(default_factory=threading.Condition)
    reader: threading.Thread | None = None

    def read_output(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self.batch_logged:
                self.lines.append(line)
                if " - batch " in line and "new rows" in line:
                    self.batches_written += 1
                self.batch_logged.notify_all()
        with self.batch_logged:
            self.batch_logged.notify_all()

    def wait_for_batches(self, count: int, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.batch_logged:
            while self.batches_written < count and self.process.poll() is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self.batch_logged.wait(min(remaining, 0.2))
        return self.batches_written >= count

    def tail(self) -> str:
        return "".join(self.lines[-15:])


def start(inputs: Path, output: Path, prefect_home: Path) -> Run:
    prefect_home.mkdir()
    env = {
        **os.environ,
        "PREFECT_HOME": str(prefect_home),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PREFECT_API_URL", None)
    process = subprocess.Popen(
        cli_command(inputs, output),
        cwd=PROJECT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group: the Prefect server dies with it
    )
    run = Run(process, prefect_home)
    run.reader = threading.Thread(target=run.read_output, daemon=True)
    run.reader.start()
    return run


def processes_using(prefect_home: Path) -> list[int]:
    """Pids whose environment names this run's PREFECT_HOME (ours, and nobody else's)."""
    needle = f"PREFECT_HOME={prefect_home}".encode()
    found: list[int] = []
    if not Path("/proc").is_dir():  # not Linux: the process-group kill has to suffice
        return found
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def kill_group(run: Run) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(run.process.pid, signal.SIGKILL)
    run.process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while processes_using(run.prefect_home) and time.monotonic() < deadline:
        time.sleep(0.1)
    leftovers = processes_using(run.prefect_home)
    for pid in leftovers:  # only processes this test started (their env names our tmp dir)
        os.kill(pid, signal.SIGKILL)
    assert leftovers == [], f"processes survived the group kill: {leftovers}"
    if run.reader is not None:
        run.reader.join(timeout=10)


def tables(output: Path) -> dict[str, str]:
    """DuckDB relations for the tables that have published files."""
    found = {}
    for table in ("articles", "rejects", "raw", "aliases", "removed"):
        if any((output / table).rglob("*.parquet")):
            pattern = f"{output}/{table}/**/*.parquet"
            found[table] = (
                f"read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)"
            )
    return found


def check_readable_without_duplicates(output: Path, context: str) -> dict[str, int]:
    relations = tables(output)
    counts = {}
    with duckdb.connect() as db:
        for table, relation in relations.items():
            counts[table] = db.execute(f"SELECT count(*) FROM {relation}").fetchall()[0][0]
            db.execute(f"SELECT * FROM {relation}").fetchall()  # every page of every file decodes
        keys = {
            "articles": "doc_id",
            "rejects": "source, reason, raw_sha256",
            "raw": "raw_sha256",
            "aliases": "doc_id, source, url",
        }
        for table, key in keys.items():
            if table in relations:
                duplicates = db.execute(
                    f"SELECT {key}, count(*) AS n FROM {relations[table]} "
                    f"GROUP BY {key} HAVING n > 1"
                ).fetchall()
                assert duplicates == [], f"{context}: duplicate {table} rows {duplicates[:5]}"
    return counts


def recorded_sources(output: Path) -> dict[str, set[str]]:
    relations = tables(output)
    with duckdb.connect() as db:
        return {
            table: {s for (s,) in db.execute(f"SELECT source FROM {relations[table]}").fetchall()}
            for table in ("articles", "rejects", "aliases")
            if table in relations
        }


def test_random_sigkills_never_corrupt_lose_or_duplicate(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    inputs, output = tmp_path / "inputs", tmp_path / "output"
    sources = corpus(inputs, rng)
    plan: list[str] = []

    for kill in range(N_KILLS):
        recorded = set().union(*recorded_sources(output).values()) if output.exists() else set()
        remaining_batches = math.ceil((len(sources) - len(recorded & set(sources))) / BATCH_SIZE)
        run = start(inputs, output, tmp_path / f"prefect-home-{kill}")
        if kill == 0 or remaining_batches < 2:
            point = f"startup+{rng.uniform(1.0, 6.0):.2f}s"
            time.sleep(float(point.split("+")[1][:-1]))
        else:
            after = rng.randint(0, max(0, remaining_batches // 2))
            extra = rng.uniform(0.0, 0.12)
            point = f"batch {after}+{extra * 1000:.0f}ms"
            assert run.wait_for_batches(after, timeout=120), run.tail()
            time.sleep(extra)
        finished = run.process.poll() is not None
        kill_group(run)
        plan.append(point + (" (had already finished)" if finished else ""))
        tally.fault("ingest.sigkill")
        context = f"seed {SEED}, kills {plan}"
        if output.exists():
            counts = check_readable_without_duplicates(output, context)
            print(f"kill {kill}: {plan[-1]}; rows after the kill: {counts}")

    final = start(inputs, output, tmp_path / "prefect-home-final")
    try:
        final.process.wait(timeout=240)
    finally:
        kill_group(final)
    context = f"seed {SEED}, kills {plan}"
    assert final.process.returncode == 0, f"{context}\n{final.tail()}"

    counts = check_readable_without_duplicates(output, context)
    by_table = recorded_sources(output)
    recorded = set().union(*by_table.values())
    lost = sorted(set(sources) - recorded)
    tally.rows_lost("ingest.sigkill", len(lost), len(sources))
    assert lost == [], f"{context}: {len(lost)} inputs are neither article nor reject: {lost[:5]}"
    with duckdb.connect() as db:
        relation = tables(output)["articles"]
        copies = db.execute(
            f"SELECT content_sha256, count(*) AS n FROM {relation} GROUP BY 1 HAVING n > 1"
        ).fetchall()
    assert copies == [], f"{context}: the same article stored twice {copies[:3]}"
    assert not by_table.get("rejects", set()) & by_table.get("articles", set()), context
    assert counts["articles"] + counts.get("rejects", 0) >= len(sources), counts
    assert not list((output / "_index" / "journal").glob("*.json")), "a journal was left behind"
