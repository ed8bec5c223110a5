"""A real `newsclean ingest` killed with SIGKILL part way through, and two runs writing to one
output at once: the dataset stays readable, a re-run completes the work, nothing repeats.

The commands run as subprocesses against the session's Prefect harness (`prefect_api_url`),
so they start in seconds and leave no temporary server behind when killed.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.generated_docs import write_stories

PROJECT = Path(__file__).resolve().parents[1]
N_DOCS = 240
BATCH_SIZE = 10


def newsclean_env(api_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PREFECT_API_URL=api_url, PYTHONPATH=str(PROJECT))
    return env


def start_ingest(inputs: list[Path], output: Path, api_url: str, log: Path) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "flows.cli", "ingest", *map(str, inputs),
        "--output", str(output), "--workers", "1", "--batch-size", str(BATCH_SIZE),
    ]  # fmt: skip
    with log.open("wb") as log_file:
        return subprocess.Popen(
            command, cwd=PROJECT, env=newsclean_env(api_url), stdout=log_file,
            stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


def finish(child: subprocess.Popen, log: Path, timeout: float = 120) -> None:
    try:
        status = child.wait(timeout=timeout)
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=10)
    assert status == 0, log.read_text()[-4000:]


def table(output: Path, name: str) -> str:
    pattern = f"{output}/{name}/**/*.parquet"
    return f"read_parquet('{pattern}', hive_partitioning = true, union_by_name = true)"


def query(sql: str) -> list[tuple[Any, ...]]:
    return duckdb.connect().execute(sql).fetchall()


def published(output: Path, name: str) -> list[Path]:
    return [p for p in (output / name).glob("*/*.parquet") if not p.name.startswith(".")]


# Per table: how many rows repeat a key that must be unique.
REPEATS_SQL = {
    "articles": "SELECT count(*) - count(DISTINCT doc_id) + count(*) - count(DISTINCT source) "
    "+ count(*) - count(DISTINCT content_sha256) FROM {table}",
    "removed": "SELECT count(*) - count(DISTINCT (doc_id, position)) FROM {table}",
    "raw": "SELECT count(*) - count(DISTINCT raw_sha256) FROM {table}",
    "aliases": "SELECT count(*) - count(DISTINCT (doc_id, source, url)) FROM {table}",
}


def assert_readable_without_duplicates(output: Path) -> int:
    """Every published table reads with DuckDB and repeats no key; returns the articles.

    A kill between the renames of one batch's files leaves some tables a batch behind the
    others until the next writer's recovery, so a table may still have no files at all.
    """
    for name, sql in REPEATS_SQL.items():
        if published(output, name):
            assert query(sql.format(table=table(output, name))) == [(0,)], name
    if not published(output, "articles"):
        return 0
    return query(f"SELECT count(*) FROM {table(output, 'articles')}")[0][0]


def recorded_sources(output: Path) -> list[str]:
    """Every input the dataset accounts for: as an article, a reject or an alias."""
    parts = [
        f"SELECT source FROM {table(output, name)}"
        for name in ("articles", "rejects", "aliases")
        if published(output, name)
    ]
    return [source for (source,) in query(" UNION ALL ".join(parts))]


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_readable_dataset_and_a_rerun_completes(
    tmp_path: Path, prefect_api_url: str
) -> None:
    docs = write_stories(tmp_path / "docs", range(N_DOCS))
    output = tmp_path / "out"
    child = start_ingest([tmp_path / "docs"], output, prefect_api_url, tmp_path / "killed.log")
    deadline = time.monotonic() + 90
    while not published(output, "articles"):
        assert child.poll() is None, (tmp_path / "killed.log").read_text()[-4000:]
        assert time.monotonic() < deadline, "no batch landed in 90 s"
        time.sleep(0.02)
    os.killpg(child.pid, signal.SIGKILL)
    child.wait(timeout=10)

    stored_after_kill = assert_readable_without_duplicates(output)
    assert 0 < stored_after_kill < N_DOCS, "the kill should land part way through the run"

    rerun = start_ingest([tmp_path / "docs"], output, prefect_api_url, tmp_path / "rerun.log")
    finish(rerun, tmp_path / "rerun.log")

    assert assert_readable_without_duplicates(output) == N_DOCS
    sources = recorded_sources(output)
    assert sorted(sources) == sorted(str(path) for path in docs), "each input exactly once"
    log = (tmp_path / "rerun.log").read_text()
    read, skipped = map(int, re.search(r"(\d+) documents read, (\d+) skipped", log).groups())
    # A batch committed but not yet fully renamed at the kill is finished by the rerun's
    # recovery, so it counts as stored too.
    assert read + skipped == N_DOCS and skipped >= stored_after_kill


@pytest.mark.slow
def test_two_runs_writing_to_one_output_at_once_do_not_corrupt_it(
    tmp_path: Path, prefect_api_url: str
) -> None:
    """Overlapping inputs, started together: each document is stored exactly once.

    Run A reads `first/` (stories 0-159). Run B reads stories 80-159 at the same paths in
    `first/`, then `second/` (stories 80-239, so 80-159 again as identical bytes at other
    paths). Both write batches of 10 into one output at the same time.
    """
    first = write_stories(tmp_path / "first", range(0, 160))
    second = write_stories(tmp_path / "second", range(80, 240))
    shared = first[80:]
    output = tmp_path / "out"
    inputs_a = [tmp_path / "first"]
    inputs_b = [*shared, tmp_path / "second"]
    run_a = start_ingest(inputs_a, output, prefect_api_url, tmp_path / "a.log")
    run_b = start_ingest(inputs_b, output, prefect_api_url, tmp_path / "b.log")
    finish(run_a, tmp_path / "a.log")
    finish(run_b, tmp_path / "b.log")

    n_articles = assert_readable_without_duplicates(output)
    sources = recorded_sources(output)
    assert len(sources) == len(set(sources))
    # `second` holds stories 80-239 again under other paths: identical bytes, so each of
    # stories 80-159 is stored once and its other path is an alias.
    assert set(sources) == {str(path) for path in first + second}
    assert n_articles == 240
    aliases = query(f"SELECT count(*) FROM {table(output, 'aliases')}")[0][0]
    assert aliases == 80
    run_ids = query(f"SELECT count(DISTINCT run_id) FROM {table(output, 'articles')}")
    assert run_ids == [(2,)], "both runs stored articles"
    assert len(list((output / "_manifests").glob("*.json"))) == 2
