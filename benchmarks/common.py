"""What the benchmarks share: where the data is, running the real CLI, memory, tables.

The benchmarks run `newsclean ingest` as a subprocess, exactly as a user would, because the
figures that matter (Prefect start-up, worker processes, Parquet writes, memory of the
whole process tree) only exist end to end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_DATA_DIR = Path("../shared")
MiB = 1024 * 1024
RSS_SAMPLE_SECONDS = 0.1


# --- the shared data -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The evaluation data under one shared directory (`../shared` beside the checkout)."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def seeds_gold(self) -> Path:
        return self.root / "gold"

    @property
    def devset_raw(self) -> Path:
        return self.root / "devset" / "raw"

    @property
    def devset_gold(self) -> Path:
        return self.root / "devset" / "gold"

    @property
    def htmldev_html(self) -> Path:
        return self.root / "htmldev" / "html"

    @property
    def htmldev_text(self) -> Path:
        return self.root / "htmldev" / "text"

    @property
    def evaldata(self) -> Path:
        return self.root / "htmldev" / "evaldata.json"

    @property
    def score_py(self) -> Path:
        return self.root / "eval" / "score.py"

    @property
    def score_snippets_py(self) -> Path:
        return self.root / "eval" / "score_snippets.py"

    def require(self, *paths: Path) -> None:
        """Stop with one clear message when the data is not there (e.g. in CI)."""
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise SystemExit(
                f"benchmark data not found: {', '.join(missing)}\n"
                f"pass the shared data directory with --data DIR (default {DEFAULT_DATA_DIR})"
            )


def gold_files(paths: DataPaths) -> list[Path]:
    """Gold labels of the seeds and the devset together (29 documents today)."""
    return sorted(paths.seeds_gold.glob("*.json")) + sorted(paths.devset_gold.glob("*.json"))


def text_inputs(paths: DataPaths) -> list[Path]:
    """The raw texts the gold labels describe, in the same order as `gold_files`."""
    return sorted(paths.seeds.glob("*.txt")) + sorted(paths.devset_raw.glob("*.txt"))


# --- running the real CLI ------------------------------------------------------------------------


def newsclean_command() -> list[str]:
    """The installed `newsclean` script beside this interpreter, else the module."""
    script = Path(sys.executable).parent / "newsclean"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "flows.cli"]


def prefect_environment(prefect_home: Path) -> dict[str, str]:
    """The caller's environment with a throwaway PREFECT_HOME and no analytics.

    A private PREFECT_HOME keeps benchmark runs out of the user's Prefect database; a
    configured PREFECT_API_URL is left alone (then there is no temporary server to start).
    """
    env = dict(os.environ)
    env.setdefault("PREFECT_HOME", str(prefect_home))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.setdefault("DO_NOT_TRACK", "1")
    env.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    return env


@dataclass(slots=True)
class IngestRun:
    """One `newsclean ingest` subprocess: its summary, its time and its memory."""

    wall_seconds: float
    summary: dict[str, Any]
    memory: TreeMemory
    output: Path

    @property
    def documents(self) -> int:
        return int(self.summary["inputs"]["documents"])

    @property
    def startup_seconds(self) -> float:
        return float(self.summary["timings"].get("startup_seconds") or 0.0)

    @property
    def processing_seconds(self) -> float:
        return float(self.summary["timings"]["processing_seconds"])

    @property
    def shutdown_seconds(self) -> float:
        """Wall time neither start-up nor processing: stopping the server, exiting."""
        return max(0.0, self.wall_seconds - self.startup_seconds - self.processing_seconds)

    @property
    def docs_per_second(self) -> float:
        """Documents per second of processing (Prefect start-up is reported separately)."""
        return self.documents / self.processing_seconds if self.processing_seconds else 0.0


def run_ingest_cli(
    inputs: Sequence[Path | str],
    output: Path,
    env: dict[str, str],
    extra_args: Sequence[str] = (),
) -> IngestRun:
    """Run `newsclean ingest` to completion, sampling the whole process tree's memory."""
    command = [*newsclean_command(), "ingest", *map(str, inputs), "--output", str(output)]
    command += list(extra_args)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    with TreeMemoryMonitor(process.pid) as monitor:
        stdout, stderr = process.communicate()
    wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {process.returncode}:\n"
            f"{stdout.decode(errors='replace')}\n{stderr.decode(errors='replace')[-4000:]}"
        )
    return IngestRun(wall, read_manifest(output), monitor.result, output)


def read_manifest(output: Path) -> dict[str, Any]:
    """The summary of the newest run written under `output`."""
    manifests = sorted((output / "_manifests").glob("*.json"))
    if not manifests:
        raise RuntimeError(f"no run manifest under {output}/_manifests")
    return json.loads(manifests[-1].read_text(encoding="utf-8"))


# --- memory of a process tree --------------------------------------------------------------------


@dataclass(slots=True)
class TreeMemory:
    """Peaks of resident memory: the tree's sum and the largest single process.

    The sum counts pages shared between processes more than once, so it overstates what
    the machine needs; the largest process is a lower bound. Both are sampled, so a spike
    shorter than the sampling interval can be missed.
    """

    peak_tree_bytes: int = 0
    peak_process_bytes: int = 0
    peak_processes: int = 0
    samples: int = 0
    by_role: dict[str, int] = field(default_factory=dict)


class TreeMemoryMonitor:
    """Samples RSS of a process and all its descendants in a thread until closed."""

    def __init__(self, pid: int, interval: float = RSS_SAMPLE_SECONDS) -> None:
        self.pid = pid
        self.interval = interval
        self.result = TreeMemory()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemoryMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        try:
            root = psutil.Process(self.pid)
        except psutil.NoSuchProcess:
            return
        while not self._stop.is_set():
            self._sample(root)
            self._stop.wait(self.interval)

    def _sample(self, root: Any) -> None:
        import psutil

        try:
            processes = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        total = 0
        for process in processes:
            try:
                rss = process.memory_info().rss
                role = process_role(process.cmdline())
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue
            total += rss
            self.result.by_role[role] = max(self.result.by_role.get(role, 0), rss)
            self.result.peak_process_bytes = max(self.result.peak_process_bytes, rss)
        self.result.peak_tree_bytes = max(self.result.peak_tree_bytes, total)
        self.result.peak_processes = max(self.result.peak_processes, len(processes))
        self.result.samples += 1


def process_role(cmdline: Sequence[str]) -> str:
    """A short name for a process of an ingest run, to tell where memory goes."""
    joined = " ".join(cmdline)
    if "uvicorn" in joined or "prefect.server" in joined:
        return "prefect server"
    if "newsclean" in joined and "ingest" in joined:
        return "flow process"
    if "multiprocessing" in joined or "spawn_main" in joined or "forkserver" in joined:
        return "worker"
    return "other"


def self_peak_rss_bytes() -> int:
    """This process's peak RSS (ru_maxrss is in KiB on Linux)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# --- output --------------------------------------------------------------------------------------


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub markdown table; cells are printed with `str`."""
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def fmt(value: float | None, digits: int = 3) -> str:
    """A number with fixed decimals, or `n/a` for a figure that does not apply."""
    return "n/a" if value is None else f"{value:.{digits}f}"


def mib(n_bytes: int) -> str:
    return f"{n_bytes / MiB:.0f} MiB"


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records one per line; returns how many (the scorers read JSONL directly)."""
    count = 0
    with path.open("w", encoding="utf-8") as sink:
        for record in records:
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def load_average() -> str:
    """The 1-minute load: other people's processes share these cores, so say how busy."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"
